//! Nothing a signed-in member sees is kept by a browser or a proxy (不缓存): every response to
//! a request carrying a staff session, every response that sets one, and every staff address
//! (the sign-in page and the one-time paper-code sheet, `/staff/codes`, included) gets
//! `Cache-Control: no-store`, whatever the handler said.

use app::api::staff::SESSION_COOKIE;
use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

/// Whether a `Cookie` header carries a staff session (under its plain or a prefixed name).
fn has_session(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .any(|(name, value)| name.ends_with(SESSION_COOKIE) && !value.is_empty())
}

/// Whether a response sets (or clears) the session cookie.
fn sets_session(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| {
            v.split('=')
                .next()
                .is_some_and(|name| name.trim().ends_with(SESSION_COOKIE))
        })
}

/// Whether `path` is a staff address, `/staff` and below.
fn is_staff(path: &str) -> bool {
    let path = path.to_ascii_lowercase();
    path == "/staff" || path.starts_with("/staff/") || path.starts_with("/staff?")
}

pub async fn no_store(req: Request, next: Next) -> Response {
    let private = has_session(req.headers()) || is_staff(req.uri().path());
    let mut res = next.run(req).await;
    if private || sets_session(res.headers()) {
        res.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_under_any_prefix_counts() {
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            HeaderValue::from_static("lang=en; __Host-dianca_session=abc"),
        );
        assert!(has_session(&h));
        let mut empty = HeaderMap::new();
        empty.insert(header::COOKIE, HeaderValue::from_static("dianca_session="));
        assert!(!has_session(&empty));
        assert!(is_staff("/staff/codes") && is_staff("/Staff") && !is_staff("/staffing"));
    }
}
