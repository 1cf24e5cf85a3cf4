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
        .mail_failed(leased[1].id, now + 800, "421 try later")
        .await
        .expect("failed");
    assert!(store
        .lease_mail(now + 799, 120, 10)
        .await
        .expect("lease")
        .is_empty());
    let retried = store.lease_mail(now + 800, 120, 10).await.expect("lease");
    assert_eq!(retried.len(), 1, "tried again when due");
    assert_eq!(retried[0].attempts, 1, "the count of earlier tries");

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
