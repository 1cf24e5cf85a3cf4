//! Plugs the store into the app's `Portal` port, turning storage errors into log-only messages.

use crate::store::{Store, StoreError};
use app::api::{Portal, PortalError};
use app::model::{
    About, Archive, ArchiveQuery, DepartmentDetail, Home, Policy, ProblemDetail, SearchHit,
    TopicDetail, YearDetail,
};

fn log_only(err: StoreError) -> PortalError {
    PortalError(err.to_string())
}

/// Today in Beijing (UTC+8), the date due dates are written in.
pub fn today_in_beijing() -> String {
    let offset = jiff::tz::Offset::constant(8);
    jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::fixed(offset))
        .date()
        .to_string()
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

    async fn topic(&self, year: i32, month: u8) -> Result<Option<TopicDetail>, PortalError> {
        self.topic_detail(year, month, &today_in_beijing())
            .await
            .map_err(log_only)
    }

    async fn department(&self, id: i64) -> Result<Option<DepartmentDetail>, PortalError> {
        self.department_detail(id, &today_in_beijing())
            .await
            .map_err(log_only)
    }

    async fn policy(&self, id: i64) -> Result<Option<Policy>, PortalError> {
        Store::policy(self, id).await.map_err(log_only)
    }

    async fn search(&self, query: &str) -> Result<Vec<SearchHit>, PortalError> {
        Store::search(self, query).await.map_err(log_only)
    }

    async fn archive(&self, query: ArchiveQuery) -> Result<Archive, PortalError> {
        Store::archive(self, query, &today_in_beijing())
            .await
            .map_err(log_only)
    }
}
