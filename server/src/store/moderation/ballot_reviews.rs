//! 待审选票: moderators' decisions on held ballots. A decision is appended to `ballot_reviews`
//! (never changed or deleted); an accepted ballot moves the running tally in the same transaction.

use crate::store::backers::{current_ballot, parse_picks};
use crate::store::history::audit::audit;
use crate::store::voting::ballots::move_tally;
use crate::store::{Store, StoreResult};
use app::model::{HeldBallot, StaffMember};

impl Store {
    /// Ballots held for review (no decision yet), oldest first.
    pub async fn held_ballots(&self) -> StoreResult<Vec<HeldBallot>> {
        let rows: Vec<(i64, String, String, String, String, i64)> = sqlx::query_as(
            "SELECT b.id, c.title, b.tier, COALESCE(b.reason, ''), b.network, b.created_at
             FROM ballots b JOIN cycles c ON c.id = b.cycle_id
             LEFT JOIN ballot_reviews r ON r.ballot_id = b.id
             WHERE b.status = 'quarantined' AND r.ballot_id IS NULL ORDER BY b.id LIMIT 500",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(id, cycle, tier, reason, network, at)| HeldBallot {
                id,
                cycle,
                tier,
                reason,
                network,
                at: jiff::Timestamp::from_second(at)
                    .map(|t| t.to_string())
                    .unwrap_or_default(),
            })
            .collect())
    }

    /// A moderator's decision on a held ballot. Accepted, it counts if it is the voter's latest
    /// accepted ballot (the running tally moves in the same transaction); false if already decided.
    pub async fn review_ballot(
        &self,
        actor: &StaffMember,
        id: i64,
        accept: bool,
        now: i64,
    ) -> StoreResult<bool> {
        let mut tx = self.write_tx().await?;
        let ballot: Option<(i64, String, String, String)> = sqlx::query_as(
            "SELECT b.cycle_id, b.voter, b.tier, b.picks FROM ballots b
             LEFT JOIN ballot_reviews r ON r.ballot_id = b.id
             WHERE b.id = $1 AND b.status = 'quarantined' AND r.ballot_id IS NULL",
        )
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((cycle, voter, tier, picks)) = ballot else {
            return Ok(false);
        };
        let cycle = app::model::CycleId(cycle);
        let before = if accept {
            current_ballot(&mut tx, cycle, &voter).await?
        } else {
            None
        };
        sqlx::query("INSERT INTO ballot_reviews (ballot_id, decision, moderator, at) VALUES ($1, $2, $3, $4)")
            .bind(id)
            .bind(app::model::BallotStatus::decided(accept).as_str())
            .bind(&actor.username)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        if accept {
            match before {
                // An earlier ballot counted: this later one replaces it.
                Some((old, old_tier, old_picks)) if old < id => {
                    move_tally(&mut tx, cycle, &old_tier, &parse_picks(&old_picks), -1).await?;
                    move_tally(&mut tx, cycle, &tier, &parse_picks(&picks), 1).await?;
                }
                // A later ballot of the same voter already counts: this one stays superseded.
                Some(_) => {}
                None => move_tally(&mut tx, cycle, &tier, &parse_picks(&picks), 1).await?,
            }
        }
        let action = if accept {
            "ballot.accept"
        } else {
            "ballot.reject"
        };
        audit(
            &mut tx,
            now,
            &actor.username,
            action,
            &format!("ballot {id}"),
            "",
        )
        .await?;
        self.commit(tx).await?;
        Ok(true)
    }
}
