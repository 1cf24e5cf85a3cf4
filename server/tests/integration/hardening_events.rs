//! Issue 14, point 12: CSP violations are reported and security events are logged. Browsers'
//! reports (both formats) are accepted at `/csp-report`, logged with a stable `event=` field,
//! and limited per network; the policy names the endpoint; a refused cross-site write and a
//! refused bad proof of work are events too (sign-in failures and held ballots are checked in
//! hardening_signin.rs and hardening_ballots.rs).
// a test crate: a failure is a failed test
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support;

use reqwest::{header, Client, StatusCode};
use serde_json::json;
use support::TestServer;

#[tokio::test]
async fn csp_reports_are_accepted_logged_and_rate_limited() {
    let server = TestServer::start();
    let page = reqwest::get(server.url("/")).await.expect("r");
    let csp = page.headers()[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .expect("ascii")
        .to_string();
    assert!(csp.contains("report-uri /csp-report"), "{csp}");
    assert!(csp.contains("report-to csp-endpoint"), "{csp}");
    assert_eq!(
        page.headers()["reporting-endpoints"],
        "csp-endpoint=\"/csp-report\""
    );

    let client = Client::new();
    let old_form = json!({ "csp-report": {
        "document-uri": "http://127.0.0.1/topics/2026/11",
        "violated-directive": "script-src-elem",
        "blocked-uri": "https://evil.example/x.js"
    }});
    let res = client
        .post(server.url("/csp-report"))
        .header(header::CONTENT_TYPE, "application/csp-report")
        .body(old_form.to_string())
        .send()
        .await
        .expect("post");
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let new_form = json!([{ "type": "csp-violation", "url": "http://127.0.0.1/", "body": {
        "documentURL": "http://127.0.0.1/", "effectiveDirective": "img-src",
        "blockedURL": "https://tracker.example/p.gif"
    }}]);
    let res = client
        .post(server.url("/csp-report"))
        .header(header::CONTENT_TYPE, "application/reports+json")
        .body(new_form.to_string())
        .send()
        .await
        .expect("post");
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let res = client
        .post(server.url("/csp-report"))
        .body("not a report")
        .send()
        .await
        .expect("post");
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);

    let mut limited = 0;
    for _ in 0..30 {
        let res = client
            .post(server.url("/csp-report"))
            .header(header::CONTENT_TYPE, "application/csp-report")
            .body(old_form.to_string())
            .send()
            .await
            .expect("post");
        if res.status() == StatusCode::TOO_MANY_REQUESTS {
            limited += 1;
        }
    }
    assert_eq!(limited, 30 + 3 - 20, "twenty reports a minute per network");
    assert!(server.logged_eventually("event=csp_violation", 2) >= 2);
    assert!(server.logged_eventually("blocked=https://evil.example/x.js", 1) >= 1);
    assert!(server.logged_eventually("event=csp_reports_limited", 1) >= 1);
    // An oversized body is not read.
    let res = client
        .post(server.url("/csp-report"))
        .body("x".repeat(64 * 1024))
        .send()
        .await
        .expect("post");
    assert!(res.status().is_client_error(), "{}", res.status());
}

#[tokio::test]
async fn refused_cross_site_writes_and_bad_proofs_are_security_events() {
    let server = TestServer::start();
    let res = Client::new()
        .post(server.url("/suggest"))
        .header(header::ORIGIN, "https://evil.example")
        .form(&[("title", "路灯不亮")])
        .send()
        .await
        .expect("post");
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(server.logged_eventually("event=csrf_refused", 1), 1);
    // A same-site write that fails for its own reasons is not a CSRF event.
    let res = Client::new()
        .post(server.url("/suggest/999999/support"))
        .send()
        .await
        .expect("post");
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let cycle: serde_json::Value = reqwest::get(server.url("/api/v1/cycles/2027-annual"))
        .await
        .expect("r")
        .json()
        .await
        .expect("json");
    let pick = cycle["candidates"][0]["id"].as_i64().expect("id");
    let res = Client::new()
        .post(server.url("/api/v1/cycles/2027-annual/ballots"))
        .json(&json!({ "picks": [pick], "proof": support::proof::forged() }))
        .send()
        .await
        .expect("post");
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(server.logged_eventually("event=csrf_refused", 1), 1);
    assert_eq!(server.logged_eventually("event=bad_proof", 1), 1);
}
