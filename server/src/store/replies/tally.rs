//! How one answer's counted ratings spread: read by the rating write (to judge 重办), by
//! 重办 itself, and by the reply's page.

use crate::store::{Conn, StoreResult};
use app::model::{RatingTally, Scores};

/// How the counted ratings of one answer spread, read inside a transaction or on its own.
pub(super) async fn tally_of(conn: &mut Conn, id: i64, round: i64) -> StoreResult<RatingTally> {
    let rows: Vec<(i64, i64, i64)> = sqlx::query_as(
        "SELECT solved, attitude, speed FROM reply_ratings
             WHERE reply_id = $1 AND round = $2 AND state = 'counted'",
    )
    .bind(id)
    .bind(round)
    .fetch_all(&mut *conn)
    .await?;
    let mut tally = RatingTally::default();
    for (solved, attitude, speed) in rows {
        let n = |v: i64| u8::try_from(v).unwrap_or(0);
        tally.add(Scores {
            solved: n(solved),
            attitude: n(attitude),
            speed: n(speed),
        });
    }
    Ok(tally)
}
