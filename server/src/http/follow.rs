//! 关注 over HTTP, all without JavaScript: the follow form posts to `POST /follow` and is sent
//! back to the item's page with the outcome (`?follow=<code>#follow`); the mail's signed links
//! confirm (`GET /follow/{id}/{sig}/confirm`) and stop (`GET` shows a button, `POST` stops —
//! also the RFC 8058 one-click address mail programs post to).

use super::reader::{escape, locale, message};
use super::vote::client_of;
use super::AppState;
use crate::follow::{FollowService, Linked};
use crate::vote::{identity, VoteService};
use app::i18n::Locale;
use app::model::{FollowKind, FollowOutcome};
use axum::extract::{ConnectInfo, Form, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use std::net::SocketAddr;
use std::sync::Arc;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/follow",
            post(ask).layer(axum::extract::DefaultBodyLimit::max(8 * 1024)),
        )
        .route("/follow/{id}/{sig}/confirm", get(confirm))
        .route(
            "/follow/{id}/{sig}/stop",
            get(stop_page)
                .post(stop)
                .layer(axum::extract::DefaultBodyLimit::max(1024)),
        )
}

async fn ask(
    State(follows): State<Arc<FollowService>>,
    State(vote): State<Arc<VoteService>>,
    ConnectInfo(socket): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Form(form): Form<Vec<(String, String)>>,
) -> Response {
    let field = |name: &str| {
        form.iter()
            .take(16)
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.chars().take(300).collect::<String>())
            .unwrap_or_default()
    };
    let (Some(kind), subject) = (FollowKind::parse(&field("kind")), field("subject")) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    // The page the form was on: the item's own (a suggestion's receipt page, by its code).
    let page = match follows.page(kind, &subject).await {
        Ok(Some(page)) => page,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(err) => {
            tracing::error!(error = %err, "follow: item not read");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    };
    let back = |outcome: FollowOutcome| {
        let sep = if page.contains('?') { '&' } else { '?' };
        Redirect::to(&format!("{page}{sep}follow={outcome}#follow")).into_response()
    };
    // A form filled in by a robot: answered as if sent, nothing queued.
    if !field("website").trim().is_empty() {
        return back(FollowOutcome::Sent);
    }
    let network = identity::network(client_of(&vote, socket, &headers));
    match vote.allow_plain(&network).await {
        Ok(true) => {}
        Ok(false) => return back(FollowOutcome::RateLimited),
        Err(err) => {
            tracing::error!(error = %err, "follow: rate limit not read");
            return back(FollowOutcome::Busy);
        }
    }
    let consent = field("consent") == "yes";
    let asked = follows
        .ask(kind, &subject, &field("address"), consent, locale(&headers))
        .await;
    match asked {
        Ok(Some(outcome)) => back(outcome),
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(err) => {
            tracing::error!(error = %err, "follow: not recorded");
            back(FollowOutcome::Busy)
        }
    }
}

/// A short page in the follower's language: a heading, a sentence, a form or links.
pub(super) fn page(status: StatusCode, locale: Locale, what: &str, extra: &str) -> Response {
    let t = |key: &str| escape(&message(key, locale));
    let html = format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"robots\" content=\"noindex\">\
<title>{title} · {site}</title><link rel=\"stylesheet\" href=\"/pkg/dianca.css\"></head>\
<body><main class=\"wrap\"><section class=\"notice\"><h1>{title}</h1><p>{body}</p>{extra}\
</section></main></body></html>",
        lang = locale.tag(),
        title = t(&format!("follow.{what}.title")),
        body = t(&format!("follow.{what}.body")),
        site = escape(&app::i18n::message("site.name", locale)),
    );
    (status, Html(html)).into_response()
}

/// Which item a follow is of, named on every page a mail's link opens.
fn naming(locale: Locale, title: &str) -> String {
    format!(
        "<p><strong>{}</strong></p>",
        escape(&message("follow.of", locale).replace("%{item}", title))
    )
}

fn links(locale: Locale, item_page: &str) -> String {
    format!(
        "<p><a class=\"button\" href=\"{page}\">{item}</a> <a href=\"/\">{home}</a></p>",
        page = escape(item_page),
        item = escape(&message("follow.item_page", locale)),
        home = escape(&message("notice.home", locale)),
    )
}

/// The page a mail's link opens when it found its follow: the words, the item, the way back.
fn found_page(what: &str, title: &str, item_page: &str, locale: Locale) -> Response {
    let extra = naming(locale, title) + &links(locale, item_page);
    page(StatusCode::OK, locale, what, &extra)
}

pub(super) fn failed(err: crate::store::StoreError, headers: &HeaderMap) -> Response {
    tracing::error!(error = %err, "follow link not carried out");
    page(StatusCode::SERVICE_UNAVAILABLE, locale(headers), "busy", "")
}

async fn confirm(
    State(follows): State<Arc<FollowService>>,
    Path((id, sig)): Path<(i64, String)>,
    headers: HeaderMap,
) -> Response {
    match follows.confirm(id, &sig).await {
        Ok(Linked::Found {
            page: item,
            title,
            locale,
        }) => found_page("confirmed", &title, &item, locale),
        Ok(Linked::Gone) => page(StatusCode::NOT_FOUND, locale(&headers), "gone", ""),
        Err(err) => failed(err, &headers),
    }
}

async fn stop_page(
    State(follows): State<Arc<FollowService>>,
    Path((id, sig)): Path<(i64, String)>,
    headers: HeaderMap,
) -> Response {
    match follows.check(id, &sig).await {
        Ok(Linked::Found { title, locale, .. }) => {
            let form = format!(
                "{}<form method=\"post\"><button class=\"button\" type=\"submit\">{}</button></form>",
                naming(locale, &title),
                escape(&message("follow.stop.button", locale))
            );
            page(StatusCode::OK, locale, "stop", &form)
        }
        Ok(Linked::Gone) => page(StatusCode::OK, locale(&headers), "stopped", ""),
        Err(err) => failed(err, &headers),
    }
}

/// Stops the follow: the page's button, or a mail program's one-click post (RFC 8058). Both
/// answer "stopped" for a follow already gone, so a second click is not an error.
async fn stop(
    State(follows): State<Arc<FollowService>>,
    Path((id, sig)): Path<(i64, String)>,
    headers: HeaderMap,
) -> Response {
    match follows.stop(id, &sig).await {
        Ok(Linked::Found {
            page: item,
            title,
            locale,
        }) => found_page("stopped", &title, &item, locale),
        Ok(Linked::Gone) => page(StatusCode::OK, locale(&headers), "stopped", ""),
        Err(err) => failed(err, &headers),
    }
}
