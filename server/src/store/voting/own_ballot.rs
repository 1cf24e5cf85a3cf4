//! 您的选票: a ballot read back for the device that cast it (its cookie names the receipt), with
//! its picks and where it stands now. The public receipt check (`participation.rs`) never
//! returns picks.

use crate::store::backers::{current_ballot, parse_picks};
use crate::store::{iso, Store, StoreResult};
use app::model::{BallotStatus, OwnBallot, OwnBallotState};
use std::collections::HashMap;

impl Store {
    /// The ballot with `receipt` in the cycle `slug`, as its own device sees it; `None` when
    /// there is no such ballot in that cycle.
    pub async fn own_ballot(&self, slug: &str, receipt: &str) -> StoreResult<Option<OwnBallot>> {
        #[derive(sqlx::FromRow)]
        struct Row {
            id: i64,
            cycle_id: i64,
            voter: String,
            tier: String,
            picks: String,
            status: String,
            created_at: i64,
        }
        let row: Option<Row> = sqlx::query_as(
            "SELECT b.id, b.cycle_id, b.voter, b.tier, b.picks,
                    COALESCE(r.decision, b.status) AS status, b.created_at
             FROM ballots b JOIN cycles c ON c.id = b.cycle_id
             LEFT JOIN ballot_reviews r ON r.ballot_id = b.id
             WHERE b.receipt = $1 AND c.slug = $2",
        )
        .bind(receipt)
        .bind(slug)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let state = match crate::store::ballot_status(&row.status)? {
            BallotStatus::Quarantined => OwnBallotState::Held,
            BallotStatus::Rejected => OwnBallotState::Rejected,
            BallotStatus::Counted => {
                let mut conn = self.pool.acquire().await?;
                let cycle = app::model::CycleId(row.cycle_id);
                let current = current_ballot(&mut conn, cycle, &row.voter).await?;
                drop(conn);
                match current {
                    Some((id, _, _)) if id != row.id => OwnBallotState::Superseded,
                    _ => OwnBallotState::Counted,
                }
            }
        };
        let titles: HashMap<i64, String> = sqlx::query_as::<_, (i64, String)>(
            "SELECT id, title FROM cycle_candidates WHERE cycle_id = $1",
        )
        .bind(row.cycle_id)
        .fetch_all(&self.pool)
        .await?
        .into_iter()
        .collect();
        let picks = parse_picks(&row.picks);
        let pick_titles = picks
            .iter()
            .filter_map(|id| titles.get(&id.0).cloned())
            .collect();
        Ok(Some(OwnBallot {
            receipt: receipt.to_string(),
            state,
            picks,
            pick_titles,
            verified: row.tier == "verified",
            at: iso(row.created_at),
        }))
    }
}
