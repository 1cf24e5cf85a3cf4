//! 任务的公开记录 (issue 31 §1): a published task's due date moves only with a public reason,
//! keeps its original, and on-time stays judged against the original unless the extension was
//! granted before it passed; a completion recorded after the deadline is not on time whatever
//! date it claims; every change shows as a dated line under the public task.

use super::{add_task, json, series_sum, set_state, task, text};
use crate::support::staff::*;
use crate::support::TestServer;
use serde_json::Value;

/// 朝阳区政府's task, in progress and due 11-20: overdue by the time these tests run.
const OVERDUE: &str = "对室温不达标住户入户测温，一户一策整改";
/// 市住房城乡建设委's task, not started, due 12-31.
const NOT_YET_DUE: &str = "制定老旧小区供热管网改造年度计划";

/// The public task list's card for `title`, up to the next task's (its notes and change
/// lines are lists of their own).
fn task_card<'a>(page: &'a str, title: &str) -> &'a str {
    let list = page.find("id=\"tasks-heading\"").unwrap_or(0);
    let page = &page[list..];
    let at = page
        .find(title)
        .unwrap_or_else(|| panic!("{title} on the page"));
    let end = page[at..]
        .find("<li class=\"card task\"")
        .map_or(page.len(), |e| at + e);
    &page[at..end]
}

/// The sum of one series of the departments' on-time chart.
async fn departments(server: &TestServer, key: &str) -> f64 {
    let chart = json(server, "/charts/departments-on-time.json").await;
    series_sum(&chart, key)
}

/// The editor's save of a task with a new due date (and reason), answered with its redirect.
async fn move_due(server: &TestServer, token: &str, t: &Value, due: &str, reason: &str) -> String {
    let topic = json(server, "/api/v1/topics/2026/11").await;
    let topic_id = topic["topic"]["id"].as_i64().expect("topic").to_string();
    let id = t["id"].as_i64().expect("id").to_string();
    let owner = t["owner"]["id"].as_i64().expect("owner").to_string();
    let problem = t["problem_id"]
        .as_i64()
        .map(|p| p.to_string())
        .unwrap_or_default();
    let res = post_beside(
        server,
        token,
        ("/staff/topics", "save_topic"),
        "save_task",
        &[
            ("topic_id", topic_id.as_str()),
            ("task_id", id.as_str()),
            ("title", t["title"].as_str().expect("title")),
            ("problem", problem.as_str()),
            ("owner", owner.as_str()),
            ("level", t["level"].as_str().expect("level")),
            ("due", due),
            ("change_reason", reason),
        ],
    )
    .await;
    location(&res)
}

#[tokio::test]
async fn a_deadline_moved_after_it_passed_keeps_the_task_overdue_in_public_and_in_every_count() {
    let server = TestServer::start_with_staff(&[EDITOR]);
    let token = login(&server, "editor", EDITOR.3).await.expect("signed in");
    let before = task(&server, OVERDUE).await;
    assert_eq!(before["status"], "overdue", "due 11-20, in progress");
    let overdue_before = departments(&server, "overdue").await;

    // No reason: refused, with the typed date kept for the editor.
    let refused = move_due(&server, &token, &before, "2026-12-31", "").await;
    assert!(refused.contains("error=invalid_change_reason"), "{refused}");
    assert_eq!(task(&server, OVERDUE).await["due"], "2026-11-20");

    let saved = move_due(
        &server,
        &token,
        &before,
        "2026-12-31",
        "入户测温需等供暖稳定后进行",
    )
    .await;
    assert!(saved.contains("done="), "{saved}");
    let after = task(&server, OVERDUE).await;
    assert_eq!(after["due"], "2026-12-31");
    assert_eq!(after["original_due"], "2026-11-20");
    assert_eq!(
        after["judged_due"], "2026-11-20",
        "granted after 11-20 had passed"
    );
    assert_eq!(
        after["status"], "overdue",
        "still overdue against the original date"
    );
    assert_eq!(after["changes"][0]["kind"], "due");
    assert_eq!(after["changes"][0]["after_deadline"], true);
    assert_eq!(
        departments(&server, "overdue").await,
        overdue_before,
        "the department record counts it overdue as before"
    );

    let page = text(&server, "/topics/2026/11").await;
    let item = task_card(&page, OVERDUE);
    assert!(item.contains("已逾期"), "{item}");
    assert!(item.contains("原定 2026年11月20日"), "{item}");
    assert!(
        item.contains(
            "截止日期由 2026年11月20日 改为 2026年12月31日。理由：入户测温需等供暖稳定后进行。调整时原截止日期已过"
        ),
        "{item}"
    );
    assert!(
        item.contains("调整时原截止日期已过，是否按期仍以 2026年11月20日 计"),
        "{item}"
    );
    let en = client()
        .get(server.url("/topics/2026/11"))
        .header(reqwest::header::COOKIE, "lang=en")
        .send()
        .await
        .expect("en")
        .text()
        .await
        .expect("body");
    assert!(
        en.contains("Due date moved from 20 November 2026 to 31 December 2026"),
        "the line in English"
    );

    // An extension granted before the date passed moves the date judged with it.
    let later = task(&server, NOT_YET_DUE).await;
    let saved = move_due(
        &server,
        &token,
        &later,
        "2027-03-31",
        "改造计划需与区级方案衔接",
    )
    .await;
    assert!(saved.contains("done="), "{saved}");
    let later = task(&server, NOT_YET_DUE).await;
    assert_eq!(later["original_due"], "2026-12-31");
    assert!(later["judged_due"].is_null(), "judged against the new date");
    assert_eq!(later["changes"][0]["after_deadline"], false);
}

