//! The resident's side of voting over real HTTP: the ballot page shows the ballot this device
//! cast (and only this device), the banner comes from the records and not the URL, receipts
//! are read the way people type them, public checks never show picks, the receipt image, and
//! open cycles first.
// a test crate: a failure is a failed test
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support;

use reqwest::{header, redirect::Policy, Client};
use serde_json::Value;
use support::TestServer;

const OPEN: &str = "2027-annual";

fn client() -> Client {
    Client::builder()
        .redirect(Policy::none())
        .build()
        .expect("client")
}

async fn get_json(server: &TestServer, path: &str) -> Value {
    reqwest::get(server.url(path))
        .await
        .expect("r")
        .json()
        .await
        .expect("json")
}

/// `(id, title)` of the open cycle's candidates, in page order.
async fn candidates(server: &TestServer) -> Vec<(i64, String)> {
    let cycle = get_json(server, &format!("/api/v1/cycles/{OPEN}")).await;
    cycle["candidates"]
        .as_array()
        .expect("candidates")
        .iter()
        .map(|c| {
            (
                c["id"].as_i64().expect("id"),
                c["title"].as_str().expect("title").to_string(),
            )
        })
        .collect()
}

/// Casts a ballot with the form; returns the redirect and the cookies set, as one header.
async fn vote(server: &TestServer, picks: &[i64], cookies: Option<&str>) -> (String, String) {
    let form: Vec<(&str, String)> = picks.iter().map(|p| ("pick", p.to_string())).collect();
    let mut req = client()
        .post(server.url(&format!("/vote/{OPEN}")))
        .form(&form);
    if let Some(c) = cookies {
        req = req.header(header::COOKIE, c);
    }
    let res = req.send().await.expect("post");
    assert_eq!(res.status(), 303);
    let location = res.headers()[header::LOCATION]
        .to_str()
        .expect("ascii")
        .to_string();
    let jar = res
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok()?.split(';').next().map(str::to_string))
        .collect::<Vec<_>>()
        .join("; ");
    (location, jar)
}

async fn page(server: &TestServer, path: &str, cookies: Option<&str>) -> String {
    let mut req = client().get(server.url(path));
    if let Some(c) = cookies {
        req = req.header(header::COOKIE, c);
    }
    req.send().await.expect("get").text().await.expect("body")
}

fn receipt_of(location: &str) -> String {
    let start = location.find("receipt=").expect("receipt") + "receipt=".len();
    location[start..]
        .chars()
        .take_while(|c| *c != '&' && *c != '#')
        .collect()
}

