//! Editing over real HTTP: a topic goes from draft to public with its lists, edits keep their
//! history, department staff report responsibility status for their own department only, and
//! administrators open accounts from the web.
// a test crate: a failure is a failed test
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support;

use support::staff::*;
use support::TestServer;

/// Pages with an authoring form to find the module's server-function URLs from.
const EDITOR_PAGE: (&str, &str) = ("/staff/topics", "save_topic");
const DESK_PAGE: (&str, &str) = ("/staff", "set_responsibility_state");
const ACCOUNTS_PAGE: (&str, &str) = ("/staff/accounts", "create_account");

/// The number after `marker` in `page` (an id in a form or link).
fn id_after(page: &str, marker: &str) -> String {
    let at = page
        .find(marker)
        .unwrap_or_else(|| panic!("{marker} in page"))
        + marker.len();
    page[at..]
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect()
}

#[tokio::test]
async fn a_new_topic_stays_private_until_published_and_keeps_its_history() {
    let server = TestServer::start_with_staff(&[EDITOR]);
    let token = login(&server, "editor", EDITOR.3).await.expect("signed in");
    let res = post_beside(
        &server,
        &token,
        EDITOR_PAGE,
        "save_topic",
        &[
            ("topic_id", ""),
            ("year", "2026"),
            ("month", "12"),
            ("theme", "老旧小区电梯维保"),
            ("summary", "电梯停运报修多"),
            ("lead", ""),
            ("plan", "## 方案\n\n<img src=x onerror=alert(1)>"),
        ],
    )
    .await;
    let target = location(&res);
    assert!(target.starts_with("/staff/topics/"), "{target}");
    assert!(target.ends_with("?done=topic_saved"), "{target}");
    let id = id_after(&target, "/staff/topics/");
    assert_eq!(
        status_as(&server, "/topics/2026/12", None).await,
        404,
        "a draft is not public"
    );

    let tasks: serde_json::Value = reqwest::get(server.url("/api/v1/topics/2026/11/tasks"))
        .await
        .expect("r")
        .json()
        .await
        .expect("json");
    let department = tasks[0]["owner"]["id"]
        .as_i64()
        .expect("owner id")
        .to_string();
    for (name, form) in [
        (
            "save_problem",
            vec![
                ("topic_id", id.as_str()),
                ("problem_id", ""),
                ("title", "电梯停运维修慢"),
            ],
        ),
        (
            "save_task",
            vec![
                ("topic_id", id.as_str()),
                ("task_id", ""),
                ("title", "建立电梯维保质量抽查制度"),
                ("problem", ""),
                ("owner", department.as_str()),
                ("level", "city"),
                ("due", "2027-03-31"),
            ],
        ),
    ] {
        let res = post_beside(&server, &token, EDITOR_PAGE, name, &form).await;
        assert_eq!(
            location(&res),
            format!("/staff/topics/{id}?done=item_saved"),
            "{name}"
        );
    }
    assert_eq!(
        publish_topic_confirmed(&server, &token, EDITOR_PAGE, &id).await,
        format!("/staff/topics/{id}?done=topic_published")
    );
    let public = reqwest::get(server.url("/topics/2026/12"))
        .await
        .expect("r");
    assert_eq!(public.status(), 200);
    let body = public.text().await.expect("b");
    assert!(body.contains("建立电梯维保质量抽查制度"));
    assert!(body.contains("电梯停运维修慢"));
    assert!(
        !body.contains("<img src=x"),
        "the plan's raw HTML is escaped"
    );

    // Edit the theme; the history shows the old and the new.
    let res = post_beside(
        &server,
        &token,
        EDITOR_PAGE,
        "save_topic",
        &[
            ("topic_id", &id),
            ("year", "2026"),
            ("month", "12"),
            ("theme", "电梯安全与维保"),
            ("summary", "电梯停运报修多"),
            ("lead", ""),
            ("plan", "## 方案"),
        ],
    )
    .await;
    assert_eq!(
        location(&res),
        format!("/staff/topics/{id}?done=topic_saved")
    );
    let history = get_as(&server, format!("/staff/history/topic/{id}"), &token).await;
    assert!(history.contains("<del>老旧小区电梯维保</del>"), "{history}");
    assert!(history.contains("<ins>电梯安全与维保</ins>"));

    // A second topic for the same month is refused, with a reason.
    let again = post_beside(
        &server,
        &token,
        EDITOR_PAGE,
        "save_topic",
        &[
            ("topic_id", ""),
            ("year", "2026"),
            ("month", "12"),
            ("theme", "重复的主题"),
            ("summary", ""),
            ("lead", ""),
            ("plan", ""),
        ],
    )
    .await;
    assert!(location(&again).starts_with("/staff/topics?error=invalid_duplicate&echo="));
}

