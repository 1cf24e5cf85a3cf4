//! Hotline evidence over real HTTP: the public ranking follows the weights staff save, a ranked
//! class becomes a candidate with the engine's evidence in one action, and the demo's topic
//! outcomes and candidates come from the imported aggregates.
// a test crate: a failure is a failed test
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support;

use support::staff::*;
use support::TestServer;

async fn text(server: &TestServer, path: &str) -> String {
    reqwest::get(server.url(path))
        .await
        .expect("r")
        .text()
        .await
        .expect("b")
}

/// The classes of a ranking page, in order.
fn classes(page: &str) -> Vec<String> {
    page.split("<span class=\"rank\">")
        .skip(1)
        .filter_map(|s| {
            let after = s.split_once("</span>")?.1;
            Some(after.split_once("</h3>")?.0.to_string())
        })
        .collect()
}

async fn post_staff(
    server: &TestServer,
    token: &str,
    name: &str,
    form: &[(&str, &str)],
) -> reqwest::Response {
    post_beside(
        server,
        token,
        ("/staff/hotline", "save_hotline_weights"),
        name,
        form,
    )
    .await
}

#[tokio::test]
async fn staff_weights_reorder_the_public_ranking() {
    let server = TestServer::start_with_staff(&[EDITOR, HEAT]);
    let before = classes(&text(&server, "/hotline").await);
    assert!(before.len() >= 20, "every class is ranked: {before:?}");
    let token = login(&server, "editor", EDITOR.3).await.expect("signed in");
    let weights = |v: &'static str, r: &'static str| {
        [
            ("volume", v),
            ("growth", "0"),
            ("spread", "0"),
            ("dissatisfaction", "0"),
            ("reopen", r),
        ]
    };
    let res = post_staff(&server, &token, "save_hotline_weights", &weights("0", "1")).await;
    assert_eq!(location(&res), "/staff/hotline?done=weights_saved");
    let page = text(&server, "/hotline").await;
    assert!(page.contains("重复诉求 100%"), "the weights are shown");
    let after = classes(&page);
    assert_ne!(before, after, "reopen rate alone orders differently");
    // Volume alone: the class with the most requests leads.
    post_staff(&server, &token, "save_hotline_weights", &weights("1", "0")).await;
    let by_volume = text(&server, "/api/v1/hotline/ranking?days=30").await;
    let json: serde_json::Value = serde_json::from_str(&by_volume).expect("json");
    let volumes: Vec<i64> = json["classes"]
        .as_array()
        .expect("classes")
        .iter()
        .map(|c| c["volume"].as_i64().expect("volume"))
        .collect();
    assert!(volumes.windows(2).all(|w| w[0] >= w[1]), "{volumes:?}");

    for bad in [
        weights("x", "1"),
        weights("0", "0"),
        weights("-1", "1"),
        weights("11", "1"),
    ] {
        let res = post_staff(&server, &token, "save_hotline_weights", &bad).await;
        assert_eq!(
            location(&res),
            "/staff/hotline?error=invalid_weights",
            "{bad:?}"
        );
    }
    let page = text(&server, "/hotline").await;
    assert!(page.contains("诉求量 100%"), "bad weights change nothing");

    let heat = login(&server, "heat", HEAT.3).await.expect("signed in");
    assert_eq!(status_as(&server, "/staff/hotline", Some(&heat)).await, 403);
    let res = post_beside(
        &server,
        &token,
        ("/staff/hotline", "save_hotline_weights"),
        "save_hotline_weights",
        &weights("1", "1"),
    )
    .await;
    assert_eq!(location(&res), "/staff/hotline?done=weights_saved");
    let url = action_on(&server, "/staff/hotline", &token, "save_hotline_weights").await;
    let res = client()
        .post(url)
        .header(reqwest::header::ACCEPT, "text/html")
        .header(reqwest::header::COOKIE, format!("dianca_session={heat}"))
        .form(&weights("0", "1"))
        .send()
        .await
        .expect("post");
    assert_eq!(location(&res), "/staff/hotline?error=forbidden");
}

