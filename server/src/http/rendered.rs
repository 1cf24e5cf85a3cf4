//! Rendered public pages kept for the current second (issue 32): a link shared in a WeChat group
//! brings thousands of first-time readers to one topic page within minutes, and every one of
//! them would otherwise render the same 40 KB of HTML with its charts. Only what every reader
//! of an address sees alike is kept — a plain `GET` of a public page without a query string,
//! from a reader who carries no cookie but the language — keyed by the address, the reader's
//! language and the page data's stamp (this instance's committed writes and the second), so a
//! page is never older than the data it shows. The CSP nonce is per response: a kept page is
//! stored split at the nonce it was rendered with and joined with each reader's own.

use crate::page_cache::{stamp, Stamp};
use crate::store::Store;
use app::i18n::{Locale, LOCALE_COOKIE};
use app::request::CspNonce;
use axum::body::Body;
use axum::body::Bytes;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use quick_cache::sync::Cache;
use quick_cache::Weighter;
use std::sync::Arc;
use std::time::Instant;

/// The largest page kept; a larger one is served but rendered every time (none comes near).
const MAX_PAGE: usize = 2 << 20;
/// Bytes of HTML kept at most, across every address, language and second.
const BUDGET: u64 = 32 << 20;

/// The public pages whose HTML depends only on the address, the language and the data. Votes,
/// receipts, suggestions, search and the staff area are left out: they read the reader's own
/// cookies or query, and are rendered every time.
fn is_public_page(path: &str) -> bool {
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    match segments.as_slice() {
        [""] | ["hotline"] | ["about"] | ["glossary"] | ["charts"] | ["archive"] => true,
        ["years", _] | ["problems", _] | ["departments", _] | ["policies", _] | ["charts", _] => {
            segments.iter().all(|s| !s.is_empty())
        }
        ["topics", year, month] => !year.is_empty() && !month.is_empty(),
        _ => false,
    }
}

