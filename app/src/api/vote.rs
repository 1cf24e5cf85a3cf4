//! Voting server functions: read-only (cycles, a cycle with its tallies, receipt checks, the
//! integrity report). Ballots go to the server's own handler at `POST /vote/{slug}`.

use crate::model::{Cycle, CycleDetail, IntegrityReport, OwnBallot, ReceiptAnswer};
use leptos::prelude::*;

/// Receipts are short codes; anything longer is not one and is not looked up.
pub const MAX_RECEIPT_CHARS: usize = 40;

/// The cookie (one per cycle, `dianca_ballot_<slug>`) holding the server-sealed receipt of the
/// ballot this device cast last: how the ballot page shows "您已投票" with the picks.
pub const BALLOT_COOKIE_PREFIX: &str = "dianca_ballot_";

/// The device cookie (设备标识): a server-signed token a browser keeps for a year, naming its
/// ballots' and suggestions' voter without naming the person.
pub const DEVICE_COOKIE: &str = "dianca_device";

/// A cycle's page: the cycle, a proof-of-work challenge while open, and the ballot this device
/// cast (from its cookie), or the one the just-given receipt names (without picks).
pub type CyclePageData = (CycleDetail, Option<String>, Option<OwnBallot>);

/// The suggestion page: published suggestions, a proof-of-work challenge for "me too", and what
/// this device sent and supported.
pub type SuggestionPageData = (
    Vec<crate::model::Suggestion>,
    Option<String>,
    crate::model::OwnSuggestions,
);

/// The request's cookies whose names start with `prefix`, as `(rest of name, value)`.
#[cfg(feature = "ssr")]
pub(super) fn cookies_with(prefix: &str) -> Vec<(String, String)> {
    let Some(parts) = use_context::<http::request::Parts>() else {
        return Vec::new();
    };
    let headers = parts
        .headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok());
    crate::cookies::with_prefix(headers, prefix)
}

#[cfg(feature = "ssr")]
pub(super) fn ballot_box() -> Result<crate::api::VoteHandle, ServerFnError> {
    use_context::<crate::api::VoteHandle>().ok_or_else(|| {
        tracing::error!("VoteHandle missing from the Leptos context");
        ServerFnError::new(crate::api::UNAVAILABLE)
    })
}

#[cfg(feature = "ssr")]
pub(super) fn unavailable(what: &str, err: crate::api::PortalError) -> ServerFnError {
    tracing::error!(error = %err, what, "loading voting data failed");
    ServerFnError::new(crate::api::UNAVAILABLE)
}

#[server]
pub async fn get_cycles() -> Result<Vec<Cycle>, ServerFnError> {
    ballot_box()?
        .0
        .cycles()
        .await
        .map_err(|e| unavailable("cycles", e))
}

/// The home page's vote card: the cycle it features (the first open one, else the next to
/// open) and the ballot this device cast in it, so home can say "您已投票" (issue 34).
#[server]
pub async fn get_home_vote() -> Result<Option<(Cycle, Option<OwnBallot>)>, ServerFnError> {
    let Some(cycle) = get_cycles()
        .await?
        .into_iter()
        .find(|c| c.phase != crate::model::Phase::Closed)
    else {
        return Ok(None);
    };
    let mut own = None;
    if let Some((_, sealed)) = cookies_with(BALLOT_COOKIE_PREFIX)
        .into_iter()
        .find(|(name, _)| *name == cycle.slug)
    {
        own = ballot_box()?
            .0
            .own_ballot(&cycle.slug, &sealed)
            .await
            .map_err(|e| unavailable("own ballot", e))?;
    }
    Ok(Some((cycle, own)))
}

/// A cycle and, while it is open, a fresh proof-of-work challenge for its form.
#[server]
pub async fn get_cycle(
    slug: String,
) -> Result<Option<(CycleDetail, Option<String>)>, ServerFnError> {
    let handle = ballot_box()?;
    let Some(detail) = handle
        .0
        .cycle(&slug)
        .await
        .map_err(|e| unavailable("cycle", e))?
    else {
        return Ok(None);
    };
    let challenge = (detail.cycle.phase == crate::model::Phase::Open)
        .then(|| handle.0.challenge())
        .flatten();
    Ok(Some((detail, challenge)))
}

