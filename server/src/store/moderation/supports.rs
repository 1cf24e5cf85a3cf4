//! "我也要" (me too) support, checked like a ballot: one per device (the primary key), a spent
//! proof of work cannot be used again, and beyond the daily allowance per network
//! (每网络每日限额) a new device's support is written as held for a moderator instead of
//! counted. Only counted support is shown. Moderators decide on held support by suggestion and
//! network, audited in the same transaction.

use crate::store::history::audit::audit;
use crate::store::infra::proofs::spend_proof;
use crate::store::replies::crossing::record_crossings;
use crate::store::{Store, StoreResult};
use app::model::{BallotReason, BallotStatus, HeldSupports, StaffMember};

/// A "me too" ready to be written.
#[derive(Clone, Debug)]
pub struct NewSupport {
    pub suggestion_id: i64,
    pub voter: String,
    pub network: String,
    /// The spent proof of work, if any.
    pub proof: Option<String>,
}

/// What became of a "me too".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SupportOutcome {
    /// Not a published suggestion: nothing to support.
    NotFound,
    /// Counted now.
    Counted,
    /// This device had already supported it (its author always has): nothing changes, and
    /// she is told so rather than thanked again (issue 34).
    Already,
    /// Written as held: a moderator decides.
    Held,
    /// The proof of work was already spent: nothing written.
    ReplayedProof,
}

impl Store {
    /// Records a "me too" from one device; `per_network_day` is the daily allowance.
    pub async fn support_suggestion(
        &self,
        s: &NewSupport,
        now: i64,
        per_network_day: i64,
    ) -> StoreResult<SupportOutcome> {
        let mut tx = self.write_tx().await?;
        let published: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM suggestions WHERE id = $1 AND status = 'published'",
        )
        .bind(s.suggestion_id)
        .fetch_one(&mut *tx)
        .await?;
        if published == 0 {
            return Ok(SupportOutcome::NotFound);
        }
        if let Some(proof) = &s.proof {
            if !spend_proof(&mut tx, proof, now).await? {
                return Ok(SupportOutcome::ReplayedProof);
            }
        }
        let already: Option<String> = sqlx::query_scalar(
            "SELECT status FROM suggestion_supports WHERE suggestion_id = $1 AND voter = $2",
        )
        .bind(s.suggestion_id)
        .bind(&s.voter)
        .fetch_optional(&mut *tx)
        .await?;
        if let Some(status) = already {
            self.commit(tx).await?;
            return Ok(
                if crate::store::ballot_status(&status)? == BallotStatus::Quarantined {
                    SupportOutcome::Held
                } else {
                    SupportOutcome::Already
                },
            );
        }
        let others: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM suggestion_supports
             WHERE suggestion_id = $1 AND network = $2 AND at >= $3 AND status = 'counted'",
        )
        .bind(s.suggestion_id)
        .bind(&s.network)
        .bind(app::model::beijing_day_start(now))
        .fetch_one(&mut *tx)
        .await?;
        let held = others >= per_network_day;
        sqlx::query(
            "INSERT INTO suggestion_supports (suggestion_id, voter, at, status, reason, network)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(s.suggestion_id)
        .bind(&s.voter)
        .bind(now)
        .bind(
            if held {
                BallotStatus::Quarantined
            } else {
                BallotStatus::Counted
            }
            .as_str(),
        )
        .bind(held.then_some(BallotReason::NetworkDay.as_str()))
        .bind(&s.network)
        .execute(&mut *tx)
        .await?;
        if !held {
            // The support that takes a suggestion over its cycle's threshold owes it a reply.
            record_crossings(&mut tx, now, Some(s.suggestion_id)).await?;
        }
        self.commit(tx).await?;
        Ok(if held {
            SupportOutcome::Held
        } else {
            SupportOutcome::Counted
        })
    }

    /// Held support waiting for a moderator, by suggestion and network, oldest first.
    pub async fn held_supports(&self) -> StoreResult<Vec<HeldSupports>> {
        let rows: Vec<(i64, String, String, i64)> = sqlx::query_as(
            "SELECT p.suggestion_id, s.title, p.network, COUNT(*)
             FROM suggestion_supports p JOIN suggestions s ON s.id = p.suggestion_id
             WHERE p.status = 'quarantined'
             GROUP BY p.suggestion_id, s.title, p.network
             ORDER BY MIN(p.at) LIMIT 200",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(suggestion_id, title, network, held)| HeldSupports {
                suggestion_id,
                title,
                network,
                held: u32::try_from(held).unwrap_or(u32::MAX),
            })
            .collect())
    }

    /// A moderator counts (or not) the held support of one suggestion from one network;
    /// returns how many were decided.
    pub async fn review_supports(
        &self,
        actor: &StaffMember,
        suggestion_id: i64,
        network: &str,
        accept: bool,
        now: i64,
    ) -> StoreResult<u64> {
        let mut tx = self.write_tx().await?;
        let decided = sqlx::query(
            "UPDATE suggestion_supports SET status = $1
             WHERE suggestion_id = $2 AND network = $3 AND status = 'quarantined'",
        )
        .bind(BallotStatus::decided(accept).as_str())
        .bind(suggestion_id)
        .bind(network)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if decided > 0 {
            audit(
                &mut tx,
                now,
                &actor.username,
                if accept {
                    "support.accept"
                } else {
                    "support.reject"
                },
                &format!("suggestion {suggestion_id}"),
                &format!("{decided} from {network}"),
            )
            .await?;
            if accept {
                record_crossings(&mut tx, now, Some(suggestion_id)).await?;
            }
        }
        self.commit(tx).await?;
        Ok(decided)
    }
}