#[tokio::test]
async fn department_staff_report_their_own_responsibilities_only() {
    let server = TestServer::start_with_staff(&[HEAT, EDITOR]);
    let token = login(&server, "heat", HEAT.3).await.expect("signed in");
    let responsibilities = responsibility_states(&server).await;
    let own = responsibilities
        .iter()
        .find(|(_, dept, state)| dept == "市城市管理委" && state != "done")
        .expect("an open responsibility of the heating department");
    let other = responsibilities
        .iter()
        .find(|(_, dept, state)| dept != "市城市管理委" && state != "done")
        .expect("another department's open responsibility");

    let res = post_beside(
        &server,
        &token,
        DESK_PAGE,
        "set_responsibility_state",
        &[("responsibility_id", &own.0.to_string()), ("state", "done")],
    )
    .await;
    assert_eq!(location(&res), "/staff?done=responsibility_updated");
    let res = post_beside(
        &server,
        &token,
        DESK_PAGE,
        "set_responsibility_state",
        &[
            ("responsibility_id", &other.0.to_string()),
            ("state", "done"),
        ],
    )
    .await;
    assert_eq!(
        location(&res),
        "/staff?error=forbidden",
        "refused on the server"
    );
    let after = responsibility_states(&server).await;
    assert_eq!(after.iter().find(|d| d.0 == own.0).expect("own").2, "done");
    assert_eq!(
        after.iter().find(|d| d.0 == other.0).expect("other").2,
        other.2
    );

    // Authoring is for editors: the pages and the actions say so.
    assert_eq!(status_as(&server, "/staff/topics", Some(&token)).await, 403);
    let res = post_beside(
        &server,
        &token,
        DESK_PAGE,
        "save_department",
        &[("department_id", ""), ("name", "测试部门")],
    )
    .await;
    assert_eq!(location(&res), "/staff/departments?error=forbidden");
    assert_eq!(
        status_as(&server, "/staff/topics", None).await,
        200,
        "asks to sign in"
    );
}

#[tokio::test]
async fn administrators_open_accounts_that_can_sign_in() {
    let server = TestServer::start_with_staff(&[ADMIN, EDITOR]);
    let admin = login(&server, "admin", ADMIN.3).await.expect("signed in");
    let form = [
        ("username", "wang.li"),
        ("display_name", "王立"),
        ("role", "department"),
        ("department", "市城市管理委"),
        ("password", "a-first-password-42"),
    ];
    let res = post_beside(&server, &admin, ACCOUNTS_PAGE, "create_account", &form).await;
    assert_eq!(location(&res), "/staff/accounts?done=account_created");
    let new = login(&server, "wang.li", "a-first-password-42")
        .await
        .expect("the new account signs in");
    let desk = get_as(&server, "/staff", &new).await;
    assert!(desk.contains("王立"));
    let again = post_beside(&server, &admin, ACCOUNTS_PAGE, "create_account", &form).await;
    assert_eq!(location(&again), "/staff/accounts?error=invalid_duplicate");
    let short = post_beside(
        &server,
        &admin,
        ACCOUNTS_PAGE,
        "create_account",
        &[
            ("username", "zhao"),
            ("display_name", "赵敏"),
            ("role", "editor"),
            ("department", ""),
            ("password", "short"),
        ],
    )
    .await;
    assert_eq!(location(&short), "/staff/accounts?error=invalid_password");
    let editor = login(&server, "editor", EDITOR.3).await.expect("signed in");
    let res = post_beside(&server, &editor, EDITOR_PAGE, "create_account", &form).await;
    assert_eq!(location(&res), "/staff/accounts?error=forbidden");
}

