//! 答复评价 on the reply's own page: the device that supported the item rates it there, once,
//! with or without the page's proof of work; the suggestion's author rates with her receipt on
//! any device (and her own device then counts as the same rater); anyone else is told who may;
//! beyond the daily allowance per network a rating is held, not counted and not dropped.

use super::*;

const TITLE: &str = "公园厕所晚上不开门";
const ANSWER: &str = "已要求公园管理处将厕所开放时间延长到晚上十点，下周起执行。";

/// A round promising a reply, a suggestion supported over its line by one other device, and
/// the department's answer. Returns the author's suggestion, the supporter's cookie and the
/// reply's id.
async fn answered(server: &TestServer, slug: &str) -> (Suggested, String, String) {
    let (author, supporter, id, _) = answered_followed(server, slug, None).await;
    (author, supporter, id)
}

/// [`answered`], the author leaving `address` (mailed through `smtp`) to follow her suggestion;
/// also returns her follow's signed path when she does.
async fn answered_followed(
    server: &TestServer,
    slug: &str,
    follow: Option<(&crate::support::smtp::TestSmtp, &str)>,
) -> (Suggested, String, String, Option<String>) {
    let editor = login(server, EDITOR.0, EDITOR.3).await.unwrap();
    let moderator = login(server, MODERATOR.0, MODERATOR.3).await.unwrap();
    round_with_rule(server, &editor, slug, ("2", "", "10")).await;
    let address = follow.map_or("", |(_, address)| address);
    let author = published_suggestion_from(server, &moderator, TITLE, address).await;
    let follow = match follow {
        Some((smtp, _)) => Some(confirmed(server, &smtp.wait_for(1)[0]).await),
        None => None,
    };
    let supporter = me_too(server, &author.id).await;
    let heat = login(server, HEAT.0, HEAT.3).await.unwrap();
    let id = reply_id(&get_as(server, "/staff/replies", &heat).await, TITLE);
    let res = post_answer(server, &heat, &id, ("partly_adopted", ANSWER, "")).await;
    assert_eq!(location(&res), "/staff/replies?done=reply_posted");
    (author, supporter, id, follow)
}

/// Posts scores from a follower's mail link as the browser holding `cookie`; returns where
/// it is sent.
async fn rate_by_mail(
    server: &TestServer,
    follow: &str,
    cookie: &str,
    form: &[(&str, &str)],
) -> String {
    let res = client()
        .post(server.url(&format!("{follow}/rate")))
        .header(header::COOKIE, cookie)
        .form(form)
        .send()
        .await
        .unwrap();
    location(&res)
}

/// The reply's page as the browser holding `cookie` (if any) reads it.
async fn page_as(server: &TestServer, path: &str, cookie: Option<&str>) -> String {
    let mut req = client()
        .get(server.url(path))
        .header(header::ACCEPT_LANGUAGE, "zh-CN");
    if let Some(cookie) = cookie {
        req = req.header(header::COOKIE, cookie);
    }
    req.send().await.unwrap().text().await.unwrap()
}

/// Posts scores to the reply's page as the browser holding `cookie`; returns where it is sent.
async fn rate_as(
    server: &TestServer,
    id: &str,
    cookie: Option<&str>,
    form: &[(&str, &str)],
) -> String {
    let mut req = client()
        .post(server.url(&format!("/replies/{id}/rate")))
        .form(form);
    if let Some(cookie) = cookie {
        req = req.header(header::COOKIE, cookie);
    }
    location(&req.send().await.unwrap())
}

fn scores(solved: &'static str) -> Vec<(&'static str, &'static str)> {
    vec![("solved", solved), ("attitude", "4"), ("speed", "3")]
}

/// The id of the suggestion reply `id` answers.
async fn id_of_item(server: &TestServer, id: &str) -> String {
    let json: serde_json::Value =
        serde_json::from_str(&page(server, &format!("/api/v1/replies/{id}")).await).unwrap();
    json["reply"]["item_id"].to_string()
}

