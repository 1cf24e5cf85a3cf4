//! 关注 (Follow) as a service: a resident asks by email, confirms by the signed link in the mail,
//! and stops with one click. The address is never shown, logged or answered back: every request
//! that reaches the queue is answered "sent", whatever the address already follows.

use crate::mail::compose::Item;
use crate::mail::letters::Letters;
use crate::store::{FollowAsked, Store, StoreError};
use app::i18n::Locale;
use app::model::{parse_address, FollowKind, FollowOutcome};
use items::Followed;

mod comments;
pub use comments::CommentDesk;
mod items;
mod ratings;
pub mod teller;

pub struct FollowService {
    store: Store,
    letters: Letters,
}

/// One item's news for its Atom feed: its name and page, and its notices newest first.
pub struct ItemFeed {
    pub title: String,
    pub page: String,
    pub entries: Vec<(i64, i64, crate::store::Notice)>,
    /// When the feed began to have news (the feed's date while it has none).
    pub since: i64,
}

/// Entries in an item's feed.
const FEED_LENGTH: i64 = 50;

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

impl FollowService {
    pub fn new(store: Store, letters: Letters) -> Self {
        FollowService { store, letters }
    }

    /// The page of the item a form names, to send the form back to; `None`: no such item.
    pub async fn page(
        &self,
        kind: FollowKind,
        subject: &str,
    ) -> Result<Option<String>, StoreError> {
        Ok(self.item(kind, subject, false).await?.map(|item| item.path))
    }

    /// The feed of the item a feed address names, found as its follow form finds it.
    pub async fn feed(
        &self,
        kind: FollowKind,
        subject: &str,
    ) -> Result<Option<ItemFeed>, StoreError> {
        let Some(item) = self.item(kind, subject, false).await? else {
            return Ok(None);
        };
        let entries = self
            .store
            .item_notices((kind, &item.subject), FEED_LENGTH)
            .await?;
        Ok(Some(ItemFeed {
            since: entries.last().map_or(0, |(_, at, _)| *at),
            title: item.title,
            page: item.path,
            entries,
        }))
    }

    async fn item(
        &self,
        kind: FollowKind,
        subject: &str,
        stored: bool,
    ) -> Result<Option<Followed>, StoreError> {
        items::find(&self.store, kind, subject, stored).await
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
}
