//! `/api/v1/replies` and `/api/v1/reply-codes`: the replies the city owes and gave (答复) as open
//! data — each item's due date in working days, extension, interim note, decision and reason
//! code, judged on today's Beijing date — and the published decisions and reason codes. No
//! personal data: a reply is signed by its department.

use super::api::{ApiError, ApiResult, ErrorBody};
use super::AppState;
use app::i18n::Locale;
use app::model::{NotAdoptedReason, ReplyBoard, ReplyDecision, ReplyEntry};
use axum::extract::{Path, State};
use axum::Json;
use serde::Serialize;
use utoipa_axum::{router::OpenApiRouter, routes};

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(replies))
        .routes(routes!(reply))
        .routes(routes!(reply_codes))
}

fn now() -> i64 {
    jiff::Timestamp::now().as_second()
}

#[utoipa::path(get, path = "/api/v1/replies", tag = "voting",
    summary = "Replies owed and given (答复): the waiting list, longest waiting first, and the latest answered",
    description = "An item (a published suggestion or a candidate) that crossed its round's threshold (`reply_rule` of the cycle) is owed a reply from a department within a number of working days (Beijing's public holidays and make-up working days counted). `standing` is judged on `today` (Beijing): `waiting` with `days_left`, `overdue` with `days_late`, `answered_on_time`, or `answered_late`. An extension moves the date judged; `interim_missing` is true when the interim note's date passed without one. Items of sample rounds carry `is_sample`.",
    responses((status = 200, description = "The board", body = ReplyBoard)))]
async fn replies(State(state): State<AppState>) -> ApiResult<Json<ReplyBoard>> {
    Ok(Json(state.store.reply_board(now()).await?))
}

#[utoipa::path(get, path = "/api/v1/replies/{id}", tag = "voting",
    summary = "One reply (答复) with where it stands today",
    params(("id" = String, Path, example = "1", description = "The reply's number")),
    responses((status = 200, description = "The reply", body = ReplyEntry),
        (status = 404, description = "No such reply", body = ErrorBody)))]
async fn reply(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult<Json<ReplyEntry>> {
    let id = app::model::parse_id(&id).ok_or(ApiError::NotFound)?;
    state
        .store
        .reply_entry(id, now())
        .await?
        .map(Json)
        .ok_or(ApiError::NotFound)
}

/// A published code with its words in both languages.
#[derive(Serialize, utoipa::ToSchema)]
struct Worded {
    code: String,
    zh: String,
    en: String,
}

/// The decisions a reply states and the reasons a department may give for not adopting.
#[derive(Serialize, utoipa::ToSchema)]
struct ReplyCodes {
    decisions: Vec<Worded>,
    reasons: Vec<Worded>,
}

fn worded(code: &str, key: &str) -> Worded {
    Worded {
        code: code.to_string(),
        zh: app::i18n::message(key, Locale::ZhCn),
        en: app::i18n::message(key, Locale::En),
    }
}

#[utoipa::path(get, path = "/api/v1/reply-codes", tag = "voting",
    summary = "The published decisions and reasons for not adopting, with their words in Chinese and English",
    responses((status = 200, description = "The codes", body = ReplyCodes)))]
async fn reply_codes() -> Json<ReplyCodes> {
    Json(ReplyCodes {
        decisions: ReplyDecision::ALL
            .iter()
            .map(|d| worded(d.as_str(), &d.message_key()))
            .collect(),
        reasons: NotAdoptedReason::ALL
            .iter()
            .map(|r| worded(r.as_str(), &r.message_key()))
            .collect(),
    })
}
