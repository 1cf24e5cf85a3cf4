//! 答复 (issue 35) over real HTTP: a cycle's promise to answer, stated before it opens and
//! frozen once it opens; the items that cross it, their due dates and replies.
// a test crate: a failure is a failed test
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support;

use reqwest::{header, redirect::Policy, Client};
use support::staff::*;
use support::TestServer;

mod answer;
mod comments;
mod crossing;
mod league;
mod not_chosen;
mod overdue;
mod ratings;
mod ratings_here;
mod rehandle;
mod reminders;
mod rule;
mod same_answer;
mod templates;

pub(super) const MODERATOR: support::Account<'static> =
    ("moderator", "moderator", None, "moderator-password-123");
/// The department the test rounds name as the one that answers (the `HEAT` account's).
pub(super) const ANSWERS: &str = "市城市管理委";

pub(super) fn client() -> Client {
    Client::builder().redirect(Policy::none()).build().unwrap()
}

/// An editor's new round opening today (it waits for 现在开始投票, so it is the next to open and
/// collects the suggestions published meanwhile), with the rule: `supporters` within 30 days,
/// `votes`, a reply within `days` working days from [`ANSWERS`].
pub(super) async fn round_with_rule(
    server: &TestServer,
    editor: &str,
    slug: &str,
    (supporters, votes, days): (&str, &str, &str),
) {
    new_round(server, editor, slug).await;
    let res = post_beside(
        server,
        editor,
        ("/staff/cycles", "create_cycle"),
        "set_reply_rule",
        &[
            ("cycle", slug),
            ("supporters", supporters),
            ("support_days", "30"),
            ("votes", votes),
            ("working_days", days),
            ("department", ANSWERS),
        ],
    )
    .await;
    assert_eq!(location(&res), "/staff/cycles?done=reply_rule_saved");
}

/// An editor's new round opening today, without a rule yet.
pub(super) async fn new_round(server: &TestServer, editor: &str, slug: &str) {
    let today = jiff::Zoned::now().in_tz("Asia/Shanghai").unwrap().date();
    let closes = today.checked_add(jiff::Span::new().days(30)).unwrap();
    let cycles = ("/staff/cycles", "create_cycle");
    let res = post_beside(
        server,
        editor,
        cycles,
        "create_cycle",
        &[
            ("slug", slug),
            ("title", "答复测试轮"),
            ("target", "2027 年"),
            ("opens", &today.to_string()),
            ("closes", &closes.to_string()),
            ("max_picks", "2"),
        ],
    )
    .await;
    assert!(location(&res).contains("done="), "{}", location(&res));
}

/// A resident suggests (leaving `address` to follow it, if any); the moderator publishes it.
/// Returns its id.
pub(super) async fn published_suggestion(
    server: &TestServer,
    moderator: &str,
    title: &str,
    address: &str,
) -> String {
    published_suggestion_from(server, moderator, title, address)
        .await
        .id
}

/// A published suggestion and what its author's browser kept.
pub(super) struct Suggested {
    pub id: String,
    /// Her receipt code (查询码).
    pub receipt: String,
    /// Her device cookie, `dianca_device=…`, as a `Cookie` header.
    pub device: String,
}

/// The `Cookie` header that carries the device token a response set.
pub(super) fn device_cookie(res: &reqwest::Response) -> String {
    res.headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.contains("dianca_device="))
        .and_then(|v| v.split(';').next())
        .expect("a device cookie")
        .to_string()
}

