//! Who may speak for whom, over real HTTP (issue 13, points 21–23): reports are posted as a
//! body from the list, checked against the account's role and said who entered them; an
//! administrator grants (and revokes) an editor the moderation permission; a moderator redacts a
//! phone number, kept only in the staff history; a task's level must fit its body.
// a test crate: a failure is a failed test
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support;

use serde_json::Value;
use support::staff::*;
use support::{visible_text, TestServer};

const MODERATOR: (&str, &str, Option<&str>, &str) =
    ("mod", "moderator", None, "moderator-password-123");

async fn json(server: &TestServer, path: &str) -> Value {
    reqwest::get(server.url(path))
        .await
        .expect("r")
        .json()
        .await
        .expect("json")
}

async fn post_on(
    server: &TestServer,
    page: &str,
    token: &str,
    name: &str,
    form: &[(&str, &str)],
) -> String {
    let url = action_on(server, page, token, name).await;
    let res = client()
        .post(url)
        .header(reqwest::header::COOKIE, format!("dianca_session={token}"))
        .header(reqwest::header::ACCEPT, "text/html")
        .form(form)
        .send()
        .await
        .expect("post");
    let at = location(&res);
    if at == "/" {
        let status = res.status();
        panic!("{name}: {status} {}", res.text().await.unwrap_or_default());
    }
    at
}

#[tokio::test]
async fn an_editor_cannot_post_as_the_cppcc_and_the_public_sees_who_posted() {
    let server = TestServer::start_with_staff(&[EDITOR, ADMIN]);
    let editor = login(&server, "editor", EDITOR.3).await.expect("signed in");
    let topic = json(&server, "/api/v1/topics/2026/11").await;
    let lead = topic["topic"]["lead"]["id"]
        .as_i64()
        .expect("lead")
        .to_string();
    let desk = get_as(&server, "/staff", &editor).await;
    let cppcc = {
        // In the report form's author list (the policy form's issuer list names it too).
        let list = desk.find("name=\"author\"").expect("the author list");
        let at = desk[list..]
            .find(">市政协<")
            .expect("市政协 is in the author list")
            + list;
        let value = desk[..at].rfind("value=\"").expect("option value") + 7;
        desk[value..]
            .chars()
            .take_while(|c| *c != '"')
            .collect::<String>()
    };
    let form = |kind: &'static str, author: String, title: &'static str| {
        vec![
            ("topic", "2026-11".to_string()),
            ("date", "2026-11-28".to_string()),
            ("kind", kind.to_string()),
            ("title", title.to_string()),
            ("author", author),
            ("body", "视察了三个小区。".to_string()),
        ]
    };
    let send = |token: String, f: Vec<(&'static str, String)>| {
        let server = &server;
        async move {
            let f: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
            // A refusal also carries the echo of what was typed (`&echo=…#form`): compare the code.
            let to = location(&post(server, "add_report", Some(&token), &f).await);
            to.split("&echo=").next().unwrap_or_default().to_string()
        }
    };
    let supervision = form("supervision", cppcc.clone(), "政协视察意见");
    assert_eq!(
        send(editor.clone(), supervision.clone()).await,
        "/staff?error=invalid_report_author"
    );
    assert_eq!(
        send(
            editor.clone(),
            form("supervision", "office".into(), "编辑部监督")
        )
        .await,
        "/staff?error=invalid_supervision_author"
    );
    assert_eq!(
        send(editor.clone(), form("progress", cppcc.clone(), "政协代发")).await,
        "/staff?error=invalid_report_author"
    );
    assert_eq!(
        send(
            editor.clone(),
            form("progress", lead.clone(), "牵头部门进展")
        )
        .await,
        "/staff?done=report_published"
    );
    // An administrator may transcribe a supervision note in the supervisory body's name.
    let admin = login(&server, "admin", ADMIN.3).await.expect("signed in");
    assert_eq!(
        send(admin, supervision).await,
        "/staff?done=report_published"
    );

    let reports = json(&server, "/api/v1/topics/2026/11").await["reports"].clone();
    let find = |title: &str| {
        reports
            .as_array()
            .expect("reports")
            .iter()
            .find(|r| r["title"] == title)
            .cloned()
            .unwrap_or_else(|| panic!("{title}"))
    };
    let progress = find("牵头部门进展");
    assert_eq!(progress["entered_by"], "editor");
    assert_eq!(progress["author_department"].to_string(), lead);
    assert_eq!(find("政协视察意见")["entered_by"], "admin");
    assert!(reports
        .as_array()
        .expect("reports")
        .iter()
        .all(|r| r["title"] != "政协代发" && r["title"] != "编辑部监督"));
    let page = reqwest::get(server.url("/topics/2026/11"))
        .await
        .expect("r")
        .text()
        .await
        .expect("b");
    assert!(page.contains("（编辑账号代为录入）"));
    assert!(page.contains("（管理员账号代为录入）"));
    assert!(!page.contains(">editor<") && !page.contains(">admin<"));

    // A correction chooses the author from the same list, under the same rule.
    let id = progress["id"].as_i64().expect("report id");
    let page = format!("/staff/reports/{id}");
    let form_page = get_as(&server, &page, &editor).await;
    assert!(
        form_page.contains(&format!("<option value=\"{lead}\" selected")),
        "the correction form preselects the body the report is posted as"
    );
    assert!(!form_page.contains("name=\"author\" type=\"text\""));
    let correction = |author: String| {
        vec![
            ("report_id", id.to_string()),
            ("date", "2026-11-28".to_string()),
            ("kind", "progress".to_string()),
            ("title", "牵头部门进展（更正）".to_string()),
            ("author", author),
            ("body", "视察了三个小区。".to_string()),
        ]
    };
    let save = |f: Vec<(&'static str, String)>| {
        let (server, editor, page) = (&server, editor.clone(), page.clone());
        async move {
            let f: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
            post_on(server, &page, &editor, "save_report", &f).await
        }
    };
    let refused = save(correction(cppcc.clone())).await;
    assert!(
        refused.starts_with(&format!("{page}?error=invalid_report_author")),
        "{refused}"
    );
    let unchanged = json(&server, "/api/v1/topics/2026/11").await["reports"].clone();
    assert!(unchanged
        .as_array()
        .expect("reports")
        .iter()
        .any(|r| r["title"] == "牵头部门进展"));
    assert_eq!(
        save(correction("office".into())).await,
        format!("{page}?done=item_saved")
    );
    let reports = json(&server, "/api/v1/topics/2026/11").await["reports"].clone();
    let corrected = reports
        .as_array()
        .expect("reports")
        .iter()
        .find(|r| r["id"] == id)
        .cloned()
        .expect("corrected report");
    assert_eq!(corrected["author"], "点菜编辑部");
    assert_eq!(corrected["author_department"], Value::Null);
}

