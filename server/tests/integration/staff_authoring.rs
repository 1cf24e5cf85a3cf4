//! Staff authoring over real HTTP: policy drafts, bulk import, progress reports.
// a test crate: a failure is a failed test
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support;

use support::staff::*;
use support::TestServer;

#[tokio::test]
async fn a_draft_policy_is_invisible_until_published() {
    let server = TestServer::start_with_staff(&[EDITOR]);
    let token = login(&server, "editor", EDITOR.3).await.expect("signed in");
    let title = "关于测试草稿政策的通知";
    let res = post(
        &server,
        "draft_policy",
        Some(&token),
        &[
            ("title", title),
            ("issuer", "市城市管理委"),
            ("issued", "2026-11-26"),
            ("topic", "2026-11"),
        ],
    )
    .await;
    assert_eq!(location(&res), "/staff?done=policy_drafted");
    let public = || async {
        reqwest::get(server.url("/topics/2026/11"))
            .await
            .expect("r")
            .text()
            .await
            .expect("b")
    };
    assert!(!public().await.contains(title), "drafts are not public");
    let search = reqwest::get(server.url("/search?q=测试草稿"))
        .await
        .expect("r")
        .text()
        .await
        .expect("b");
    assert!(!search.contains(title));
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
    assert!(
        public().await.contains(title),
        "published policies are public"
    );
    let bad = post(
        &server,
        "draft_policy",
        Some(&token),
        &[
            ("title", "x"),
            ("issuer", "市城市管理委"),
            ("issued", ""),
            ("topic", ""),
        ],
    )
    .await;
    assert!(
        location(&bad).starts_with("/staff?error=invalid_title&echo="),
        "the refused draft comes back filled in"
    );
}

#[tokio::test]
async fn a_bulk_import_with_a_bad_row_writes_nothing_and_names_the_line() {
    let server = TestServer::start_with_staff(&[EDITOR, HEAT]);
    let token = login(&server, "editor", EDITOR.3).await.expect("signed in");
    let count = || async {
        let tasks: serde_json::Value = reqwest::get(server.url("/api/v1/topics/2026/11/tasks"))
            .await
            .expect("r")
            .json()
            .await
            .expect("json");
        tasks.as_array().expect("tasks").len()
    };
    let before = count().await;
    let bad = "任务\t责任单位\t层级\t完成时限\t状态\n\
               检查供热站\t市城市管理委\t市级\t2026-12-10\t未开始\n\
               复查室温\t不存在的局\t区级\t2026-12-31\t进行中\n";
    let res = post(
        &server,
        "stage_import",
        Some(&token),
        &[("topic", "2026-11"), ("kind", "tasks"), ("content", bad)],
    )
    .await;
    let preview_path = location(&res);
    assert!(preview_path.starts_with("/staff/import/"), "{preview_path}");
    let page = |path: String| get_as(&server, path, &token);
    let preview = page(preview_path.clone()).await;
    assert!(preview.contains("第 3 行"), "the bad line is named");
    assert!(preview.contains("没有这个责任单位"));
    assert!(
        !preview.contains("name=\"import_id\""),
        "no confirm button for an invalid import"
    );
    let id = preview_path.rsplit('/').next().expect("id").to_string();
    let res = post(
        &server,
        "confirm_import",
        Some(&token),
        &[("import_id", &id)],
    )
    .await;
    assert_eq!(
        location(&res),
        format!("/staff/import/{id}?error=invalid_import")
    );
    assert_eq!(count().await, before, "nothing written");

    let good = bad.replace("不存在的局", "朝阳区政府");
    let res = post(
        &server,
        "stage_import",
        Some(&token),
        &[("topic", "2026-11"), ("kind", "tasks"), ("content", &good)],
    )
    .await;
    let id = location(&res).rsplit('/').next().expect("id").to_string();
    assert!(page(format!("/staff/import/{id}"))
        .await
        .contains("2 行全部正确"));
    let heat = login(&server, "heat", HEAT.3).await.expect("signed in");
    let res = post(
        &server,
        "confirm_import",
        Some(&heat),
        &[("import_id", &id)],
    )
    .await;
    assert_eq!(
        location(&res),
        format!("/staff/import/{id}?error=forbidden"),
        "department staff cannot import"
    );
    let res = post(
        &server,
        "confirm_import",
        Some(&token),
        &[("import_id", &id)],
    )
    .await;
    assert_eq!(location(&res), "/staff?done=import_done");
    assert_eq!(count().await, before + 2);
}

#[tokio::test]
async fn an_editor_publishes_a_progress_report_rendered_safely() {
    let server = TestServer::start_with_staff(&[EDITOR, HEAT]);
    let token = login(&server, "editor", EDITOR.3).await.expect("signed in");
    let body =
        "- 完成**八里庄**管线冲洗\n\n<script>alert(1)</script>\n\n[详情](javascript:alert(1))";
    let form = [
        ("topic", "2026-11"),
        ("date", "2026-11-28"),
        ("kind", "progress"),
        ("title", "管线冲洗完成"),
        ("author", "office"),
        ("body", body),
    ];
    let res = post(&server, "add_report", Some(&token), &form).await;
    assert_eq!(location(&res), "/staff?done=report_published");
    let page = reqwest::get(server.url("/topics/2026/11"))
        .await
        .expect("r")
        .text()
        .await
        .expect("b");
    assert!(page.contains("管线冲洗完成"));
    assert!(
        page.contains("<strong>八里庄</strong>"),
        "Markdown is rendered"
    );
    assert!(!page.contains("<script>alert(1)"), "raw HTML is not");
    assert!(!page.contains("javascript:alert"), "nor script links");
    let first = page.find("管线冲洗完成").expect("listed");
    let older = page.find("室温整改推进").expect("older report");
    assert!(first < older, "newest report first");
    let heat = login(&server, "heat", HEAT.3).await.expect("signed in");
    let res = post(&server, "add_report", Some(&heat), &form).await;
    assert_eq!(
        location(&res),
        "/staff?error=forbidden",
        "department staff cannot publish reports"
    );
    let mut bad = form;
    bad[1] = ("date", "2026-02-30");
    let res = post(&server, "add_report", Some(&token), &bad).await;
    assert!(location(&res).starts_with("/staff?error=invalid_date&echo="));
}
