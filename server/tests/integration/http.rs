//! Integration tests over real HTTP against the real server binary and a real SQLite file.
// a test crate: a failure is a failed test
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support;

use reqwest::StatusCode;
use support::TestServer;

async fn get(server: &TestServer, path: &str) -> (StatusCode, reqwest::header::HeaderMap, String) {
    let res = reqwest::get(server.url(path)).await.expect("request");
    let status = res.status();
    let headers = res.headers().clone();
    (status, headers, res.text().await.expect("body"))
}

#[tokio::test]
async fn home_page_is_server_rendered_with_the_current_topic() {
    let server = TestServer::start();
    let (status, _, body) = get(&server, "/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("<html lang=\"zh-CN\""));
    assert!(
        body.contains("冬季供暖与室温保障"),
        "current topic in the HTML"
    );
    assert!(body.contains("示例数据"), "sample data is labelled");
    for count in [
        "27 项问题",
        "17 项问题",
        "18 项问题",
        "13 项问题",
        "11 项问题",
    ] {
        assert!(body.contains(count), "{count} on the home page");
    }
}

#[tokio::test]
async fn the_2024_page_lists_its_13_problems() {
    let server = TestServer::start();
    let (status, _, body) = get(&server, "/years/2024").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("2024年：13 项问题"));
    let listed = body.matches("href=\"/problems/").count();
    assert_eq!(listed, 13, "each of the 13 problems links to its page");
    for title in ["电动自行车充电设施建设", "文明养犬", "医疗秩序管理"] {
        assert!(body.contains(title), "{title} listed");
    }
}

#[tokio::test]
async fn the_confidence_filter_works_without_javascript() {
    let server = TestServer::start();
    let (_, _, body) = get(&server, "/years/2021?c=inferred").await;
    let visible = body.matches("<li><a href=\"/problems/").count();
    let hidden = body.matches("<li hidden><a href=\"/problems/").count();
    assert_eq!(visible, 2, "2021 has two inferred problems");
    assert_eq!(hidden, 6);
}

#[tokio::test]
async fn a_problem_page_shows_departments_policies_and_sources() {
    let server = TestServer::start();
    let (_, _, year) = get(&server, "/years/2021").await;
    let marker = "\">预付式消费退费难</a>";
    let before = &year[..year.find(marker).expect("problem on the 2021 page")];
    let href_start = before.rfind("/problems/").expect("link");
    let path: String = before[href_start..]
        .chars()
        .take_while(|c| *c != '"')
        .collect();
    let (status, _, body) = get(&server, &path).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("北京市单用途预付卡管理条例"));
    assert!(body.contains("牵头部门"));
    assert!(body.contains("lzfz.org.cn"), "source shown by its host");
    assert!(body.contains("示例数据"), "sample assignment labelled");
}

#[tokio::test]
async fn about_page_explains_the_data() {
    let server = TestServer::start();
    let (status, _, body) = get(&server, "/about").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("2143万"));
    assert!(body.contains("news.cctv.com"));
}

