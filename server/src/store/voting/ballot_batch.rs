//! A batch of ballots (选票) in one transaction with a fixed number of statements, however many
//! ballots it holds (issue 32): what the rules read — each voter's counted ballot, each
//! network's recent ballots and counted devices — is read once for the batch, the rules are
//! applied in memory in arrival order, and the ballots, code uses and tally moves are written
//! as multi-row statements. On PostgreSQL every statement is a round trip under the one write
//! lock; statements a ballot made the writer wait for each ballot in turn. The outcomes are the
//! ones writing the ballots one by one gives (`tests_batch.rs` checks that against the
//! one-by-one rules on random batches).

use super::ballots::{picks_text, HoldRules, NewBallot};
use super::batch_state::{params, read_state, CycleState};
use crate::store::{Conn, Engine, Store, StoreResult};
use app::model::{BallotProblem, BallotReason, BallotStatus, CandidateId, CycleId, Tier};
use std::collections::{BTreeMap, HashMap, HashSet};

/// One ballot's outcome: written with its status (and reason when held), or refused.
pub type BallotOutcome = Result<(BallotStatus, Option<BallotReason>), BallotProblem>;

/// Spends the batch's proofs of work in one statement; the set of those not spent before. A
/// proof twice in the batch is fresh only for its first ballot (the caller takes it out).
async fn spend_proofs(
    tx: &mut Conn,
    engine: Engine,
    batch: &[NewBallot],
    now: i64,
) -> StoreResult<HashSet<String>> {
    let mut proofs: Vec<&str> = batch.iter().filter_map(|b| b.proof.as_deref()).collect();
    proofs.sort_unstable();
    proofs.dedup();
    if proofs.is_empty() {
        return Ok(HashSet::new());
    }
    let rows = (0..proofs.len())
        .map(|i| format!("({}, {})", engine.param(2 * i + 1), engine.param(2 * i + 2)))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!(
        "INSERT INTO used_proofs (proof, at) VALUES {rows} ON CONFLICT DO NOTHING RETURNING proof"
    );
    let mut query = sqlx::query_scalar::<_, String>(&sql);
    for proof in &proofs {
        query = query.bind(*proof).bind(now);
    }
    Ok(query.fetch_all(&mut *tx).await?.into_iter().collect())
}

/// Whether a paper code may vote now: known for the cycle and not used before this batch.
async fn code_problem(
    tx: &mut Conn,
    cycle: CycleId,
    code: &str,
) -> StoreResult<Option<BallotProblem>> {
    let known: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM voting_codes WHERE code_hash = $1 AND cycle_id = $2",
    )
    .bind(code)
    .bind(cycle.0)
    .fetch_one(&mut *tx)
    .await?;
    if known == 0 {
        return Ok(Some(BallotProblem::CodeUnknown));
    }
    let used: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM code_uses WHERE code_hash = $1")
        .bind(code)
        .fetch_one(&mut *tx)
        .await?;
    Ok((used > 0).then_some(BallotProblem::CodeUsed))
}

/// What the batch writes once the rules are applied.
#[derive(Default)]
struct Writes<'b> {
    ballots: Vec<NewBallot>,
    /// (receipt, code hash) of each verified ballot written.
    code_uses: Vec<(String, &'b str)>,
    /// (cycle, candidate, tier) → approvals to add (negative: taken away).
    tally: BTreeMap<(i64, i64, &'static str), i64>,
}

impl Writes<'_> {
    fn move_tally(&mut self, cycle: CycleId, tier: &str, picks: &[CandidateId], sign: i64) {
        // A stored tier is one of the two; `as_str` gives the key a `'static` life.
        let tier = Tier::parse(tier).unwrap_or(Tier::Unverified).as_str();
        for pick in picks {
            *self.tally.entry((cycle.0, pick.0, tier)).or_default() += sign;
        }
    }
}

async fn write_ballots(
    tx: &mut Conn,
    engine: Engine,
    ballots: &[NewBallot],
    now: i64,
) -> StoreResult<HashMap<String, i64>> {
    const COLUMNS: usize = 9;
    let rows = (0..ballots.len())
        .map(|i| format!("({})", params(engine, i * COLUMNS + 1, COLUMNS)))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!(
        "INSERT INTO ballots (cycle_id, voter, tier, picks, receipt, status, reason, network, created_at)
         VALUES {rows} RETURNING receipt, id"
    );
    let mut query = sqlx::query_as::<_, (String, i64)>(&sql);
    for b in ballots {
        query = query
            .bind(b.cycle_id.0)
            .bind(b.voter.as_str())
            .bind(b.tier.as_str())
            .bind(picks_text(&b.picks))
            .bind(b.receipt.as_str())
            .bind(b.status.as_str())
            .bind(b.reason.map(BallotReason::as_str))
            .bind(b.network.as_str())
            .bind(now);
    }
    Ok(query.fetch_all(&mut *tx).await?.into_iter().collect())
}

