//! What every chart URL may carry (`?v=&lang=&theme=&width=`) and how long a chart response
//! may be cached. Below the download, embed and oEmbed handlers, which all read it.

use app::i18n::Locale;
use axum::http::HeaderMap;
use serde::Deserialize;

/// What every chart URL may carry.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ChartQuery {
    /// A pinned data version; without it, the latest.
    pub v: Option<String>,
    /// `zh-CN` or `en`; without it, the reader's language.
    pub lang: Option<String>,
    /// `light` or `dark` (embeds and images; not the JSON).
    #[param(ignore)]
    pub theme: Option<String>,
    /// The width in CSS pixels to draw at (images; not the JSON).
    #[param(ignore)]
    pub width: Option<u32>,
}

impl ChartQuery {
    pub fn locale(&self, headers: &HeaderMap) -> Locale {
        if let Some(locale) = self.lang.as_deref().and_then(Locale::from_tag) {
            return locale;
        }
        super::reader::locale(headers)
    }

    pub fn version(&self) -> Option<&str> {
        self.v.as_deref().filter(|v| !v.is_empty())
    }
}

/// Pinned versions never change; the latest may, so caches ask again after five minutes.
pub fn cache_control(pinned: bool) -> &'static str {
    if pinned {
        "public, max-age=31536000, immutable"
    } else {
        "public, max-age=300"
    }
}
