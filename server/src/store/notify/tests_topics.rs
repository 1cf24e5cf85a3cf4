//! The notices of topics and candidates, end to end in the store: a state change records its
//! notice in its own transaction, the teller queues one mail per follower confirmed by then,
//! once; and the retention rule lets go of the addresses it no longer keeps.

use crate::store::tests::{editor, loaded_store};
use crate::store::*;
use app::i18n::Locale;
use app::model::{topic_subject, FollowKind};

/// Writes a notice as its code and its fields, to read back from the outbox.
struct Plain;

impl Compose for Plain {
    fn notice(&self, follow_id: i64, locale: Locale, notice: &Notice) -> Mail {
        Mail {
            kind: notice.code(),
            subject: format!("{} {} {notice:?}", notice.code(), locale.tag()),
            text: String::new(),
            html: String::new(),
            unsubscribe: format!("http://x/follow/{follow_id}/sig/stop"),
            message_id: format!("<n{follow_id}-{}@x>", notice.code()),
        }
    }
}

fn confirm_mail(id: i64) -> Mail {
    Mail {
        kind: "confirm_follow",
        subject: format!("confirm {id}"),
        text: String::new(),
        html: String::new(),
        unsubscribe: String::new(),
        message_id: format!("<c{id}@x>"),
    }
}

/// Follows (`kind`, `subject`) from `address`, confirmed at `confirmed` (`None`: unconfirmed).
async fn follow(
    store: &Store,
    address: &str,
    (kind, subject): (FollowKind, &str),
    (asked, confirmed): (i64, Option<i64>),
) -> i64 {
    let asked = store
        .ask_to_follow(address, Locale::ZhCn, (kind, subject), asked, confirm_mail)
        .await
        .expect("ask");
    let FollowAsked::Confirm { id } = asked else {
        panic!("{asked:?}")
    };
    if let Some(at) = confirmed {
        store.confirm_follow(id, at).await.expect("confirm");
    }
    id
}

/// The notices queued and not yet leased, as (address, subject), after the teller ran.
async fn told(store: &Store, now: i64) -> Vec<(String, String)> {
    store.tell_notices(&Plain, now).await.expect("tell");
    store
        .lease_mail(now, 60, 1000)
        .await
        .expect("lease")
        .into_iter()
        .filter(|m| !m.subject.starts_with("confirm"))
        .map(|m| (m.address, m.subject))
        .collect()
}

#[tokio::test]
async fn a_topic_s_report_overdue_task_and_lists_reach_its_confirmed_followers_once() {
    let (_dir, store) = loaded_store().await;
    let now = jiff::Timestamp::now().as_second();
    let (year, month): (i64, i64) = sqlx::query_as(
        "SELECT year, month FROM topics WHERE status = 'published'
         ORDER BY year DESC, month DESC LIMIT 1",
    )
    .fetch_one(&store.pool)
    .await
    .expect("a published topic in the demo data");
    let (year, month) = (year as i32, month as u8);
    let subject = topic_subject(year, month);
    let item = (FollowKind::Topic, subject.as_str());
    follow(&store, "a@example.cn", item, (now - 10, Some(now - 5))).await;
    follow(&store, "b@example.cn", item, (now - 10, None)).await;
    store
        .lease_mail(now, 60, 1000)
        .await
        .expect("the confirmations");

    let report = NewReport {
        topic: (year, month),
        date: "2026-12-01".into(),
        kind: "progress",
        title: "第一次进展".into(),
        author: "编辑部".into(),
        body_markdown: "已完成摸排。".into(),
        author_department: None,
    };
    assert!(store
        .add_report(&editor(), &report, now)
        .await
        .expect("report"));
    // Confirmed after the report: hears the next news, not this one.
    follow(&store, "c@example.cn", item, (now, Some(now + 1))).await;
    let got = told(&store, now + 2).await;
    assert_eq!(got.len(), 1, "the one follower confirmed by then: {got:?}");
    assert_eq!(got[0].0, "a@example.cn");
    assert!(
        got[0].1.starts_with("topic_report zh-CN") && got[0].1.contains("第一次进展"),
        "{got:?}"
    );
    assert!(
        got[0].1.contains(&format!(
            "{}#reports-heading",
            app::paths::topic(year, month)
        )),
        "{got:?}"
    );
    assert!(told(&store, now + 3).await.is_empty(), "told once");

    // A task of the topic not done by its due date.
    let (task, due): (i64, String) = sqlx::query_as(
        "SELECT t.id, t.due_date FROM tasks t JOIN topics p ON p.id = t.topic_id
         WHERE p.year = $1 AND p.month = $2 ORDER BY t.id LIMIT 1",
    )
    .bind(i64::from(year))
    .bind(i64::from(month))
    .fetch_one(&store.pool)
    .await
    .expect("a task");
    sqlx::query("UPDATE tasks SET state = 'in_progress', done_date = NULL WHERE id = $1")
        .bind(task)
        .execute(&store.pool)
        .await
        .expect("not done");
    let day_after = jiff::civil::Date::strptime("%Y-%m-%d", &due)
        .expect("due date")
        .tomorrow()
        .expect("a day")
        .to_string();
    let on_due_day = store
        .tell_overdue_tasks(("2000-01-01", &due), now + 4)
        .await
        .expect("look");
    assert_eq!(on_due_day, 0, "due today is not overdue");
    let recorded = store
        .tell_overdue_tasks(("2000-01-01", &day_after), now + 4)
        .await
        .expect("look");
    assert!(recorded >= 1, "the task went overdue");
    let again = store
        .tell_overdue_tasks(("2000-01-01", &day_after), now + 5)
        .await
        .expect("look");
    assert_eq!(again, 0, "told overdue once");
    let got = told(&store, now + 6).await;
    assert!(
        got.iter()
            .any(|(_, s)| s.starts_with("task_overdue") && s.contains(&due)),
        "{got:?}"
    );
    assert!(
        got.iter()
            .all(|(address, _)| address == "a@example.cn" || address == "c@example.cn"),
        "never the unconfirmed follower: {got:?}"
    );
}

