//! A suggestion's author hears of it by mail (issue 33): leaving an address on the suggestion
//! form follows it (after the confirmation mail); another reader follows it from the receipt
//! page; publishing and promoting it reach each confirmed follower once, in their language,
//! through a real SMTP server, written in the moderator's own transaction; one click stops it.
// a test crate: a failure is a failed test
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support;
use crate::support::smtp::{link, no_redirects, TestSmtp};
use reqwest::header::{ACCEPT, ACCEPT_LANGUAGE, CONTENT_TYPE, COOKIE, LOCATION};
use serde_json::Value;
use support::staff::{action_on, get_as, login};
use support::TestServer;

const MODERATOR: support::Account<'static> =
    ("moderator", "moderator", None, "moderator-password-123");
const TITLE: &str = "小区门口路灯坏了";

fn location(res: &reqwest::Response) -> String {
    res.headers()[LOCATION].to_str().unwrap().to_string()
}

fn one_click(mail: &Value) -> String {
    let url = mail["headers"]["List-Unsubscribe"]
        .as_str()
        .unwrap()
        .trim_matches(['<', '>']);
    let (_, rest) = url.split_once("://").unwrap();
    rest[rest.find('/').unwrap()..].to_string()
}

fn to(mail: &Value) -> &str {
    mail["envelope_to"][0].as_str().unwrap()
}

fn subject(mail: &Value) -> &str {
    mail["subject"].as_str().unwrap()
}

/// Sends the suggestion form as a browser without JavaScript would; returns where it sends her.
async fn suggest(
    server: &TestServer,
    (title, description): (&str, &str),
    (district, category): (&str, &str),
    address: &str,
) -> String {
    let res = no_redirects()
        .post(server.url("/suggest"))
        .header(ACCEPT_LANGUAGE, "zh-CN")
        .form(&[
            ("title", title),
            ("description", description),
            ("district", district),
            ("category", category),
            ("address", address),
            ("website", ""),
        ])
        .send()
        .await
        .unwrap();
    location(&res)
}

/// The receipt code in the address the suggestion form sends her back to.
fn receipt_of(back: &str) -> String {
    back.split("receipt=")
        .nth(1)
        .unwrap()
        .chars()
        .take_while(|c| *c != '&')
        .collect()
}

