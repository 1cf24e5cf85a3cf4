//! What a ballot batch's rules read before they run (issue 32): each voter's counted ballot,
//! each network's recent ballots and counted devices, read once per batch and per cycle with
//! the batch's keys as a `VALUES` table, then moved in memory as `ballot_batch.rs` applies the
//! batch in arrival order.

use super::ballots::NewBallot;
use crate::store::backers::parse_picks;
use crate::store::{Conn, Engine, StoreResult};
use app::model::{BallotStatus, CandidateId, CycleId, Tier};
use std::collections::{HashMap, HashSet};

/// `p, p, …` for `n` parameters numbered from `first` (`?` on SQLite, `$N` on PostgreSQL).
pub(super) fn params(engine: Engine, first: usize, n: usize) -> String {
    (first..first + n)
        .map(|i| engine.param(i))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A network's devices whose unverified ballot counted today (Beijing): how many, and which of
/// the batch's voters are among them.
#[derive(Default)]
pub(super) struct Devices {
    pub(super) count: usize,
    pub(super) known: HashSet<String>,
}

impl Devices {
    /// Devices other than `voter`.
    pub(super) fn besides(&self, voter: &str) -> usize {
        self.count
            .saturating_sub(usize::from(self.known.contains(voter)))
    }

    pub(super) fn add(&mut self, voter: &str) {
        if self.known.insert(voter.to_string()) {
            self.count += 1;
        }
    }
}

/// What the rules know of one cycle before the batch, moved as the batch is applied.
#[derive(Default)]
pub(super) struct CycleState {
    /// Each voter's ballot that counts now: (tier, picks).
    pub(super) counted: HashMap<String, (String, Vec<CandidateId>)>,
    /// Ballots per network since the burst window's start.
    pub(super) recent: HashMap<String, i64>,
    pub(super) devices: HashMap<String, Devices>,
}

/// `WITH v(name) AS (VALUES (p), (p), …)` over parameters numbered from `first`: the batch's
/// keys as a table, so each is looked up by its own index probe (correlated subqueries) — an
/// `IN (…)` list let PostgreSQL, its statistics stale after a burst of ballots, scan the whole
/// cycle's ballots instead, slower with every batch.
fn keys_table(engine: Engine, name: &str, first: usize, n: usize) -> String {
    let rows = (first..first + n)
        .map(|i| format!("({})", engine.param(i)))
        .collect::<Vec<_>>()
        .join(", ");
    format!("WITH v({name}) AS (VALUES {rows})")
}

/// Reads a cycle's state for the batch's voters and networks: three statements.
pub(super) async fn read_state(
    tx: &mut Conn,
    engine: Engine,
    cycle: CycleId,
    ballots: &[&NewBallot],
    (burst_since, today): (i64, i64),
) -> StoreResult<CycleState> {
    let mut state = CycleState::default();
    let mut voters: Vec<&str> = ballots.iter().map(|b| b.voter.as_str()).collect();
    voters.sort_unstable();
    voters.dedup();
    let n = voters.len();
    // The counted ballot's tier and picks as one text (`tier|picks`): a scalar subquery per
    // voter stays an index probe; a join back to the ballots may become a scan.
    let sql = format!(
        "{} SELECT v.voter,
           (SELECT c.tier || '|' || c.picks FROM ballots c
            LEFT JOIN ballot_reviews r ON r.ballot_id = c.id
            WHERE c.cycle_id = {} AND c.voter = v.voter
              AND COALESCE(r.decision, c.status) = 'counted'
            ORDER BY c.id DESC LIMIT 1)
         FROM v",
        keys_table(engine, "voter", 1, n),
        engine.param(n + 1)
    );
    let mut query = sqlx::query_as::<_, (String, Option<String>)>(&sql);
    for voter in &voters {
        query = query.bind(*voter);
    }
    for (voter, counted) in query.bind(cycle.0).fetch_all(&mut *tx).await? {
        if let Some((tier, picks)) = counted.as_deref().and_then(|c| c.split_once('|')) {
            state
                .counted
                .insert(voter, (tier.to_string(), parse_picks(picks)));
        }
    }
    // Only unverified ballots that would count are held by the network rules.
    let held: Vec<&&NewBallot> = ballots
        .iter()
        .filter(|b| b.status == BallotStatus::Counted && b.tier == Tier::Unverified)
        .collect();
    let mut networks: Vec<&str> = held.iter().map(|b| b.network.as_str()).collect();
    networks.sort_unstable();
    networks.dedup();
    if networks.is_empty() {
        return Ok(state);
    }
    let n = networks.len();
    // Each placeholder used once, in text order: SQLite's `?` binds by position.
    let (c1, since, c2, day) = (
        engine.param(n + 1),
        engine.param(n + 2),
        engine.param(n + 3),
        engine.param(n + 4),
    );
    let sql = format!(
        "{} SELECT v.network,
           (SELECT COUNT(*) FROM ballots b
            WHERE b.cycle_id = {c1} AND b.network = v.network AND b.created_at >= {since}),
           (SELECT COUNT(DISTINCT b.voter) FROM ballots b
            WHERE b.cycle_id = {c2} AND b.network = v.network AND b.created_at >= {day}
              AND b.tier = 'unverified' AND b.status = 'counted')
         FROM v",
        keys_table(engine, "network", 1, n)
    );
    let mut query = sqlx::query_as::<_, (String, i64, i64)>(&sql);
    for network in &networks {
        query = query.bind(*network);
    }
    let rows = query
        .bind(cycle.0)
        .bind(burst_since)
        .bind(cycle.0)
        .bind(today)
        .fetch_all(&mut *tx)
        .await?;
    for (network, recent, devices) in rows {
        state.recent.insert(network.clone(), recent);
        let count = usize::try_from(devices).unwrap_or(0);
        state.devices.insert(
            network,
            Devices {
                count,
                known: HashSet::new(),
            },
        );
    }
    // Which of the batch's voters already count among their network's devices today (a scalar
    // count, not `EXISTS`, which PostgreSQL may turn into a scan of the cycle).
    let mut pairs: Vec<(&str, &str)> = held
        .iter()
        .map(|b| (b.network.as_str(), b.voter.as_str()))
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    let rows = (0..pairs.len())
        .map(|i| format!("({}, {})", engine.param(2 * i + 1), engine.param(2 * i + 2)))
        .collect::<Vec<_>>()
        .join(", ");
    let n = 2 * pairs.len();
    let sql = format!(
        "WITH v(network, voter) AS (VALUES {rows})
         SELECT v.network, v.voter FROM v WHERE (
           SELECT COUNT(*) FROM ballots b
           WHERE b.cycle_id = {} AND b.voter = v.voter AND b.network = v.network
             AND b.created_at >= {} AND b.tier = 'unverified' AND b.status = 'counted') > 0",
        engine.param(n + 1),
        engine.param(n + 2)
    );
    let mut query = sqlx::query_as::<_, (String, String)>(&sql);
    for (network, voter) in &pairs {
        query = query.bind(*network).bind(*voter);
    }
    for (network, voter) in query.bind(cycle.0).bind(today).fetch_all(&mut *tx).await? {
        state
            .devices
            .entry(network)
            .or_default()
            .known
            .insert(voter);
    }
    Ok(state)
}
