//! `/feed.atom`: newly published topics, policies and progress reports, for readers and
//! newsrooms that follow the city's work in a feed reader.

use super::AppState;
use atom_syndication::{Entry, Feed, FixedDateTime, Link, Text};
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

/// Entries in the feed; older ones stay on the site.
const FEED_LENGTH: usize = 50;

fn beijing_midnight(date: &str) -> Option<FixedDateTime> {
    FixedDateTime::parse_from_rfc3339(&format!("{date}T00:00:00+08:00")).ok()
}

/// Text as XML 1.0 allows it: escaping (the writer's) cannot carry a C0 control other than tab,
/// newline and return, nor U+FFFE/U+FFFF — one such character in a stored title made the
/// whole feed unreadable (issue 34) — so every feed drops them (`without_controls`), whatever
/// the edge let through before it dropped them too.
pub(super) fn xml_text(text: impl AsRef<str>) -> Text {
    Text::plain(app::model::without_controls(text.as_ref()).into_owned())
}

pub(super) fn link(href: String, rel: &str) -> Link {
    let mut link = Link::default();
    link.set_href(href);
    link.set_rel(rel);
    link
}

pub async fn atom(State(state): State<AppState>) -> Response {
    let items = match state.store.feed_items(FEED_LENGTH).await {
        Ok(items) => items,
        Err(err) => {
            tracing::error!(error = %err, "feed failed");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    };
    let base = state.public_url.trim_end_matches('/');
    let entries: Vec<Entry> = items
        .into_iter()
        .filter_map(|item| {
            let updated = beijing_midnight(&item.date)?;
            let url = format!("{base}{}", item.path);
            let mut entry = Entry::default();
            entry.set_title(xml_text(item.title));
            entry.set_id(url.clone());
            entry.set_updated(updated);
            entry.set_published(Some(updated));
            entry.set_links(vec![link(url, "alternate")]);
            entry.set_summary(Some(xml_text(item.summary)));
            Some(entry)
        })
        .collect();
    let mut feed = Feed::default();
    feed.set_title(Text::plain("点菜 · 北京每月一题"));
    feed.set_id(format!("{base}/feed.atom"));
    if let Some(newest) = entries.first().map(|e| *e.updated()) {
        feed.set_updated(newest);
    }
    feed.set_links(vec![
        link(format!("{base}/feed.atom"), "self"),
        link(format!("{base}/"), "alternate"),
    ]);
    feed.set_entries(entries);
    (
        [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")],
        feed.to_string(),
    )
        .into_response()
}
