//! Staff accounts over real HTTP: sessions, throttling, permissions, drafts, CSRF.

mod support;

use reqwest::{header, redirect::Policy, Client, StatusCode};
use support::TestServer;

const HEAT: (&str, &str, Option<&str>, &str) = (
    "heat",
    "department",
    Some("市城市管理委"),
    "heat-password-123",
);
const EDITOR: (&str, &str, Option<&str>, &str) = ("editor", "editor", None, "editor-password-123");

fn client() -> Client {
    Client::builder()
        .redirect(Policy::none())
        .build()
        .expect("client")
}

/// The server-function URL for `name`, found from the login form (all share the build's suffix).
async fn fn_url(server: &TestServer, name: &str) -> String {
    let page = reqwest::get(server.url("/staff/login"))
        .await
        .expect("r")
        .text()
        .await
        .expect("b");
    let start = page.find("action=\"/api/login").expect("login form") + "action=\"".len();
    let action: String = page[start..].chars().take_while(|c| *c != '"').collect();
    server.url(&action.replacen("login", name, 1))
}

async fn post(
    server: &TestServer,
    name: &str,
    cookie: Option<&str>,
    form: &[(&str, &str)],
) -> reqwest::Response {
    let mut req = client()
        .post(fn_url(server, name).await)
        .header(header::ACCEPT, "text/html")
        .form(form);
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, format!("dianca_session={c}"));
    }
    req.send().await.expect("post")
}

async fn login(server: &TestServer, user: &str, password: &str) -> Option<String> {
    let res = post(
        server,
        "login",
        None,
        &[("username", user), ("password", password)],
    )
    .await;
    let cookie = res
        .headers()
        .get(header::SET_COOKIE)?
        .to_str()
        .ok()?
        .to_string();
    let token = cookie
        .strip_prefix("dianca_session=")?
        .split(';')
        .next()?
        .to_string();
    (!token.is_empty()).then_some(token)
}

fn location(res: &reqwest::Response) -> String {
    res.headers()[header::LOCATION]
        .to_str()
        .expect("ascii")
        .to_string()
}

async fn task_states(server: &TestServer) -> Vec<(String, String)> {
    let tasks: serde_json::Value = reqwest::get(server.url("/api/v1/topics/2026/11/tasks"))
        .await
        .expect("r")
        .json()
        .await
        .expect("json");
    tasks
        .as_array()
        .expect("tasks")
        .iter()
        .map(|t| {
            (
                t["owner"]["name"].as_str().expect("owner").to_string(),
                t["status"].as_str().expect("status").to_string(),
            )
        })
        .collect()
}

#[tokio::test]
async fn sign_in_rotates_the_session_and_sign_out_everywhere_ends_all() {
    let server = TestServer::start_with_staff(&[HEAT]);
    let first = login(&server, "heat", HEAT.3).await.expect("signed in");
    let second = login(&server, "heat", HEAT.3)
        .await
        .expect("signed in again");
    assert_ne!(first, second, "each sign-in gets a new session id");
    let desk = |token: String| {
        let server_url = server.url("/staff");
        async move {
            client()
                .get(server_url)
                .header(header::COOKIE, format!("dianca_session={token}"))
                .send()
                .await
                .expect("r")
                .text()
                .await
                .expect("b")
        }
    };
    assert!(desk(first.clone()).await.contains("当前登录：heat"));
    let res = post(&server, "logout", Some(&second), &[("everywhere", "1")]).await;
    assert!(location(&res).starts_with("/staff/login?done=logged_out"));
    assert!(
        desk(first).await.contains("请先登录"),
        "the other device is signed out too"
    );
}

#[tokio::test]
async fn wrong_passwords_are_throttled() {
    let server = TestServer::start_with_staff(&[HEAT]);
    for _ in 0..5 {
        let res = post(
            &server,
            "login",
            None,
            &[("username", "heat"), ("password", "wrong")],
        )
        .await;
        assert_eq!(
            location(&res),
            "/staff/login?username=heat&error=bad_credentials"
        );
    }
    let res = post(
        &server,
        "login",
        None,
        &[("username", "heat"), ("password", HEAT.3)],
    )
    .await;
    assert_eq!(
        location(&res),
        "/staff/login?username=heat&error=throttled",
        "even the right password waits"
    );
    let page = reqwest::get(server.url("/staff/login?username=heat&error=throttled"))
        .await
        .expect("r")
        .text()
        .await
        .expect("b");
    assert!(page.contains("登录失败次数过多"));
    assert!(page.contains("value=\"heat\""), "the username is kept");
}

