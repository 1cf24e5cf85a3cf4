//! Several servers in one process, as the tests run them: one server starting must never
//! stall the pages another is rendering.
// a test crate: a failure is a failed test
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support::TestServer;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// Pages whose data comes from resources, the ones a start-up could park (leptos#4773).
const PAGES: [&str; 3] = ["/", "/topics/2026/11", "/years/2024"];

/// A second router generating its route list used to park every resource first polled
/// meanwhile in *any* server of the process, so a page request here never answered.
#[test]
fn pages_keep_answering_while_another_server_starts() {
    let first = TestServer::start();
    let base = first.base.clone();
    let starting = Arc::new(AtomicBool::new(true));
    let still_starting = starting.clone();
    let answered = std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime");
        runtime.block_on(async move {
            let client = reqwest::Client::builder()
                // A parked page never answers: far longer than any page takes here.
                .timeout(Duration::from_secs(20))
                .build()
                .expect("a client");
            let mut answered = 0usize;
            while still_starting.load(Ordering::Relaxed) {
                for page in PAGES {
                    let res = client.get(format!("{base}{page}")).send().await;
                    let res = res.unwrap_or_else(|e| panic!("{page} did not answer: {e}"));
                    assert_eq!(res.status(), reqwest::StatusCode::OK, "{page}");
                    res.text().await.expect("a body");
                    answered += 1;
                }
            }
            answered
        })
    });
    for _ in 0..60 {
        drop(TestServer::start_on_url(&first.database_url, &[]));
    }
    starting.store(false, Ordering::Relaxed);
    let answered = answered.join().expect("every page answered");
    assert!(answered >= PAGES.len(), "pages were requested meanwhile");
}
