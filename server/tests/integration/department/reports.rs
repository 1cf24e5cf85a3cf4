//! A department's own reports (issue 34): previewed before they go out, listed on its desk,
//! corrected in place and withdrawn with a reason the topic page shows where the report was;
//! never another body's.

use super::{json, text};
use crate::support::staff::*;
use crate::support::TestServer;

const TITLE: &str = "供热派单时限落实情况（撤回测试）";
const BODY: &str = "全市供热企业已按**两小时**派单执行。";

async fn send(url: &str, token: &str, form: &[(&str, &str)]) -> String {
    location(&post_as(url, token, form).await)
}

#[tokio::test]
async fn a_department_lists_corrects_and_withdraws_its_own_reports_only() {
    let server = TestServer::start_with_staff(&[HEAT]);
    let token = login(&server, "heat", HEAT.3).await.expect("heat");
    let post = action_on(&server, "/staff", &token, "add_department_report").await;
    let form = |title: &'static str, step: &'static str| {
        [
            ("topic", "2026-11"),
            ("date", "2026-11-30"),
            ("title", title),
            ("body", BODY),
            ("step", step),
            ("_form", "dept-report"),
        ]
    };
    // A refused preview keeps what was typed.
    let refused = send(&post, &token, &form("x", "preview")).await;
    assert!(
        refused.starts_with("/staff?error=invalid_title&echo="),
        "{refused}"
    );
    assert!(get_as(&server, &refused, &token).await.contains(BODY));
    // 预览: shown as the topic page will show it, not yet public.
    let preview = send(&post, &token, &form(TITLE, "preview")).await;
    assert!(
        preview.starts_with("/staff?echo=") && preview.ends_with("#dept-report-preview"),
        "{preview}"
    );
    let desk = get_as(&server, &preview, &token).await;
    assert!(desk.contains("预览：确认发布后，主题页会这样显示"));
    assert!(
        desk.contains("<strong>两小时</strong>"),
        "the body rendered"
    );
    assert!(desk.contains("发布：市城市管理委"));
    assert!(!desk.contains("flash-error"), "a preview is not an error");
    assert!(
        !text(&server, "/topics/2026/11").await.contains(TITLE),
        "not yet public"
    );
    // 确认发布.
    let done = send(&post, &token, &form(TITLE, "publish")).await;
    assert_eq!(done, "/staff?done=report_published");
    assert!(text(&server, "/topics/2026/11").await.contains(TITLE));

    // On its desk, opening its page.
    let desk = get_as(&server, "/staff", &token).await;
    assert!(desk.contains("本部门发布的进展"));
    let at = desk.find(TITLE).expect("listed on the desk");
    let marker = "href=\"/staff/reports/";
    let from = desk[..at].rfind(marker).expect("a link") + marker.len();
    let id: String = desk[from..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let page = format!("/staff/reports/{id}");
    let edit = get_as(&server, &page, &token).await;
    assert!(
        edit.contains(&format!("value=\"{TITLE}\"")),
        "its form opens"
    );

    // Corrected in place (the author stays its department).
    let save = action_on(&server, &page, &token, "save_report").await;
    let corrected = format!("{TITLE}（更正）");
    let done = send(
        &save,
        &token,
        &[
            ("report_id", &id),
            ("date", "2026-11-30"),
            ("kind", "progress"),
            ("title", &corrected),
            ("author", "keep"),
            ("body", BODY),
        ],
    )
    .await;
    assert_eq!(done, format!("{page}?done=item_saved"));
    assert!(text(&server, "/topics/2026/11").await.contains(&corrected));

    // Withdrawn with a reason: the timeline keeps its line and says why; the feed drops it.
    let withdraw = action_on(&server, &page, &token, "withdraw_report").await;
    let short = send(&withdraw, &token, &[("report_id", &id), ("reason", "错")]).await;
    assert!(
        short.starts_with(&format!("{page}?error=invalid_withdraw_reason&echo=")),
        "{short}"
    );
    let reason = "数据口径有误，核实后重新发布";
    let done = send(&withdraw, &token, &[("report_id", &id), ("reason", reason)]).await;
    assert_eq!(done, format!("{page}?done=report_withdrawn"));
    let topic = text(&server, "/topics/2026/11").await;
    let at = topic.find(&corrected).expect("its line stays");
    let line = &topic[at..at + topic[at..].find("</li>").expect("end")];
    assert!(line.contains("已撤回 · "), "{line}");
    assert!(line.contains(&format!("撤回原因：{reason}")));
    assert!(!line.contains("派单执行"), "its text is gone");
    let api = json(&server, "/api/v1/topics/2026/11").await;
    let report = api["reports"]
        .as_array()
        .expect("reports")
        .iter()
        .find(|r| r["title"] == corrected.as_str())
        .expect("in the API");
    assert_eq!(report["withdrawn_reason"], reason);
    assert_eq!(report["body_html"], "");
    assert!(!text(&server, "/feed.atom").await.contains(&corrected));
    assert!(get_as(&server, "/staff", &token).await.contains("已撤回"));
    let history = get_as(&server, format!("/staff/history/report/{id}"), &token).await;
    assert!(history.contains(reason), "kept in its history");

    // Another body's report: no page, no withdrawal.
    let other = json(&server, "/api/v1/topics/2026/11").await["reports"]
        .as_array()
        .expect("reports")
        .iter()
        .find(|r| r["author"] != "市城市管理委")
        .and_then(|r| r["id"].as_i64())
        .expect("a report of another body")
        .to_string();
    assert_eq!(
        status_as(&server, &format!("/staff/reports/{other}"), Some(&token)).await,
        403
    );
    let refused = send(
        &withdraw,
        &token,
        &[("report_id", &other), ("reason", reason)],
    )
    .await;
    assert_eq!(refused, format!("/staff/reports/{other}?error=forbidden"));
}
