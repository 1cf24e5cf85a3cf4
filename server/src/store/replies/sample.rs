//! Demo data for the answer loop's yardsticks (示例数据, the cycle is sample): the closed sample
//! round's second candidate was handed to the housing department and answered three working
//! days late, and residents rated both answers — so the reply league has a ranked and an
//! unranked department, averages and a "too few ratings", from the demo alone.

use crate::store::{Store, StoreError, StoreResult};
use app::model::working_days::add_working_days;

/// The department the sample hand-over goes to.
pub const SAMPLE_HANDED_TO: &str = "市住房城乡建设委";

const SAMPLE_PARTLY: &str = "（示例答复）已要求各区住房城乡建设部门督促物业公开收费明细，\
物业服务评价结果纳入年度考核；收费标准调整需经业主大会表决，另行研究。";

/// Sample ratings `(solved, attitude, speed)`: of the adopted winner (six raters, averages
/// shown) and of the late answer (three, too few to average; not "mostly unsolved").
const WINNER_RATINGS: [(i64, i64, i64); 6] = [
    (4, 5, 4),
    (5, 4, 4),
    (3, 4, 3),
    (4, 5, 5),
    (5, 5, 4),
    (2, 3, 2),
];
const LATE_RATINGS: [(i64, i64, i64); 3] = [(2, 3, 2), (3, 3, 3), (4, 4, 2)];

impl Store {
    /// Adds the sample hand-over, late answer and ratings once (a reply already answered or
    /// rated is left as it is).
    pub async fn seed_sample_league(&self, now: i64) -> StoreResult<()> {
        // The closed sample round's replies, by candidate position: the winner first.
        let rows: Vec<(i64, String, Option<i64>, Option<i64>)> = sqlx::query_as(
            "SELECT r.id, COALESCE(r.extended_to, r.due_on), r.replied_at, k.became_year
             FROM replies r JOIN cycle_candidates k ON r.item_kind = 'candidate' AND k.id = r.item_id
             JOIN cycles c ON c.id = r.cycle_id
             WHERE c.is_sample = 1 AND c.closes_at <= $1
             ORDER BY c.closes_at, k.position",
        )
        .bind(now)
        .fetch_all(&self.pool)
        .await?;
        let winner = rows.iter().find(|r| r.2.is_some() && r.3.is_some());
        let second = rows.iter().find(|r| r.3.is_none());
        let mut tx = self.write_tx().await?;
        let mut wrote = false;
        if let Some((id, judged, None, _)) = second {
            let due: jiff::civil::Date = judged
                .parse()
                .map_err(|_| StoreError::Corrupt(format!("reply date {judged:?}")))?;
            let late = add_working_days(due, 3);
            // 10:00 Beijing that day, never in the future.
            let at = late
                .to_zoned(app::i18n::when::beijing())
                .map_err(|e| StoreError::Corrupt(format!("sample date: {e}")))?
                .timestamp()
                .as_second()
                + 10 * 3600;
            if at <= now {
                sqlx::query(
                    "UPDATE replies SET department = $1, decision = 'partly_adopted', body = $2,
                            replied_at = $3
                     WHERE id = $4 AND replied_at IS NULL",
                )
                .bind(SAMPLE_HANDED_TO)
                .bind(SAMPLE_PARTLY)
                .bind(at)
                .bind(id)
                .execute(&mut *tx)
                .await?;
                wrote |= rate(&mut tx, *id, &LATE_RATINGS, at).await?;
            }
        }
        if let Some((id, _, Some(at), _)) = winner {
            wrote |= rate(&mut tx, *id, &WINNER_RATINGS, *at).await?;
        }
        if wrote {
            self.commit(tx).await?;
        }
        Ok(())
    }
}

/// Sample ratings of reply `id`, a day apart from `answered`; none if it has some already.
async fn rate(
    tx: &mut crate::store::Conn,
    id: i64,
    scores: &[(i64, i64, i64)],
    answered: i64,
) -> StoreResult<bool> {
    let had: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM reply_ratings WHERE reply_id = $1")
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
    if had > 0 {
        return Ok(false);
    }
    for (n, (solved, attitude, speed)) in (1i64..).zip(scores) {
        sqlx::query(
            "INSERT INTO reply_ratings (reply_id, round, voter, solved, attitude, speed, created_at)
             VALUES ($1, 1, $2, $3, $4, $5, $6)",
        )
        .bind(id)
        .bind(format!("sample-rating-{n}"))
        .bind(solved)
        .bind(attitude)
        .bind(speed)
        .bind(answered + n * 86_400)
        .execute(&mut *tx)
        .await?;
    }
    Ok(true)
}
