//! Issue 14, point 3: "我也要" (me too) has the rules of a ballot. Thirty POSTs from one address,
//! each a new device with a freshly solved proof of work, do not take a suggestion from 1 to 31
//! supporters: five count, the other 25 wait for a moderator (who may count them), one device
//! and a bad proof is refused. Without proofs the stricter per-minute limit applies.
// a test crate: a failure is a failed test
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support;

use reqwest::{header, redirect::Policy, Client};
use support::staff::{action_on, get_as, login};
use support::TestServer;

const MODERATOR: support::Account<'static> =
    ("moderator", "moderator", None, "moderator-password-123");
const TITLE: &str = "小区门口路灯不亮";

fn client() -> Client {
    Client::builder()
        .redirect(Policy::none())
        .build()
        .expect("client")
}

fn location(res: &reqwest::Response) -> String {
    res.headers()[header::LOCATION]
        .to_str()
        .expect("ascii")
        .to_string()
}

/// A resident suggests; the moderator publishes it. Returns its id.
async fn published_suggestion(server: &TestServer, token: &str) -> String {
    let res = client()
        .post(server.url("/suggest"))
        .form(&[
            ("title", TITLE),
            ("description", "小区门口的三盏路灯坏了三个月，晚上很黑。"),
            ("district", "朝阳区"),
            ("category", "市容环境"),
            ("website", ""),
        ])
        .send()
        .await
        .expect("post");
    assert!(location(&res).contains("receipt="), "{}", location(&res));
    let queue = get_as(server, "/staff/moderation", token).await;
    let at = queue
        .find(&format!("data-suggestion=\"{TITLE}\""))
        .expect("pending");
    let marker = "name=\"suggestion_id\" value=\"";
    let start = at + queue[at..].find(marker).expect("id") + marker.len();
    let id: String = queue[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let url = action_on(server, "/staff/moderation", token, "moderate_suggestion").await;
    let res = client()
        .post(url)
        .header(header::COOKIE, format!("dianca_session={token}"))
        .header(header::ACCEPT, "text/html")
        .form(&[
            ("suggestion_id", id.as_str()),
            ("decision", "publish"),
            ("reason", ""),
        ])
        .send()
        .await
        .expect("publish");
    assert!(location(&res).contains("done="), "{}", location(&res));
    id
}

/// The supporters the public list shows for the suggestion.
async fn supporters(server: &TestServer, id: &str) -> u32 {
    let page = reqwest::get(server.url("/suggest"))
        .await
        .expect("r")
        .text()
        .await
        .expect("b");
    let at = page.find(&format!("id=\"s-{id}\"")).expect("listed");
    let rest = &page[at..];
    let end = rest.find(" 人支持").expect("count");
    let digits: String = rest[..end]
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.chars().rev().collect::<String>().parse().expect("n")
}

async fn me_too(server: &TestServer, id: &str, proof: &str, device: Option<&str>) -> String {
    let mut req = client()
        .post(server.url(&format!("/suggest/{id}/support")))
        .form(&[("proof", proof)]);
    if let Some(d) = device {
        req = req.header(header::COOKIE, d);
    }
    let res = req.send().await.expect("post");
    assert_eq!(res.status(), 303);
    location(&res)
}

#[tokio::test]
async fn thirty_me_toos_from_one_address_do_not_make_thirty_one_supporters() {
    let server = TestServer::start_with_staff(&[MODERATOR]);
    let token = login(&server, MODERATOR.0, MODERATOR.3)
        .await
        .expect("moderator signs in");
    let id = published_suggestion(&server, &token).await;
    assert_eq!(supporters(&server, &id).await, 1, "the author");

    let mut held = 0;
    for _ in 0..30 {
        let proof = support::proof::solved(&server, "2027-annual").await;
        let to = me_too(&server, &id, &proof, None).await;
        if to.contains("support_held=") {
            held += 1;
        } else {
            assert!(to.contains("supported="), "{to}");
        }
    }
    let counted = supporters(&server, &id).await;
    eprintln!(
        "support counted out of 30 from one address: {}",
        counted - 1
    );
    assert_eq!(counted, 6, "the author and five devices of the network");
    assert_eq!(held, 25, "the rest wait for review");
    assert!(server.logged_eventually("event=support_held", 25) >= 25);
    let page = reqwest::get(server.url(&format!("/suggest?support_held={id}")))
        .await
        .expect("r")
        .text()
        .await
        .expect("b");
    assert!(
        page.contains("要等审核员复核后才计入"),
        "the resident is told"
    );

    // A bad proof is refused and changes nothing.
    let to = me_too(&server, &id, &support::proof::forged(), None).await;
    assert!(to.contains("error=bad_proof"), "{to}");
    let page = reqwest::get(server.url(&to))
        .await
        .expect("r")
        .text()
        .await
        .expect("b");
    assert!(page.contains("防刷校验没有通过"));

    // The moderator sees the held group and counts it (a household or an office).
    let queue = get_as(&server, "/staff/moderation", &token).await;
    assert!(queue.contains("25 条支持"), "held support is in the queue");
    let url = action_on(&server, "/staff/moderation", &token, "review_supports").await;
    let marker = "name=\"network\" value=\"";
    let start = queue.find(marker).expect("network") + marker.len();
    let network: String = queue[start..].chars().take_while(|c| *c != '"').collect();
    let res = client()
        .post(url)
        .header(header::COOKIE, format!("dianca_session={token}"))
        .header(header::ACCEPT, "text/html")
        .form(&[
            ("suggestion_id", id.as_str()),
            ("network", network.as_str()),
            ("decision", "accept"),
        ])
        .send()
        .await
        .expect("review");
    assert!(location(&res).contains("done="), "{}", location(&res));
    assert_eq!(supporters(&server, &id).await, 31, "counted once reviewed");
}

#[tokio::test]
async fn without_proofs_one_network_gets_the_stricter_limit() {
    let server = TestServer::start_with_staff(&[MODERATOR]);
    let token = login(&server, MODERATOR.0, MODERATOR.3)
        .await
        .expect("moderator signs in");
    let id = published_suggestion(&server, &token).await;
    let mut limited = 0;
    for _ in 0..30 {
        if me_too(&server, &id, "", None)
            .await
            .contains("error=rate_limited")
        {
            limited += 1;
        }
    }
    assert_eq!(limited, 18, "twelve a minute without a proof");
    assert_eq!(supporters(&server, &id).await, 6);
}

/// "我也要" again from a device that already supports a suggestion (its author always does) is
/// told so — not thanked while the count stays still (issue 34) — and the page then offers no
/// button there, only the mark.
#[tokio::test]
async fn a_second_me_too_from_one_device_is_told_it_already_counts() {
    let server = TestServer::start_with_staff(&[MODERATOR]);
    let token = login(&server, MODERATOR.0, MODERATOR.3)
        .await
        .expect("moderator signs in");
    let id = published_suggestion(&server, &token).await;
    let proof = support::proof::solved(&server, "2027-annual").await;
    let res = client()
        .post(server.url(&format!("/suggest/{id}/support")))
        .form(&[("proof", proof)])
        .send()
        .await
        .expect("post");
    assert!(location(&res).contains("supported="), "{}", location(&res));
    let device = res.headers()[header::SET_COOKIE]
        .to_str()
        .expect("ascii")
        .split(';')
        .next()
        .expect("a cookie")
        .to_string();
    let proof = support::proof::solved(&server, "2027-annual").await;
    let to = me_too(&server, &id, &proof, Some(&device)).await;
    assert!(to.contains(&format!("already={id}")), "{to}");
    assert_eq!(
        supporters(&server, &id).await,
        2,
        "the author and this device"
    );
    let page = client()
        .get(server.url(&to))
        .header(header::COOKIE, &device)
        .send()
        .await
        .expect("r")
        .text()
        .await
        .expect("b");
    assert!(page.contains("您之前已经支持过这条建议，这次不重复计算。"));
    assert!(!page.contains("已记下您的支持"));
    let at = page.find(&format!("id=\"s-{id}\"")).expect("listed");
    let item = &page[at..at + page[at..].find("</li>").expect("end")];
    assert!(item.contains("✓ 您已支持"), "{item}");
    assert!(
        !item.contains("我也要"),
        "no button that changes nothing: {item}"
    );
}

/// Published suggestions and their support are open data (issue 34: a newsroom had to scrape
/// pages), in JSON and CSV and in the OpenAPI document; a pending one is not.
#[tokio::test]
async fn published_suggestions_and_their_support_are_open_data() {
    let server = TestServer::start_with_staff(&[MODERATOR]);
    let token = login(&server, MODERATOR.0, MODERATOR.3)
        .await
        .expect("moderator signs in");
    let empty: serde_json::Value = reqwest::get(server.url("/api/v1/suggestions"))
        .await
        .expect("r")
        .json()
        .await
        .expect("json");
    assert_eq!(empty, serde_json::json!([]));
    let id = published_suggestion(&server, &token).await;
    let proof = support::proof::solved(&server, "2027-annual").await;
    me_too(&server, &id, &proof, None).await;

    let list: serde_json::Value = reqwest::get(server.url("/api/v1/suggestions"))
        .await
        .expect("r")
        .json()
        .await
        .expect("json");
    let one = &list[0];
    assert_eq!(one["id"].as_i64().map(|i| i.to_string()), Some(id.clone()));
    assert_eq!(one["title"], TITLE);
    assert_eq!(one["supporters"], 2, "the author and one neighbour");
    assert_eq!(one["stage"], "published");
    let today = jiff::Zoned::now()
        .in_tz("Asia/Shanghai")
        .expect("tz")
        .date()
        .to_string();
    assert_eq!(one["published_on"], today.as_str());
    assert!(one["url"]
        .as_str()
        .expect("url")
        .ends_with(&format!("/suggest#s-{id}")));

    let csv = reqwest::get(server.url("/api/v1/suggestions.csv"))
        .await
        .expect("r")
        .text()
        .await
        .expect("csv");
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 1);
    assert_eq!((&rows[0][1], &rows[0][5]), (TITLE, "2"));

    let doc: serde_json::Value = reqwest::get(server.url("/api/openapi.json"))
        .await
        .expect("r")
        .json()
        .await
        .expect("json");
    assert!(doc["paths"]["/api/v1/suggestions"]["get"].is_object());
    assert!(doc["paths"]["/api/v1/suggestions.csv"]["get"].is_object());
}
