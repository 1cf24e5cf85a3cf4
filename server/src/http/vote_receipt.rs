//! The receipt as an image (回执图片): `GET /vote/{slug}/receipt.png` draws the receipt of the
//! ballot this device cast (named by its sealed cookie) so a resident can keep it the way she
//! keeps everything on her phone — long-press and save, or download — with JavaScript off.
//! The image shows the code, the cycle and how to check it; never the picks.

use super::reader::cookie;
use super::AppState;
use crate::charts::raster::Fonts;
use app::i18n::{message, Locale};
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

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
    match tokio::task::spawn_blocking(move || fonts.png(&svg, 2.0)).await {
        Ok(Ok(png)) => (
            [
                (header::CONTENT_TYPE, "image/png"),
                // Personal: never kept by a shared cache.
                (header::CACHE_CONTROL, "private, no-store"),
            ],
            png,
        )
            .into_response(),
        Ok(Err(err)) => {
            tracing::error!(error = %err, "receipt image not drawn");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
        Err(err) => {
            tracing::error!(error = %err, "receipt image task failed");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
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
}
