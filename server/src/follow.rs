//! 关注 (Follow) as a service: a resident asks by email, confirms by the signed link in the mail,
//! and stops with one click. The address is never shown, logged or answered back: every request
//! that reaches the queue is answered "sent", whatever the address already follows.

use crate::mail::compose::{Item, ResultLine};
use crate::mail::letters::Letters;
use crate::store::{FollowAsked, Store, StoreError};
use app::i18n::Locale;
use app::model::{parse_address, FollowKind, FollowOutcome, SuggestionState};

pub struct FollowService {
    store: Store,
    letters: Letters,
}

/// What a signed link found.
#[derive(Debug, PartialEq, Eq)]
pub enum Linked {
    /// The follow, with its item's page (path) and language.
    Found {
        page: String,
        title: String,
        locale: Locale,
    },
    /// A forged link, or a follow already stopped.
    Gone,
}

/// One line of "my follows": the item, its page, the follow's own signed path (to stop it) and
/// whether it was confirmed.
pub struct Mine {
    pub title: String,
    pub page: String,
    pub path: String,
    pub confirmed: bool,
}

/// A followable item as found from a form's subject: the subject stored with the follow, its
/// name and its page.
struct Followed {
    subject: String,
    title: String,
    path: String,
}

impl FollowService {
    pub fn new(store: Store, letters: Letters) -> Self {
        FollowService { store, letters }
    }

    /// The words every state change writes its notices with.
    pub fn tell(&self) -> std::sync::Arc<dyn crate::store::Compose> {
        std::sync::Arc::new(self.letters.clone())
    }

    /// The item a form or a stored follow names, if it exists and may be followed: a round by
    /// its slug; a suggestion by its receipt code (its author, whatever its state) or, once
    /// published, by its number (stored by number either way; `stored`: read back for a
    /// mail's link, any state).
    async fn item(
        &self,
        kind: FollowKind,
        subject: &str,
        stored: bool,
    ) -> Result<Option<Followed>, StoreError> {
        match kind {
            FollowKind::Cycle => Ok(self
                .store
                .cycle_rules(subject, crate::staff::now())
                .await?
                .map(|(cycle, _)| Followed {
                    subject: cycle.slug.clone(),
                    title: cycle.title,
                    path: app::paths::cycle(&cycle.slug),
                })),
            FollowKind::Suggestion => {
                // By receipt: its author, whatever its state; by number: anyone, once it is
                // published — or a stored follow, which was asked for one of those two ways.
                let found = match (subject.strip_prefix("S-"), subject.parse::<i64>()) {
                    (Some(_), _) => self
                        .store
                        .suggestion_by_receipt(subject)
                        .await?
                        .map(|s| (s, subject.to_string())),
                    (None, Ok(id)) => self.store.suggestion(id).await?,
                    (None, Err(_)) => None,
                };
                Ok(found.and_then(|(s, receipt)| {
                    let by_receipt = subject == receipt;
                    let published = s.state == SuggestionState::Published;
                    if !(by_receipt || published || stored) {
                        return None;
                    }
                    Some(Followed {
                        subject: s.id.to_string(),
                        title: s.title,
                        path: if published && !by_receipt {
                            app::paths::suggestion(s.id)
                        } else {
                            app::paths::receipt(&receipt)
                        },
                    })
                }))
            }
            FollowKind::Candidate | FollowKind::Topic => Ok(None),
        }
    }

    /// Asks to follow; `None` when there is no such item (the form was not ours).
    pub async fn ask(
        &self,
        kind: FollowKind,
        subject: &str,
        typed: &str,
        consent: bool,
        locale: Locale,
    ) -> Result<Option<FollowOutcome>, StoreError> {
        let Some(item) = self.item(kind, subject, false).await? else {
            return Ok(None);
        };
        let Some(address) = parse_address(typed) else {
            return Ok(Some(FollowOutcome::Address));
        };
        if !consent {
            return Ok(Some(FollowOutcome::Consent));
        }
        let url = self.letters.url(&item.path);
        let named = Item {
            title: &item.title,
            url: &url,
        };
        let asked = self
            .store
            .ask_to_follow(
                &address,
                locale,
                (kind, &item.subject),
                crate::staff::now(),
                |id| self.letters.confirm(id, locale, &named),
            )
            .await?;
        if let FollowAsked::Confirm { id } = asked {
            tracing::info!(
                follow = id,
                kind = kind.as_str(),
                "confirmation mail queued"
            );
        }
        Ok(Some(FollowOutcome::Sent))
    }

