//! Issue 14, points 1 and 7 on the raw HTML: titles and text boxes that come from data (a
//! reflected query, a resident's suggestion a moderator promotes, an editor's topic, problem,
//! department and cycle) stay text — no `<meta http-equiv>` reaches any page — and a task
//! titled as a spreadsheet formula exports as text.
// a test crate: a failure is a failed test
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support;

use support::staff::*;
use support::TestServer;

const MODERATOR: (&str, &str, Option<&str>, &str) =
    ("mod", "moderator", None, "moderator-password-123");

/// Closes a `<title>` (56 characters, as in the issue).
const IN_TITLE: &str = "</title><meta http-equiv=refresh content=0;url=/about>";
/// Closes a `<textarea>`.
const IN_TEXT_BOX: &str = "</textarea><meta http-equiv=refresh content=\"0;url=/about\">";
const FORMULA: &str = "=HYPERLINK(\"http://evil.example\",\"点我\")";

/// No markup the portal did not write: the payloads are only ever text.
fn assert_inert(page: &str, what: &str) {
    let lower = page.to_ascii_lowercase();
    assert!(
        !lower.contains("<meta http-equiv"),
        "{what}: an injected <meta> is in the page"
    );
    assert!(
        !lower.contains("</title><meta") && !lower.contains("</textarea><meta"),
        "{what}: an element was closed early"
    );
}

fn number_after(page: &str, marker: &str) -> Option<String> {
    let at = page.find(marker)? + marker.len();
    Some(
        page[at..]
            .chars()
            .take_while(|c| c.is_ascii_digit())
            .collect(),
    )
}

async fn get(server: &TestServer, path: &str) -> String {
    reqwest::get(server.url(path))
        .await
        .expect("r")
        .text()
        .await
        .expect("b")
}

