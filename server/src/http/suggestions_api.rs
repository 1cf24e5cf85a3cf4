//! `/api/v1/suggestions` (and `.csv`): residents' published suggestions as open data — their
//! supporters, when each was published and the candidate it became — so a newsroom can follow
//! what residents ask for without scraping pages (issue 34).

use super::api::{csv_response, ApiResult};
use super::AppState;
use app::model::OpenSuggestion;
use axum::extract::State;
use axum::response::Response;
use axum::Json;
use utoipa_axum::{router::OpenApiRouter, routes};

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(suggestions))
        .routes(routes!(suggestions_csv))
}

#[utoipa::path(get, path = "/api/v1/suggestions", tag = "voting",
    summary = "Residents' published suggestions (我要点菜), most supported first",
    description = "Every suggestion a moderator published: its text, district and category, `supporters` (\"me too\", its author included), the Beijing date it was published and, once put on a ballot, the voting round and candidate it became (`stage` = `candidate`). Residents' own words: never sample data. Pending and unpublished suggestions are not public.",
    responses((status = 200, description = "The published suggestions", body = Vec<OpenSuggestion>)))]
async fn suggestions(State(state): State<AppState>) -> ApiResult<Json<Vec<OpenSuggestion>>> {
    let base = state.public_url.trim_end_matches('/');
    Ok(Json(state.store.open_suggestions(base).await?))
}

#[utoipa::path(get, path = "/api/v1/suggestions.csv", tag = "voting",
    summary = "The same published suggestions as CSV (UTF-8 with a byte-order mark, for Excel)",
    responses((status = 200, description = "One row per suggestion, header first", body = String,
        content_type = "text/csv")))]
async fn suggestions_csv(State(state): State<AppState>) -> ApiResult<Response> {
    let base = state.public_url.trim_end_matches('/');
    let list = state.store.open_suggestions(base).await?;
    let mut rows = vec![[
        "id",
        "title",
        "description",
        "district",
        "category",
        "supporters",
        "stage",
        "published_on",
        "url",
        "candidate_cycle",
        "candidate_url",
    ]
    .map(String::from)
    .to_vec()];
    rows.extend(list.into_iter().map(|s| {
        let (cycle, candidate) = s
            .candidate
            .map(|c| (c.cycle, format!("{base}{}", c.path)))
            .unwrap_or_default();
        vec![
            s.id.to_string(),
            s.title,
            s.description,
            s.district,
            s.category,
            s.supporters.to_string(),
            s.stage.as_str().to_string(),
            s.published_on.unwrap_or_default(),
            s.url,
            cycle,
            candidate,
        ]
    }));
    csv_response("suggestions.csv", rows)
}
