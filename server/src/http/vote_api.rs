//! Voting in the open-data API: cycles with their tallies by tier, a proof-of-work challenge,
//! ballots as JSON, receipts and integrity reports. A ballot here runs the same checks as the
//! form (`vote.rs`) in `vote::VoteService` and sets the same cookies.

use super::api::{ApiError, ErrorBody};
use super::vote::{client_of, cookie, remember, valid_slug, DEVICE_COOKIE};
use super::AppState;
use crate::vote::{Submission, VoteError, VoteService};
use app::i18n::Locale;
use app::model::{BallotProblem, BallotReason, BallotStatus};
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use std::net::SocketAddr;
use std::sync::Arc;
use utoipa_axum::{router::OpenApiRouter, routes};

/// More picks than any cycle allows are refused before anything is looked up.
const MAX_PICKS: usize = 64;

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(cycles))
        .routes(routes!(cycle))
        .routes(routes!(challenge))
        .routes(routes!(integrity))
        .routes(routes!(ballot))
        .routes(routes!(receipt))
}

/// 选票 as a program sends it: candidate ids, and optionally a paper code and a solved proof.
#[derive(Deserialize, utoipa::ToSchema)]
#[schema(as = Ballot)]
struct BallotJson {
    #[schema(schema_with = picks_schema)]
    picks: Vec<i64>,
    /// A paper code (纸质投票码) makes the ballot verified.
    #[serde(default)]
    code: Option<String>,
    /// A solved ALTCHA challenge, base64; without it the stricter per-network limit applies.
    #[serde(default)]
    proof: Option<String>,
}

fn picks_schema() -> utoipa::openapi::schema::Array {
    use utoipa::openapi::schema::{ArrayBuilder, KnownFormat, ObjectBuilder, SchemaFormat, Type};
    let id = ObjectBuilder::new()
        .schema_type(Type::Integer)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int64)))
        .minimum(Some(1));
    ArrayBuilder::new()
        .items(id)
        .min_items(Some(1))
        .max_items(Some(MAX_PICKS))
        .description(Some(
            "Candidate ids of the cycle, at most as many as it allows",
        ))
        .build()
}

/// What a recorded ballot became: counted at once, or held for review with the reason.
#[derive(Serialize, utoipa::ToSchema)]
struct BallotResult {
    receipt: String,
    status: BallotStatus,
    reason: Option<BallotReason>,
}

/// A fresh ALTCHA challenge (SHA-256), valid for 30 minutes.
#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = Challenge)]
struct ChallengeBody {
    #[schema(example = "SHA-256")]
    algorithm: String,
    challenge: String,
    maxnumber: u64,
    salt: String,
    signature: String,
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

#[utoipa::path(post, path = "/api/v1/cycles/{slug}/ballots", tag = "voting",
    summary = "Cast or change a ballot",
    description = "The last accepted ballot of a voter counts. Send the device cookie back to change it; add `code` for a verified ballot and `proof` (base64 ALTCHA payload) to avoid the stricter limit.",
    params(("slug" = String, Path, example = "2027-annual")),
    request_body = BallotJson,
    responses(
        (status = 201, description = "Recorded: counted, or held for review", body = BallotResult),
        (status = 400, description = "The body is not JSON (the parser's complaint, as plain text)", body = String, content_type = "text/plain"),
        (status = 404, description = "No such cycle (or more than 64 picks)", body = ErrorBody),
        (status = 409, description = "Cycle not open, code already used, or proof replayed", body = ErrorBody),
        (status = 415, description = "The body is not sent as `application/json`", body = String, content_type = "text/plain"),
        (status = 422, description = "Too many picks for the cycle, a candidate not in the cycle, an unknown code, or a wrong or expired proof of work (`bad_proof`: nothing is recorded; fetch a new challenge and send again) (JSON); or JSON that does not fit the Ballot schema (plain text)", content(
            (ErrorBody = "application/json"),
            (String = "text/plain"))),
        (status = 429, description = "Too many ballots from this network", body = ErrorBody),
        (status = 503, description = "The ballot box is busy; nothing was recorded, send again", body = ErrorBody)))]
