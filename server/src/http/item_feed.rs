//! `/feeds/{kind}/{subject}.atom`: one followable item's news as an Atom feed, for a reader who
//! would rather not leave an address — the same notices its followers are mailed, in Chinese
//! or (`?lang=en`) English, each linking the page. A suggestion's feed is found by its receipt
//! code (its author) or, once published, by its number, as the follow form finds it.

use super::feed::{link, xml_text};
use super::AppState;
use crate::follow::{FollowService, ItemFeed};
use crate::mail::compose::headline;
use app::i18n::Locale;
use app::model::FollowKind;
use atom_syndication::{Entry, Feed, FixedDateTime};
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use std::sync::Arc;

/// An instant as the feed dates it: Beijing time, with its offset.
fn instant(at: jiff::Timestamp) -> Option<FixedDateTime> {
    let beijing = at.to_zoned(app::i18n::when::beijing());
    FixedDateTime::parse_from_rfc3339(&beijing.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()).ok()
}

/// When a notice's news happened: a round's closing time, otherwise when it was recorded.
fn happened(notice: &crate::store::Notice, recorded: i64) -> Option<FixedDateTime> {
    let at = match notice {
        crate::store::Notice::CycleClosed { closed_at, .. } => closed_at.parse().ok(),
        _ => None,
    };
    instant(at.or_else(|| jiff::Timestamp::from_second(recorded).ok())?)
}

pub async fn item_feed(
    State(follows): State<Arc<FollowService>>,
    State(state): State<AppState>,
    Path((kind, file)): Path<(String, String)>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let (Some(kind), Some(subject)) = (FollowKind::parse(&kind), file.strip_suffix(".atom")) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let locale = match query.get("lang").map(String::as_str) {
        Some("en") => Locale::En,
        _ => Locale::ZhCn,
    };
    let item = match follows.feed(kind, subject).await {
        Ok(Some(item)) => item,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(err) => {
            tracing::error!(error = %err, kind = kind.as_str(), "item feed failed");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    };
    let base = state.public_url.trim_end_matches('/');
    let body = atom(base, (kind, subject), locale, item).to_string();
    (
        [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")],
        body,
    )
        .into_response()
}

fn atom(base: &str, (kind, subject): (FollowKind, &str), locale: Locale, item: ItemFeed) -> Feed {
    let self_url = format!("{base}{}", app::paths::feed(kind.as_str(), subject));
    let entries: Vec<Entry> = item
        .entries
        .iter()
        .filter_map(|(id, at, notice)| {
            let updated = happened(notice, *at)?;
            let (title, summary) = headline(notice, locale);
            let url = format!("{base}{}", notice.path());
            let mut entry = Entry::default();
            entry.set_title(xml_text(title));
            entry.set_id(format!("{self_url}#notice-{id}"));
            entry.set_updated(updated);
            entry.set_published(Some(updated));
            entry.set_links(vec![link(url, "alternate")]);
            entry.set_summary(Some(xml_text(summary)));
            Some(entry)
        })
        .collect();
    let mut feed = Feed::default();
    feed.set_title(xml_text(format!(
        "{} · {}",
        item.title,
        app::i18n::message("site.name", locale)
    )));
    feed.set_id(self_url.clone());
    feed.set_lang(Some(locale.tag().to_string()));
    feed.set_updated(
        entries
            .iter()
            .map(|e| *e.updated())
            .max()
            .or_else(|| {
                jiff::Timestamp::from_second(item.since)
                    .ok()
                    .and_then(instant)
            })
            .unwrap_or_default(),
    );
    feed.set_links(vec![
        link(self_url, "self"),
        link(format!("{base}{}", item.page), "alternate"),
    ]);
    feed.set_entries(entries);
    feed
}
