//! The batch writer gives every ballot the outcome writing the ballots one by one gives (issue
//! 32 made the batch a fixed number of statements): the one-by-one rules are kept here as the
//! reference, and random batches — repeated voters, shared networks, replayed proofs, paper
//! codes used twice, held ballots — are written both ways on two copies of the demo data. The
//! outcomes, the ballot records, the code uses and the tallies must agree.

use crate::store::backers::{current_ballot, parse_picks};
use crate::store::tests::loaded_store;
use crate::store::voting::ballots::{move_tally, picks_text};
use crate::store::*;
use app::model::{BallotProblem, BallotReason, BallotStatus, CandidateId, CycleId, Tier};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

type Outcome = Result<(BallotStatus, Option<BallotReason>), BallotProblem>;

/// The rules as written before the batch writer: every check a statement, ballot by ballot.
async fn one_by_one(
    store: &Store,
    batch: &[NewBallot],
    now: i64,
    rules: HoldRules,
) -> Vec<Outcome> {
    let mut tx = store.write_tx().await.expect("tx");
    let today = app::model::beijing_day_start(now);
    let mut outcomes = Vec::new();
    for ballot in batch {
        let mut b = ballot.clone();
        if b.status == BallotStatus::Counted && b.tier == Tier::Unverified {
            let recent: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM ballots WHERE cycle_id = $1 AND network = $2 AND created_at >= $3",
            )
            .bind(b.cycle_id.0)
            .bind(&b.network)
            .bind(now - rules.burst_window)
            .fetch_one(&mut *tx)
            .await
            .expect("recent");
            let devices: i64 = sqlx::query_scalar(
                "SELECT COUNT(DISTINCT voter) FROM ballots
                 WHERE cycle_id = $1 AND network = $2 AND created_at >= $3 AND tier = 'unverified'
                   AND status = 'counted' AND voter <> $4",
            )
            .bind(b.cycle_id.0)
            .bind(&b.network)
            .bind(today)
            .bind(&b.voter)
            .fetch_one(&mut *tx)
            .await
            .expect("devices");
            if recent >= rules.burst_limit {
                (b.status, b.reason) = (BallotStatus::Quarantined, Some(BallotReason::Burst));
            } else if devices >= rules.per_network_day {
                (b.status, b.reason) = (BallotStatus::Quarantined, Some(BallotReason::NetworkDay));
            }
        }
        outcomes.push(match write_one(&mut tx, &b, now).await {
            Ok(()) => Ok((b.status, b.reason)),
            Err(problem) => Err(problem),
        });
    }
    store.commit(tx).await.expect("commit");
    outcomes
}

