//! A department's staff over real HTTP: the completion date is a field (reopening asks first,
//! keeps the date and can be undone), delay reasons and progress notes with evidence are
//! public, progress reports are posted under the account's own department, and one on-time
//! rule holds for the task list, the charts and the API.
// a test crate: a failure is a failed test
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support;

use serde_json::Value;
use support::staff::*;
use support::TestServer;

mod delay;
mod notes;
mod on_time;
mod reports;
mod task_record;

/// The worked topic's task 市城市管理委 finished on 11-14, a day before it was due.
const ON_TIME: &str = "明确供暖报修 2 小时内派单的时限要求";
/// Another department's task, done on 11-12 though due on 11-10.
const LATE: &str = "供热企业报修电话与 12345 工单系统对接";

pub(super) async fn json(server: &TestServer, path: &str) -> Value {
    reqwest::get(server.url(path))
        .await
        .expect("r")
        .json()
        .await
        .expect("json")
}

pub(super) async fn text(server: &TestServer, path: &str) -> String {
    reqwest::get(server.url(path))
        .await
        .expect("r")
        .text()
        .await
        .expect("b")
}

pub(super) async fn task(server: &TestServer, title: &str) -> Value {
    let tasks = json(server, "/api/v1/topics/2026/11/tasks").await;
    tasks
        .as_array()
        .expect("tasks")
        .iter()
        .find(|t| t["title"] == title)
        .cloned()
        .unwrap_or_else(|| panic!("task {title}"))
}

/// The `<li>` of the public task list that holds `title`.
pub(super) fn list_item<'a>(page: &'a str, title: &str) -> &'a str {
    // The task list, not an earlier mention (the chart's data table names tasks too).
    let list = page.find("id=\"tasks-heading\"").unwrap_or(0);
    let page = &page[list..];
    let at = page
        .find(title)
        .unwrap_or_else(|| panic!("{title} on the page"));
    let end = page[at..].find("</li>").map_or(page.len(), |e| at + e);
    &page[at..end]
}

/// The sum of one series (by key) of a chart's JSON document.
pub(super) fn series_sum(chart: &Value, key: &str) -> f64 {
    chart["data"]["series"]
        .as_array()
        .expect("series")
        .iter()
        .find(|s| s["key"] == key)
        .map(|s| {
            s["values"]
                .as_array()
                .expect("values")
                .iter()
                .filter_map(Value::as_f64)
                .sum()
        })
        .unwrap_or(0.0)
}

/// The editor adds a task to the 2026-11 topic, owned by `like`'s owner at city level (with
/// any further fields): the address the form answers with.
pub(super) async fn add_task(
    server: &TestServer,
    token: &str,
    like: &Value,
    (title, due): (&str, &str),
    extra: &[(&str, &str)],
) -> String {
    let topic = json(server, "/api/v1/topics/2026/11").await;
    let topic_id = topic["topic"]["id"].as_i64().expect("topic").to_string();
    let owner = like["owner"]["id"].as_i64().expect("owner").to_string();
    let mut fields = vec![
        ("topic_id", topic_id.as_str()),
        ("task_id", ""),
        ("title", title),
        ("problem", ""),
        ("owner", owner.as_str()),
        ("level", "city"),
        ("due", due),
    ];
    fields.extend_from_slice(extra);
    let page = ("/staff/topics", "save_topic");
    location(&post_beside(server, token, page, "save_task", &fields).await)
}

pub(super) async fn set_state(
    server: &TestServer,
    token: &str,
    id: &str,
    form: &[(&str, &str)],
) -> String {
    let mut fields = vec![("task_id", id)];
    fields.extend_from_slice(form);
    outcome_of(&location(
        &post(server, "set_task_state", Some(token), &fields).await,
    ))
}

/// Where an action on one task sends her, without the task part (`&task={id}#task-{id}`, so
/// the desk opens at that task's card and words the outcome there).
pub(super) fn outcome_of(location: &str) -> String {
    match location.split_once("&task=") {
        Some((outcome, task)) => {
            let id = task.split('#').next().unwrap_or_default();
            assert!(
                location.ends_with(&format!("&task={id}#task-{id}")),
                "{location}"
            );
            outcome.to_string()
        }
        None => location.to_string(),
    }
}

