//! A resident follows a month's topic and a candidate from their pages (issue 33): the forms
//! post without JavaScript, the confirmation arrives through a real SMTP server, and an
//! editor's progress report and policy reach her once each, in her language, linking the page;
//! the candidate's follower hears when the city makes it a month's topic.
// a test crate: a failure is a failed test
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support;
use crate::support::smtp::{link, no_redirects, TestSmtp};
use reqwest::header::{ACCEPT_LANGUAGE, CONTENT_TYPE, LOCATION};
use serde_json::Value;
use support::staff::{login, post, EDITOR};
use support::TestServer;

fn subject(mail: &Value) -> &str {
    mail["subject"].as_str().unwrap()
}

/// Posts the follow form as a browser without JavaScript would.
async fn follow(
    server: &TestServer,
    (kind, subject): (&str, &str),
    address: &str,
    lang: &str,
) -> reqwest::Response {
    no_redirects()
        .post(server.url("/follow"))
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(ACCEPT_LANGUAGE, lang)
        .body(format!(
            "kind={kind}&subject={subject}&address={}&consent=yes",
            address.replace('@', "%40")
        ))
        .send()
        .await
        .unwrap()
}

fn location(res: &reqwest::Response) -> &str {
    res.headers()[LOCATION].to_str().unwrap()
}

async fn text(server: &TestServer, path: &str) -> String {
    reqwest::get(server.url(path))
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

/// The mail that arrived for `to` whose subject starts with `start`.
fn mail_to<'a>(mails: &'a [Value], to: &str, start: &str) -> &'a Value {
    mails
        .iter()
        .find(|m| m["envelope_to"][0] == to && subject(m).starts_with(start))
        .unwrap_or_else(|| panic!("no “{start}” mail to {to}: {mails:#?}"))
}

