//! 重办: when most of at least three raters say a reply did not solve the problem, the item
//! goes back to its department with a new due date; the first answer and its ratings stay on
//! the page, the second is shown below it, residents may rate the second, and the board
//! publishes the rule and the rate.

use super::*;
use crate::support::smtp::TestSmtp;

const TITLE: &str = "老旧小区楼道灯长期不亮";
const FIRST: &str = "已安排物业在两周内更换楼道灯，并纳入日常巡查，发现损坏三天内修复。";
const SECOND: &str = "街道已督促物业更换全部楼道灯，并请社区每周检查一次，结果在社区公告栏公布。";

async fn rate(server: &TestServer, follow: &str, solved: &'static str) -> String {
    let res = client()
        .post(server.url(&format!("{follow}/rate")))
        .form(&[("solved", solved), ("attitude", "3"), ("speed", "3")])
        .send()
        .await
        .unwrap();
    location(&res)
}

async fn reply_json(server: &TestServer, id: &str) -> serde_json::Value {
    serde_json::from_str(&page(server, &format!("/api/v1/replies/{id}")).await).unwrap()
}

#[tokio::test]
async fn most_raters_unsolved_reopens_the_item_with_a_new_date_and_both_answers_shown() {
    let smtp = TestSmtp::start();
    let server = TestServer::start_full(
        &[EDITOR, MODERATOR, HEAT, ADMIN],
        &["--smtp-url", &smtp.url],
    );
    let (author, heat, id) =
        owed_and_followed(&server, &smtp, "reply-rehandle", (TITLE, "wang@example.cn")).await;
    let item = reply_json(&server, &id).await["reply"]["item_id"].to_string();
    let neighbour = follows(&server, &smtp, ("suggestion", &item), "li@example.cn").await;
    let third = follows(&server, &smtp, ("suggestion", &item), "zhao@example.cn").await;
    let res = post_answer(&server, &heat, &id, ("partly_adopted", FIRST, "")).await;
    assert_eq!(location(&res), "/staff/replies?done=reply_posted");
    let before = reply_json(&server, &id).await;
    let first_due = before["reply"]["due_on"].as_str().unwrap().to_string();

    // Two unhappy raters are not yet three: nothing reopens.
    assert!(rate(&server, &author, "1")
        .await
        .ends_with("rated=counted#rating"));
    assert!(rate(&server, &neighbour, "2")
        .await
        .ends_with("rated=counted#rating"));
    let json = reply_json(&server, &id).await;
    assert!(json["reply"]["rehandle"].is_null(), "{json}");
    assert_eq!(json["reply"]["answer"]["decision"], "partly_adopted");

    // The third says solved, but two of three said not: reopened.
    let back = rate(&server, &third, "5").await;
    assert!(back.ends_with("rated=counted#rating"), "{back}");
    // The rater who tipped it reads that her rating counted and that it is being handled again,
    // not "no reply yet".
    let told = page(&server, &back).await;
    assert!(
        told.contains("已记下您的评分")
            && told.contains("这一项正在重办")
            && told.contains("前再次答复"),
        "{told:.4000}"
    );
    // Every follower is told, by mail, of the new date.
    let told = mail_with(&smtp, &format!("重办：{TITLE}"));
    assert!(
        told["text"]
            .as_str()
            .unwrap()
            .contains("过半数认为问题没有解决"),
        "{told}"
    );
    let json = reply_json(&server, &id).await;
    let again = &json["reply"]["rehandle"];
    assert_eq!(again["first"]["decision"], "partly_adopted", "{json}");
    assert_eq!(again["first"]["body"], FIRST);
    assert_eq!(again["ratings"]["raters"], 3);
    assert!(
        json["reply"]["answer"].is_null(),
        "the second answer is owed"
    );
    let today = json["today"].as_str().map(str::to_string);
    let due = again["due_on"].as_str().unwrap();
    assert!(
        due > json["reply"]["crossed_on"].as_str().unwrap()
            && due > again["reopened_on"].as_str().unwrap(),
        "{json}"
    );
    assert_eq!(
        json["reply"]["due_on"],
        first_due.as_str(),
        "the first date stays"
    );
    assert_eq!(json["standing"]["state"], "waiting", "{json} {today:?}");

    let public = page(&server, &format!("/replies/{id}")).await;
    assert!(
        public.contains("第一次答复") && public.contains(FIRST) && public.contains("重办后的答复"),
        "{public:.6000}"
    );
    assert!(public.contains("还没有答复") && public.contains("居民评分（3 人）"));
    let board = page(&server, "/replies").await;
    assert!(
        board.contains("重办规则") && board.contains("其中 1 项重办"),
        "{board:.8000}"
    );
    // The department sees it owed again, by the new date.
    let desk = get_as(&server, "/staff/replies", &heat).await;
    assert!(desk.contains("起重办"), "{desk:.6000}");

    // The second answer is shown under the first, and may be rated afresh.
    let res = post_answer(&server, &heat, &id, ("adopted", SECOND, "/topics/2027/3")).await;
    assert_eq!(location(&res), "/staff/replies?done=reply_posted");
    let public = page(&server, &format!("/replies/{id}")).await;
    let (first_at, second_at) = (public.find(FIRST).unwrap(), public.find(SECOND).unwrap());
    assert!(first_at < second_at, "first above second");
    assert!(rate(&server, &author, "4")
        .await
        .ends_with("rated=counted#rating"));
    let json = reply_json(&server, &id).await;
    assert_eq!(
        json["ratings"]["raters"], 1,
        "the second answer's own ratings"
    );
    assert_eq!(json["reply"]["rehandle"]["ratings"]["raters"], 3);
    // Once per reply: unhappy ratings of the second answer go no further.
    assert!(rate(&server, &neighbour, "1")
        .await
        .ends_with("rated=counted#rating"));
    assert!(rate(&server, &third, "1")
        .await
        .ends_with("rated=counted#rating"));
    let json = reply_json(&server, &id).await;
    assert_eq!(json["reply"]["answer"]["body"], SECOND);

    let admin = login(&server, ADMIN.0, ADMIN.3).await.unwrap();
    let log = get_as(&server, "/staff/audit", &admin).await;
    assert!(log.contains("reply.rehandle"), "{log:.6000}");
}
