//! Follows and the outbox in the store: the confirmation mail is queued with the follow, asking
//! again stays quiet, a lease hands a mail to one sender at a time until it is marked, and
//! stopping deletes the address with every mail still waiting for it.

use crate::store::tests::loaded_store;
use crate::store::*;
use app::i18n::Locale;
use app::model::FollowKind;

/// A queued mail as `compose` would write it: a new Message-ID each time.
fn mail(id: i64) -> Mail {
    static SEQ: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = SEQ.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    Mail {
        kind: "confirm_follow",
        subject: format!("confirm {id}"),
        text: "text".into(),
        html: "<p>html</p>".into(),
        unsubscribe: format!("http://x/follow/{id}/sig/stop"),
        message_id: format!("<m{id}-{n}@x>"),
    }
}

#[tokio::test]
async fn a_follow_is_asked_confirmed_leased_and_stopped_with_its_address() {
    let (_dir, store) = loaded_store().await;
    let now = 1_800_000_000;
    let item = (FollowKind::Cycle, "2027-annual");
    let asked = store
        .ask_to_follow("wang@example.cn", Locale::ZhCn, item, now, mail)
        .await
        .expect("ask");
    let FollowAsked::Confirm { id } = asked else {
        panic!("a confirmation is queued: {asked:?}")
    };
    assert_eq!(store.outbox_waiting().await.expect("count"), 1);
    let again = store
        .ask_to_follow("wang@example.cn", Locale::ZhCn, item, now + 60, mail)
        .await
        .expect("ask");
    assert_eq!(
        again,
        FollowAsked::Quiet,
        "no second mail within ten minutes"
    );
    let later = store
        .ask_to_follow("wang@example.cn", Locale::ZhCn, item, now + 700, mail)
        .await
        .expect("ask");
    assert_eq!(
        later,
        FollowAsked::Confirm { id },
        "the same follow, asked again later"
    );

    let leased = store.lease_mail(now + 700, 120, 10).await.expect("lease");
    assert_eq!(leased.len(), 2);
    assert_eq!(leased[0].address, "wang@example.cn");
    assert!(
        store
            .lease_mail(now + 701, 120, 10)
            .await
            .expect("lease")
            .is_empty(),
        "a leased mail is one sender's"
    );
    store
        .mail_sent(leased[0].id, now + 701)
        .await
        .expect("sent");
    store
        .mail_failed(
            leased[1].id,
            leased[1].claimed_until,
            now + 800,
            "421 try later",
        )
        .await
        .expect("failed");
    assert!(store
        .lease_mail(now + 799, 120, 10)
        .await
        .expect("lease")
        .is_empty());
    let retried = store.lease_mail(now + 800, 120, 10).await.expect("lease");
    assert_eq!(retried.len(), 1, "tried again when due");
    assert_eq!(
        retried[0].attempts, 2,
        "the count of tries, this one included"
    );

    assert!(store.confirm_follow(id, now + 900).await.expect("confirm"));
    let confirmed = store.follow(id).await.expect("read").expect("there");
    assert_eq!(confirmed.confirmed_at, Some(now + 900));
    let quiet = store
        .ask_to_follow("wang@example.cn", Locale::ZhCn, item, now + 2000, mail)
        .await
        .expect("ask");
    assert_eq!(
        quiet,
        FollowAsked::Quiet,
        "a confirmed follow gets no new confirmation"
    );

    assert!(store.stop_follow(id).await.expect("stop"));
    assert_eq!(store.follow(id).await.expect("read"), None);
    let addresses: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM follows WHERE address = 'wang@example.cn'")
            .fetch_one(&store.pool)
            .await
            .expect("count");
    assert_eq!(addresses, 0, "the address is deleted");
    assert_eq!(
        store.outbox_waiting().await.expect("count"),
        0,
        "its waiting mail too"
    );
    assert!(
        !store.stop_follow(id).await.expect("stop"),
        "twice is harmless"
    );

    let anew = store
        .ask_to_follow("li@example.cn", Locale::En, item, now + 3000, mail)
        .await
        .expect("ask");
    let FollowAsked::Confirm { id: new_id } = anew else {
        panic!("a new follow: {anew:?}")
    };
    assert_ne!(
        new_id, id,
        "a stopped follow's id (and so its links) is never handed out again"
    );
}

