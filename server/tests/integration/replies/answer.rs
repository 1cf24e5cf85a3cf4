//! 答复: the department owed a reply posts an interim note, asks once in public for more time
//! and replies with a decision and a reason code; followers are mailed the reply; the waiting
//! list, the reply's page and its history show each step; another department cannot touch it.

use super::*;
use crate::support::smtp::TestSmtp;

const TITLE: &str = "背街小巷垃圾桶太少";
const HOUSING: support::Account<'static> = (
    "housing",
    "department",
    Some("市住房城乡建设委"),
    "housing-password-123",
);
const DESK: (&str, &str) = ("/staff/replies", "answer_reply");

#[tokio::test]
async fn the_department_replies_with_a_coded_reason_after_an_interim_note_and_one_public_extension()
{
    let smtp = TestSmtp::start();
    let server = TestServer::start_full(
        &[EDITOR, MODERATOR, HEAT, HOUSING],
        &["--smtp-url", &smtp.url],
    );
    let editor = login(&server, EDITOR.0, EDITOR.3).await.unwrap();
    let moderator = login(&server, MODERATOR.0, MODERATOR.3).await.unwrap();
    round_with_rule(&server, &editor, "reply-answer", ("2", "", "10")).await;
    let item = published_suggestion(&server, &moderator, TITLE, "li@example.cn").await;
    confirmed(&server, &smtp.wait_for(1)[0]).await;
    me_too(&server, &item).await;

    let heat = login(&server, HEAT.0, HEAT.3).await.unwrap();
    let desk = get_as(&server, "/staff/replies", &heat).await;
    assert!(desk.contains("市城市管理委需要答复的事项"), "{desk:.3000}");
    let id = reply_id(&desk, TITLE);

    // Another department's account may not answer for it.
    let housing = login(&server, HOUSING.0, HOUSING.3).await.unwrap();
    assert!(!get_as(&server, "/staff/replies", &housing)
        .await
        .contains(TITLE));
    let url = action_on(&server, "/staff/replies", &heat, "answer_reply").await;
    let res = post_as(
        &url,
        &housing,
        &[
            ("reply_id", &id),
            ("decision", "adopted"),
            ("reason", ""),
            ("body", "我们来答复这件事，已经安排在明年的计划里统一处理。"),
            ("link", "/topics/2026/11"),
        ],
    )
    .await;
    assert!(
        location(&res).contains("error=forbidden"),
        "{}",
        location(&res)
    );

    // An interim note, refused when too short (kept as typed), then posted.
    let res = post_beside(
        &server,
        &heat,
        DESK,
        "post_interim_reply",
        &[("reply_id", &id), ("note", "在办")],
    )
    .await;
    let refused = location(&res);
    assert!(
        refused.starts_with("/staff/replies?error=invalid_interim&echo="),
        "{refused}"
    );
    assert!(refused.ends_with(&format!("#reply-{id}")), "{refused}");
    let note = "已会同各街道摸排背街小巷垃圾桶点位，正在测算需要增设的数量。";
    let res = post_beside(
        &server,
        &heat,
        DESK,
        "post_interim_reply",
        &[("reply_id", &id), ("note", note)],
    )
    .await;
    assert_eq!(location(&res), "/staff/replies?done=interim_posted");

    // One extension, in public, with its reason; a second is refused.
    let today = jiff::Zoned::now().in_tz("Asia/Shanghai").unwrap().date();
    let (due, _) = app::model::due_dates(today, 10);
    let later = due
        .checked_add(jiff::Span::new().days(7))
        .unwrap()
        .to_string();
    let reason = "需要等区里的环卫设施规划调整完成后统一答复。";
    let res = post_beside(
        &server,
        &heat,
        DESK,
        "extend_reply",
        &[("reply_id", &id), ("to", &later), ("reason", reason)],
    )
    .await;
    assert_eq!(location(&res), "/staff/replies?done=reply_extended");
    let res = post_beside(
        &server,
        &heat,
        DESK,
        "extend_reply",
        &[("reply_id", &id), ("to", &later), ("reason", reason)],
    )
    .await;
    assert!(
        location(&res).starts_with("/staff/replies?error=invalid_extended_once"),
        "{}",
        location(&res)
    );
    let board = page(&server, "/replies").await;
    let later_words = app::i18n::when::format_day(later.parse().unwrap(), app::i18n::Locale::ZhCn);
    assert!(
        board.contains(&format!("已公开申请延期到{later_words}")) && board.contains(reason),
        "the extension is on the waiting list: {board:.4000}"
    );

    // 不予采纳 needs a reason code: refused, what was typed kept; then posted.
    let body = "经研究，背街小巷通道狭窄，增设固定垃圾桶会影响消防通道，改为定时定点收运。";
    let res = post_beside(
        &server,
        &heat,
        DESK,
        "answer_reply",
        &[
            ("reply_id", &id),
            ("decision", "not_adopted"),
            ("reason", ""),
            ("body", body),
            ("link", ""),
        ],
    )
    .await;
    let refused = location(&res);
    assert!(
        refused.starts_with("/staff/replies?error=invalid_reply_reason&echo="),
        "{refused}"
    );
    let again = get_as(&server, &refused, &heat).await;
    assert!(again.contains(body), "kept as typed");
    assert!(again.contains("不予采纳时，请从清单中选择一条理由"));
    let res = post_beside(
        &server,
        &heat,
        DESK,
        "answer_reply",
        &[
            ("reply_id", &id),
            ("decision", "not_adopted"),
            ("reason", "not_feasible"),
            ("body", body),
            ("link", ""),
        ],
    )
    .await;
    assert_eq!(location(&res), "/staff/replies?done=reply_posted");

    // Her mail, the board and the reply's page.
    let mails = smtp.wait_for(4);
    let posted = mails
        .iter()
        .find(|m| m["subject"] == format!("已答复：{TITLE}"))
        .expect("the follower hears the reply");
    let text = posted["text"].as_str().unwrap();
    assert!(text.contains("结论是：不予采纳"), "{text}");
    assert!(text.contains(&format!("/replies/{id}")), "{text}");
    let board = page(&server, "/replies").await;
    let answered = &board[board.find("已经答复").unwrap()..];
    assert!(
        answered.contains(TITLE) && answered.contains("已答复，按时"),
        "{answered:.3000}"
    );
    let one = page(&server, &format!("/replies/{id}")).await;
    assert!(
        one.contains(body) && one.contains("目前条件下做不到"),
        "{one:.4000}"
    );
    assert!(one.contains(note), "the interim note stays");
    let history = get_as(&server, &format!("/staff/history/reply/{id}"), &editor).await;
    for action in ["reply.interim", "reply.extend", "reply.answer"] {
        assert!(history.contains(action), "{action}: {history:.3000}");
    }
    // Answered: no more time or interim notes.
    let res = post_beside(
        &server,
        &heat,
        DESK,
        "post_interim_reply",
        &[("reply_id", &id), ("note", note)],
    )
    .await;
    assert!(
        location(&res).starts_with("/staff/replies?error=invalid_answered"),
        "{}",
        location(&res)
    );
}

