//! A policy's record says only what is true (issue 31 §3): its issuer is a listed department,
//! its issue date has happened, and a link that does not vouch for it is called unchecked — not
//! absent.
// a test crate: a failure is a failed test
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support::staff::*;
use crate::support::TestServer;

async fn draft(
    server: &TestServer,
    token: &str,
    title: &str,
    issuer: &str,
    issued: &str,
) -> String {
    let res = post(
        server,
        "draft_policy",
        Some(token),
        &[
            ("title", title),
            ("issuer", issuer),
            ("issued", issued),
            ("topic", "2026-11"),
        ],
    )
    .await;
    location(&res)
}

/// The editor's correction of policy `id` (title and issuer kept): the address it answers with.
async fn correct(
    server: &TestServer,
    token: &str,
    id: &str,
    title: &str,
    (issued, source): (&str, &str),
) -> String {
    let page = format!("/staff/policies/{id}");
    let fields = [
        ("policy_id", id),
        ("title", title),
        ("doc_no", ""),
        ("issuer", "市城市管理委"),
        ("issued", issued),
        ("effective", ""),
        ("source", source),
    ];
    location(
        &post_beside(
            server,
            token,
            (page.as_str(), "save_policy"),
            "save_policy",
            &fields,
        )
        .await,
    )
}

#[tokio::test]
async fn a_policy_takes_a_listed_issuer_and_an_issue_date_that_has_happened() {
    let server = TestServer::start_with_staff(&[EDITOR]);
    let token = login(&server, "editor", EDITOR.3).await.expect("signed in");
    let title = "关于供暖投诉快速处置的通知（日期测试）";
    let future = draft(&server, &token, title, "市城市管理委", "2030-01-01").await;
    assert!(
        future.starts_with("/staff?error=invalid_issued_future&echo="),
        "{future}"
    );
    let desk = get_as(&server, &future, &token).await;
    assert!(
        desk.contains("印发日期不能晚于今天"),
        "the reason, in words"
    );
    assert!(
        desk.contains("value=\"2030-01-01\""),
        "the typed date is kept"
    );

    let free_text = draft(&server, &token, title, "市住建委", "2026-11-20").await;
    assert!(
        free_text.starts_with("/staff?error=invalid_issuer_not_listed&echo="),
        "{free_text}"
    );
    let desk = get_as(&server, &free_text, &token).await;
    assert!(desk.contains("请从列表中选择发布机关"));
    assert!(
        desk.contains("<option value=\"市住房城乡建设委\""),
        "the form offers the listed departments"
    );

    let ok = draft(&server, &token, title, "市住房城乡建设委", "2026-11-20").await;
    assert_eq!(ok, "/staff?done=policy_drafted");
}

#[tokio::test]
async fn a_link_that_does_not_vouch_is_called_unchecked_not_absent() {
    let server = TestServer::start_with_staff(&[EDITOR]);
    let token = login(&server, "editor", EDITOR.3).await.expect("signed in");
    let title = "关于老旧小区供热管网改造的通知（链接测试）";
    assert_eq!(
        draft(&server, &token, title, "市城市管理委", "2026-11-20").await,
        "/staff?done=policy_drafted"
    );
    let desk = get_as(&server, "/staff", &token).await;
    let id = draft_policy_id(&desk, title);
    let res = post(
        &server,
        "publish_policy",
        Some(&token),
        &[("policy_id", &id), ("confirm", "1")],
    )
    .await;
    assert_eq!(location(&res), "/staff?done=policy_published");

    // A bare address, no page title: shown, but it does not vouch for the policy.
    let page = format!("/staff/policies/{id}");
    let link = "https://www.beijing.gov.cn/zhengce/example.html";
    let saved = correct(&server, &token, &id, title, ("2026-11-20", link)).await;
    assert_eq!(saved, format!("{page}?done=item_saved"));
    let public = reqwest::get(server.url(&format!("/policies/{id}")))
        .await
        .expect("r")
        .text()
        .await
        .expect("b");
    assert!(
        public.contains("https://www.beijing.gov.cn/zhengce/example.html"),
        "the link is shown"
    );
    assert!(public.contains("官方发布"), "vouched for by its publisher");
    assert!(
        !public.contains("没有附原文来源"),
        "it does not say there is no source beside the source it shows"
    );
    assert!(public.contains("下面所附的链接还没有核实"));

    // A future issue date is refused on correction too; the issuer on record may stay.
    let future = correct(&server, &token, &id, title, ("2030-01-01", "")).await;
    assert!(
        future.starts_with(&format!("{page}?error=invalid_issued_future&echo=")),
        "{future}"
    );
}
