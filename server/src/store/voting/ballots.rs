//! Ballots (选票) and the running tally. Submissions arrive in batches from the ballot writer
//! and are written in one transaction (group commit: one fsync for many ballots under
//! `synchronous=FULL`; `ballot_batch.rs`). Each ballot is appended, never changed; the running
//! tally moves in the same transaction, so it always equals what the ballot records say (the
//! integrity report recomputes and compares).

use crate::store::Conn;
use crate::store::StoreResult;
use app::model::{BallotReason, BallotStatus, CandidateId, CycleId, Tier};

/// A ballot ready to be written: checked picks, decided status, the voter's keyed id.
#[derive(Clone, Debug)]
pub struct NewBallot {
    pub cycle_id: CycleId,
    pub voter: String,
    pub tier: Tier,
    /// Sorted, distinct, checked against the cycle.
    pub picks: Vec<CandidateId>,
    pub receipt: String,
    /// Counted or held, with the reason when held.
    pub status: BallotStatus,
    pub reason: Option<BallotReason>,
    pub network: String,
    /// The paper code's hash, for a verified ballot.
    pub code_hash: Option<String>,
    /// The spent proof of work, if any (replays are refused).
    pub proof: Option<String>,
}

/// When the writer holds an unverified ballot instead of counting it (the records decide, in
/// the ballot's own transaction, so concurrent ballots cannot slip past together).
#[derive(Clone, Copy, Debug)]
pub struct HoldRules {
    /// More than `burst_limit` ballots from one network within `burst_window` seconds: held.
    pub burst_window: i64,
    pub burst_limit: i64,
    /// 每网络每日限额: devices of one network whose unverified ballot counts at once in one
    /// Beijing day (`app::model::NetworkConcentration` explains the rule).
    pub per_network_day: i64,
}

pub(in crate::store) fn picks_text(picks: &[CandidateId]) -> String {
    picks
        .iter()
        .map(CandidateId::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

/// Moves the running tally: `sign` is +1 to add a ballot's picks, -1 to take them away.
pub(in crate::store) async fn move_tally(
    tx: &mut Conn,
    cycle_id: CycleId,
    tier: &str,
    picks: &[CandidateId],
    sign: i64,
) -> StoreResult<()> {
    for candidate in picks {
        sqlx::query(
            "INSERT INTO tallies (cycle_id, candidate_id, tier, approvals) VALUES ($1, $2, $3, $4)
             ON CONFLICT (candidate_id, tier) DO UPDATE SET approvals = tallies.approvals + $4",
        )
        .bind(cycle_id.0)
        .bind(candidate.0)
        .bind(tier)
        .bind(sign)
        .execute(&mut *tx)
        .await?;
    }
    Ok(())
}
