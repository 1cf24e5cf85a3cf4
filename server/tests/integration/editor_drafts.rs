//! The editor's drafts over real HTTP (issue 34): publishing names what is missing before it
//! goes out; whatever was never public can be deleted, with its last version kept in the
//! history; a published topic cannot lose a line, and its withdrawal offers its policies too.
// a test crate: a failure is a failed test
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support;

use support::staff::*;
use support::TestServer;

const EDITOR_PAGE: (&str, &str) = ("/staff/topics", "save_topic");

/// A new draft topic for December 2026; its id.
async fn draft(server: &TestServer, token: &str, theme: &str) -> String {
    let res = post_beside(
        server,
        token,
        EDITOR_PAGE,
        "save_topic",
        &[
            ("topic_id", ""),
            ("year", "2026"),
            ("month", "12"),
            ("theme", theme),
            ("summary", "楼道灯坏了没人修"),
            ("lead", ""),
            ("plan", "# 方案"),
        ],
    )
    .await;
    let target = location(&res);
    let id: String = target
        .trim_start_matches("/staff/topics/")
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    assert!(!id.is_empty(), "{target}");
    id
}

/// Any department's id, from the public task list.
async fn a_department(server: &TestServer) -> String {
    let tasks: serde_json::Value = reqwest::get(server.url("/api/v1/topics/2026/11/tasks"))
        .await
        .expect("r")
        .json()
        .await
        .expect("json");
    tasks[0]["owner"]["id"].as_i64().expect("owner").to_string()
}

/// Saves `name` on the topic's editor page and expects it saved.
async fn save(server: &TestServer, token: &str, id: &str, name: &str, form: &[(&str, &str)]) {
    let page = format!("/staff/topics/{id}");
    let res = post_beside(server, token, (&page, "save_topic"), name, form).await;
    assert_eq!(
        location(&res),
        format!("/staff/topics/{id}?done=item_saved"),
        "{name}"
    );
}

