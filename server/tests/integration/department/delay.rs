//! 延期说明 (issue 34): a department's delay reason carries the day it was given and the new date
//! it expects the task done by; both are public beside the task, in the API, the CSV and the
//! history, and go when the reason is cleared.

use super::{add_task, outcome_of, task, text, ON_TIME};
use crate::support::staff::*;
use crate::support::TestServer;

const TITLE: &str = "排查老旧小区供热管线（延期测试）";

/// The task's `<li>` on the public topic page.
fn item(page: &str) -> &str {
    let at = page.find(TITLE).expect("the task is listed");
    let end = page[at..].find("</li>").map_or(page.len(), |e| at + e);
    &page[at..end]
}

#[tokio::test]
async fn a_delay_reason_says_when_it_was_given_and_the_date_now_expected() {
    let server = TestServer::start_with_staff(&[HEAT, EDITOR]);
    let editor = login(&server, "editor", EDITOR.3).await.expect("editor");
    // An overdue task of the heating department (due in November, not done).
    let like = task(&server, ON_TIME).await;
    let added = add_task(&server, &editor, &like, (TITLE, "2026-11-25"), &[]).await;
    assert!(added.ends_with("done=item_saved"), "{added}");
    let id = task(&server, TITLE).await["id"]
        .as_i64()
        .expect("id")
        .to_string();
    assert_eq!(task(&server, TITLE).await["status"], "overdue");

    let token = login(&server, "heat", HEAT.3).await.expect("heat");
    let today = jiff::Zoned::now()
        .in_tz("Asia/Shanghai")
        .expect("tz")
        .date();
    let later = today
        .checked_add(jiff::Span::new().days(20))
        .expect("date")
        .to_string();
    let earlier = today
        .checked_sub(jiff::Span::new().days(1))
        .expect("date")
        .to_string();
    let url = action_on(&server, "/staff", &token, "set_delay_reason").await;
    let send = |reason: &'static str, expected: String| {
        let (url, token, id) = (url.clone(), &token, id.clone());
        async move {
            let form = [
                ("task_id", id.as_str()),
                ("reason", reason),
                ("expected", expected.as_str()),
            ];
            outcome_of(&location(&post_as(&url, token, &form).await))
        }
    };
    // A date already past, or a date without a reason, is refused in words.
    assert_eq!(
        send("管线改造需等停暖后施工", earlier).await,
        "/staff?error=invalid_delay_expected"
    );
    assert_eq!(
        send("", later.clone()).await,
        "/staff?error=invalid_delay_expected"
    );
    let desk = get_as(
        &server,
        format!("/staff?error=invalid_delay_expected&task={id}"),
        &token,
    )
    .await;
    assert!(desk.contains("预计完成日期要是今天或以后的日期"));

    assert_eq!(
        send("管线改造需等停暖后施工", later.clone()).await,
        "/staff?done=delay_reason_saved"
    );
    let api = task(&server, TITLE).await;
    assert_eq!(api["delay_on"], today.to_string(), "dated today, Beijing");
    assert_eq!(api["delay_expected"], later.as_str());
    let page = text(&server, "/topics/2026/11").await;
    let line = item(&page);
    assert!(line.contains("延期原因：管线改造需等停暖后施工"), "{line}");
    assert!(line.contains("说明）"), "the day it was given: {line}");
    assert!(line.contains("预计 ") && line.contains(" 完成"), "{line}");
    let csv = text(&server, "/api/v1/topics/2026/11/tasks.csv?lang=zh-CN").await;
    assert!(csv.contains("预计完成日期"), "the CSV has the column");
    assert!(csv.contains(&later), "and the date");
    let history = get_as(&server, format!("/staff/history/task/{id}"), &token).await;
    assert!(history.contains("预计完成日期") && history.contains(&later));

    // Cleared with its reason.
    assert_eq!(
        send("", String::new()).await,
        "/staff?done=delay_reason_saved"
    );
    let api = task(&server, TITLE).await;
    assert!(api.get("delay_expected").is_none() && api.get("delay_on").is_none());
    assert!(!item(&text(&server, "/topics/2026/11").await).contains("预计 "));
}
