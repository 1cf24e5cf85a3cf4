//! 同样答复: a department posts one reply, then gives the same answer to other waiting items it
//! fits — each becomes a reply of its own (audited as a copy, its followers mailed); an item of
//! another department, or a reply not yet posted, cannot be the source or a target.

use super::*;
use crate::support::smtp::TestSmtp;

const FIRST: &str = "公园厕所夜里不开门";
const SECOND: &str = "公园厕所晚上关门太早";
const DESK: (&str, &str) = ("/staff/replies", "answer_reply");

#[tokio::test]
async fn one_reply_goes_to_the_waiting_items_it_fits_each_as_its_own() {
    let smtp = TestSmtp::start();
    let server = TestServer::start_full(
        &[EDITOR, MODERATOR, HEAT, ADMIN],
        &["--smtp-url", &smtp.url],
    );
    let editor = login(&server, EDITOR.0, EDITOR.3).await.unwrap();
    let moderator = login(&server, MODERATOR.0, MODERATOR.3).await.unwrap();
    round_with_rule(&server, &editor, "reply-same", ("2", "", "10")).await;
    let first = published_suggestion(&server, &moderator, FIRST, "").await;
    let second = published_suggestion(&server, &moderator, SECOND, "qian@example.cn").await;
    confirmed(&server, &smtp.wait_for(1)[0]).await;
    me_too(&server, &first).await;
    me_too(&server, &second).await;

    let heat = login(&server, HEAT.0, HEAT.3).await.unwrap();
    let desk = get_as(&server, "/staff/replies", &heat).await;
    let (one, two) = (reply_id(&desk, FIRST), reply_id(&desk, SECOND));
    // 同样答复 from the first reply to `targets`: where the desk sends the form.
    let alike = async |targets: &[&str]| {
        let mut form = vec![("reply_id", one.as_str())];
        form.extend(targets.iter().map(|t| ("also[]", *t)));
        location(&post_beside(&server, &heat, DESK, "answer_alike", &form).await)
    };
    assert!(
        !desk.contains("发布同样的答复"),
        "nothing posted yet to copy"
    );

    // Not before the source is posted.
    let res = alike(&[two.as_str()]).await;
    assert!(res.contains("error=invalid_same_answer"), "{}", res);

    let body = "公园厕所的开放时间由各公园自行确定，我们已要求夜间有游客的公园延长到晚上十点。";
    let res = location(&post_answer(&server, &heat, &one, ("partly_adopted", body, "")).await);
    assert_eq!(res, "/staff/replies?done=reply_posted");
    let desk = get_as(&server, "/staff/replies", &heat).await;
    assert!(
        desk.contains("把这条答复也发给类似的事项（1 项还在等待答复）"),
        "{desk:.4000}"
    );

    // Nothing ticked: refused.
    let res = alike(&[]).await;
    assert!(res.contains("error=invalid_same_answer"), "{}", res);
    // Another department's item (the demo's rounds are answered by another) is refused, and
    // nothing is written for the rest.
    let board: serde_json::Value =
        serde_json::from_str(&page(&server, "/api/v1/replies").await).unwrap();
    let theirs = board["waiting"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["reply"]["department"] != ANSWERS)
        .expect("another department's waiting reply in the demo")["reply"]["id"]
        .to_string();
    let res = alike(&[two.as_str(), theirs.as_str()]).await;
    assert!(res.contains("error=invalid_same_answer"), "{}", res);
    assert!(!page(&server, &format!("/replies/{two}"))
        .await
        .contains(body));

    let res = alike(&[two.as_str()]).await;
    assert_eq!(res, "/staff/replies?done=same_reply_posted");

    let copied = page(&server, &format!("/replies/{two}")).await;
    assert!(
        copied.contains(body) && copied.contains("部分采纳"),
        "{copied:.4000}"
    );
    // The copy's follower is told.
    mail_with(&smtp, &format!("已答复：{SECOND}"));
    let admin = login(&server, ADMIN.0, ADMIN.3).await.unwrap();
    let audit = get_as(&server, "/staff/audit", &admin).await;
    assert!(
        audit.contains(&format!("same as reply {one}")),
        "{audit:.3000}"
    );

    // A second copy onto an answered reply changes nothing.
    let res = alike(&[two.as_str()]).await;
    assert!(res.contains("error=invalid_same_answer"), "{}", res);
}
