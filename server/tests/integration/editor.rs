//! The city editor's journey over real HTTP (issue 13, points 19–20): a refused form comes back
//! filled in for its own session only and names the clashing record; a draft has a preview for
//! editors and stays 404 for the public; publishing asks first; a published topic can be
//! withdrawn with a reason that its public page shows (410, not 404), kept in the history and
//! the audit log, and published again.
// a test crate: a failure is a failed test
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support;

use support::staff::*;
use support::TestServer;

const EDITOR_PAGE: (&str, &str) = ("/staff/topics", "save_topic");

fn new_topic<'a>(month: &'a str, theme: &'a str, summary: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("topic_id", ""),
        ("year", "2026"),
        ("month", month),
        ("theme", theme),
        ("summary", summary),
        ("lead", ""),
        ("plan", "# 方案\n\n每栋楼明确责任人"),
    ]
}

/// The topic id in a `/staff/topics/{id}?…` location.
fn topic_id(location: &str) -> String {
    location
        .trim_start_matches("/staff/topics/")
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect()
}

async fn public_status(server: &TestServer, path: &str) -> u16 {
    reqwest::get(server.url(path))
        .await
        .expect("r")
        .status()
        .as_u16()
}

async fn public_text(server: &TestServer, path: &str) -> String {
    reqwest::get(server.url(path))
        .await
        .expect("r")
        .text()
        .await
        .expect("b")
}

#[tokio::test]
async fn a_duplicate_month_keeps_what_was_typed_and_names_the_clashing_topic() {
    let server = TestServer::start_with_staff(&[EDITOR]);
    let token = login(&server, "editor", EDITOR.3).await.expect("signed in");
    let worked: serde_json::Value = reqwest::get(server.url("/api/v1/topics/2026/11"))
        .await
        .expect("r")
        .json()
        .await
        .expect("json");
    let worked_theme = worked["topic"]["theme"]
        .as_str()
        .or(worked["theme"].as_str())
        .expect("theme")
        .to_string();
    let typed = new_topic("11", "老楼楼道照明（回填测试）", "楼道灯坏了三个月没人修");
    let res = post_beside(&server, &token, EDITOR_PAGE, "save_topic", &typed).await;
    let target = location(&res);
    assert!(
        target.starts_with("/staff/topics?error=invalid_duplicate&echo="),
        "{target}"
    );
    let page = get_as(&server, &target, &token).await;
    assert!(
        page.contains("value=\"老楼楼道照明（回填测试）\""),
        "theme kept"
    );
    assert!(page.contains("楼道灯坏了三个月没人修"), "summary kept");
    assert!(page.contains("每栋楼明确责任人"), "plan kept");
    let clash = format!("2026年11月已有主题《{worked_theme}》（已发布），没有保存。");
    assert!(page.contains(&clash), "names the clash: {clash}");
    assert!(page.contains("aria-invalid=\"true\""), "marks the field");
    assert!(
        page.contains("t-month-error"),
        "the month is described by its message"
    );

    // Another session (or anyone with the link) gets nothing of it.
    let other = login(&server, "editor", EDITOR.3)
        .await
        .expect("second sign-in");
    let seen = get_as(&server, &target, &other).await;
    assert!(!seen.contains("老楼楼道照明（回填测试）"));
    assert!(!seen.contains(&clash));
    // Query text never makes a message of its own.
    let spoof = get_as(
        &server,
        "/staff/topics?error=invalid_duplicate&echo=999999",
        &token,
    )
    .await;
    assert!(!spoof.contains("已有主题《"));
}

