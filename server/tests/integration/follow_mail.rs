//! 关注 by email through a real SMTP server (issue 33, first slice): asking to follow a voting
//! round queues a confirmation that arrives over SMTP in the reader's language, with a link that
//! confirms and a one-click unsubscribe (RFC 8058) that deletes the address; the address is in
//! no log line and no page.
// a test crate: a failure is a failed test
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support::smtp::{link, no_redirects, TestSmtp};
use crate::support::TestServer;
use reqwest::header::{ACCEPT_LANGUAGE, CONTENT_TYPE, LOCATION};
use serde_json::Value;

const ADDRESS: &str = "wang.follow@example.cn";

async fn ask(server: &TestServer, fields: &str, lang: &str) -> reqwest::Response {
    no_redirects()
        .post(server.url("/follow"))
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(ACCEPT_LANGUAGE, lang)
        .body(fields.to_string())
        .send()
        .await
        .expect("post")
}

fn header<'a>(mail: &'a Value, name: &str) -> &'a str {
    mail["headers"][name]
        .as_str()
        .unwrap_or_else(|| panic!("{name} in {mail}"))
}

#[tokio::test]
async fn follow_confirm_and_one_click_unsubscribe_over_real_smtp() {
    let smtp = TestSmtp::start();
    let server = TestServer::start_with_args(&["--smtp-url", &smtp.url]);
    let page = reqwest::get(server.url("/vote/2027-annual"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("action=\"/follow\""),
        "the round's page has the follow form"
    );

    // Typing slips come back as words, and queue nothing.
    let res = ask(
        &server,
        "kind=cycle&subject=2027-annual&address=wang&consent=yes",
        "zh-CN",
    )
    .await;
    assert_eq!(
        res.headers()[LOCATION],
        "/vote/2027-annual?follow=address#follow"
    );
    let res = ask(
        &server,
        &format!("kind=cycle&subject=2027-annual&address={ADDRESS}"),
        "zh-CN",
    )
    .await;
    assert_eq!(
        res.headers()[LOCATION],
        "/vote/2027-annual?follow=consent#follow"
    );
    let back = reqwest::get(server.url("/vote/2027-annual?follow=address"))
        .await
        .unwrap();
    assert!(back.text().await.unwrap().contains("这个邮箱地址不完整"));

    let res = ask(
        &server,
        &format!("kind=cycle&subject=2027-annual&address={ADDRESS}&consent=yes&website="),
        "zh-CN,zh;q=0.9",
    )
    .await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        res.headers()[LOCATION],
        "/vote/2027-annual?follow=sent#follow"
    );
    let back = reqwest::get(server.url("/vote/2027-annual?follow=sent"))
        .await
        .unwrap();
    assert!(back.text().await.unwrap().contains("请查收邮件"));

    let mails = smtp.wait_for(1);
    assert_eq!(mails.len(), 1, "one confirmation mail");
    let mail = &mails[0];
    assert_eq!(mail["envelope_to"][0], ADDRESS);
    assert!(
        mail["subject"].as_str().unwrap().starts_with("请确认关注"),
        "{mail}"
    );
    let text = mail["text"].as_str().unwrap();
    assert!(
        text.contains("确认关注") && text.contains("/vote/2027-annual"),
        "{text}"
    );
    assert!(
        mail["html"].as_str().unwrap().contains("<a href="),
        "an HTML part too"
    );
    assert!(header(mail, "Message-ID").ends_with(">"));
    assert_eq!(
        header(mail, "List-Unsubscribe-Post"),
        "List-Unsubscribe=One-Click"
    );
    let one_click = header(mail, "List-Unsubscribe")
        .trim_matches(['<', '>'])
        .to_string();
    assert!(one_click.ends_with("/stop"), "{one_click}");

    // Asking again at once sends nothing more, and says the same.
    let res = ask(
        &server,
        &format!("kind=cycle&subject=2027-annual&address={ADDRESS}&consent=yes"),
        "zh-CN",
    )
    .await;
    assert_eq!(
        res.headers()[LOCATION],
        "/vote/2027-annual?follow=sent#follow"
    );

    let confirm = link(text, "/follow/", "/confirm");
    let res = reqwest::get(server.url(&confirm)).await.unwrap();
    assert_eq!(res.status(), 200);
    let body = res.text().await.unwrap();
    assert!(
        body.contains("关注已确认") && body.contains("/vote/2027-annual"),
        "{body}"
    );
    let forged = confirm
        .replace("/confirm", "")
        .rsplit_once('/')
        .map(|(head, _)| format!("{head}/AAAAAAAAAAAAAAAAAAAAAA/confirm"))
        .unwrap();
    assert_eq!(
        reqwest::get(server.url(&forged)).await.unwrap().status(),
        404,
        "a forged link"
    );

    // The mail program's one-click post (RFC 8058) stops the follow and deletes the address.
    let stop_path = one_click
        .split_once("://")
        .and_then(|(_, r)| r.find('/').map(|at| r[at..].to_string()))
        .unwrap();
    let res = no_redirects()
        .post(server.url(&stop_path))
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.text().await.unwrap().contains("已停止关注"));
    let res = reqwest::get(server.url(&confirm)).await.unwrap();
    assert_eq!(
        res.status(),
        404,
        "the follow is gone: its link no longer confirms"
    );

    // In English for an English reader.
    ask(
        &server,
        "kind=cycle&subject=2027-annual&address=li.follow%40example.org&consent=yes",
        "en-GB,en;q=0.9",
    )
    .await;
    let mails = smtp.wait_for(2);
    assert_eq!(mails.len(), 2);
    assert!(
        mails[1]["subject"]
            .as_str()
            .unwrap()
            .starts_with("Please confirm"),
        "{}",
        mails[1]
    );

    let logged: Vec<String> = server
        .log_lines()
        .into_iter()
        .filter(|l| l.contains("example.cn") || l.contains("example.org"))
        .collect();
    assert!(logged.is_empty(), "no address in the log: {logged:?}");
}

