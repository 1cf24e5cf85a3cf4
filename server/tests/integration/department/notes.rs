//! 更正 and 撤回进展记录 (issue 34): a department corrects one of its own progress notes in place
//! (marked 已更正) or takes it back with a reason; the task keeps the note's date and department
//! and says why it went; another department cannot touch it.

use super::{outcome_of, task};
use crate::support::staff::*;
use crate::support::TestServer;

const HOUSING: (&str, &str, Option<&str>, &str) = (
    "housing",
    "department",
    Some("市住房城乡建设委"),
    "housing-password-123",
);
const PLAN: &str = "制定老旧小区供热管网改造年度计划";
const NOTE: &str = "已完成三个区的管网普查（撤回测试）";

async fn send(url: &str, token: &str, form: &[(&str, &str)]) -> String {
    outcome_of(&location(&post_as(url, token, form).await))
}

#[tokio::test]
async fn a_department_withdraws_its_own_note_with_a_reason_the_task_shows() {
    let server = TestServer::start_with_staff(&[HOUSING, HEAT]);
    let housing = login(&server, HOUSING.0, HOUSING.3).await.expect("housing");
    let id = task(&server, PLAN).await["id"]
        .as_i64()
        .expect("id")
        .to_string();
    let add = action_on(&server, "/staff", &housing, "add_task_note").await;
    let done = send(
        &add,
        &housing,
        &[
            ("task_id", &id),
            ("date", "2026-11-20"),
            ("note", NOTE),
            ("evidence_url", ""),
            ("evidence_title", ""),
        ],
    )
    .await;
    assert_eq!(done, "/staff?done=note_added");
    let note = task(&server, PLAN).await["notes"][0]["id"]
        .as_i64()
        .expect("note id")
        .to_string();
    let desk = get_as(&server, "/staff", &housing).await;
    assert!(desk.contains("撤回一条进展记录…"), "offered on its desk");
    assert!(desk.contains("更正记录："), "and its correction");

    // 更正: in place, marked on the task; another department may not.
    let correct = action_on(&server, "/staff", &housing, "correct_task_note").await;
    let fixed = "已完成四个区的管网普查（更正）";
    let form = |text: &'static str| {
        [
            ("task_id", id.clone()),
            ("note_id", note.clone()),
            ("date", "2026-11-20".to_string()),
            ("note", text.to_string()),
            ("evidence_url", String::new()),
            ("evidence_title", String::new()),
        ]
    };
    let pairs = |f: &[(&'static str, String); 6]| -> Vec<(&'static str, String)> { f.to_vec() };
    let sent = |token: String, f: Vec<(&'static str, String)>| {
        let url = correct.clone();
        async move {
            let form: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
            send(&url, &token, &form).await
        }
    };
    let heat_early = login(&server, HEAT.0, HEAT.3).await.expect("heat");
    assert_eq!(
        sent(heat_early, pairs(&form(fixed))).await,
        "/staff?error=forbidden"
    );
    assert_eq!(
        sent(housing.clone(), pairs(&form(fixed))).await,
        "/staff?done=note_corrected"
    );
    let shown = &task(&server, PLAN).await["notes"][0];
    assert_eq!(shown["note"], fixed);
    assert!(shown["corrected_at"].is_string(), "{shown}");
    let page = reqwest::get(server.url("/topics/2026/11"))
        .await
        .expect("r")
        .text()
        .await
        .expect("b");
    assert!(page.contains(fixed) && page.contains("（已更正 · "));
    assert!(
        !page.contains(NOTE),
        "the earlier wording is gone from the page"
    );

    // Another department may not; a short reason is refused.
    let heat = login(&server, HEAT.0, HEAT.3).await.expect("heat");
    let withdraw = action_on(&server, "/staff", &housing, "withdraw_task_note").await;
    let reason = "数据口径有误，将重新填报";
    let post = |token: &str, why: &str| {
        let (url, token, id, note) = (
            withdraw.clone(),
            token.to_string(),
            id.clone(),
            note.clone(),
        );
        let why = why.to_string();
        async move {
            send(
                &url,
                &token,
                &[("task_id", &id), ("note_id", &note), ("reason", &why)],
            )
            .await
        }
    };
    assert_eq!(post(&heat, reason).await, "/staff?error=forbidden");
    assert_eq!(
        post(&housing, "错").await,
        "/staff?error=invalid_withdraw_reason"
    );
    assert_eq!(post(&housing, reason).await, "/staff?done=note_withdrawn");

    // The task keeps the line and says why; the text is gone from the page and the API.
    let api = task(&server, PLAN).await;
    let shown = &api["notes"][0];
    assert_eq!(shown["withdrawn_reason"], reason);
    assert_eq!(shown["note"], "");
    let page = reqwest::get(server.url("/topics/2026/11"))
        .await
        .expect("r")
        .text()
        .await
        .expect("b");
    assert!(!page.contains(fixed), "its text is gone");
    assert!(page.contains(&format!("撤回原因：{reason}")));
    // Withdrawn once: a second time finds nothing to take back.
    assert_eq!(post(&housing, reason).await, "/staff?error=not_found");
}
