//! 答复评价: a follower of the item grades its reply once, within fifteen days of it, from her
//! signed link; the public reads how many rated and how the scores spread. A rating that makes
//! most of at least three raters say "unsolved" reopens the reply (重办) in the same write.

use crate::store::{Store, StoreResult};
use app::model::{rating_open, RatingTally, Scores};

/// What rating did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RatingWritten {
    Counted,
    /// She had rated it already.
    Already,
    /// Not answered yet, or fifteen days have passed.
    Closed,
}

/// The reply a confirmed follow may rate: `(reply id, answer posted at)`, her scores for the
/// answer judged now, and its round (1, or 2 after 重办).
type Target = (i64, Option<i64>, Option<i64>, Option<i64>, Option<i64>, i64);

const TARGET: &str = "SELECT r.id, r.replied_at, g.solved, g.attitude, g.speed, r.round
    FROM follows f
    JOIN (SELECT id, item_kind, item_id, replied_at,
                 CASE WHEN reopened_at IS NULL THEN 1 ELSE 2 END AS round
          FROM replies) r ON r.item_kind = f.kind AND CAST(r.item_id AS TEXT) = f.subject
    LEFT JOIN reply_ratings g ON g.reply_id = r.id AND g.round = r.round AND g.follow_id = f.id
    WHERE f.id = $1 AND f.confirmed_at IS NOT NULL";

fn scores(row: &Target) -> Option<Scores> {
    let score = |n: Option<i64>| n.and_then(|n| u8::try_from(n).ok());
    Some(Scores {
        solved: score(row.2)?,
        attitude: score(row.3)?,
        speed: score(row.4)?,
    })
}

impl Store {
    /// Her scores for the reply to the item follow `follow_id` is of, and whether she may
    /// still rate it; `None`: no reply to rate (yet).
    pub async fn my_rating(
        &self,
        follow_id: i64,
        now: i64,
    ) -> StoreResult<Option<(Option<Scores>, bool)>> {
        let row: Option<Target> = sqlx::query_as(TARGET)
            .bind(follow_id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.and_then(|row| {
            let replied = row.1?;
            let mine = scores(&row);
            Some((mine, mine.is_none() && rating_open(replied, now)))
        }))
    }

    /// Counts follow `follow_id`'s scores for its item's reply; `None`: no reply to rate. The
    /// window and "once each" are judged in the write.
    /// `voter`: the key of the device she sends it from, if any: one phone, one rater, by
    /// mail link or on the reply's page.
    pub async fn rate_reply(
        &self,
        follow_id: i64,
        s: Scores,
        voter: Option<&str>,
        now: i64,
    ) -> StoreResult<Option<RatingWritten>> {
        let mut tx = self.write_tx().await?;
        let row: Option<Target> = sqlx::query_as(TARGET)
            .bind(follow_id)
            .fetch_optional(&mut *tx)
            .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        if scores(&row).is_some() {
            return Ok(Some(RatingWritten::Already));
        }
        if !row.1.is_some_and(|at| rating_open(at, now)) {
            return Ok(Some(RatingWritten::Closed));
        }
        if let Some(voter) = voter {
            let rated: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM reply_ratings
                 WHERE reply_id = $1 AND round = $2 AND voter = $3",
            )
            .bind(row.0)
            .bind(row.5)
            .bind(voter)
            .fetch_one(&mut *tx)
            .await?;
            if rated > 0 {
                return Ok(Some(RatingWritten::Already));
            }
        }
        sqlx::query(
            "INSERT INTO reply_ratings
                 (reply_id, round, follow_id, voter, solved, attitude, speed, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(row.0)
        .bind(row.5)
        .bind(follow_id)
        .bind(voter)
        .bind(i64::from(s.solved))
        .bind(i64::from(s.attitude))
        .bind(i64::from(s.speed))
        .bind(now)
        .execute(&mut *tx)
        .await?;
        if row.5 == 1 {
            super::rehandle::reopen_if_unsolved(&mut tx, row.0, now).await?;
        }
        self.commit(tx).await?;
        Ok(Some(RatingWritten::Counted))
    }

    /// How the counted ratings of reply `id`'s answer `round` (1, or 2 after 重办) spread.
    pub async fn rating_tally(&self, id: i64, round: i64) -> StoreResult<RatingTally> {
        let mut conn = self.pool.acquire().await?;
        super::tally::tally_of(&mut conn, id, round).await
    }
}
