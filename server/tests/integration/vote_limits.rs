//! Limits over real HTTP: one network cannot flood ballots, a forged `X-Forwarded-For` does not
//! help when no proxy is trusted, and an overlong suggestion is refused with what was typed.
// a test crate: a failure is a failed test
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support;

use reqwest::{header, redirect::Policy, Client, StatusCode};
use serde_json::{json, Value};
use support::TestServer;

fn client() -> Client {
    Client::builder()
        .redirect(Policy::none())
        .build()
        .expect("client")
}

#[tokio::test]
async fn one_network_without_proofs_is_limited_and_forwarded_for_is_not_believed() {
    let server = TestServer::start();
    let cycle: Value = reqwest::get(server.url("/api/v1/cycles/2027-annual"))
        .await
        .expect("r")
        .json()
        .await
        .expect("json");
    let pick = cycle["candidates"][0]["id"].as_i64().expect("id");
    let mut statuses = Vec::new();
    for n in 0..14 {
        let res = client()
            .post(server.url("/api/v1/cycles/2027-annual/ballots"))
            // A client claiming to be elsewhere: ignored, no proxy is trusted.
            .header("x-forwarded-for", format!("203.0.{n}.1"))
            .header(header::ACCEPT_LANGUAGE, "zh-CN")
            .json(&json!({ "picks": [pick] }))
            .send()
            .await
            .expect("post");
        statuses.push(res.status());
        if res.status() == StatusCode::TOO_MANY_REQUESTS {
            let body: Value = res.json().await.expect("json");
            assert_eq!(body["error"], "rate_limited");
            assert!(body["message"]
                .as_str()
                .expect("message")
                .contains("太频繁"));
        }
    }
    let accepted = statuses
        .iter()
        .filter(|s| **s == StatusCode::CREATED)
        .count();
    assert_eq!(
        accepted, 12,
        "the no-JS limit per network per minute: {statuses:?}"
    );
    assert_eq!(statuses[12], StatusCode::TOO_MANY_REQUESTS);
    let report: Value = reqwest::get(server.url("/api/v1/cycles/2027-annual/integrity"))
        .await
        .expect("r")
        .json()
        .await
        .expect("json");
    assert_eq!(report["cast"], 12, "refused ballots write nothing");
}

#[tokio::test]
async fn an_overlong_suggestion_is_refused_and_what_was_typed_comes_back() {
    let server = TestServer::start();
    let title = "长".repeat(61);
    let res = client()
        .post(server.url("/suggest"))
        .form(&[
            ("title", title.as_str()),
            ("description", "小区门口的路灯坏了三个月，晚上很黑。"),
            ("district", "朝阳区"),
            ("category", "市容环境"),
            ("website", ""),
        ])
        .send()
        .await
        .expect("post");
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let location = res.headers()[header::LOCATION]
        .to_str()
        .expect("ascii")
        .to_string();
    assert!(location.starts_with("/suggest?error=title"), "{location}");
    let page = reqwest::get(server.url(&location))
        .await
        .expect("r")
        .text()
        .await
        .expect("b");
    assert!(page.contains("“问题”需要 2 到 60 个字。"));
    assert!(
        page.contains("小区门口的路灯坏了三个月"),
        "the details typed are kept"
    );
    assert!(
        page.contains("value=\"朝阳区\" selected"),
        "the district stays chosen"
    );
}
