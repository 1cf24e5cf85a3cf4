//! Plugs the store into the app's `Portal` port, turning storage errors into log-only messages.

use crate::store::{Store, StoreError};
use app::api::{Portal, PortalError};
use app::model::{About, Home, ProblemDetail, YearDetail};

fn log_only(err: StoreError) -> PortalError {
    PortalError(err.to_string())
}

#[async_trait::async_trait]
impl Portal for Store {
    async fn home(&self) -> Result<Home, PortalError> {
        Store::home(self).await.map_err(log_only)
    }

    async fn year(&self, year: i32) -> Result<Option<YearDetail>, PortalError> {
        Store::year(self, year).await.map_err(log_only)
    }

    async fn problem(&self, id: i64) -> Result<Option<ProblemDetail>, PortalError> {
        Store::problem(self, id).await.map_err(log_only)
    }

    async fn about(&self) -> Result<About, PortalError> {
        Store::about(self).await.map_err(log_only)
    }
}
