//! Charts outside the Leptos pages: downloads (`/charts/{id}.svg|png|csv|json`), the embed pages
//! (`/embed/charts/{id}`, in `embed.rs`), oEmbed, and the chart list of the open-data API.

use super::api::{csv_response, ApiError, ApiResult};
use super::AppState;
use crate::charts::ChartService;
use app::charts::words::num;
use app::i18n::Locale;
use app::model::{ChartEntry, ChartView, Theme};
use axum::extract::{Path, Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::{Deserialize, Serialize};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/embed/charts/{id}", get(super::embed::page))
        .route("/oembed", get(oembed))
        .route("/api/v1/charts", get(list))
        .route("/api/v1/charts/{id}", get(one))
}

/// What every chart URL may carry.
#[derive(Debug, Default, Deserialize)]
pub struct ChartQuery {
    /// A pinned data version.
    pub v: Option<String>,
    pub lang: Option<String>,
    pub theme: Option<String>,
    pub width: Option<u32>,
}

impl ChartQuery {
    pub fn locale(&self, headers: &HeaderMap) -> Locale {
        if let Some(locale) = self.lang.as_deref().and_then(Locale::from_tag) {
            return locale;
        }
        let text = |name| {
            headers
                .get(name)
                .and_then(|v: &HeaderValue| v.to_str().ok())
        };
        Locale::negotiate(text(header::COOKIE), text(header::ACCEPT_LANGUAGE))
    }

    pub fn version(&self) -> Option<&str> {
        self.v.as_deref().filter(|v| !v.is_empty())
    }
}

pub(super) async fn view(
    charts: &ChartService,
    id: &str,
    q: &ChartQuery,
    locale: Locale,
    theme: Theme,
    width: u32,
) -> ApiResult<ChartView> {
    charts
        .view(id, q.version(), locale, theme, q.width.unwrap_or(width))
        .await
        .map_err(|err| {
            tracing::error!(chart = id, error = %err, "chart failed");
            ApiError::Unavailable(err.to_string())
        })?
        .ok_or(ApiError::NotFound)
}

