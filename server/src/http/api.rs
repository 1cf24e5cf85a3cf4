//! The read-only open-data API under `/api/v1/`: JSON of the same domain types the pages show
//! (sample flags and confidence included), and CSV of each list for spreadsheets.

use super::AppState;
use crate::portal::today_in_beijing;
use crate::store::{Store, StoreError};
use app::model::{parse_id, parse_year, Level, TaskStatus, TopicDetail};
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;

#[derive(Debug, thiserror::Error)]
pub(super) enum ApiError {
    #[error("not found")]
    NotFound,
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("csv: {0}")]
    Csv(String),
    /// A service below failed; the cause is logged where it happened.
    #[error("unavailable: {0}")]
    Unavailable(String),
    /// The server is drawing all it can now: ask again in a few seconds.
    #[error("busy")]
    Busy,
    /// The reader's network asked for more new drawings than its allowance.
    #[error("rate-limited")]
    Limited,
}

#[derive(Serialize)]
struct ErrorBody {
    error: &'static str,
    message: &'static str,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let retry_after = match &self {
            ApiError::Busy => Some(crate::charts::budget::RETRY_BUSY_SECS),
            ApiError::Limited => Some(crate::charts::budget::RETRY_LIMITED_SECS),
            _ => None,
        };
        let (status, error, message) = match &self {
            ApiError::NotFound => (
                StatusCode::NOT_FOUND,
                "not_found",
                "No such record. 没有这条记录。",
            ),
            ApiError::Busy => (
                StatusCode::SERVICE_UNAVAILABLE,
                "busy",
                "The server is busy drawing charts; try again in a few seconds. 服务器正忙于绘制图表，请几秒后再试。",
            ),
            ApiError::Limited => (
                StatusCode::TOO_MANY_REQUESTS,
                "rate_limited",
                "Too many new charts asked for from your network; try again in a minute. 您所在网络请求的新图表过多，请一分钟后再试。",
            ),
            ApiError::Store(_) | ApiError::Csv(_) | ApiError::Unavailable(_) => {
                tracing::error!(error = %self, "API request failed");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "unavailable",
                    "The data cannot be loaded right now. 数据暂时无法加载。",
                )
            }
        };
        let mut res = (status, Json(ErrorBody { error, message })).into_response();
        if let Some(secs) = retry_after {
            res.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        res
    }
}

pub(super) type ApiResult<T> = Result<T, ApiError>;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/openapi.json", get(super::openapi::document))
        .route("/api/v1/years", get(years))
        .route("/api/v1/years/{year}", get(year))
        .route("/api/v1/problems/{id}", get(problem))
        .route("/api/v1/policies/{id}", get(policy))
        .route("/api/v1/topics/{year}/{month}", get(topic))
        .route("/api/v1/topics/{year}/{month}/{list}", get(topic_list))
}

fn found<T>(value: Option<T>) -> ApiResult<Json<T>> {
    value.map(Json).ok_or(ApiError::NotFound)
}

async fn years(State(store): State<Store>) -> ApiResult<Json<Vec<app::model::YearSummary>>> {
    Ok(Json(store.years().await?))
}

async fn year(
    State(store): State<Store>,
    Path(year): Path<String>,
) -> ApiResult<Json<app::model::YearDetail>> {
    let year = parse_year(&year).ok_or(ApiError::NotFound)?;
    found(store.year(year).await?)
}

async fn problem(
    State(store): State<Store>,
    Path(id): Path<String>,
) -> ApiResult<Json<app::model::ProblemDetail>> {
    let id = parse_id(&id).ok_or(ApiError::NotFound)?;
    found(store.problem(id).await?)
}

async fn policy(
    State(store): State<Store>,
    Path(id): Path<String>,
) -> ApiResult<Json<app::model::Policy>> {
    let id = parse_id(&id).ok_or(ApiError::NotFound)?;
    found(store.policy(id).await?)
}

async fn load_topic(store: &Store, year: &str, month: &str) -> ApiResult<TopicDetail> {
    let key = app::model::TopicKey::from_segments(year, month).ok_or(ApiError::NotFound)?;
    let (year, month) = (key.year, key.month.get());
    store
        .topic_detail(year, month, &today_in_beijing())
        .await?
        .ok_or(ApiError::NotFound)
}

async fn topic(
    State(store): State<Store>,
    Path((year, month)): Path<(String, String)>,
) -> ApiResult<Json<TopicDetail>> {
    Ok(Json(load_topic(&store, &year, &month).await?))
}

