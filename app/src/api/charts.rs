//! Server functions for charts: pages get a chart already drawn as SVG.

use crate::i18n::Locale;
use crate::model::{ChartEntry, ChartView};
use leptos::prelude::*;

/// Width pages draw charts at: mobile first, scaled up to the figure's max width on desktops.
pub const PAGE_WIDTH: u32 = 400;

/// Embeds draw a little wider than pages: a newspaper column, scaled to fit on phones.
pub const EMBED_WIDTH: u32 = 480;

/// What a chart's own page needs beyond the chart: absolute addresses for the embed codes.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ChartPageData {
    pub view: ChartView,
    /// The portal's public address, e.g. `https://dianca.example`.
    pub base: String,
    /// The embed frame's height as a share of its width plus pixels.
    pub frame: crate::model::FrameFit,
}

#[cfg(feature = "ssr")]
fn charts() -> Result<super::ChartHandle, ServerFnError> {
    use_context::<super::ChartHandle>().ok_or_else(|| {
        tracing::error!("ChartHandle missing from the Leptos context");
        ServerFnError::new(super::UNAVAILABLE)
    })
}

#[server]
pub async fn get_chart(
    id: String,
    version: Option<String>,
    locale: Locale,
) -> Result<Option<ChartView>, ServerFnError> {
    use crate::model::Theme;
    charts()?
        .0
        .chart(&id, version.as_deref(), locale, Theme::Light, PAGE_WIDTH)
        .await
        .map_err(|e| super::unavailable("chart", e))
}

/// Several charts at once, for pages that show more than one; missing ones are skipped.
#[server]
pub async fn get_charts(ids: Vec<String>, locale: Locale) -> Result<Vec<ChartView>, ServerFnError> {
    use crate::model::Theme;
    let port = charts()?;
    let mut out = Vec::new();
    for id in ids.iter().take(8) {
        if let Some(view) = port
            .0
            .chart(id, None, locale, Theme::Light, PAGE_WIDTH)
            .await
            .map_err(|e| super::unavailable("chart", e))?
        {
            out.push(view);
        }
    }
    Ok(out)
}

#[server]
pub async fn get_chart_page(
    id: String,
    version: Option<String>,
    locale: Locale,
) -> Result<Option<ChartPageData>, ServerFnError> {
    use crate::model::Theme;
    let port = charts()?;
    let view = port
        .0
        .chart(&id, version.as_deref(), locale, Theme::Light, PAGE_WIDTH)
        .await
        .map_err(|e| super::unavailable("chart", e))?;
    Ok(view.map(|view| ChartPageData {
        frame: port.0.frame_fit(&view, locale),
        base: port.0.base_url(),
        view,
    }))
}

#[server]
pub async fn get_chart_catalog(locale: Locale) -> Result<Vec<ChartEntry>, ServerFnError> {
    charts()?
        .0
        .catalog(locale)
        .await
        .map_err(|e| super::unavailable("chart catalogue", e))
}

#[server]
pub async fn get_topic_charts(
    year: i32,
    month: u8,
    locale: Locale,
) -> Result<Vec<ChartEntry>, ServerFnError> {
    charts()?
        .0
        .topic_charts(year, month, locale)
        .await
        .map_err(|e| super::unavailable("topic charts", e))
}
