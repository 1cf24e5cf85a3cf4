//! Data-heavy pages at static speed (issue 32): a page request never sums the daily hotline
//! table — what is summed from it is computed once per data version — and a public page read by
//! many readers at once is rendered once a second, each copy with its reader's own CSP nonce.
// a test crate: a failure is a failed test
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support::TestServer;
use reqwest::header::{CONTENT_SECURITY_POLICY, COOKIE};
use std::time::Duration;

/// What the store logs (target `hotline_sums`, shown by the tests' servers) each time it sums
/// the daily table.
const SUMMED: &str = "summed the daily hotline table";

/// The first link in `html` that starts with `prefix`.
fn first_link(html: &str, prefix: &str) -> String {
    let at = html
        .find(&format!("href=\"{prefix}"))
        .unwrap_or_else(|| panic!("a link to {prefix}…"));
    let rest = &html[at + "href=\"".len()..];
    rest[..rest.find('"').expect("a closing quote")].to_string()
}

/// A page as a reader with a cookie of their own gets it: rendered from its data every time
/// (the rendered-page cache keeps nothing for such a reader).
async fn rendered(client: &reqwest::Client, server: &TestServer, path: &str) -> String {
    let res = client
        .get(server.url(path))
        .header(COOKIE, "reader=own")
        .send()
        .await
        .expect("request");
    assert_eq!(res.status(), 200, "{path}");
    let timing = res.headers().get("server-timing").cloned();
    assert!(
        timing.is_none_or(|t| !t.to_str().unwrap_or("").contains("kept")),
        "{path} was rendered, not kept"
    );
    res.text().await.expect("body")
}

#[tokio::test]
async fn a_page_request_never_sums_the_daily_hotline_table() {
    let server = TestServer::start();
    let client = reqwest::Client::new();
    let topic = rendered(&client, &server, "/topics/2026/11").await;
    let problem = first_link(&topic, "/problems/");
    let vote = rendered(&client, &server, "/vote").await;
    let cycle = first_link(&vote, "/vote/20");
    let ballot = rendered(&client, &server, &cycle).await;
    let candidate = first_link(&ballot, &format!("{cycle}/candidates/"));
    let pages = [
        "/".to_string(),
        "/topics/2026/11".to_string(),
        problem,
        "/hotline".to_string(),
        "/charts".to_string(),
        cycle,
        candidate,
        "/api/v1/hotline/ranking".to_string(),
    ];
    // The first reads after the data loaded sum what they show, once for this data version.
    for page in &pages {
        rendered(&client, &server, page).await;
    }
    let once = server.logged_eventually(SUMMED, 1);
    assert!(once > 0, "the figures were summed at least once");
    // Later requests, in a later second (a new key for the page data), read them from memory.
    tokio::time::sleep(Duration::from_millis(1100)).await;
    for page in &pages {
        rendered(&client, &server, page).await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        server.logged(SUMMED),
        once,
        "no page request sums the daily table again: {:?}",
        server
            .log_lines()
            .iter()
            .filter(|l| l.contains(SUMMED))
            .collect::<Vec<_>>()
    );
}

/// The nonce a `Content-Security-Policy` header allows.
fn header_nonce(policy: &str) -> String {
    let at = policy.find("'nonce-").expect("a nonce") + "'nonce-".len();
    policy[at..at + policy[at..].find('\'').expect("its end")].to_string()
}

#[tokio::test]
async fn a_kept_page_is_the_same_page_with_each_readers_own_nonce() {
    let server = TestServer::start();
    let client = reqwest::Client::new();
    let mut kept = 0;
    let mut bodies = Vec::new();
    for _ in 0..20 {
        let res = client
            .get(server.url("/topics/2026/11"))
            .header(COOKIE, "lang=en")
            .send()
            .await
            .expect("request");
        assert_eq!(res.status(), 200);
        let nonce = header_nonce(res.headers()[CONTENT_SECURITY_POLICY].to_str().unwrap());
        let timing = res.headers()["server-timing"].to_str().unwrap().to_string();
        kept += usize::from(timing.contains("kept"));
        let body = res.text().await.expect("body");
        assert!(body.contains("<html lang=\"en\""), "the reader's language");
        assert!(
            body.contains(&format!("nonce=\"{nonce}\"")),
            "the page's scripts carry this response's nonce"
        );
        bodies.push(body.replace(&nonce, "NONCE"));
    }
    assert!(
        kept > 0,
        "twenty reads in a row find the page kept at least once"
    );
    // Within one second, every copy is the same page; across a second's edge it is rendered
    // again and may differ only if the data did (here it did not).
    assert!(
        bodies.windows(2).all(|w| w[0] == w[1]),
        "the same page each time"
    );
    let zh = client
        .get(server.url("/topics/2026/11"))
        .send()
        .await
        .expect("request")
        .text()
        .await
        .expect("body");
    assert!(
        zh.contains("<html lang=\"zh-CN\""),
        "another language, another page"
    );
}