async fn write_code_uses(
    tx: &mut Conn,
    engine: Engine,
    uses: &[(String, &str)],
    ids: &HashMap<String, i64>,
) -> StoreResult<()> {
    if uses.is_empty() {
        return Ok(());
    }
    let rows = (0..uses.len())
        .map(|i| format!("({}, {})", engine.param(2 * i + 1), engine.param(2 * i + 2)))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!("INSERT INTO code_uses (code_hash, ballot_id) VALUES {rows}");
    let mut query = sqlx::query(&sql);
    for (receipt, code) in uses {
        query = query.bind(*code).bind(ids.get(receipt).copied());
    }
    query.execute(&mut *tx).await?;
    Ok(())
}

async fn write_tally(
    tx: &mut Conn,
    engine: Engine,
    tally: &BTreeMap<(i64, i64, &'static str), i64>,
) -> StoreResult<()> {
    let moves: Vec<_> = tally.iter().filter(|(_, n)| **n != 0).collect();
    if moves.is_empty() {
        return Ok(());
    }
    let rows = (0..moves.len())
        .map(|i| format!("({})", params(engine, i * 4 + 1, 4)))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!(
        "INSERT INTO tallies (cycle_id, candidate_id, tier, approvals) VALUES {rows}
         ON CONFLICT (candidate_id, tier) DO UPDATE SET approvals = tallies.approvals + excluded.approvals"
    );
    let mut query = sqlx::query(&sql);
    for ((cycle, candidate, tier), n) in moves {
        query = query.bind(*cycle).bind(*candidate).bind(*tier).bind(*n);
    }
    query.execute(&mut *tx).await?;
    Ok(())
}

impl Store {
    /// Writes a batch of ballots in one transaction; each gets its own outcome, as if written
    /// one after another in the batch's order. A refused ballot (replayed proof, unknown or
    /// used code) writes nothing of itself; its proof stays spent.
    pub async fn record_ballots(
        &self,
        batch: &[NewBallot],
        now: i64,
        rules: HoldRules,
    ) -> StoreResult<Vec<BallotOutcome>> {
        let engine = self.engine();
        let mut tx = self.write_tx().await?;
        let mut fresh = spend_proofs(&mut tx, engine, batch, now).await?;
        let mut cycles: HashMap<CycleId, CycleState> = HashMap::new();
        let mut by_cycle: BTreeMap<i64, Vec<&NewBallot>> = BTreeMap::new();
        for b in batch {
            by_cycle.entry(b.cycle_id.0).or_default().push(b);
        }
        let window = (now - rules.burst_window, app::model::beijing_day_start(now));
        for (cycle, ballots) in &by_cycle {
            let state = read_state(&mut tx, engine, CycleId(*cycle), ballots, window).await?;
            cycles.insert(CycleId(*cycle), state);
        }
        let mut writes = Writes::default();
        let mut codes_used: HashSet<&str> = HashSet::new();
        let mut outcomes = Vec::with_capacity(batch.len());
        for ballot in batch {
            if let Some(proof) = &ballot.proof {
                if !fresh.remove(proof) {
                    outcomes.push(Err(BallotProblem::ReplayedProof));
                    continue;
                }
            }
            if let Some(code) = ballot.code_hash.as_deref() {
                let problem = match codes_used.contains(code) {
                    true => Some(BallotProblem::CodeUsed),
                    false => code_problem(&mut tx, ballot.cycle_id, code).await?,
                };
                if let Some(problem) = problem {
                    outcomes.push(Err(problem));
                    continue;
                }
                codes_used.insert(code);
                writes.code_uses.push((ballot.receipt.clone(), code));
            }
            let state = cycles.entry(ballot.cycle_id).or_default();
            let mut ballot = ballot.clone();
            if ballot.status == BallotStatus::Counted && ballot.tier == Tier::Unverified {
                let recent = state.recent.get(&ballot.network).copied().unwrap_or(0);
                let devices = state
                    .devices
                    .get(&ballot.network)
                    .map_or(0, |d| d.besides(&ballot.voter));
                if recent >= rules.burst_limit {
                    ballot.status = BallotStatus::Quarantined;
                    ballot.reason = Some(BallotReason::Burst);
                } else if devices as i64 >= rules.per_network_day {
                    ballot.status = BallotStatus::Quarantined;
                    ballot.reason = Some(BallotReason::NetworkDay);
                }
            }
            *state.recent.entry(ballot.network.clone()).or_default() += 1;
            if ballot.status == BallotStatus::Counted {
                if let Some((tier, picks)) = state.counted.get(&ballot.voter) {
                    writes.move_tally(ballot.cycle_id, tier, picks, -1);
                }
                writes.move_tally(ballot.cycle_id, ballot.tier.as_str(), &ballot.picks, 1);
                state.counted.insert(
                    ballot.voter.clone(),
                    (ballot.tier.as_str().to_string(), ballot.picks.clone()),
                );
                if ballot.tier == Tier::Unverified {
                    state
                        .devices
                        .entry(ballot.network.clone())
                        .or_default()
                        .add(&ballot.voter);
                }
            }
            outcomes.push(Ok((ballot.status, ballot.reason)));
            writes.ballots.push(ballot);
        }
        if !writes.ballots.is_empty() {
            let ids = write_ballots(&mut tx, engine, &writes.ballots, now).await?;
            write_code_uses(&mut tx, engine, &writes.code_uses, &ids).await?;
            write_tally(&mut tx, engine, &writes.tally).await?;
        }
        self.commit(tx).await?;
        Ok(outcomes)
    }
}
