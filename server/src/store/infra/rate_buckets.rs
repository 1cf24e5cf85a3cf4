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

#[cfg(test)]
mod tests {
    #[tokio::test]
    async fn a_shared_rate_bucket_allows_its_burst_then_refills_by_the_interval() {
        let (_dir, store) = crate::store::infra::test_db::fresh_store().await;
        let take = |now: i64| store.take_rate_token("plain:10.0.0.0/24", now, 5_000, 3);
        let t0 = 1_000_000;
        for n in 0..3 {
            assert!(take(t0).await.expect("take"), "token {n} of the burst");
        }
        assert!(!take(t0).await.expect("take"), "the burst is used up");
        assert!(!take(t0 + 4_999).await.expect("take"), "not yet refilled");
        assert!(
            take(t0 + 5_000).await.expect("take"),
            "one token back per interval"
        );
        assert!(!take(t0 + 5_000).await.expect("take"));
        assert!(store
            .take_rate_token("plain:10.0.1.0/24", t0, 5_000, 3)
            .await
            .expect("take"));
        // A bucket is forgotten once it is full again, and not before.
        assert_eq!(
            store
                .forget_full_rate_buckets(t0 + 4_999)
                .await
                .expect("prune"),
            0
        );
        assert_eq!(
            store
                .forget_full_rate_buckets(t0 + 5_001)
                .await
                .expect("prune"),
            1
        );
        assert_eq!(
            store
                .forget_full_rate_buckets(t0 + 19_999)
                .await
                .expect("prune"),
            0
        );
        assert_eq!(
            store
                .forget_full_rate_buckets(t0 + 20_001)
                .await
                .expect("prune"),
            1
        );
    }
}
