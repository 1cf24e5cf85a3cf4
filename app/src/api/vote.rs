//! Voting server functions: read-only (cycles, a cycle with its tallies, receipt checks, the
//! integrity report). Ballots go to the server's own handler at `POST /vote/{slug}`.

use crate::model::{Cycle, CycleDetail, IntegrityReport, ReceiptStatus};
use leptos::prelude::*;

/// Receipts are short codes; anything longer is not one and is not looked up.
pub const MAX_RECEIPT_CHARS: usize = 40;

#[cfg(feature = "ssr")]
fn ballot_box() -> Result<crate::api::VoteHandle, ServerFnError> {
    use_context::<crate::api::VoteHandle>().ok_or_else(|| {
        tracing::error!("VoteHandle missing from the Leptos context");
        ServerFnError::new(crate::api::UNAVAILABLE)
    })
}

#[cfg(feature = "ssr")]
fn unavailable(what: &str, err: crate::api::PortalError) -> ServerFnError {
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

#[server]
pub async fn check_receipt(receipt: String) -> Result<ReceiptStatus, ServerFnError> {
    let receipt = receipt.trim().to_uppercase();
    if receipt.is_empty() || receipt.chars().count() > MAX_RECEIPT_CHARS {
        return Ok(ReceiptStatus::Unknown);
    }
    ballot_box()?
        .0
        .receipt(&receipt)
        .await
        .map_err(|e| unavailable("receipt", e))
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
