//! Charts outside the Leptos pages: downloads (`/charts/{id}.svg|png|csv|json`) and the chart
//! list of the open-data API; the embed pages (`embed.rs`) and oEmbed (`oembed.rs`) stand on
//! what is here and route themselves. What the files hold is in `chart_files.rs`. Every new drawing asked for here
//! is charged to the reader's network (`crate::charts::budget`).

use super::api::{csv_response, ApiError, ApiQuery, ApiResult, ErrorBody};
use super::chart_files::{table_rows, ChartDocument};
use super::chart_query::{cache_control, ChartQuery};
use super::AppState;
use crate::charts::{ChartError, ChartService, Refusal, Style};
use crate::vote::identity;
use app::i18n::Locale;
use app::model::{ChartEntry, ChartView, Theme};
use app::request::ClientAddr;
use axum::extract::{Path, Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use utoipa_axum::{router::OpenApiRouter, routes};

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list))
        .routes(routes!(one))
}

/// The network a reader's new drawings are charged to (IPv4 /24, IPv6 /48).
pub(super) fn network_of(client: Option<&ClientAddr>) -> String {
    client.map_or_else(|| "unknown".to_string(), |c| identity::network(c.0))
}

/// A chart that could not be drawn, as the API answers it: busy and over-allowance are
/// refusals to retry later (logged as such), anything else a failure.
pub(super) fn chart_failed(id: &str, network: &str, err: ChartError) -> ApiError {
    match err.refusal() {
        Some(Refusal::Busy) => {
            tracing::warn!(chart = id, %network, "chart engine busy");
            ApiError::Busy
        }
        Some(Refusal::Limited) => {
            tracing::info!(event = %crate::events::SecurityEvent::RateLimited, %network, what = "chart", "chart drawing rate-limited");
            ApiError::Limited
        }
        None => {
            tracing::error!(chart = id, error = %err, "chart failed");
            ApiError::Unavailable(err.to_string())
        }
    }
}

pub(super) async fn view(
    charts: &ChartService,
    id: &str,
    q: &ChartQuery,
    style: Style,
    width: u32,
    network: &str,
) -> ApiResult<ChartView> {
    charts
        .view(
            id,
            q.version(),
            style,
            q.width.unwrap_or(width),
            Some(network),
        )
        .await
        .map_err(|err| chart_failed(id, network, err))?
        .ok_or(ApiError::NotFound)
}

/// `/charts/{id}.svg|png|csv|json`. A middleware, because `/charts/{id}` is a Leptos page and
/// the router cannot tell `{id}.svg` from `{id}`.
pub async fn downloads(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let path = req.uri().path();
    let Some((id, ext)) = path
        .strip_prefix("/charts/")
        .and_then(|file| file.rsplit_once('.'))
        .filter(|(_, ext)| matches!(*ext, "svg" | "png" | "csv" | "json"))
        .map(|(id, ext)| (id.to_string(), ext.to_string()))
    else {
        return next.run(req).await;
    };
    let q: ChartQuery = Query::try_from_uri(req.uri())
        .map(|q| q.0)
        .unwrap_or_default();
    let locale = q.locale(req.headers());
    let network = network_of(req.extensions().get::<ClientAddr>());
    match download(
        &state.charts,
        &id,
        &ext,
        &q,
        locale,
        &state.public_url,
        &network,
    )
    .await
    {
        Ok(mut res) => {
            res.headers_mut().insert(
                header::ACCESS_CONTROL_ALLOW_ORIGIN,
                HeaderValue::from_static("*"),
            );
            if q.lang.is_none() {
                // The words follow the reader's language: caches must keep them apart.
                res.headers_mut().insert(
                    header::VARY,
                    HeaderValue::from_static("Accept-Language, Cookie"),
                );
            }
            res
        }
        Err(err) => err.into_response(),
    }
}

