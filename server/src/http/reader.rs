//! What a plain handler knows of its reader: a cookie, the language, the server's own words
//! and the one HTML escaper for text it writes into a page by hand.

use app::i18n::Locale;
use axum::http::{header, HeaderMap};

pub use app::components::raw_text::escape_html as escape;

/// Cookie `name` (its base name; `app::cookies` adds the `__Host-` prefix over https).
pub(super) fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    let values = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok());
    app::cookies::find(values, name)
}

/// The reader's language: the language cookie, else `Accept-Language`, else Chinese.
pub(super) fn locale(headers: &HeaderMap) -> Locale {
    let text = |name| headers.get(name).and_then(|v| v.to_str().ok());
    Locale::negotiate(text(header::COOKIE), text(header::ACCEPT_LANGUAGE))
}

/// A message from the server's own locale files (`server/locales`: pages the server writes by
/// hand); anything a Leptos page also shows comes from `app::i18n::message`.
pub(super) fn message(key: &str, locale: Locale) -> String {
    rust_i18n::t!(key, locale = locale.tag()).into_owned()
}