/// A moderator finds reply `id`'s one held rating in the queue, by its item's title, and counts
/// it or not (`decision`: accept or reject); returns her session.
async fn review_held(server: &TestServer, id: &str, decision: &str) -> String {
    let moderator = login(server, MODERATOR.0, MODERATOR.3).await.unwrap();
    let queue = get_as(server, "/staff/moderation", &moderator).await;
    let at = queue
        .find(&format!("data-held-rating=\"{TITLE}\""))
        .unwrap_or_else(|| panic!("held ratings in the queue: {queue:.8000}"));
    assert!(queue[at..].contains("1 个评分"));
    let marker = "name=\"network\" value=\"";
    let start = at + queue[at..].find(marker).expect("network") + marker.len();
    let network: String = queue[start..].chars().take_while(|c| *c != '"').collect();
    let url = action_on(server, "/staff/moderation", &moderator, "review_ratings").await;
    support::staff::moderate(
        &url,
        &moderator,
        "review_ratings",
        &[
            ("reply_id", id),
            ("network", network.as_str()),
            ("decision", decision),
        ],
    )
    .await;
    moderator
}

async fn raters(server: &TestServer, id: &str) -> serde_json::Value {
    let json: serde_json::Value =
        serde_json::from_str(&page(server, &format!("/api/v1/replies/{id}")).await).unwrap();
    json["ratings"]["raters"].clone()
}

#[tokio::test]
async fn the_device_that_supported_the_item_rates_its_reply_on_the_page_once() {
    let server = TestServer::start_with_staff(&[EDITOR, MODERATOR, HEAT]);
    let (_, supporter, id) = answered(&server, "rate-here").await;
    let path = format!("/replies/{id}");

    // A reader whose device did not support it is told who may rate, and has no form.
    let stranger = page_as(&server, &path, None).await;
    assert!(stranger.contains("谁可以打分"), "{stranger:.4000}");
    assert!(!stranger.contains(&format!("action=\"/replies/{id}/rate\"")));
    assert_eq!(
        rate_as(&server, &id, None, &scores("4")).await,
        format!("{path}?rated=not_yours#rate")
    );

    // A new browser saying "me too" after the answer does not become one who may judge it
    // (times are kept to the second: a second later).
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let latecomer = me_too(&server, &id_of_item(&server, &id).await).await;
    assert!(page_as(&server, &path, Some(&latecomer))
        .await
        .contains("谁可以打分"));
    assert_eq!(
        rate_as(&server, &id, Some(&latecomer), &scores("1")).await,
        format!("{path}?rated=not_yours#rate")
    );

    // The supporter's device sees the form, with the proof-of-work challenge for its script.
    let mine = page_as(&server, &path, Some(&supporter)).await;
    assert!(
        mine.contains(&format!("action=\"/replies/{id}/rate\""))
            && mine.contains("您支持过这一项")
            && mine.contains("data-challenge=\"{"),
        "{mine:.6000}"
    );

    // A wrong proof of work is refused in words and counts nothing.
    let mut form = scores("4");
    form.push(("proof", "bm90IGEgcHJvb2Y="));
    let back = rate_as(&server, &id, Some(&supporter), &form).await;
    assert_eq!(back, format!("{path}?rated=bad_proof#rate"));
    assert!(page_as(&server, &back, Some(&supporter))
        .await
        .contains("页面已过期"));
    assert_eq!(raters(&server, &id).await, 0);

    // Solved: counted, shown back to her, and in the spread everyone reads.
    let proof = support::proof::solved(&server, "2027-annual").await;
    let mut form = scores("4");
    form.push(("proof", proof.as_str()));
    let back = rate_as(&server, &id, Some(&supporter), &form).await;
    assert_eq!(back, format!("{path}?rated=counted#rate"));
    let told = page_as(&server, &back, Some(&supporter)).await;
    assert!(
        told.contains("已记下您的评分") && told.contains("您的评分：") && told.contains("基本解决"),
        "{told:.6000}"
    );
    assert_eq!(raters(&server, &id).await, 1);

    // Again from the same device, even without a proof: refused as already rated.
    let back = rate_as(&server, &id, Some(&supporter), &scores("1")).await;
    assert_eq!(back, format!("{path}?rated=already#rate"));
    assert!(page_as(&server, &back, Some(&supporter))
        .await
        .contains("您已经给这条答复打过分了"));
    assert_eq!(raters(&server, &id).await, 1);
}

