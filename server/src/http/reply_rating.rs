//! 答复评价 over HTTP, on the follower's signed comment page (`/follow/{id}/{sig}/comment`): three
//! groups of five choices, each said in words, posted to `/follow/{id}/{sig}/rate` and answered
//! by a redirect back to the page with the outcome (`?rated=counted`). No JavaScript. The
//! reply's own page posts the same form to `/replies/{id}/rate`, for the device that stood
//! behind the item or the author's receipt, with the proof of work its script solves.

use super::follow::{failed, page};
use super::reader::{cookie, escape, locale};
use super::vote::{client_of, DEVICE_COOKIE};
use crate::follow::FollowService;
use crate::vote::rating::RatingInput;
use crate::vote::VoteService;
use app::i18n::{message, Locale};
use app::model::{RatingAspect, RatingOutcome, ReceiptCode, Scores};
use axum::extract::{ConnectInfo, Form, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::Router;
use std::net::SocketAddr;
use std::sync::Arc;

pub fn routes() -> Router<super::AppState> {
    Router::new()
        .route(
            "/follow/{id}/{sig}/rate",
            post(rate).layer(axum::extract::DefaultBodyLimit::max(1024)),
        )
        .route(
            "/replies/{id}/rate",
            post(rate_here).layer(axum::extract::DefaultBodyLimit::max(4096)),
        )
}

/// A field of a rating form (of its first eight: the form has six at most).
fn field<'a>(form: &'a [(String, String)], name: &str) -> Option<&'a str> {
    form.iter()
        .take(8)
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// A rating from the reply's page: answered by a redirect back to it with the outcome (and the
/// receipt she came with, so the page still knows her).
async fn rate_here(
    State(vote): State<Arc<VoteService>>,
    ConnectInfo(socket): ConnectInfo<SocketAddr>,
    Path(id): Path<i64>,
    headers: HeaderMap,
    Form(form): Form<Vec<(String, String)>>,
) -> Response {
    let field = |name: &str| field(&form, name);
    // A receipt as the receipt page reads it (any case, spaces or dashes); anything else is
    // not one.
    let receipt = field("receipt")
        .filter(|r| r.len() <= 40)
        .and_then(|r| ReceiptCode::parse(r).ok());
    let receipt = receipt.as_ref().map(ReceiptCode::as_str);
    let device = cookie(&headers, DEVICE_COOKIE);
    let input = RatingInput {
        reply_id: id,
        device_token: device.as_deref(),
        receipt,
        proof: field("proof"),
        scores: (
            field("solved").unwrap_or_default(),
            field("attitude").unwrap_or_default(),
            field("speed").unwrap_or_default(),
        ),
    };
    let ip = client_of(&vote, socket, &headers);
    let outcome = match vote.rate_here(input, ip).await {
        Ok(Some(outcome)) => outcome,
        Ok(None) => return page(StatusCode::NOT_FOUND, locale(&headers), "gone", ""),
        Err(err) => {
            tracing::error!(error = %err, reply = id, "rating from the reply's page not stored");
            RatingOutcome::Busy
        }
    };
    let receipt = receipt.map_or(String::new(), |r| format!("&receipt={r}"));
    Redirect::to(&format!("/replies/{id}?rated={outcome}{receipt}#rate")).into_response()
}

async fn rate(
    State(follows): State<Arc<FollowService>>,
    State(vote): State<Arc<VoteService>>,
    Path((id, sig)): Path<(i64, String)>,
    headers: HeaderMap,
    Form(form): Form<Vec<(String, String)>>,
) -> Response {
    let field = |name: &str| field(&form, name).unwrap_or_default();
    let scores = (field("solved"), field("attitude"), field("speed"));
    let voter = vote.known_voter(cookie(&headers, DEVICE_COOKIE).as_deref());
    match follows.rate((id, &sig), scores, voter.as_deref()).await {
        Ok(Some(outcome)) => Redirect::to(&format!(
            "/follow/{id}/{sig}/comment?rated={outcome}#rating"
        ))
        .into_response(),
        Ok(None) => page(StatusCode::NOT_FOUND, locale(&headers), "gone", ""),
        Err(err) => failed(err, &headers),
    }
}

/// The rating part of the comment page: her scores once given, else the form while the window
/// is open, with what the last post did.
pub(super) fn section(
    locale: Locale,
    post_to: &str,
    rating: Option<(Option<Scores>, bool)>,
    outcome: Option<RatingOutcome>,
) -> String {
    let t = |key: &str| escape(&message(key, locale));
    let told = outcome.map_or(String::new(), |o| {
        let class = if o == RatingOutcome::Counted {
            "flash flash-ok"
        } else {
            "flash flash-error"
        };
        format!(
            "<p class=\"{class}\" role=\"status\">{}</p>",
            t(&format!("rating.outcome.{o}"))
        )
    });
    // Nothing to rate now (not answered yet, or her rating just reopened it): only what the
    // last post did.
    let Some((mine, open)) = rating else {
        return if told.is_empty() {
            told
        } else {
            format!(
                "<section id=\"rating\"><h2>{}</h2>{told}</section>",
                t("rating.heading")
            )
        };
    };
    let body = match (mine, open) {
        (Some(s), _) => {
            let lines: String = RatingAspect::ALL
                .iter()
                .map(|a| {
                    // The colon is the language's own (full-width in Chinese only).
                    let line = message("rating.line", locale)
                        .replace("%{aspect}", &message(&a.message_key(), locale))
                        .replace("%{n}", &s.of(*a).to_string())
                        .replace("%{words}", &message(&a.score_key(s.of(*a)), locale));
                    format!("<li>{}</li>", escape(&line))
                })
                .collect();
            format!("<p>{}</p><ul>{lines}</ul>", t("rating.yours"))
        }
        (None, true) => {
            let groups: String = RatingAspect::ALL
                .iter()
                .map(|a| {
                    let choices: String = (1..=5u8)
                        .rev()
                        .map(|n| {
                            format!(
                                "<label class=\"consent\"><input type=\"radio\" name=\"{name}\" value=\"{n}\" required> {n} {words}</label>",
                                name = a.as_str(),
                                words = t(&a.score_key(n)),
                            )
                        })
                        .collect();
                    format!(
                        "<fieldset class=\"rating-group\"><legend>{}</legend>{choices}</fieldset>",
                        t(&format!("rating.question.{}", a.as_str()))
                    )
                })
                .collect();
            format!(
                "<form method=\"post\" action=\"{}\" class=\"stack-form\">{groups}<button class=\"button\" type=\"submit\">{}</button></form>",
                escape(post_to),
                t("rating.send"),
            )
        }
        (None, false) => format!("<p>{}</p>", t("rating.outcome.closed")),
    };
    format!(
        "<section id=\"rating\"><h2>{}</h2><p>{}</p>{told}{body}</section>",
        t("rating.heading"),
        t("rating.intro"),
    )
}