/// The number after `marker` in `page`.
fn number_after(page: &str, marker: &str) -> String {
    let at = page
        .find(marker)
        .unwrap_or_else(|| panic!("no {marker} on the page"))
        + marker.len();
    page[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect()
}

#[tokio::test]
async fn publishing_names_every_gap_with_a_link_to_its_fix() {
    let server = TestServer::start_with_staff(&[EDITOR]);
    let token = login(&server, "editor", EDITOR.3).await.expect("signed in");
    let id = draft(&server, &token, "楼道照明（检查清单测试）").await;
    let department = a_department(&server).await;
    save(
        &server,
        &token,
        &id,
        "save_problem",
        &[
            ("topic_id", &id),
            ("problem_id", ""),
            ("title", "楼道灯长期不亮"),
        ],
    )
    .await;
    // A deadline before the month, saved only because the editor confirmed it.
    save(
        &server,
        &token,
        &id,
        "save_task",
        &[
            ("topic_id", &id),
            ("task_id", ""),
            ("title", "排查老旧小区楼道灯"),
            ("problem", ""),
            ("owner", &department),
            ("level", "city"),
            ("due", "2026-01-31"),
            ("confirm_dates", "1"),
        ],
    )
    .await;
    let page = format!("/staff/topics/{id}");
    let editor = get_as(&server, &page, &token).await;
    assert!(
        editor.contains("发布前还有 5 项需要检查"),
        "the count beside 发布…"
    );
    let confirm = get_as(&server, format!("{page}?confirm=publish"), &token).await;
    assert!(confirm.contains("发布前请检查"), "{confirm}");
    for (words, anchor) in [
        ("还没有选牵头部门", "#topic-fields"),
        ("配合部门为空", "#topic-cooperating"),
        ("1 个问题没有关联 12345 热线分类", "#topic-problems"),
        ("1 项任务的截止日期早于本月", "#edit-tasks"),
        ("政策清单为空", "#topic-documents"),
    ] {
        let at = confirm
            .find(words)
            .unwrap_or_else(|| panic!("{words} is not named"));
        let link = confirm[..at].rfind("href=\"").expect("a link");
        assert!(
            confirm[link..].starts_with(&format!("href=\"{anchor}\"")),
            "{words} links to {anchor}"
        );
    }
    assert!(confirm.contains("楼道灯长期不亮"), "the problem is named");
    assert!(
        confirm.contains("《排查老旧小区楼道灯》截止 2026-01-31"),
        "the task and its date are named"
    );
    // The anchors exist on the page.
    for anchor in [
        "topic-fields",
        "topic-cooperating",
        "topic-problems",
        "edit-tasks",
        "topic-documents",
    ] {
        assert!(editor.contains(&format!("id=\"{anchor}\"")), "{anchor}");
    }
    // A warning, not a lock: it still publishes.
    assert_eq!(
        publish_topic_confirmed(&server, &token, (&page, "save_topic"), &id).await,
        format!("/staff/topics/{id}?done=topic_published")
    );
}

#[tokio::test]
async fn a_draft_and_its_items_can_be_deleted_and_a_published_topic_cannot() {
    let server = TestServer::start_with_staff(&[EDITOR, ADMIN]);
    let token = login(&server, "editor", EDITOR.3).await.expect("signed in");
    let id = draft(&server, &token, "楼道照明（删除测试）").await;
    let department = a_department(&server).await;
    let page = format!("/staff/topics/{id}");
    save(
        &server,
        &token,
        &id,
        "save_problem",
        &[
            ("topic_id", &id),
            ("problem_id", ""),
            ("title", "楼道灯长期不亮"),
        ],
    )
    .await;
    let problem = number_after(
        &get_as(&server, &page, &token).await,
        "name=\"problem_id\" value=\"",
    );
    save(
        &server,
        &token,
        &id,
        "save_task",
        &[
            ("topic_id", &id),
            ("task_id", ""),
            ("title", "排查老旧小区楼道灯"),
            ("problem", &problem),
            ("owner", &department),
            ("level", "city"),
            ("due", "2027-03-31"),
        ],
    )
    .await;
    save(
        &server,
        &token,
        &id,
        "save_responsibility",
        &[
            ("topic_id", &id),
            ("responsibility_id", ""),
            ("duty", "街道每月巡查楼道灯"),
            ("department", &department),
            ("level", "city"),
            ("batch", "1"),
        ],
    )
    .await;
    let editor = get_as(&server, &page, &token).await;
    assert_eq!(
        editor.matches("name=\"part\"").count(),
        4,
        "the topic, its problem, its task and its responsibility each offer 删除…"
    );
    assert!(editor.contains("删除“楼道灯长期不亮”？"));
    let task = number_after(&editor, "data-task-id=\"");
    let duty = number_after(&editor, "data-responsibility-id=\"");

    let delete = |part: &'static str, item: String| {
        let (server, token, id, page) = (&server, &token, id.clone(), page.clone());
        async move {
            let res = post_beside(
                server,
                token,
                (&page, "delete_draft"),
                "delete_draft",
                &[("topic_id", &id), ("part", part), ("id", &item)],
            )
            .await;
            location(&res)
        }
    };
    // The problem goes; the task that pointed to it stays, without a problem.
    assert_eq!(
        delete("problem", problem.clone()).await,
        format!("{page}?done=draft_deleted")
    );
    let editor = get_as(&server, format!("{page}?done=draft_deleted"), &token).await;
    assert!(!editor.contains("value=\"楼道灯长期不亮\""), "problem gone");
    assert!(editor.contains("排查老旧小区楼道灯"), "its task stays");
    assert!(editor.contains("已删除。"), "the page says so");
    assert_eq!(
        delete("task", task).await,
        format!("{page}?done=draft_deleted")
    );
    assert_eq!(
        delete("responsibility", duty).await,
        format!("{page}?done=draft_deleted")
    );
    let editor = get_as(&server, &page, &token).await;
    assert!(!editor.contains("排查老旧小区楼道灯"));
    assert!(!editor.contains("街道每月巡查楼道灯"));
    // The history keeps the last version, under 删除.
    let history = get_as(&server, format!("/staff/history/problem/{problem}"), &token).await;
    assert!(history.contains("删除"), "{history}");
    assert!(history.contains("楼道灯长期不亮"));

    // The whole draft topic; its month is free again.
    assert_eq!(
        delete("topic", id.clone()).await,
        "/staff/topics?done=topic_deleted"
    );
    assert_eq!(status_as(&server, &page, Some(&token)).await, 404);
    let admin = login(&server, "admin", ADMIN.3).await.expect("admin");
    let audit = get_as(&server, "/staff/audit", &admin).await;
    for action in [
        "topic.delete",
        "problem.delete",
        "task.delete",
        "responsibility.delete",
    ] {
        assert!(audit.contains(action), "{action} in the audit log");
    }
    // The month is free again; a new topic there starts its own history (SQLite may give it
    // the deleted one's id).
    let again = draft(&server, &token, "楼道照明（删除后重建）").await;
    let history = get_as(&server, format!("/staff/history/topic/{again}"), &token).await;
    assert!(history.contains("楼道照明（删除后重建）"));
    assert!(
        !history.contains("楼道照明（删除测试）"),
        "not the deleted topic's history"
    );

    // A published topic offers no deletion, and a crafted one is refused.
    let (published_page, editor) = topic_page_with(&server, &token, "撤回…").await;
    let published = number_after(&published_page, "/staff/topics/");
    assert!(!editor.contains("name=\"part\""), "no 删除… once public");
    let task = number_after(&editor, "data-task-id=\"");
    let res = post_beside(
        &server,
        &token,
        (&page_of(&again), "delete_draft"),
        "delete_draft",
        &[("topic_id", &published), ("part", "task"), ("id", &task)],
    )
    .await;
    assert_eq!(
        location(&res),
        format!("{published_page}?error=invalid_ever_public")
    );
    assert!(get_as(&server, &published_page, &token)
        .await
        .contains(&format!("data-task-id=\"{task}\"")));
}

