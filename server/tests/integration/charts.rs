//! Outcome charts over real HTTP: every chart in every form, PNG glyphs that are not tofu, pinned
//! versions that survive new data, framing rules, oEmbed, and 404s for what does not exist.
// a test crate: a failure is a failed test
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support;

use reqwest::{header, StatusCode};
use serde_json::Value;
use support::TestServer;

async fn get(server: &TestServer, path: &str) -> reqwest::Response {
    reqwest::get(server.url(path)).await.expect("request")
}

async fn json(server: &TestServer, path: &str) -> Value {
    get(server, path).await.json().await.expect("json")
}

#[tokio::test]
async fn every_chart_is_served_as_page_embed_svg_csv_and_json() {
    // Every chart in every form from one address: more new drawings than one network's
    // default allowance a minute (that allowance is tested in hardening_charts.rs).
    let server = TestServer::start_with_args(&["--chart-renders-per-minute", "100000"]);
    let list = json(&server, "/api/v1/charts").await;
    let list = list.as_array().expect("a list");
    let kinds: Vec<&str> = list.iter().filter_map(|c| c["kind"].as_str()).collect();
    for kind in [
        "problems_per_year",
        "policies_per_month",
        "topic_tasks",
        "departments_on_time",
        "cycle_votes",
        "hotline_categories",
        "problem_volume",
        "problem_rates",
        "class_trend",
        "class_districts",
        "class_rates",
    ] {
        assert!(
            kinds.contains(&kind),
            "the demo has a {kind} chart: {kinds:?}"
        );
    }
    for chart in list {
        let id = chart["id"].as_str().expect("id");
        let svg = get(&server, &format!("/charts/{id}.svg")).await;
        assert_eq!(svg.status(), StatusCode::OK, "{id}.svg");
        assert!(svg.headers()[header::CONTENT_TYPE]
            .to_str()
            .unwrap_or("")
            .starts_with("image/svg+xml"));
        let svg = svg.text().await.expect("text");
        assert!(
            svg.starts_with("<svg") && svg.contains("viewBox"),
            "{id}: {svg:.120}"
        );
        assert!(
            !svg.contains(" style=") && !svg.contains("<style"),
            "{id}: the CSP allows no inline styles"
        );
        let kind = chart["kind"].as_str().unwrap_or("");
        if !kind.starts_with("problem_") && kind != "class_trend" {
            // Bars and slices carry decal patterns, so colour is not the only cue (lines are
            // told apart by their labels).
            assert!(svg.contains("<pattern"), "{id}: decal patterns");
        }

        let csv = get(&server, &format!("/charts/{id}.csv"))
            .await
            .bytes()
            .await
            .expect("csv");
        assert!(
            csv.starts_with(b"\xEF\xBB\xBF"),
            "{id}: CSV has a BOM for Excel"
        );

        let doc = json(&server, &format!("/api/v1/charts/{id}")).await;
        assert_eq!(doc["id"], id);
        assert_eq!(
            doc["version"], chart["version"],
            "{id}: one version for list and chart"
        );
        let sample = doc["data"]["sample"].as_bool().expect("sample flag");
        assert_eq!(Some(sample), chart["sample"].as_bool());

        let page = get(&server, &format!("/charts/{id}")).await;
        assert_eq!(page.status(), StatusCode::OK, "/charts/{id}");
        let page = page.text().await.expect("html");
        assert!(
            page.contains("<svg"),
            "{id}: the chart page shows the SVG inline"
        );
        assert!(
            page.contains("application/json+oembed"),
            "{id}: oEmbed discovery"
        );
        if sample {
            assert!(page.contains("示例数据"), "{id}: sample data says so");
        }

        let embed = get(&server, &format!("/embed/charts/{id}")).await;
        assert_eq!(embed.status(), StatusCode::OK, "/embed/charts/{id}");
        let embed = embed.text().await.expect("html");
        assert!(embed.contains("<svg") && !embed.contains(".wasm") && !embed.contains("echarts"));
    }
    let years = json(&server, "/api/v1/charts/problems-per-year").await;
    let counts: Vec<f64> = years["data"]["series"][0]["values"]
        .as_array()
        .expect("values")
        .iter()
        .filter_map(Value::as_f64)
        .collect();
    assert_eq!(
        counts,
        [27.0, 17.0, 18.0, 13.0, 13.0, 11.0],
        "the real figures from the facts file"
    );
    assert_eq!(years["data"]["sample"], false);
}

/// Splits the ink of a band of rows into glyphs at blank columns.
fn glyphs(rgba: &[u8], width: usize, rows: std::ops::Range<usize>) -> Vec<Vec<bool>> {
    let ink = |x: usize, y: usize| {
        let i = (y * width + x) * 4;
        let luma = (rgba[i] as u32 + rgba[i + 1] as u32 + rgba[i + 2] as u32) / 3;
        rgba[i + 3] > 128 && luma < 110
    };
    let mut out = Vec::new();
    let mut current: Vec<bool> = Vec::new();
    for x in 0..width {
        let column: Vec<bool> = rows.clone().map(|y| ink(x, y)).collect();
        if column.iter().any(|&b| b) {
            current.extend(column);
        } else if !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
    }
    out
}

