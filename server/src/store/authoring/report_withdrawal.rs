//! 撤回进展: a progress report taken back, with its reason, by the department it speaks for (or
//! an editor). The row stays: the topic's timeline keeps its date and title and says why it
//! went; the feed drops it. And the reports a department has posted, for its desk.

use crate::store::history::audited_edit::{EditOf, Edited};
use crate::store::{Store, StoreResult};
use app::model::{DeskReport, Entity, StaffMember};

/// `(id, date, title, year, month, theme, withdrawn_at)` of a report on a department's desk.
type DeskReportRow = (i64, String, String, i64, i64, String, Option<i64>);

impl Store {
    /// `Some(department)` the report speaks for (`Some(None)`: the editorial office or an
    /// older free-text author); `None`: no such report.
    pub async fn report_department(&self, id: i64) -> StoreResult<Option<Option<i64>>> {
        Ok(
            sqlx::query_scalar("SELECT author_department_id FROM reports WHERE id = $1")
                .bind(id)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    /// Withdraws a standing report. `false`: no such report, or already withdrawn.
    pub async fn withdraw_report(
        &self,
        actor: &StaffMember,
        id: i64,
        reason: &str,
        now: i64,
    ) -> StoreResult<bool> {
        let of = EditOf {
            actor: &actor.username,
            entity: Entity::Report,
            id,
            action: "report.withdraw",
            now,
        };
        let done = self
            .audited_edit(of, async |tx| {
                let title: Option<String> = sqlx::query_scalar(
                    "UPDATE reports SET withdrawn_at = $1, withdrawn_reason = $2
                     WHERE id = $3 AND withdrawn_at IS NULL RETURNING title",
                )
                .bind(now)
                .bind(reason)
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
                let Some(title) = title else {
                    return Ok(Err(false));
                };
                Ok(Ok(
                    Edited::new(format!("report {id}: {title}"), true).detail(reason)
                ))
            })
            .await?;
        Ok(done.unwrap_or(false))
    }

    /// The reports posted under `department`, newest first, withdrawn ones marked.
    pub async fn department_reports(&self, department: i64) -> StoreResult<Vec<DeskReport>> {
        let rows: Vec<DeskReportRow> = sqlx::query_as(
            "SELECT r.id, r.report_date, r.title, t.year, t.month, t.theme, r.withdrawn_at
             FROM reports r JOIN topics t ON t.id = r.topic_id
             WHERE r.author_department_id = $1
             ORDER BY r.report_date DESC, r.id DESC",
        )
        .bind(department)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(id, date, title, year, month, theme, withdrawn)| {
                Ok(DeskReport {
                    id,
                    date,
                    title,
                    topic: app::model::TopicLabel {
                        key: crate::store::topic_key(year, month)?,
                        theme,
                    },
                    withdrawn: withdrawn.is_some(),
                })
            })
            .collect()
    }
}
