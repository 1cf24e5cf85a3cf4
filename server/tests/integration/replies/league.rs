//! 答复排行榜 over the demo's replies: the league's order and figures match what this test
//! computes on its own from the public replies (the board and each reply's ratings); the CSV
//! carries the same lines; the page shows them with the sample label.

use super::*;
use app::model::working_days::working_days_between;
use jiff::civil::Date;

/// One department's figures, counted here from the replies.
#[derive(Debug, Default)]
struct Expected {
    owed: u32,
    answered: u32,
    on_time: u32,
    days: Vec<i64>,
    solved: Vec<u32>,
}

fn date(v: &serde_json::Value) -> Date {
    v.as_str().unwrap()[..10].parse().unwrap()
}

fn pct(part: u32, whole: u32) -> f64 {
    (f64::from(part) * 1000.0 / f64::from(whole)).round() / 10.0
}

#[tokio::test]
async fn the_league_ranks_the_demo_departments_as_counted_from_the_replies() {
    let server = TestServer::start();
    let board: serde_json::Value =
        serde_json::from_str(&page(&server, "/api/v1/replies").await).unwrap();
    let entries: Vec<&serde_json::Value> = ["waiting", "answered"]
        .iter()
        .flat_map(|k| board[*k].as_array().unwrap())
        .collect();
    // The month of the closed sample round's replies: its adopted winner's.
    let winner = entries
        .iter()
        .find(|e| e["reply"]["answer"]["decision"] == "adopted")
        .expect("the demo's adopted winner");
    let month = winner["reply"]["due_on"].as_str().unwrap()[..7].to_string();

    let mut expected: std::collections::BTreeMap<String, Expected> = Default::default();
    for e in &entries {
        let reply = &e["reply"];
        let judged = reply["extension"]["to"]
            .as_str()
            .unwrap_or_else(|| reply["due_on"].as_str().unwrap());
        if !judged.starts_with(&month) {
            continue;
        }
        let line = expected
            .entry(reply["department"].as_str().unwrap().to_string())
            .or_default();
        line.owed += 1;
        let first = if reply["rehandle"].is_null() {
            &reply["answer"]
        } else {
            &reply["rehandle"]["first"]
        };
        if !first.is_null() {
            line.answered += 1;
            let on = date(&first["on"]);
            if on <= judged.parse::<Date>().unwrap() {
                line.on_time += 1;
            }
            line.days
                .push(working_days_between(date(&reply["crossed_on"]), on));
        }
        let one: serde_json::Value =
            serde_json::from_str(&page(&server, &format!("/api/v1/replies/{}", reply["id"])).await)
                .unwrap();
        for (n, count) in one["ratings"]["solved"]
            .as_array()
            .unwrap()
            .iter()
            .enumerate()
        {
            for _ in 0..count.as_u64().unwrap() {
                line.solved.push(n as u32 + 1);
            }
        }
    }
    assert!(
        expected.len() >= 2,
        "two departments in the demo's month: {expected:?}"
    );

    // Ranked by on-time rate, then reply rate, then median days; fewer than two owed: unranked.
    let mut order: Vec<(&String, &Expected)> = expected.iter().collect();
    let median = |d: &[i64]| {
        let mut d = d.to_vec();
        d.sort();
        match d.len() {
            0 => f64::MAX,
            n if n % 2 == 1 => d[n / 2] as f64,
            n => (d[n / 2 - 1] + d[n / 2]) as f64 / 2.0,
        }
    };
    order.sort_by(|(an, a), (bn, b)| {
        (b.owed >= 2)
            .cmp(&(a.owed >= 2))
            .then(pct(b.on_time, b.owed).total_cmp(&pct(a.on_time, a.owed)))
            .then(pct(b.answered, b.owed).total_cmp(&pct(a.answered, a.owed)))
            .then(median(&a.days).total_cmp(&median(&b.days)))
            .then(an.cmp(bn))
    });

    let league: serde_json::Value =
        serde_json::from_str(&page(&server, &format!("/api/v1/replies/league/{month}")).await)
            .unwrap();
    assert_eq!(league["is_sample"], true);
    let lines = league["departments"].as_array().unwrap();
    let names: Vec<&str> = lines.iter().map(|l| l["name"].as_str().unwrap()).collect();
    let want: Vec<&str> = order.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, want, "{league}");
    for (line, (name, e)) in lines.iter().zip(&order) {
        assert_eq!(line["owed"], e.owed, "{name}");
        assert_eq!(line["answered"], e.answered, "{name}");
        assert_eq!(line["on_time"], e.on_time, "{name}");
        assert_eq!(line["on_time_rate"], pct(e.on_time, e.owed), "{name}");
        assert_eq!(line["reply_rate"], pct(e.answered, e.owed), "{name}");
        assert_eq!(line["rank"].is_null(), e.owed < 2, "{name}");
        assert_eq!(line["solved"]["count"], e.solved.len(), "{name}");
        if e.solved.len() >= 5 {
            let mean = e.solved.iter().sum::<u32>() as f64 / e.solved.len() as f64;
            assert_eq!(
                line["solved"]["mean"],
                (mean * 100.0).round() / 100.0,
                "{name}"
            );
        } else {
            assert!(
                line["solved"]["mean"].is_null(),
                "{name}: too few to average"
            );
        }
    }
    // Beside the replies, each department's tasks due in the month, counted here from the
    // published topics' task lists.
    let mut tasks: std::collections::BTreeMap<String, (u64, u64)> = Default::default();
    for year in 2024..=2027 {
        for m in 1..=12 {
            let res = reqwest::get(server.url(&format!("/api/v1/topics/{year}/{m}/tasks")))
                .await
                .unwrap();
            if res.status() != 200 {
                continue;
            }
            let list: serde_json::Value = res.json().await.unwrap();
            for task in list.as_array().unwrap() {
                if !task["due"].as_str().unwrap().starts_with(&month) {
                    continue;
                }
                let entry = tasks
                    .entry(task["owner"]["name"].as_str().unwrap().to_string())
                    .or_default();
                match task["status"].as_str().unwrap() {
                    "done" => *entry = (entry.0 + 1, entry.1 + 1),
                    "done_late" | "overdue" => entry.0 += 1,
                    _ => {}
                }
            }
        }
    }
    for line in lines {
        let (due, on_time) = tasks
            .get(line["name"].as_str().unwrap())
            .copied()
            .unwrap_or_default();
        assert_eq!(line["tasks_due"], due, "{line}");
        assert_eq!(line["tasks_on_time"], on_time, "{line}");
    }
    // The demo's known figures: the data office ranks first at 50% on time, six raters
    // averaging 3.83 on 解决程度; the housing department owes one reply and is not ranked.
    assert_eq!(lines[0]["name"], "市政务服务和数据管理局");
    assert_eq!(lines[0]["rank"], 1);
    assert_eq!(lines[0]["on_time_rate"], 50.0);
    assert_eq!(lines[0]["solved"]["mean"], 3.83);
    let housing = lines
        .iter()
        .find(|l| l["name"] == "市住房城乡建设委")
        .unwrap();
    assert!(
        housing["rank"].is_null() && housing["on_time_rate"] == 0.0,
        "{housing}"
    );

    // The CSV carries the same lines, in the reader's words with ?lang=.
    let csv = page(
        &server,
        &format!("/api/v1/replies/league/{month}.csv?lang=zh-CN"),
    )
    .await;
    let rows: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert!(
        rows[0].starts_with("月份,范围,名次,单位或区,应答复"),
        "{csv}"
    );
    assert!(
        rows[1].starts_with(&format!(
            "{month},部门,1,市政务服务和数据管理局,2,1,1,0,50,50,"
        )),
        "{csv}"
    );
    let tokens = page(&server, &format!("/api/v1/replies/league/{month}.csv")).await;
    assert!(tokens
        .trim_start_matches('\u{feff}')
        .starts_with("month,scope,rank,name,owed"));

    // The page: the order, the unranked line, the sample label, the downloads.
    let html = page(&server, &format!("/replies/league/{month}")).await;
    let (first, second) = (
        html.find("市政务服务和数据管理局").unwrap(),
        html.find("市住房城乡建设委").unwrap(),
    );
    assert!(first < second, "ranked first");
    assert!(
        html.contains("不排名") && html.contains("示例"),
        "{html:.6000}"
    );
    assert!(html.contains(&format!("/api/v1/replies/league/{month}.csv?lang=zh-CN")));
    let latest = page(&server, "/replies/league").await;
    assert!(latest.contains("答复排行榜"), "{latest:.3000}");

    // Not a month: 404, in JSON and on the page.
    for bad in ["2027-13", "march", "2027-3.csv"] {
        let res = reqwest::get(server.url(&format!("/api/v1/replies/league/{bad}")))
            .await
            .unwrap();
        assert_eq!(res.status(), 404, "{bad}");
    }
    let res = reqwest::get(server.url("/replies/league/2027-13"))
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    let doc = page(&server, "/api/openapi.json").await;
    assert!(doc.contains("/api/v1/replies/league/{month}"));
}
