//! One on-time rule (按时): the task list, the charts and the API count the same tasks as done on
//! time, done late and overdue.

use super::{add_task, json, list_item, series_sum, task, text, LATE};
use crate::support::staff::*;
use crate::support::TestServer;

#[tokio::test]
async fn one_on_time_rule_for_the_task_list_the_charts_and_the_api() {
    let server = TestServer::start_with_staff(&[EDITOR]);
    let late = task(&server, LATE).await;
    assert_eq!(late["status"], "done_late", "done 11-12, due 11-10");
    let page = text(&server, "/topics/2026/11").await;
    assert!(list_item(&page, LATE).contains("逾期后完成"));

    // A task answering no particular problem still counts in the topic's chart.
    let token = login(&server, "editor", EDITOR.3).await.expect("signed in");
    let added = add_task(
        &server,
        &token,
        &late,
        ("汇总供暖季诉求办理情况", "2027-03-31"),
        &[],
    )
    .await;
    assert!(added.contains("done="), "{added}");
    let tasks = json(&server, "/api/v1/topics/2026/11/tasks").await;
    let tasks = tasks.as_array().expect("tasks");
    assert_eq!(tasks.len(), 13);
    let count = |status: &str| tasks.iter().filter(|t| t["status"] == status).count() as f64;

    let chart = json(&server, "/charts/topic-2026-11-tasks.json").await;
    let series = |key: &str| series_sum(&chart, key);
    let total: f64 = ["done", "done_late", "in_progress", "not_started", "overdue"]
        .iter()
        .map(|k| series(k))
        .sum();
    assert_eq!(total, 13.0, "every task is in the chart");
    assert_eq!(series("done_late"), count("done_late"));
    assert_eq!(series("overdue"), count("overdue"));
    let done = count("done") + count("done_late");
    let takeaway = chart["takeaway"].as_str().expect("takeaway");
    assert!(
        takeaway.contains(&format!("13项任务中已完成{done}项")),
        "{takeaway}"
    );
    let page = text(&server, "/topics/2026/11").await;
    assert!(
        page.contains(&format!("已完成 {done} / 13 项")),
        "the bar says the same"
    );

    // The departments chart counts late tasks by the same rule (it spans every topic).
    let departments = json(&server, "/charts/departments-on-time.json").await;
    let late_total = series_sum(&departments, "late");
    // Other published topics may have late tasks too: this topic's are among them.
    assert!(late_total >= count("done_late") && late_total >= 1.0);
}
