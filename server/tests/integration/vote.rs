//! Voting over real HTTP: ballots, receipts, changing a ballot, paper codes, proof of work,
//! refusals that write nothing, and 200 concurrent voters.
// a test crate: a failure is a failed test
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support;

use reqwest::{header, redirect::Policy, Client};
use serde_json::{json, Value};
use support::TestServer;

/// Picks, extra form fields, and the refusal code expected.
type BadBallot<'a> = (Vec<i64>, Vec<(&'a str, &'a str)>, &'a str);

const OPEN: &str = "2027-annual";
const CLOSED: &str = "2026-winter";

fn client() -> Client {
    Client::builder()
        .redirect(Policy::none())
        .build()
        .expect("client")
}

async fn get_json(server: &TestServer, path: &str) -> Value {
    reqwest::get(server.url(path))
        .await
        .expect("r")
        .json()
        .await
        .expect("json")
}

/// Candidate ids of the open cycle, in page order.
async fn candidates(server: &TestServer) -> Vec<i64> {
    let cycle = get_json(server, &format!("/api/v1/cycles/{OPEN}")).await;
    cycle["candidates"]
        .as_array()
        .expect("candidates")
        .iter()
        .map(|c| c["id"].as_i64().expect("id"))
        .collect()
}

async fn approvals(server: &TestServer, candidate: i64) -> i64 {
    let cycle = get_json(server, &format!("/api/v1/cycles/{OPEN}")).await;
    let c = cycle["candidates"]
        .as_array()
        .expect("candidates")
        .iter()
        .find(|c| c["id"].as_i64() == Some(candidate))
        .expect("candidate")
        .clone();
    c["tally"]["verified"].as_i64().expect("tally")
        + c["tally"]["unverified"].as_i64().expect("tally")
}

/// Posts the ballot form as a browser without JavaScript would; returns the redirect target
/// and the device cookie the server set (if any).
async fn vote_form(
    server: &TestServer,
    picks: &[i64],
    extra: &[(&str, &str)],
    device: Option<&str>,
    forwarded: Option<&str>,
) -> (String, Option<String>) {
    let mut form: Vec<(String, String)> = picks
        .iter()
        .map(|p| ("pick".into(), p.to_string()))
        .collect();
    form.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    let mut req = client()
        .post(server.url(&format!("/vote/{OPEN}")))
        .form(&form);
    if let Some(d) = device {
        req = req.header(header::COOKIE, format!("dianca_device={d}"));
    }
    if let Some(ip) = forwarded {
        req = req.header("x-forwarded-for", ip);
    }
    let res = req.send().await.expect("post");
    assert_eq!(res.status(), 303, "ballots answer with a redirect");
    let location = res.headers()[header::LOCATION]
        .to_str()
        .expect("ascii")
        .to_string();
    let cookie = res
        .headers()
        .get(header::SET_COOKIE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("dianca_device="))
        .and_then(|v| v.split(';').next())
        .map(str::to_string);
    (location, cookie)
}

fn receipt_of(location: &str) -> String {
    let start = location.find("receipt=").expect("receipt in redirect") + "receipt=".len();
    location[start..]
        .chars()
        .take_while(|c| *c != '&')
        .collect()
}

/// What the records say about the ballot a redirect names (the URL itself carries no status).
async fn state_of(server: &TestServer, location: &str) -> String {
    let check = get_json(
        server,
        &format!("/api/v1/receipts/{}", receipt_of(location)),
    )
    .await;
    check["state"].as_str().unwrap_or_default().to_string()
}

#[tokio::test]
async fn a_voter_changes_their_ballot_and_the_tally_moves_by_one() {
    let server = TestServer::start();
    let ids = candidates(&server).await;
    let (a, b) = (ids[0], ids[1]);
    let (before_a, before_b) = (approvals(&server, a).await, approvals(&server, b).await);

    let (first, device) = vote_form(&server, &[a], &[], None, None).await;
    assert_eq!(state_of(&server, &first).await, "counted", "{first}");
    let device = device.expect("a device token is issued");
    assert_eq!(approvals(&server, a).await, before_a + 1);
    let receipt = receipt_of(&first);
    let check = get_json(&server, &format!("/api/v1/receipts/{receipt}")).await;
    assert_eq!(check["state"], "counted");
    assert_eq!(check["tier"], "unverified");

    let (second, _) = vote_form(&server, &[b], &[], Some(&device), None).await;
    assert_eq!(state_of(&server, &second).await, "counted");
    assert_eq!(
        approvals(&server, a).await,
        before_a,
        "the old choice lost exactly one"
    );
    assert_eq!(
        approvals(&server, b).await,
        before_b + 1,
        "the new choice gained exactly one"
    );
    let old = get_json(&server, &format!("/api/v1/receipts/{receipt}")).await;
    assert_eq!(old["state"], "superseded");
    let report = get_json(&server, &format!("/api/v1/cycles/{OPEN}/integrity")).await;
    assert_eq!(report["cast"], 2);
    assert_eq!(report["counted"]["unverified"], 1);
    assert_eq!(report["superseded"], 1);
    assert_eq!(report["recomputed_matches"], true);

    // The receipt page says so in words.
    let page = reqwest::get(server.url(&format!("/receipt?code={receipt}")))
        .await
        .expect("r")
        .text()
        .await
        .expect("b");
    assert!(page.contains("这张选票已被您在"), "superseded is explained");
}

