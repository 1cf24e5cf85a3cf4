//! The teller (告知): every few seconds, on every instance, it queues what followers are to
//! hear — the notices state changes recorded, and the rounds that closed by the clock — and
//! lets go of what the retention rule no longer keeps. It runs with or without a mail server:
//! the messages wait in the outbox until one is configured.

use crate::mail::compose::{Item, ResultLine};
use crate::mail::letters::Letters;
use crate::store::{Store, StoreError};

/// How far back a due date may lie for its task to be told overdue: a task overdue for longer
/// was so before its followers could hear (on the first start, or after a long stop).
const OVERDUE_WINDOW_DAYS: i64 = 14;

/// Queues followers' messages with the mail's words.
#[derive(Clone)]
pub struct Teller {
    store: Store,
    letters: Letters,
}

impl Teller {
    pub fn new(store: Store, letters: Letters) -> Self {
        Teller { store, letters }
    }

    /// Queues the messages of every notice recorded and not yet told. Returns the mails queued.
    pub async fn tell_notices(&self, now: i64) -> Result<usize, StoreError> {
        let told = self.store.tell_notices(&self.letters, now).await?;
        if told > 0 {
            tracing::info!(mails = told, "followers told what changed");
        }
        Ok(told)
    }

    /// Records "task overdue" for the tasks whose due date passed in the last fortnight
    /// (Beijing days) and were not done; the next `tell_notices` queues the mails.
    pub async fn tell_overdue_tasks(&self, now: i64) -> Result<usize, StoreError> {
        let today = jiff::Timestamp::from_second(now)
            .map_err(|err| StoreError::Corrupt(format!("clock: {err}")))?
            .to_zoned(app::i18n::when::beijing())
            .date();
        let since = today.saturating_sub(jiff::Span::new().days(OVERDUE_WINDOW_DAYS));
        let recorded = self
            .store
            .tell_overdue_tasks((&since.to_string(), &today.to_string()), now)
            .await?;
        if recorded > 0 {
            tracing::info!(
                tasks = recorded,
                "tasks gone overdue recorded for their followers"
            );
        }
        Ok(recorded)
    }

    /// Tells the followers of every round that has closed and was not yet told: the leading
    /// candidates (at most five) and the way to the full result. Returns the mails queued.
    pub async fn tell_closed_cycles(&self, now: i64) -> Result<usize, StoreError> {
        let mut queued = 0;
        for slug in self.store.closed_cycles_untold(now).await? {
            let Some(detail) = self.store.cycle_detail(&slug, now).await? else {
                continue;
            };
            let mut results: Vec<ResultLine> = detail
                .candidates
                .iter()
                .map(|c| ResultLine {
                    title: c.title.clone(),
                    approvals: c.tally.map_or(0, |t| t.total()),
                })
                .collect();
            results.sort_by_key(|r| std::cmp::Reverse(r.approvals));
            results.truncate(5);
            let url = self.letters.url(&app::paths::cycle(&slug));
            let item = Item {
                title: &detail.cycle.title,
                url: &url,
            };
            let closed_at = detail.cycle.closes_at.clone();
            let closed = crate::store::Notice::CycleClosed {
                title: detail.cycle.title.clone(),
                closed_at: closed_at.clone(),
                path: app::paths::cycle(&slug),
            };
            let told = self
                .store
                .tell_cycle_closed((&slug, &closed), now, |id, locale| {
                    self.letters
                        .cycle_closed(id, locale, &item, (&closed_at, &results))
                })
                .await?;
            if let Some(n) = told {
                tracing::info!(cycle = %slug, mails = n, "followers told the round closed");
                queued += n;
            }
        }
        Ok(queued)
    }
}

/// How long a delivered mail's words are kept: 30 days.
const SENT_KEPT_SECS: i64 = 30 * 24 * 3600;

