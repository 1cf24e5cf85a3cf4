//! A cycle's rules as the ballot path reads them (every ballot does): its row and candidate ids
//! in one statement, kept for the second.

use super::cycle_reads::{cycle_columns, CycleRow};
use crate::store::{Store, StoreError, StoreResult};
use app::model::{CandidateId, Cycle};

/// Cycles' rules as stored, kept for the second: a ballot reads them on every request, and in a
/// voting rush hundreds of requests a second would each ask the database the same. Keyed by
/// slug, this instance's committed writes and the second, so an editor's change through this
/// instance shows at once and through another within the second; the phase is computed from
/// the clock on every read, so a cycle closes on its second, not a cached one.
#[derive(Debug)]
pub(in crate::store) struct CycleRulesCache(quick_cache::sync::Cache<RulesKey, StoredRules>);

/// Slug, this instance's committed writes, the second.
type RulesKey = (String, u64, i64);

/// A cycle's row and its candidates' ids, as stored; `None`: no such cycle.
type StoredRules = Option<(CycleRow, Vec<CandidateId>)>;

impl Default for CycleRulesCache {
    fn default() -> Self {
        CycleRulesCache(quick_cache::sync::Cache::new(64))
    }
}

/// A cycle with its candidates' ids, comma-separated (`cycle_rules`).
#[derive(sqlx::FromRow)]
struct CycleRulesRow {
    #[sqlx(flatten)]
    cycle: CycleRow,
    candidates: Option<String>,
}

impl Store {
    /// The cycle and what the ballot writer needs: its candidates' ids and the pick limit.
    pub async fn cycle_rules(
        &self,
        slug: &str,
        now: i64,
    ) -> StoreResult<Option<(Cycle, Vec<CandidateId>)>> {
        let key = (
            slug.to_string(),
            self.writes_committed(),
            jiff::Timestamp::now().as_second(),
        );
        let stored = match self.cycle_rules.0.get_value_or_guard_async(&key).await {
            Ok(stored) => stored,
            Err(guard) => {
                let stored = self.read_cycle_rules(slug).await?;
                let _ = guard.insert(stored.clone());
                stored
            }
        };
        match stored {
            Some((row, ids)) => Ok(Some((row.into_cycle(now)?, ids))),
            None => Ok(None),
        }
    }

    async fn read_cycle_rules(&self, slug: &str) -> StoreResult<StoredRules> {
        // One statement (a ballot reads it on every request): the candidates' ids ride along.
        let row: Option<CycleRulesRow> = sqlx::query_as(concat!(
            "SELECT ",
            cycle_columns!(),
            ",
                    (SELECT string_agg(CAST(k.id AS TEXT), ',') FROM cycle_candidates k
                     WHERE k.cycle_id = cycles.id) AS candidates
             FROM cycles WHERE slug = $1"
        ))
        .bind(slug)
        .fetch_optional(&self.pool)
        .await?;
        let Some(CycleRulesRow {
            cycle: row,
            candidates,
        }) = row
        else {
            return Ok(None);
        };
        let ids = candidates
            .unwrap_or_default()
            .split(',')
            .filter(|id| !id.is_empty())
            .map(|id| {
                id.parse()
                    .map(CandidateId)
                    .map_err(|_| StoreError::Corrupt(format!("candidate id {id:?}")))
            })
            .collect::<StoreResult<Vec<_>>>()?;
        Ok(Some((row, ids)))
    }
}