#[tokio::test]
async fn bad_ballots_are_refused_with_a_reason_and_write_nothing() {
    let server = TestServer::start();
    let ids = candidates(&server).await;
    let cases: Vec<BadBallot> = vec![
        (ids.clone(), vec![], "too_many_picks"),
        (vec![], vec![], "no_picks"),
        (vec![999_999], vec![], "unknown_candidate"),
        (
            vec![ids[0]],
            vec![("code", "NOT-A-REAL-CODE-AT-ALL")],
            "code_unknown",
        ),
        (vec![ids[0]], vec![("code", "2345-6789-AB")], "code_unknown"),
    ];
    for (picks, extra, code) in cases {
        let (location, _) = vote_form(&server, &picks, &extra, None, None).await;
        assert!(
            location.contains(&format!("error={code}")),
            "{code}: {location}"
        );
    }
    // The refused choices come back ticked.
    let (location, _) = vote_form(&server, &ids, &[], None, None).await;
    assert!(location.contains(&format!(
        "picked={}",
        ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
    )));
    let page = reqwest::get(server.url(&location))
        .await
        .expect("r")
        .text()
        .await
        .expect("b");
    assert!(page.contains("选多了"), "the reason is shown in Chinese");
    assert_eq!(
        page.matches("checked").count(),
        ids.len(),
        "nothing the voter ticked is lost"
    );

    // A closed cycle takes no ballots.
    let closed = get_json(&server, &format!("/api/v1/cycles/{CLOSED}")).await;
    let pick = closed["candidates"][0]["id"].as_i64().expect("id");
    let res = client()
        .post(server.url(&format!("/api/v1/cycles/{CLOSED}/ballots")))
        .header(header::ACCEPT_LANGUAGE, "en")
        .json(&json!({ "picks": [pick] }))
        .send()
        .await
        .expect("post");
    assert_eq!(res.status(), 409);
    let body: Value = res.json().await.expect("json");
    assert_eq!(body["error"], "not_open");
    assert!(body["message"]
        .as_str()
        .expect("message")
        .contains("not open"));

    let report = get_json(&server, &format!("/api/v1/cycles/{OPEN}/integrity")).await;
    assert_eq!(report["cast"], 0, "nothing was written for refused ballots");
}

#[tokio::test]
async fn a_paper_code_works_once() {
    let server = TestServer::start();
    let codes = server.run(&[
        "voting-codes",
        "--cycle",
        OPEN,
        "--district",
        "朝阳区",
        "--count",
        "3",
    ]);
    let code = codes.lines().next().expect("a code").to_string();
    let ids = candidates(&server).await;
    let typed = code.to_lowercase().replace('-', " ");
    let (first, _) = vote_form(&server, &[ids[2]], &[("code", &typed)], None, None).await;
    assert_eq!(state_of(&server, &first).await, "counted", "{first}");
    let receipt = get_json(&server, &format!("/api/v1/receipts/{}", receipt_of(&first))).await;
    assert_eq!(receipt["tier"], "verified");
    let (second, _) = vote_form(&server, &[ids[1]], &[("code", &code)], None, None).await;
    assert!(second.contains("error=code_used"), "{second}");
    let page = reqwest::get(server.url(&second))
        .await
        .expect("r")
        .text()
        .await
        .expect("b");
    assert!(page.contains("这个纸质投票码已经用过了"));
    let report = get_json(&server, &format!("/api/v1/cycles/{OPEN}/integrity")).await;
    assert_eq!(report["counted"]["verified"], 1);
}

