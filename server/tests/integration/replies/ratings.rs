//! 答复评价: the follower grades the reply from her signed page on the three counts, once; a
//! count left empty is refused in her words; the reply's page and the API show how many rated
//! and how the scores spread, never who.

use super::*;
use crate::support::smtp::TestSmtp;

const TITLE: &str = "地铁站出口没有无障碍坡道";
const ADDRESS: &str = "sun@example.cn";

#[tokio::test]
async fn a_follower_rates_the_reply_once_on_three_counts_and_the_page_shows_the_spread() {
    let smtp = TestSmtp::start();
    let server = TestServer::start_full(&[EDITOR, MODERATOR, HEAT], &["--smtp-url", &smtp.url]);
    let (follow, heat, id) =
        owed_and_followed(&server, &smtp, "reply-ratings", (TITLE, ADDRESS)).await;

    // Before the reply there is nothing to rate.
    let rate = format!("{follow}/rate");
    let rated = |form: &'static [(&'static str, &'static str)]| {
        let (server, rate) = (&server, rate.clone());
        async move {
            location(
                &client()
                    .post(server.url(&rate))
                    .form(form)
                    .send()
                    .await
                    .unwrap(),
            )
        }
    };
    assert!(!page(&server, &format!("{follow}/comment"))
        .await
        .contains("给答复打分"));

    let res = post_answer(
        &server,
        &heat,
        &id,
        (
            "partly_adopted",
            "已协调地铁公司在B口增设临时坡道，永久坡道随明年出口改造一并建设。",
            "",
        ),
    )
    .await;
    assert_eq!(location(&res), "/staff/replies?done=reply_posted");

    let form = page(&server, &format!("{follow}/comment")).await;
    assert!(
        form.contains("给答复打分") && form.contains("问题解决了吗？"),
        "{form:.3000}"
    );
    assert!(form.contains("name=\"solved\" value=\"5\"") && form.contains("完全解决"));

    // A count left empty: refused, nothing counted.
    let back = rated(&[("solved", "3"), ("attitude", "4")]).await;
    assert_eq!(back, format!("{follow}/comment?rated=incomplete#rating"));
    assert!(page(&server, &back)
        .await
        .contains("请在三个方面都选一个分数"));
    let back = rated(&[("solved", "3"), ("attitude", "4"), ("speed", "2")]).await;
    assert_eq!(back, format!("{follow}/comment?rated=counted#rating"));
    let mine = page(&server, &back).await;
    assert!(
        mine.contains("已记下您的评分") && mine.contains("部分解决"),
        "{mine:.3000}"
    );
    assert!(!mine.contains("name=\"solved\""), "once each");
    let back = rated(&[("solved", "5"), ("attitude", "5"), ("speed", "5")]).await;
    assert_eq!(back, format!("{follow}/comment?rated=already#rating"));

    let public = page(&server, &format!("/replies/{id}")).await;
    assert!(public.contains("居民评分（1 人）"), "{public:.5000}");
    assert!(!public.contains(ADDRESS));
    let json: serde_json::Value =
        serde_json::from_str(&page(&server, &format!("/api/v1/replies/{id}")).await).unwrap();
    assert_eq!(json["ratings"]["raters"], 1);
    assert_eq!(
        json["ratings"]["solved"],
        serde_json::json!([0, 0, 1, 0, 0])
    );
    assert_eq!(json["ratings"]["speed"], serde_json::json!([0, 1, 0, 0, 0]));

    // A forged link counts nothing.
    let (head, _) = follow.rsplit_once('/').unwrap();
    let forged = format!("{head}/AAAAAAAAAAAAAAAAAAAAAA/rate");
    let res = client()
        .post(server.url(&forged))
        .form(&[("solved", "1"), ("attitude", "1"), ("speed", "1")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
}