#[tokio::test]
async fn the_author_rates_with_her_receipt_on_any_device_and_once_with_her_own() {
    let server = TestServer::start_with_staff(&[EDITOR, MODERATOR, HEAT]);
    let (author, _, id) = answered(&server, "rate-receipt").await;

    // Her receipt page leads her to the reply, with her code in the link.
    let receipt = page_as(&server, &format!("/receipt?code={}", author.receipt), None).await;
    let link = format!("/replies/{id}?receipt={}#rate", author.receipt);
    assert!(
        receipt.contains("部门已答复") && receipt.contains(&link.replace('&', "&amp;")),
        "{receipt:.6000}"
    );

    // On a new phone (no cookie), the code is enough.
    let with_code = page_as(&server, &link, None).await;
    assert!(
        with_code.contains(&format!("name=\"receipt\" value=\"{}\"", author.receipt)),
        "{with_code:.6000}"
    );
    let mut form = scores("2");
    form.push(("receipt", author.receipt.as_str()));
    let back = rate_as(&server, &id, None, &form).await;
    assert_eq!(
        back,
        format!(
            "/replies/{id}?rated=counted&receipt={}#rate",
            author.receipt
        )
    );
    assert_eq!(raters(&server, &id).await, 1);

    // The device she wrote on is the same rater: already rated.
    let again = rate_as(&server, &id, Some(&author.device), &scores("5")).await;
    assert_eq!(again, format!("/replies/{id}?rated=already#rate"));
    assert!(
        page_as(&server, &format!("/replies/{id}"), Some(&author.device))
            .await
            .contains("您的评分：")
    );

    // Someone else's receipt-looking code is not hers.
    let mut form = scores("2");
    form.push(("receipt", "S-AAAA-BBBB-CC"));
    let back = rate_as(&server, &id, None, &form).await;
    assert!(back.contains("rated=not_yours"), "{back}");
    assert_eq!(raters(&server, &id).await, 1);
}

#[tokio::test]
async fn beyond_the_daily_allowance_per_network_a_rating_is_held_not_counted() {
    let server = TestServer::start_full(&[EDITOR, MODERATOR, HEAT], &["--per-network-day", "1"]);
    let (author, supporter, id) = answered(&server, "rate-held").await;
    // The author's rating is the network's one for today.
    let first = rate_as(&server, &id, Some(&author.device), &scores("4")).await;
    assert!(first.contains("rated=counted"), "{first}");
    // The supporter, from the same network: taken, held for a moderator, not counted.
    let second = rate_as(&server, &id, Some(&supporter), &scores("1")).await;
    assert!(second.contains("rated=held"), "{second}");
    let told = page_as(&server, &second, Some(&supporter)).await;
    assert!(
        told.contains("先由管理员核对") && told.contains("您的评分正在等管理员核对"),
        "{told:.6000}"
    );
    assert_eq!(raters(&server, &id).await, 1);
    // Sending again says the same, and writes nothing more.
    let again = rate_as(&server, &id, Some(&supporter), &scores("1")).await;
    assert!(again.contains("rated=held"), "{again}");
    assert_eq!(raters(&server, &id).await, 1);

    // The moderator sees the held group by reply and network, and counts it (audited).
    let moderator = review_held(&server, &id, "accept").await;
    assert_eq!(raters(&server, &id).await, 2, "counted once reviewed");
    let told = page_as(&server, &format!("/replies/{id}"), Some(&supporter)).await;
    assert!(
        told.contains("您的评分：") && !told.contains("您的评分正在等管理员核对"),
        "{told:.6000}"
    );
    let queue = get_as(&server, "/staff/moderation", &moderator).await;
    assert!(
        !queue.contains("data-held-rating="),
        "decided, gone from the queue"
    );
}

