//! Making paper voting codes (纸质投票码), for the staff page and the command line alike: the
//! codes are drawn here, only their hashes are stored, and the batch is audited under its
//! issuer in the same transaction.

use super::identity;
use crate::store::{Store, StoreError};
use app::model::DISTRICTS;

/// Codes per batch: a community worker's print run.
pub const BATCH: std::ops::RangeInclusive<u32> = 1..=500;

/// A batch just made; the codes exist only in this value and on the printed sheet.
pub struct PaperBatch {
    pub batch: i64,
    pub codes: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum PaperCodeError {
    #[error("the district is not one of Beijing's 16, or the count is not 1 to 500")]
    Invalid,
    #[error("no voting cycle called {0:?}")]
    NoCycle(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Makes `count` codes for `district` in `cycle`, audited as `issuer`.
pub async fn issue(
    store: &Store,
    issuer: &str,
    cycle: &str,
    district: &str,
    count: u32,
    now: i64,
) -> Result<PaperBatch, PaperCodeError> {
    let district = district.trim();
    if !DISTRICTS.contains(&district) || !BATCH.contains(&count) {
        return Err(PaperCodeError::Invalid);
    }
    let codes: Vec<String> = (0..count).map(|_| identity::new_code()).collect();
    let hashes: Vec<String> = codes
        .iter()
        .filter_map(|c| identity::normalize_code(c))
        .map(|c| identity::code_hash(&c))
        .collect();
    let batch = store
        .add_voting_codes(issuer, cycle, district, &hashes, now)
        .await?
        .ok_or_else(|| PaperCodeError::NoCycle(cycle.to_string()))?;
    Ok(PaperBatch { batch, codes })
}
