//! A repost is 转载（待核实） wherever a chart cites it (issue 31 §4): in the API's sources, the
//! chart's source line (page, embed, PNG) and the CSV, in both languages — never "primary".
// a test crate: a failure is a failed test
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support::TestServer;
use serde_json::Value;

async fn get(server: &TestServer, path: &str) -> reqwest::Response {
    reqwest::get(server.url(path)).await.expect("request")
}

const COPY_SITES: [&str; 3] = ["tellerreport.com", "rexun.cn", "eeju.com"];

#[tokio::test]
async fn the_per_year_chart_flags_every_repost_it_cites() {
    let server = TestServer::start();
    let doc: Value = get(&server, "/api/v1/charts/problems-per-year")
        .await
        .json()
        .await
        .expect("json");
    let sources = doc["data"]["sources"].as_array().expect("sources");
    let copies: Vec<&Value> = sources
        .iter()
        .filter(|s| {
            s["url"]
                .as_str()
                .is_some_and(|u| COPY_SITES.iter().any(|site| u.contains(site)))
        })
        .collect();
    assert!(
        !copies.is_empty(),
        "the chart cites the copy sites the issue names"
    );
    for s in &copies {
        assert_eq!(s["kind"], "repost", "{s}");
    }
    let line = doc["source"].as_str().expect("source line");
    assert!(line.contains("tellerreport.com 转载（待核实）"), "{line}");
    let en: Value = get(&server, "/api/v1/charts/problems-per-year?lang=en")
        .await
        .json()
        .await
        .expect("json");
    let line = en["source"].as_str().expect("source line");
    assert!(
        line.contains("tellerreport.com repost (unverified)"),
        "{line}"
    );
    let csv = get(&server, "/charts/problems-per-year.csv")
        .await
        .text()
        .await
        .expect("csv");
    assert!(csv.contains("转载（待核实）"), "the CSV flags reposts");
    let embed = get(&server, "/embed/charts/problems-per-year")
        .await
        .text()
        .await
        .expect("embed");
    assert!(
        embed.contains("转载（待核实）"),
        "the embed's source line flags reposts"
    );
}
