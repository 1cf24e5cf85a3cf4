//! 答复留言 over HTTP, without JavaScript or an account: the signed link in the mail that told a
//! follower of a reply opens `GET /follow/{id}/{sig}/comment` — the form, or her comment and where
//! it stands — and the form posts back to the same address. A comment received is answered by a
//! redirect to the page with its outcome (`?outcome=received`), so a reload never posts twice;
//! one of the wrong length comes back with what she typed.

use super::follow::{failed, page};
use super::reader::{cookie, escape, locale, message};
use super::vote::DEVICE_COOKIE;
use crate::follow::{CommentDesk, FollowService};
use crate::vote::VoteService;
use app::i18n::Locale;
use app::model::{CommentOutcome, RatingOutcome, REPLY_COMMENT};
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use std::collections::HashMap;
use std::sync::Arc;

pub fn routes() -> Router<super::AppState> {
    Router::new().route(
        "/follow/{id}/{sig}/comment",
        get(show)
            .post(post)
            .layer(axum::extract::DefaultBodyLimit::max(16 * 1024)),
    )
}

async fn show(
    State(follows): State<Arc<FollowService>>,
    State(vote): State<Arc<VoteService>>,
    Path((id, sig)): Path<(i64, String)>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    let outcome = query.get("outcome").and_then(|o| CommentOutcome::parse(o));
    let rated = query.get("rated").and_then(|o| RatingOutcome::parse(o));
    let device = vote.known_voter(cookie(&headers, DEVICE_COOKIE).as_deref());
    let rating = match follows.my_rating((id, &sig), device.as_deref()).await {
        Ok(rating) => rating,
        Err(err) => return failed(err, &headers),
    };
    match follows.comment_desk(id, &sig).await {
        Ok(Some(desk)) => {
            let post_to = format!("/follow/{id}/{sig}/rate");
            let rating = super::reply_rating::section(desk.locale, &post_to, rating, rated);
            comment_page(StatusCode::OK, &desk, (outcome, ""), &rating)
        }
        Ok(None) => page(StatusCode::NOT_FOUND, locale(&headers), "gone", ""),
        Err(err) => failed(err, &headers),
    }
}

async fn post(
    State(follows): State<Arc<FollowService>>,
    Path((id, sig)): Path<(i64, String)>,
    headers: HeaderMap,
    Form(form): Form<Vec<(String, String)>>,
) -> Response {
    let typed: String = form
        .iter()
        .take(8)
        .find(|(k, _)| k == "comment")
        .map(|(_, v)| v.chars().take(REPLY_COMMENT.end() * 2).collect())
        .unwrap_or_default();
    match follows.comment(id, &sig, &typed).await {
        Ok(Some(CommentOutcome::Length)) => match follows.comment_desk(id, &sig).await {
            Ok(Some(desk)) => comment_page(
                StatusCode::UNPROCESSABLE_ENTITY,
                &desk,
                (Some(CommentOutcome::Length), &typed),
                "",
            ),
            Ok(None) => page(StatusCode::NOT_FOUND, locale(&headers), "gone", ""),
            Err(err) => failed(err, &headers),
        },
        Ok(Some(outcome)) => {
            Redirect::to(&format!("/follow/{id}/{}/comment?outcome={outcome}", sig)).into_response()
        }
        Ok(None) => page(StatusCode::NOT_FOUND, locale(&headers), "gone", ""),
        Err(err) => failed(err, &headers),
    }
}