async fn ballot(
    State(vote): State<Arc<VoteService>>,
    ConnectInfo(socket): ConnectInfo<SocketAddr>,
    Path(slug): Path<String>,
    headers: HeaderMap,
    Json(body): Json<BallotJson>,
) -> Response {
    if !valid_slug(&slug) || body.picks.len() > MAX_PICKS {
        return ApiError::NotFound.into_response();
    }
    let submission = Submission {
        picks: body
            .picks
            .into_iter()
            .map(app::model::CandidateId)
            .collect(),
        code: body.code.map(|c| c.chars().take(40).collect()),
        proof: body.proof.map(|p| p.chars().take(4096).collect()),
        honeypot: String::new(),
        device_token: cookie(&headers, DEVICE_COOKIE),
        ip: Some(client_of(&vote, socket, &headers)),
    };
    match vote.submit(&slug, submission).await {
        Ok(accepted) => {
            let body = BallotResult {
                receipt: accepted.receipt.clone(),
                status: accepted.status,
                reason: accepted.reason,
            };
            let mut res = (StatusCode::CREATED, Json(body)).into_response();
            remember(&mut res, &vote, &slug, &accepted);
            res
        }
        Err(VoteError::NotFound) => ApiError::NotFound.into_response(),
        Err(VoteError::Refused(problem)) => problem_response(problem, &headers),
        Err(VoteError::Store(err)) => ApiError::Store(err).into_response(),
    }
}

type ApiResult<T> = Result<Json<T>, ApiError>;

#[utoipa::path(get, path = "/api/v1/cycles", tag = "voting",
    summary = "Every voting cycle (选题征集) with its phase",
    responses((status = 200, description = "The cycles, newest first", body = Vec<app::model::Cycle>)))]
async fn cycles(State(vote): State<Arc<VoteService>>) -> ApiResult<Vec<app::model::Cycle>> {
    Ok(Json(vote.store.cycles(crate::vote::now()).await?))
}

#[utoipa::path(get, path = "/api/v1/cycles/{slug}", tag = "voting",
    summary = "A cycle with its candidates and tallies by tier (verified / unverified), when its rule shows them",
    params(("slug" = String, Path, example = "2027-annual")),
    responses((status = 200, description = "The cycle", body = app::model::CycleDetail),
        (status = 404, description = "No such cycle", body = ErrorBody)))]
async fn cycle(
    State(vote): State<Arc<VoteService>>,
    Path(slug): Path<String>,
) -> ApiResult<app::model::CycleDetail> {
    vote.store
        .cycle_detail(&slug, crate::vote::now())
        .await?
        .map(Json)
        .ok_or(ApiError::NotFound)
}

#[utoipa::path(get, path = "/api/v1/cycles/{slug}/challenge", tag = "voting",
    summary = "A fresh ALTCHA proof-of-work challenge (SHA-256) for a ballot",
    params(("slug" = String, Path, example = "2027-annual")),
    responses((status = 200, description = "A challenge to solve", body = ChallengeBody),
        (status = 500, description = "No challenge could be made; send the ballot without a proof", body = ErrorBody)))]
async fn challenge(State(vote): State<Arc<VoteService>>) -> ApiResult<ChallengeBody> {
    let c = vote
        .challenge()
        .ok_or_else(|| ApiError::Unavailable("proof-of-work challenge not made".into()))?;
    // The library's algorithm type is private; its JSON token is what a solver reads.
    let algorithm = serde_json::to_value(c.algorithm)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .ok_or_else(|| ApiError::Unavailable("proof-of-work algorithm token".into()))?;
    Ok(Json(ChallengeBody {
        algorithm,
        challenge: c.challenge,
        maxnumber: c.maxnumber,
        salt: c.salt,
        signature: c.signature,
    }))
}

#[utoipa::path(get, path = "/api/v1/cycles/{slug}/integrity", tag = "voting",
    summary = "Ballots cast, counted by tier, superseded, held and not counted by reason, and whether a recount matches",
    params(("slug" = String, Path, example = "2027-annual")),
    responses((status = 200, description = "The integrity report", body = app::model::IntegrityReport),
        (status = 404, description = "No such cycle", body = ErrorBody)))]
async fn integrity(
    State(vote): State<Arc<VoteService>>,
    Path(slug): Path<String>,
) -> ApiResult<app::model::IntegrityReport> {
    vote.integrity(&slug)
        .await?
        .map(Json)
        .ok_or(ApiError::NotFound)
}

#[utoipa::path(get, path = "/api/v1/receipts/{receipt}", tag = "voting",
    summary = "What happened to the ballot with this receipt code",
    params(("receipt" = String, Path, example = "SAMPLE-2026-WINTER-0001")),
    responses((status = 200, description = "The ballot's state, or `unknown`", body = app::model::ReceiptStatus),
        (status = 404, description = "Longer than any receipt", body = ErrorBody)))]
async fn receipt(
    State(vote): State<Arc<VoteService>>,
    Path(receipt): Path<String>,
) -> ApiResult<app::model::ReceiptStatus> {
    if receipt.len() > app::api::vote::MAX_RECEIPT_CHARS {
        return Err(ApiError::NotFound);
    }
    // Read as typed ("prx7 d2tn g9"); the answer never includes the picks.
    match app::model::ReceiptCode::parse(&receipt) {
        Ok(code) => Ok(Json(vote.store.receipt(code.as_str()).await?)),
        Err(_) => Ok(Json(app::model::ReceiptStatus::Unknown)),
    }
}