/// The sample closed round's line in its feed.
fn closed() -> Notice {
    Notice::CycleClosed {
        title: "2026 冬季".into(),
        closed_at: "2026-11-30T16:00:00Z".into(),
        path: app::paths::cycle("2026-winter"),
    }
}

/// Writes a notice as its code and words, to read back from the outbox.
struct Plain;

impl Compose for Plain {
    fn notice(&self, follow_id: i64, locale: Locale, notice: &Notice) -> Mail {
        let mut m = mail(follow_id);
        m.kind = notice.code();
        m.subject = format!("{} {} {notice:?}", notice.code(), locale.tag());
        m
    }
}

/// Moderating a suggestion queues one notice per confirmed follower, in the moderation's own
/// transaction: a second decision (refused: it is no longer pending) queues nothing, and an
/// unconfirmed follow hears nothing. The notice names the page: the list once published, the
/// receipt page when not published, the candidate once promoted.
#[tokio::test]
async fn a_suggestion_s_decisions_tell_its_confirmed_followers_once() {
    let (_dir, store) = loaded_store().await;
    let now = jiff::Timestamp::now().as_second();
    let moderator = app::model::StaffMember {
        id: 1,
        username: "mod".into(),
        display_name: "审核员".into(),
        role: app::model::Role::Moderator,
        department: None,
        grants: Vec::new(),
    };
    let mut ids = Vec::new();
    for (title, receipt) in [("路灯坏了", "S-AAAA-BBBB"), ("楼道堆物", "S-CCCC-DDDD")] {
        let suggestion = NewSuggestion {
            title: title.into(),
            description: "小区门口的灯坏了三个月。".into(),
            district: "朝阳区".into(),
            category: "市容环境".into(),
            receipt: receipt.into(),
            voter: format!("v:{receipt}"),
        };
        store.add_suggestion(&suggestion, now).await.expect("add");
        let (s, _) = store
            .suggestion_by_receipt(receipt)
            .await
            .expect("read")
            .map(|s| (s, receipt))
            .expect("stored");
        ids.push(s.id);
        for address in ["a@example.cn", "b@example.cn"] {
            let item = (FollowKind::Suggestion, s.id.to_string());
            store
                .ask_to_follow(address, Locale::ZhCn, (item.0, &item.1), now, mail)
                .await
                .expect("ask");
        }
        let confirmed = store
            .follow_id("a@example.cn", &s.id.to_string())
            .await
            .expect("read")
            .expect("asked");
        store.confirm_follow(confirmed, now).await.expect("confirm");
    }
    let notices = |store: Store| async move {
        store.tell_notices(&Plain, now + 1).await.expect("tell");
        let leased = store.lease_mail(now + 1, 60, 100).await.expect("lease");
        leased
            .into_iter()
            .filter(|m| !m.subject.starts_with("confirm"))
            .map(|m| (m.address, m.subject))
            .collect::<Vec<_>>()
    };

    let told = store
        .moderate_suggestion(&moderator, (ids[0], Decision::Publish), now)
        .await
        .expect("publish");
    assert!(told);
    let again = store
        .moderate_suggestion(
            &moderator,
            (
                ids[0],
                Decision::NotPublished {
                    code: app::model::NotPublishedReason::Duplicate,
                    note: None,
                },
            ),
            now,
        )
        .await
        .expect("second decision");
    assert!(!again, "no longer pending");
    store
        .moderate_suggestion(
            &moderator,
            (
                ids[1],
                Decision::NotPublished {
                    code: app::model::NotPublishedReason::Personal,
                    note: Some("属于个案，请拨打12345"),
                },
            ),
            now,
        )
        .await
        .expect("reject");
    let got = notices(store.clone()).await;
    assert_eq!(got.len(), 2, "one each, confirmed only: {got:?}");
    assert!(got.iter().all(|(address, _)| address == "a@example.cn"));
    assert!(
        got[0].1.starts_with("suggestion_published zh-CN"),
        "{got:?}"
    );
    assert!(
        got[0].1.contains(&format!("/suggest#s-{}", ids[0])),
        "{got:?}"
    );
    assert!(
        got[1].1.starts_with("suggestion_not_published")
            && got[1].1.contains("属于个案")
            && got[1].1.contains("/receipt?code=S-CCCC-DDDD"),
        "{got:?}"
    );

    let promoted = store
        .promote_suggestion(&moderator, (ids[0], "2027-spring"), now)
        .await
        .expect("promote");
    assert!(promoted);
    let twice = store
        .promote_suggestion(&moderator, (ids[0], "2027-spring"), now)
        .await
        .expect("promote again");
    assert!(
        !twice,
        "promoted once: a double submit adds no candidate and no notice"
    );
    let got = notices(store.clone()).await;
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(
        got[0].1.starts_with("suggestion_promoted")
            && got[0].1.contains("/vote/2027-spring/candidates/"),
        "{got:?}"
    );
    let Some(app::model::ReceiptStatus::Suggestion {
        decided_at,
        promoted,
        ..
    }) = store
        .suggestion_timeline("S-AAAA-BBBB")
        .await
        .expect("read")
    else {
        panic!("a suggestion's timeline")
    };
    assert!(decided_at.is_some() && promoted.is_some_and(|p| p.at.is_some()));
}

