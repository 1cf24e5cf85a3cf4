//! Writing ballots (选票). Submissions arrive in batches from the ballot writer and are written
//! in one transaction (group commit: one fsync for many ballots under `synchronous=FULL`). Each
//! ballot is appended, never changed; the running tally moves in the same transaction, so it
//! always equals what the ballot records say (the integrity report recomputes and compares).

use crate::store::Conn;
use crate::store::{Store, StoreResult};
use app::model::{BallotProblem, BallotReason, BallotStatus, CandidateId, CycleId, Tier};

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

/// Devices other than `voter` whose unverified ballot from `network` counted at once since
/// `since` (the start of the Beijing day): the daily allowance check.
pub(in crate::store) async fn counted_devices_from(
    tx: &mut Conn,
    cycle_id: CycleId,
    network: &str,
    since: i64,
    voter: &str,
) -> StoreResult<i64> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(DISTINCT voter) FROM ballots
         WHERE cycle_id = $1 AND network = $2 AND created_at >= $3 AND tier = 'unverified'
           AND status = 'counted' AND voter <> $4",
    )
    .bind(cycle_id.0)
    .bind(network)
    .bind(since)
    .bind(voter)
    .fetch_one(&mut *tx)
    .await?)
}

/// How many of `network`'s ballots in this cycle are recent: the burst check.
pub(in crate::store) async fn recent_from(
    tx: &mut Conn,
    cycle_id: CycleId,
    network: &str,
    since: i64,
) -> StoreResult<i64> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM ballots WHERE cycle_id = $1 AND network = $2 AND created_at >= $3",
    )
    .bind(cycle_id.0)
    .bind(network)
    .bind(since)
    .fetch_one(&mut *tx)
    .await?)
}

fn picks_text(picks: &[CandidateId]) -> String {
    picks
        .iter()
        .map(CandidateId::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

pub(in crate::store) fn parse_picks(text: &str) -> Vec<CandidateId> {
    text.split(',')
        .filter_map(|p| p.parse().ok())
        .map(CandidateId)
        .collect()
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

/// The voter's ballot that counts now: `(id, tier, picks)` of their latest accepted ballot.
pub(in crate::store) async fn current_ballot(
    tx: &mut Conn,
    cycle_id: CycleId,
    voter: &str,
) -> StoreResult<Option<(i64, String, String)>> {
    Ok(sqlx::query_as(
        "SELECT b.id, b.tier, b.picks FROM ballots b
         LEFT JOIN ballot_reviews r ON r.ballot_id = b.id
         WHERE b.cycle_id = $1 AND b.voter = $2 AND COALESCE(r.decision, b.status) = 'counted'
         ORDER BY b.id DESC LIMIT 1",
    )
    .bind(cycle_id.0)
    .bind(voter)
    .fetch_optional(&mut *tx)
    .await?)
}

async fn write_one(
    tx: &mut Conn,
    b: &NewBallot,
    now: i64,
) -> StoreResult<Result<(), BallotProblem>> {
    if let Some(proof) = &b.proof {
        let fresh = sqlx::query(
            "INSERT INTO used_proofs (proof, at) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        )
        .bind(proof)
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if fresh == 0 {
            return Ok(Err(BallotProblem::ReplayedProof));
        }
    }
    if let Some(code) = &b.code_hash {
        let known: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM voting_codes WHERE code_hash = $1 AND cycle_id = $2",
        )
        .bind(code)
        .bind(b.cycle_id.0)
        .fetch_one(&mut *tx)
        .await?;
        if known == 0 {
            return Ok(Err(BallotProblem::CodeUnknown));
        }
        let used: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM code_uses WHERE code_hash = $1")
            .bind(code)
            .fetch_one(&mut *tx)
            .await?;
        if used > 0 {
            return Ok(Err(BallotProblem::CodeUsed));
        }
    }
    let previous = if b.status == BallotStatus::Counted {
        current_ballot(tx, b.cycle_id, &b.voter).await?
    } else {
        None
    };
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO ballots (cycle_id, voter, tier, picks, receipt, status, reason, network, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(b.cycle_id.0)
    .bind(&b.voter)
    .bind(b.tier.as_str())
    .bind(picks_text(&b.picks))
    .bind(&b.receipt)
    .bind(b.status.as_str())
    .bind(b.reason.map(BallotReason::as_str))
    .bind(&b.network)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    if let Some(code) = &b.code_hash {
        sqlx::query("INSERT INTO code_uses (code_hash, ballot_id) VALUES ($1, $2)")
            .bind(code)
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    if b.status == BallotStatus::Counted {
        if let Some((_, tier, picks)) = previous {
            move_tally(tx, b.cycle_id, &tier, &parse_picks(&picks), -1).await?;
        }
        move_tally(tx, b.cycle_id, b.tier.as_str(), &b.picks, 1).await?;
    }
    Ok(Ok(()))
}

impl Store {
    /// Writes a batch of ballots in one transaction; each gets its own outcome. A refused
    /// ballot (replayed proof, used code) writes nothing of itself.
    pub async fn record_ballots(
        &self,
        batch: &[NewBallot],
        now: i64,
        rules: HoldRules,
    ) -> StoreResult<Vec<Result<(BallotStatus, Option<BallotReason>), BallotProblem>>> {
        let mut tx = self.write_tx().await?;
        let mut outcomes = Vec::with_capacity(batch.len());
        let today = app::model::beijing_day_start(now);
        for ballot in batch {
            let mut ballot = ballot.clone();
            let checked = ballot.status == BallotStatus::Counted && ballot.tier == Tier::Unverified;
            if checked
                && recent_from(
                    &mut tx,
                    ballot.cycle_id,
                    &ballot.network,
                    now - rules.burst_window,
                )
                .await?
                    >= rules.burst_limit
            {
                ballot.status = BallotStatus::Quarantined;
                ballot.reason = Some(BallotReason::Burst);
            } else if checked
                && counted_devices_from(
                    &mut tx,
                    ballot.cycle_id,
                    &ballot.network,
                    today,
                    &ballot.voter,
                )
                .await?
                    >= rules.per_network_day
            {
                ballot.status = BallotStatus::Quarantined;
                ballot.reason = Some(BallotReason::NetworkDay);
            }
            let outcome = write_one(&mut tx, &ballot, now).await?;
            outcomes.push(outcome.map(|()| (ballot.status, ballot.reason)));
        }
        self.commit(tx).await?;
        Ok(outcomes)
    }
}