    async fn linked(&self, id: i64, signature: &str) -> Result<Option<Linked>, StoreError> {
        if !self.letters.verify(id, signature) {
            return Ok(None);
        }
        let Some(row) = self.store.follow(id).await? else {
            return Ok(Some(Linked::Gone));
        };
        let kind = FollowKind::parse(&row.kind).unwrap_or(FollowKind::Cycle);
        let (title, page) = match self.item(kind, &row.subject, true).await? {
            Some(item) => (item.title, item.path),
            None => (row.subject.clone(), "/".to_string()),
        };
        let locale = Locale::from_tag(&row.locale).unwrap_or_default();
        Ok(Some(Linked::Found {
            page,
            title,
            locale,
        }))
    }

    /// Confirms the follow a signed link names.
    pub async fn confirm(&self, id: i64, signature: &str) -> Result<Linked, StoreError> {
        match self.linked(id, signature).await? {
            Some(found @ Linked::Found { .. }) => {
                self.store.confirm_follow(id, crate::staff::now()).await?;
                Ok(found)
            }
            _ => Ok(Linked::Gone),
        }
    }

    /// Stops the follow a signed link names, deleting its address.
    pub async fn stop(&self, id: i64, signature: &str) -> Result<Linked, StoreError> {
        match self.linked(id, signature).await? {
            Some(found @ Linked::Found { .. }) => {
                self.store.stop_follow(id).await?;
                tracing::info!(follow = id, "follow stopped; its address deleted");
                Ok(found)
            }
            _ => Ok(Linked::Gone),
        }
    }

    /// 我的关注: every follow of the address a signed link's follow has — each with its page,
    /// its own signed path and whether it is confirmed — in that follow's language; `None` for
    /// a forged link or a follow already stopped.
    pub async fn mine(
        &self,
        id: i64,
        signature: &str,
    ) -> Result<Option<(Locale, Vec<Mine>)>, StoreError> {
        let Some(Linked::Found { locale, .. }) = self.linked(id, signature).await? else {
            return Ok(None);
        };
        let mut mine = Vec::new();
        for row in self.store.follows_of_same_address(id).await? {
            let kind = FollowKind::parse(&row.kind).unwrap_or(FollowKind::Cycle);
            let (title, page) = match self.item(kind, &row.subject, true).await? {
                Some(item) => (item.title, item.path),
                None => (row.subject.clone(), "/".to_string()),
            };
            mine.push(Mine {
                title,
                page,
                path: self.letters.follow_path(row.id),
                confirmed: row.confirmed_at.is_some(),
            });
        }
        Ok(Some((locale, mine)))
    }

    /// Stops every follow of the address a signed link's follow has, deleting the address.
    pub async fn stop_all(&self, id: i64, signature: &str) -> Result<Option<Locale>, StoreError> {
        let Some(Linked::Found { locale, .. }) = self.linked(id, signature).await? else {
            return Ok(None);
        };
        let gone = self.store.stop_all_follows(id).await?;
        tracing::info!(
            follow = id,
            follows = gone,
            "every follow of an address stopped; the address deleted"
        );
        Ok(Some(locale))
    }

    /// Whether a signed link is genuine and its follow still there (the stop page's form).
    pub async fn check(&self, id: i64, signature: &str) -> Result<Linked, StoreError> {
        Ok(self.linked(id, signature).await?.unwrap_or(Linked::Gone))
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
            let told = self
                .store
                .tell_cycle_closed(&slug, now, |id, locale| {
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

/// Every few seconds, tells the followers of rounds that have closed (on every instance; the
/// store tells each closing once). Runs with or without a mail server: the notices wait in the
/// outbox until one is configured.
pub fn spawn_teller(follows: std::sync::Arc<FollowService>) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(5));
        loop {
            tick.tick().await;
            let now = crate::staff::now();
            if let Err(err) = follows.tell_closed_cycles(now).await {
                tracing::warn!(error = %err, "could not tell followers of closed rounds");
            }
            if let Err(err) = follows.store.prune_sent_mail(now - SENT_KEPT_SECS).await {
                tracing::warn!(error = %err, "could not prune delivered mail");
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::tests::loaded_store;
    use std::str::FromStr;

    /// A confirmed follower hears once that a round closed, with its leading candidates, in
    /// their language; an unconfirmed one hears nothing.
    #[tokio::test]
    async fn followers_of_a_round_are_told_once_when_it_closes() {
        let (_dir, store) = loaded_store().await;
        let letters = Letters::start(&store, "https://dianca.example".into())
            .await
            .expect("key");
        let follows = FollowService::new(store.clone(), letters);
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
            follows.tell_closed_cycles(closes - 1).await.expect("tell"),
            0
        );
        let before = store.outbox_waiting().await.expect("count");
        let told = follows.tell_closed_cycles(closes).await.expect("tell");
        assert_eq!(told, 2, "the two confirmed followers");
        assert_eq!(store.outbox_waiting().await.expect("count"), before + 2);
        assert_eq!(
            follows.tell_closed_cycles(closes + 60).await.expect("tell"),
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
