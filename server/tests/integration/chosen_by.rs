//! 由投票选出 (issue 37): a month's topic says which round's vote chose it, linking back to the
//! round and to the candidate it was, with the candidate's approvals by tier — the same figures
//! the round's own page and API publish.
// a test crate: a failure is a failed test
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support::TestServer;
use serde_json::Value;

async fn json(server: &TestServer, path: &str) -> Value {
    reqwest::get(server.url(path))
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_topic_links_back_to_the_round_and_candidate_that_chose_it_with_its_votes() {
    let server = TestServer::start();
    let round = json(&server, "/api/v1/cycles/2026-winter").await;
    let winner = round["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| !c["became"].is_null())
        .expect("the demo round's winner")
        .clone();
    let (year, month) = (
        winner["became"]["key"]["year"].as_i64().unwrap(),
        winner["became"]["key"]["month"].as_i64().unwrap(),
    );
    let topic = json(&server, &format!("/api/v1/topics/{year}/{month}")).await;
    let chosen = topic["chosen_by"]
        .as_array()
        .unwrap_or_else(|| panic!("chosen_by: {topic}"));
    assert_eq!(chosen.len(), 1, "{topic}");
    assert_eq!(chosen[0]["cycle_slug"], "2026-winter");
    assert_eq!(chosen[0]["candidate_id"], winner["id"]);
    assert_eq!(chosen[0]["candidate_title"], winner["title"]);
    // The same approvals, by tier, as the round publishes for that candidate.
    assert!(!winner["tally"].is_null(), "{winner}");
    assert_eq!(chosen[0]["tally"], winner["tally"]);
    assert_eq!(chosen[0]["is_sample"], true);

    // The page says it in words, with both links; a topic no round chose has no such section.
    let page = reqwest::get(server.url(&format!("/topics/{year}/{month}")))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let at = page.find("id=\"chosen-by\"").expect("the section");
    let section = &page[at..at + page[at..].find("</section>").unwrap()];
    assert!(
        section.contains("由市民投票选出")
            && section.contains("href=\"/vote/2026-winter\"")
            && section.contains(&format!(
                "href=\"/vote/2026-winter/candidates/{}\"",
                winner["id"]
            ))
            && section.contains("人支持"),
        "{section}"
    );
}
