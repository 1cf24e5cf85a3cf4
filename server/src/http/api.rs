//! The read-only open-data API under `/api/v1/`: JSON of the same domain types the pages show
//! (sample flags and confidence included), and CSV of each list for spreadsheets.

use super::topic_csv::{policy_rows, responsibility_rows, task_rows, Cells};
use super::AppState;
use crate::portal::today_in_beijing;
use crate::store::{Store, StoreError};
use app::model::{parse_id, parse_year, TopicDetail};
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use utoipa_axum::{router::OpenApiRouter, routes};

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
    /// The query string does not fit the operation's parameters.
    #[error("bad query: {0}")]
    BadQuery(String),
}

/// Every refusal and failure of the API: a stable code and a message in both languages.
#[derive(Serialize, utoipa::ToSchema)]
pub(super) struct ErrorBody {
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
            ApiError::BadQuery(why) => {
                tracing::info!(%why, "API query refused");
                (
                    StatusCode::BAD_REQUEST,
                    "bad_query",
                    "The query parameters cannot be read; see the API description. 无法读取查询参数，请参阅接口说明。",
                )
            }
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

/// `Query` for the API: a query string that does not fit is refused with the API's JSON error
/// (400 `bad_query`, documented), not axum's plain-text rejection.
pub(super) struct ApiQuery<T>(pub T);

impl<S: Send + Sync, T: serde::de::DeserializeOwned> axum::extract::FromRequestParts<S>
    for ApiQuery<T>
{
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<Self, ApiError> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|axum::extract::Query(q)| ApiQuery(q))
            .map_err(|rejection| ApiError::BadQuery(rejection.body_text()))
    }
}

/// The published record: years, problems, policies, topics and their lists.
pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(years))
        .routes(routes!(year))
        .routes(routes!(problem))
        .routes(routes!(policy))
        .routes(routes!(topic))
        .routes(routes!(topic_list))
}

fn found<T>(value: Option<T>) -> ApiResult<Json<T>> {
    value.map(Json).ok_or(ApiError::NotFound)
}

#[utoipa::path(get, path = "/api/v1/years", tag = "record",
    summary = "Every year of 每月一题 with its published totals",
    responses((status = 200, description = "The years", body = Vec<app::model::YearSummary>)))]
async fn years(State(store): State<Store>) -> ApiResult<Json<Vec<app::model::YearSummary>>> {
    Ok(Json(store.years().await?))
}

#[utoipa::path(get, path = "/api/v1/years/{year}", tag = "record",
    summary = "One year with its problems",
    params(("year" = String, Path, example = "2024")),
    responses((status = 200, description = "The year", body = app::model::YearDetail),
        (status = 404, description = "No such year", body = ErrorBody)))]
async fn year(
    State(store): State<Store>,
    Path(year): Path<String>,
) -> ApiResult<Json<app::model::YearDetail>> {
    let year = parse_year(&year).ok_or(ApiError::NotFound)?;
    found(store.year(year).await?)
}

#[utoipa::path(get, path = "/api/v1/problems/{id}", tag = "record",
    summary = "One problem with departments, policies and sources",
    params(("id" = String, Path, example = "1")),
    responses((status = 200, description = "The problem", body = app::model::ProblemDetail),
        (status = 404, description = "No such problem", body = ErrorBody)))]
async fn problem(
    State(store): State<Store>,
    Path(id): Path<String>,
) -> ApiResult<Json<app::model::ProblemDetail>> {
    let id = app::model::ProblemId::parse(&id).ok_or(ApiError::NotFound)?;
    found(store.problem(id).await?)
}

#[utoipa::path(get, path = "/api/v1/policies/{id}", tag = "record",
    summary = "One policy",
    params(("id" = String, Path, example = "1")),
    responses((status = 200, description = "The policy", body = app::model::Policy),
        (status = 404, description = "No such policy", body = ErrorBody)))]
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

#[utoipa::path(get, path = "/api/v1/topics/{year}/{month}", tag = "record",
    summary = "A month's topic: plan, three lists, progress, reports",
    params(("year" = String, Path, example = "2026"), ("month" = String, Path, example = "11")),
    responses((status = 200, description = "The topic", body = TopicDetail),
        (status = 404, description = "No topic that month", body = ErrorBody)))]
async fn topic(
    State(store): State<Store>,
    Path((year, month)): Path<(String, String)>,
) -> ApiResult<Json<TopicDetail>> {
    Ok(Json(load_topic(&store, &year, &month).await?))
}

/// The names `topic_list` answers to: each list as JSON, or with `.csv` for spreadsheets.
#[derive(Clone, Copy, PartialEq, Eq, utoipa::ToSchema)]
enum TopicList {
    #[schema(rename = "tasks")]
    Tasks,
    #[schema(rename = "responsibilities")]
    Responsibilities,
    #[schema(rename = "policies")]
    Policies,
    #[schema(rename = "tasks.csv")]
    TasksCsv,
    #[schema(rename = "responsibilities.csv")]
    ResponsibilitiesCsv,
    #[schema(rename = "policies.csv")]
    PoliciesCsv,
}

