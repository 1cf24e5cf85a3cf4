//! 待发通知 for staff (issue 33): with no mail server configured every notice is recorded and
//! waits, and the moderation page says how many, never whose.
// a test crate: a failure is a failed test
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support;
use reqwest::header::CONTENT_TYPE;
use support::staff::{get_as, login};
use support::TestServer;

const MODERATOR: support::Account<'static> =
    ("moderator", "moderator", None, "moderator-password-123");

#[tokio::test]
async fn without_a_mail_server_notices_wait_and_staff_see_how_many() {
    let server = TestServer::start_with_staff(&[MODERATOR]);
    let token = login(&server, MODERATOR.0, MODERATOR.3).await.unwrap();
    let page = get_as(&server, "/staff/moderation", &token).await;
    assert!(page.contains("待发邮件"), "{page:.2000}");
    assert!(page.contains("<dt>等待发送</dt><dd>0</dd>"), "none yet");

    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    for n in 0..2 {
        let res = client
            .post(server.url("/follow"))
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(format!(
                "kind=cycle&subject=2027-annual&address=waiting{n}%40example.cn&consent=yes"
            ))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303);
    }
    let page = get_as(&server, "/staff/moderation", &token).await;
    assert!(
        page.contains("<dt>等待发送</dt><dd>2</dd>"),
        "two confirmations wait: {page}"
    );
    assert!(page.contains("等得最久的一封记入时间"));
    assert!(!page.contains("example.cn"), "no address on the staff page");
}
