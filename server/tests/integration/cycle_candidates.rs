//! Candidates (候选议题) as editors correct them (issue 34): before a cycle opens a candidate's
//! words can be edited and it can be taken off the ballot with a reason; a refused edit comes
//! back as typed; once the cycle opens its candidates are frozen.
// a test crate: a failure is a failed test
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support;

use support::staff::*;
use support::TestServer;

const CYCLES: (&str, &str) = ("/staff/cycles", "create_cycle");
const SLUG: &str = "candidate-edits";

async fn public_cycle(server: &TestServer) -> String {
    reqwest::get(server.url(&app::paths::cycle(SLUG)))
        .await
        .expect("r")
        .text()
        .await
        .expect("b")
}

/// The id of the candidate titled `title` on the cycles page.
fn candidate_id(page: &str, title: &str) -> String {
    let at = page.find(title).unwrap_or_else(|| panic!("{title} listed"));
    let marker = "id=\"candidate-";
    let from = page[..at].rfind(marker).expect("its card") + marker.len();
    page[from..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect()
}

#[tokio::test]
async fn before_opening_a_candidate_can_be_corrected_or_taken_off_and_after_it_cannot() {
    let server = TestServer::start_with_staff(&[EDITOR, ADMIN]);
    let editor = login(&server, EDITOR.0, EDITOR.3).await.unwrap();
    let today = jiff::Zoned::now().in_tz("Asia/Shanghai").unwrap().date();
    let closes = today.checked_add(jiff::Span::new().days(30)).unwrap();
    let res = post_beside(
        &server,
        &editor,
        CYCLES,
        "create_cycle",
        &[
            ("slug", SLUG),
            ("title", "候选议题修改测试"),
            ("target", "2027 年"),
            ("opens", &today.to_string()),
            ("closes", &closes.to_string()),
            ("max_picks", "2"),
        ],
    )
    .await;
    assert!(location(&res).contains("done="), "{}", location(&res));
    for title in ["老旧小区停车难", "早高峰公交太挤", "楼道灯常坏"] {
        let res = post_beside(
            &server,
            &editor,
            CYCLES,
            "add_cycle_candidate",
            &[
                ("cycle", SLUG),
                ("title", title),
                ("description", "居民反映多年，热线诉求集中"),
                ("evidence", ""),
            ],
        )
        .await;
        assert!(location(&res).contains("done="), "{}", location(&res));
    }
    let page = get_as(&server, "/staff/cycles", &editor).await;
    assert!(page.contains("修改或撤下…"), "offered before opening");
    let parking = candidate_id(&page, "老旧小区停车难");
    let lights = candidate_id(&page, "楼道灯常坏");

    // A refused edit comes back as typed, in its own card.
    let res = post_beside(
        &server,
        &editor,
        CYCLES,
        "edit_cycle_candidate",
        &[
            ("candidate_id", &parking),
            ("title", "停车"),
            ("description", "老旧小区夜间停车位不足，占道停车"),
            ("evidence", ""),
        ],
    )
    .await;
    let refused = location(&res);
    assert!(
        refused.starts_with("/staff/cycles?error=invalid_title&echo="),
        "{refused}"
    );
    assert!(
        refused.ends_with(&format!("#candidate-{parking}")),
        "{refused}"
    );
    let again = get_as(&server, &refused, &editor).await;
    assert!(
        again.contains("老旧小区夜间停车位不足，占道停车"),
        "kept as typed"
    );

    // A good one reaches the public page.
    let res = post_beside(
        &server,
        &editor,
        CYCLES,
        "edit_cycle_candidate",
        &[
            ("candidate_id", &parking),
            ("title", "老旧小区夜间停车难"),
            ("description", "老旧小区夜间停车位不足，占道停车"),
            ("evidence", ""),
        ],
    )
    .await;
    assert_eq!(location(&res), "/staff/cycles?done=candidate_edited");
    let public = public_cycle(&server).await;
    assert!(
        public.contains("老旧小区夜间停车难"),
        "the new words are public"
    );

    // Taken off with a reason: off the ballot, in the audit log.
    let reason = "与停车议题重复，合并处理";
    let res = post_beside(
        &server,
        &editor,
        CYCLES,
        "withdraw_cycle_candidate",
        &[("candidate_id", &lights), ("reason", reason)],
    )
    .await;
    assert_eq!(location(&res), "/staff/cycles?done=candidate_withdrawn");
    assert!(!public_cycle(&server).await.contains("楼道灯常坏"));
    assert!(!get_as(&server, "/staff/cycles", &editor)
        .await
        .contains("楼道灯常坏"));
    let admin = login(&server, ADMIN.0, ADMIN.3).await.unwrap();
    let audit = get_as(&server, "/staff/audit", &admin).await;
    assert!(audit.contains("candidate.withdraw") && audit.contains(reason));
    assert!(audit.contains("candidate.edit"));

    // Once it opens, the ballot is frozen.
    let res = post_beside(
        &server,
        &editor,
        CYCLES,
        "open_cycle_now",
        &[("cycle", SLUG), ("confirm", "on")],
    )
    .await;
    assert!(location(&res).contains("done="), "{}", location(&res));
    let page = get_as(&server, "/staff/cycles", &editor).await;
    let card = &page[page.find("候选议题修改测试").expect("the cycle")..];
    let card = &card[..card.find("</li>\n").unwrap_or(card.len())];
    assert!(
        !page.contains(&format!("name=\"candidate_id\" value=\"{parking}\"")),
        "no edit form once open: {card}"
    );
    let res = post_beside(
        &server,
        &editor,
        CYCLES,
        "edit_cycle_candidate",
        &[
            ("candidate_id", &parking),
            ("title", "改个名字试试"),
            ("description", "投票开始后不能再改"),
            ("evidence", ""),
        ],
    )
    .await;
    assert!(
        location(&res).starts_with("/staff/cycles?error=invalid_frozen"),
        "{}",
        location(&res)
    );
    assert!(public_cycle(&server).await.contains("老旧小区夜间停车难"));
}
