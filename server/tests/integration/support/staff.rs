//! Helpers for the staff tests: accounts, sign-in and posting the portal's own forms.

use super::TestServer;
use reqwest::{header, redirect::Policy, Client};

pub const HEAT: (&str, &str, Option<&str>, &str) = (
    "heat",
    "department",
    Some("市城市管理委"),
    "heat-password-123",
);
pub const EDITOR: (&str, &str, Option<&str>, &str) =
    ("editor", "editor", None, "editor-password-123");
pub const ADMIN: (&str, &str, Option<&str>, &str) = ("admin", "admin", None, "admin-password-123");

/// The status of a URL as a signed-in member (or anyone, without a token).
pub async fn status_as(server: &TestServer, path: &str, token: Option<&str>) -> u16 {
    let mut req = client().get(server.url(path));
    if let Some(t) = token {
        req = req.header(header::COOKIE, format!("dianca_session={t}"));
    }
    req.send().await.expect("request").status().as_u16()
}

/// The worked topic's responsibilities as the open-data API lists them: (id, department, state).
pub async fn responsibility_states(server: &TestServer) -> Vec<(i64, String, String)> {
    let responsibilities: serde_json::Value =
        reqwest::get(server.url("/api/v1/topics/2026/11/responsibilities"))
            .await
            .expect("r")
            .json()
            .await
            .expect("json");
    responsibilities
        .as_array()
        .expect("duties")
        .iter()
        .map(|d| {
            (
                d["id"].as_i64().expect("id"),
                d["department"]["name"]
                    .as_str()
                    .expect("department")
                    .to_string(),
                d["state"].as_str().expect("state").to_string(),
            )
        })
        .collect()
}

pub fn client() -> Client {
    Client::builder()
        .redirect(Policy::none())
        .build()
        .expect("client")
}

/// The server-function URL for `name`, found from the login form (all share the build's suffix).
pub async fn fn_url(server: &TestServer, name: &str) -> String {
    let page = reqwest::get(server.url("/staff/login"))
        .await
        .expect("r")
        .text()
        .await
        .expect("b");
    let start = page.find("action=\"/api/login").expect("login form") + "action=\"".len();
    let action: String = page[start..].chars().take_while(|c| *c != '"').collect();
    server.url(&action.replacen("login", name, 1))
}

/// The server-function URL for `name` as a form on `path` posts to it (server functions of
/// different modules carry different suffixes).
pub async fn action_on(server: &TestServer, path: &str, token: &str, name: &str) -> String {
    let page = get_as(server, path, token).await;
    let marker = format!("action=\"/api/{name}");
    let start = page
        .find(&marker)
        .unwrap_or_else(|| panic!("no {name} form on {path}"))
        + "action=\"".len();
    let action: String = page[start..].chars().take_while(|c| *c != '"').collect();
    server.url(&action)
}

/// Posts to the server function `name` of the same module as the `anchor` form on `page`
/// (the URL suffix is per module): how crafted requests reach actions the page does not offer.
pub async fn post_beside(
    server: &TestServer,
    token: &str,
    (page, anchor): (&str, &str),
    name: &str,
    form: &[(&str, &str)],
) -> reqwest::Response {
    let url = action_on(server, page, token, anchor).await;
    client()
        .post(url.replacen(&format!("/api/{anchor}"), &format!("/api/{name}"), 1))
        .header(header::ACCEPT, "text/html")
        .header(header::COOKIE, format!("dianca_session={token}"))
        .form(form)
        .send()
        .await
        .expect("post")
}

/// Posts `form` to the server function at `url` (from `action_on`) as a browser form would, as
/// the member holding `token`.
pub async fn post_as(url: &str, token: &str, form: &[(&str, &str)]) -> reqwest::Response {
    client()
        .post(url)
        .header(header::ACCEPT, "text/html")
        .header(header::COOKIE, format!("dianca_session={token}"))
        .form(form)
        .send()
        .await
        .expect("post")
}

pub async fn post(
    server: &TestServer,
    name: &str,
    cookie: Option<&str>,
    form: &[(&str, &str)],
) -> reqwest::Response {
    let mut req = client()
        .post(fn_url(server, name).await)
        .header(header::ACCEPT, "text/html")
        .form(form);
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, format!("dianca_session={c}"));
    }
    req.send().await.expect("post")
}

pub async fn login(server: &TestServer, user: &str, password: &str) -> Option<String> {
    let res = post(
        server,
        "login",
        None,
        &[("username", user), ("password", password)],
    )
    .await;
    let cookie = res
        .headers()
        .get(header::SET_COOKIE)?
        .to_str()
        .ok()?
        .to_string();
    let token = cookie
        .strip_prefix("dianca_session=")?
        .split(';')
        .next()?
        .to_string();
    (!token.is_empty()).then_some(token)
}

pub fn location(res: &reqwest::Response) -> String {
    res.headers()[header::LOCATION]
        .to_str()
        .expect("ascii")
        .to_string()
}

pub async fn task_states(server: &TestServer) -> Vec<(String, String)> {
    let tasks: serde_json::Value = reqwest::get(server.url("/api/v1/topics/2026/11/tasks"))
        .await
        .expect("r")
        .json()
        .await
        .expect("json");
    tasks
        .as_array()
        .expect("tasks")
        .iter()
        .map(|t| {
            (
                t["owner"]["name"].as_str().expect("owner").to_string(),
                t["status"].as_str().expect("status").to_string(),
            )
        })
        .collect()
}

/// A page as a signed-in member sees it.
pub async fn get_as(server: &TestServer, path: impl AsRef<str>, token: impl AsRef<str>) -> String {
    client()
        .get(server.url(path.as_ref()))
        .header(header::COOKIE, format!("dianca_session={}", token.as_ref()))
        .send()
        .await
        .expect("request")
        .text()
        .await
        .expect("body")
}

/// Publishes topic `id` with the confirmation given, from the form at `page`; the location the
/// server sends back (`/staff/topics/{id}?done=topic_published` when it took it).
pub async fn publish_topic_confirmed(
    server: &TestServer,
    token: &str,
    page: (&str, &str),
    id: &str,
) -> String {
    let res = post_beside(
        server,
        token,
        page,
        "publish_topic",
        &[("topic_id", id), ("confirm", "1")],
    )
    .await;
    location(&res)
}

/// The id of the draft policy titled `title` on the editor's desk (its publish form's field).
pub fn draft_policy_id(desk: &str, title: &str) -> String {
    let marker = "name=\"policy_id\" value=\"";
    let at = desk.find(title).expect("the draft on the desk");
    let from = desk[at..].find(marker).expect("its publish form") + at + marker.len();
    desk[from..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect()
}

/// Posts the moderation form `name` and expects it done; `url` is the moderation page's
/// `moderate_suggestion` action (read while a suggestion was pending), whose suffix the other
/// moderation forms share.
pub async fn moderate(url: &str, token: &str, name: &str, form: &[(&str, &str)]) {
    let res = client()
        .post(url.replacen("/api/moderate_suggestion", &format!("/api/{name}"), 1))
        .header(header::ACCEPT, "text/html")
        .header(header::COOKIE, format!("dianca_session={token}"))
        .form(form)
        .send()
        .await
        .expect("post");
    assert!(
        location(&res).contains("done="),
        "{name}: {}",
        location(&res)
    );
}
