//! Plugs the store into the app's `Portal` port, turning storage errors into log-only messages.
//! The home and topic pages read through the one-second [`PageCache`].

use crate::page_cache::PageCache;
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

/// The public pages' reads.
pub struct PortalService {
    store: Store,
    pages: PageCache,
}

impl PortalService {
    pub fn new(store: Store) -> PortalService {
        PortalService {
            store,
            pages: PageCache::default(),
        }
    }
}

#[async_trait::async_trait]
impl Portal for PortalService {
    async fn home(&self) -> Result<Home, PortalError> {
        self.pages.home(&self.store).await.map_err(log_only)
    }

    async fn year(&self, year: i32) -> Result<Option<YearDetail>, PortalError> {
        self.store.year(year).await.map_err(log_only)
    }

    async fn problem(
        &self,
        id: app::model::ProblemId,
    ) -> Result<Option<ProblemDetail>, PortalError> {
        self.store.problem(id).await.map_err(log_only)
    }

    async fn about(&self) -> Result<About, PortalError> {
        self.store.about().await.map_err(log_only)
    }

    async fn topic(&self, year: i32, month: u8) -> Result<Option<TopicDetail>, PortalError> {
        self.pages
            .topic(&self.store, year, month, &today_in_beijing())
            .await
            .map_err(log_only)
    }

    async fn department(&self, id: i64) -> Result<Option<DepartmentDetail>, PortalError> {
        self.store
            .department_detail(id, &today_in_beijing())
            .await
            .map_err(log_only)
    }

    async fn policy(&self, id: i64) -> Result<Option<Policy>, PortalError> {
        self.store.policy(id).await.map_err(log_only)
    }

    async fn search(&self, query: &str) -> Result<Vec<SearchHit>, PortalError> {
        self.store.search(query).await.map_err(log_only)
    }

    async fn archive(&self, query: ArchiveQuery) -> Result<Archive, PortalError> {
        self.store
            .archive(query, &today_in_beijing())
            .await
            .map_err(log_only)
    }
}