impl TopicList {
    /// The path segment as typed; anything else is not a list (404).
    fn parse(segment: &str) -> Option<TopicList> {
        Some(match segment {
            "tasks" => TopicList::Tasks,
            "responsibilities" => TopicList::Responsibilities,
            "policies" => TopicList::Policies,
            "tasks.csv" => TopicList::TasksCsv,
            "responsibilities.csv" => TopicList::ResponsibilitiesCsv,
            "policies.csv" => TopicList::PoliciesCsv,
            _ => return None,
        })
    }
}

/// A topic list as JSON: which of the three depends on the path. Described as `anyOf` (not
/// `oneOf`): an empty list fits all three.
#[derive(Serialize)]
#[serde(untagged)]
enum ListBody {
    Tasks(Vec<app::model::Task>),
    Responsibilities(Vec<app::model::Responsibility>),
    Policies(Vec<app::model::Policy>),
}

impl utoipa::PartialSchema for ListBody {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::AnyOfBuilder;
        AnyOfBuilder::new()
            .item(<Vec<app::model::Task> as utoipa::PartialSchema>::schema())
            .item(<Vec<app::model::Responsibility> as utoipa::PartialSchema>::schema())
            .item(<Vec<app::model::Policy> as utoipa::PartialSchema>::schema())
            .into()
    }
}

impl utoipa::ToSchema for ListBody {
    fn schemas(
        schemas: &mut Vec<(
            String,
            utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>,
        )>,
    ) {
        <app::model::Task as utoipa::ToSchema>::schemas(schemas);
        <app::model::Responsibility as utoipa::ToSchema>::schemas(schemas);
        <app::model::Policy as utoipa::ToSchema>::schemas(schemas);
    }
}

/// The languages a list's CSV may be written in.
#[derive(Clone, Copy, Debug, serde::Deserialize, utoipa::ToSchema)]
pub(super) enum CsvLang {
    #[serde(rename = "zh-CN")]
    ZhCn,
    #[serde(rename = "en")]
    En,
}

/// What a list's CSV may carry.
#[derive(Debug, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub(super) struct ListQuery {
    /// CSV only: `zh-CN` or `en` writes the header and the codes (status, level, yes/no) in
    /// that language's words, for reading in a spreadsheet; without it, the stable tokens.
    #[param(inline)]
    pub(super) lang: Option<CsvLang>,
}

/// `tasks`, `responsibilities`, `policies` as JSON, or the same with `.csv` for spreadsheets.
#[utoipa::path(get, path = "/api/v1/topics/{year}/{month}/{list}", tag = "record",
    summary = "One of the topic's three lists, as JSON or (with `.csv`) as CSV in UTF-8 with a byte-order mark",
    params(("year" = String, Path, example = "2026"), ("month" = String, Path, example = "11"),
        ("list" = inline(TopicList), Path, example = "tasks"), ListQuery),
    responses(
        (status = 200, description = "The list", content(
            (inline(ListBody) = "application/json"),
            (String = "text/csv"))),
        (status = 400, description = "A query parameter that cannot be read", body = ErrorBody),
        (status = 404, description = "No topic that month, or no such list", body = ErrorBody)))]
async fn topic_list(
    State(store): State<Store>,
    Path((year, month, list)): Path<(String, String, String)>,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> ApiResult<Response> {
    let list = TopicList::parse(&list).ok_or(ApiError::NotFound)?;
    let cells = match q.lang {
        None => Cells::Tokens,
        Some(CsvLang::ZhCn) => Cells::Words(app::i18n::Locale::ZhCn),
        Some(CsvLang::En) => Cells::Words(app::i18n::Locale::En),
    };
    let detail = load_topic(&store, &year, &month).await?;
    let file = |name: &str| format!("{}-{:02}-{name}.csv", detail.topic.year, detail.topic.month);
    match list {
        TopicList::Tasks => Ok(Json(ListBody::Tasks(detail.tasks)).into_response()),
        TopicList::Responsibilities => {
            Ok(Json(ListBody::Responsibilities(detail.responsibilities)).into_response())
        }
        TopicList::Policies => Ok(Json(ListBody::Policies(detail.policies)).into_response()),
        TopicList::TasksCsv => csv_response(&file("tasks"), task_rows(&detail, cells)),
        TopicList::ResponsibilitiesCsv => csv_response(
            &file("responsibilities"),
            responsibility_rows(&detail, cells),
        ),
        TopicList::PoliciesCsv => csv_response(&file("policies"), policy_rows(&detail, cells)),
    }
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
