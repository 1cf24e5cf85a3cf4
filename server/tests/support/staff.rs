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