async fn write_one(tx: &mut Conn, b: &NewBallot, now: i64) -> Result<(), BallotProblem> {
    if let Some(proof) = &b.proof {
        let fresh = sqlx::query(
            "INSERT INTO used_proofs (proof, at) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        )
        .bind(proof)
        .bind(now)
        .execute(&mut *tx)
        .await
        .expect("proof")
        .rows_affected();
        if fresh == 0 {
            return Err(BallotProblem::ReplayedProof);
        }
    }
    if let Some(code) = &b.code_hash {
        let known: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM voting_codes WHERE code_hash = $1 AND cycle_id = $2",
        )
        .bind(code)
        .bind(b.cycle_id.0)
        .fetch_one(&mut *tx)
        .await
        .expect("known");
        if known == 0 {
            return Err(BallotProblem::CodeUnknown);
        }
        let used: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM code_uses WHERE code_hash = $1")
            .bind(code)
            .fetch_one(&mut *tx)
            .await
            .expect("used");
        if used > 0 {
            return Err(BallotProblem::CodeUsed);
        }
    }
    let previous = match b.status {
        BallotStatus::Counted => current_ballot(tx, b.cycle_id, &b.voter)
            .await
            .expect("current"),
        _ => None,
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
    .await
    .expect("insert");
    if let Some(code) = &b.code_hash {
        sqlx::query("INSERT INTO code_uses (code_hash, ballot_id) VALUES ($1, $2)")
            .bind(code)
            .bind(id)
            .execute(&mut *tx)
            .await
            .expect("code use");
    }
    if b.status == BallotStatus::Counted {
        if let Some((_, tier, picks)) = previous {
            move_tally(tx, b.cycle_id, &tier, &parse_picks(&picks), -1)
                .await
                .expect("tally");
        }
        move_tally(tx, b.cycle_id, b.tier.as_str(), &b.picks, 1)
            .await
            .expect("tally");
    }
    Ok(())
}

/// Everything the batches left behind, comparable across two databases: the ballots, the
/// tallies and the code uses.
type Record = (Vec<String>, Vec<(i64, String, i64)>, Vec<(String, String)>);

/// A ballot row's columns, voter to network.
type BallotRow = (
    String,
    String,
    String,
    String,
    String,
    Option<String>,
    String,
);

async fn record(store: &Store) -> Record {
    let ballots: Vec<BallotRow> = sqlx::query_as(
        "SELECT voter, tier, picks, receipt, status, reason, network FROM ballots ORDER BY id",
    )
    .fetch_all(&store.pool)
    .await
    .expect("ballots");
    let tallies = sqlx::query_as(
        "SELECT candidate_id, tier, approvals FROM tallies WHERE approvals <> 0
         ORDER BY candidate_id, tier",
    )
    .fetch_all(&store.pool)
    .await
    .expect("tallies");
    let uses = sqlx::query_as(
        "SELECT u.code_hash, b.receipt FROM code_uses u JOIN ballots b ON b.id = u.ballot_id
         ORDER BY u.code_hash",
    )
    .fetch_all(&store.pool)
    .await
    .expect("uses");
    (
        ballots.into_iter().map(|b| format!("{b:?}")).collect(),
        tallies,
        uses,
    )
}

#[tokio::test]
async fn a_batch_gives_every_ballot_the_outcome_one_by_one_gives() {
    let (_a_dir, batched) = loaded_store().await;
    let (_b_dir, reference) = loaded_store().await;
    let start = jiff::Timestamp::now().as_second();
    let (cycle, ids) = batched
        .cycle_rules("2027-annual", start)
        .await
        .expect("read")
        .expect("sample cycle");
    let codes: Vec<String> = (0..4).map(|i| format!("code-hash-{i}")).collect();
    for store in [&batched, &reference] {
        store
            .add_voting_codes("editor", "2027-annual", "东城区", &codes[..3], start)
            .await
            .expect("codes")
            .expect("cycle");
    }
    let rules = HoldRules {
        burst_window: 60,
        burst_limit: 6,
        per_network_day: 3,
    };
    let mut rng = ChaCha8Rng::seed_from_u64(32);
    let mut receipt = 0;
    let mut held = 0;
    let mut refused = 0;
    for round in 0..40 {
        let now = start + round * 9;
        let size = rng.random_range(1..=40);
        let batch: Vec<NewBallot> = (0..size)
            .map(|_| {
                receipt += 1;
                let verified = rng.random_bool(0.1);
                let code = verified.then(|| codes[rng.random_range(0..codes.len())].clone());
                let mut picks: Vec<CandidateId> = ids
                    .iter()
                    .copied()
                    .filter(|_| rng.random_bool(0.4))
                    .collect();
                if picks.is_empty() {
                    picks.push(ids[0]);
                }
                let honeypot = rng.random_bool(0.05);
                NewBallot {
                    cycle_id: CycleId(cycle.id.0),
                    voter: match &code {
                        Some(code) => format!("c:{code}"),
                        None => format!("d:voter-{}", rng.random_range(0..16)),
                    },
                    tier: if verified {
                        Tier::Verified
                    } else {
                        Tier::Unverified
                    },
                    picks,
                    receipt: format!("R{receipt}"),
                    status: if honeypot {
                        BallotStatus::Quarantined
                    } else {
                        BallotStatus::Counted
                    },
                    reason: honeypot.then_some(BallotReason::Honeypot),
                    network: format!("198.51.100.{}/32", rng.random_range(0..4)),
                    code_hash: code,
                    proof: rng
                        .random_bool(0.5)
                        .then(|| format!("proof-{}", rng.random_range(0..300))),
                }
            })
            .collect();
        let got = batched
            .record_ballots(&batch, now, rules)
            .await
            .expect("batch");
        let want = one_by_one(&reference, &batch, now, rules).await;
        assert_eq!(got, want, "round {round}: {batch:#?}");
        held += got
            .iter()
            .filter(|o| matches!(o, Ok((BallotStatus::Quarantined, _))))
            .count();
        refused += got.iter().filter(|o| o.is_err()).count();
    }
    assert!(
        held > 20 && refused > 10,
        "the batches exercised the rules: {held} held, {refused} refused"
    );
    assert_eq!(record(&batched).await, record(&reference).await);
}