#[tokio::test]
async fn titles_and_text_boxes_from_data_stay_text() {
    let server = TestServer::start_with_staff(&[EDITOR, MODERATOR]);
    let editor = login(&server, "editor", EDITOR.3).await.expect("editor");
    let moderator = login(&server, "mod", MODERATOR.3).await.expect("mod");

    // Reflected: the suggestion form keeps what was typed in its text box.
    let page = get(
        &server,
        &format!(
            "/suggest?title={}&description={}",
            urlencode(IN_TITLE),
            urlencode(IN_TEXT_BOX)
        ),
    )
    .await;
    assert_inert(&page, "/suggest reflected");
    assert!(page.contains("&lt;/textarea&gt;"), "shown as text");

    // Stored by an editor: a topic's theme, summary and plan, a problem, a task, a department.
    let res = post_beside(
        &server,
        &editor,
        ("/staff/topics", "save_topic"),
        "save_topic",
        &[
            ("topic_id", ""),
            ("year", "2026"),
            ("month", "12"),
            ("theme", IN_TITLE),
            ("summary", IN_TEXT_BOX),
            ("lead", ""),
            ("plan", IN_TEXT_BOX),
        ],
    )
    .await;
    let target = location(&res);
    let id = number_after(&target, "/staff/topics/").expect("topic id");
    let tasks: serde_json::Value = reqwest::get(server.url("/api/v1/topics/2026/11/tasks"))
        .await
        .expect("r")
        .json()
        .await
        .expect("json");
    let owner = tasks[0]["owner"]["id"].as_i64().expect("owner").to_string();
    for (name, form) in [
        (
            "save_problem",
            vec![
                ("topic_id", id.as_str()),
                ("problem_id", ""),
                ("title", IN_TITLE),
            ],
        ),
        (
            "save_task",
            vec![
                ("topic_id", id.as_str()),
                ("task_id", ""),
                ("title", FORMULA),
                ("problem", ""),
                ("owner", owner.as_str()),
                ("level", "city"),
                ("due", "2027-03-31"),
            ],
        ),
        (
            "publish_topic",
            vec![("topic_id", id.as_str()), ("confirm", "1")],
        ),
        (
            "save_department",
            vec![("department_id", ""), ("name", IN_TITLE)],
        ),
    ] {
        let res = post_beside(
            &server,
            &editor,
            ("/staff/topics", "save_topic"),
            name,
            &form,
        )
        .await;
        let at = location(&res);
        assert!(at.contains("done="), "{name}: {at}");
    }
    let edit = get_as(&server, format!("/staff/topics/{id}"), &editor).await;
    assert_inert(&edit, "the editor's topic form");
    assert!(edit.contains("&lt;/textarea&gt;"), "the summary as text");
    let public = get(&server, "/topics/2026/12").await;
    assert_inert(&public, "the topic page");
    assert!(
        public.contains("<title>&lt;/title&gt;"),
        "the theme as title text"
    );
    let problem = number_after(&public, "href=\"/problems/").expect("a problem link");
    assert_inert(
        &get(&server, &format!("/problems/{problem}")).await,
        "the problem page",
    );

    let departments = get_as(&server, "/staff/departments", &editor).await;
    assert_inert(&departments, "the departments form");
    let mine = departments
        .rfind("&lt;/title&gt;")
        .expect("the new department");
    let department = number_after(&departments[mine..], "/departments/").expect("its id");
    let page = get(&server, &format!("/departments/{department}")).await;
    assert_inert(&page, "the department page");
    assert!(page.contains("<title>&lt;/title&gt;"));

    // CSV: the formula is text in the spreadsheet.
    let csv = get(&server, "/api/v1/topics/2026/12/tasks.csv").await;
    assert!(
        csv.contains("'=HYPERLINK("),
        "the formula is neutralised: {csv}"
    );
    assert!(!csv.contains(",=HYPERLINK(") && !csv.contains("\n=HYPERLINK("));

    // Stored by a resident: a suggestion titled to close <title>, published and promoted.
    let res = client()
        .post(server.url("/suggest"))
        .form(&[
            ("title", IN_TITLE),
            ("description", IN_TEXT_BOX),
            ("district", "朝阳区"),
            ("category", "住房与物业"),
            ("website", ""),
        ])
        .send()
        .await
        .expect("post");
    assert_eq!(res.status(), 303);
    assert!(
        !location(&res).contains("error="),
        "suggestion taken: {}",
        location(&res)
    );
    let queue = get_as(&server, "/staff/moderation", &moderator).await;
    assert!(
        queue.contains("&lt;/title&gt;"),
        "the suggestion waits: {queue:.3000}"
    );
    assert_inert(&queue, "the moderation queue");
    let sid = number_after(&queue, "name=\"suggestion_id\" value=\"").expect("suggestion");
    let moderate = action_on(
        &server,
        "/staff/moderation",
        &moderator,
        "moderate_suggestion",
    )
    .await;
    for (name, form) in [
        (
            "moderate_suggestion",
            vec![
                ("suggestion_id", sid.as_str()),
                ("decision", "publish"),
                ("reason", ""),
            ],
        ),
        (
            "promote_suggestion",
            vec![("suggestion_id", sid.as_str()), ("cycle", "2027-spring")],
        ),
    ] {
        let res = client()
            .post(moderate.replacen("/api/moderate_suggestion", &format!("/api/{name}"), 1))
            .header(reqwest::header::ACCEPT, "text/html")
            .header(
                reqwest::header::COOKIE,
                format!("dianca_session={moderator}"),
            )
            .form(&form)
            .send()
            .await
            .expect("post");
        assert!(
            location(&res).contains("done="),
            "{name}: {}",
            location(&res)
        );
    }
    assert_inert(&get(&server, "/suggest").await, "the public suggestions");
    let cycle = get(&server, "/vote/2027-spring").await;
    assert_inert(&cycle, "the cycle page");
    let mut candidates = 0;
    let mut rest = cycle.as_str();
    while let Some(at) = rest.find("/vote/2027-spring/candidates/") {
        let path: String = rest[at..]
            .chars()
            .take_while(|c| *c != '"' && *c != '#' && *c != '?')
            .collect();
        let page = get(&server, &path).await;
        assert_inert(&page, &path);
        candidates += 1;
        rest = &rest[at + 10..];
    }
    assert!(candidates >= 2, "the promoted suggestion is a candidate");

    // A cycle titled by an editor.
    let res = post_beside(
        &server,
        &editor,
        ("/staff/cycles", "create_cycle"),
        "create_cycle",
        &[
            ("slug", "markup-test"),
            ("title", IN_TITLE),
            ("target", "测试目标"),
            ("opens", "2030-01-01"),
            ("closes", "2030-02-01"),
            ("max_picks", "3"),
        ],
    )
    .await;
    assert!(location(&res).contains("done="), "{}", location(&res));
    let page = get(&server, "/vote/markup-test").await;
    assert_inert(&page, "an editor's cycle");
    assert!(page.contains("<title>&lt;/title&gt;"));
}

fn urlencode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            b => format!("%{b:02X}"),
        })
        .collect()
}

/// A control character in stored text (a report title with U+000B, pasted from a document)
/// once made the whole Atom feed unreadable XML: every feed drops what XML 1.0 cannot carry.
#[tokio::test]
async fn a_control_character_in_a_title_leaves_every_feed_well_formed() {
    let server = TestServer::start_with_staff(&[EDITOR]);
    let token = login(&server, "editor", EDITOR.3).await.expect("signed in");
    let title = "管线\u{b}冲洗\u{1}完成";
    let form = [
        ("topic", "2026-11"),
        ("date", "2026-12-01"),
        ("kind", "progress"),
        ("title", title),
        ("author", "office"),
        ("body", "已完成。"),
    ];
    let res = post(&server, "add_report", Some(&token), &form).await;
    assert_eq!(location(&res), "/staff?done=report_published");
    // The topic's own feed has the report once the teller has recorded it (every second).
    let mut topic = String::new();
    for _ in 0..50 {
        topic = reqwest::get(server.url("/feeds/topic/2026-11.atom"))
            .await
            .expect("r")
            .text()
            .await
            .expect("b");
        if topic.contains("管线冲洗完成") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let site = reqwest::get(server.url("/feed.atom"))
        .await
        .expect("r")
        .text()
        .await
        .expect("b");
    for (name, feed) in [("site", &site), ("topic", &topic)] {
        assert!(
            feed.contains("管线冲洗完成"),
            "{name}: the title, without the controls"
        );
        if let Err(err) = roxmltree::Document::parse(feed) {
            panic!("{name} feed is not well-formed XML: {err}");
        }
    }
}