/// A round's followers are told in chunks, each committed with how far it got: 2,500 followers
/// are told once each; a sweep that died after the first chunk resumes after it; a told round
/// is not told again.
#[tokio::test]
async fn a_round_s_followers_are_told_in_chunks_once_each() {
    let (_dir, store) = loaded_store().await;
    let now = 1_900_000_000;
    for i in 0..2_500 {
        sqlx::query(
            "INSERT INTO follows (address, locale, kind, subject, created_at, confirmed_at)
             VALUES ($1, 'zh-CN', 'cycle', '2026-winter', 0, 0)",
        )
        .bind(format!("f{i}@example.cn"))
        .execute(&store.pool)
        .await
        .expect("follower");
    }
    let first: i64 =
        sqlx::query_scalar("SELECT MIN(id) FROM follows WHERE subject = '2026-winter'")
            .fetch_one(&store.pool)
            .await
            .expect("ids");
    // As if a sweep had committed its first chunk and then died.
    sqlx::query(
        "UPDATE cycles SET closing_told_at = NULL, closing_told_through = $1 WHERE slug = '2026-winter'",
    )
    .bind(first + 999)
    .execute(&store.pool)
    .await
    .expect("reset");
    let before = store.outbox_waiting().await.expect("count");
    let told = store
        .tell_cycle_closed(("2026-winter", &closed()), now, |id, _| mail(id))
        .await
        .expect("tell");
    assert_eq!(told, Some(1_500), "the rest, after the committed chunk");
    assert_eq!(store.outbox_waiting().await.expect("count"), before + 1_500);
    let once: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM (SELECT follow_id FROM outbox GROUP BY follow_id HAVING COUNT(*) > 1) x",
    )
    .fetch_one(&store.pool)
    .await
    .expect("count");
    assert_eq!(once, 0, "no follower twice");
    assert_eq!(
        store
            .tell_cycle_closed(("2026-winter", &closed()), now + 5, |id, _| mail(id))
            .await
            .expect("tell"),
        None,
        "told"
    );
}
