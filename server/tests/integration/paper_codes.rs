//! Paper voting codes (纸质投票码) over real HTTP: the printed sheet and the plain refusals speak
//! the reader's language, and every printed batch is in the audit log.
// a test crate: a failure is a failed test
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support;

use reqwest::header;
use support::staff::*;
use support::TestServer;

/// Issue 15 point 4: the paper-code sheet and the plain refusals speak the reader's language
/// from the locale files, and a printed batch is in the audit log (written with the codes).
#[tokio::test]
async fn paper_codes_and_refusals_speak_the_readers_language_and_the_batch_is_audited() {
    let server = TestServer::start_with_staff(&[EDITOR, ADMIN]);
    let token = login(&server, "editor", EDITOR.3).await.expect("signed in");
    let http = client();
    let cookie = format!("dianca_session={token}");
    let post = |district: &'static str, count: &'static str, cycle: &'static str| {
        http.post(server.url("/staff/codes"))
            .header(header::COOKIE, &cookie)
            .header(header::ACCEPT_LANGUAGE, "en")
            .form(&[("cycle", cycle), ("district", district), ("count", count)])
            .send()
    };
    let sheet = post("朝阳区", "2", "2027-annual").await.expect("r");
    assert_eq!(sheet.status(), 200);
    let sheet = sheet.text().await.expect("body");
    assert!(sheet.contains("lang=\"en\""), "{sheet}");
    assert!(
        sheet.contains("Voting codes: 朝阳区 · batch 1 · 2 codes"),
        "{sheet}"
    );
    assert!(
        !sheet.contains("只能使用一次"),
        "no Chinese left on an English sheet"
    );

    let refused = post("朝阳区", "0", "2027-annual").await.expect("r");
    assert_eq!(refused.status(), 422);
    let refused = refused.text().await.expect("body");
    assert!(refused.contains("1 to 500 per batch"), "{refused}");
    let missing = post("朝阳区", "2", "no-such-cycle").await.expect("r");
    assert_eq!(missing.status(), 404);
    assert!(missing.text().await.expect("b").contains("was not found"));
    let signed_out = http
        .post(server.url("/staff/codes"))
        .header(header::ACCEPT_LANGUAGE, "en")
        .form(&[
            ("cycle", "2027-annual"),
            ("district", "朝阳区"),
            ("count", "2"),
        ])
        .send()
        .await
        .expect("r");
    assert_eq!(signed_out.status(), 401);
    assert!(signed_out
        .text()
        .await
        .expect("b")
        .contains("Please sign in"));

    let admin = login(&server, "admin", ADMIN.3).await.expect("admin");
    let audit = get_as(&server, "/staff/audit", &admin).await;
    assert!(
        audit.contains("codes.print") && audit.contains("朝阳区 batch 1"),
        "the batch is audited"
    );

    let cross_site = http
        .post(server.url("/staff/codes"))
        .header(header::ORIGIN, "https://evil.example")
        .header(header::ACCEPT_LANGUAGE, "en-GB,en;q=0.9")
        .form(&[("cycle", "2027-annual")])
        .send()
        .await
        .expect("r");
    assert_eq!(cross_site.status(), 403);
    let cross_site = cross_site.text().await.expect("b");
    assert!(cross_site.contains("Request refused") && !cross_site.contains("请求被拒绝"));
    let long = http
        .get(server.url(&format!("/?q={}", "a".repeat(9000))))
        .header(header::ACCEPT_LANGUAGE, "en")
        .send()
        .await
        .expect("r");
    assert_eq!(long.status(), 414);
    assert!(long.text().await.expect("b").contains("Address too long"));
}