#[tokio::test]
async fn a_draft_previews_for_editors_publishing_asks_first_and_withdrawal_shows_its_reason() {
    let server = TestServer::start_with_staff(&[EDITOR, ADMIN]);
    let token = login(&server, "editor", EDITOR.3).await.expect("signed in");
    let theme = "楼道照明改造（编辑测试）";
    let res = post_beside(
        &server,
        &token,
        EDITOR_PAGE,
        "save_topic",
        &new_topic("12", theme, "老旧小区楼道灯"),
    )
    .await;
    let id = topic_id(&location(&res));
    assert!(!id.is_empty(), "{}", location(&res));

    // 草稿预览: the editor sees the public page marked as a preview; the public gets 404.
    assert_eq!(public_status(&server, "/topics/2026/12").await, 404);
    let preview = get_as(&server, "/topics/2026/12", &token).await;
    assert!(preview.contains("草稿预览 · 尚未公开"));
    assert!(preview.contains(theme));
    assert!(preview.contains("name=\"robots\" content=\"noindex\""));

    // 发布 without the confirmation only opens it.
    let editor_page = format!("/staff/topics/{id}");
    let res = post_beside(
        &server,
        &token,
        (&editor_page, "save_topic"),
        "publish_topic",
        &[("topic_id", &id)],
    )
    .await;
    assert_eq!(
        location(&res),
        format!("/staff/topics/{id}?confirm=publish#publish")
    );
    assert_eq!(public_status(&server, "/topics/2026/12").await, 404);
    let confirm = get_as(&server, format!("{editor_page}?confirm=publish"), &token).await;
    assert!(confirm.contains("发布后，公众将看到"));
    assert!(confirm.contains("确认发布"));
    assert_eq!(
        publish_topic_confirmed(&server, &token, (&editor_page, "save_topic"), &id).await,
        format!("/staff/topics/{id}?done=topic_published")
    );
    assert_eq!(public_status(&server, "/topics/2026/12").await, 200);
    assert!(public_text(&server, "/feed.atom").await.contains(theme));

    // 撤回 needs a reason; a refused one comes back filled in.
    let res = post_beside(
        &server,
        &token,
        (&editor_page, "withdraw_topic"),
        "withdraw_topic",
        &[("topic_id", &id), ("reason", "错")],
    )
    .await;
    let refused = location(&res);
    assert!(
        refused.starts_with(&format!(
            "/staff/topics/{id}?error=invalid_withdraw_reason&echo="
        )),
        "{refused}"
    );
    assert!(get_as(&server, &refused, &token)
        .await
        .contains(">错</textarea>"));
    let reason = "主题与11月重复，合并到11月的主题中";
    let res = post_beside(
        &server,
        &token,
        (&editor_page, "withdraw_topic"),
        "withdraw_topic",
        &[("topic_id", &id), ("reason", reason)],
    )
    .await;
    assert_eq!(
        location(&res),
        format!("/staff/topics/{id}?done=topic_withdrawn")
    );

    // The public page says so (410, not 404), with the Beijing day and the reason.
    assert_eq!(public_status(&server, "/topics/2026/12").await, 410);
    let gone = public_text(&server, "/topics/2026/12").await;
    assert!(gone.contains("已撤回 · 20"), "withdrawn with its day");
    assert!(gone.contains(&format!("撤回原因：{reason}")));
    // …and it is no longer current anywhere.
    assert!(!public_text(&server, "/feed.atom").await.contains(theme));
    assert!(!public_text(&server, "/search?q=楼道照明改造")
        .await
        .contains(theme));
    assert!(!public_text(&server, "/archive").await.contains(theme));
    assert_eq!(public_status(&server, "/api/v1/topics/2026/12").await, 404);
    let history = get_as(&server, format!("/staff/history/topic/{id}"), &token).await;
    assert!(history.contains(reason), "kept in the revision history");
    let admin = login(&server, "admin", ADMIN.3).await.expect("admin");
    let audit = get_as(&server, "/staff/audit", &admin).await;
    assert!(audit.contains("topic.withdraw"), "kept in the audit log");
    assert!(get_as(&server, "/staff/topics", &token)
        .await
        .contains("已撤回"));

    // Publishing again makes it current again.
    assert_eq!(
        publish_topic_confirmed(&server, &token, (&editor_page, "save_topic"), &id).await,
        format!("/staff/topics/{id}?done=topic_published")
    );
    assert_eq!(public_status(&server, "/topics/2026/12").await, 200);
}

#[tokio::test]
async fn the_year_list_reaches_past_next_year() {
    let server = TestServer::start_with_staff(&[EDITOR]);
    let token = login(&server, "editor", EDITOR.3).await.expect("signed in");
    let page = get_as(&server, "/staff/topics", &token).await;
    let this: i32 = jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::fixed(jiff::tz::Offset::constant(8)))
        .year()
        .into();
    for year in [this, this + 1, this + 2] {
        assert!(
            page.contains(&format!("<option value=\"{year}\"")),
            "{year} offered"
        );
    }
    let next = (this + 1).to_string();
    let mut form = new_topic("3", "明年的主题", "");
    form[1] = ("year", &next);
    let res = post_beside(&server, &token, EDITOR_PAGE, "save_topic", &form).await;
    assert!(
        location(&res).ends_with("?done=topic_saved"),
        "{}",
        location(&res)
    );
}

