//! Control characters pasted into a form (issue 34): a suggestion titled with U+0001, once
//! promoted, made its cycle's SVG unreadable XML and its PNG answer 500 on every request. The
//! edge drops stray controls from every form field, whichever kind of handler reads it (an axum
//! form such as `/suggest`, or a server function such as the moderator's), and every chart
//! and feed is well-formed after.
// a test crate: a failure is a failed test
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support;
use crate::support::smtp::no_redirects;
use support::staff::{action_on, get_as, location, login, post_beside, EDITOR};
use support::TestServer;

const MODERATOR: support::Account<'static> =
    ("moderator", "moderator", None, "moderator-password-123");

/// Typed with controls a pasted document brings along.
const TYPED: &str = "楼道\u{1}路灯\u{b}不亮\u{7f}";
const CLEAN: &str = "楼道路灯不亮";
const OTHER: &str = "小区\u{1f}门口\u{85}积水";
const OTHER_CLEAN: &str = "小区门口积水";

#[tokio::test]
async fn controls_typed_into_forms_never_reach_a_page_a_chart_or_a_feed() {
    let server = TestServer::start_with_staff(&[EDITOR, MODERATOR]);
    let token = login(&server, MODERATOR.0, MODERATOR.3).await.unwrap();
    let editor = login(&server, EDITOR.0, EDITOR.3).await.unwrap();
    // A round opening today with its count shown live, so its chart exists once it opens.
    let today = jiff::Zoned::now().in_tz("Asia/Shanghai").unwrap().date();
    let closes = today.checked_add(jiff::Span::new().days(30)).unwrap();
    let res = post_beside(
        &server,
        &editor,
        ("/staff/cycles", "create_cycle"),
        "create_cycle",
        &[
            ("slug", "controls-test"),
            ("title", "控制\u{1}字符测试"),
            ("target", "测试"),
            ("opens", &today.to_string()),
            ("closes", &closes.to_string()),
            ("max_picks", "3"),
            ("live_tally", "on"),
        ],
    )
    .await;
    assert!(location(&res).contains("done="), "{}", location(&res));
    // Two residents' suggestions (a round needs two candidates), pasted with controls.
    for (typed, clean) in [(TYPED, CLEAN), (OTHER, OTHER_CLEAN)] {
        let res = no_redirects()
            .post(server.url("/suggest"))
            .form(&[
                ("title", typed),
                (
                    "description",
                    "三楼到五楼\u{c}的灯\n坏了一个月，晚上上下楼看不见。",
                ),
                ("district", "朝阳区"),
                ("category", "市容环境"),
                ("address", ""),
                ("website", ""),
            ])
            .send()
            .await
            .unwrap();
        assert!(location(&res).contains("receipt="), "{}", location(&res));

        // The moderator sees it without the controls and puts it on the ballot.
        let queue = get_as(&server, "/staff/moderation", &token).await;
        assert!(queue.contains(clean), "stored without the controls");
        assert!(!queue.contains('\u{1}') && !queue.contains('\u{c}'));
        assert!(queue.contains("三楼到五楼的灯"), "the description too");
        let marker = "name=\"suggestion_id\" value=\"";
        let at = queue.find(clean).unwrap();
        let start = at + queue[at..].find(marker).unwrap() + marker.len();
        let id: String = queue[start..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        let action = action_on(&server, "/staff/moderation", &token, "moderate_suggestion").await;
        support::staff::moderate(
            &action,
            &token,
            "moderate_suggestion",
            &[
                ("suggestion_id", &id),
                ("decision", "publish"),
                ("reason", ""),
            ],
        )
        .await;
        support::staff::moderate(
            &action,
            &token,
            "promote_suggestion",
            &[("suggestion_id", &id), ("cycle", "controls-test")],
        )
        .await;
    }
    let res = post_beside(
        &server,
        &editor,
        ("/staff/cycles", "create_cycle"),
        "open_cycle_now",
        &[("cycle", "controls-test"), ("confirm", "on")],
    )
    .await;
    assert!(location(&res).contains("done="), "{}", location(&res));

    // Its cycle's chart, as SVG and PNG, and the site feed.
    let svg = reqwest::get(server.url("/charts/cycle-controls-test-votes.svg"))
        .await
        .unwrap();
    assert_eq!(svg.status(), 200);
    let svg = svg.text().await.unwrap();
    assert!(svg.contains(CLEAN), "the candidate is on the chart");
    if let Err(err) = roxmltree::Document::parse(&svg) {
        panic!("the cycle's SVG is not XML: {err}");
    }
    let png = reqwest::get(server.url("/charts/cycle-controls-test-votes.png"))
        .await
        .unwrap();
    assert_eq!(png.status(), 200, "the PNG draws");
    let page = reqwest::get(server.url("/vote/controls-test"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains(CLEAN) && page.contains("控制字符测试"));
    assert!(!page.contains('\u{1}'), "no control on the page");
}