#[tokio::test]
async fn an_admin_grants_an_editor_moderation_and_a_phone_number_is_redacted() {
    let server = TestServer::start_with_staff(&[EDITOR, ADMIN, MODERATOR]);
    let editor = login(&server, "editor", EDITOR.3).await.expect("signed in");
    assert_eq!(
        status_as(&server, "/staff/moderation", Some(&editor)).await,
        403
    );

    let admin = login(&server, "admin", ADMIN.3).await.expect("signed in");
    let accounts = get_as(&server, "/staff/accounts", &admin).await;
    let row = accounts
        .find("data-username=\"editor\"")
        .expect("editor row");
    let marker = "name=\"staff_id\" value=\"";
    let id_at = accounts[row..].find(marker).expect("id") + row + marker.len();
    let editor_id: String = accounts[id_at..]
        .chars()
        .take_while(|c| *c != '"')
        .collect();
    let grant = |on: &'static str| {
        [
            ("staff_id", editor_id.clone()),
            ("grant", "moderate".to_string()),
            ("on", on.to_string()),
        ]
    };
    let form = grant("1");
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    // Only an administrator grants.
    assert_eq!(
        post_on(&server, "/staff/accounts", &admin, "set_staff_grant", &form).await,
        "/staff/accounts?done=grant_saved"
    );
    assert_eq!(
        status_as(&server, "/staff/moderation", Some(&editor)).await,
        200
    );
    let audit = get_as(&server, "/staff/audit", &admin).await;
    assert!(audit.contains("staff.grant"));

    // A resident's suggestion with a phone number in it.
    let res = client()
        .post(server.url("/suggest"))
        .form(&[
            ("title", "楼道扶手松了"),
            ("description", "三号楼扶手松动，请打我电话 138 1234 5678。"),
            ("district", "朝阳区"),
            ("category", "住房与物业"),
            ("website", ""),
        ])
        .send()
        .await
        .expect("post");
    assert_eq!(res.status(), reqwest::StatusCode::SEE_OTHER);
    let queue = get_as(&server, "/staff/moderation", &editor).await;
    assert!(queue.contains("好像有电话号码：138 1234 5678"), "the hint");
    let marker = "name=\"suggestion_id\" value=\"";
    let at = queue.find(marker).expect("id") + marker.len();
    let sid: String = queue[at..].chars().take_while(|c| *c != '"').collect();
    let redact = [
        ("suggestion_id", sid.as_str()),
        ("span", "138 1234 5678"),
        ("reason", "保护个人信息"),
    ];
    assert_eq!(
        post_on(
            &server,
            "/staff/moderation",
            &editor,
            "redact_suggestion",
            &redact
        )
        .await,
        "/staff/moderation?done=redacted"
    );
    let missing = [
        ("suggestion_id", sid.as_str()),
        ("span", "139 0000 0000"),
        ("reason", "保护个人信息"),
    ];
    assert_eq!(
        post_on(
            &server,
            "/staff/moderation",
            &editor,
            "redact_suggestion",
            &missing
        )
        .await,
        "/staff/moderation?error=invalid_span"
    );
    let publish = [
        ("suggestion_id", sid.as_str()),
        ("decision", "publish"),
        ("reason", ""),
    ];
    post_on(
        &server,
        "/staff/moderation",
        &editor,
        "moderate_suggestion",
        &publish,
    )
    .await;
    let public = reqwest::get(server.url("/suggest"))
        .await
        .expect("r")
        .text()
        .await
        .expect("b");
    assert!(public.contains("楼道扶手松了"));
    assert!(public.contains("【已隐去】") || !public.contains("三号楼"));
    // On the page's text: the hex of the proof-of-work challenge may hold any four digits.
    assert!(
        !visible_text(&public).contains("5678"),
        "the number is never public"
    );
    assert!(!public.contains("138 1234"), "nor in any attribute");
    let history = get_as(&server, "/staff/moderation", &editor).await;
    assert!(history.contains("138 1234 5678"), "kept for staff");
    assert!(!get_as(&server, "/staff/audit", &admin)
        .await
        .contains("5678"));

    // Revoked: 403 again; a department or moderator account cannot be granted.
    let form = grant("0");
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    post_on(&server, "/staff/accounts", &admin, "set_staff_grant", &form).await;
    assert_eq!(
        status_as(&server, "/staff/moderation", Some(&editor)).await,
        403
    );
}

