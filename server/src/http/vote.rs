//! Ballots over HTTP: the ballot form posts to `POST /vote/{slug}` (works without JavaScript:
//! the answer is a redirect to the cycle page with the receipt or the reason). Programs post JSON
//! to the API (`vote_api.rs`); both run the same checks in `vote::VoteService`, and share the
//! device and ballot cookies kept here.

use super::AppState;
use crate::vote::{identity, Accepted, Submission, VoteError, VoteService};
use app::model::BallotProblem;
use axum::extract::{ConnectInfo, Form, Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::Router;
use std::net::SocketAddr;
use std::sync::Arc;

/// The device cookie (a signed random id): one unverified voter per browser.
pub use app::api::vote::DEVICE_COOKIE;

pub fn routes() -> Router<AppState> {
    Router::new().route("/vote/{slug}", post(ballot_form))
}

pub(super) use super::reader::cookie;

pub(super) fn client_of(
    vote: &VoteService,
    socket: SocketAddr,
    headers: &HeaderMap,
) -> std::net::IpAddr {
    let forwarded = headers.get("x-forwarded-for").and_then(|v| v.to_str().ok());
    identity::client_ip(socket.ip(), forwarded, vote.config().trusted_proxy_hops)
}

pub(super) fn device_cookie(token: &str) -> Option<HeaderValue> {
    HeaderValue::from_str(&app::cookies::set(DEVICE_COOKIE, token, 31_536_000)).ok()
}

/// The cookie that lets this device see the ballot it cast in `slug` (a sealed receipt).
fn ballot_cookie(vote: &VoteService, slug: &str, receipt: &str) -> Option<HeaderValue> {
    let name = format!("{}{slug}", app::api::vote::BALLOT_COOKIE_PREFIX);
    HeaderValue::from_str(&app::cookies::set(
        &name,
        &vote.seal_receipt(receipt),
        31_536_000,
    ))
    .ok()
}

/// Sets the device cookie (when new) and the ballot cookie on an accepted ballot's answer.
pub(super) fn remember(res: &mut Response, vote: &VoteService, slug: &str, accepted: &Accepted) {
    if let Some(value) = accepted.new_device_token.as_deref().and_then(device_cookie) {
        res.headers_mut().append(header::SET_COOKIE, value);
    }
    if let Some(value) = ballot_cookie(vote, slug, &accepted.receipt) {
        res.headers_mut().append(header::SET_COOKIE, value);
    }
}

/// Every slug the portal makes is short and plain; anything else is not looked up.
pub(super) fn valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= 64
        && slug.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

async fn ballot_form(
    State(vote): State<Arc<VoteService>>,
    ConnectInfo(socket): ConnectInfo<SocketAddr>,
    Path(slug): Path<String>,
    headers: HeaderMap,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    if !valid_slug(&slug) {
        return StatusCode::NOT_FOUND.into_response();
    }
    let mut submission = Submission {
        device_token: cookie(&headers, DEVICE_COOKIE),
        ip: Some(client_of(&vote, socket, &headers)),
        ..Submission::default()
    };
    let mut unreadable = false;
    for (name, value) in fields.into_iter().take(64) {
        match name.as_str() {
            "pick" => match value.parse() {
                Ok(id) => submission.picks.push(app::model::CandidateId(id)),
                Err(_) => unreadable = true,
            },
            "code" => submission.code = Some(value.chars().take(40).collect()),
            "proof" => submission.proof = Some(value.chars().take(4096).collect()),
            "website" => submission.honeypot = value.chars().take(200).collect(),
            _ => {}
        }
    }
    // Sent back on refusal so the voter's choices are still ticked.
    let picked = submission
        .picks
        .iter()
        .map(app::model::CandidateId::to_string)
        .collect::<Vec<_>>()
        .join(",");
    let outcome = if unreadable {
        Err(VoteError::Refused(BallotProblem::UnknownCandidate))
    } else {
        vote.submit(&slug, submission).await
    };
    match outcome {
        Ok(accepted) => {
            // The page reads the outcome from the records (the cookie, or this receipt), never
            // from the URL: a status in the query could be typed by anyone.
            let mut res = Redirect::to(&format!(
                "/vote/{slug}?receipt={}#receipt",
                accepted.receipt
            ))
            .into_response();
            remember(&mut res, &vote, &slug, &accepted);
            res
        }
        Err(VoteError::NotFound) => StatusCode::NOT_FOUND.into_response(),
        Err(VoteError::Refused(problem)) => Redirect::to(&format!(
            "/vote/{slug}?error={}&picked={picked}#ballot-error",
            problem.code()
        ))
        .into_response(),
        Err(VoteError::Store(err)) => {
            tracing::error!(error = %err, %slug, "ballot not recorded");
            Redirect::to(&format!(
                "/vote/{slug}?error=busy&picked={picked}#ballot-error"
            ))
            .into_response()
        }
    }
}