/// Every property name in the OpenAPI document (schemas, parameters' schemas included).
fn property_names(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                if key == "properties" {
                    if let Value::Object(props) = inner {
                        out.extend(props.keys().cloned());
                    }
                }
                property_names(inner, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| property_names(v, out)),
        _ => {}
    }
}

/// No address or other personal data in the API (issue 33): no schema has a field for one, and
/// with a confirmed follower on record no answer of the open-data API carries her address.
#[tokio::test]
async fn the_api_has_no_personal_data_of_followers() {
    let smtp = TestSmtp::start();
    let server = TestServer::start_with_args(&["--smtp-url", &smtp.url]);
    let doc: Value = reqwest::get(server.url("/api/openapi.json"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let mut names = Vec::new();
    property_names(&doc, &mut names);
    assert!(names.len() > 20, "the schemas were read: {names:?}");
    let personal: Vec<_> = names
        .iter()
        .filter(|n| {
            let n = n.to_lowercase();
            ["mail", "address", "phone", "contact", "follower"]
                .iter()
                .any(|word| n.contains(word))
        })
        .collect();
    assert!(
        personal.is_empty(),
        "fields for personal data: {personal:?}"
    );

    ask(
        &server,
        &format!("kind=cycle&subject=2027-annual&address={ADDRESS}&consent=yes"),
        "zh-CN",
    )
    .await;
    let mails = smtp.wait_for(1);
    let confirm = link(mails[0]["text"].as_str().unwrap(), "/follow/", "/confirm");
    assert_eq!(
        reqwest::get(server.url(&confirm)).await.unwrap().status(),
        200
    );
    for path in [
        "/api/v1/years",
        "/api/v1/years/2024",
        "/api/v1/cycles",
        "/api/v1/cycles/2027-annual",
        "/api/v1/cycles/2027-annual/integrity",
        "/api/v1/topics/2026/11",
        "/api/v1/topics/2026/11/tasks",
        "/api/v1/charts",
        "/api/v1/hotline/ranking",
        "/feed.atom",
    ] {
        let res = reqwest::get(server.url(path)).await.unwrap();
        assert_eq!(res.status(), 200, "{path}");
        let body = res.text().await.unwrap();
        assert!(
            !body.contains(ADDRESS) && !body.contains("example.cn"),
            "{path} carries an address"
        );
    }
}