/// Pinned versions never change; the latest may, so caches ask again after five minutes.
pub(super) fn cache_control(pinned: bool) -> &'static str {
    if pinned {
        "public, max-age=31536000, immutable"
    } else {
        "public, max-age=300"
    }
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
    match download(&state.charts, &id, &ext, &q, locale, &state.public_url).await {
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
) -> ApiResult<Response> {
    let theme = match q.theme.as_deref() {
        Some("dark") => Theme::Dark,
        _ => Theme::Light,
    };
    let width = if ext == "png" { 800 } else { 640 };
    let view = view(charts, id, q, locale, theme, width).await?;
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
            let png = charts.png(&view, locale, base).await.map_err(|err| {
                tracing::error!(chart = id, error = %err, "PNG failed");
                ApiError::Unavailable(err.to_string())
            })?;
            (
                [
                    (header::CONTENT_TYPE, "image/png".to_string()),
                    (header::CACHE_CONTROL, cache.to_string()),
                ],
                png,
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

/// The CSV: what the categories are, the series, and beside every row the chart's title, unit,
/// source, data date, version and sample flag (a sidecar, as OWID's and Datawrapper's exports
/// carry them), so a row copied out of the file still says where it came from.
fn table_rows(view: &ChartView, locale: Locale) -> Vec<Vec<String>> {
    let m = |key: &str| app::i18n::message(key, locale);
    let mut header = vec![view.category.clone()];
    header.extend(view.series_names.iter().cloned());
    header.extend(
        ["title", "unit", "source", "as_of", "version", "sample"]
            .map(|k| m(&format!("chart_meta.csv.{k}"))),
    );
    let sidecar = [
        view.title.clone(),
        view.unit.clone(),
        source_urls(view, locale),
        view.data.as_of.clone(),
        view.version.clone(),
        m(if view.data.sample {
            "chart_meta.csv.yes"
        } else {
            "chart_meta.csv.no"
        }),
    ];
    let mut rows = vec![header];
    for (i, category) in view.data.categories.iter().enumerate() {
        let mut row = vec![category.clone()];
        row.extend(
            view.data
                .series
                .iter()
                .map(|s| num(s.values.get(i).copied().unwrap_or(0.0))),
        );
        row.extend(sidecar.iter().cloned());
        rows.push(row);
    }
    rows
}

/// The sources as addresses (with their notes), or the sample notice.
fn source_urls(view: &ChartView, locale: Locale) -> String {
    if view.data.sample {
        return app::i18n::message("chart.sample_source", locale);
    }
    let urls: Vec<String> = view
        .data
        .sources
        .iter()
        .filter_map(|s| match (&s.url, &s.note) {
            (Some(url), Some(note)) => Some(format!("{url} ({note})")),
            (Some(url), None) => Some(url.clone()),
            (None, note) => note.clone(),
        })
        .collect();
    if urls.is_empty() {
        app::i18n::message("chart_meta.no_source", locale)
    } else {
        urls.join(" ; ")
    }
}

/// A chart in the API: its words, its data, and where to get it in every form.
#[derive(Serialize)]
pub struct ChartDocument {
    pub id: String,
    pub version: String,
    pub latest: bool,
    pub title: String,
    pub takeaway: String,
    pub description: String,
    pub series_names: Vec<String>,
    /// 单位 of the values, e.g. 件.
    pub unit: String,
    /// What the categories are, e.g. 月份.
    pub category: String,
    /// The source line as plain text (or the sample notice).
    pub source: String,
    /// The date the figures describe.
    pub as_of: String,
    /// 示例数据: figures made up for the demo.
    pub sample: bool,
    pub data: app::model::ChartData,
    pub links: Links,
}

#[derive(Serialize)]
pub struct Links {
    pub page: String,
    pub embed: String,
    pub svg: String,
    pub png: String,
    pub csv: String,
    pub json: String,
}

impl ChartDocument {
    pub fn of(view: &ChartView, base: &str, locale: Locale) -> ChartDocument {
        let id = &view.data.id;
        let v = &view.version;
        let lang = locale.tag();
        ChartDocument {
            id: id.clone(),
            version: v.clone(),
            latest: view.latest,
            title: view.title.clone(),
            takeaway: view.takeaway.clone(),
            description: view.description.clone(),
            series_names: view.series_names.clone(),
            unit: view.unit.clone(),
            category: view.category.clone(),
            source: app::charts::labels::source_text(&view.data, locale),
            as_of: view.data.as_of.clone(),
            sample: view.data.sample,
            data: view.data.clone(),
            links: Links {
                page: format!("{base}/charts/{id}"),
                embed: format!("{base}/embed/charts/{id}?lang={lang}&v={v}"),
                svg: format!("{base}/charts/{id}.svg?lang={lang}&v={v}"),
                png: format!("{base}/charts/{id}.png?lang={lang}&v={v}"),
                csv: format!("{base}/charts/{id}.csv?lang={lang}&v={v}"),
                json: format!("{base}/charts/{id}.json?lang={lang}&v={v}"),
            },
        }
    }
}

async fn list(
    State(state): State<AppState>,
    Query(q): Query<ChartQuery>,
    headers: HeaderMap,
) -> ApiResult<Json<Vec<ChartEntry>>> {
    let locale = q.locale(&headers);
    state.charts.catalog(locale).await.map(Json).map_err(|err| {
        tracing::error!(error = %err, "chart catalogue failed");
        ApiError::Unavailable(err.to_string())
    })
}

async fn one(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<ChartQuery>,
    headers: HeaderMap,
) -> ApiResult<Json<ChartDocument>> {
    let locale = q.locale(&headers);
    let view = view(&state.charts, &id, &q, locale, Theme::Light, 640).await?;
    Ok(Json(ChartDocument::of(&view, &state.public_url, locale)))
}

#[derive(Debug, Deserialize)]
struct OEmbedQuery {
    url: Option<String>,
    format: Option<String>,
    maxwidth: Option<u32>,
    maxheight: Option<u32>,
}

/// oEmbed 1.0 (`type: rich`): CMSs that discover the `<link>` on a chart page get the iframe.
async fn oembed(
    State(state): State<AppState>,
    Query(q): Query<OEmbedQuery>,
    headers: HeaderMap,
) -> ApiResult<Response> {
    if q.format.as_deref().is_some_and(|f| f != "json") {
        return Ok((
            StatusCode::NOT_IMPLEMENTED,
            "Only format=json is supported.",
        )
            .into_response());
    }
    let url = q.url.unwrap_or_default();
    // The portal's public address, or the host this request came to (the same portal seen
    // through another name, e.g. behind a proxy).
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(|h| format!("{}://{h}", url.split("://").next().unwrap_or("https")));
    let (id, version, lang) = chart_of_url(&url, &state.public_url)
        .or_else(|| host.and_then(|base| chart_of_url(&url, &base)))
        .ok_or(ApiError::NotFound)?;
    let query = ChartQuery {
        v: version,
        lang,
        ..ChartQuery::default()
    };
    let locale = query.locale(&headers);
    let view = view(&state.charts, &id, &query, locale, Theme::Light, 480).await?;
    let width = q.maxwidth.unwrap_or(640).clamp(240, 1200);
    let height = app::api::charts::frame_fit(&view, locale)
        .at(width)
        .min(q.maxheight.unwrap_or(u32::MAX));
    let src = format!(
        "{}/embed/charts/{}?lang={}&amp;v={}",
        state.public_url,
        view.data.id,
        locale.tag(),
        view.version
    );
    let html = format!(
        "<iframe src=\"{src}\" title=\"{}\" width=\"{width}\" height=\"{height}\" style=\"border:0;width:100%\" loading=\"lazy\"></iframe>",
        super::embed::escape(&view.title)
    );
    Ok(Json(serde_json::json!({
        "version": "1.0",
        "type": "rich",
        "provider_name": "点菜 Problem of the Month",
        "provider_url": state.public_url,
        "title": view.title,
        "html": html,
        "width": width,
        "height": height,
        "thumbnail_url": format!("{}/charts/{}.png?v={}", state.public_url, view.data.id, view.version),
        "thumbnail_width": 1600,
        "thumbnail_height": option_height(&view) * 2,
        "cache_age": 3600,
    }))
    .into_response())
}

fn option_height(view: &ChartView) -> u32 {
    app::charts::option::height_for(&view.data, 800)
}

/// `…/charts/{id}` or `…/embed/charts/{id}`, optionally `?v=` and `lang=`, on this portal only.
fn chart_of_url(url: &str, public_url: &str) -> Option<(String, Option<String>, Option<String>)> {
    let rest = url.strip_prefix(public_url.trim_end_matches('/'))?;
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let id = path
        .strip_prefix("/embed/charts/")
        .or_else(|| path.strip_prefix("/charts/"))?;
    if !app::model::valid_chart_id(id) {
        return None;
    }
    let param = |name: &str| {
        query
            .split('&')
            .find_map(|pair| pair.strip_prefix(name))
            .map(str::to_string)
    };
    Some((id.to_string(), param("v="), param("lang=")))
}

#[cfg(test)]
mod tests {
    use super::chart_of_url;

    #[test]
    fn oembed_accepts_only_this_portals_chart_urls() {
        let base = "https://dianca.example";
        assert_eq!(
            chart_of_url("https://dianca.example/charts/problems-per-year", base),
            Some(("problems-per-year".into(), None, None))
        );
        assert_eq!(
            chart_of_url(
                "https://dianca.example/embed/charts/problems-per-year?v=0123456789ab",
                base
            ),
            Some((
                "problems-per-year".into(),
                Some("0123456789ab".into()),
                None
            ))
        );
        assert_eq!(
            chart_of_url("https://evil.example/charts/problems-per-year", base),
            None
        );
        assert_eq!(
            chart_of_url("https://dianca.example/topics/2024/3", base),
            None
        );
    }
}
