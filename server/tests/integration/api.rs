//! The open-data API, its OpenAPI document, CSV downloads and the Atom feed, over real HTTP.
// a test crate: a failure is a failed test
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support;

use reqwest::StatusCode;
use support::TestServer;

/// The addresses a documented path stands for: each path parameter replaced by its example,
/// or by every value it allows when it is a list of values (`list`: tasks, tasks.csv, ...).
fn documented_urls(path: &str, op: &serde_json::Value) -> Vec<String> {
    let mut urls = vec![path.to_string()];
    let params = op["parameters"].as_array().cloned().unwrap_or_default();
    for param in params.iter().filter(|p| p["in"] == "path") {
        let name = param["name"].as_str().expect("name");
        let values: Vec<String> = match param["schema"]["enum"].as_array() {
            Some(values) => values
                .iter()
                .map(|v| v.as_str().expect("token").into())
                .collect(),
            None => vec![param["example"]
                .as_str()
                .expect("every path parameter has an example")
                .to_string()],
        };
        urls = urls
            .iter()
            .flat_map(|url| {
                values
                    .iter()
                    .map(move |v| url.replace(&format!("{{{name}}}"), v))
            })
            .collect();
    }
    urls
}

#[tokio::test]
async fn every_documented_endpoint_answers_as_documented() {
    let server = TestServer::start();
    let spec: serde_json::Value = reqwest::get(server.url("/api/openapi.json"))
        .await
        .expect("request")
        .json()
        .await
        .expect("OpenAPI is JSON");
    assert_eq!(spec["openapi"], "3.1.0");
    let paths = spec["paths"].as_object().expect("paths");
    assert!(
        paths.len() >= 15,
        "years, problems, policies, topics, lists, cycles, ballots, receipts, charts, hotline"
    );
    let mut answered = 0;
    for (path, item) in paths {
        // Writes are documented too (ballots); the voting tests exercise them.
        let Some(op) = item.get("get") else {
            assert!(item.get("post").is_some(), "{path} documents an operation");
            continue;
        };
        let content = op["responses"]["200"]["content"]
            .as_object()
            .expect("a documented answer");
        for url in documented_urls(path, op) {
            let res = reqwest::get(server.url(&url)).await.expect("request");
            assert_eq!(res.status(), StatusCode::OK, "{url}");
            let actual = res.headers()["content-type"]
                .to_str()
                .expect("ascii")
                .to_string();
            let (documented, media) = content
                .iter()
                .find(|(ct, _)| actual.starts_with(ct.as_str()))
                .unwrap_or_else(|| panic!("{url}: {actual} is not documented"));
            let body = res.bytes().await.expect("body");
            if documented == "application/json" {
                let value: serde_json::Value = serde_json::from_slice(&body).expect("valid JSON");
                let schema = match media["schema"]["$ref"].as_str() {
                    Some(name) => {
                        &spec["components"]["schemas"][name.rsplit('/').next().expect("name")]
                    }
                    None => &media["schema"],
                };
                if let Some(kind) = schema["type"].as_str() {
                    assert_eq!(
                        value.is_array(),
                        kind == "array",
                        "{url} has its schema's shape"
                    );
                }
            }
            answered += 1;
        }
    }
    assert!(answered >= 19, "every list in both forms: {answered}");
}

#[tokio::test]
async fn json_carries_provenance_and_sample_flags() {
    let server = TestServer::start();
    let years: serde_json::Value = reqwest::get(server.url("/api/v1/years"))
        .await
        .expect("r")
        .json()
        .await
        .expect("json");
    let counts: Vec<i64> = years
        .as_array()
        .expect("array")
        .iter()
        .map(|y| y["problem_count"].as_i64().expect("count"))
        .collect();
    assert_eq!(counts, vec![27, 17, 18, 13, 13, 11]);
    let y2024: serde_json::Value = reqwest::get(server.url("/api/v1/years/2024"))
        .await
        .expect("r")
        .json()
        .await
        .expect("json");
    assert_eq!(y2024["problems"].as_array().expect("problems").len(), 13);
    let topic: serde_json::Value = reqwest::get(server.url("/api/v1/topics/2026/11"))
        .await
        .expect("r")
        .json()
        .await
        .expect("json");
    assert_eq!(topic["topic"]["is_sample"], true);
    assert!(topic["tasks"]
        .as_array()
        .expect("tasks")
        .iter()
        .all(|t| t["is_sample"] == true));
    let missing = reqwest::get(server.url("/api/v1/years/1999"))
        .await
        .expect("r");
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    let body: serde_json::Value = missing.json().await.expect("JSON error");
    assert_eq!(body["error"], "not_found");
    let bad = reqwest::get(server.url("/api/v1/topics/2026/11/secrets.csv"))
        .await
        .expect("r");
    assert_eq!(bad.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn csv_downloads_open_in_excel() {
    let server = TestServer::start();
    let res = reqwest::get(server.url("/api/v1/topics/2026/11/tasks.csv"))
        .await
        .expect("r");
    assert!(res.headers()["content-disposition"]
        .to_str()
        .expect("ascii")
        .contains("2026-11-tasks.csv"));
    let bytes = res.bytes().await.expect("body");
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "UTF-8 byte-order mark");
    let text = std::str::from_utf8(&bytes[3..]).expect("UTF-8");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 12);
    assert!(
        rows.iter().any(|r| &r[6] == "true"),
        "an overdue task is marked"
    );
    assert!(rows.iter().all(|r| &r[7] == "sample"));
    assert_eq!(reader.headers().expect("headers").get(0), Some("title"));

    // The topic page's link, in the page's language: words, not tokens (issue 34).
    for (lang, header, status, yes) in [
        ("zh-CN", "任务", "已逾期", "是"),
        ("en", "Task", "Overdue", "yes"),
    ] {
        let text =
            reqwest::get(server.url(&format!("/api/v1/topics/2026/11/tasks.csv?lang={lang}")))
                .await
                .expect("r")
                .text()
                .await
                .expect("body");
        let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        assert_eq!(reader.headers().expect("headers").get(0), Some(header));
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
        assert_eq!(rows.len(), 12, "{lang}: the same rows");
        assert!(
            rows.iter().any(|r| &r[5] == status && &r[6] == yes),
            "{lang}: an overdue task in words"
        );
        assert!(
            rows.iter().all(|r| r
                .iter()
                .all(|c| c != "true" && c != "sample" && c != "overdue")),
            "{lang}: no token left"
        );
    }
    let bad = reqwest::get(server.url("/api/v1/topics/2026/11/tasks.csv?lang=fr"))
        .await
        .expect("r");
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn the_atom_feed_lists_topics_policies_and_reports() {
    let server = TestServer::start();
    let res = reqwest::get(server.url("/feed.atom")).await.expect("r");
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers()["content-type"]
        .to_str()
        .expect("ascii")
        .starts_with("application/atom+xml"));
    let xml = res.text().await.expect("body");
    assert!(xml.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\""));
    assert!(xml.contains("每月一题 2026年11月：冬季供暖与室温保障"));
    assert!(xml.contains("政策：北京市单用途预付卡管理条例"));
    assert!(xml.contains("进展：室温整改推进，农村设备巡检过半"));
    let first = xml.find("<entry>").expect("entries");
    assert!(xml[first..].contains("2026-11-25"), "newest entry first");
}
