//! Paper voting codes (纸质投票码): a batch's hashes and its audit entry, in one transaction.

use crate::store::history::audit::audit;
use crate::store::{Store, StoreResult};

impl Store {
    /// Stores the hashes of a new batch of paper codes and who made it (never the codes);
    /// `None` when there is no such cycle.
    pub async fn add_voting_codes(
        &self,
        issuer: &str,
        slug: &str,
        district: &str,
        hashes: &[String],
        now: i64,
    ) -> StoreResult<Option<i64>> {
        let mut tx = self.write_tx().await?;
        let cycle: Option<i64> = sqlx::query_scalar("SELECT id FROM cycles WHERE slug = $1")
            .bind(slug)
            .fetch_optional(&mut *tx)
            .await?;
        let Some(cycle) = cycle else { return Ok(None) };
        let batch: i64 = sqlx::query_scalar(
            "SELECT COALESCE(MAX(batch), 0) + 1 FROM voting_codes WHERE cycle_id = $1",
        )
        .bind(cycle)
        .fetch_one(&mut *tx)
        .await?;
        for hash in hashes {
            sqlx::query(
                "INSERT INTO voting_codes (code_hash, cycle_id, district, batch, created_at)
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(hash)
            .bind(cycle)
            .bind(district)
            .bind(batch)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        }
        let subject = format!("cycle {slug}: {district} batch {batch}");
        let count = hashes.len().to_string();
        audit(&mut tx, now, issuer, "codes.print", &subject, &count).await?;
        self.commit(tx).await?;
        Ok(Some(batch))
    }
}