/// The page: the item, the way to the reply, the deadline, then the form or her comment.
fn comment_page(
    status: StatusCode,
    desk: &CommentDesk,
    (outcome, typed): (Option<CommentOutcome>, &str),
    rating: &str,
) -> Response {
    let locale = desk.locale;
    let t = |key: &str| escape(&message(key, locale));
    if let (None, Some((path, department, due))) = (&desk.reply, &desk.reopened) {
        let extra = format!(
            "<p><strong>{item}</strong></p><p>{due}</p>{rating}<p><a class=\"button button-quiet\" href=\"{path}\">{read}</a></p><p><a href=\"/\">{home}</a></p>",
            item = escape(&message("follow.of", locale).replace("%{item}", &desk.title)),
            due = escape(
                &message("follow.comment_reopened.due", locale)
                    .replace("%{department}", department)
                    .replace("%{date}", &app::i18n::when::day_text(due, locale))
            ),
            path = escape(path),
            read = t("follow.comment_reopened.read"),
            home = t("notice.home"),
        );
        return page(status, locale, "comment_reopened", &extra);
    }
    let Some(reply) = &desk.reply else {
        let extra = format!(
            "<p><strong>{}</strong></p><p><a href=\"/\">{}</a></p>",
            escape(&message("follow.of", locale).replace("%{item}", &desk.title)),
            t("notice.home"),
        );
        return page(status, locale, "comment_none", &extra);
    };
    let told = outcome.map_or(String::new(), |o| {
        let words = message(&format!("follow.comment.outcome.{o}"), locale)
            .replace("%{min}", &REPLY_COMMENT.start().to_string())
            .replace("%{max}", &REPLY_COMMENT.end().to_string())
            .replace("%{n}", &typed.trim().chars().count().to_string());
        let class = if o == CommentOutcome::Received {
            "flash flash-ok"
        } else {
            "flash flash-error"
        };
        format!(
            "<p class=\"{class}\" role=\"status\">{}</p>",
            escape(&words)
        )
    });
    let answer = desk
        .answer
        .as_ref()
        .map_or(String::new(), |(department, decision, on)| {
            let words = message("follow.comment.decision", locale)
                .replace("%{department}", department)
                .replace(
                    "%{decision}",
                    &app::i18n::message(&decision.message_key(), locale),
                )
                .replace("%{date}", &app::i18n::when::day_text(on, locale));
            format!("<p>{}</p>", escape(&words))
        });
    let until = desk.until.map_or(String::new(), |at| {
        format!("<p>{}</p>", escape(&until_words(at, locale)))
    });
    let rest = match (&desk.mine, desk.open) {
        (Some((body, state)), _) => format!(
            "<h2>{}</h2><blockquote class=\"reply-body\">{}</blockquote><p>{}</p>",
            t("follow.comment.yours"),
            escape(body),
            t(&format!("follow.comment.state.{state}")),
        ),
        (None, true) => format!(
            "<form method=\"post\" class=\"stack-form\"><label for=\"comment\">{label}</label>\
<textarea id=\"comment\" name=\"comment\" rows=\"6\" required minlength=\"{min}\" maxlength=\"{max}\">{typed}</textarea>\
<p class=\"muted\">{privacy}</p><button class=\"button\" type=\"submit\">{send}</button></form>",
            label = escape(
                &message("follow.comment.label", locale)
                    .replace("%{min}", &REPLY_COMMENT.start().to_string())
                    .replace("%{max}", &REPLY_COMMENT.end().to_string())
            ),
            min = REPLY_COMMENT.start(),
            max = REPLY_COMMENT.end(),
            typed = escape(typed),
            privacy = t("follow.comment.privacy"),
            send = t("follow.comment.send"),
        ),
        (None, false) => format!("<p>{}</p>", t("follow.comment.outcome.closed")),
    };
    let extra = format!(
        "<p><strong>{item}</strong></p>{answer}<p><a class=\"button button-quiet\" href=\"{reply}\">{read}</a></p>\
{rating}<section id=\"your-comment\"><h2>{heading}</h2>{told}{until}{rest}</section><p><a href=\"/\">{home}</a></p>",
        item = escape(&message("follow.of", locale).replace("%{item}", &desk.title)),
        reply = escape(reply),
        read = t("follow.comment.read"),
        heading = t("follow.comment.heading"),
        home = t("notice.home"),
    );
    page(status, locale, "comment", &extra)
}

/// "留言截止：北京时间 2026年12月10日 14:05".
fn until_words(at: i64, locale: Locale) -> String {
    let when = jiff::Timestamp::from_second(at).map_or_else(
        |_| at.to_string(),
        |t| app::i18n::when::date_time_text(&t.to_string(), locale),
    );
    message("follow.comment.until", locale).replace("%{when}", &when)
}
