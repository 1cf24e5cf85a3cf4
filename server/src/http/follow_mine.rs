//! 我的关注 over HTTP: the page a link in any mail opens (`GET /follow/{id}/{sig}/mine`), listing
//! every item the address follows — each with its own stop button — and one button that stops
//! them all and deletes the address (`POST /follow/{id}/{sig}/stop-all`). No account: the
//! signed link is the key, and the page never shows the address itself.

use super::follow::{failed, page};
use super::reader::{escape, locale, message};
use crate::follow::FollowService;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use std::sync::Arc;

pub fn routes() -> Router<super::AppState> {
    Router::new()
        .route("/follow/{id}/{sig}/mine", get(mine))
        .route(
            "/follow/{id}/{sig}/stop-all",
            post(stop_all).layer(axum::extract::DefaultBodyLimit::max(1024)),
        )
}

async fn mine(
    State(follows): State<Arc<FollowService>>,
    Path((id, sig)): Path<(i64, String)>,
    headers: HeaderMap,
) -> Response {
    let (locale, items) = match follows.mine(id, &sig).await {
        Ok(Some(found)) => found,
        Ok(None) => return page(StatusCode::NOT_FOUND, locale(&headers), "gone", ""),
        Err(err) => return failed(err, &headers),
    };
    let t = |key: &str| escape(&message(key, locale));
    let rows: String = items
        .iter()
        .map(|item| {
            let state = if item.confirmed {
                t("follow.mine.confirmed")
            } else {
                t("follow.mine.waiting")
            };
            format!(
                "<li class=\"card\"><a href=\"{page}\"><strong>{title}</strong></a> <span class=\"muted\">{state}</span>\
<form method=\"post\" action=\"{path}/stop\"><button class=\"button button-quiet\" type=\"submit\">{stop}</button></form></li>",
                page = escape(&item.page),
                title = escape(&item.title),
                path = escape(&item.path),
                stop = t("follow.mine.stop_one"),
            )
        })
        .collect();
    let extra = format!(
        "<ul class=\"plain-list\">{rows}</ul>\
<form method=\"post\" action=\"/follow/{id}/{sig}/stop-all\"><p>{all_body}</p>\
<button class=\"button\" type=\"submit\">{all}</button></form><p><a href=\"/\">{home}</a></p>",
        sig = escape(&sig),
        all_body = t("follow.mine.all_body"),
        all = t("follow.mine.stop_all"),
        home = t("notice.home"),
    );
    page(StatusCode::OK, locale, "mine", &extra)
}

async fn stop_all(
    State(follows): State<Arc<FollowService>>,
    Path((id, sig)): Path<(i64, String)>,
    headers: HeaderMap,
) -> Response {
    match follows.stop_all(id, &sig).await {
        Ok(Some(locale)) => page(StatusCode::OK, locale, "all_stopped", ""),
        // Already gone (a second click): the same words.
        Ok(None) => page(StatusCode::OK, locale(&headers), "all_stopped", ""),
        Err(err) => failed(err, &headers),
    }
}
