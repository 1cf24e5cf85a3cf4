//! Cookies and transport (issue 14, findings 8 and the Origin part of 11), over real HTTP: with
//! an https public address every cookie is `Secure` with a `__Host-` name, every answer sends
//! HSTS, the plain-named cookie of an http page counts for nothing, and a form posted from an
//! `http://` page with the portal's own host is refused. Over plain http nothing changes.
// a test crate: a failure is a failed test
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support;

use reqwest::header;
use support::staff::{client, fn_url, EDITOR};
use support::TestServer;

const HTTPS: &[&str] = &["--public-url", "https://dianca.example"];

fn set_cookies(res: &reqwest::Response) -> Vec<String> {
    res.headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok().map(str::to_string))
        .collect()
}

async fn sign_in(server: &TestServer, origin: &str) -> reqwest::Response {
    client()
        .post(fn_url(server, "login").await)
        .header(header::ORIGIN, origin)
        .header(header::ACCEPT, "text/html")
        .form(&[("username", EDITOR.0), ("password", EDITOR.3)])
        .send()
        .await
        .expect("sign-in answered")
}

async fn desk_with(server: &TestServer, cookie: &str) -> reqwest::Response {
    client()
        .get(server.url("/staff"))
        .header(header::COOKIE, cookie)
        .send()
        .await
        .expect("desk answered")
}

#[tokio::test]
async fn over_https_cookies_are_secure_host_only_and_hsts_is_sent() {
    let server = TestServer::process_full(&[EDITOR], HTTPS);
    let home = reqwest::get(server.url("/")).await.expect("home");
    assert_eq!(
        home.headers()
            .get(header::STRICT_TRANSPORT_SECURITY)
            .and_then(|v| v.to_str().ok()),
        Some("max-age=31536000; includeSubDomains")
    );

    let lang = client()
        .get(server.url("/lang/en?next=/"))
        .send()
        .await
        .expect("language switch");
    let cookie = set_cookies(&lang).join("\n");
    assert!(cookie.starts_with("__Host-lang=en;"), "{cookie}");
    assert!(
        cookie.contains("; Secure") && cookie.contains("HttpOnly") && cookie.contains("Path=/")
    );
    let english = client()
        .get(server.url("/"))
        .header(header::COOKIE, "__Host-lang=en")
        .send()
        .await
        .expect("home")
        .text()
        .await
        .expect("body");
    assert!(english.contains("<html lang=\"en\""));

    // A page under http:// with the portal's host is not the portal: its post is refused.
    let host = server.base.trim_start_matches("http://").to_string();
    let downgraded = sign_in(&server, &format!("http://{host}")).await;
    assert_eq!(downgraded.status(), 403);
    assert!(set_cookies(&downgraded).is_empty());

    let signed_in = sign_in(&server, "https://dianca.example").await;
    let session = set_cookies(&signed_in)
        .into_iter()
        .find(|c| c.starts_with("__Host-dianca_session="))
        .expect("a __Host- session cookie");
    assert!(
        session.contains("; Secure") && session.contains("HttpOnly"),
        "{session}"
    );
    let token = session
        .trim_start_matches("__Host-dianca_session=")
        .split(';')
        .next()
        .expect("token");
    let desk = desk_with(&server, &format!("__Host-dianca_session={token}")).await;
    assert_eq!(desk.status(), 200);
    assert!(desk.text().await.expect("desk").contains("退出所有设备"));
    // The same token under the plain name (as an http page could set it) signs no one in.
    let plain = desk_with(&server, &format!("dianca_session={token}")).await;
    assert!(!plain.text().await.expect("page").contains("退出所有设备"));
}

#[tokio::test]
async fn over_plain_http_cookies_keep_their_plain_names_and_no_hsts() {
    let server = TestServer::start();
    let home = reqwest::get(server.url("/")).await.expect("home");
    assert!(home
        .headers()
        .get(header::STRICT_TRANSPORT_SECURITY)
        .is_none());
    let lang = client()
        .get(server.url("/lang/en?next=/"))
        .send()
        .await
        .expect("language switch");
    let cookie = set_cookies(&lang).join("\n");
    assert!(
        cookie.starts_with("lang=en;") && !cookie.contains("Secure"),
        "{cookie}"
    );
}
