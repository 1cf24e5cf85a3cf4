//! The language switch: a plain link that sets a cookie and returns the reader to their page,
//! so it works with JavaScript off and persists across visits.

use app::i18n::{Locale, LOCALE_COOKIE};
use axum::extract::{Path, Query};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

#[derive(Deserialize)]
pub struct SwitchQuery {
    next: Option<String>,
}

/// Only same-site paths: never an open redirect.
fn safe_next(next: Option<&str>) -> &str {
    match next {
        Some(path) if app::paths::is_local(path) => path,
        _ => "/",
    }
}

pub async fn switch(Path(tag): Path<String>, Query(query): Query<SwitchQuery>) -> Response {
    let next = safe_next(query.next.as_deref());
    let mut headers = HeaderMap::new();
    if let Ok(location) = HeaderValue::from_str(next) {
        headers.insert(header::LOCATION, location);
    } else {
        headers.insert(header::LOCATION, HeaderValue::from_static("/"));
    }
    if let Some(locale) = Locale::from_tag(&tag) {
        let cookie = app::cookies::set(LOCALE_COOKIE, locale.tag(), 31_536_000);
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            headers.insert(header::SET_COOKIE, value);
        }
    }
    (StatusCode::SEE_OTHER, headers).into_response()
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(
            safe_next(Some("/years/2024?c=confirmed")),
            "/years/2024?c=confirmed"
        );
        for bad in [
            "//evil.example",
            "https://evil.example",
            "/\\evil",
            "evil",
            "",
        ] {
            assert_eq!(safe_next(Some(bad)), "/", "{bad}");
        }
        assert_eq!(safe_next(None), "/");
    }
}