/// The cycle's page: `get_cycle` and the ballot this device cast (from its cookie). `receipt`
/// is the code the ballot handler just gave (from the URL): it is looked up in the records,
/// never believed, and shown without picks when the device has no cookie for it.
#[server]
pub async fn get_cycle_page(
    slug: String,
    receipt: Option<String>,
) -> Result<Option<CyclePageData>, ServerFnError> {
    let Some((detail, challenge)) = get_cycle(slug.clone()).await? else {
        return Ok(None);
    };
    let handle = ballot_box()?;
    let mut own = None;
    if let Some((_, sealed)) = cookies_with(BALLOT_COOKIE_PREFIX)
        .into_iter()
        .find(|(name, _)| *name == slug)
    {
        own = handle
            .0
            .own_ballot(&slug, &sealed)
            .await
            .map_err(|e| unavailable("own ballot", e))?;
    }
    let given = receipt.and_then(|r| crate::model::ReceiptCode::parse(&r).ok());
    if let Some(code) = given.filter(|c| own.as_ref().is_none_or(|o| o.receipt != c.as_str())) {
        if let Some(public) = handle
            .0
            .public_ballot(&slug, code.as_str())
            .await
            .map_err(|e| unavailable("receipt", e))?
        {
            own = Some(public);
        }
    }
    Ok(Some((detail, challenge, own)))
}

/// Checks a receipt as typed (any case, spaces, dashes, full-width). The answer says what the
/// records say; the picks only when this device cast the ballot.
#[server]
pub async fn check_receipt(receipt: String) -> Result<ReceiptAnswer, ServerFnError> {
    let code = match crate::model::ReceiptCode::parse(&receipt) {
        Ok(code) => code,
        Err(problem) => return Ok(ReceiptAnswer::problem(problem)),
    };
    let handle = ballot_box()?;
    let status = handle
        .0
        .receipt(code.as_str())
        .await
        .map_err(|e| unavailable("receipt", e))?;
    let mut own_picks = None;
    for (slug, sealed) in cookies_with(BALLOT_COOKIE_PREFIX) {
        let mine = handle
            .0
            .own_ballot(&slug, &sealed)
            .await
            .map_err(|e| unavailable("own ballot", e))?;
        if let Some(mine) = mine.filter(|m| m.receipt == code.as_str()) {
            own_picks = Some(mine.pick_titles);
            break;
        }
    }
    Ok(ReceiptAnswer {
        code: Some(code.to_string()),
        status,
        problem: None,
        own_picks,
    })
}

#[server]
pub async fn get_integrity(slug: String) -> Result<Option<IntegrityReport>, ServerFnError> {
    ballot_box()?
        .0
        .integrity(&slug)
        .await
        .map_err(|e| unavailable("integrity", e))
}

#[server]
pub async fn get_suggestions() -> Result<Vec<crate::model::Suggestion>, ServerFnError> {
    ballot_box()?
        .0
        .suggestions()
        .await
        .map_err(|e| unavailable("suggestions", e))
}

/// Published suggestions and a fresh proof-of-work challenge for their "me too" buttons (the
/// page's script solves it when one is pressed; without it the stricter limit applies).
#[server]
pub async fn get_suggestion_list() -> Result<SuggestionPageData, ServerFnError> {
    let handle = ballot_box()?;
    let list = handle
        .0
        .suggestions()
        .await
        .map_err(|e| unavailable("suggestions", e))?;
    let own = match cookies_with(DEVICE_COOKIE)
        .into_iter()
        .find(|(rest, _)| rest.is_empty())
    {
        Some((_, token)) => handle
            .0
            .own_suggestions(&token)
            .await
            .map_err(|e| unavailable("own suggestions", e))?,
        None => crate::model::OwnSuggestions::default(),
    };
    Ok((list, handle.0.challenge(), own))
}
