//! Ballot load generator for the benchmark in docs/performance.md (not a test).
//!
//! Sends JSON ballots to `POST /api/v1/cycles/{cycle}/ballots`, each from a distinct voter: no
//! device cookie (the server issues a new one) and its own `X-Forwarded-For` network, so start
//! the server with `--trusted-proxy-hops 1`. Two modes:
//!
//! - `--rate N`: open loop at N ballots per second for `--seconds`; prints p50/p90/p99 latency.
//! - `--rate 0`: closed loop with `--concurrency` workers as fast as the server answers;
//!   prints sustained ballots per second.
//!
//! Only 201 answers count as ballots; anything else is reported. Loopback only.
// a measuring tool run by hand, not a request path
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

struct Args {
    url: String,
    cycle: String,
    rate: u64,
    seconds: u64,
    concurrency: usize,
}

fn args() -> Args {
    let mut a = Args {
        url: "http://127.0.0.1:3000".into(),
        cycle: "2027-annual".into(),
        rate: 0,
        seconds: 20,
        concurrency: 64,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().unwrap_or_default();
        match flag.as_str() {
            "--url" => a.url = value,
            "--cycle" => a.cycle = value,
            "--rate" => a.rate = value.parse().unwrap_or(0),
            "--seconds" => a.seconds = value.parse().unwrap_or(20).min(600),
            "--concurrency" => a.concurrency = value.parse().unwrap_or(64).clamp(1, 1024),
            other => eprintln!("ignoring unknown flag {other}"),
        }
    }
    assert!(
        a.url.starts_with("http://127.") || a.url.starts_with("http://localhost"),
        "the load generator only targets this machine"
    );
    a
}

/// The n-th voter's network: 10.x.y.1, a /24 of its own.
fn forwarded(n: u64) -> String {
    format!("10.{}.{}.1", (n / 250) % 250, n % 250)
}

async fn one(client: &reqwest::Client, url: &str, picks: &[i64], n: u64) -> (u16, Duration) {
    let started = Instant::now();
    let status = client
        .post(url)
        .header("x-forwarded-for", forwarded(n))
        .json(&serde_json::json!({ "picks": [picks[(n as usize) % picks.len()]] }))
        .send()
        .await
        .map(|r| r.status().as_u16())
        .unwrap_or(0);
    (status, started.elapsed())
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

#[tokio::main]
async fn main() {
    let a = args();
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(a.concurrency)
        .build()
        .expect("client");
    let cycle: serde_json::Value = client
        .get(format!("{}/api/v1/cycles/{}", a.url, a.cycle))
        .send()
        .await
        .expect("cycle")
        .json()
        .await
        .expect("json");
    let picks: Vec<i64> = cycle["candidates"]
        .as_array()
        .expect("candidates")
        .iter()
        .filter_map(|c| c["id"].as_i64())
        .collect();
    let url = format!("{}/api/v1/cycles/{}/ballots", a.url, a.cycle);
    let deadline = Instant::now() + Duration::from_secs(a.seconds);
    let started = Instant::now();
    let mut handles = Vec::new();
    if let Some(period) = 1_000_000_000u64.checked_div(a.rate) {
        let mut tick = tokio::time::interval(Duration::from_nanos(period));
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Burst);
        let mut n = 0u64;
        while Instant::now() < deadline {
            tick.tick().await;
            let (client, url, picks) = (client.clone(), url.clone(), picks.clone());
            handles.push(tokio::spawn(async move {
                vec![one(&client, &url, &picks, n).await]
            }));
            n += 1;
        }
    } else {
        for w in 0..a.concurrency as u64 {
            let (client, url, picks) = (client.clone(), url.clone(), picks.clone());
            let workers = a.concurrency as u64;
            handles.push(tokio::spawn(async move {
                let mut out = Vec::new();
                let mut n = w;
                while Instant::now() < deadline {
                    out.push(one(&client, &url, &picks, n).await);
                    n += workers;
                }
                out
            }));
        }
    }
    let mut results = Vec::new();
    for h in handles {
        results.extend(h.await.expect("task"));
    }
    let elapsed = started.elapsed().as_secs_f64();
    let mut ok: Vec<Duration> = results
        .iter()
        .filter(|(s, _)| *s == 201)
        .map(|(_, d)| *d)
        .collect();
    ok.sort();
    let failed = results.len() - ok.len();
    let mut statuses: Vec<u16> = results
        .iter()
        .map(|(s, _)| *s)
        .filter(|s| *s != 201)
        .collect();
    statuses.sort_unstable();
    statuses.dedup();
    let mode = if a.rate > 0 {
        format!("rate {}/s", a.rate)
    } else {
        format!("closed loop x{}", a.concurrency)
    };
    println!(
        "mode={mode} ballots={} failed={failed} other_statuses={statuses:?} seconds={elapsed:.1} ballots_per_second={:.0} p50_ms={:.1} p90_ms={:.1} p99_ms={:.1} max_ms={:.1}",
        ok.len(),
        ok.len() as f64 / elapsed,
        percentile(&ok, 0.50).as_secs_f64() * 1e3,
        percentile(&ok, 0.90).as_secs_f64() * 1e3,
        percentile(&ok, 0.99).as_secs_f64() * 1e3,
        ok.last().copied().unwrap_or_default().as_secs_f64() * 1e3,
    );
}
