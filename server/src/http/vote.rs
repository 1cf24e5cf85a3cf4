//! Ballots over HTTP: the ballot form posts to `POST /vote/{slug}` (works without JavaScript:
//! the answer is a redirect to the cycle page with the receipt or the reason), and programs post
//! JSON to `POST /api/v1/cycles/{slug}/ballots`. Both run the same checks in `vote::VoteService`.
//! The read side of the API lists cycles, tallies by tier, receipts and integrity reports.

use super::AppState;
use crate::vote::{identity, Accepted, Submission, VoteError, VoteService};
use app::i18n::Locale;
use app::model::BallotProblem;
use axum::extract::{ConnectInfo, Form, Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use std::net::SocketAddr;
use std::sync::Arc;

/// The device cookie (a signed random id): one unverified voter per browser.
pub const DEVICE_COOKIE: &str = "dianca_device";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/vote/{slug}", post(ballot_form))
        .route("/api/v1/cycles", get(cycles))
        .route("/api/v1/cycles/{slug}", get(cycle))
        .route("/api/v1/cycles/{slug}/challenge", get(challenge))
        .route("/api/v1/cycles/{slug}/integrity", get(integrity))
        .route("/api/v1/cycles/{slug}/ballots", post(ballot_json))
        .route("/api/v1/receipts/{receipt}", get(receipt))
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
fn remember(res: &mut Response, vote: &VoteService, slug: &str, accepted: &Accepted) {
    if let Some(value) = accepted.new_device_token.as_deref().and_then(device_cookie) {
        res.headers_mut().append(header::SET_COOKIE, value);
    }
    if let Some(value) = ballot_cookie(vote, slug, &accepted.receipt) {
        res.headers_mut().append(header::SET_COOKIE, value);
    }
}

/// Every slug the portal makes is short and plain; anything else is not looked up.
fn valid_slug(slug: &str) -> bool {
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
                Ok(id) => submission.picks.push(id),
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
        .map(i64::to_string)
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

#[derive(serde::Deserialize)]
struct BallotJson {
    picks: Vec<i64>,
    #[serde(default)]
    code: Option<String>,
    #[serde(default)]
    proof: Option<String>,
}

fn problem_response(problem: BallotProblem, headers: &HeaderMap) -> Response {
    let locale = Locale::negotiate(
        None,
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok()),
    );
    let status = match problem {
        BallotProblem::RateLimited => StatusCode::TOO_MANY_REQUESTS,
        BallotProblem::CodeUsed | BallotProblem::ReplayedProof | BallotProblem::NotOpen => {
            StatusCode::CONFLICT
        }
        BallotProblem::Busy => StatusCode::SERVICE_UNAVAILABLE,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    };
    let key = format!("vote.error.{}", problem.code());
    let message = app::i18n::message(&key, locale);
    (
        status,
        Json(serde_json::json!({ "error": problem.code(), "message": message })),
    )
        .into_response()
}

async fn ballot_json(
    State(vote): State<Arc<VoteService>>,
    ConnectInfo(socket): ConnectInfo<SocketAddr>,
    Path(slug): Path<String>,
    headers: HeaderMap,
    Json(body): Json<BallotJson>,
) -> Response {
    if !valid_slug(&slug) || body.picks.len() > 64 {
        return super::api::ApiError::NotFound.into_response();
    }
    let submission = Submission {
        picks: body.picks,
        code: body.code.map(|c| c.chars().take(40).collect()),
        proof: body.proof.map(|p| p.chars().take(4096).collect()),
        honeypot: String::new(),
        device_token: cookie(&headers, DEVICE_COOKIE),
        ip: Some(client_of(&vote, socket, &headers)),
    };
    match vote.submit(&slug, submission).await {
        Ok(accepted) => {
            let mut res = (
                StatusCode::CREATED,
                Json(serde_json::json!({
                    "receipt": accepted.receipt,
                    "status": accepted.status,
                    "reason": accepted.reason,
                })),
            )
                .into_response();
            remember(&mut res, &vote, &slug, &accepted);
            res
        }
        Err(VoteError::NotFound) => super::api::ApiError::NotFound.into_response(),
        Err(VoteError::Refused(problem)) => problem_response(problem, &headers),
        Err(VoteError::Store(err)) => super::api::ApiError::Store(err).into_response(),
    }
}

type ApiResult<T> = Result<Json<T>, super::api::ApiError>;

async fn cycles(State(vote): State<Arc<VoteService>>) -> ApiResult<Vec<app::model::Cycle>> {
    Ok(Json(vote.store.cycles(crate::vote::now()).await?))
}

async fn cycle(
    State(vote): State<Arc<VoteService>>,
    Path(slug): Path<String>,
) -> ApiResult<app::model::CycleDetail> {
    vote.store
        .cycle_detail(&slug, crate::vote::now())
        .await?
        .map(Json)
        .ok_or(super::api::ApiError::NotFound)
}

async fn challenge(State(vote): State<Arc<VoteService>>) -> Response {
    match vote.challenge() {
        Some(json) => ([(header::CONTENT_TYPE, "application/json")], json).into_response(),
        None => StatusCode::SERVICE_UNAVAILABLE.into_response(),
    }
}

async fn integrity(
    State(vote): State<Arc<VoteService>>,
    Path(slug): Path<String>,
) -> ApiResult<app::model::IntegrityReport> {
    vote.integrity(&slug)
        .await?
        .map(Json)
        .ok_or(super::api::ApiError::NotFound)
}

async fn receipt(
    State(vote): State<Arc<VoteService>>,
    Path(receipt): Path<String>,
) -> ApiResult<app::model::ReceiptStatus> {
    if receipt.len() > app::api::vote::MAX_RECEIPT_CHARS {
        return Err(super::api::ApiError::NotFound);
    }
    // Read as typed ("prx7 d2tn g9"); the answer never includes the picks.
    match app::model::ReceiptCode::parse(&receipt) {
        Ok(code) => Ok(Json(vote.store.receipt(code.as_str()).await?)),
        Err(_) => Ok(Json(app::model::ReceiptStatus::Unknown)),
    }
}