#[tokio::test]
async fn a_solved_proof_counts_once_and_a_replay_is_refused() {
    let server = TestServer::start();
    let challenge = get_json(&server, &format!("/api/v1/cycles/{OPEN}/challenge")).await;
    let number = altcha_lib_rs::solve_challenge(
        challenge["challenge"].as_str().expect("challenge"),
        challenge["salt"].as_str().expect("salt"),
        None,
        challenge["maxnumber"].as_u64(),
        0,
    )
    .expect("solvable");
    let payload = json!({
        "algorithm": "SHA-256",
        "challenge": challenge["challenge"],
        "number": number,
        "salt": challenge["salt"],
        "signature": challenge["signature"],
    });
    use base64::Engine;
    let proof = base64::engine::general_purpose::STANDARD.encode(payload.to_string());
    let ids = candidates(&server).await;
    let send = || {
        client()
            .post(server.url(&format!("/api/v1/cycles/{OPEN}/ballots")))
            .json(&json!({ "picks": [ids[0]], "proof": proof }))
            .send()
    };
    let first = send().await.expect("post");
    assert_eq!(first.status(), 201);
    let body: Value = first.json().await.expect("json");
    assert_eq!(body["status"], "counted");
    let replay = send().await.expect("post");
    assert_eq!(replay.status(), 409);
    let body: Value = replay.json().await.expect("json");
    assert_eq!(body["error"], "replayed_proof");
    // A forged proof is refused and writes nothing (it would only fill the moderation queue).
    let forged = base64::engine::general_purpose::STANDARD.encode(
        json!({ "algorithm": "SHA-256", "challenge": "00", "number": 1, "salt": "x", "signature": "y" }).to_string(),
    );
    let res = client()
        .post(server.url(&format!("/api/v1/cycles/{OPEN}/ballots")))
        .header(header::ACCEPT_LANGUAGE, "zh-CN")
        .json(&json!({ "picks": [ids[0]], "proof": forged }))
        .send()
        .await
        .expect("post");
    assert_eq!(res.status(), 422);
    let body: Value = res.json().await.expect("json");
    assert_eq!(body["error"], "bad_proof");
    assert!(body["message"]
        .as_str()
        .expect("message")
        .contains("请再提交一次"));
    // From the form: back to the ballot with the message and the ticks kept.
    let (location, _) = vote_form(&server, &[ids[1]], &[("proof", &forged)], None, None).await;
    assert!(location.contains("error=bad_proof"), "{location}");
    assert!(
        location.contains(&format!("picked={}", ids[1])),
        "{location}"
    );
    let page = reqwest::get(server.url(&location))
        .await
        .expect("r")
        .text()
        .await
        .expect("b");
    assert!(page.contains("防刷校验没有通过"), "the reason is shown");
    assert_eq!(page.matches("checked").count(), 1, "the pick is kept");
    let report = get_json(&server, &format!("/api/v1/cycles/{OPEN}/integrity")).await;
    assert_eq!(report["cast"], 1, "only the solved ballot is recorded");
    assert_eq!(
        report["quarantined"],
        json!([]),
        "nothing held for a moderator"
    );
}

#[tokio::test]
async fn two_hundred_concurrent_voters_are_all_counted_exactly() {
    // Behind a proxy every connection comes from one address: no per-address connection cap.
    let server = TestServer::start_with_args(&[
        "--trusted-proxy-hops",
        "1",
        "--connections-per-client",
        "0",
    ]);
    let ids = candidates(&server).await;
    let before = approvals(&server, ids[0]).await;
    let mut tasks = Vec::new();
    for n in 0..200u32 {
        let url = server.url(&format!("/api/v1/cycles/{OPEN}/ballots"));
        let pick = ids[0];
        // Each voter from their own network, as the trusted proxy reports it.
        let ip = format!("10.{}.{}.7", n / 200, n % 200);
        tasks.push(tokio::spawn(async move {
            client()
                .post(url)
                .header("x-forwarded-for", ip)
                .json(&json!({ "picks": [pick] }))
                .send()
                .await
                .expect("post")
                .status()
                .as_u16()
        }));
    }
    for task in tasks {
        assert_eq!(task.await.expect("joined"), 201);
    }
    // One voter (one device) submitting twice at the same time: one ballot counts.
    let (_, device) = vote_form(&server, &[ids[1]], &[], None, Some("10.9.9.9")).await;
    let device = device.expect("device");
    let twice: Vec<_> = (0..2)
        .map(|_| {
            let url = server.url(&format!("/api/v1/cycles/{OPEN}/ballots"));
            let cookie = format!("dianca_device={device}");
            let pick = ids[2];
            tokio::spawn(async move {
                client()
                    .post(url)
                    .header(header::COOKIE, cookie)
                    .header("x-forwarded-for", "10.9.9.9")
                    .json(&json!({ "picks": [pick] }))
                    .send()
                    .await
                    .expect("post")
                    .status()
                    .as_u16()
            })
        })
        .collect();
    for task in twice {
        assert_eq!(task.await.expect("joined"), 201);
    }
    assert_eq!(approvals(&server, ids[0]).await, before + 200);
    let report = get_json(&server, &format!("/api/v1/cycles/{OPEN}/integrity")).await;
    assert_eq!(
        report["counted"]["unverified"], 201,
        "200 voters plus the one who voted three times"
    );
    assert_eq!(report["cast"], 203);
    assert_eq!(report["superseded"], 2);
    assert_eq!(report["recomputed_matches"], true);
}
