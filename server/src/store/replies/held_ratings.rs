//! Ratings from a reply's page held by the daily allowance per network: a moderator counts or
//! rejects one reply's held ratings from one network at once, audited in the same write. A
//! counted first-answer rating may tip the reply into 重办, as it would have when sent.

use super::rehandle::reopen_if_unsolved;
use crate::store::history::audit::audit;
use crate::store::{Store, StoreResult};
use app::model::{HeldRatings, StaffMember};

impl Store {
    /// Held ratings waiting for a moderator, by reply and network, oldest first.
    pub async fn held_ratings(&self) -> StoreResult<Vec<HeldRatings>> {
        let rows: Vec<(i64, String, String, i64)> = sqlx::query_as(
            "SELECT g.reply_id,
                    COALESCE(s.title, k.title, ''), g.network, COUNT(*)
             FROM reply_ratings g
             JOIN replies r ON r.id = g.reply_id
             LEFT JOIN suggestions s ON r.item_kind = 'suggestion' AND s.id = r.item_id
             LEFT JOIN cycle_candidates k ON r.item_kind = 'candidate' AND k.id = r.item_id
             WHERE g.state = 'held' AND g.network IS NOT NULL
             GROUP BY g.reply_id, s.title, k.title, g.network
             ORDER BY MIN(g.created_at) LIMIT 200",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(reply_id, title, network, held)| HeldRatings {
                reply_id,
                title,
                network,
                held: u32::try_from(held).unwrap_or(u32::MAX),
            })
            .collect())
    }

    /// A moderator counts (or not) the held ratings of reply `reply_id` from `network`;
    /// returns how many were decided.
    pub async fn review_ratings(
        &self,
        actor: &StaffMember,
        (reply_id, network): (i64, &str),
        accept: bool,
        now: i64,
    ) -> StoreResult<u64> {
        let mut tx = self.write_tx().await?;
        let decided = sqlx::query(
            "UPDATE reply_ratings SET state = $1, reviewed_by = $2, reviewed_at = $3
             WHERE reply_id = $4 AND network = $5 AND state = 'held'",
        )
        .bind(if accept { "counted" } else { "rejected" })
        .bind(&actor.username)
        .bind(now)
        .bind(reply_id)
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
                    "rating.accept"
                } else {
                    "rating.reject"
                },
                &format!("reply {reply_id}"),
                &format!("{decided} from {network}"),
            )
            .await?;
            if accept {
                reopen_if_unsolved(&mut tx, reply_id, now).await?;
            }
        }
        self.commit(tx).await?;
        Ok(decided)
    }
}