#[tokio::test]
async fn a_district_government_does_not_take_a_street_level_task() {
    let server = TestServer::start_with_staff(&[EDITOR]);
    let editor = login(&server, "editor", EDITOR.3).await.expect("signed in");
    let topics = get_as(&server, "/staff/topics", &editor).await;
    let marker = "href=\"/staff/topics/";
    let at = topics.find(marker).expect("a topic") + marker.len();
    let id: String = topics[at..]
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    let page = format!("/staff/topics/{id}");
    let edit = get_as(&server, &page, &editor).await;
    let district = {
        let at = edit.find(">朝阳区政府<").expect("朝阳区政府");
        let value = edit[..at].rfind("value=\"").expect("value") + 7;
        edit[value..]
            .chars()
            .take_while(|c| *c != '"')
            .collect::<String>()
    };
    let task = |level: &'static str| {
        vec![
            ("topic_id", id.clone()),
            ("task_id", String::new()),
            ("title", "入户安装扶手".to_string()),
            ("problem", String::new()),
            ("owner", district.clone()),
            ("level", level.to_string()),
            ("due", "2026-12-20".to_string()),
        ]
    };
    let send = |f: Vec<(&'static str, String)>| {
        let (server, page, editor) = (&server, page.clone(), editor.clone());
        async move {
            let f: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
            post_on(server, &page, &editor, "save_task", &f).await
        }
    };
    assert!(send(task("street"))
        .await
        .contains("error=invalid_level_for_body"));
    assert!(send(task("district")).await.ends_with("done=item_saved"));
}