#[tokio::test]
async fn the_archive_filters_tasks_across_topics() {
    let server = TestServer::start();
    let all = reqwest::get(server.url("/archive"))
        .await
        .expect("r")
        .text()
        .await
        .expect("b");
    assert!(
        all.contains("冬季供暖与室温保障"),
        "the worked topic is in its month"
    );
    assert!(all.contains("/years/2024"));
    let overdue = reqwest::get(server.url("/archive?status=overdue"))
        .await
        .expect("r")
        .text()
        .await
        .expect("b");
    assert!(overdue.contains("status-overdue"));
    assert!(
        !overdue.contains("class=\"badge status-done\""),
        "only overdue items are listed"
    );
    let odd = reqwest::get(server.url("/archive?status=%3Cscript%3E&year=abc"))
        .await
        .expect("r");
    assert_eq!(odd.status(), 200, "unknown filters mean any");
    assert!(!odd.text().await.expect("b").contains("<script>"));
}

#[tokio::test]
async fn published_policies_and_reports_are_corrected_in_place_with_history() {
    let server = TestServer::start_with_staff(&[EDITOR]);
    let token = login(&server, "editor", EDITOR.3).await.expect("signed in");
    let topic: serde_json::Value = reqwest::get(server.url("/api/v1/topics/2026/11"))
        .await
        .expect("r")
        .json()
        .await
        .expect("json");
    let policy = &topic["policies"][0];
    let id = policy["id"].as_i64().expect("policy id").to_string();
    let old_title = policy["title"].as_str().expect("title").to_string();
    let new_title = format!("{old_title}（修订）");
    let page = format!("/staff/policies/{id}");
    let res = post_beside(
        &server,
        &token,
        (page.as_str(), "save_policy"),
        "save_policy",
        &[
            ("policy_id", &id),
            ("title", &new_title),
            ("doc_no", "京管发〔2026〕1号"),
            ("issuer", "市城市管理委"),
            ("issued", "2026-11-01"),
            ("effective", "javascript:alert(1)"),
            ("source", ""),
        ],
    )
    .await;
    assert!(location(&res).starts_with(&format!("{page}?error=invalid_date&echo=")));
    let res = post_beside(
        &server,
        &token,
        (page.as_str(), "save_policy"),
        "save_policy",
        &[
            ("policy_id", &id),
            ("title", &new_title),
            ("doc_no", "京管发〔2026〕1号"),
            ("issuer", "市城市管理委"),
            ("issued", "2026-11-01"),
            ("effective", ""),
            ("source", "首都之窗 https://www.beijing.gov.cn/"),
        ],
    )
    .await;
    assert_eq!(location(&res), format!("{page}?done=item_saved"));
    let public = reqwest::get(server.url(&format!("/policies/{id}")))
        .await
        .expect("r")
        .text()
        .await
        .expect("b");
    assert!(public.contains(&new_title));
    assert!(public.contains("京管发〔2026〕1号"));
    let history = get_as(&server, format!("/staff/history/policy/{id}"), &token).await;
    assert!(
        history.contains(&format!("<del>{old_title}</del>")),
        "{history}"
    );

    let report = &topic["reports"][0];
    let report_id = report["id"].as_i64().expect("report id").to_string();
    let page = format!("/staff/reports/{report_id}");
    let res = post_beside(
        &server,
        &token,
        (page.as_str(), "save_report"),
        "save_report",
        &[
            ("report_id", &report_id),
            ("date", report["date"].as_str().expect("date")),
            ("kind", "progress"),
            ("title", "室温整改推进（更正）"),
            // The author is chosen from the list; "keep" leaves the report's own as it was.
            ("author", "keep"),
            ("body", "- 更正：朝阳区入户测温已完成 80%"),
        ],
    )
    .await;
    assert_eq!(location(&res), format!("{page}?done=item_saved"));
    let public = reqwest::get(server.url("/topics/2026/11"))
        .await
        .expect("r")
        .text()
        .await
        .expect("b");
    assert!(public.contains("室温整改推进（更正）"));
    assert!(public.contains("朝阳区入户测温已完成 80%"));
}
