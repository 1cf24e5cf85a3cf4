//! The port the server plugs its store into (server-only). Keeping it a trait means the app never
//! sees SQL, and the server can swap SQLite for PostgreSQL without touching a page.

use crate::model::{
    About, Archive, ArchiveQuery, DepartmentDetail, Home, Policy, ProblemDetail, SearchHit,
    TopicDetail, YearDetail,
};
use std::sync::Arc;

/// A failure the resident cannot fix; the message is for the log only.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct PortalError(pub String);

/// Read access to the published data, implemented by the server's store.
#[async_trait::async_trait]
pub trait Portal: Send + Sync + 'static {
    async fn home(&self) -> Result<Home, PortalError>;
    async fn year(&self, year: i32) -> Result<Option<YearDetail>, PortalError>;
    async fn problem(
        &self,
        id: crate::model::ProblemId,
    ) -> Result<Option<ProblemDetail>, PortalError>;
    async fn about(&self) -> Result<About, PortalError>;
    async fn topic(&self, year: i32, month: u8) -> Result<Option<TopicDetail>, PortalError>;
    async fn department(&self, id: i64) -> Result<Option<DepartmentDetail>, PortalError>;
    async fn policy(&self, id: i64) -> Result<Option<Policy>, PortalError>;
    /// `query` is already validated (trimmed, bounded).
    async fn search(&self, query: &str) -> Result<Vec<SearchHit>, PortalError>;
    /// The calendar of months, and lists filtered across topics.
    async fn archive(&self, query: ArchiveQuery) -> Result<Archive, PortalError>;
}

/// What the server provides through the Leptos context.
#[derive(Clone)]
pub struct PortalHandle(pub Arc<dyn Portal>);
