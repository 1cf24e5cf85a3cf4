//! Charts never present what is not over as if it were (issue 31 §2): the month the hotline
//! data is still in is left out of a problem's charts, an open vote's chart says it is a live
//! count, and the running year's bar says it is not over — in the JSON, the CSV and every
//! language.
// a test crate: a failure is a failed test
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support::TestServer;
use serde_json::Value;

async fn json(server: &TestServer, path: &str) -> Value {
    reqwest::get(server.url(path))
        .await
        .expect("request")
        .json()
        .await
        .expect("json")
}

async fn text(server: &TestServer, path: &str) -> String {
    reqwest::get(server.url(path))
        .await
        .expect("request")
        .text()
        .await
        .expect("text")
}

/// Today in Beijing, as the demo's hotline data (which ends yesterday) was generated.
fn beijing_today() -> jiff::civil::Date {
    jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::fixed(jiff::tz::Offset::constant(8)))
        .date()
}

#[tokio::test]
async fn a_problem_chart_leaves_out_the_month_the_data_is_still_in() {
    let server = TestServer::start();
    let today = beijing_today();
    // The data ends yesterday: this month has at most a few days (none on the 1st).
    let month = format!("{:04}-{:02}", today.year(), today.month());
    let list = json(&server, "/api/v1/charts").await;
    let problem_charts: Vec<String> = list
        .as_array()
        .expect("list")
        .iter()
        .filter(|c| {
            c["kind"]
                .as_str()
                .is_some_and(|k| k == "problem_volume" || k == "problem_rates")
        })
        .filter_map(|c| c["id"].as_str().map(str::to_string))
        .collect();
    assert!(!problem_charts.is_empty(), "the demo has problem charts");
    for id in problem_charts {
        let doc = json(&server, &format!("/api/v1/charts/{id}")).await;
        let categories: Vec<&str> = doc["data"]["categories"]
            .as_array()
            .expect("categories")
            .iter()
            .filter_map(Value::as_str)
            .collect();
        assert!(
            categories.iter().all(|c| *c < month.as_str()),
            "{id}: {month} is not over, yet drawn: {categories:?}"
        );
        let as_of = doc["data"]["as_of"].as_str().expect("as_of");
        assert!(
            as_of < format!("{month}-01").as_str(),
            "{id}: the figures are as of the end of the last whole month, not {as_of}"
        );
        let csv = text(&server, &format!("/charts/{id}.csv")).await;
        assert!(
            !csv.lines().any(|l| l.starts_with(&month)),
            "{id}: the CSV has no row for {month}"
        );
    }
}

#[tokio::test]
async fn an_open_votes_chart_says_it_is_a_live_count_not_a_result() {
    let server = TestServer::start();
    let id = "cycle-2027-annual-votes";
    let doc = json(&server, &format!("/api/v1/charts/{id}")).await;
    assert_eq!(doc["data"]["ongoing"]["kind"], "vote_open");
    let title = doc["title"].as_str().expect("title");
    assert!(title.contains("目前票数（投票进行中，"), "{title}");
    assert!(!title.contains("投票结果"), "{title}");
    let takeaway = doc["takeaway"].as_str().expect("takeaway");
    assert!(
        takeaway.starts_with("投票仍在进行（") && takeaway.contains("这不是最终结果。"),
        "{takeaway}"
    );
    let csv = text(&server, &format!("/charts/{id}.csv")).await;
    assert!(csv.contains("投票进行中"), "the CSV's title column says so");
    let en = json(&server, &format!("/api/v1/charts/{id}?lang=en")).await;
    let title = en["title"].as_str().expect("title");
    assert!(
        title.contains("votes so far (voting open until "),
        "{title}"
    );

    // A closed cycle's chart is a result, and says nothing of the kind.
    let closed = json(&server, "/api/v1/charts/cycle-2026-winter-votes").await;
    if closed["data"].is_object() {
        assert!(closed["data"]["ongoing"].is_null());
        assert!(closed["title"].as_str().expect("t").contains("投票结果"));
    }
}

#[tokio::test]
async fn the_running_years_bar_says_the_year_is_not_over() {
    let server = TestServer::start();
    let year = beijing_today().year().to_string();
    let doc = json(&server, "/api/v1/charts/problems-per-year").await;
    let categories = doc["data"]["categories"].as_array().expect("categories");
    assert_eq!(
        categories.last().and_then(Value::as_str),
        Some(year.as_str()),
        "the demo's facts reach the running year"
    );
    let title = doc["title"].as_str().expect("title");
    assert!(title.ends_with(&format!("（{year}年未结束）")), "{title}");
    let takeaway = doc["takeaway"].as_str().expect("takeaway");
    assert!(
        takeaway.ends_with(&format!("{year}年尚未结束，数字还会变化。")),
        "{takeaway}"
    );
    // The embed's footer dates the figures in the reader's language, not as ISO text.
    let today = beijing_today();
    let embed = text(&server, "/embed/charts/problems-per-year").await;
    let day = format!("{}年{}月{}日", today.year(), today.month(), today.day());
    assert!(embed.contains(&day), "the embed's date reads {day}");
}
