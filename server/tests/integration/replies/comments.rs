//! 答复留言: the mail that tells a follower of the reply carries her signed link to comment on
//! it; one comment each, of a readable length, waits for a moderator and then shows under the
//! reply without her address; a reply older than three days takes none; a forged link opens
//! nothing.

use super::*;
use crate::support::smtp::{link, TestSmtp};

const TITLE: &str = "老旧小区楼道灯不亮";
const ADDRESS: &str = "zhao@example.cn";
const WORDS: &str = "答复说明了原因，但没有说楼道灯什么时候能修好，希望能给一个时间。";

#[tokio::test]
async fn a_follower_comments_on_the_reply_once_and_it_shows_after_moderation() {
    let smtp = TestSmtp::start();
    let server = TestServer::start_full(&[EDITOR, MODERATOR, HEAT], &["--smtp-url", &smtp.url]);
    let (follow, heat, id) =
        owed_and_followed(&server, &smtp, "reply-comments", (TITLE, ADDRESS)).await;

    // Before the reply there is nothing to comment on.
    let early = page(&server, &format!("{follow}/comment")).await;
    assert!(early.contains("还不能留言"), "{early:.2000}");

    let res = post_answer(
        &server,
        &heat,
        &id,
        (
            "already_planned",
            "楼道照明已列入今年老旧小区综合整治计划，由各街道统一更换。",
            "/topics/2026/11",
        ),
    )
    .await;
    assert_eq!(location(&res), "/staff/replies?done=reply_posted");

    // Her mail invites her to comment, with the deadline and her own link.
    let posted = mail_with(&smtp, &format!("已答复：{TITLE}"));
    let text = posted["text"].as_str().unwrap();
    assert!(text.contains("3 天内（北京时间"), "{text}");
    let comment = link(text, "/follow/", "/comment");
    assert_eq!(comment, format!("{follow}/comment"));

    let form = page(&server, &comment).await;
    assert!(
        form.contains("市城市管理委的答复：已有安排"),
        "what she comments on: {form:.3000}"
    );
    assert_eq!(
        form.matches("id=\"comment\"").count(),
        1,
        "the label names the box"
    );
    assert!(
        form.contains("给答复打分、留言")
            && form.contains(TITLE)
            && form.contains("name=\"comment\""),
        "{form:.3000}"
    );
    assert!(
        form.contains(&format!("href=\"/replies/{id}\"")),
        "the way to read it"
    );

    // Too short: refused in her language, what she typed kept.
    let res = post_comment(&server, &comment, "不好").await;
    assert_eq!(res.status(), 422);
    let again = res.text().await.unwrap();
    assert!(
        again.contains("现在是 2 个字") && again.contains(">不好</textarea>"),
        "{again:.3000}"
    );

    let res = post_comment(&server, &comment, WORDS).await;
    assert_eq!(location(&res), format!("{comment}?outcome=received"));
    let mine = page(&server, &location(&res)).await;
    assert!(
        mine.contains("已收到您的留言") && mine.contains(WORDS) && mine.contains("等待审核"),
        "{mine:.3000}"
    );
    assert!(!mine.contains("name=\"comment\""), "one comment each");
    let res = post_comment(&server, &comment, "我再补充一句，楼道里还有杂物。").await;
    assert_eq!(location(&res), format!("{comment}?outcome=already"));

    // Not public until a moderator lets it through.
    let public = page(&server, &format!("/replies/{id}")).await;
    assert!(!public.contains(WORDS), "pending is not public");
    assert!(
        public.contains("关注者留言（0 条）") && public.contains("前通过答复通知邮件里的链接留言"),
        "{public:.4000}"
    );
    let moderator = login(&server, MODERATOR.0, MODERATOR.3).await.unwrap();
    let queue = get_as(&server, "/staff/moderation", &moderator).await;
    let at = queue.find(WORDS).expect("in the moderation queue");
    let marker = "name=\"comment_id\" value=\"";
    let start = at + queue[at..].find(marker).unwrap() + marker.len();
    let comment_id: String = queue[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let url = action_on(
        &server,
        "/staff/moderation",
        &moderator,
        "review_reply_comment",
    )
    .await;
    let res = post_as(
        &url,
        &moderator,
        &[("comment_id", &comment_id), ("decision", "show")],
    )
    .await;
    assert!(location(&res).contains("done="), "{}", location(&res));

    let public = page(&server, &format!("/replies/{id}")).await;
    assert!(
        public.contains("关注者留言（1 条）") && public.contains(WORDS),
        "{public:.4000}"
    );
    assert!(
        public.contains("一位关注者") && !public.contains(ADDRESS),
        "no address"
    );
    let json = page(&server, &format!("/api/v1/replies/{id}")).await;
    assert!(
        json.contains(WORDS) && !json.contains(ADDRESS),
        "{json:.2000}"
    );
    assert!(page(&server, &comment)
        .await
        .contains("已公开，显示在答复下面"));
    // Decided once: a second decision finds nothing pending.
    let res = post_as(
        &url,
        &moderator,
        &[("comment_id", &comment_id), ("decision", "withhold")],
    )
    .await;
    assert!(location(&res).contains("error="), "{}", location(&res));

    // A forged link opens nothing and writes nothing.
    let (head, _) = follow.rsplit_once('/').unwrap();
    let forged = format!("{head}/AAAAAAAAAAAAAAAAAAAAAA/comment");
    assert_eq!(
        reqwest::get(server.url(&forged)).await.unwrap().status(),
        404
    );
    let res = post_comment(&server, &forged, WORDS).await;
    assert_eq!(res.status(), 404);
}

#[tokio::test]
async fn a_reply_posted_more_than_three_days_ago_takes_no_more_comments() {
    let smtp = TestSmtp::start();
    let server = TestServer::start_full(&[], &["--smtp-url", &smtp.url]);
    // The demo's winter round: its winner was answered five days after it closed, weeks ago.
    let board: serde_json::Value =
        serde_json::from_str(&page(&server, "/api/v1/replies").await).unwrap();
    let answered = board["answered"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["reply"]["item"] == "candidate")
        .expect("an answered candidate in the demo");
    let (reply, candidate) = (
        answered["reply"]["id"].as_i64().unwrap(),
        answered["reply"]["item_id"].as_i64().unwrap().to_string(),
    );
    let follow = follows(&server, &smtp, ("candidate", &candidate), ADDRESS).await;
    let comment = format!("{follow}/comment");

    let closed = page(&server, &comment).await;
    assert!(closed.contains("留言时间已过"), "{closed:.3000}");
    assert!(!closed.contains("name=\"comment\""));
    let res = post_comment(&server, &comment, WORDS).await;
    assert_eq!(location(&res), format!("{comment}?outcome=closed"));
    let public = page(&server, &format!("/replies/{reply}")).await;
    assert!(
        public.contains("已于北京时间") && !public.contains(WORDS),
        "{public:.4000}"
    );
}
