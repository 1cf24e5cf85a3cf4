//! Two server instances on one database, as behind a load balancer: ballots sent to both in
//! turn are all counted exactly once, every receipt checks out on either instance, a device
//! token or a staff session from one is honoured by the other, and limits are shared.
//! In the PostgreSQL run of the suite this is the scale-out deployment itself.
// a test crate: a failure is a failed test
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support;

use reqwest::{header, Client};
use serde_json::{json, Value};
use support::staff::{get_as, login, post, HEAT};
use support::TestServer;

const CYCLE: &str = "2027-annual";
/// Behind a proxy every connection comes from one address: no per-address connection cap.
const PROXY: &[&str] = &["--trusted-proxy-hops", "1", "--connections-per-client", "0"];

fn client() -> Client {
    Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

async fn json_of(server: &TestServer, path: &str) -> Value {
    client()
        .get(server.url(path))
        .send()
        .await
        .expect("get")
        .json()
        .await
        .expect("json")
}

async fn approvals(server: &TestServer, candidate: i64) -> i64 {
    let cycle = json_of(server, &format!("/api/v1/cycles/{CYCLE}")).await;
    cycle["candidates"]
        .as_array()
        .expect("candidates")
        .iter()
        .find(|c| c["id"] == candidate)
        .map(|c| {
            c["tally"]["verified"].as_i64().expect("tally")
                + c["tally"]["unverified"].as_i64().expect("tally")
        })
        .expect("candidate")
}

/// Posts a ballot from `network` (as the trusted proxy reports it), with a device cookie.
async fn ballot(
    server: &TestServer,
    network: &str,
    pick: i64,
    device: Option<&str>,
) -> (u16, Value) {
    let mut req = client()
        .post(server.url(&format!("/api/v1/cycles/{CYCLE}/ballots")))
        .header("x-forwarded-for", network)
        .json(&json!({ "picks": [pick] }));
    if let Some(d) = device {
        req = req.header(header::COOKIE, format!("dianca_device={d}"));
    }
    let res = req.send().await.expect("post");
    let status = res.status().as_u16();
    let device = res
        .headers()
        .get(header::SET_COOKIE)
        .and_then(|v| v.to_str().ok())
        .and_then(|c| c.strip_prefix("dianca_device="))
        .and_then(|c| c.split(';').next())
        .map(str::to_string);
    let mut body: Value = res.json().await.unwrap_or(Value::Null);
    if let Some(d) = device {
        body["device"] = json!(d);
    }
    (status, body)
}

#[tokio::test]
async fn two_instances_count_every_ballot_once_and_share_sessions() {
    let a = TestServer::process_full(&[HEAT], PROXY);
    let b = TestServer::process_on_url(&a.database_url, PROXY);
    let servers = [&a, &b];
    let cycle = json_of(&a, &format!("/api/v1/cycles/{CYCLE}")).await;
    let ids: Vec<i64> = cycle["candidates"]
        .as_array()
        .expect("candidates")
        .iter()
        .map(|c| c["id"].as_i64().expect("id"))
        .collect();
    let before = approvals(&a, ids[0]).await;
    let cast_before = json_of(&b, &format!("/api/v1/cycles/{CYCLE}/integrity")).await["cast"]
        .as_i64()
        .expect("cast");

    // 120 voters at once, each from their own network, sent to the two instances in turn.
    let mut tasks = Vec::new();
    for n in 0..120u32 {
        let base = servers[n as usize % 2].base.clone();
        let pick = ids[0];
        tasks.push(tokio::spawn(async move {
            let res = client()
                .post(format!("{base}/api/v1/cycles/{CYCLE}/ballots"))
                .header("x-forwarded-for", format!("10.{}.{}.7", n / 100, n % 100))
                .json(&json!({ "picks": [pick] }))
                .send()
                .await
                .expect("post");
            assert_eq!(res.status().as_u16(), 201);
            let body: Value = res.json().await.expect("json");
            body["receipt"].as_str().expect("receipt").to_string()
        }));
    }
    let mut receipts = Vec::new();
    for task in tasks {
        receipts.push(task.await.expect("joined"));
    }
    for server in servers {
        assert_eq!(
            approvals(server, ids[0]).await,
            before + 120,
            "{}",
            server.base
        );
        let report = json_of(server, &format!("/api/v1/cycles/{CYCLE}/integrity")).await;
        assert_eq!(report["cast"], cast_before + 120);
        assert_eq!(report["recomputed_matches"], true);
    }
    // Every receipt checks out on both instances, whichever one wrote it.
    for (n, receipt) in receipts.iter().enumerate() {
        for server in servers {
            let check = json_of(server, &format!("/api/v1/receipts/{receipt}")).await;
            assert_eq!(check["state"], "counted", "receipt {n} on {}", server.base);
        }
    }

    // A device token issued by one instance is the same voter on the other: the second
    // ballot replaces the first.
    let (status, first) = ballot(&a, "10.50.0.1", ids[1], None).await;
    assert_eq!(status, 201);
    let device = first["device"].as_str().expect("device token").to_string();
    let (status, _) = ballot(&b, "10.50.0.1", ids[2], Some(&device)).await;
    assert_eq!(status, 201);
    let report = json_of(&a, &format!("/api/v1/cycles/{CYCLE}/integrity")).await;
    assert_eq!(
        report["superseded"], 1,
        "one voter, one ballot across instances"
    );
    let old = json_of(
        &b,
        &format!("/api/v1/receipts/{}", first["receipt"].as_str().expect("r")),
    )
    .await;
    assert_eq!(old["state"], "superseded");

    // A sign-in on one instance is valid on the other; signing out everywhere on the other
    // ends it on the first.
    let token = login(&a, "heat", HEAT.3).await.expect("signed in on a");
    assert!(get_as(&b, "/staff", &token)
        .await
        .contains("当前登录：heat"));
    post(&b, "logout", Some(&token), &[("everywhere", "1")]).await;
    assert!(get_as(&a, "/staff", &token).await.contains("请先登录"));
}

/// The per-network limit is one allowance across instances, not one per instance. Only the
/// PostgreSQL deployment shares it: one SQLite file is served by one instance.
#[tokio::test]
async fn a_network_has_one_allowance_across_instances() {
    if !support::on_postgres() {
        eprintln!("shared limits are a PostgreSQL feature; this run is on SQLite");
        return;
    }
    let a = TestServer::process_full(&[], PROXY);
    let b = TestServer::process_on_url(&a.database_url, PROXY);
    let cycle = json_of(&a, &format!("/api/v1/cycles/{CYCLE}")).await;
    let pick = cycle["candidates"][0]["id"].as_i64().expect("id");
    let mut accepted = 0;
    let mut limited = 0;
    for n in 0..16 {
        let server = if n % 2 == 0 { &a } else { &b };
        match ballot(server, "10.77.0.1", pick, None).await.0 {
            201 => accepted += 1,
            429 => limited += 1,
            other => panic!("unexpected status {other}"),
        }
    }
    assert_eq!(
        accepted, 12,
        "the no-JS allowance is 12 a minute, for both together"
    );
    assert_eq!(limited, 4);
}

/// Instances started together on an empty database: all come up, and the demo data is
/// loaded by exactly one of them (the first-start job runs once).
#[tokio::test]
async fn instances_started_together_load_the_demo_once() {
    let dir = tempfile::tempdir().expect("dir");
    let url = support::new_database(dir.path());
    let starts: Vec<_> = (0..3)
        .map(|_| {
            let url = url.clone();
            std::thread::spawn(move || TestServer::process_on_url(&url, &[]))
        })
        .collect();
    let servers: Vec<TestServer> = starts
        .into_iter()
        .map(|s| s.join().expect("an instance started"))
        .collect();
    let loaded: usize = servers
        .iter()
        .map(|s| s.logged("empty database: loading the demo dataset"))
        .sum();
    assert_eq!(loaded, 1, "one instance loads, the others find the data");
    let first = json_of(&servers[0], "/api/v1/cycles").await;
    assert!(!first.as_array().expect("cycles").is_empty());
    for server in &servers[1..] {
        assert_eq!(json_of(server, "/api/v1/cycles").await, first);
    }
}