#[tokio::test]
async fn a_back_dated_completion_recorded_after_the_deadline_counts_late_and_says_when_it_was_recorded(
) {
    let server = TestServer::start_with_staff(&[EDITOR]);
    let token = login(&server, "editor", EDITOR.3).await.expect("signed in");
    let late_before = departments(&server, "late").await;
    let on_time_before = departments(&server, "on_time").await;
    let t = task(&server, OVERDUE).await;
    let id = t["id"].as_i64().expect("id").to_string();

    // Reported done today, then back-dated to the day before it was due.
    let done = set_state(&server, &token, &id, &[("state", "done")]).await;
    assert!(done.contains("done="), "{done}");
    let back = set_state(
        &server,
        &token,
        &id,
        &[("state", "done"), ("done_on", "2026-11-19")],
    )
    .await;
    assert!(back.contains("done="), "{back}");
    let after = task(&server, OVERDUE).await;
    assert_eq!(after["done_on"], "2026-11-19");
    assert_eq!(
        after["status"], "done_late",
        "recorded after 11-20 had passed"
    );
    assert_eq!(departments(&server, "late").await, late_before + 1.0);
    assert_eq!(departments(&server, "on_time").await, on_time_before);

    let page = text(&server, "/topics/2026/11").await;
    let item = task_card(&page, OVERDUE);
    assert!(item.contains("逾期后完成"), "{item}");
    assert!(item.contains("才登记，晚于截止日期"), "{item}");
    assert!(item.contains("状态由“进行中”改为“已完成（"), "{item}");
    assert!(
        item.contains("完成日期由 ") && item.contains(" 改为 2026年11月19日。"),
        "the back-dating shows: {item}"
    );
}

#[tokio::test]
async fn a_new_task_cannot_be_completed_before_it_existed() {
    let server = TestServer::start_with_staff(&[EDITOR]);
    let token = login(&server, "editor", EDITOR.3).await.expect("signed in");
    let t = task(&server, NOT_YET_DUE).await;
    let added = add_task(
        &server,
        &token,
        &t,
        ("新增：供热投诉回访", "2027-03-31"),
        &[],
    )
    .await;
    assert!(added.contains("done="), "{added}");
    let new = task(&server, "新增：供热投诉回访").await;
    let id = new["id"].as_i64().expect("id").to_string();
    let refused = set_state(
        &server,
        &token,
        &id,
        &[("state", "done"), ("done_on", "2020-01-01")],
    )
    .await;
    assert_eq!(refused, "/staff?error=invalid_done_before_start");
    assert_eq!(
        task(&server, "新增：供热投诉回访").await["state"],
        "not_started"
    );
}

#[tokio::test]
async fn a_due_date_far_from_the_topic_month_is_saved_only_once_confirmed() {
    let server = TestServer::start_with_staff(&[EDITOR]);
    let token = login(&server, "editor", EDITOR.3).await.expect("signed in");
    let t = task(&server, NOT_YET_DUE).await;
    let title = "核对：一年前的截止日期";
    let send = |confirm: &'static str| {
        let (server, token, t) = (&server, token.clone(), t.clone());
        async move {
            let extra = [("confirm_dates", confirm)];
            add_task(server, &token, &t, (title, "2025-11-20"), &extra).await
        }
    };
    let refused = send("").await;
    assert!(
        refused.contains("error=invalid_due_outside_topic"),
        "{refused}"
    );
    let page = get_as(&server, &refused, &token).await;
    assert!(
        page.contains("这个截止日期不在本专题月份前后的常见范围内"),
        "the warning"
    );
    assert!(
        page.contains("name=\"confirm_dates\""),
        "a box to confirm it"
    );
    assert!(
        page.contains("value=\"2025-11-20\""),
        "the typed date is kept"
    );
    let tasks = json(&server, "/api/v1/topics/2026/11/tasks").await;
    assert!(!tasks.to_string().contains(title), "nothing saved yet");

    let saved = send("1").await;
    assert!(saved.contains("done="), "{saved}");
    assert_eq!(task(&server, title).await["due"], "2025-11-20");
}