/// The id of the pending suggestion titled `title` in the moderation queue's page.
fn pending_id(queue: &str, title: &str) -> String {
    let marker = "name=\"suggestion_id\" value=\"";
    let at = queue.find(title).unwrap();
    let start = at + queue[at..].find(marker).unwrap() + marker.len();
    queue[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect()
}

#[tokio::test]
async fn a_suggestion_s_followers_hear_it_published_and_promoted() {
    let smtp = TestSmtp::start();
    let server = TestServer::start_full(&[MODERATOR], &["--smtp-url", &smtp.url]);
    let token = login(&server, MODERATOR.0, MODERATOR.3).await.unwrap();

    let form = reqwest::get(server.url("/suggest")).await.unwrap();
    assert!(form.text().await.unwrap().contains("name=\"address\""));
    let back = suggest(
        &server,
        (TITLE, "小区门口的三盏路灯坏了三个月，晚上很黑。"),
        ("朝阳区", "市容环境"),
        " wang.author@example.cn ",
    )
    .await;
    assert!(back.contains("&follow=sent#receipt"), "{back}");
    let receipt = receipt_of(&back);
    let page = reqwest::get(server.url(&back.replace("#receipt", "")))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("请查收邮件"),
        "the receipt says a mail is coming"
    );

    // Her confirmation names the suggestion and links to its receipt page.
    let mails = smtp.wait_for(1);
    assert_eq!(to(&mails[0]), "wang.author@example.cn");
    assert!(subject(&mails[0]).contains(TITLE), "{}", mails[0]);
    let text = mails[0]["text"].as_str().unwrap();
    assert!(text.contains(&format!("/receipt?code={receipt}")), "{text}");
    let confirm = link(text, "/follow/", "/confirm");
    assert_eq!(
        reqwest::get(server.url(&confirm)).await.unwrap().status(),
        200
    );

    // The receipt page: its timeline so far, and a follow form for another address.
    let timeline = reqwest::get(server.url(&format!("/receipt?code={receipt}")))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        timeline.contains("已收到") && timeline.contains("等待审核"),
        "{timeline:.3000}"
    );
    assert!(
        timeline.contains("name=\"subject\" value=\"") && timeline.contains("value=\"suggestion\"")
    );
    let res = no_redirects()
        .post(server.url("/follow"))
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(ACCEPT_LANGUAGE, "en")
        .body(format!(
            "kind=suggestion&subject={receipt}&address=li.reader%40example.org&consent=yes"
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(
        location(&res),
        format!("/receipt?code={receipt}&follow=sent#follow")
    );
    let mails = smtp.wait_for(2);
    assert!(
        subject(&mails[1]).starts_with("Please confirm"),
        "{}",
        mails[1]
    );
    let confirm = link(mails[1]["text"].as_str().unwrap(), "/follow/", "/confirm");
    assert_eq!(
        reqwest::get(server.url(&confirm)).await.unwrap().status(),
        200
    );
    // Only its author has the code: a pending suggestion cannot be followed by number.
    let queue = get_as(&server, "/staff/moderation", &token).await;
    let id = pending_id(&queue, TITLE);
    let action = action_on(&server, "/staff/moderation", &token, "moderate_suggestion").await;
    let res = no_redirects()
        .post(server.url("/follow"))
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(format!(
            "kind=suggestion&subject={id}&address=x%40example.net&consent=yes"
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404, "no follow by number while pending");

    // Published: each confirmed follower is told once, in their language.
    support::staff::moderate(
        &action,
        &token,
        "moderate_suggestion",
        &[
            ("suggestion_id", id.as_str()),
            ("decision", "publish"),
            ("reason", ""),
        ],
    )
    .await;
    let mails = smtp.wait_for(4);
    assert_eq!(mails.len(), 4);
    let zh = mails[2..]
        .iter()
        .find(|m| to(m) == "wang.author@example.cn")
        .expect("the author's notice");
    assert_eq!(subject(zh), format!("您关注的建议已公开：{TITLE}"));
    assert!(zh["text"]
        .as_str()
        .unwrap()
        .contains(&format!("/suggest#s-{id}")));
    let en = mails[2..]
        .iter()
        .find(|m| to(m) == "li.reader@example.org")
        .expect("the reader's notice");
    assert!(
        subject(en).starts_with("A suggestion you follow is published"),
        "{en}"
    );
    let timeline = reqwest::get(server.url(&format!("/receipt?code={receipt}")))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        timeline.contains("已审核通过并公开") && timeline.matches("<time").count() >= 2,
        "received and published, both dated: {timeline:.4000}"
    );

    // The reader stops with one click; the author goes on hearing.
    let res = no_redirects()
        .post(server.url(&one_click(en)))
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    support::staff::moderate(
        &action,
        &token,
        "promote_suggestion",
        &[("suggestion_id", id.as_str()), ("cycle", "2027-spring")],
    )
    .await;
    let mails = smtp.wait_for(5);
    let promoted = &mails[4];
    assert_eq!(to(promoted), "wang.author@example.cn");
    assert_eq!(
        subject(promoted),
        format!("您关注的建议已列为候选议题：{TITLE}")
    );
    let candidate = link(
        promoted["text"].as_str().unwrap(),
        "/vote/2027-spring/candidates/",
        "",
    );
    assert_eq!(
        reqwest::get(server.url(&candidate)).await.unwrap().status(),
        200,
        "{candidate}"
    );
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    assert_eq!(smtp.mails().len(), 5, "nothing to the reader who stopped");
    let timeline = reqwest::get(server.url(&format!("/receipt?code={receipt}")))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(timeline.contains("候选议题") && timeline.contains(&candidate));

    let logged: Vec<String> = server
        .log_lines()
        .into_iter()
        .filter(|l| l.contains("example.cn") || l.contains("example.org"))
        .collect();
    assert!(logged.is_empty(), "no address in the log: {logged:?}");
}

/// Not published: the moderator picks a coded reason (a note beside it); a decision without a
/// reason is refused and tells no one; the author reads the reason in her language by mail and
/// on the receipt page, with the way to the hotline when it is her own case.
#[tokio::test]
async fn a_suggestion_not_published_tells_its_author_why_in_her_words() {
    let smtp = TestSmtp::start();
    let server = TestServer::start_full(&[MODERATOR], &["--smtp-url", &smtp.url]);
    let token = login(&server, MODERATOR.0, MODERATOR.3).await.unwrap();
    let title = "我家楼上漏水";
    let back = suggest(
        &server,
        (title, "楼上邻居家水管漏水，渗到我家天花板。"),
        ("海淀区", "住房与物业"),
        "zhang@example.cn",
    )
    .await;
    let receipt = receipt_of(&back);
    let mails = smtp.wait_for(1);
    let confirm = link(mails[0]["text"].as_str().unwrap(), "/follow/", "/confirm");
    assert_eq!(
        reqwest::get(server.url(&confirm)).await.unwrap().status(),
        200
    );

    let queue = get_as(&server, "/staff/moderation", &token).await;
    assert!(
        queue.contains("name=\"reason_code\"") && queue.contains("value=\"personal\""),
        "the moderator chooses a coded reason"
    );
    let id = pending_id(&queue, title);
    let action = action_on(&server, "/staff/moderation", &token, "moderate_suggestion").await;
    let refused = no_redirects()
        .post(&action)
        .header(ACCEPT, "text/html")
        .header(COOKIE, format!("dianca_session={token}"))
        .form(&[
            ("suggestion_id", id.as_str()),
            ("decision", "reject"),
            ("reason", ""),
            ("reason_code", ""),
        ])
        .send()
        .await
        .unwrap();
    assert!(
        location(&refused).contains("error="),
        "{}",
        location(&refused)
    );
    support::staff::moderate(
        &action,
        &token,
        "moderate_suggestion",
        &[
            ("suggestion_id", id.as_str()),
            ("decision", "reject"),
            ("reason_code", "personal"),
            ("reason", "已转给海淀区接诉即办。"),
        ],
    )
    .await;
    let mails = smtp.wait_for(2);
    assert_eq!(mails.len(), 2, "the refused decision told no one");
    assert_eq!(subject(&mails[1]), format!("您关注的建议未公开：{title}"));
    let text = mails[1]["text"].as_str().unwrap();
    assert!(
        text.contains("原因：这是个人或一户的具体问题，请直接拨打 12345 市民服务热线，办理更快。已转给海淀区接诉即办。"),
        "{text}"
    );
    let page = reqwest::get(server.url(&format!("/receipt?code={receipt}")))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("请直接拨打 12345")
            && page.contains("已转给海淀区接诉即办")
            && page.contains("href=\"tel:12345\""),
        "{page:.5000}"
    );
}
