//! `/api/v1/hotline/ranking`: the ranking of problem classes as open data — the same figures,
//! weights and reasons as the `/hotline` page, for journalists and researchers.

use super::api::{ApiError, ApiQuery, ApiResult, ErrorBody};
use super::AppState;
use crate::evidence;
use crate::store::Store;
use app::model::HotlineRanking;
use axum::extract::State;
use axum::Json;
use serde::Deserialize;
use utoipa_axum::{router::OpenApiRouter, routes};

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(ranking))
}

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct RankingQuery {
    /// 30, 90 or 365; anything else reads as 30.
    days: Option<i32>,
}

#[utoipa::path(get, path = "/api/v1/hotline/ranking", tag = "hotline",
    summary = "The ranking of 12345 hotline problem classes (问题类别)",
    description = "Over the last 30 days with data (`?days=90` or `365` for longer): volume, growth against the period before, districts, dissatisfaction and reopen rates, the weights in use and each class's reasons. `sample` is true when the aggregates came from generated records.",
    params(RankingQuery),
    responses((status = 200, description = "The ranking", body = HotlineRanking),
        (status = 400, description = "`days` is not a whole number", body = ErrorBody),
        (status = 404, description = "No hotline data yet", body = ErrorBody)))]
async fn ranking(
    State(store): State<Store>,
    ApiQuery(q): ApiQuery<RankingQuery>,
) -> ApiResult<Json<HotlineRanking>> {
    let days = app::api::hotline::window(q.days.unwrap_or(0));
    let weights = store.hotline_weights().await?;
    evidence::ranking(&store, days, None, weights)
        .await?
        .map(|(model, _)| Json(model))
        .ok_or(ApiError::NotFound)
}
