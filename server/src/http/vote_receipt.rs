//! The receipt as an image (回执图片): `GET /vote/{slug}/receipt.png` draws the receipt of the
//! ballot this device cast (named by its sealed cookie) so a resident can keep it the way she
//! keeps everything on her phone — long-press and save, or download — with JavaScript off.
//! The image shows the code, the cycle and how to check it; never the picks.
//!
//! Drawing one takes 35–163 ms of a core (issue 34), and a resident reloads it, saves it and
//! shares it: each drawn card is kept by what it shows (`Drawn`, a hash of its SVG, within a
//! byte budget) and answered with an `ETag`, so her browser asks again with `If-None-Match` and
//! gets `304 Not Modified`.

use super::reader::cookie;
use super::AppState;
use crate::charts::raster::Fonts;
use app::i18n::{message, Locale};
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use sha2::{Digest, Sha256};
use std::sync::LazyLock;

/// Bytes of drawn cards kept at most (a card is ~30 KB).
const BUDGET: u64 = 8 << 20;

/// A drawn card's PNG, weighed by its bytes.
#[derive(Clone)]
struct PngWeight;

impl quick_cache::Weighter<[u8; 32], Bytes> for PngWeight {
    fn weight(&self, _key: &[u8; 32], png: &Bytes) -> u64 {
        png.len() as u64
    }
}

/// Drawn cards by the SHA-256 of their SVG: what a card shows is its key, so a cycle renamed
/// or a language changed draws anew, and nothing personal is kept apart from its image.
struct Drawn(quick_cache::sync::Cache<[u8; 32], Bytes, PngWeight>);

static DRAWN: LazyLock<Drawn> = LazyLock::new(|| {
    Drawn(quick_cache::sync::Cache::with_weighter(
        256, BUDGET, PngWeight,
    ))
});

impl Drawn {
    /// The card's PNG, drawn by `draw` only when it was not kept.
    async fn png<E>(
        &self,
        key: [u8; 32],
        draw: impl std::future::Future<Output = Result<Vec<u8>, E>>,
    ) -> Result<Bytes, E> {
        if let Some(png) = self.0.get(&key) {
            return Ok(png);
        }
        let png = Bytes::from(draw.await?);
        self.0.insert(key, png.clone());
        Ok(png)
    }
}

/// The entity tag of a card: its key, as the browser sends it back.
fn etag(key: &[u8; 32]) -> String {
    use std::fmt::Write;
    let mut tag = String::from("\"r-");
    for byte in &key[..12] {
        let _ = write!(tag, "{byte:02x}");
    }
    tag.push('"');
    tag
}

pub fn routes() -> Router<AppState> {
    Router::new().route("/vote/{slug}/receipt.png", get(receipt_png))
}

/// Text on the card, cut to what fits.
fn escape(text: &str) -> String {
    super::reader::escape(&text.chars().take(80).collect::<String>())
}

/// The receipt card as SVG: 640 × 400, dark text on white, the code large and spaced.
fn card(locale: Locale, cycle: &str, code: &str, at: &str, site: &str) -> String {
    let t = |key: &str| escape(&message(&format!("ballot.{key}"), locale));
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="640" height="400" viewBox="0 0 640 400">
<rect width="640" height="400" fill="#ffffff"/>
<rect x="8" y="8" width="624" height="384" rx="16" fill="none" stroke="#b3261e" stroke-width="4"/>
<text x="40" y="64" font-size="30" font-weight="bold" fill="#b3261e">{title}</text>
<text x="40" y="108" font-size="22" fill="#1f2328">{cycle}</text>
<text x="40" y="158" font-size="22" fill="#57606a">{label}</text>
<text x="40" y="222" font-size="56" font-weight="bold" letter-spacing="4" fill="#1f2328">{code}</text>
<text x="40" y="262" font-size="18" fill="#57606a">{at}</text>
<text x="40" y="310" font-size="20" fill="#1f2328">{keep}</text>
<text x="40" y="338" font-size="20" fill="#1f2328">{keep2}</text>
<text x="40" y="372" font-size="18" fill="#57606a">{where_} {site}/receipt</text>
</svg>"##,
        title = t("png_title"),
        cycle = escape(cycle),
        label = t("png_code"),
        code = escape(code),
        at = escape(at),
        keep = t("png_keep"),
        keep2 = t("png_keep2"),
        where_ = t("png_where"),
        site = escape(site),
    )
}

