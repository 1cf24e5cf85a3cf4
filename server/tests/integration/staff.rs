//! Staff accounts over real HTTP: sessions, throttling, permissions, CSRF, audit, accounts.
// a test crate: a failure is a failed test
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support;

use reqwest::{header, StatusCode};
use support::staff::*;
use support::TestServer;

#[tokio::test]
async fn sign_in_rotates_the_session_and_sign_out_everywhere_ends_all() {
    let server = TestServer::start_with_staff(&[HEAT]);
    let first = login(&server, "heat", HEAT.3).await.expect("signed in");
    let second = login(&server, "heat", HEAT.3)
        .await
        .expect("signed in again");
    assert_ne!(first, second, "each sign-in gets a new session id");
    let desk = |token: String| get_as(&server, "/staff", token);
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
    assert_eq!(
        location(&res),
        format!("/staff?error=forbidden&task={id}#task-{id}")
    );
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
        assert_eq!(
            location(&res),
            format!("/staff?done=task_updated&task={id}#task-{id}")
        );
    }
    let res = post(
        &server,
        "set_task_state",
        None,
        &[("task_id", &id), ("state", "done")],
    )
    .await;
    assert_eq!(
        location(&res),
        format!("/staff?error=not_signed_in&task={id}#task-{id}")
    );
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
    // The authoring module's actions, found from the desk's responsibility form.
    let duty_action = action_on(&server, "/staff", &token, "set_responsibility_state").await;
    for name in [
        "set_responsibility_state",
        "save_topic",
        "publish_topic",
        "save_problem",
        "save_task",
        "save_responsibility",
        "save_department",
        "save_policy",
        "save_report",
        "create_account",
    ] {
        let res = client()
            .post(duty_action.replacen("set_responsibility_state", name, 1))
            .header(header::ORIGIN, "https://evil.example")
            .header(header::COOKIE, format!("dianca_session={token}"))
            .form(&[("responsibility_id", "1"), ("state", "done")])
            .send()
            .await
            .expect("post");
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{name}");
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
    let get = |path: &'static str, token: String| get_as(&server, path, token);
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
async fn an_administrator_disables_an_account_and_its_sessions_end() {
    let admin = ("admin", "admin", None, "admin-password-123");
    let server = TestServer::start_with_staff(&[HEAT, admin]);
    let heat = login(&server, "heat", HEAT.3).await.expect("signed in");
    let token = login(&server, "admin", admin.3).await.expect("signed in");
    let page = |path: &'static str, token: String| get_as(&server, path, token);
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

/// The `/staff` parent route's one gate: every staff page, signed out (or with a session that
/// has ended), shows the same sign-in notice and nothing of its own; the sign-in page is open,
/// and signed in the page itself is shown.
#[tokio::test]
async fn every_staff_page_has_the_one_sign_in_gate() {
    let server = TestServer::start_with_staff(&[HEAT]);
    let pages = [
        "/staff",
        "/staff/accounts",
        "/staff/audit",
        "/staff/import/1",
        "/staff/topics",
        "/staff/topics/1",
        "/staff/policies/1",
        "/staff/reports/1",
        "/staff/departments",
        "/staff/history/task/1",
        "/staff/hotline",
        "/staff/cycles",
        "/staff/moderation",
    ];
    for path in pages {
        for token in ["", "not-a-session"] {
            let body = get_as(&server, path, token).await;
            assert!(
                body.contains("<h1>工作人员登录</h1>") && body.contains("请先登录"),
                "{path} (session {token:?}) shows the sign-in gate"
            );
            assert!(
                body.contains(&format!(r#"href="/staff/login?next={path}""#)),
                "{path}: a way to sign in that comes back here"
            );
        }
    }
    let sign_in_page = get_as(&server, "/staff/login", "").await;
    assert!(sign_in_page.contains(r#"name="password""#) && !sign_in_page.contains("请先登录"));
    let token = login(&server, "heat", HEAT.3).await.expect("signed in");
    let desk = get_as(&server, "/staff", &token).await;
    assert!(desk.contains("当前登录：heat") && !desk.contains("请先登录"));

    // Signing in from the gate returns to the page asked for; a wrong password keeps it.
    let form = get_as(&server, "/staff/login?next=/staff/topics/1", "").await;
    assert!(form.contains(r#"name="next" value="/staff/topics/1""#));
    async fn sign_in(server: &TestServer, password: &str, next: &str) -> String {
        let form = [("username", "heat"), ("password", password), ("next", next)];
        location(&post(server, "login", None, &form).await)
    }
    let back = sign_in(&server, HEAT.3, "/staff/topics/1").await;
    assert_eq!(back, "/staff/topics/1");
    let wrong = sign_in(&server, "wrong", "/staff/topics/1").await;
    assert!(wrong.contains("next=/staff/topics/1"), "{wrong}");
    assert_eq!(sign_in(&server, HEAT.3, "//evil.example/").await, "/staff");
}

/// `staff-add` on the command line checks a username as the web form does (issue 34: a
/// Cyrillic `а`, a zero-width space or full-width letters made a look-alike of `admin`).
#[test]
fn the_command_line_refuses_the_look_alike_names_the_web_form_refuses() {
    let server = TestServer::start();
    for name in ["аdmin", "ad\u{200b}min", "ａｄｍｉｎ", "ad min", "ab"] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_server"))
            .args(["staff-add", "--username", name, "--role", "admin"])
            .env("DATABASE_URL", &server.database_url)
            .env("DIANCA_NEW_PASSWORD", "a-long-enough-password-1")
            .output()
            .expect("runs");
        assert!(!out.status.success(), "{name:?} was accepted");
        let said = [out.stdout, out.stderr].concat();
        let said = String::from_utf8_lossy(&said);
        assert!(said.contains("username"), "{name:?}: {said}");
    }
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_server"))
        .args(["staff-add", "--username", "admin.two", "--role", "admin"])
        .env("DATABASE_URL", &server.database_url)
        .env("DIANCA_NEW_PASSWORD", "a-long-enough-password-1")
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Signed in, a member of staff sees it in the header of every page, with her desk one click
/// away (issue 34: the header looked the same as a resident's); a resident sees nothing of it.
#[tokio::test]
async fn the_header_says_who_is_signed_in_on_every_page() {
    let server = TestServer::start_with_staff(&[EDITOR]);
    let token = login(&server, "editor", EDITOR.3).await.expect("signed in");
    for path in ["/", "/topics/2026/11", "/vote", "/staff/topics"] {
        let page = get_as(&server, path, &token).await;
        let header =
            &page[page.find("<header").expect("header")..page.find("</header>").expect("end")];
        assert!(header.contains("当前登录："), "{path}: {header}");
        assert!(header.contains("（编辑）"), "{path}: {header}");
        assert!(header.contains("href=\"/staff\""), "{path}");
    }
    let public = reqwest::get(server.url("/"))
        .await
        .expect("r")
        .text()
        .await
        .expect("b");
    assert!(!public.contains("当前登录："));
}