#[tokio::test]
async fn a_candidate_s_followers_hear_it_became_a_topic_and_then_that_the_plan_is_out() {
    let (_dir, store) = loaded_store().await;
    let now = jiff::Timestamp::now().as_second();
    let (_, candidates) = store
        .cycle_rules("2026-winter", now)
        .await
        .expect("read")
        .expect("the closed sample round");
    let candidate = candidates[0];
    let subject = candidate.0.to_string();
    follow(
        &store,
        "a@example.cn",
        (FollowKind::Candidate, &subject),
        (now - 10, Some(now - 5)),
    )
    .await;
    store
        .lease_mail(now, 60, 1000)
        .await
        .expect("the confirmation");

    // A month with no topic yet: the notice links the candidate's page.
    let (year, free): (i64, i64) = sqlx::query_as(
        "SELECT y.year, MIN(m.n) FROM years y
         CROSS JOIN (SELECT 1 AS n UNION SELECT 2 UNION SELECT 3 UNION SELECT 4 UNION SELECT 5
                     UNION SELECT 6 UNION SELECT 7 UNION SELECT 8 UNION SELECT 9 UNION SELECT 10
                     UNION SELECT 11 UNION SELECT 12) m
         WHERE NOT EXISTS (SELECT 1 FROM topics t WHERE t.year = y.year AND t.month = m.n)
         GROUP BY y.year ORDER BY y.year DESC LIMIT 1",
    )
    .fetch_one(&store.pool)
    .await
    .expect("a month without a topic");
    let month = (year as i32, free as u8);
    store
        .set_became(&editor(), candidate, Some(month), now)
        .await
        .expect("became");
    store
        .set_became(&editor(), candidate, Some(month), now)
        .await
        .expect("saved again");
    let got = told(&store, now + 1).await;
    assert_eq!(got.len(), 1, "once, though saved twice: {got:?}");
    assert!(
        got[0].1.starts_with("candidate_became_topic")
            && got[0].1.contains(&format!("year: {year}, month: {free}"))
            && got[0].1.contains(&format!("/candidates/{subject}")),
        "{got:?}"
    );

    // The topic of that month drafted and published: the plan is out.
    let topic: i64 = sqlx::query_scalar(
        "INSERT INTO topics (year, month, theme, summary, is_sample, status)
         VALUES ($1, $2, '测试主题', '摘要', 0, 'draft') RETURNING id",
    )
    .bind(year)
    .bind(free)
    .fetch_one(&store.pool)
    .await
    .expect("a draft topic");
    assert!(store
        .publish_topic(&editor(), topic, now + 2)
        .await
        .expect("publish"));
    let got = told(&store, now + 3).await;
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(
        got[0].1.starts_with("topic_published")
            && got[0].1.contains("测试主题")
            && got[0]
                .1
                .contains(&format!("{}\"", app::paths::topic(year, free))),
        "{got:?}"
    );
}

#[tokio::test]
async fn addresses_are_let_go_a_week_unconfirmed_or_a_year_without_news() {
    let (_dir, store) = loaded_store().await;
    let now = jiff::Timestamp::now().as_second();
    let day = 86_400;
    let item = (FollowKind::Cycle, "2027-annual");
    let stale = follow(&store, "stale@example.cn", item, (now - 8 * day, None)).await;
    let fresh = follow(&store, "fresh@example.cn", item, (now - 6 * day, None)).await;
    let quiet = follow(
        &store,
        "quiet@example.cn",
        item,
        (now - 400 * day, Some(now - 400 * day)),
    )
    .await;
    let told_lately = follow(
        &store,
        "told@example.cn",
        item,
        (now - 400 * day, Some(now - 400 * day)),
    )
    .await;
    sqlx::query("UPDATE follows SET last_told_at = $1 WHERE id = $2")
        .bind(now - 30 * day)
        .bind(told_lately)
        .execute(&store.pool)
        .await
        .expect("told a month ago");
    let gone = store.forget_lapsed(now).await.expect("forget");
    assert_eq!(gone, 2);
    for (id, kept) in [
        (stale, false),
        (fresh, true),
        (quiet, false),
        (told_lately, true),
    ] {
        assert_eq!(
            store.follow(id).await.expect("read").is_some(),
            kept,
            "follow {id}"
        );
    }
}