fn page_of(id: &str) -> String {
    format!("/staff/topics/{id}")
}

/// The first topic on the editor's list whose editor page contains `marker`: its path and page.
async fn topic_page_with(server: &TestServer, token: &str, marker: &str) -> (String, String) {
    let topics = get_as(server, "/staff/topics", token).await;
    for part in topics.split("href=\"/staff/topics/").skip(1) {
        let id: String = part.chars().take_while(char::is_ascii_digit).collect();
        if id.is_empty() {
            continue;
        }
        let page = page_of(&id);
        let editor = get_as(server, &page, token).await;
        if editor.contains(marker) {
            return (page, editor);
        }
    }
    panic!("no topic page with {marker}");
}

#[tokio::test]
async fn withdrawing_a_topic_offers_its_policies_and_takes_back_those_ticked() {
    let server = TestServer::start_with_staff(&[EDITOR]);
    let token = login(&server, "editor", EDITOR.3).await.expect("signed in");
    // A published topic whose editor page offers a policy with its withdrawal.
    let (page, editor) = topic_page_with(&server, &token, "name=\"policies[]\"").await;
    assert!(editor.contains("同时撤回政策《"));
    let policy = number_after(&editor, "id=\"withdraw-policy-");
    let topic_id = number_after(&editor, "name=\"topic_id\" value=\"");
    assert_eq!(
        status_as(&server, &format!("/policies/{policy}"), None).await,
        200
    );
    let reason = "主题合并，政策随主题一并撤回复核";
    let res = post_beside(
        &server,
        &token,
        (&page, "withdraw_topic"),
        "withdraw_topic",
        &[
            ("topic_id", &topic_id),
            ("reason", reason),
            ("policies[]", &policy),
        ],
    )
    .await;
    assert_eq!(location(&res), format!("{page}?done=topic_withdrawn"));
    assert_eq!(
        status_as(&server, &format!("/policies/{policy}"), None).await,
        410
    );
    let gone = reqwest::get(server.url(&format!("/policies/{policy}")))
        .await
        .expect("r")
        .text()
        .await
        .expect("b");
    assert!(gone.contains(&format!("撤回原因：{reason}")));
}
