//! 我的关注 (issue 33): every mail links to the page of everything its address follows, where
//! each can be stopped and all can be stopped with the address deleted — no account, the
//! signed link is the key, and the page never shows the address.
// a test crate: a failure is a failed test
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support::smtp::{link, no_redirects, TestSmtp};
use crate::support::TestServer;
use reqwest::header::{ACCEPT_LANGUAGE, CONTENT_TYPE, LOCATION};

async fn get(server: &TestServer, path: &str) -> (u16, String) {
    let res = no_redirects().get(server.url(path)).send().await.unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

async fn post(server: &TestServer, path: &str) -> (u16, String) {
    let res = no_redirects()
        .post(server.url(path))
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body("")
        .send()
        .await
        .unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

#[tokio::test]
async fn my_follows_lists_each_item_stops_one_and_stops_all_with_the_address() {
    let smtp = TestSmtp::start();
    let server = TestServer::start_with_args(&["--smtp-url", &smtp.url]);
    const ADDRESS: &str = "zhao.mine@example.cn";

    // She follows a round, and suggests with the same address.
    let res = no_redirects()
        .post(server.url("/follow"))
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(ACCEPT_LANGUAGE, "zh-CN")
        .body(format!(
            "kind=cycle&subject=2027-annual&address={ADDRESS}&consent=yes"
        ))
        .send()
        .await
        .unwrap();
    assert!(res.headers()[LOCATION]
        .to_str()
        .unwrap()
        .ends_with("follow=sent#follow"));
    let res = no_redirects()
        .post(server.url("/suggest"))
        .header(ACCEPT_LANGUAGE, "zh-CN")
        .form(&[
            ("title", "公交站没有座椅"),
            ("description", "小区门口的公交站没有座椅，老人等车很累。"),
            ("district", "海淀区"),
            ("category", "交通出行"),
            ("address", ADDRESS),
            ("website", ""),
        ])
        .send()
        .await
        .unwrap();
    assert!(res.headers()[LOCATION]
        .to_str()
        .unwrap()
        .contains("follow=sent"));
    let mails = smtp.wait_for(2);
    assert_eq!(mails.len(), 2);
    // Sent side by side: which arrived first is not fixed.
    let of = |part: &str| {
        mails
            .iter()
            .find(|m| m["subject"].as_str().unwrap().contains(part))
            .unwrap_or_else(|| panic!("a mail about {part}: {mails:?}"))["text"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let (first, second) = (of("2027"), of("公交站没有座椅"));
    let first = first.as_str();
    assert_eq!(
        get(&server, &link(first, "/follow/", "/confirm")).await.0,
        200,
        "the round's follow confirmed"
    );

    // Any mail's "my follows" link lists both, with their state; never the address.
    let mine = link(first, "/follow/", "/mine");
    let (status, page) = get(&server, &mine).await;
    assert_eq!(status, 200);
    assert!(page.contains("我的关注"), "{page}");
    assert!(
        page.contains("2027") && page.contains("公交站没有座椅"),
        "both items: {page}"
    );
    assert!(
        page.contains("已确认") && page.contains("等待确认"),
        "{page}"
    );
    assert!(!page.contains(ADDRESS) && !page.contains("example.cn"));
    let forged = mine.replacen("/follow/", "/follow/9", 1);
    assert_eq!(get(&server, &forged).await.0, 404, "a forged link");

    // Stop one: the other stays.
    let stop_suggestion = link(&second, "/follow/", "/stop");
    assert_eq!(post(&server, &stop_suggestion).await.0, 200);
    let (_, page) = get(&server, &mine).await;
    assert!(
        !page.contains("公交站没有座椅") && page.contains("2027"),
        "{page}"
    );

    // Stop all: the address is gone, every link says so, and nothing more is sent.
    let all = mine.replace("/mine", "/stop-all");
    let (status, page) = post(&server, &all).await;
    assert_eq!(status, 200);
    assert!(page.contains("已全部停止"), "{page}");
    assert_eq!(get(&server, &mine).await.0, 404);
    assert_eq!(
        post(&server, &all).await.0,
        200,
        "a second click is not an error"
    );
    let res = no_redirects()
        .post(server.url("/follow"))
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(format!(
            "kind=cycle&subject=2027-annual&address={ADDRESS}&consent=yes"
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303, "she may follow again later, afresh");
}
