//! The networks a voter's ballots came from: the ballot writer's token-reuse check reads it on
//! the hot path.

use crate::store::{Store, StoreResult};

impl Store {
    /// The networks a voter's ballots in this cycle came from (token reuse check).
    pub async fn voter_networks(
        &self,
        cycle_id: app::model::CycleId,
        voter: &str,
    ) -> StoreResult<Vec<String>> {
        // No DISTINCT in SQL: with it SQLite walks the whole cycle by network instead of
        // looking up the voter's few ballots.
        let mut networks: Vec<String> =
            sqlx::query_scalar("SELECT network FROM ballots WHERE cycle_id = $1 AND voter = $2")
                .bind(cycle_id.0)
                .bind(voter)
                .fetch_all(&self.pool)
                .await?;
        networks.sort_unstable();
        networks.dedup();
        Ok(networks)
    }
}