#[tokio::test]
async fn reopening_a_done_task_asks_first_keeps_its_date_and_can_be_undone() {
    let server = TestServer::start_with_staff(&[HEAT]);
    let token = login(&server, "heat", HEAT.3).await.expect("signed in");
    let before = task(&server, ON_TIME).await;
    assert_eq!(
        (before["status"].as_str(), before["done_on"].as_str()),
        (Some("done"), Some("2026-11-14"))
    );
    let id = before["id"].as_i64().expect("id").to_string();

    // The date is a field: a correction is checked, shown, and kept in the history.
    let future = set_state(
        &server,
        &token,
        &id,
        &[("state", "done"), ("done_on", "2099-01-01")],
    )
    .await;
    assert_eq!(future, "/staff?error=invalid_done_on");
    set_state(
        &server,
        &token,
        &id,
        &[("state", "done"), ("done_on", "2026-11-20")],
    )
    .await;
    let corrected = task(&server, ON_TIME).await;
    assert_eq!(
        (corrected["status"].as_str(), corrected["done_on"].as_str()),
        (Some("done_late"), Some("2026-11-20"))
    );
    // Put back: the rest of this test starts from the date on record.
    set_state(
        &server,
        &token,
        &id,
        &[("state", "done"), ("done_on", "2026-11-14")],
    )
    .await;
    assert_eq!(task(&server, ON_TIME).await["status"], "done");
    let history = get_as(&server, format!("/staff/history/task/{id}"), &token).await;
    assert!(
        history.contains("完成日期"),
        "the department reads its task's history"
    );
    assert!(history.contains("<del>2026-11-14</del>") && history.contains("<ins>2026-11-20</ins>"));

    // 进行中 on a done task: nothing is written until the member confirms.
    let target = set_state(&server, &token, &id, &[("state", "in_progress")]).await;
    assert_eq!(
        target,
        format!("/staff?confirm={id}&state=in_progress#task-{id}")
    );
    assert_eq!(task(&server, ON_TIME).await["done_on"], "2026-11-14");
    let question = get_as(&server, &target, &token).await;
    assert!(
        question.contains("这项任务已于 2026年11月14日 完成"),
        "the question names the date"
    );

    let target = set_state(
        &server,
        &token,
        &id,
        &[("state", "in_progress"), ("confirm", "1")],
    )
    .await;
    assert_eq!(target, "/staff?done=task_updated");
    let reopened = task(&server, ON_TIME).await;
    assert_eq!(reopened["status"], "overdue", "due 11-15, not done");
    assert!(reopened["done_on"].is_null());
    let desk = get_as(&server, "/staff", &token).await;
    assert!(desk.contains("上次记录的完成日期是 2026年11月14日"));
    // The save is answered in the task's own card, where the page opens (issue 34: at the
    // top of a long desk, "任务状态已更新。" — which task?).
    let answered = get_as(
        &server,
        &format!("/staff?done=task_updated&task={id}"),
        &token,
    )
    .await;
    let card = answered.find(&format!("id=\"task-{id}\"")).expect("card");
    let flash = answered.find("flash flash-ok").expect("worded");
    assert!(flash > card, "in the card, not at the top of the desk");
    let end = card + answered[card..].find("</li>").expect("card end");
    assert!(flash < end, "in this task's card");
    assert!(desk.contains("撤销后恢复为：已完成，完成于 2026年11月14日"));

    // Undo restores the state and the true date, once.
    let undo = action_on(&server, "/staff", &token, "undo_task_state").await;
    let res = client()
        .post(&undo)
        .header(reqwest::header::COOKIE, format!("dianca_session={token}"))
        .header(reqwest::header::ACCEPT, "text/html")
        .form(&[("task_id", id.as_str())])
        .send()
        .await
        .expect("post");
    assert_eq!(outcome_of(&location(&res)), "/staff?done=task_undone");
    let undone = task(&server, ON_TIME).await;
    assert_eq!(
        (undone["status"].as_str(), undone["done_on"].as_str()),
        (Some("done"), Some("2026-11-14"))
    );
    // The public page shows the current state and how it got there (issue 31 §1).
    let page = text(&server, "/topics/2026/11").await;
    assert!(page.contains("状态由“已完成（2026年11月14日）”改为“进行中”。"));
    assert!(page.contains("撤销上一次状态更改，由“进行中”恢复为“已完成（2026年11月14日）”。"));
    let again = client()
        .post(&undo)
        .header(reqwest::header::COOKIE, format!("dianca_session={token}"))
        .header(reqwest::header::ACCEPT, "text/html")
        .form(&[("task_id", id.as_str())])
        .send()
        .await
        .expect("post");
    assert_eq!(outcome_of(&location(&again)), "/staff?error=invalid_undo");
    // The history speaks words, not codes, and does not date the original version at the
    // first edit (issue 34: `task.state`, `in_progress`, "first public version" dated wrong).
    let history = get_as(&server, format!("/staff/history/task/{id}"), &token).await;
    assert!(history.contains("更新状态") && history.contains("撤销上一次状态更改"));
    assert!(history.contains("<ins>进行中</ins>"), "state in words");
    for code in ["task.state", "task.undo", ">in_progress<", ">done<"] {
        assert!(!history.contains(code), "{code} shown raw");
    }
    let original = history.find("原始版本").expect("the original version");
    let card = &history[original..original + history[original..].find("</p>").expect("p")];
    assert!(
        !card.contains("<time"),
        "not dated at the first edit: {card}"
    );

    // Reopened and marked done again with no date typed: the earlier date stays.
    set_state(
        &server,
        &token,
        &id,
        &[("state", "in_progress"), ("confirm", "1")],
    )
    .await;
    set_state(&server, &token, &id, &[("state", "done")]).await;
    assert_eq!(task(&server, ON_TIME).await["done_on"], "2026-11-14");

    // Reopened today: the record said "not done" today, so an earlier completion date is
    // refused unless it is the one on record.
    let early = set_state(
        &server,
        &token,
        &id,
        &[("state", "done"), ("done_on", "2026-11-20")],
    )
    .await;
    assert_eq!(early, "/staff?error=invalid_done_before_start");
    let desk = get_as(&server, &early, &token).await;
    assert!(desk.contains("完成日期不能早于任务创建或上次更改状态的那一天"));
}

