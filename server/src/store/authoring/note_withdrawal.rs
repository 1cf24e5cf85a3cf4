//! 撤回进展记录: a progress note taken back, with its reason, by the department that posted it
//! (or an editor). The row stays: the task's notes keep its date and department and say why it
//! went. Notes have no revision history of their own; the audit log keeps the withdrawal.

use crate::store::history::audit::audit;
use crate::store::{Store, StoreResult};
use app::model::StaffMember;

impl Store {
    /// The department that posted a note of `task_id`; `None`: no such note on that task.
    pub async fn note_department(&self, task_id: i64, note_id: i64) -> StoreResult<Option<i64>> {
        Ok(sqlx::query_scalar(
            "SELECT department_id FROM task_notes WHERE id = $1 AND task_id = $2",
        )
        .bind(note_id)
        .bind(task_id)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Corrects a standing note of `task_id` in place (date, text, evidence); the audit log
    /// keeps the earlier wording. `false`: no such note, or withdrawn.
    pub async fn correct_task_note(
        &self,
        actor: &StaffMember,
        task_id: i64,
        note_id: i64,
        note: &crate::store::NewTaskNote,
        now: i64,
    ) -> StoreResult<bool> {
        let mut tx = self.write_tx().await?;
        let was: Option<(String, String)> = sqlx::query_as(
            "SELECT note_date, note FROM task_notes
             WHERE id = $1 AND task_id = $2 AND withdrawn_at IS NULL",
        )
        .bind(note_id)
        .bind(task_id)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((was_date, was_text)) = was else {
            return Ok(false);
        };
        sqlx::query(
            "UPDATE task_notes SET note_date = $1, note = $2, evidence_url = $3,
                    evidence_title = $4, corrected_at = $5 WHERE id = $6",
        )
        .bind(&note.date)
        .bind(&note.note)
        .bind(note.evidence.as_ref().map(|e| e.url.as_str()))
        .bind(note.evidence.as_ref().map(|e| e.title.as_str()))
        .bind(now)
        .bind(note_id)
        .execute(&mut *tx)
        .await?;
        let subject = format!("task {task_id}: note {note_id}");
        let detail = format!("was {was_date}: {was_text}");
        audit(
            &mut tx,
            now,
            &actor.username,
            "task.note_correct",
            &subject,
            &detail,
        )
        .await?;
        self.commit(tx).await?;
        Ok(true)
    }

    /// Withdraws a standing note of `task_id`. `false`: no such note, or already withdrawn.
    pub async fn withdraw_task_note(
        &self,
        actor: &StaffMember,
        task_id: i64,
        note_id: i64,
        reason: &str,
        now: i64,
    ) -> StoreResult<bool> {
        let mut tx = self.write_tx().await?;
        let date: Option<String> = sqlx::query_scalar(
            "UPDATE task_notes SET withdrawn_at = $1, withdrawn_reason = $2
             WHERE id = $3 AND task_id = $4 AND withdrawn_at IS NULL RETURNING note_date",
        )
        .bind(now)
        .bind(reason)
        .bind(note_id)
        .bind(task_id)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(date) = date else {
            return Ok(false);
        };
        let subject = format!("task {task_id}: note {note_id} of {date}");
        audit(
            &mut tx,
            now,
            &actor.username,
            "task.note_withdraw",
            &subject,
            reason,
        )
        .await?;
        self.commit(tx).await?;
        Ok(true)
    }
}
