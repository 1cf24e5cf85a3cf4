//! 候选议题的修改与撤下: while a cycle has not opened, editors correct a candidate's words or
//! take it off the ballot with a reason (kept in the audit log). Once the cycle opens its
//! candidates are frozen, as its rules are: every write checks the clock in its transaction.

use super::cycles::{candidate_in_cycle, CycleWrite};
use crate::store::history::audit::audit;
use crate::store::{Store, StoreResult};
use app::model::{AdminCandidate, CandidateId, FollowKind, Phase, StaffMember};

/// What an editor does to a candidate before its cycle opens.
#[derive(Clone, Copy, Debug)]
pub enum CandidateChange<'a> {
    /// 修改: new words for the ballot.
    Edit {
        title: &'a str,
        description: &'a str,
        evidence: &'a str,
    },
    /// 撤下: off the ballot, with the reason the audit log keeps. A candidate promoted from a
    /// suggestion leaves the suggestion free to be promoted again.
    Withdraw { reason: &'a str },
}

/// `(id, title, description, evidence, became_year, became_month, suggestion_id,
/// not_chosen_code)`.
type CandidateRow = (
    i64,
    String,
    String,
    String,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<String>,
);

impl Store {
    /// Applies `change` to `candidate` while its cycle has not opened.
    pub async fn change_candidate(
        &self,
        actor: &StaffMember,
        candidate: CandidateId,
        change: CandidateChange<'_>,
        now: i64,
    ) -> StoreResult<CycleWrite> {
        let mut tx = self.write_tx().await?;
        let Some(row) = candidate_in_cycle(&mut tx, candidate).await? else {
            return Ok(CycleWrite::Missing);
        };
        let phase = Phase::of(row.opens_at, row.closes_at, row.awaits_open != 0, now);
        if phase != Phase::Upcoming {
            return Ok(CycleWrite::Frozen);
        }
        let subject = format!("cycle {}: candidate {candidate}: {}", row.slug, row.title);
        match change {
            CandidateChange::Edit {
                title,
                description,
                evidence,
            } => {
                sqlx::query(
                    "UPDATE cycle_candidates SET title = $1, description = $2, evidence = $3
                     WHERE id = $4",
                )
                .bind(title)
                .bind(description)
                .bind(evidence)
                .bind(candidate.0)
                .execute(&mut *tx)
                .await?;
                let detail = format!("title: {title}");
                audit(
                    &mut tx,
                    now,
                    &actor.username,
                    "candidate.edit",
                    &subject,
                    &detail,
                )
                .await?;
            }
            CandidateChange::Withdraw { reason } => {
                sqlx::query(
                    "UPDATE suggestions SET promoted_at = NULL
                     WHERE id = (SELECT suggestion_id FROM cycle_candidates WHERE id = $1)",
                )
                .bind(candidate.0)
                .execute(&mut *tx)
                .await?;
                // Its follows go with it (their queued mail too): an id may be used again.
                sqlx::query("DELETE FROM follows WHERE kind = $1 AND subject = $2")
                    .bind(FollowKind::Candidate.as_str())
                    .bind(candidate.0.to_string())
                    .execute(&mut *tx)
                    .await?;
                sqlx::query("DELETE FROM cycle_candidates WHERE id = $1")
                    .bind(candidate.0)
                    .execute(&mut *tx)
                    .await?;
                audit(
                    &mut tx,
                    now,
                    &actor.username,
                    "candidate.withdraw",
                    &subject,
                    reason,
                )
                .await?;
            }
        }
        self.commit(tx).await?;
        Ok(CycleWrite::Done)
    }

    /// A cycle's candidates as editors manage them, in ballot order.
    pub async fn cycle_candidates(
        &self,
        cycle_id: app::model::CycleId,
    ) -> StoreResult<Vec<AdminCandidate>> {
        let rows: Vec<CandidateRow> = sqlx::query_as(
            "SELECT id, title, description, evidence, became_year, became_month, suggestion_id,
                    not_chosen_code
                 FROM cycle_candidates WHERE cycle_id = $1 ORDER BY position",
        )
        .bind(cycle_id.0)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(
                |(id, title, description, evidence, y, m, suggestion, not_chosen)| {
                    let became = match y.zip(m) {
                        Some((y, m)) => {
                            let key = crate::store::topic_key(y, m)?;
                            Some((key.year, key.month.get()))
                        }
                        None => None,
                    };
                    Ok(AdminCandidate {
                        id: CandidateId(id),
                        title,
                        description,
                        evidence,
                        became,
                        from_suggestion: suggestion.is_some(),
                        not_chosen: not_chosen
                            .as_deref()
                            .and_then(app::model::NotChosenReason::parse),
                    })
                },
            )
            .collect()
    }
}