#[tokio::test]
async fn a_department_explains_a_delay_and_posts_notes_and_reports_under_its_own_name() {
    let server = TestServer::start_with_staff(&[HEAT, EDITOR]);
    let token = login(&server, "heat", HEAT.3).await.expect("signed in");
    let id = task(&server, ON_TIME).await["id"]
        .as_i64()
        .expect("id")
        .to_string();
    set_state(
        &server,
        &token,
        &id,
        &[("state", "done"), ("done_on", "2026-11-20")],
    )
    .await;
    let page = text(&server, "/topics/2026/11").await;
    assert!(
        list_item(&page, ON_TIME).contains("延期原因：部门尚未说明"),
        "a late task owes a reason"
    );

    let reason = action_on(&server, "/staff", &token, "set_delay_reason").await;
    let send = |url: String, form: Vec<(&'static str, String)>| {
        let token = token.clone();
        async move {
            let res = client()
                .post(url)
                .header(reqwest::header::COOKIE, format!("dianca_session={token}"))
                .header(reqwest::header::ACCEPT, "text/html")
                .form(&form)
                .send()
                .await
                .expect("post");
            outcome_of(&location(&res))
        }
    };
    let done = send(
        reason,
        vec![
            ("task_id", id.clone()),
            ("reason", "等待12345系统接口改造完成".into()),
        ],
    )
    .await;
    assert_eq!(done, "/staff?done=delay_reason_saved");
    assert_eq!(
        task(&server, ON_TIME).await["delay_reason"],
        "等待12345系统接口改造完成"
    );
    let page = text(&server, "/topics/2026/11").await;
    assert!(list_item(&page, ON_TIME).contains("延期原因：等待12345系统接口改造完成"));

    let note = action_on(&server, "/staff", &token, "add_task_note").await;
    let form = |url: &str, title: &str| {
        vec![
            ("task_id", id.clone()),
            ("date", "2026-11-20".to_string()),
            ("note", "派单时限写入供热企业服务规范".to_string()),
            ("evidence_url", url.to_string()),
            ("evidence_title", title.to_string()),
        ]
    };
    let refused = send(note.clone(), form("javascript:alert(1)", "x")).await;
    assert_eq!(refused, "/staff?error=invalid_evidence");
    let added = send(
        note.clone(),
        form("https://csglw.beijing.gov.cn/notice.html", "服务规范通知"),
    )
    .await;
    assert_eq!(added, "/staff?done=note_added");
    let notes = task(&server, ON_TIME).await["notes"].clone();
    assert_eq!(notes.as_array().map(Vec::len), Some(1));
    assert_eq!(notes[0]["department"]["name"], "市城市管理委");
    assert_eq!(
        notes[0]["evidence"]["url"],
        "https://csglw.beijing.gov.cn/notice.html"
    );
    let page = text(&server, "/topics/2026/11").await;
    let item = list_item(&page, ON_TIME);
    assert!(
        item.contains("派单时限写入供热企业服务规范") && item.contains("证明材料：服务规范通知")
    );
    let csv = text(&server, "/api/v1/topics/2026/11/tasks.csv").await;
    assert!(
        csv.contains("等待12345系统接口改造完成"),
        "the CSV carries the reason"
    );

    // Another department's task takes no notes from this account.
    let foreign = task(&server, LATE).await["id"]
        .as_i64()
        .expect("id")
        .to_string();
    let mut crafted = form("", "");
    crafted[0].1 = foreign;
    assert_eq!(send(note, crafted).await, "/staff?error=forbidden");

    // A progress report names the account's department; there is no author to type.
    let desk = get_as(&server, "/staff", &token).await;
    assert!(desk.contains("发布单位：市城市管理委"));
    let report = action_on(&server, "/staff", &token, "add_department_report").await;
    let body = |title: &str| {
        vec![
            ("topic", "2026-11".to_string()),
            ("date", "2026-11-30".to_string()),
            ("title", title.to_string()),
            ("body", "全市供热企业已按 2 小时派单执行。".to_string()),
            ("author", "市政协".to_string()),
        ]
    };
    assert_eq!(
        send(report.clone(), body("派单时限落实情况")).await,
        "/staff?done=report_published"
    );
    let topic = json(&server, "/api/v1/topics/2026/11").await;
    let posted = topic["reports"]
        .as_array()
        .expect("reports")
        .iter()
        .find(|r| r["title"] == "派单时限落实情况")
        .expect("the report is public");
    assert_eq!(posted["author"], "市城市管理委");
    assert_eq!(posted["kind"], "progress");
    let page = text(&server, "/topics/2026/11").await;
    // Posted by the department, linked to its page, entered by its own account.
    let poster = page.contains("发布：<a href=\"/departments/");
    assert!(poster, "the poster is the department, linked");
    assert!(page.contains(">市城市管理委</a>"));
    assert!(page.contains("（本部门账号录入）"));

    // Editors do not post as a department.
    let editor = login(&server, "editor", EDITOR.3).await.expect("editor");
    let res = client()
        .post(report)
        .header(reqwest::header::COOKIE, format!("dianca_session={editor}"))
        .header(reqwest::header::ACCEPT, "text/html")
        .form(&body("编辑冒名"))
        .send()
        .await
        .expect("post");
    assert_eq!(location(&res), "/staff?error=forbidden");
}