#[tokio::test]
async fn topic_and_candidate_followers_hear_of_reports_policies_and_the_month_chosen() {
    let smtp = TestSmtp::start();
    let server = TestServer::start_full(&[EDITOR], &["--smtp-url", &smtp.url]);
    let page = text(&server, "/topics/2026/11").await;
    assert!(
        page.contains("关注这个主题") && page.contains("value=\"2026-11\""),
        "the topic page has its follow form"
    );
    assert!(
        page.contains("href=\"/feeds/topic/2026-11.atom\""),
        "and its feed beside it"
    );
    let round = text(&server, "/vote/2026-winter").await;
    let at = round
        .find("/vote/2026-winter/candidates/")
        .expect("a candidate link")
        + "/vote/2026-winter/candidates/".len();
    let candidate: String = round[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let page = text(
        &server,
        &format!("/vote/2026-winter/candidates/{candidate}"),
    )
    .await;
    assert!(
        page.contains("关注这个候选议题"),
        "the candidate page has its follow form"
    );

    let res = follow(&server, ("topic", "2026-11"), "zhao@example.cn", "zh-CN").await;
    assert_eq!(location(&res), "/topics/2026/11?follow=sent#follow");
    let res = follow(&server, ("candidate", &candidate), "li@example.org", "en").await;
    assert_eq!(
        location(&res),
        format!("/vote/2026-winter/candidates/{candidate}?follow=sent#follow")
    );
    for unknown in [
        ("topic", "2031-13"),
        ("topic", "1999-01"),
        ("candidate", "999999"),
    ] {
        let res = follow(&server, unknown, "zhao@example.cn", "zh-CN").await;
        assert_eq!(res.status(), 404, "{unknown:?}");
    }
    let mails = smtp.wait_for(2);
    for to in ["zhao@example.cn", "li@example.org"] {
        let confirm = mails
            .iter()
            .find(|m| m["envelope_to"][0] == to)
            .expect("confirmation");
        let confirm = link(confirm["text"].as_str().unwrap(), "/follow/", "/confirm");
        assert_eq!(
            reqwest::get(server.url(&confirm)).await.unwrap().status(),
            200
        );
    }

    let token = login(&server, "editor", EDITOR.3).await.unwrap();
    let report = [
        ("topic", "2026-11"),
        ("date", "2026-12-01"),
        ("kind", "progress"),
        ("title", "管线冲洗完成"),
        ("author", "office"),
        ("body", "已完成。"),
    ];
    let res = post(&server, "add_report", Some(&token), &report).await;
    assert_eq!(location(&res), "/staff?done=report_published");
    let policy = "关于测试关注通知的政策";
    let res = post(
        &server,
        "draft_policy",
        Some(&token),
        &[
            ("title", policy),
            ("issuer", "市城市管理委"),
            ("issued", "2026-12-02"),
            ("topic", "2026-11"),
        ],
    )
    .await;
    assert_eq!(location(&res), "/staff?done=policy_drafted");
    let desk = support::staff::get_as(&server, "/staff", &token).await;
    let id = support::staff::draft_policy_id(&desk, policy);
    let res = post(
        &server,
        "publish_policy",
        Some(&token),
        &[("policy_id", &id), ("confirm", "1")],
    )
    .await;
    assert!(location(&res).contains("done="), "{}", location(&res));
    // The cycles desk's form (its server functions carry their own module's suffix).
    let became =
        support::staff::action_on(&server, "/staff/cycles", &token, "set_candidate_became").await;
    // Cleared first (the demo round's first candidate already became November's topic), then
    // chosen: only a new month is news.
    for month in ["", "2026-11"] {
        let res = support::staff::client()
            .post(&became)
            .header(reqwest::header::ACCEPT, "text/html")
            .header(reqwest::header::COOKIE, format!("dianca_session={token}"))
            .form(&[("candidate_id", candidate.as_str()), ("topic", month)])
            .send()
            .await
            .unwrap();
        assert!(location(&res).contains("done="), "{}", location(&res));
    }

    // Tasks of November's topic that went overdue lately may be told as well (the teller looks
    // every ten seconds); the three notices this test causes are counted apart from them.
    let ours = |mails: &[Value]| {
        mails
            .iter()
            .filter(|m| !subject(m).starts_with("任务已逾期") && !subject(m).contains("确认"))
            .filter(|m| !subject(m).starts_with("Please confirm"))
            .count()
    };
    let mut mails = smtp.wait_for(5);
    for _ in 0..100 {
        if ours(&mails) >= 3 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
        mails = smtp.mails();
    }
    let report = mail_to(&mails, "zhao@example.cn", "进展报告");
    let body = report["text"].as_str().unwrap();
    assert!(
        body.contains("管线冲洗完成") && body.contains("/topics/2026/11#reports-heading"),
        "{body}"
    );
    assert!(
        report["headers"]["List-Unsubscribe-Post"]
            .as_str()
            .is_some(),
        "one-click unsubscribe"
    );
    let body = mail_to(&mails, "zhao@example.cn", "新政策")["text"]
        .as_str()
        .unwrap();
    assert!(
        body.contains(policy) && body.contains("/policies/"),
        "{body}"
    );
    let chosen = mail_to(
        &mails,
        "li@example.org",
        "A candidate you follow is now the topic",
    );
    let body = chosen["text"].as_str().unwrap();
    assert!(
        body.contains("November 2026") && body.contains("/topics/2026/11"),
        "{body}"
    );
    std::thread::sleep(std::time::Duration::from_secs(3));
    assert_eq!(ours(&smtp.mails()), 3, "each told once");

    // The same news in each item's feed, without an address.
    let feed = |path: String| {
        let url = server.url(&path);
        async move {
            let res = reqwest::get(url).await.unwrap();
            let status = res.status().as_u16();
            let kind = res
                .headers()
                .get(CONTENT_TYPE)
                .map(|v| v.to_str().unwrap().to_string());
            (status, kind, res.text().await.unwrap())
        }
    };
    let (status, kind, topic) = feed("/feeds/topic/2026-11.atom".into()).await;
    assert_eq!(status, 200);
    assert!(kind.unwrap().starts_with("application/atom+xml"));
    assert!(
        topic.contains("进展报告：冬季供暖")
            && topic.contains("管线冲洗完成")
            && topic.contains(policy),
        "{topic}"
    );
    assert!(!topic.contains("zhao@example.cn"), "no address");
    let (_, _, english) = feed("/feeds/topic/2026-11.atom?lang=en".into()).await;
    assert!(
        english.contains("Progress report:") && english.contains("xml:lang=\"en\""),
        "{english}"
    );
    let (_, _, chosen) = feed(format!("/feeds/candidate/{candidate}.atom")).await;
    assert!(chosen.contains("成为每月一题"), "{chosen}");
    let (_, _, round) = feed("/feeds/cycle/2026-winter.atom".into()).await;
    assert!(
        round.contains("投票已结束"),
        "the round's closing is in its feed: {round}"
    );
    for missing in [
        "/feeds/topic/2031-13.atom",
        "/feeds/nothing/1.atom",
        "/feeds/topic/2026-11",
    ] {
        assert_eq!(feed(missing.into()).await.0, 404, "{missing}");
    }
}