#[tokio::test]
async fn a_ranked_class_becomes_a_candidate_with_engine_evidence() {
    let server = TestServer::start_with_staff(&[EDITOR]);
    let token = login(&server, "editor", EDITOR.3).await.expect("signed in");
    let top = classes(&text(&server, "/hotline").await)
        .into_iter()
        .next()
        .expect("a ranked class");
    let (level1, level2) = top.split_once('·').expect("level1·level2");
    let promote = |cycle: &'static str, l2: String| {
        vec![
            ("cycle", cycle.to_string()),
            ("level1", level1.to_string()),
            ("level2", l2),
            ("title", "测试：热线排名第一的问题".to_string()),
            ("description", "由热线排名直接生成的候选议题。".to_string()),
        ]
    };
    let form = |f: &Vec<(&'static str, String)>| {
        f.iter()
            .map(|(k, v)| (*k, v.clone()))
            .collect::<Vec<(&str, String)>>()
    };
    let send = |f: Vec<(&'static str, String)>| {
        let server = &server;
        let token = token.clone();
        async move {
            let pairs = form(&f);
            let refs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
            location(&post_staff(server, &token, "promote_hotline_class", &refs).await)
        }
    };
    assert_eq!(
        send(promote("2027-annual", level2.to_string())).await,
        "/staff/hotline?error=invalid_frozen",
        "an open cycle's candidates are fixed"
    );
    assert_eq!(
        send(promote("2027-spring", "没有这一类".to_string())).await,
        "/staff/hotline?error=invalid_class"
    );
    assert_eq!(
        send(promote("2027-spring", level2.to_string())).await,
        "/staff/hotline?done=candidate_added"
    );
    let cycle = text(&server, "/vote/2027-spring").await;
    assert!(cycle.contains("测试：热线排名第一的问题"));
    let marker = "/vote/2027-spring/candidates/";
    let id: String = cycle
        .rsplit(marker)
        .next()
        .expect("a candidate link")
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    let page = text(&server, &format!("{marker}{id}")).await;
    assert!(
        page.contains(&format!("12345热线“{top}”类诉求")),
        "the engine's summary"
    );
    assert!(
        page.contains("个问题类别中排第"),
        "its place in the ranking"
    );
    for view in ["trend", "districts", "rates"] {
        assert!(
            page.contains(&format!("/charts/candidate-{id}-{view}")),
            "{view} chart on the candidate page"
        );
    }
    assert!(page.matches("<svg").count() >= 3, "drawn on the server");
}

#[tokio::test]
async fn demo_outcomes_and_candidates_come_from_the_aggregates() {
    let server = TestServer::start_with_staff(&[EDITOR]);
    let topic: serde_json::Value =
        serde_json::from_str(&text(&server, "/api/v1/topics/2026/11").await).expect("topic json");
    let problem = topic["problems"][0]["problem"]["id"]
        .as_i64()
        .expect("a problem id");
    let chart: serde_json::Value = serde_json::from_str(
        &text(&server, &format!("/charts/problem-{problem}-volume.json")).await,
    )
    .expect("chart json");
    assert_eq!(
        chart["data"]["sample"], true,
        "generated records are sample data"
    );
    assert_eq!(chart["data"]["marker"], "2026-11");
    let months = chart["data"]["categories"].as_array().expect("months");
    assert_eq!(months.first().and_then(|m| m.as_str()), Some("2025-11"));
    let requests: Vec<f64> = chart["data"]["series"][0]["values"]
        .as_array()
        .expect("values")
        .iter()
        .map(|v| v.as_f64().expect("number"))
        .collect();
    assert!(requests.iter().all(|v| *v > 0.0), "{requests:?}");
    let winter: f64 = requests[1..4].iter().sum(); // Dec–Feb
    let summer: f64 = requests[7..10].iter().sum(); // Jun–Aug
    assert!(
        winter > summer * 2.0,
        "heating peaks in winter: {requests:?}"
    );

    let cycle = text(&server, "/vote/2027-annual").await;
    // The ballot shows each candidate's evidence card from the aggregates, badged sample.
    assert!(
        cycle.contains("近30天12345热线诉求")
            && cycle.contains("12345热线收到这类诉求")
            && cycle.contains("示例数据"),
        "the evidence card"
    );
    let catalog = text(&server, "/api/v1/charts").await;
    assert!(
        catalog.contains("-districts\""),
        "candidate charts are listed"
    );
}

#[tokio::test]
async fn an_editor_links_a_problem_to_a_class_and_its_outcome_follows() {
    let server = TestServer::start_with_staff(&[EDITOR]);
    let token = login(&server, "editor", EDITOR.3).await.expect("signed in");
    let topic: serde_json::Value =
        serde_json::from_str(&text(&server, "/api/v1/topics/2026/11").await).expect("json");
    let topic_id = topic["topic"]["id"].as_i64().expect("topic id").to_string();
    let problem = topic["problems"][1]["problem"]["id"]
        .as_i64()
        .expect("problem id");
    let page = format!("/staff/topics/{topic_id}");
    let link = |class: &'static str| {
        let (server, token, page) = (&server, token.clone(), page.clone());
        let (topic_id, problem) = (topic_id.clone(), problem.to_string());
        async move {
            let res = post_beside(
                server,
                &token,
                (&page, "link_problem_class"),
                "link_problem_class",
                &[
                    ("topic_id", &topic_id),
                    ("problem_id", &problem),
                    ("class", class),
                ],
            )
            .await;
            location(&res)
        }
    };
    let chart = format!("/charts/problem-{problem}-volume.json");
    let status = || async { reqwest::get(server.url(&chart)).await.expect("r").status() };
    assert_eq!(status().await, 200, "the demo links it to heating");
    assert!(link("").await.ends_with("?done=item_saved"));
    assert_eq!(status().await, 404, "no class, no outcome chart");
    assert!(link("没有·这一类").await.ends_with("?error=invalid_class"));
    assert!(link("交通管理·停车").await.ends_with("?done=item_saved"));
    let json: serde_json::Value =
        serde_json::from_str(&text(&server, &chart).await).expect("chart json");
    let parking: f64 = json["data"]["series"][0]["values"]
        .as_array()
        .expect("values")
        .iter()
        .map(|v| v.as_f64().expect("n"))
        .sum();
    assert!(parking > 0.0);
    let editor_page = get_as(&server, &page, &token).await;
    assert!(
        editor_page.contains("value=\"交通管理·停车\" selected"),
        "the editor shows the link"
    );
}
