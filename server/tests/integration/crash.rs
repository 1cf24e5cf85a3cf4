//! Crash safety of the ballot box. Ballots stream in over HTTP from many clients at once, the
//! server is killed with SIGKILL at an unpredictable moment while requests are in flight, and
//! after a restart on the same database: every ballot whose receipt was returned is there and
//! counted, the running tally agrees with a recount from the ballot records, and the database
//! checks out (`server check`: SQLite's `PRAGMA integrity_check`; on PostgreSQL, where the
//! server process dies but the database does not, a fully migrated schema). Ten rounds on one
//! database, so one run of this test is "ten times in a row". Runs on both engines.
// a test crate: a failure is a failed test
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support;

use reqwest::Client;
use serde_json::{json, Value};
use std::net::Ipv4Addr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};
use support::TestServer;

const CYCLE: &str = "2027-annual";
const ROUNDS: u64 = 10;
/// Concurrent voters: enough that the writer always has a batch in its transaction.
const CLIENTS: u64 = 32;
/// Each voter's own network needs a trusted `X-Forwarded-For`; the database has the demo data.
/// As behind a proxy, every connection comes from one address: no per-address connection cap.
const SERVE: &[&str] = &[
    "--trusted-proxy-hops",
    "1",
    "--no-demo",
    "--connections-per-client",
    "0",
];

/// What one round's clients saw before and after the kill.
#[derive(Default)]
struct Load {
    /// Requests sent.
    attempts: u64,
    /// Receipts of 201 answers received in full.
    receipts: Vec<String>,
    /// Requests that broke after being sent (in flight at the kill), not refused connections.
    broken: u64,
    /// Any answer other than 201 before the kill (none is expected).
    unexpected: Vec<u16>,
}

/// The n-th voter's address: its own /24 network (the per-network limits and the burst rule
/// would hold or refuse many ballots from one), from 11.0.0.1 upwards.
fn voter_address(n: u64) -> String {
    let n = u32::try_from(n).expect("fewer than 2^24 voters");
    Ipv4Addr::from(0x0B00_0000u32 + (n << 8) + 1).to_string()
}

/// A kill moment that differs from round to round and run to run: 250 ms to 1.25 s of load
/// after the round's first receipt (a group commit of 32 ballots can take half a second on a
/// debug build against PostgreSQL, so a clock started at the first request may kill before any).
fn kill_after(round: u64) -> Duration {
    let nanos = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.subsec_nanos() as u64)
        .unwrap_or(0);
    let mix = (nanos ^ round.wrapping_mul(0x9E37_79B9_7F4A_7C15)).wrapping_mul(2_654_435_761);
    Duration::from_millis(250 + (mix >> 7) % 1000)
}

async fn get_json(client: &Client, url: &str) -> Value {
    let res = client.get(url).send().await.expect("GET answered");
    assert!(res.status().is_success(), "{url}: {}", res.status());
    res.json().await.expect("JSON body")
}

async fn integrity(client: &Client, server: &TestServer) -> Value {
    get_json(
        client,
        &server.url(&format!("/api/v1/cycles/{CYCLE}/integrity")),
    )
    .await
}

/// Voters whose current ballot is in the recount, both tiers.
fn counted(report: &Value) -> u64 {
    report["counted"]["verified"].as_u64().expect("verified")
        + report["counted"]["unverified"]
            .as_u64()
            .expect("unverified")
}

/// One voter loop: ballots one after another until the server stops answering.
async fn voter(
    client: Client,
    url: String,
    picks: Arc<Vec<i64>>,
    next: Arc<AtomicU64>,
    receipted: Arc<AtomicU64>,
) -> Load {
    let mut load = Load::default();
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        let n = next.fetch_add(1, Ordering::Relaxed);
        load.attempts += 1;
        let pick = picks[(n as usize) % picks.len()];
        let sent = client
            .post(&url)
            .header("x-forwarded-for", voter_address(n))
            .json(&json!({ "picks": [pick] }))
            .send()
            .await;
        let res = match sent {
            Ok(res) => res,
            Err(err) => {
                load.broken += u64::from(!err.is_connect());
                break;
            }
        };
        if res.status() != 201 {
            load.unexpected.push(res.status().as_u16());
            continue;
        }
        // A receipt counts only if its whole answer arrived before the kill.
        match res.json::<Value>().await {
            Ok(body) => {
                load.receipts.push(
                    body["receipt"]
                        .as_str()
                        .expect("a 201 carries a receipt")
                        .to_string(),
                );
                receipted.fetch_add(1, Ordering::Relaxed);
            }
            Err(_) => {
                load.broken += 1;
                break;
            }
        }
    }
    load
}