#[tokio::test]
async fn a_reply_is_handed_to_a_colleague_of_its_department_and_the_public_never_sees_who() {
    const COLLEAGUE: support::Account<'static> = (
        "heat-colleague",
        "department",
        Some("市城市管理委"),
        "heat-colleague-password-123",
    );
    let server = TestServer::start_with_staff(&[EDITOR, MODERATOR, HEAT, COLLEAGUE, HOUSING]);
    let editor = login(&server, EDITOR.0, EDITOR.3).await.unwrap();
    let moderator = login(&server, MODERATOR.0, MODERATOR.3).await.unwrap();
    round_with_rule(&server, &editor, "reply-assign", ("2", "", "10")).await;
    let item = published_suggestion(&server, &moderator, TITLE, "").await;
    me_too(&server, &item).await;
    let heat = login(&server, HEAT.0, HEAT.3).await.unwrap();
    let desk = get_as(&server, "/staff/replies", &heat).await;
    let id = reply_id(&desk, TITLE);
    let url = action_on(&server, "/staff/replies", &heat, "assign_reply").await;

    // Only a colleague of the same department.
    let res = post_as(&url, &heat, &[("reply_id", &id), ("assignee", "housing")]).await;
    assert!(
        location(&res).contains("error=invalid_username"),
        "{}",
        location(&res)
    );
    let res = post_as(&url, &heat, &[("reply_id", &id), ("assignee", COLLEAGUE.0)]).await;
    assert_eq!(location(&res), "/staff/replies?done=reply_assigned");
    let colleague = login(&server, COLLEAGUE.0, COLLEAGUE.3).await.unwrap();
    let theirs = get_as(&server, "/staff/replies", &colleague).await;
    let card = &theirs[theirs.find(TITLE).unwrap()..];
    assert!(card.contains("经办人："), "{card:.2000}");
    // Another department cannot reassign it.
    let housing = login(&server, HOUSING.0, HOUSING.3).await.unwrap();
    let res = post_as(&url, &housing, &[("reply_id", &id), ("assignee", "")]).await;
    assert!(
        location(&res).contains("error=forbidden"),
        "{}",
        location(&res)
    );
    // The public pages and the API never name the colleague.
    for path in ["/replies", &format!("/replies/{id}"), "/api/v1/replies"] {
        assert!(!page(&server, path).await.contains(COLLEAGUE.0), "{path}");
    }
    let history = get_as(&server, &format!("/staff/history/reply/{id}"), &editor).await;
    assert!(history.contains("reply.assign"), "{history:.2000}");
}
