//! `/api/v1/hotline/ranking`: the ranking of problem classes as open data — the same figures,
//! weights and reasons as the `/hotline` page, for journalists and researchers.

use super::api::{ApiError, ApiResult};
use super::AppState;
use crate::evidence;
use crate::store::Store;
use app::model::HotlineRanking;
use axum::extract::{Query, State};
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new().route("/api/v1/hotline/ranking", get(ranking))
}

#[derive(Debug, Default, Deserialize)]
struct RankingQuery {
    /// 30, 90 or 365; anything else reads as 30.
    days: Option<i32>,
}

async fn ranking(
    State(store): State<Store>,
    Query(q): Query<RankingQuery>,
) -> ApiResult<Json<HotlineRanking>> {
    let days = app::api::hotline::window(q.days.unwrap_or(0));
    let weights = store.hotline_weights().await?;
    evidence::ranking(&store, days, None, weights)
        .await?
        .map(|(model, _)| Json(model))
        .ok_or(ApiError::NotFound)
}
