//! 答复提醒: a department names its office mailbox on the reply desk; the teller then mails it
//! once as a reply's date nears and once when it has passed, and never twice; an address that
//! is not one is refused as typed; editors, who answer for every department, name none.

use super::*;
use crate::support::smtp::TestSmtp;

/// The department the demo's rounds name: its winter round's replies are overdue.
const DATA: support::Account<'static> = (
    "data-office",
    "department",
    Some("市政务服务和数据管理局"),
    "data-office-password-123",
);
const DESK: (&str, &str) = ("/staff/replies", "answer_reply");
/// A department's desk always has its mailbox form (not always a reply to answer).
const MAILBOX: (&str, &str) = ("/staff/replies", "set_reply_address");
const TITLE: &str = "小区充电桩不够用";

fn to<'a>(mails: &'a [serde_json::Value], address: &str) -> Vec<&'a serde_json::Value> {
    mails
        .iter()
        .filter(|m| {
            m["envelope_to"]
                .as_array()
                .unwrap()
                .iter()
                .any(|a| a == address)
        })
        .collect()
}

#[tokio::test]
async fn a_department_s_mailbox_hears_once_as_a_date_nears_and_once_when_it_passes() {
    let smtp = TestSmtp::start();
    let server =
        TestServer::start_full(&[EDITOR, MODERATOR, HEAT, DATA], &["--smtp-url", &smtp.url]);
    let editor = login(&server, EDITOR.0, EDITOR.3).await.unwrap();
    let moderator = login(&server, MODERATOR.0, MODERATOR.3).await.unwrap();

    // Overdue: the demo's replies owed by 市政务服务和数据管理局.
    let data = login(&server, DATA.0, DATA.3).await.unwrap();
    let desk = get_as(&server, "/staff/replies", &data).await;
    assert!(desk.contains("还没有登记提醒邮箱"), "{desk:.3000}");
    let res = post_beside(
        &server,
        &data,
        MAILBOX,
        "set_reply_address",
        &[("address", "data office")],
    )
    .await;
    let refused = location(&res);
    assert!(
        refused.starts_with("/staff/replies?error=invalid_reply_address&echo="),
        "{refused}"
    );
    assert!(get_as(&server, &refused, &data)
        .await
        .contains("value=\"data office\""));
    let res = post_beside(
        &server,
        &data,
        MAILBOX,
        "set_reply_address",
        &[("address", "office@data.example.cn")],
    )
    .await;
    assert_eq!(location(&res), "/staff/replies?done=reply_address_saved");
    assert!(get_as(&server, "/staff/replies", &data)
        .await
        .contains("到期提醒现在发到：office@data.example.cn"));
    let board: serde_json::Value =
        serde_json::from_str(&page(&server, "/api/v1/replies").await).unwrap();
    // Every one of its replies overdue or due within three working days: one mail each.
    let owed: Vec<&serde_json::Value> = board["waiting"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["reply"]["department"] == DATA.2.unwrap())
        .filter(|e| {
            e["standing"]["state"] == "overdue"
                || e["standing"]["days_left"].as_i64().is_some_and(|d| d <= 3)
        })
        .collect();
    let overdue = owed.len();
    assert!(
        owed.iter().any(|e| e["standing"]["state"] == "overdue"),
        "the demo has overdue replies"
    );
    let mails = smtp.wait_for(overdue);
    let office = to(&mails, "office@data.example.cn");
    assert_eq!(office.len(), overdue, "one each: {office:?}");
    let late = *office
        .iter()
        .find(|m| m["subject"].as_str().unwrap().starts_with("答复已逾期："))
        .expect("an overdue reminder");
    assert!(
        late["subject"]
            .as_str()
            .unwrap()
            .starts_with("答复已逾期："),
        "{late}"
    );
    let text = late["text"].as_str().unwrap();
    assert!(
        text.contains("现已逾期") && text.contains("/staff/replies#reply-"),
        "{text}"
    );
    assert!(
        late["headers"].get("List-Unsubscribe").is_none(),
        "no follower's stop link"
    );

    // Due soon: a round promising a reply within one working day.
    let heat = login(&server, HEAT.0, HEAT.3).await.unwrap();
    let res = post_beside(
        &server,
        &heat,
        MAILBOX,
        "set_reply_address",
        &[("address", "office@heat.example.cn")],
    )
    .await;
    assert_eq!(location(&res), "/staff/replies?done=reply_address_saved");
    round_with_rule(&server, &editor, "reply-reminders", ("2", "", "1")).await;
    let item = published_suggestion(&server, &moderator, TITLE, "").await;
    me_too(&server, &item).await;
    let mails = smtp.wait_for(overdue + 1);
    let soon = to(&mails, "office@heat.example.cn");
    assert_eq!(soon.len(), 1, "{soon:?}");
    let subject = soon[0]["subject"].as_str().unwrap();
    assert!(
        subject == format!("答复即将到期：{TITLE}") || subject == format!("答复今天到期：{TITLE}"),
        "{subject}"
    );

    // Nothing twice: another two teller rounds later, the same count.
    tokio::time::sleep(std::time::Duration::from_secs(21)).await;
    assert_eq!(smtp.mails().len(), overdue + 1);

    // Editors name no department's mailbox.
    let res = post_beside(
        &server,
        &editor,
        DESK,
        "set_reply_address",
        &[("address", "x@example.cn")],
    )
    .await;
    assert!(
        location(&res).contains("error=forbidden"),
        "{}",
        location(&res)
    );
    let audit_of = get_as(&server, "/staff/replies", &editor).await;
    assert!(
        !audit_of.contains("答复提醒邮箱"),
        "no mailbox form on the editors' desk"
    );
}
