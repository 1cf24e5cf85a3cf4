//! Server functions: the only way pages reach data. Each one is thin — find the backend, call it,
//! turn a failure into a message fit for a resident (the details go to the log, not the page).

#[cfg(feature = "ssr")]
pub mod ports;
#[cfg(feature = "ssr")]
pub use ports::*;

pub mod authoring;
pub mod authoring_documents;
pub mod charts;
pub mod department;
pub mod echo;
pub mod editor;
pub mod forms;
pub mod hotline;
pub mod moderation;
pub mod replies;
pub mod reply_desk;
pub mod roles;
pub mod staff;
pub mod staff_request;
pub mod vote;

use crate::model::{
    About, DepartmentDetail, Home, Policy, ProblemDetail, SearchHit, TopicDetail, YearDetail,
};
use leptos::prelude::*;

/// What a page shows when data could not be loaded; the cause is logged on the server.
pub const UNAVAILABLE: &str = "data-unavailable";

#[cfg(feature = "ssr")]
fn portal() -> Result<PortalHandle, ServerFnError> {
    use_context::<PortalHandle>().ok_or_else(|| {
        tracing::error!("PortalHandle missing from the Leptos context");
        ServerFnError::new(UNAVAILABLE)
    })
}

#[cfg(feature = "ssr")]
fn unavailable(what: &str, err: PortalError) -> ServerFnError {
    tracing::error!(error = %err, what, "loading data failed");
    ServerFnError::new(UNAVAILABLE)
}

#[server]
pub async fn get_home() -> Result<Home, ServerFnError> {
    portal()?.0.home().await.map_err(|e| unavailable("home", e))
}

#[server]
pub async fn get_year(year: i32) -> Result<Option<YearDetail>, ServerFnError> {
    portal()?
        .0
        .year(year)
        .await
        .map_err(|e| unavailable("year", e))
}

#[server]
pub async fn get_problem(
    id: crate::model::ProblemId,
) -> Result<Option<ProblemDetail>, ServerFnError> {
    portal()?
        .0
        .problem(id)
        .await
        .map_err(|e| unavailable("problem", e))
}

#[server]
pub async fn get_about() -> Result<About, ServerFnError> {
    portal()?
        .0
        .about()
        .await
        .map_err(|e| unavailable("about", e))
}

#[server]
pub async fn get_topic(year: i32, month: u8) -> Result<Option<TopicDetail>, ServerFnError> {
    portal()?
        .0
        .topic(year, month)
        .await
        .map_err(|e| unavailable("topic", e))
}

#[server]
pub async fn get_department(id: i64) -> Result<Option<DepartmentDetail>, ServerFnError> {
    portal()?
        .0
        .department(id)
        .await
        .map_err(|e| unavailable("department", e))
}

#[server]
pub async fn get_policy(id: i64) -> Result<Option<Policy>, ServerFnError> {
    portal()?
        .0
        .policy(id)
        .await
        .map_err(|e| unavailable("policy", e))
}

/// Searches titles. Bad queries are not errors: the page explains them next to the box.
#[server]
pub async fn search(
    query: String,
) -> Result<Result<Vec<SearchHit>, crate::model::QueryProblem>, ServerFnError> {
    let query = match crate::model::validate_query(&query) {
        Ok(q) => q,
        Err(problem) => return Ok(Err(problem)),
    };
    portal()?
        .0
        .search(&query)
        .await
        .map(Ok)
        .map_err(|e| unavailable("search", e))
}

/// 往期: filters arrive as the query string's text; anything unknown means "any".
#[server]
pub async fn get_archive(
    year: String,
    department: String,
    status: String,
    level: String,
) -> Result<crate::model::Archive, ServerFnError> {
    let query = crate::model::ArchiveQuery::parse(&year, &department, &status, &level);
    portal()?
        .0
        .archive(query)
        .await
        .map_err(|e| unavailable("archive", e))
}
