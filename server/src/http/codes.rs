//! Printing paper voting codes (投票码) for community workers: staff choose a cycle, a district
//! and how many; the answer is a printable page with the codes, shown this once (the database
//! keeps only their hashes). A plain handler, not a Leptos page: the codes must never be stored
//! to be shown again.

use super::notice;
use super::reader::{cookie, escape, locale, message};
use super::AppState;
use crate::staff::StaffService;
use crate::vote::paper_codes::{self, PaperCodeError};
use app::api::staff::SESSION_COOKIE;
use app::api::StaffPort;
use app::i18n::Locale;
use app::model::Role;
use axum::extract::{Form, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::post;
use axum::Router;

pub fn routes() -> Router<AppState> {
    Router::new().route("/staff/codes", post(print_codes))
}

#[derive(serde::Deserialize)]
struct CodeRequest {
    cycle: String,
    district: String,
    count: u32,
}

async fn print_codes(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(req): Form<CodeRequest>,
) -> Response {
    let locale = locale(&headers);
    let service = StaffService {
        store: state.store.clone(),
    };
    let member = match cookie(&headers, SESSION_COOKIE) {
        Some(token) => service.member(&token).await.ok().flatten(),
        None => None,
    };
    let Some(member) = member else {
        return notice::page(StatusCode::UNAUTHORIZED, "sign_in", locale);
    };
    if !matches!(member.role, Role::Admin | Role::Editor | Role::Moderator) {
        return notice::page(StatusCode::FORBIDDEN, "forbidden", locale);
    }
    let now = crate::staff::now();
    let made = paper_codes::issue(
        &state.store,
        &member.username,
        &req.cycle,
        &req.district,
        req.count,
        now,
    )
    .await;
    let made = match made {
        Ok(made) => made,
        Err(PaperCodeError::Invalid) => {
            return notice::page(StatusCode::UNPROCESSABLE_ENTITY, "codes_invalid", locale)
        }
        Err(PaperCodeError::NoCycle(_)) => {
            return notice::page(StatusCode::NOT_FOUND, "codes_no_cycle", locale)
        }
        Err(PaperCodeError::Store(err)) => {
            tracing::error!(error = %err, cycle = %req.cycle, "voting codes not stored");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    };
    let url = format!(
        "{}/vote/{}",
        state.public_url.trim_end_matches('/'),
        req.cycle
    );
    Html(sheet(locale, &req.district, made, &url)).into_response()
}

/// The printable sheet: one card per code, with the address to vote at.
fn sheet(locale: Locale, district: &str, made: paper_codes::PaperBatch, url: &str) -> String {
    let t = |key: &str| message(key, locale);
    let fill = |key: &str| {
        t(key)
            .replace("%{batch}", &made.batch.to_string())
            .replace("%{district}", district.trim())
            .replace("%{count}", &made.codes.len().to_string())
    };
    let cards: String = made
        .codes
        .iter()
        .map(|c| {
            format!(
                "<li class=\"code-card\"><p>{brand}</p><p class=\"receipt-code\">{code}</p><p>{url}</p><p class=\"muted\">{district} · {once}</p></li>",
                brand = escape(&t("paper_codes.card")),
                code = escape(c),
                url = escape(url),
                district = escape(district.trim()),
                once = escape(&t("paper_codes.single_use")),
            )
        })
        .collect();
    format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"robots\" content=\"noindex\"><title>{title}</title><link rel=\"stylesheet\" href=\"/pkg/dianca.css\"></head><body><main class=\"wrap\"><h1>{heading}</h1><p class=\"muted\">{once}</p><ul class=\"plain-list code-sheet\">{cards}</ul><p><a href=\"/staff/cycles\">{back}</a></p></main></body></html>",
        lang = locale.tag(),
        title = escape(&fill("paper_codes.title")),
        heading = escape(&fill("paper_codes.heading")),
        once = escape(&t("paper_codes.once")),
        back = escape(&t("paper_codes.back")),
    )
}
