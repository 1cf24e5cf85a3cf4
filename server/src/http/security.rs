//! Security headers on every response, with a fresh CSP nonce for Leptos' inline scripts.

use app::request::CspNonce;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine;
use rand::RngCore;

/// Longer URIs are refused with a page, before any routing or parsing.
pub const MAX_URI_LEN: usize = 2048;

fn new_nonce() -> String {
    let mut bytes = [0u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

fn csp(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; \
         report-uri /csp-report; report-to csp-endpoint"
    )
}

/// Chart embeds are the only pages other sites may frame. They load nothing: their one style
/// block and one script carry the nonce.
fn embed_csp(nonce: &str) -> String {
    format!(
        "default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; \
         img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors *; \
         report-uri /csp-report; report-to csp-endpoint"
    )
}

/// The path as the router will see it: percent-escapes decoded, `.` and `..` segments
/// resolved, empty segments dropped. The framing policy is chosen on this, so
/// `/embed/%2e%2e/staff/login` is the login page, not an embed.
fn normalised(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied(),
            bytes.get(i + 2).copied(),
        ) {
            (b'%', Some(h), Some(l)) if hex(h).is_some() && hex(l).is_some() => {
                decoded.push((hex(h).unwrap_or(0) * 16 + hex(l).unwrap_or(0)) as u8);
                i += 3;
            }
            (b, _, _) => {
                decoded.push(b);
                i += 1;
            }
        }
    }
    let text = String::from_utf8_lossy(&decoded).replace('\\', "/");
    let mut segments: Vec<&str> = Vec::new();
    for segment in text.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            s => segments.push(s),
        }
    }
    let mut out = format!("/{}", segments.join("/"));
    if text.ends_with('/') && out.len() > 1 {
        out.push('/');
    }
    out
}

/// Whether the request is for a chart embed, the only pages other sites may frame.
fn is_embed(path: &str) -> bool {
    normalised(path).starts_with("/embed/")
}

pub async fn headers(mut req: Request, next: Next) -> Response {
    let nonce = new_nonce();
    let embed = is_embed(req.uri().path());
    req.extensions_mut().insert(CspNonce(nonce.clone()));
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    let policy = if embed {
        embed_csp(&nonce)
    } else {
        csp(&nonce)
    };
    if let Ok(value) = HeaderValue::from_str(&policy) {
        h.insert(header::CONTENT_SECURITY_POLICY, value);
    }
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    if !embed {
        h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    }
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    h.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), browsing-topics=()"),
    );
    h.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    // A page's language comes from Accept-Language or the language cookie, and a signed-in
    // page from the session cookie: a shared cache must keep them apart (issue 34).
    let html = h
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if html && !h.contains_key(header::VARY) {
        h.insert(
            header::VARY,
            HeaderValue::from_static("Accept-Language, Cookie"),
        );
    }
    res
}

/// An overlong address gets a short page in the reader's language (the app is not rendered for it).
pub async fn reject_overlong_uri(req: Request, next: Next) -> Response {
    let len = req.uri().to_string().len();
    if len > MAX_URI_LEN {
        tracing::warn!(len, "rejected overlong URI");
        return super::notice::page(
            StatusCode::URI_TOO_LONG,
            "too_long",
            super::reader::locale(req.headers()),
        );
    }
    next.run(req).await
}

/// CSRF defence: a state-changing request must come from this site. Browsers send `Origin` on
/// every cross-site POST; where it is missing, `Sec-Fetch-Site` tells the same. Clients that
/// send neither (curl, scripts) carry no browser cookies to abuse and pass.
/// Whether a write's `Origin` is the portal itself: the configured public origin, or — for a
/// server reached under another address (a laptop, a test on a random port) — the request's own
/// `Host` under the public address's scheme. A host match alone is not enough: an `http://`
/// origin is not the https portal (a downgraded or forged page), whatever its host.
fn same_origin(origin: &str, host: Option<&str>, public_url: &str) -> bool {
    let origin = origin.trim_end_matches('/');
    let public = public_url.trim_end_matches('/');
    if origin.eq_ignore_ascii_case(public) {
        return true;
    }
    let scheme = |url: &str| {
        url.split_once("://")
            .map(|(s, rest)| (s.to_ascii_lowercase(), rest.to_string()))
    };
    match (scheme(origin), scheme(public), host) {
        (Some((o_scheme, o_host)), Some((p_scheme, _)), Some(host)) => {
            o_scheme == p_scheme && o_host.eq_ignore_ascii_case(host)
        }
        _ => false,
    }
}

pub async fn same_origin_writes(
    State(public_url): State<String>,
    req: Request,
    next: Next,
) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    let headers = req.headers();
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    let origin = headers.get(header::ORIGIN).and_then(|h| h.to_str().ok());
    let allowed = match origin {
        Some(origin) => same_origin(origin, host, &public_url),
        None => !matches!(
            headers.get("sec-fetch-site").and_then(|h| h.to_str().ok()),
            Some("cross-site") | Some("same-site")
        ),
    };
    if allowed {
        return next.run(req).await;
    }
    tracing::warn!(?origin, ?host, path = %req.uri().path(), "refused a cross-site write");
    super::notice::page(
        StatusCode::FORBIDDEN,
        "cross_site",
        super::reader::locale(req.headers()),
    )
}

#[cfg(test)]
mod origin_tests {
    use super::same_origin;

    #[test]
    fn the_public_origin_and_the_own_host_under_its_scheme_are_the_portal() {
        let public = "https://dianca.example";
        assert!(same_origin(
            "https://dianca.example",
            Some("dianca.example"),
            public
        ));
        assert!(same_origin(
            "https://dianca.example/",
            Some("10.0.0.5:3000"),
            public
        ));
        // The host alone is not enough: an http page is not the https portal.
        assert!(!same_origin(
            "http://dianca.example",
            Some("dianca.example"),
            public
        ));
        assert!(!same_origin(
            "https://evil.example",
            Some("dianca.example"),
            public
        ));
        assert!(!same_origin("null", Some("dianca.example"), public));
        // A plain-http server on another port (a laptop, a test) accepts its own pages.
        let local = "http://127.0.0.1:3000";
        assert!(same_origin(
            "http://127.0.0.1:4567",
            Some("127.0.0.1:4567"),
            local
        ));
        assert!(!same_origin(
            "https://127.0.0.1:4567",
            Some("127.0.0.1:4567"),
            local
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_framing_policy_follows_the_normalised_path() {
        assert!(is_embed("/embed/topic-2026-11-volume"));
        assert!(!is_embed("/embed/%2e%2e/staff/login"));
        assert!(!is_embed("/embed/../staff/login"));
        assert!(!is_embed("/embed/%2E%2E%2fstaff%2flogin"));
        assert!(!is_embed("/staff/login"));
        assert_eq!(normalised("/a/./b//c/../d/"), "/a/b/d/");
    }
}
