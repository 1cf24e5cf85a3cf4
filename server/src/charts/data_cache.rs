//! Chart data kept between requests (issue 32): what is summed from the daily hotline table once
//! per data version (`Store::derived_stamp`), the rest at most once a second, as the page data.

use super::{data, ChartError, ChartService};
use app::model::{ChartData, ChartRef};

/// Whether a chart's figures are sums over the daily hotline table.
fn from_hotline(r: &ChartRef) -> bool {
    matches!(
        r,
        ChartRef::ProblemVolume { .. } | ChartRef::ProblemRates { .. } | ChartRef::Candidate { .. }
    )
}

impl ChartService {
    /// A chart's latest data, from the cache (concurrent misses wait for one load): by data
    /// stamp when it is summed from the hotline aggregates; otherwise by this instance's
    /// committed writes and the wall-clock second, as the page data (`page_cache.rs`) — a
    /// vote moves it at once, another instance's write within the second.
    pub(super) async fn latest(
        &self,
        r: &ChartRef,
        today: String,
    ) -> Result<Option<ChartData>, ChartError> {
        let stamp = if from_hotline(r) {
            self.store.derived_stamp().await?
        } else {
            let second = jiff::Timestamp::now().as_second();
            format!("w{}:s{second}", self.store.writes_committed())
        };
        let key = (r.to_string(), today, stamp);
        match self.derived.get_value_or_guard_async(&key).await {
            Ok(data) => Ok(data),
            Err(guard) => {
                let data = data::load(&self.store, r, &key.1, crate::staff::now()).await?;
                let _ = guard.insert(data.clone());
                Ok(data)
            }
        }
    }
}