/// Whether every cookie the request carries is the reader's language (or there is none).
fn only_language_cookie(headers: &HeaderMap) -> bool {
    let name = app::cookies::wire_name(LOCALE_COOKIE);
    headers.get_all(header::COOKIE).iter().all(|value| {
        value.to_str().is_ok_and(|v| {
            v.split(';')
                .map(str::trim)
                .filter(|pair| !pair.is_empty())
                .all(|pair| pair.split_once('=').is_some_and(|(k, _)| k == name))
        })
    })
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Key {
    path: String,
    locale: Locale,
    stamp: Stamp,
}

/// The key of a public page's request whose page may be kept, `None` when it is the reader's
/// own (a query, a cookie other than the language).
fn key_of(req: &Request, store: &Store) -> Option<Key> {
    let uri = req.uri();
    if uri.query().is_some() || !only_language_cookie(req.headers()) {
        return None;
    }
    let value = |name| req.headers().get(name).and_then(|v| v.to_str().ok());
    Some(Key {
        path: uri.path().to_string(),
        locale: Locale::negotiate(value(header::COOKIE), value(header::ACCEPT_LANGUAGE)),
        stamp: stamp(store),
    })
}

/// A kept page: its status line's headers and its body, cut where the nonce was.
#[derive(Clone)]
struct Kept {
    headers: HeaderMap,
    pieces: Arc<[Bytes]>,
}

impl Kept {
    fn new(headers: HeaderMap, body: &Bytes, nonce: &str) -> Kept {
        let mut pieces = Vec::new();
        let mut start = 0;
        for at in memchr::memmem::find_iter(body, nonce.as_bytes()) {
            pieces.push(body.slice(start..at));
            start = at + nonce.len();
        }
        pieces.push(body.slice(start..));
        Kept {
            headers,
            pieces: pieces.into(),
        }
    }

    fn bytes(&self) -> usize {
        self.pieces.iter().map(Bytes::len).sum()
    }

    /// The page for one reader, carrying that reader's nonce.
    fn response(&self, nonce: &str) -> Response {
        let mut body = Vec::with_capacity(self.bytes() + self.pieces.len() * nonce.len());
        for (i, piece) in self.pieces.iter().enumerate() {
            if i > 0 {
                body.extend_from_slice(nonce.as_bytes());
            }
            body.extend_from_slice(piece);
        }
        let mut res = Response::new(Body::from(body));
        *res.headers_mut() = self.headers.clone();
        timing(&mut res, "render;desc=\"kept\"");
        res
    }
}

#[derive(Clone)]
struct PageBytes;

impl Weighter<Key, Kept> for PageBytes {
    fn weight(&self, key: &Key, kept: &Kept) -> u64 {
        (key.path.len() + kept.bytes()) as u64 + 256
    }
}

/// The rendered-page cache, shared by every request of one router.
#[derive(Clone)]
pub struct RenderedPages {
    store: Store,
    kept: Arc<Cache<Key, Kept, PageBytes>>,
}

impl RenderedPages {
    pub fn new(store: Store) -> Self {
        RenderedPages {
            store,
            kept: Arc::new(Cache::with_weighter(4096, BUDGET, PageBytes)),
        }
    }
}

/// `Server-Timing`, so a reader's tools (and the benchmark) tell a rendered page from a kept one.
fn timing(res: &mut Response, value: &str) {
    if let Ok(value) = HeaderValue::from_str(value) {
        res.headers_mut().insert("server-timing", value);
    }
}

/// Serves a kept page, or renders it (one render for concurrent readers of one key) and keeps it
/// when it is a whole `200` page that sets no cookie. Every public page's render is timed
/// (`Server-Timing`), kept or not.
pub async fn serve(State(pages): State<RenderedPages>, req: Request, next: Next) -> Response {
    if req.method() != Method::GET || !is_public_page(req.uri().path()) {
        return next.run(req).await;
    }
    let nonce = req.extensions().get::<CspNonce>().map(|n| n.0.clone());
    let (Some(key), Some(nonce)) = (key_of(&req, &pages.store), nonce) else {
        return timed(next, req).await;
    };
    let guard = match pages.kept.get_value_or_guard_async(&key).await {
        Ok(kept) => return kept.response(&nonce),
        Err(guard) => guard,
    };
    let res = timed(next, req).await;
    if res.status() != StatusCode::OK || res.headers().contains_key(header::SET_COOKIE) {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    // The page is whole in memory already (every page renders in `SsrMode::Async`).
    match axum::body::to_bytes(body, usize::MAX).await {
        Ok(bytes) => {
            parts.headers.remove(header::CONTENT_LENGTH);
            if bytes.len() <= MAX_PAGE {
                let mut headers = parts.headers.clone();
                headers.remove("server-timing");
                let _ = guard.insert(Kept::new(headers, &bytes, &nonce));
            }
            Response::from_parts(parts, Body::from(bytes))
        }
        Err(err) => {
            tracing::error!(path = %key.path, error = %err, "a rendered page's body failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// Renders the page and says how long it took.
async fn timed(next: Next, req: Request) -> Response {
    let started = Instant::now();
    let mut res = next.run(req).await;
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    timing(&mut res, &format!("render;dur={ms:.1}"));
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_public_pages_without_a_query_or_own_cookies_are_kept() {
        for path in [
            "/",
            "/topics/2026/11",
            "/problems/42",
            "/hotline",
            "/charts/problems-per-year",
            "/years/2024",
        ] {
            assert!(is_public_page(path), "{path}");
        }
        for path in [
            "/vote",
            "/vote/2026-12",
            "/receipt",
            "/suggest",
            "/search",
            "/staff",
            "/staff/topics",
            "/topics/2026",
            "/problems/",
            "/problems/42/x",
            "/pkg/dianca.js",
        ] {
            assert!(!is_public_page(path), "{path}");
        }
        let mut headers = HeaderMap::new();
        assert!(only_language_cookie(&headers), "no cookie");
        headers.insert(header::COOKIE, HeaderValue::from_static("lang=en"));
        assert!(only_language_cookie(&headers));
        headers.append(
            header::COOKIE,
            HeaderValue::from_static("lang=en; dianca_device=abc"),
        );
        assert!(
            !only_language_cookie(&headers),
            "a device token is the reader's own"
        );
    }

    #[tokio::test]
    async fn a_kept_page_carries_each_readers_nonce() {
        let body = Bytes::from_static(
            b"<script nonce=\"AAAA\">x</script><p>AAA</p><style nonce=\"AAAA\">",
        );
        let kept = Kept::new(HeaderMap::new(), &body, "AAAA");
        assert_eq!(kept.pieces.len(), 3);
        let res = kept.response("BBBB");
        let bytes = axum::body::to_bytes(res.into_body(), 1 << 16)
            .await
            .expect("a body");
        assert_eq!(
            &bytes[..],
            b"<script nonce=\"BBBB\">x</script><p>AAA</p><style nonce=\"BBBB\">"
        );
    }
}