/// Every receipt's state after the restart, checked from a few concurrent clients.
async fn receipt_states(client: &Client, server: &TestServer, receipts: &[String]) -> Vec<String> {
    let chunk = receipts.len().div_ceil(8).max(1);
    let tasks: Vec<_> = receipts
        .chunks(chunk)
        .map(|part| {
            let (client, base, part) = (client.clone(), server.base.clone(), part.to_vec());
            tokio::spawn(async move {
                let mut bad = Vec::new();
                for receipt in part {
                    let status = get_json(&client, &format!("{base}/api/v1/receipts/{receipt}"))
                        .await["state"]
                        .as_str()
                        .unwrap_or("missing")
                        .to_string();
                    if status != "counted" {
                        bad.push(format!("{receipt}: {status}"));
                    }
                }
                bad
            })
        })
        .collect();
    let mut bad = Vec::new();
    for task in tasks {
        bad.extend(task.await.expect("receipt checker"));
    }
    bad
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn receipted_ballots_survive_sigkill_ten_times_in_a_row() {
    let started = Instant::now();
    let dir = tempfile::tempdir().expect("temp dir");
    let database_url = support::loaded_database(dir.path());
    let client = Client::builder()
        .pool_max_idle_per_host(CLIENTS as usize)
        .timeout(Duration::from_secs(20))
        .build()
        .expect("client");
    let mut server = TestServer::process_on_url(&database_url, SERVE);
    let cycle = get_json(&client, &server.url(&format!("/api/v1/cycles/{CYCLE}"))).await;
    let picks: Arc<Vec<i64>> = Arc::new(
        cycle["candidates"]
            .as_array()
            .expect("candidates")
            .iter()
            .map(|c| c["id"].as_i64().expect("candidate id"))
            .collect(),
    );
    let next_voter = Arc::new(AtomicU64::new(0));
    let mut receipted = 0usize;
    let mut broken = 0u64;
    for round in 0..ROUNDS {
        let before = integrity(&client, &server).await;
        let cast_before = before["cast"].as_u64().expect("cast");
        let url = server.url(&format!("/api/v1/cycles/{CYCLE}/ballots"));
        let first = Arc::new(AtomicU64::new(0));
        let voters: Vec<_> = (0..CLIENTS)
            .map(|_| {
                tokio::spawn(voter(
                    client.clone(),
                    url.clone(),
                    picks.clone(),
                    next_voter.clone(),
                    first.clone(),
                ))
            })
            .collect();
        let load_started = Instant::now();
        while first.load(Ordering::Relaxed) == 0 && load_started.elapsed() < Duration::from_secs(20)
        {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        let wait = kill_after(round);
        tokio::time::sleep(wait).await;
        let sent_by_then = next_voter.load(Ordering::Relaxed);
        server.crash();

        let mut load = Load::default();
        for v in voters {
            let part = v.await.expect("voter task");
            load.attempts += part.attempts;
            load.receipts.extend(part.receipts);
            load.broken += part.broken;
            load.unexpected.extend(part.unexpected);
        }
        assert!(
            load.unexpected.is_empty(),
            "round {round}: answers other than 201 before the kill: {:?}",
            load.unexpected
        );
        assert!(
            !load.receipts.is_empty(),
            "round {round}: the load was real ({} receipts)",
            load.receipts.len()
        );

        // The database is sound before anything else opens it for serving.
        support::run_on(&database_url, &["check"]);
        server = TestServer::process_on_url(&database_url, SERVE);

        let bad = receipt_states(&client, &server, &load.receipts).await;
        assert!(
            bad.is_empty(),
            "round {round}: {} of {} receipted ballots are not counted after the restart, e.g. {:?}",
            bad.len(),
            load.receipts.len(),
            &bad[..bad.len().min(5)]
        );
        let after = integrity(&client, &server).await;
        assert_eq!(
            after["recomputed_matches"], true,
            "round {round}: running tally differs from the recount: {after}"
        );
        let cast = after["cast"].as_u64().expect("cast") - cast_before;
        assert!(
            cast >= load.receipts.len() as u64 && cast <= load.attempts,
            "round {round}: {cast} ballots written for {} receipts and {} attempts",
            load.receipts.len(),
            load.attempts
        );
        assert_eq!(
            counted(&after) - counted(&before),
            cast,
            "round {round}: every ballot is a distinct voter's and counts"
        );
        eprintln!(
            "round {round}: killed after {wait:?} (voter {sent_by_then}); {} attempts, {} receipts, \
             {cast} written, {} requests broken in flight",
            load.attempts,
            load.receipts.len(),
            load.broken
        );
        receipted += load.receipts.len();
        broken += load.broken;
    }
    assert!(
        broken > 0,
        "some requests were in flight when the server was killed"
    );
    eprintln!(
        "{ROUNDS} crashes survived: {receipted} receipted ballots all counted, in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    server.terminate();
}