async fn download(
    charts: &ChartService,
    id: &str,
    ext: &str,
    q: &ChartQuery,
    locale: Locale,
    base: &str,
    network: &str,
) -> ApiResult<Response> {
    let theme = match q.theme.as_deref() {
        Some("dark") => Theme::Dark,
        _ => Theme::Light,
    };
    let style = Style { locale, theme };
    let width = if ext == "png" {
        crate::charts::DOWNLOAD_PNG_WIDTH
    } else {
        crate::charts::DOWNLOAD_SVG_WIDTH
    };
    let view = if matches!(ext, "csv" | "json") {
        // Data and words only: nothing to draw, nothing to refuse.
        charts
            .undrawn(id, q.version(), locale)
            .await
            .map_err(|err| chart_failed(id, network, err))?
            .ok_or(ApiError::NotFound)?
    } else {
        view(charts, id, q, style, width, network).await?
    };
    let cache = cache_control(q.version().is_some());
    let name = format!("{}-{}", view.data.id, view.version);
    let res = match ext {
        "svg" => (
            [
                (
                    header::CONTENT_TYPE,
                    "image/svg+xml; charset=utf-8".to_string(),
                ),
                (header::CACHE_CONTROL, cache.to_string()),
            ],
            crate::charts::composite::with_footer(&view, locale, base),
        )
            .into_response(),
        "png" => {
            if !charts.png_available() {
                return Ok((
                    StatusCode::SERVICE_UNAVAILABLE,
                    "PNG charts need a CJK font on the server. PNG 图表需要服务器安装中文字体。",
                )
                    .into_response());
            }
            let png = charts
                .png(&view, style, Some(network))
                .await
                .map_err(|err| chart_failed(id, network, err))?;
            (
                [
                    (header::CONTENT_TYPE, "image/png".to_string()),
                    (header::CACHE_CONTROL, cache.to_string()),
                ],
                png.as_ref().clone(),
            )
                .into_response()
        }
        "csv" => {
            let mut res = csv_response(&format!("{name}.csv"), table_rows(&view, locale))?;
            if let Ok(value) = HeaderValue::from_str(cache) {
                res.headers_mut().insert(header::CACHE_CONTROL, value);
            }
            res
        }
        _ => (
            [(header::CACHE_CONTROL, cache.to_string())],
            Json(ChartDocument::of(&view, base, locale)),
        )
            .into_response(),
    };
    Ok(res)
}

#[utoipa::path(get, path = "/api/v1/charts", tag = "charts",
    summary = "Every outcome chart (成效图表) with its id, title, current data version and whether it is sample data",
    params(ChartQuery),
    responses((status = 200, description = "The chart catalogue", body = Vec<ChartEntry>),
        (status = 400, description = "A query parameter that cannot be read", body = ErrorBody)))]
async fn list(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<ChartQuery>,
    headers: HeaderMap,
) -> ApiResult<Json<Vec<ChartEntry>>> {
    let locale = q.locale(&headers);
    state.charts.catalog(locale).await.map(Json).map_err(|err| {
        tracing::error!(error = %err, "chart catalogue failed");
        ApiError::Unavailable(err.to_string())
    })
}

#[utoipa::path(get, path = "/api/v1/charts/{id}", tag = "charts",
    summary = "One chart: title, takeaway, description, its data and links to its page, embed, SVG, PNG, CSV and JSON",
    description = "`?v=` pins a data version, `?lang=zh-CN|en` picks the language. A chart not yet drawn is drawn for the caller, within limits.",
    params(("id" = String, Path, example = "problems-per-year"), ChartQuery),
    responses((status = 200, description = "The chart", body = ChartDocument),
        (status = 400, description = "A query parameter that cannot be read", body = ErrorBody),
        (status = 404, description = "No such chart or version", body = ErrorBody),
        (status = 429, description = "Too many new drawings asked for from this network in a minute", body = ErrorBody,
            headers(("Retry-After" = u32, description = "Seconds to wait"))),
        (status = 503, description = "The chart engine's queue is full", body = ErrorBody,
            headers(("Retry-After" = u32, description = "Seconds to wait")))))]
async fn one(
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiQuery(q): ApiQuery<ChartQuery>,
    headers: HeaderMap,
    client: Option<Extension<ClientAddr>>,
) -> ApiResult<Json<ChartDocument>> {
    let locale = q.locale(&headers);
    let style = Style {
        locale,
        theme: Theme::Light,
    };
    let network = network_of(client.as_deref());
    let view = view(&state.charts, &id, &q, style, 640, &network).await?;
    Ok(Json(ChartDocument::of(&view, &state.public_url, locale)))
}