#[tokio::test]
async fn department_staff_cannot_change_another_departments_task() {
    let server = TestServer::start_with_staff(&[HEAT]);
    let token = login(&server, "heat", HEAT.3).await.expect("signed in");
    let tasks: serde_json::Value = reqwest::get(server.url("/api/v1/topics/2026/11"))
        .await
        .expect("r")
        .json()
        .await
        .expect("json");
    let foreign = tasks["tasks"]
        .as_array()
        .expect("tasks")
        .iter()
        .find(|t| t["owner"]["name"] != "市城市管理委")
        .expect("another department's task");
    let id = foreign["id"].as_i64().expect("id").to_string();
    let before = task_states(&server).await;
    let res = post(
        &server,
        "set_task_state",
        Some(&token),
        &[("task_id", &id), ("state", "done")],
    )
    .await;
    assert_eq!(location(&res), "/staff?error=forbidden");
    assert_eq!(task_states(&server).await, before, "nothing changed");
    let own = tasks["tasks"]
        .as_array()
        .expect("tasks")
        .iter()
        .find(|t| t["owner"]["name"] == "市城市管理委" && t["status"] != "done");
    if let Some(own) = own {
        let id = own["id"].as_i64().expect("id").to_string();
        let res = post(
            &server,
            "set_task_state",
            Some(&token),
            &[("task_id", &id), ("state", "done")],
        )
        .await;
        assert_eq!(location(&res), "/staff?done=task_updated");
    }
    let res = post(
        &server,
        "set_task_state",
        None,
        &[("task_id", &id), ("state", "done")],
    )
    .await;
    assert_eq!(location(&res), "/staff?error=not_signed_in");
}

#[tokio::test]
async fn a_draft_policy_is_invisible_until_published() {
    let server = TestServer::start_with_staff(&[EDITOR]);
    let token = login(&server, "editor", EDITOR.3).await.expect("signed in");
    let title = "关于测试草稿政策的通知";
    let res = post(
        &server,
        "draft_policy",
        Some(&token),
        &[
            ("title", title),
            ("issuer", "市城市管理委"),
            ("issued", "2026-11-26"),
            ("topic", "2026-11"),
        ],
    )
    .await;
    assert_eq!(location(&res), "/staff?done=policy_drafted");
    let public = || async {
        reqwest::get(server.url("/topics/2026/11"))
            .await
            .expect("r")
            .text()
            .await
            .expect("b")
    };
    assert!(!public().await.contains(title), "drafts are not public");
    let search = reqwest::get(server.url("/search?q=测试草稿"))
        .await
        .expect("r")
        .text()
        .await
        .expect("b");
    assert!(!search.contains(title));
    let desk = client()
        .get(server.url("/staff"))
        .header(header::COOKIE, format!("dianca_session={token}"))
        .send()
        .await
        .expect("r")
        .text()
        .await
        .expect("b");
    let marker = desk.find(title).expect("the editor sees the draft");
    let id_at = desk[marker..]
        .find("name=\"policy_id\" value=\"")
        .expect("publish form")
        + marker
        + "name=\"policy_id\" value=\"".len();
    let id: String = desk[id_at..]
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    let res = post(
        &server,
        "publish_policy",
        Some(&token),
        &[("policy_id", &id)],
    )
    .await;
    assert_eq!(location(&res), "/staff?done=policy_published");
    assert!(
        public().await.contains(title),
        "published policies are public"
    );
    let bad = post(
        &server,
        "draft_policy",
        Some(&token),
        &[
            ("title", "x"),
            ("issuer", "市城市管理委"),
            ("issued", ""),
            ("topic", ""),
        ],
    )
    .await;
    assert_eq!(location(&bad), "/staff?error=invalid_title");
}