async fn receipt_png(
    State(state): State<AppState>,
    State(fonts): State<Fonts>,
    Path(slug): Path<String>,
    headers: HeaderMap,
) -> Response {
    if slug.len() > 64 || !slug.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return StatusCode::NOT_FOUND.into_response();
    }
    let name = format!("{}{slug}", app::api::vote::BALLOT_COOKIE_PREFIX);
    let Some(sealed) = cookie(&headers, &name) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let own = match state.vote.own_ballot(&slug, &sealed).await {
        Ok(Some(own)) => own,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(err) => {
            tracing::error!(error = %err, %slug, "receipt image: ballot not read");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    };
    let cycle = match state.store.cycle_rules(&slug, crate::vote::now()).await {
        Ok(Some((cycle, _))) => cycle.title,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(err) => {
            tracing::error!(error = %err, %slug, "receipt image: cycle not read");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    };
    let locale = super::reader::locale(&headers);
    let svg = card(
        locale,
        &cycle,
        &own.receipt,
        &app::i18n::when::date_time_text(&own.at, locale),
        state.public_url.trim_end_matches('/'),
    );
    let key: [u8; 32] = Sha256::digest(svg.as_bytes()).into();
    let tag = etag(&key);
    let headers_out = [
        (header::CONTENT_TYPE, "image/png".to_string()),
        // Personal: kept by her own browser only, and checked with it each time.
        (header::CACHE_CONTROL, "private, no-cache".to_string()),
        (header::ETAG, tag.clone()),
    ];
    let asked = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == tag));
    if asked {
        return (StatusCode::NOT_MODIFIED, headers_out).into_response();
    }
    let drawn = DRAWN
        .png(key, async move {
            match tokio::task::spawn_blocking(move || fonts.png(&svg, 2.0)).await {
                Ok(Ok(png)) => Ok(png),
                Ok(Err(err)) => {
                    tracing::error!(error = %err, "receipt image not drawn");
                    Err(())
                }
                Err(err) => {
                    tracing::error!(error = %err, "receipt image task failed");
                    Err(())
                }
            }
        })
        .await;
    match drawn {
        Ok(png) => (headers_out, png).into_response(),
        Err(()) => StatusCode::SERVICE_UNAVAILABLE.into_response(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_card_escapes_what_staff_typed() {
        let svg = super::card(
            app::i18n::Locale::ZhCn,
            "<b>&",
            "PRX7-D2TN-G9",
            "2026-12-01T10:00:00Z",
            "http://x",
        );
        assert!(svg.contains("&lt;b&gt;&amp;") && svg.contains("PRX7-D2TN-G9"));
        assert!(svg.contains("投票回执"));
    }

    #[tokio::test]
    async fn a_card_is_drawn_once_and_kept() {
        let drawn = super::Drawn(quick_cache::sync::Cache::with_weighter(
            4,
            1 << 20,
            super::PngWeight,
        ));
        let draws = std::sync::atomic::AtomicUsize::new(0);
        let draw = || async {
            draws.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            Ok::<_, ()>(vec![1, 2, 3])
        };
        let first = drawn.png([7; 32], draw()).await;
        let second = drawn.png([7; 32], draw()).await;
        assert_eq!(first, second);
        assert_eq!(draws.load(std::sync::atomic::Ordering::SeqCst), 1);
        drawn.png([8; 32], draw()).await.ok();
        assert_eq!(
            draws.load(std::sync::atomic::Ordering::SeqCst),
            2,
            "another card draws"
        );
    }
}
