//! 答复评价: a follower of the item grades its reply once, within fifteen days of it, from her
//! signed link; the public reads how many rated and how the scores spread. A rating that makes
//! most of at least three raters say "unsolved" reopens the reply (重办) in the same write.

use crate::store::{Conn, Store, StoreResult};
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

/// The scores this device gave answer `round` of reply `id` on the reply's page (as a backer,
/// or sent from it with a receipt), if it did.
async fn rated_on_page(
    conn: &mut Conn,
    (id, round): (i64, i64),
    device: &str,
) -> StoreResult<Option<Scores>> {
    let row: Option<(i64, i64, i64)> = sqlx::query_as(
        "SELECT solved, attitude, speed FROM reply_ratings
         WHERE reply_id = $1 AND round = $2 AND voter IS NOT NULL
           AND (voter = $3 OR device = $4)
         ORDER BY id LIMIT 1",
    )
    .bind(id)
    .bind(round)
    .bind(device)
    .bind(device)
    .fetch_optional(&mut *conn)
    .await?;
    let n = |v: i64| u8::try_from(v).ok();
    Ok(row.and_then(|(a, b, c)| {
        Some(Scores {
            solved: n(a)?,
            attitude: n(b)?,
            speed: n(c)?,
        })
    }))
}

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
    /// `device`: the key of the browser reading, whose rating on the reply's page counts as
    /// hers.
    pub async fn my_rating(
        &self,
        follow_id: i64,
        device: Option<&str>,
        now: i64,
    ) -> StoreResult<Option<(Option<Scores>, bool)>> {
        let mut conn = self.pool.acquire().await?;
        let row: Option<Target> = sqlx::query_as(TARGET)
            .bind(follow_id)
            .fetch_optional(&mut *conn)
            .await?;
        let Some(row) = row else { return Ok(None) };
        let Some(replied) = row.1 else {
            return Ok(None);
        };
        let mut mine = scores(&row);
        if let (None, Some(device)) = (mine, device) {
            mine = rated_on_page(&mut conn, (row.0, row.5), device).await?;
        }
        Ok(Some((mine, mine.is_none() && rating_open(replied, now))))
    }

    /// Counts follow `follow_id`'s scores for its item's reply; `None`: no reply to rate. The
    /// window and "once each" are judged in the write.
    /// `device`: the key of the device she sends it from, if any, kept with the rating: a
    /// phone that rated on the reply's page (or with a receipt) is not counted again here,
    /// nor the reverse; two followers sharing a computer each rate by their own link.
    pub async fn rate_reply(
        &self,
        follow_id: i64,
        s: Scores,
        device: Option<&str>,
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
        if let Some(device) = device {
            if rated_on_page(&mut tx, (row.0, row.5), device)
                .await?
                .is_some()
            {
                return Ok(Some(RatingWritten::Already));
            }
        }
        sqlx::query(
            "INSERT INTO reply_ratings
                 (reply_id, round, follow_id, device, solved, attitude, speed, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(row.0)
        .bind(row.5)
        .bind(follow_id)
        .bind(device)
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