#[tokio::test]
async fn bad_addresses_get_friendly_pages_with_the_right_status() {
    let server = TestServer::start();
    for path in [
        "/no-such-page",
        "/years/1999",
        "/years/abc",
        "/years/2024abc",
        "/problems/0",
        "/problems/99999999",
        "/problems/-1",
        "/problems/1e5",
        "/problems/99999999999999999999999",
    ] {
        let (status, headers, body) = get(&server, path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert!(body.contains("找不到这个页面"), "{path} shows the 404 page");
        assert!(headers.contains_key("content-security-policy"), "{path}");
        assert!(!body.to_lowercase().contains("panicked"));
    }
    let long = format!("/years/2024?c={}", "x".repeat(5000));
    let (status, _, body) = get(&server, &long).await;
    assert_eq!(status, StatusCode::URI_TOO_LONG);
    assert!(body.contains("网址太长"));
    let (status, _, body) = get(&server, "/years/2024?c=%ZZ%00<script>").await;
    assert_eq!(status, StatusCode::OK, "an unknown filter shows everything");
    assert!(!body.contains("<script>"), "query text is never echoed raw");
}

#[tokio::test]
async fn security_headers_are_on_every_response() {
    let server = TestServer::start();
    for path in ["/", "/healthz", "/nope"] {
        let (_, headers, body) = get(&server, path).await;
        let csp = headers["content-security-policy"].to_str().expect("ascii");
        assert!(csp.contains("frame-ancestors 'none'"), "{path}");
        assert!(csp.contains("'nonce-"), "{path}");
        assert_eq!(headers["x-content-type-options"], "nosniff");
        if headers["content-type"]
            .to_str()
            .expect("ascii")
            .starts_with("text/html")
        {
            // The page's language and signed-in state come from these: shared caches keep
            // them apart.
            assert_eq!(headers["vary"], "Accept-Language, Cookie", "{path}");
        }
        assert_eq!(
            headers["referrer-policy"],
            "strict-origin-when-cross-origin"
        );
        if path == "/" {
            let nonce = csp
                .split("'nonce-")
                .nth(1)
                .and_then(|s| s.split('\'').next())
                .expect("nonce");
            assert!(
                body.contains(&format!("nonce=\"{nonce}\"")),
                "inline script carries the header's nonce"
            );
        }
    }
    let (_, first, _) = get(&server, "/").await;
    let (_, second, _) = get(&server, "/").await;
    assert_ne!(
        first["content-security-policy"], second["content-security-policy"],
        "a fresh nonce per response"
    );
}

#[tokio::test]
async fn responses_are_compressed_when_the_client_accepts_it() {
    let server = TestServer::start();
    let client = reqwest::Client::new();
    for encoding in ["br", "gzip"] {
        let res = client
            .get(server.url("/"))
            .header("accept-encoding", encoding)
            .send()
            .await
            .expect("request");
        assert_eq!(res.headers()["content-encoding"], encoding);
    }
}

#[tokio::test]
async fn language_switch_sets_a_cookie_and_returns_to_the_page() {
    let server = TestServer::start();
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    // The switch on a filtered page keeps the filters (path and query).
    let archive = client
        .get(server.url("/archive?status=overdue"))
        .send()
        .await
        .expect("request")
        .text()
        .await
        .expect("body");
    assert!(
        archive.contains("/lang/en?next=/archive%3Fstatus%3Doverdue"),
        "the switch link keeps the query"
    );
    let res = client
        .get(server.url("/lang/en?next=/years/2024"))
        .send()
        .await
        .expect("request");
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], "/years/2024");
    let cookie = res.headers()["set-cookie"]
        .to_str()
        .expect("ascii")
        .to_string();
    assert!(cookie.starts_with("lang=en;"));
    let english = client
        .get(server.url("/years/2024"))
        .header("cookie", "lang=en")
        .send()
        .await
        .expect("request")
        .text()
        .await
        .expect("body");
    assert!(english.contains("<html lang=\"en\""));
    assert!(english.contains("2024: 13 problems"));
    let res = client
        .get(server.url("/lang/en?next=//evil.example"))
        .send()
        .await
        .expect("request");
    assert_eq!(res.headers()["location"], "/", "no open redirect");
}

#[tokio::test]
async fn health_check_and_graceful_shutdown() {
    let server = TestServer::process_full(&[], &[]);
    let (status, _, body) = get(&server, "/healthz").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, "ok");
    let exit = server.terminate();
    assert!(
        exit.success(),
        "SIGTERM leads to a clean exit, got {exit:?}"
    );
}

#[tokio::test]
async fn the_topic_page_shows_plan_lists_and_progress() {
    let server = TestServer::start();
    let (status, _, body) = get(&server, "/topics/2026/11").await;
    assert_eq!(status, StatusCode::OK);
    for text in [
        "一方案",
        "任务清单",
        "责任清单",
        "政策清单",
        "月度进展",
        "监督",
        "<h2>目标</h2>",
        "已逾期",
        "示例数据",
    ] {
        assert!(body.contains(text), "{text} on the topic page");
    }
    assert!(
        body.contains("<progress max=\"12\" value=\"5\""),
        "overall progress bar"
    );
    let (_, _, streets) = get(&server, "/topics/2026/11?level=street").await;
    assert!(streets.contains("接诉即办，入户核实室温诉求"));
    assert!(
        !streets.contains("统筹全市供热保障"),
        "city responsibilities filtered out"
    );
    for path in [
        "/topics/2026/13",
        "/topics/2026/10",
        "/topics/x/1",
        "/departments/0",
        "/policies/abc",
    ] {
        let (status, _, _) = get(&server, path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
    }
}

#[tokio::test]
async fn search_matches_chinese_and_keeps_what_was_typed() {
    let server = TestServer::start();
    let (status, _, body) = get(&server, "/search?q=%E7%94%B5%E6%A2%AF").await; // 电梯
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains(">老楼加装电梯</a>"));
    assert!(body.contains("value=\"电梯\""), "the box shows the query");
    let long = "梯".repeat(101);
    let (status, _, body) = get(&server, &format!("/search?q={long}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("搜索词太长了"));
    assert!(
        body.contains(&format!("value=\"{long}\"")),
        "nothing typed is lost"
    );
    let (_, _, body) = get(&server, "/search?q=%3Cscript%3Ealert(1)%3C/script%3E").await;
    assert!(!body.contains("<script>alert(1)"), "the query is escaped");
    assert!(body.contains("&lt;script&gt;alert(1)"));
}