#[tokio::test]
async fn cross_site_posts_are_refused_everywhere() {
    let server = TestServer::start_with_staff(&[HEAT]);
    let token = login(&server, "heat", HEAT.3).await.expect("signed in");
    for name in [
        "login",
        "logout",
        "set_task_state",
        "draft_policy",
        "publish_policy",
    ] {
        let res = client()
            .post(fn_url(&server, name).await)
            .header(header::ORIGIN, "https://evil.example")
            .header(header::COOKIE, format!("dianca_session={token}"))
            .form(&[("username", "heat"), ("password", HEAT.3)])
            .send()
            .await
            .expect("post");
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{name}");
        assert!(res.text().await.expect("body").contains("请求被拒绝"));
    }
    let res = client()
        .post(fn_url(&server, "logout").await)
        .header("sec-fetch-site", "cross-site")
        .send()
        .await
        .expect("post");
    assert_eq!(
        res.status(),
        StatusCode::FORBIDDEN,
        "no Origin but a cross-site fetch"
    );
}

#[tokio::test]
async fn the_audit_log_records_staff_actions_for_administrators_only() {
    let admin = ("admin", "admin", None, "admin-password-123");
    let server = TestServer::start_with_staff(&[HEAT, admin]);
    let heat = login(&server, "heat", HEAT.3).await.expect("signed in");
    let get = |path: &'static str, token: String| {
        let url = server.url(path);
        async move {
            client()
                .get(url)
                .header(header::COOKIE, format!("dianca_session={token}"))
                .send()
                .await
                .expect("r")
                .text()
                .await
                .expect("b")
        }
    };
    assert!(
        get("/staff/audit", heat).await.contains("您没有权限"),
        "department staff cannot read it"
    );
    let token = login(&server, "admin", "admin-password-123")
        .await
        .expect("signed in");
    let log = get("/staff/audit", token).await;
    assert!(log.contains("session.login"));
    assert!(log.contains("staff.create"));
}

#[tokio::test]
async fn a_bulk_import_with_a_bad_row_writes_nothing_and_names_the_line() {
    let server = TestServer::start_with_staff(&[EDITOR, HEAT]);
    let token = login(&server, "editor", EDITOR.3).await.expect("signed in");
    let count = || async {
        let tasks: serde_json::Value = reqwest::get(server.url("/api/v1/topics/2026/11/tasks"))
            .await
            .expect("r")
            .json()
            .await
            .expect("json");
        tasks.as_array().expect("tasks").len()
    };
    let before = count().await;
    let bad = "任务\t责任单位\t层级\t完成时限\t状态\n\
               检查供热站\t市城市管理委\t市级\t2026-12-10\t未开始\n\
               复查室温\t不存在的局\t区级\t2026-12-31\t进行中\n";
    let res = post(
        &server,
        "stage_import",
        Some(&token),
        &[("topic", "2026-11"), ("kind", "tasks"), ("content", bad)],
    )
    .await;
    let preview_path = location(&res);
    assert!(preview_path.starts_with("/staff/import/"), "{preview_path}");
    let page = |path: String| {
        let url = server.url(&path);
        let token = token.clone();
        async move {
            client()
                .get(url)
                .header(header::COOKIE, format!("dianca_session={token}"))
                .send()
                .await
                .expect("r")
                .text()
                .await
                .expect("b")
        }
    };
    let preview = page(preview_path.clone()).await;
    assert!(preview.contains("第 3 行"), "the bad line is named");
    assert!(preview.contains("没有这个责任单位"));
    assert!(
        !preview.contains("name=\"import_id\""),
        "no confirm button for an invalid import"
    );
    let id = preview_path.rsplit('/').next().expect("id").to_string();
    let res = post(
        &server,
        "confirm_import",
        Some(&token),
        &[("import_id", &id)],
    )
    .await;
    assert_eq!(
        location(&res),
        format!("/staff/import/{id}?error=invalid_import")
    );
    assert_eq!(count().await, before, "nothing written");

    let good = bad.replace("不存在的局", "朝阳区政府");
    let res = post(
        &server,
        "stage_import",
        Some(&token),
        &[("topic", "2026-11"), ("kind", "tasks"), ("content", &good)],
    )
    .await;
    let id = location(&res).rsplit('/').next().expect("id").to_string();
    assert!(page(format!("/staff/import/{id}"))
        .await
        .contains("2 行全部正确"));
    let heat = login(&server, "heat", HEAT.3).await.expect("signed in");
    let res = post(
        &server,
        "confirm_import",
        Some(&heat),
        &[("import_id", &id)],
    )
    .await;
    assert_eq!(
        location(&res),
        format!("/staff/import/{id}?error=forbidden"),
        "department staff cannot import"
    );
    let res = post(
        &server,
        "confirm_import",
        Some(&token),
        &[("import_id", &id)],
    )
    .await;
    assert_eq!(location(&res), "/staff?done=import_done");
    assert_eq!(count().await, before + 2);
}

