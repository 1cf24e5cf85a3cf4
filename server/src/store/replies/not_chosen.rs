//! 未入选理由: after a round closes, an editor gives each candidate that did not become a topic
//! its published reason code and a note, audited. A candidate that became a topic needs none.

use crate::store::history::audit::audit;
use crate::store::{CycleWrite, Store, StoreResult};
use app::model::{CandidateId, NotChosenReason, StaffMember};

/// A stored 未入选理由: an unknown code is a corrupt row.
pub(in crate::store) fn read(
    code: Option<String>,
    note: Option<String>,
) -> StoreResult<Option<app::model::NotChosen>> {
    code.map(|c| match NotChosenReason::parse(&c) {
        Some(reason) => Ok(app::model::NotChosen {
            reason,
            note: note.unwrap_or_default(),
        }),
        None => Err(crate::store::StoreError::Corrupt(format!(
            "not chosen {c:?}"
        ))),
    })
    .transpose()
}

impl Store {
    /// Sets (or clears, with `None`) why `candidate` was not chosen. `NotClosed` while its round
    /// is open; `Duplicate` when it became a topic.
    pub async fn set_not_chosen(
        &self,
        actor: &StaffMember,
        candidate: CandidateId,
        reason: Option<(NotChosenReason, &str)>,
        now: i64,
    ) -> StoreResult<CycleWrite> {
        let mut tx = self.write_tx().await?;
        let row: Option<(i64, String, Option<i64>)> = sqlx::query_as(
            "SELECT c.closes_at, k.title, k.became_year
             FROM cycle_candidates k JOIN cycles c ON c.id = k.cycle_id WHERE k.id = $1",
        )
        .bind(candidate.0)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((closes_at, title, became)) = row else {
            return Ok(CycleWrite::Missing);
        };
        if closes_at > now {
            return Ok(CycleWrite::NotClosed);
        }
        if became.is_some() {
            return Ok(CycleWrite::Duplicate);
        }
        sqlx::query(
            "UPDATE cycle_candidates SET not_chosen_code = $1, not_chosen_note = $2 WHERE id = $3",
        )
        .bind(reason.map(|(r, _)| r.as_str()))
        .bind(reason.map(|(_, note)| note))
        .bind(candidate.0)
        .execute(&mut *tx)
        .await?;
        let detail = reason
            .map(|(r, note)| format!("{} {note}", r.as_str()))
            .unwrap_or_default();
        audit(
            &mut tx,
            now,
            &actor.username,
            "candidate.not_chosen",
            &format!("candidate {candidate}: {title}"),
            detail.trim(),
        )
        .await?;
        self.commit(tx).await?;
        Ok(CycleWrite::Done)
    }
}
