//! 由投票选出: the voting rounds whose residents chose a month's topic — the candidates an
//! editor marked as having become it — with each candidate's approvals by tier once its
//! round's tally is public (the round closed, or its tally shown live).

use crate::store::{Store, StoreResult};
use app::model::{ChosenBy, Tally};

#[derive(sqlx::FromRow)]
struct Row {
    slug: String,
    title: String,
    candidate_id: i64,
    candidate_title: String,
    public_tally: i64,
    verified: i64,
    unverified: i64,
    is_sample: i64,
}

impl Store {
    /// The rounds that chose the topic of `year`-`month`, oldest first; `now` decides whether a
    /// round's tally is public yet.
    pub async fn chosen_by(&self, year: i32, month: u8, now: i64) -> StoreResult<Vec<ChosenBy>> {
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT c.slug, c.title, k.id AS candidate_id, k.title AS candidate_title,
                    CAST(CASE WHEN c.closes_at <= $1 OR c.live_tally = 1 THEN 1 ELSE 0 END
                         AS BIGINT) AS public_tally,
                    -- One row per candidate and tier (the key); PostgreSQL's SUM would be numeric.
                    COALESCE((SELECT approvals FROM tallies
                              WHERE candidate_id = k.id AND tier = 'verified'), 0) AS verified,
                    COALESCE((SELECT approvals FROM tallies
                              WHERE candidate_id = k.id AND tier = 'unverified'), 0) AS unverified,
                    c.is_sample
             FROM cycle_candidates k JOIN cycles c ON c.id = k.cycle_id
             WHERE k.became_year = $2 AND k.became_month = $3
             ORDER BY c.closes_at, k.id",
        )
        .bind(now)
        .bind(i64::from(year))
        .bind(i64::from(month))
        .fetch_all(&self.pool)
        .await?;
        let count = |n: i64| u32::try_from(n.max(0)).unwrap_or(u32::MAX);
        Ok(rows
            .into_iter()
            .map(|r| ChosenBy {
                cycle_slug: r.slug,
                cycle_title: r.title,
                candidate_id: r.candidate_id,
                candidate_title: r.candidate_title,
                tally: (r.public_tally != 0).then(|| Tally {
                    verified: count(r.verified),
                    unverified: count(r.unverified),
                }),
                is_sample: r.is_sample != 0,
            })
            .collect())
    }
}