#[tokio::test]
async fn an_editor_publishes_a_progress_report_rendered_safely() {
    let server = TestServer::start_with_staff(&[EDITOR, HEAT]);
    let token = login(&server, "editor", EDITOR.3).await.expect("signed in");
    let body =
        "- 完成**八里庄**管线冲洗\n\n<script>alert(1)</script>\n\n[详情](javascript:alert(1))";
    let form = [
        ("topic", "2026-11"),
        ("date", "2026-11-28"),
        ("kind", "progress"),
        ("title", "管线冲洗完成"),
        ("author", "市城市管理委"),
        ("body", body),
    ];
    let res = post(&server, "add_report", Some(&token), &form).await;
    assert_eq!(location(&res), "/staff?done=report_published");
    let page = reqwest::get(server.url("/topics/2026/11"))
        .await
        .expect("r")
        .text()
        .await
        .expect("b");
    assert!(page.contains("管线冲洗完成"));
    assert!(
        page.contains("<strong>八里庄</strong>"),
        "Markdown is rendered"
    );
    assert!(!page.contains("<script>alert(1)"), "raw HTML is not");
    assert!(!page.contains("javascript:alert"), "nor script links");
    let first = page.find("管线冲洗完成").expect("listed");
    let older = page.find("室温整改推进").expect("older report");
    assert!(first < older, "newest report first");
    let heat = login(&server, "heat", HEAT.3).await.expect("signed in");
    let res = post(&server, "add_report", Some(&heat), &form).await;
    assert_eq!(
        location(&res),
        "/staff?error=forbidden",
        "department staff cannot publish reports"
    );
    let mut bad = form;
    bad[1] = ("date", "2026-02-30");
    let res = post(&server, "add_report", Some(&token), &bad).await;
    assert_eq!(location(&res), "/staff?error=invalid_date");
}

#[tokio::test]
async fn an_administrator_disables_an_account_and_its_sessions_end() {
    let admin = ("admin", "admin", None, "admin-password-123");
    let server = TestServer::start_with_staff(&[HEAT, admin]);
    let heat = login(&server, "heat", HEAT.3).await.expect("signed in");
    let token = login(&server, "admin", admin.3).await.expect("signed in");
    let page = |path: &'static str, token: String| {
        let url = server.url(path);
        async move {
            client()
                .get(url)
                .header(header::COOKIE, format!("dianca_session={token}"))
                .send()
                .await
                .expect("r")
                .text()
                .await
                .expect("b")
        }
    };
    let accounts = page("/staff/accounts", token.clone()).await;
    let row = accounts
        .find("data-username=\"heat\"")
        .expect("heat listed");
    let id_at = accounts[row..]
        .find("name=\"staff_id\" value=\"")
        .expect("form")
        + row
        + "name=\"staff_id\" value=\"".len();
    let id: String = accounts[id_at..]
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    let res = post(
        &server,
        "set_account_disabled",
        Some(&heat),
        &[("staff_id", &id), ("disabled", "1")],
    )
    .await;
    assert_eq!(
        location(&res),
        "/staff/accounts?error=forbidden",
        "only administrators manage accounts"
    );
    let res = post(
        &server,
        "set_account_disabled",
        Some(&token),
        &[("staff_id", &id), ("disabled", "1")],
    )
    .await;
    assert_eq!(location(&res), "/staff/accounts?done=account_updated");
    assert!(
        page("/staff", heat).await.contains("请先登录"),
        "the disabled account's session ended"
    );
    assert!(
        login(&server, "heat", HEAT.3).await.is_none(),
        "and it cannot sign in"
    );
    let res = post(
        &server,
        "set_account_disabled",
        Some(&token),
        &[("staff_id", &id), ("disabled", "0")],
    )
    .await;
    assert_eq!(location(&res), "/staff/accounts?done=account_updated");
    assert!(login(&server, "heat", HEAT.3).await.is_some(), "re-enabled");
}