#[tokio::test]
async fn the_ballot_page_shows_this_devices_ballot_and_only_to_it() {
    let server = TestServer::start();
    let ids = candidates(&server).await;
    let (first, jar) = vote(&server, &[ids[0].0, ids[2].0], None).await;
    assert!(!first.contains("status="), "no status in the URL: {first}");
    assert!(first.ends_with("#receipt"));
    let receipt = receipt_of(&first);
    assert!(jar.contains("dianca_ballot_2027-annual="), "{jar}");

    // Just cast, and when she comes back: "您已投票", her picks and her receipt.
    for path in [first.as_str(), "/vote/2027-annual"] {
        let html = page(&server, path, Some(&jar)).await;
        assert!(html.contains("您已投票"), "{path}");
        assert!(html.contains(&ids[0].1) && html.contains(&ids[2].1));
        assert!(html.contains(&receipt));
        assert!(html.contains("修改选票"), "changing is a step of its own");
        assert!(
            !html.contains("name=\"pick\""),
            "{path}: no blank ballot under it"
        );
    }
    let html = page(&server, &first, Some(&jar)).await;
    assert!(html.contains("已收到您的选票，已计入结果。"));

    // Changing: her picks are ticked, the rest are not.
    let html = page(&server, "/vote/2027-annual?change=1", Some(&jar)).await;
    assert_eq!(html.matches("checked").count(), 2, "her two picks");
    assert!(html.contains("您正在修改选票"));

    // Another device with the same link sees the state, never the picks.
    let other = page(&server, &first, None).await;
    assert!(other.contains(&receipt) && other.contains("已计入"));
    assert!(
        !other.contains("您选的是"),
        "no picks without the device's cookie"
    );
    // A forged seal is nobody's ballot.
    let forged =
        format!("dianca_ballot_2027-annual={receipt}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    let html = page(&server, "/vote/2027-annual", Some(&forged)).await;
    assert!(!html.contains("您已投票") && html.contains("name=\"pick\""));

    // Changing the ballot moves the cookie to the new receipt.
    let (second, jar2) = vote(&server, &[ids[1].0], Some(&jar)).await;
    // As a browser would: the new ballot cookie replaces the old one, the device cookie stays.
    let device = jar
        .split("; ")
        .find(|c| c.starts_with("dianca_device="))
        .expect("device");
    let cookies = format!("{device}; {jar2}");
    let html = page(&server, "/vote/2027-annual", Some(&cookies)).await;
    assert!(html.contains(&receipt_of(&second)) && html.contains(&ids[1].1));
    let start = html.find("class=\"own-picks\"").expect("her picks");
    let picks = &html[start..start + html[start..].find("</ul>").expect("list end")];
    assert!(
        picks.contains(&ids[1].1) && !picks.contains(&ids[0].1),
        "{picks}"
    );
}

#[tokio::test]
async fn the_counted_banner_comes_from_the_records_not_the_url() {
    let server = TestServer::start();
    for path in [
        "/vote/2027-annual?receipt=%E5%81%87%E7%A5%A8&status=counted",
        "/vote/2027-annual?receipt=PRX7-D2TN-G9&status=counted",
    ] {
        let html = page(&server, path, None).await;
        assert!(!html.contains("已计入结果"), "{path}");
        assert!(!html.contains("您已投票"), "{path}");
        assert!(
            html.contains("name=\"pick\""),
            "{path}: the ballot is there"
        );
    }
}

#[tokio::test]
async fn receipts_are_read_as_typed_and_never_show_picks_publicly() {
    let server = TestServer::start();
    let ids = candidates(&server).await;
    let (location, jar) = vote(&server, &[ids[3].0], None).await;
    let receipt = receipt_of(&location);
    let lower_spaced = receipt.to_lowercase().replace('-', " ");
    let bare = receipt.replace('-', "");
    for typed in [lower_spaced.as_str(), bare.as_str()] {
        let json = get_json(
            &server,
            &format!("/api/v1/receipts/{}", typed.replace(' ', "%20")),
        )
        .await;
        assert_eq!(json["state"], "counted", "{typed}");
        assert!(json.get("picks").is_none(), "the public API shows no picks");
        let url = format!("/receipt?code={}", typed.replace(' ', "+"));
        let public = page(&server, &url, None).await;
        assert!(public.contains("这张选票已计入结果。"), "{typed}");
        assert!(!public.contains(&ids[3].1), "no picks for a stranger");
        let mine = page(&server, &url, Some(&jar)).await;
        assert!(
            mine.contains(&ids[3].1),
            "the device that cast it sees them"
        );
    }
    let html = page(&server, "/receipt?code=PRX7-D2TN-G0", None).await;
    assert!(html.contains("回执码里没有数字 0"), "a look-alike is named");
}

#[tokio::test]
async fn too_many_picks_come_back_beside_the_button_with_the_focus() {
    let server = TestServer::start();
    let ids: Vec<i64> = candidates(&server).await.iter().map(|c| c.0).collect();
    let (location, _) = vote(&server, &ids, None).await;
    assert!(location.ends_with("#ballot-error"), "{location}");
    let html = page(&server, &location, None).await;
    assert!(html.contains("最多选 3 项，您选了 4 项"));
    let error = html.find("id=\"ballot-error\"").expect("the message");
    let button = html.find("type=\"submit\"").expect("the button");
    assert!(error < button, "the message is just above the button");
    assert!(html[error - 200..button].contains("autofocus"));
}

#[tokio::test]
async fn the_receipt_image_is_only_for_the_device_that_voted() {
    let server = TestServer::start();
    let ids = candidates(&server).await;
    let (_, jar) = vote(&server, &[ids[0].0], None).await;
    let res = client()
        .get(server.url("/vote/2027-annual/receipt.png"))
        .header(header::COOKIE, &jar)
        .send()
        .await
        .expect("get");
    // Without a CJK font the server cannot draw Chinese and says so with 503.
    if res.status() == 503 {
        eprintln!("no CJK font: receipt image not checked");
    } else {
        assert_eq!(res.status(), 200);
        assert_eq!(res.headers()[header::CONTENT_TYPE], "image/png");
        let tag = res.headers()[header::ETAG].clone();
        let bytes = res.bytes().await.expect("png");
        assert_eq!(&bytes[..4], b"\x89PNG");
        // Kept (issue 34: it was drawn again on every request): her browser asks with the
        // tag and is told nothing changed; without it, the same card comes from the cache.
        let again = client()
            .get(server.url("/vote/2027-annual/receipt.png"))
            .header(header::COOKIE, &jar)
            .header(header::IF_NONE_MATCH, tag)
            .send()
            .await
            .expect("get");
        assert_eq!(again.status(), 304);
        let again = client()
            .get(server.url("/vote/2027-annual/receipt.png"))
            .header(header::COOKIE, &jar)
            .send()
            .await
            .expect("get");
        assert_eq!(again.bytes().await.expect("png"), bytes);
    }
    let res = client()
        .get(server.url("/vote/2027-annual/receipt.png"))
        .send()
        .await
        .expect("get");
    assert_eq!(res.status(), 404);
}

#[tokio::test]
async fn open_cycles_come_first_and_the_home_page_leads_with_the_vote() {
    let server = TestServer::start();
    let cycles = get_json(&server, "/api/v1/cycles").await;
    assert_eq!(cycles[0]["phase"], "open", "{cycles}");
    let list = page(&server, "/vote", None).await;
    let open = list.find("/vote/2027-annual\"").expect("open cycle");
    let first_link = list.find("<h2><a href=\"/vote/").expect("a cycle");
    assert_eq!(
        open,
        first_link + "<h2><a href=\"".len(),
        "the open one is listed first"
    );
    let home = page(&server, "/", None).await;
    let card = home.find("正在投票").expect("the vote card");
    let topic = home.find("id=\"current-heading\"").expect("the topic");
    assert!(card < topic, "the vote comes before this month's topic");
    assert!(home.contains(">投票</a>"), "the nav says 投票");
}