#[tokio::test]
async fn a_draft_policy_previews_for_editors_and_a_withdrawn_one_is_not_called_a_draft() {
    let server = TestServer::start_with_staff(&[EDITOR]);
    let token = login(&server, "editor", EDITOR.3).await.expect("signed in");
    let title = "关于楼道照明的实施意见（编辑测试）";
    let res = post_beside(
        &server,
        &token,
        ("/staff", "draft_policy"),
        "draft_policy",
        &[
            ("title", title),
            ("issuer", "市住房城乡建设委"),
            ("issued", "2026-11-20"),
            ("topic", ""),
        ],
    )
    .await;
    assert!(
        location(&res).starts_with("/staff?done="),
        "{}",
        location(&res)
    );
    let desk = get_as(&server, "/staff", &token).await;
    let at = desk.find(title).expect("the draft is on the desk");
    let card = &desk[at..at + desk[at..].find("</li>").expect("card end")];
    assert!(
        card.contains("草稿") && card.contains("预览公开页面"),
        "{card}"
    );
    let id: String = card[card.find("/staff/policies/").expect("edit link") + 16..]
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    let public = format!("/policies/{id}");

    // 草稿预览 for the editor; 404 for the public.
    assert_eq!(public_status(&server, &public).await, 404);
    let preview = get_as(&server, &public, &token).await;
    assert!(preview.contains("草稿预览 · 尚未公开"));
    assert!(preview.contains(title));
    assert!(preview.contains("name=\"robots\" content=\"noindex\""));

    // Published, then withdrawn: the desk says 已撤回, not 草稿, and the public page says why.
    let editor_page = format!("/staff/policies/{id}");
    let res = post_beside(
        &server,
        &token,
        ("/staff", "draft_policy"),
        "publish_policy",
        &[("policy_id", &id), ("confirm", "1")],
    )
    .await;
    assert_eq!(location(&res), "/staff?done=policy_published");
    assert_eq!(public_status(&server, &public).await, 200);
    let reason = "文件已被新的实施意见替代";
    let res = post_beside(
        &server,
        &token,
        (&editor_page, "withdraw_policy"),
        "withdraw_policy",
        &[("policy_id", &id), ("reason", reason)],
    )
    .await;
    assert_eq!(
        location(&res),
        format!("{editor_page}?done=policy_withdrawn")
    );
    assert_eq!(public_status(&server, &public).await, 410);
    assert!(get_as(&server, &public, &token)
        .await
        .contains(&format!("撤回原因：{reason}")));
    let desk = get_as(&server, "/staff", &token).await;
    let at = desk
        .find(title)
        .expect("the withdrawn policy is on the desk");
    let card = &desk[at..at + desk[at..].find("</li>").expect("card end")];
    assert!(
        card.contains("已撤回") && !card.contains(">草稿<"),
        "{card}"
    );
}

/// A draft in a year the facts file does not have yet leaves no public trace of that year:
/// no `/years/2027` page, no 2027 in the API's years nor on the home page (issue 31 §3). Its
/// publication makes the year public.
#[tokio::test]
async fn a_draft_in_a_new_year_shows_no_public_year_until_it_is_published() {
    let server = TestServer::start_with_staff(&[EDITOR]);
    let token = login(&server, "editor", EDITOR.3).await.expect("signed in");
    assert_eq!(public_status(&server, "/years/2027").await, 404);
    let mut form = new_topic("1", "二〇二七年的草稿主题", "尚未公开");
    form[1] = ("year", "2027");
    let res = post_beside(&server, &token, EDITOR_PAGE, "save_topic", &form).await;
    let id = topic_id(&location(&res));
    assert!(!id.is_empty(), "{}", location(&res));

    assert_eq!(public_status(&server, "/years/2027").await, 404);
    let years = public_text(&server, "/api/v1/years").await;
    assert!(!years.contains("2027"), "{years}");
    let home = public_text(&server, "/").await;
    assert!(
        !home.contains("/years/2027"),
        "the home page links the draft's year"
    );

    let editor_page = format!("/staff/topics/{id}");
    assert_eq!(
        publish_topic_confirmed(&server, &token, (&editor_page, "save_topic"), &id).await,
        format!("/staff/topics/{id}?done=topic_published")
    );
    assert_eq!(public_status(&server, "/years/2027").await, 200);
    assert!(public_text(&server, "/api/v1/years").await.contains("2027"));
}

/// The new-topic form starts on the next month that has no topic, from this month on (issue
/// 34: it started on a year after next, one slip from a topic filed two years out).
#[tokio::test]
async fn the_new_topic_form_starts_on_the_next_free_month() {
    let server = TestServer::start_with_staff(&[EDITOR]);
    let token = login(&server, "editor", EDITOR.3).await.expect("signed in");
    let page = get_as(&server, "/staff/topics", &token).await;
    let selected = |select: &str| -> u32 {
        let at = page.find(&format!("name=\"{select}\"")).expect("select");
        let end = at + page[at..].find("</select>").expect("end");
        let marker = "selected";
        let chosen = page[at..end]
            .split("<option")
            .find(|o| o.contains(marker))
            .unwrap_or_else(|| panic!("nothing chosen in {select}"));
        let value = chosen.split("value=\"").nth(1).expect("value");
        value[..value.find('"').expect("quote")]
            .parse()
            .expect("number")
    };
    let (year, month) = (selected("year"), selected("month"));
    let today = jiff::Zoned::now()
        .in_tz("Asia/Shanghai")
        .expect("tz")
        .date();
    let (this_year, this_month) = (today.year() as u32, today.month() as u32);
    assert!(
        (year, month) >= (this_year, this_month),
        "{year}-{month} is before this month"
    );
    assert!(year <= this_year + 1, "{year} is too far ahead");
    // That month has no topic yet.
    let path = app::paths::topic(year as i32, month as u8);
    assert_eq!(public_status(&server, &path).await, 404);
}