/// The desk narrows to the overdue tasks or to one topic's, each choice with its count, with
/// JavaScript off (issue 34: fourteen tasks, 7,800 px, no filter).
#[tokio::test]
async fn the_desk_shows_only_the_overdue_tasks_or_one_topics() {
    let server = TestServer::start_with_staff(&[HEAT]);
    let token = login(&server, "heat", HEAT.3).await.expect("signed in");
    // Reopened, a task due 2026-11-15 is overdue.
    let id = task(&server, ON_TIME).await["id"]
        .as_i64()
        .expect("id")
        .to_string();
    set_state(
        &server,
        &token,
        &id,
        &[("state", "in_progress"), ("confirm", "1")],
    )
    .await;
    let tasks = |page: &str| -> Vec<String> {
        let start = page.find("id=\"desk-tasks\"").expect("tasks");
        let end = start + page[start..].find("</section>").expect("end");
        page[start..end]
            .split("class=\"card task\"")
            .skip(1)
            .map(|c| c[..c.find("</li>").unwrap_or(c.len())].to_string())
            .collect()
    };
    let all = tasks(&get_as(&server, "/staff", &token).await);
    let page = get_as(&server, "/staff?only=overdue", &token).await;
    let overdue = tasks(&page);
    assert_eq!(overdue.len(), 1, "the reopened task alone");
    assert!(all.len() > overdue.len(), "fewer when narrowed");
    assert!(overdue[0].contains("已逾期"), "{:.300}", overdue[0]);
    assert!(page.contains("已逾期（1）"), "the choice carries its count");
    assert!(page.contains("aria-current=\"true\""));
    let topic = tasks(&get_as(&server, "/staff?topic=2026-11", &token).await);
    assert!(!topic.is_empty() && topic.len() <= all.len());
    assert!(topic.iter().all(|c| c.contains("/topics/2026/11")));
}