#[tokio::test]
async fn one_phone_is_one_rater_by_the_mail_link_and_on_the_page() {
    let smtp = crate::support::smtp::TestSmtp::start();
    let server = TestServer::start_full(&[EDITOR, MODERATOR, HEAT], &["--smtp-url", &smtp.url]);
    let (author, _, id, follow) =
        answered_followed(&server, "rate-one-phone", Some((&smtp, "qian@example.cn"))).await;
    let follow = follow.unwrap();

    // She rates from her mail's link, on the phone she wrote the suggestion on.
    let back = rate_by_mail(&server, &follow, &author.device, &scores("3")).await;
    assert!(back.ends_with("rated=counted#rating"), "{back}");

    // The reply's page on that phone knows she has rated, and takes no second rating.
    let path = format!("/replies/{id}");
    let mine = page_as(&server, &path, Some(&author.device)).await;
    assert!(
        mine.contains("您的评分：") && !mine.contains(&format!("action=\"{path}/rate\"")),
        "{mine:.6000}"
    );
    let again = rate_as(&server, &id, Some(&author.device), &scores("1")).await;
    assert_eq!(again, format!("{path}?rated=already#rate"));
    assert_eq!(raters(&server, &id).await, 1);
}

#[tokio::test]
async fn a_phone_that_rated_by_the_mail_link_cannot_rate_again_with_a_receipt() {
    let smtp = crate::support::smtp::TestSmtp::start();
    let server = TestServer::start_full(&[EDITOR, MODERATOR, HEAT], &["--smtp-url", &smtp.url]);
    // The supporter is her grandson's phone, which also said "me too".
    let (author, borrowed, id, follow) =
        answered_followed(&server, "rate-borrowed", Some((&smtp, "zhou@example.cn"))).await;
    let follow = follow.unwrap();

    // She rates from her mail's link on the borrowed phone...
    let back = rate_by_mail(&server, &follow, &borrowed, &scores("2")).await;
    assert!(back.ends_with("rated=counted#rating"), "{back}");
    // ...then with her receipt on the same phone, and the phone's own backing: one rater.
    let mut form = scores("5");
    form.push(("receipt", author.receipt.as_str()));
    let again = rate_as(&server, &id, Some(&borrowed), &form).await;
    assert!(again.contains("rated=already"), "{again}");
    let own = rate_as(&server, &id, Some(&borrowed), &scores("5")).await;
    assert!(own.contains("rated=already"), "{own}");
    assert_eq!(raters(&server, &id).await, 1);
}

#[tokio::test]
async fn a_held_rating_a_moderator_rejects_says_so_and_never_counts() {
    let server = TestServer::start_full(&[EDITOR, MODERATOR, HEAT], &["--per-network-day", "1"]);
    let (author, supporter, id) = answered(&server, "rate-rejected").await;
    let first = rate_as(&server, &id, Some(&author.device), &scores("4")).await;
    assert!(first.contains("rated=counted"), "{first}");
    let second = rate_as(&server, &id, Some(&supporter), &scores("1")).await;
    assert!(second.contains("rated=held"), "{second}");

    review_held(&server, &id, "reject").await;
    assert_eq!(raters(&server, &id).await, 1, "never counted");
    let told = page_as(&server, &format!("/replies/{id}"), Some(&supporter)).await;
    assert!(
        told.contains("这个评分没有计入") && !told.contains("您的评分正在等管理员核对"),
        "{told:.6000}"
    );
    let again = rate_as(&server, &id, Some(&supporter), &scores("1")).await;
    assert!(again.contains("rated=already"), "{again}");
}