#[tokio::test]
async fn the_png_draws_the_chinese_title_in_real_glyphs() {
    let server = TestServer::start();
    let res = get(&server, "/charts/problems-per-year.png").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()[header::CONTENT_TYPE], "image/png");
    let bytes = res.bytes().await.expect("png");
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG signature");
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes.to_vec()));
    let mut reader = decoder.read_info().expect("a valid PNG");
    let mut buf = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut buf).expect("a frame");
    assert_eq!(info.color_type, png::ColorType::Rgba);
    let width = info.width as usize;
    // The title "每月一题：每年列入的问题数" sits in the top band (15 px text at 2×).
    let found = glyphs(&buf, width, 4..56);
    assert!(
        found.len() >= 10,
        "the title is drawn: {} glyphs",
        found.len()
    );
    // Missing glyphs render as identical boxes (tofu); real ones differ from one another.
    let mut distinct = found.clone();
    distinct.sort();
    distinct.dedup();
    assert!(
        distinct.len() >= 9,
        "{} distinct shapes of {}",
        distinct.len(),
        found.len()
    );
}

#[tokio::test]
async fn a_pinned_version_keeps_its_figures_after_new_votes() {
    let server = TestServer::start();
    let id = "cycle-2027-annual-votes";
    let before = json(&server, &format!("/api/v1/charts/{id}")).await;
    let v1 = before["version"].as_str().expect("version").to_string();
    let cycle = json(&server, "/api/v1/cycles/2027-annual").await;
    let pick = cycle["candidates"][0]["id"].as_i64().expect("a candidate");
    let res = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
        .post(server.url("/vote/2027-annual"))
        .form(&[("pick", pick.to_string())])
        .send()
        .await
        .expect("vote");
    assert_eq!(res.status(), StatusCode::SEE_OTHER);

    let after = json(&server, &format!("/api/v1/charts/{id}")).await;
    let v2 = after["version"].as_str().expect("version");
    assert_ne!(v1, v2, "a new vote is new data");
    let total = |doc: &Value| -> f64 {
        doc["data"]["series"]
            .as_array()
            .expect("series")
            .iter()
            .flat_map(|s| s["values"].as_array().cloned().unwrap_or_default())
            .filter_map(|v| v.as_f64())
            .sum()
    };
    assert_eq!(total(&after), total(&before) + 1.0);

    let pinned = json(&server, &format!("/api/v1/charts/{id}?v={v1}")).await;
    assert_eq!(pinned["latest"], false);
    assert_eq!(
        pinned["data"]["series"], before["data"]["series"],
        "the pinned figures do not move"
    );
    let embed = get(&server, &format!("/embed/charts/{id}?v={v1}")).await;
    assert_eq!(embed.status(), StatusCode::OK);
    assert!(embed.headers()[header::CACHE_CONTROL]
        .to_str()
        .unwrap_or("")
        .contains("immutable"));
    let unknown = get(&server, &format!("/embed/charts/{id}?v=000000000000")).await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn only_embed_pages_may_be_framed_by_other_sites() {
    let server = TestServer::start();
    for path in ["/", "/charts/problems-per-year", "/about"] {
        let res = get(&server, path).await;
        let csp = res.headers()[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .expect("csp")
            .to_string();
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert_eq!(res.headers()[header::X_FRAME_OPTIONS], "DENY", "{path}");
    }
    let res = get(
        &server,
        "/embed/charts/problems-per-year?theme=auto&lang=en",
    )
    .await;
    let csp = res.headers()[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .expect("csp")
        .to_string();
    assert!(csp.contains("frame-ancestors *"), "{csp}");
    assert!(
        csp.contains("default-src 'none'"),
        "embeds load nothing else: {csp}"
    );
    assert!(res.headers().get(header::X_FRAME_OPTIONS).is_none());
    let html = res.text().await.expect("html");
    assert!(html.contains("lang=\"en\"") && html.contains("problems taken on per year"));
    assert_eq!(
        html.matches("<svg").count(),
        8,
        "auto carries a light and a dark drawing at each of the four widths"
    );
    assert!(
        html.contains("datawrapper-height") && html.contains("xPYMx"),
        "height messages"
    );
}

#[tokio::test]
async fn oembed_answers_for_this_portals_charts_only() {
    let server = TestServer::start();
    let page = server.url("/charts/problems-per-year");
    let res = reqwest::Client::new()
        .get(server.url("/oembed"))
        .query(&[("url", page.as_str()), ("format", "json")])
        .send()
        .await
        .expect("oembed");
    assert_eq!(res.status(), StatusCode::OK);
    let doc: Value = res.json().await.expect("json");
    assert_eq!(doc["version"], "1.0");
    assert_eq!(doc["type"], "rich");
    let html = doc["html"].as_str().expect("html");
    // The code carries the language of the page it was asked for, then the pinned version.
    assert!(
        html.starts_with("<iframe")
            && html.contains("/embed/charts/problems-per-year?lang=")
            && html.contains("&amp;v=")
    );
    assert!(doc["thumbnail_url"]
        .as_str()
        .unwrap_or("")
        .contains(".png?v="));

    for (url, status) in [
        ("https://elsewhere.example/charts/problems-per-year", 404),
        (page.as_str(), 501),
    ] {
        let format = if status == 501 { "xml" } else { "json" };
        let res = reqwest::Client::new()
            .get(server.url("/oembed"))
            .query(&[("url", url), ("format", format)])
            .send()
            .await
            .expect("oembed");
        assert_eq!(res.status().as_u16(), status, "{url} {format}");
    }
}

#[tokio::test]
async fn charts_that_do_not_exist_are_not_found_everywhere() {
    let server = TestServer::start();
    for path in [
        "/charts/no-such-chart",
        "/charts/no-such-chart.svg",
        "/charts/problem-999999-volume.png",
        "/embed/charts/topic-2024-13-tasks",
        "/api/v1/charts/Problems-Per-Year",
        "/charts/cycle-2027-spring-votes",
    ] {
        assert_eq!(
            get(&server, path).await.status(),
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
}