/// `tasks`, `responsibilities`, `policies` as JSON, or the same with `.csv` for spreadsheets.
async fn topic_list(
    State(store): State<Store>,
    Path((year, month, list)): Path<(String, String, String)>,
) -> ApiResult<Response> {
    let (name, csv) = match list.strip_suffix(".csv") {
        Some(name) => (name, true),
        None => (list.as_str(), false),
    };
    let detail = load_topic(&store, &year, &month).await?;
    let filename = format!("{}-{:02}-{name}.csv", detail.topic.year, detail.topic.month);
    match (name, csv) {
        ("tasks", false) => Ok(Json(detail.tasks).into_response()),
        ("responsibilities", false) => Ok(Json(detail.responsibilities).into_response()),
        ("policies", false) => Ok(Json(detail.policies).into_response()),
        ("tasks", true) => csv_response(&filename, task_rows(&detail)),
        ("responsibilities", true) => csv_response(&filename, duty_rows(&detail)),
        ("policies", true) => csv_response(&filename, policy_rows(&detail)),
        _ => Err(ApiError::NotFound),
    }
}

fn level_token(level: Level) -> &'static str {
    level.as_str()
}

fn sample(flag: bool) -> &'static str {
    if flag {
        "sample"
    } else {
        "source"
    }
}

fn task_rows(d: &TopicDetail) -> Vec<Vec<String>> {
    let mut rows = vec![[
        "title",
        "owner",
        "level",
        "due",
        "done_on",
        "status",
        "overdue",
        "data",
        "late",
        "delay_reason",
        "latest_note",
    ]
    .map(String::from)
    .to_vec()];
    rows.extend(d.tasks.iter().map(|t| {
        vec![
            t.title.clone(),
            t.owner.name.clone(),
            level_token(t.level).into(),
            t.due.clone(),
            t.done_on.clone().unwrap_or_default(),
            t.status.as_str().into(),
            (t.status == TaskStatus::Overdue).to_string(),
            sample(t.is_sample).into(),
            // The one on-time rule (`TaskStatus`): overdue or done after the due date.
            t.status.is_late().to_string(),
            t.delay_reason.clone().unwrap_or_default(),
            t.notes
                .first()
                .map(|n| format!("{} {}", n.date, n.note))
                .unwrap_or_default(),
        ]
    }));
    rows
}

fn duty_rows(d: &TopicDetail) -> Vec<Vec<String>> {
    let mut rows = vec![["duty", "department", "level", "batch", "data"]
        .map(String::from)
        .to_vec()];
    rows.extend(d.responsibilities.iter().map(|r| {
        vec![
            r.duty.clone(),
            r.department.name.clone(),
            level_token(r.level).into(),
            r.batch.to_string(),
            sample(r.is_sample).into(),
        ]
    }));
    rows
}

fn policy_rows(d: &TopicDetail) -> Vec<Vec<String>> {
    let mut rows = vec![[
        "title",
        "doc_no",
        "issuer",
        "passed",
        "issued",
        "effective",
        "confidence",
        "sources",
        "source_kinds",
        "published_by",
        "published_on",
    ]
    .map(String::from)
    .to_vec()];
    rows.extend(d.policies.iter().map(|p| {
        vec![
            p.title.clone(),
            p.doc_no.clone().unwrap_or_default(),
            p.issuer.clone(),
            p.passed.clone().unwrap_or_default(),
            p.issued.clone().unwrap_or_default(),
            p.effective.clone().unwrap_or_default(),
            p.confidence.as_str().into(),
            p.sources
                .iter()
                .filter_map(|s| s.url.clone())
                .collect::<Vec<_>>()
                .join(" "),
            // One token per address above: primary, or repost (转载，待核实).
            p.sources
                .iter()
                .filter(|s| s.url.is_some())
                .map(|s| match s.kind {
                    app::model::SourceKind::Primary => "primary",
                    app::model::SourceKind::Repost => "repost",
                })
                .collect::<Vec<_>>()
                .join(" "),
            p.published
                .as_ref()
                .map(|d| d.department.clone())
                .unwrap_or_default(),
            p.published
                .as_ref()
                .and_then(|d| d.date.clone())
                .unwrap_or_default(),
        ]
    }));
    rows
}

/// UTF-8 with a byte-order mark: Excel on Windows then opens Chinese text correctly. Every
/// cell goes through `csv_cell::cell` (no formula injection).
pub(super) fn csv_response(filename: &str, rows: Vec<Vec<String>>) -> ApiResult<Response> {
    let mut writer = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    for row in rows {
        writer
            .write_record(row.iter().map(|c| super::csv_cell::cell(c).into_owned()))
            .map_err(|e| ApiError::Csv(e.to_string()))?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| ApiError::Csv(e.to_string()))?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
        ],
        bytes,
    )
        .into_response())
}
