//! oEmbed 1.0 (`/oembed`, `type: rich`): CMSs that discover the `<link>` on a chart page get
//! the iframe, sized for the chart's words at the width they asked for.

use super::api::{ApiError, ApiResult};
use super::chart_query::ChartQuery;
use super::charts::{network_of, view};
use super::AppState;
use crate::charts::Style;
use app::model::{ChartView, Theme};
use app::request::ClientAddr;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub(super) struct OEmbedQuery {
    url: Option<String>,
    format: Option<String>,
    maxwidth: Option<u32>,
    maxheight: Option<u32>,
}

pub(super) async fn oembed(
    State(state): State<AppState>,
    Query(q): Query<OEmbedQuery>,
    headers: HeaderMap,
    client: Option<Extension<ClientAddr>>,
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
    let style = Style {
        locale,
        theme: Theme::Light,
    };
    let network = network_of(client.as_deref());
    let view = view(&state.charts, &id, &query, style, 480, &network).await?;
    let width = q.maxwidth.unwrap_or(640).clamp(240, 1200);
    let height = app::charts::frame::fit_view(&view, locale)
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
        super::reader::escape(&view.title)
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
