//! Server functions for charts: pages get a chart already drawn as SVG.

use crate::i18n::Locale;
use crate::model::{ChartEntry, ChartView};
use leptos::prelude::*;

/// Width pages draw charts at: mobile first, scaled up to the figure's max width on desktops.
pub const PAGE_WIDTH: u32 = 400;

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
pub async fn get_chart_catalog(locale: Locale) -> Result<Vec<ChartEntry>, ServerFnError> {
    charts()?
        .0
        .catalog(locale)
        .await
        .map_err(|e| super::unavailable("chart catalogue", e))
}
