//! Issue 14, point 6: charts are not cheap to make expensive. Any `?width=` lands on one of a
//! few drawn widths; a drawing (SVG or PNG) is made once and then served from the cache; one
//! network has an allowance of new drawings a minute (429 with `Retry-After` past it, while
//! cached charts and the portal's own pages still show); and a full engine queue answers 503
//! with `Retry-After` at once instead of making every reader wait.
// a test crate: a failure is a failed test
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support;

use reqwest::{header, StatusCode};
use support::TestServer;

const CHART: &str = "/charts/problems-per-year";

async fn get(server: &TestServer, path: &str) -> reqwest::Response {
    reqwest::get(server.url(path)).await.expect("request")
}

/// Lines saying the server drew `chart` in `form` at `width`.
fn drawn(server: &TestServer, form: &str, width: u32) -> usize {
    let line = format!("width={width} form=\"{form}\"");
    server
        .log_lines()
        .iter()
        .filter(|l| {
            l.contains("chart drawn") && l.contains("problems-per-year") && l.contains(&line)
        })
        .count()
}

#[tokio::test]
async fn any_width_is_one_of_a_few_drawings_and_each_is_drawn_once() {
    let server = TestServer::start();
    let mut bodies = Vec::new();
    for width in [470, 480, 500, 510] {
        let res = get(&server, &format!("{CHART}.svg?lang=zh-CN&width={width}")).await;
        assert_eq!(res.status(), StatusCode::OK);
        bodies.push(res.text().await.expect("svg"));
    }
    assert!(
        bodies.windows(2).all(|w| w[0] == w[1]),
        "widths 470 to 510 are one drawing"
    );
    server.logged_eventually("chart drawn", 1);
    assert_eq!(drawn(&server, "svg", 480), 1, "drawn once, then cached");
    let svg_720 = get(&server, &format!("{CHART}.svg?lang=zh-CN&width=720")).await;
    assert_eq!(svg_720.status(), StatusCode::OK);
    let svg_800 = get(&server, &format!("{CHART}.svg?lang=zh-CN&width=800")).await;
    assert_eq!(
        svg_720.text().await.expect("svg"),
        svg_800.text().await.expect("svg")
    );

    // A PNG is rasterised once: the second download comes from the cache, byte for byte.
    let png_path = format!("{CHART}.png?lang=zh-CN");
    let first = get(&server, &png_path).await;
    assert_eq!(
        first.status(),
        StatusCode::OK,
        "setup installs the CJK font"
    );
    let first = first.bytes().await.expect("png");
    let second = get(&server, &png_path).await.bytes().await.expect("png");
    assert_eq!(first, second);
    server.logged_eventually("form=\"png\"", 1);
    assert_eq!(drawn(&server, "png", 800), 1, "the PNG is drawn once");
}

#[tokio::test]
async fn one_network_has_an_allowance_of_new_drawings() {
    let server = TestServer::start_with_args(&["--chart-renders-per-minute", "4"]);
    let mut statuses = Vec::new();
    for width in [320, 400, 480, 640, 800, 960, 1200] {
        let res = get(&server, &format!("{CHART}.svg?lang=zh-CN&width={width}")).await;
        if res.status() == StatusCode::TOO_MANY_REQUESTS {
            assert_eq!(
                res.headers()
                    .get(header::RETRY_AFTER)
                    .and_then(|v| v.to_str().ok()),
                Some("60")
            );
            let body = res.text().await.expect("body");
            assert!(body.contains("请一分钟后再试"), "{body}");
            statuses.push(429);
        } else {
            statuses.push(res.status().as_u16());
        }
    }
    assert_eq!(statuses, [200, 200, 200, 200, 429, 429, 429]);
    // What is drawn is still served, and the portal's own pages are not charged.
    let cached = get(&server, &format!("{CHART}.svg?lang=zh-CN&width=320")).await;
    assert_eq!(cached.status(), StatusCode::OK);
    let page = get(&server, "/charts/policies-per-month").await;
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page.text().await.expect("page").contains("<svg"));
    assert!(
        server.logged_eventually("what=\"chart\"", 3) >= 3,
        "each refusal is logged"
    );
}

#[tokio::test]
async fn a_full_engine_queue_answers_503_with_retry_after_at_once() {
    let server =
        TestServer::start_with_args(&["--chart-queue", "1", "--chart-renders-per-minute", "1000"]);
    let mut paths = Vec::new();
    for lang in ["zh-CN", "en"] {
        for theme in ["light", "dark"] {
            for width in [320, 400, 480, 640, 800, 960, 1200] {
                paths.push(format!(
                    "{CHART}.svg?lang={lang}&theme={theme}&width={width}"
                ));
            }
        }
    }
    let client = reqwest::Client::new();
    let asked: Vec<_> = paths
        .iter()
        .map(|path| tokio::spawn(client.get(server.url(path)).send()))
        .collect();
    let mut answers = Vec::new();
    for answer in asked {
        answers.push(answer.await.expect("task").expect("request"));
    }
    let mut busy = Vec::new();
    for (path, res) in paths.iter().zip(&answers) {
        match res.status() {
            StatusCode::OK => {}
            StatusCode::SERVICE_UNAVAILABLE => {
                assert_eq!(
                    res.headers()
                        .get(header::RETRY_AFTER)
                        .and_then(|v| v.to_str().ok()),
                    Some("5")
                );
                busy.push(path.clone());
            }
            other => panic!("{path}: {other}"),
        }
    }
    let served = answers.len() - busy.len();
    assert!(served >= 1, "the engine keeps drawing");
    assert!(
        busy.len() >= 10,
        "a queue of one refuses most of {}",
        paths.len()
    );
    // Asked again one at a time, a refused chart is drawn.
    let again = get(&server, &busy[0]).await;
    assert_eq!(again.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_refused_embed_tells_the_reader_in_her_language_when_to_reload() {
    let server = TestServer::start_with_args(&["--chart-renders-per-minute", "1"]);
    // One new drawing allowed: the SVG download takes it, so the embed (four widths) is refused.
    let svg = get(&server, &format!("{CHART}.svg?lang=zh-CN")).await;
    assert_eq!(svg.status(), StatusCode::OK);
    for (lang, words) in [
        ("zh-CN", "请一分钟后刷新本页"),
        ("en", "Please reload in a minute"),
    ] {
        let res = get(
            &server,
            &format!("/embed/charts/problems-per-year?lang={lang}"),
        )
        .await;
        assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(
            res.headers()
                .get(header::RETRY_AFTER)
                .and_then(|v| v.to_str().ok()),
            Some("60")
        );
        assert!(res.headers()[header::CONTENT_TYPE]
            .to_str()
            .unwrap_or_default()
            .starts_with("text/html"));
        let body = res.text().await.expect("body");
        assert!(body.contains(words), "{body}");
        assert!(
            body.contains("/charts/problems-per-year\""),
            "links the chart: {body}"
        );
        assert!(
            !body.contains("rate_limited"),
            "no API error in the frame: {body}"
        );
    }
}
