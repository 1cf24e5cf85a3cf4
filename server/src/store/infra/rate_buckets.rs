//! Rate limits shared by every server instance on one database (限流), for PostgreSQL
//! deployments: the same GCRA that `governor` runs in memory, one row per key.

use crate::store::{Store, StoreResult};

impl Store {
    /// Takes one token from `bucket` at `now_ms`: at most `burst` at once, refilled one per
    /// `interval_ms`. True when allowed. One statement, so two instances taking the last token
    /// at the same moment cannot both get it (the upsert locks the row).
    pub async fn take_rate_token(
        &self,
        bucket: &str,
        now_ms: i64,
        interval_ms: i64,
        burst: i64,
    ) -> StoreResult<bool> {
        let taken: Option<i64> = sqlx::query_scalar(
            "INSERT INTO rate_buckets (bucket, tat) VALUES ($1, $2 + $3)
             ON CONFLICT (bucket) DO UPDATE
             SET tat = (CASE WHEN rate_buckets.tat > $2 THEN rate_buckets.tat ELSE $2 END) + $3
             WHERE (CASE WHEN rate_buckets.tat > $2 THEN rate_buckets.tat ELSE $2 END) + $3 - $2 <= $4
             RETURNING tat",
        )
        .bind(bucket)
        .bind(now_ms)
        .bind(interval_ms)
        .bind(interval_ms.saturating_mul(burst))
        .fetch_optional(&self.pool)
        .await?;
        Ok(taken.is_some())
    }

    /// Forgets buckets that are full again (their arrival time has passed); any instance may
    /// run it, and running it twice is harmless.
    pub async fn forget_full_rate_buckets(&self, now_ms: i64) -> StoreResult<u64> {
        Ok(sqlx::query("DELETE FROM rate_buckets WHERE tat < $1")
            .bind(now_ms)
            .execute(&self.pool)
            .await?
            .rows_affected())
    }
}
