//! 过线: a suggestion that reaches its round's threshold is owed a reply — a due date in working
//! days and a department on its card, on the waiting list and on its own page — and its followers
//! are mailed, through a real SMTP server.

use super::*;
use crate::support::smtp::TestSmtp;

const TITLE: &str = "小区门口路灯坏了没人修";

#[tokio::test]
async fn a_suggestion_over_the_threshold_gets_a_due_date_an_owner_and_its_followers_hear() {
    let smtp = TestSmtp::start();
    let server = TestServer::start_full(&[EDITOR, MODERATOR], &["--smtp-url", &smtp.url]);
    let editor = login(&server, EDITOR.0, EDITOR.3).await.unwrap();
    let moderator = login(&server, MODERATOR.0, MODERATOR.3).await.unwrap();
    round_with_rule(&server, &editor, "reply-crossing", ("3", "", "10")).await;

    let id = published_suggestion(&server, &moderator, TITLE, "wang@example.cn").await;
    confirmed(&server, &smtp.wait_for(1)[0]).await;
    let waiting = page(&server, "/replies").await;
    assert!(waiting.contains("还在等待答复"), "{waiting:.3000}");
    assert!(!waiting.contains(TITLE), "not owed yet");

    // The author and one more: under the threshold of three.
    me_too(&server, &id).await;
    assert!(!page(&server, "/suggest").await.contains("答复单位"));
    // The third crosses it.
    me_too(&server, &id).await;
    let today = jiff::Zoned::now().in_tz("Asia/Shanghai").unwrap().date();
    let (due, interim) = app::model::due_dates(today, 10);
    let due_words = app::i18n::when::format_day(due, app::i18n::Locale::ZhCn);
    let card = page(&server, "/suggest").await;
    let card = &card[card.find(&format!("id=\"s-{id}\"")).unwrap()..];
    assert!(card.contains("答复单位：市城市管理委"), "{card:.2000}");
    assert!(
        card.contains(&format!("应在{due_words}前答复 · 还有 10 个工作日")),
        "{card:.2000}"
    );

    let board = page(&server, "/replies").await;
    assert!(
        board.contains(TITLE) && board.contains("市民建议"),
        "{board:.3000}"
    );
    assert!(board.contains(&format!("应在{due_words}前答复")));
    let reply_path = {
        let marker = "href=\"/replies/";
        let at = board[..board.find(TITLE).unwrap()].rfind(marker).unwrap() + marker.len();
        format!(
            "/replies/{}",
            board[at..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect::<String>()
        )
    };
    let one = page(&server, &reply_path).await;
    assert!(one.contains("答复单位：市城市管理委"));
    let interim_words = app::i18n::when::format_day(interim, app::i18n::Locale::ZhCn);
    assert!(
        one.contains(&format!("阶段性答复：应在{interim_words}前给出")),
        "half the time: {one:.4000}"
    );
    assert!(one.contains("还没有答复"));

    // Her mail: published, then owed a reply by the date, linking to the reply's page.
    let mails = smtp.wait_for(3);
    let owed = mails
        .iter()
        .find(|m| m["subject"] == format!("您关注的事项需要正式答复：{TITLE}"))
        .expect("the follower hears it crossed");
    let text = owed["text"].as_str().unwrap();
    assert!(
        text.contains(&format!("市城市管理委应在{due_words}前公开答复")),
        "{text}"
    );
    assert!(text.contains(&reply_path), "{text}");

    // The same in the open-data API, judged today, with no personal data.
    let api = page(&server, "/api/v1/replies").await;
    assert!(!api.contains("wang@example.cn"), "no follower's address");
    let api: serde_json::Value = serde_json::from_str(&api).unwrap();
    assert_eq!(api["today"], today.to_string());
    let ours = api["waiting"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["reply"]["title"] == TITLE)
        .expect("on the waiting list");
    assert_eq!(ours["standing"]["state"], "waiting");
    assert_eq!(ours["standing"]["days_left"], 10);
    assert_eq!(ours["reply"]["due_on"], due.to_string());
    assert_eq!(ours["reply"]["department"], "市城市管理委");
    assert_eq!(ours["reply"]["item"], "suggestion");
    let codes: serde_json::Value =
        serde_json::from_str(&page(&server, "/api/v1/reply-codes").await).unwrap();
    assert!(codes["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["code"] == "not_feasible" && r["zh"].as_str().unwrap().contains("做不到")));

    // A fourth supporter changes nothing: one reply per item.
    me_too(&server, &id).await;
    let board = page(&server, "/replies").await;
    assert_eq!(board.matches(TITLE).count(), 1, "{board:.3000}");
}