/// [`published_suggestion`], keeping the author's receipt and device cookie.
pub(super) async fn published_suggestion_from(
    server: &TestServer,
    moderator: &str,
    title: &str,
    address: &str,
) -> Suggested {
    let res = client()
        .post(server.url("/suggest"))
        .header(header::ACCEPT_LANGUAGE, "zh-CN")
        .form(&[
            ("title", title),
            ("description", "小区门口的三盏路灯坏了三个月，晚上很黑。"),
            ("district", "朝阳区"),
            ("category", "市容环境"),
            ("address", address),
            ("website", ""),
        ])
        .send()
        .await
        .unwrap();
    let back = location(&res);
    let receipt: String = back[back.find("receipt=").expect("a receipt") + "receipt=".len()..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    let device = device_cookie(&res);
    let queue = get_as(server, "/staff/moderation", moderator).await;
    let at = queue
        .find(&format!("data-suggestion=\"{title}\""))
        .expect("pending");
    let marker = "name=\"suggestion_id\" value=\"";
    let start = at + queue[at..].find(marker).unwrap() + marker.len();
    let id: String = queue[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let url = action_on(
        server,
        "/staff/moderation",
        moderator,
        "moderate_suggestion",
    )
    .await;
    support::staff::moderate(
        &url,
        moderator,
        "moderate_suggestion",
        &[
            ("suggestion_id", id.as_str()),
            ("decision", "publish"),
            ("reason", ""),
        ],
    )
    .await;
    Suggested {
        id,
        receipt,
        device,
    }
}

/// "我也要" from a new device, with a solved proof of work; returns the device's cookie.
pub(super) async fn me_too(server: &TestServer, id: &str) -> String {
    let proof = support::proof::solved(server, "2027-annual").await;
    let res = client()
        .post(server.url(&format!("/suggest/{id}/support")))
        .form(&[("proof", proof.as_str())])
        .send()
        .await
        .unwrap();
    assert!(location(&res).contains("supported="), "{}", location(&res));
    device_cookie(&res)
}

pub(super) async fn page(server: &TestServer, path: &str) -> String {
    reqwest::get(server.url(path))
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

/// The reply's id on the desk, by the item's title.
pub(super) fn reply_id(desk: &str, title: &str) -> String {
    card_id(desk, "reply", title)
}

/// The number in the id (`{kind}-{n}`) of the last card of `kind` opened before `text`.
pub(super) fn card_id(page: &str, kind: &str, text: &str) -> String {
    let marker = format!("id=\"{kind}-");
    let at = page[..page.find(text).expect("on the page")]
        .rfind(&marker)
        .expect("its card")
        + marker.len();
    page[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect()
}

/// A comment posted to a follow's signed comment page, as a mail program's browser would.
pub(super) async fn post_comment(
    server: &TestServer,
    page: &str,
    words: &str,
) -> reqwest::Response {
    client()
        .post(server.url(page))
        .form(&[("comment", words)])
        .send()
        .await
        .unwrap()
}

/// The department's reply to reply `id`, posted on its desk as the member holding `token`
/// (no reason code: for every decision but 不予采纳).
pub(super) async fn post_answer(
    server: &TestServer,
    token: &str,
    id: &str,
    (decision, body, link): (&str, &str, &str),
) -> reqwest::Response {
    post_beside(
        server,
        token,
        ("/staff/replies", "answer_reply"),
        "answer_reply",
        &[
            ("reply_id", id),
            ("decision", decision),
            ("reason", ""),
            ("body", body),
            ("link", link),
        ],
    )
    .await
}

/// What a follower's tests start from: a round promising a reply within ten working days from
/// [`ANSWERS`], a suggestion `title` followed (and confirmed) by `address`, then supported over
/// the line. Returns the follow's signed path, the answering department's session and the
/// reply's id.
pub(super) async fn owed_and_followed(
    server: &TestServer,
    smtp: &crate::support::smtp::TestSmtp,
    slug: &str,
    (title, address): (&str, &str),
) -> (String, String, String) {
    let editor = login(server, EDITOR.0, EDITOR.3).await.unwrap();
    let moderator = login(server, MODERATOR.0, MODERATOR.3).await.unwrap();
    round_with_rule(server, &editor, slug, ("2", "", "10")).await;
    let item = published_suggestion(server, &moderator, title, address).await;
    let follow = confirmed(server, &smtp.wait_for(1)[0]).await;
    me_too(server, &item).await;
    let heat = login(server, HEAT.0, HEAT.3).await.unwrap();
    let id = reply_id(&get_as(server, "/staff/replies", &heat).await, title);
    (follow, heat, id)
}

/// The first mail with `subject`, waited for up to 45 s: the teller tells on a ten-second beat
/// and a loaded machine (the PostgreSQL run) can take longer than `wait_for`'s fifteen.
pub(super) fn mail_with(smtp: &crate::support::smtp::TestSmtp, subject: &str) -> serde_json::Value {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(45);
    loop {
        if let Some(found) = smtp.mails().into_iter().find(|m| m["subject"] == subject) {
            return found;
        }
        assert!(std::time::Instant::now() < deadline, "no mail {subject:?}");
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
}

/// A resident follows item `(kind, id)` with `address` and opens the link in the mail she is
/// sent; returns her follow's signed path.
pub(super) async fn follows(
    server: &TestServer,
    smtp: &crate::support::smtp::TestSmtp,
    (kind, item): (&str, &str),
    address: &str,
) -> String {
    let res = client()
        .post(server.url("/follow"))
        .form(&[
            ("kind", kind),
            ("subject", item),
            ("address", address),
            ("consent", "yes"),
            ("website", ""),
        ])
        .send()
        .await
        .unwrap();
    assert!(location(&res).contains("follow=sent"), "{}", location(&res));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(45);
    let mail = loop {
        let found = smtp
            .mails()
            .into_iter()
            .find(|m| m["envelope_to"].to_string().contains(address));
        if let Some(mail) = found {
            break mail;
        }
        assert!(std::time::Instant::now() < deadline, "no mail to {address}");
        std::thread::sleep(std::time::Duration::from_millis(200));
    };
    confirmed(server, &mail).await
}

/// Opens the 确认关注 link in `mail` (it must work) and returns the follow's signed path.
pub(super) async fn confirmed(server: &TestServer, mail: &serde_json::Value) -> String {
    let confirm =
        crate::support::smtp::link(mail["text"].as_str().unwrap(), "/follow/", "/confirm");
    assert_eq!(
        reqwest::get(server.url(&confirm)).await.unwrap().status(),
        200
    );
    confirm.trim_end_matches("/confirm").to_string()
}