/// Every second, the notices recorded; every ten, the tasks gone overdue, the rounds closed, the
/// candidates over their reply threshold and the retention rule (each told once, whichever instance comes first).
pub fn spawn_teller(teller: Teller) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(1));
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        for round in 0u64.. {
            tick.tick().await;
            let now = crate::staff::now();
            if let Err(err) = teller.tell_notices(now).await {
                tracing::warn!(error = %err, "could not tell followers what changed");
            }
            if round % 10 != 0 {
                continue;
            }
            if let Err(err) = teller.tell_overdue_tasks(now).await {
                tracing::warn!(error = %err, "could not look for overdue tasks");
            }
            if let Err(err) = teller.tell_closed_cycles(now).await {
                tracing::warn!(error = %err, "could not tell followers of closed rounds");
            }
            match teller.store.record_reply_crossings(now).await {
                Ok(0) => {}
                Ok(crossed) => tracing::info!(items = crossed, "items over their reply threshold"),
                Err(err) => tracing::warn!(error = %err, "could not look for reply thresholds"),
            }
            let remind = |reply: &app::model::Reply, reminder| {
                teller.letters.reply_reminder(reply, reminder)
            };
            match teller.store.remind_departments(now, remind).await {
                Ok(0) => {}
                Ok(sent) => tracing::info!(reminders = sent, "reply reminders queued"),
                Err(err) => tracing::warn!(error = %err, "could not queue reply reminders"),
            }
            if let Err(err) = teller.store.prune_sent_mail(now - SENT_KEPT_SECS).await {
                tracing::warn!(error = %err, "could not prune delivered mail");
            }
            match teller.store.forget_lapsed(now).await {
                Ok(0) => {}
                Ok(gone) => tracing::info!(
                    follows = gone,
                    "lapsed follows deleted with their addresses"
                ),
                Err(err) => tracing::warn!(error = %err, "could not delete lapsed follows"),
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::tests::loaded_store;
    use app::i18n::Locale;
    use app::model::{FollowKind, FollowOutcome};
    use std::str::FromStr;

    /// A confirmed follower hears once that a round closed, with its leading candidates, in
    /// their language; an unconfirmed one hears nothing.
    #[tokio::test]
    async fn followers_of_a_round_are_told_once_when_it_closes() {
        let (_dir, store) = loaded_store().await;
        let letters = Letters::start(&store, "https://dianca.example".into())
            .await
            .expect("key");
        let follows = crate::follow::FollowService::new(store.clone(), letters.clone());
        let teller = Teller::new(store.clone(), letters);
        let now = crate::staff::now();
        for (address, locale) in [
            ("a@example.cn", Locale::ZhCn),
            ("b@example.org", Locale::En),
        ] {
            let outcome = follows
                .ask(FollowKind::Cycle, "2027-annual", address, true, locale)
                .await
                .expect("ask");
            assert_eq!(outcome, Some(FollowOutcome::Sent));
        }
        follows
            .ask(
                FollowKind::Cycle,
                "2027-annual",
                "c@example.cn",
                true,
                Locale::ZhCn,
            )
            .await
            .expect("ask");
        for address in ["a@example.cn", "b@example.org"] {
            let id = store
                .follow_id(address, "2027-annual")
                .await
                .expect("read")
                .expect("asked");
            store.confirm_follow(id, now).await.expect("confirm");
        }
        let (cycle, _) = store
            .cycle_rules("2027-annual", now)
            .await
            .expect("read")
            .expect("the open sample round");
        let closes = jiff::Timestamp::from_str(&cycle.closes_at)
            .expect("closing time")
            .as_second();
        assert_eq!(
            teller.tell_closed_cycles(closes - 1).await.expect("tell"),
            0
        );
        let before = store.outbox_waiting().await.expect("count");
        let told = teller.tell_closed_cycles(closes).await.expect("tell");
        assert_eq!(told, 2, "the two confirmed followers");
        assert_eq!(store.outbox_waiting().await.expect("count"), before + 2);
        assert_eq!(
            teller.tell_closed_cycles(closes + 60).await.expect("tell"),
            0,
            "once"
        );

        let mails = store.lease_mail(closes + 60, 60, 100).await.expect("lease");
        let closed: Vec<_> = mails
            .iter()
            .filter(|m| m.subject.contains(&cycle.title) && !m.body_text.contains("/confirm"))
            .collect();
        let zh = closed
            .iter()
            .find(|m| m.address == "a@example.cn")
            .expect("zh mail");
        assert!(zh.subject.starts_with("投票已结束"), "{}", zh.subject);
        assert!(
            zh.body_text.contains("得票最多的是") && zh.body_text.contains("1. "),
            "{}",
            zh.body_text
        );
        assert!(zh
            .body_text
            .contains("https://dianca.example/vote/2027-annual"));
        let en = closed
            .iter()
            .find(|m| m.address == "b@example.org")
            .expect("en mail");
        assert!(en.subject.starts_with("Voting has ended"), "{}", en.subject);
        assert!(
            !closed.iter().any(|m| m.address == "c@example.cn"),
            "unconfirmed: no notice"
        );
    }
}
