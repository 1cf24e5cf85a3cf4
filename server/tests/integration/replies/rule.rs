//! 答复规则: set and changed before a cycle opens (each change audited and in the cycle's
//! revision history), shown on the cycle page in plain words and in the API, frozen once open.

use crate::support;

use support::staff::*;
use support::TestServer;

const CYCLES: (&str, &str) = ("/staff/cycles", "create_cycle");
const SLUG: &str = "reply-rule-test";

fn rule<'a>(supporters: &'a str, votes: &'a str, days: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("cycle", SLUG),
        ("supporters", supporters),
        ("support_days", "30"),
        ("votes", votes),
        ("working_days", days),
        ("department", "市政务服务和数据管理局"),
    ]
}

#[tokio::test]
async fn a_cycle_states_its_promise_before_it_opens_and_cannot_change_it_after() {
    let server = TestServer::start_with_staff(&[EDITOR, ADMIN]);
    let editor = login(&server, EDITOR.0, EDITOR.3).await.unwrap();
    super::new_round(&server, &editor, SLUG).await;
    let public = super::page(&server, &app::paths::cycle(SLUG)).await;
    assert!(
        public.contains("这一轮没有定下答复承诺"),
        "no rule yet, said so"
    );

    // A refused rule comes back as typed, the field at fault marked.
    let res = post_beside(
        &server,
        &editor,
        CYCLES,
        "set_reply_rule",
        &rule("25", "80", "90"),
    )
    .await;
    let refused = location(&res);
    assert!(
        refused.starts_with("/staff/cycles?error=invalid_reply_working_days&echo="),
        "{refused}"
    );
    assert!(
        refused.ends_with(&format!("#reply-rule-{SLUG}")),
        "{refused}"
    );
    let again = get_as(&server, &refused, &editor).await;
    assert!(again.contains("答复期限应为 1 到 60 个工作日"), "worded");
    assert!(again.contains("value=\"25\""), "kept as typed");

    // Set, then changed: both in the audit log and the cycle's history.
    for days in ["15", "10"] {
        let res = post_beside(
            &server,
            &editor,
            CYCLES,
            "set_reply_rule",
            &rule("25", "80", days),
        )
        .await;
        assert_eq!(location(&res), "/staff/cycles?done=reply_rule_saved");
    }
    let public = super::page(&server, &app::paths::cycle(SLUG)).await;
    assert!(
        public.contains("一条建议公开后 30 天内有 25 人点“我也要”（含提出的人），或者一个候选议题得到 80 票，市政务服务和数据管理局会在 10 个工作日内公开答复"),
        "the rule in plain words"
    );
    let api: serde_json::Value = reqwest::get(server.url(&format!("/api/v1/cycles/{SLUG}")))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let stated = &api["cycle"]["reply_rule"];
    assert_eq!(stated["supporters"], 25, "{api}");
    assert_eq!(stated["votes"], 80);
    assert_eq!(stated["working_days"], 10);
    assert_eq!(stated["department"], "市政务服务和数据管理局");
    let id = api["cycle"]["id"].as_i64().unwrap();
    let history = get_as(&server, &format!("/staff/history/cycle/{id}"), &editor).await;
    assert_eq!(
        history.matches("cycle.reply_rule").count(),
        2,
        "each change is a version: {history}"
    );
    let admin = login(&server, ADMIN.0, ADMIN.3).await.unwrap();
    let audit = get_as(&server, "/staff/audit", &admin).await;
    assert_eq!(audit.matches("cycle.reply_rule").count(), 2);

    // Open: the rule is frozen, and the page says so.
    let candidates = ["老旧小区停车难", "早高峰公交太挤"];
    for title in candidates {
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
    let res = post_beside(
        &server,
        &editor,
        CYCLES,
        "open_cycle_now",
        &[("cycle", SLUG), ("confirm", "on")],
    )
    .await;
    assert!(location(&res).contains("done="), "{}", location(&res));
    let res = post_beside(
        &server,
        &editor,
        CYCLES,
        "set_reply_rule",
        &rule("5", "10", "60"),
    )
    .await;
    assert!(
        location(&res).starts_with("/staff/cycles?error=invalid_frozen"),
        "{}",
        location(&res)
    );
    let public = super::page(&server, &app::paths::cycle(SLUG)).await;
    assert!(public.contains("10 个工作日内公开答复"), "unchanged");
    assert!(public.contains("这条承诺在投票开始前定下，开始后不能再改"));
}
