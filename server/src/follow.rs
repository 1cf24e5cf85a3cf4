//! 关注 (Follow) as a service: a resident asks by email, confirms by the signed link in the mail,
//! and stops with one click. The address is never shown, logged or answered back: every request
//! that reaches the queue is answered "sent", whatever the address already follows.

use crate::mail::compose::{self, Item};
use crate::mail::links::{follow_path, LinkKey};
use crate::store::{FollowAsked, Store, StoreError};
use app::i18n::Locale;
use app::model::{parse_address, FollowKind, FollowOutcome};

pub struct FollowService {
    store: Store,
    links: LinkKey,
    public_url: String,
}

/// What a signed link found.
#[derive(Debug, PartialEq, Eq)]
pub enum Linked {
    /// The follow, with its item's page (path) and language.
    Found { page: String, locale: Locale },
    /// A forged link, or a follow already stopped.
    Gone,
}

impl FollowService {
    pub async fn start(store: Store, public_url: String) -> Result<Self, StoreError> {
        let key = store.secret("follow_link_key").await?;
        Ok(FollowService {
            store,
            links: LinkKey::new(key.as_bytes()),
            public_url,
        })
    }

    /// The item's name and page, if it exists (cycles in this slice).
    async fn item(
        &self,
        kind: FollowKind,
        subject: &str,
    ) -> Result<Option<(String, String)>, StoreError> {
        match kind {
            FollowKind::Cycle => Ok(self
                .store
                .cycle_rules(subject, crate::staff::now())
                .await?
                .map(|(cycle, _)| (cycle.title, app::paths::cycle(&cycle.slug)))),
            FollowKind::Candidate | FollowKind::Suggestion | FollowKind::Topic => Ok(None),
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
        let Some((title, path)) = self.item(kind, subject).await? else {
            return Ok(None);
        };
        let Some(address) = parse_address(typed) else {
            return Ok(Some(FollowOutcome::Address));
        };
        if !consent {
            return Ok(Some(FollowOutcome::Consent));
        }
        let base = self.public_url.trim_end_matches('/');
        let url = format!("{base}{path}");
        let item = Item {
            title: &title,
            url: &url,
        };
        let asked = self
            .store
            .ask_to_follow(
                &address,
                locale,
                (kind, subject),
                crate::staff::now(),
                |id| {
                    compose::confirm_follow(
                        &self.public_url,
                        &follow_path(&self.links, id),
                        locale,
                        &item,
                    )
                },
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
        if !self.links.verify(id, signature) {
            return Ok(None);
        }
        let Some(row) = self.store.follow(id).await? else {
            return Ok(Some(Linked::Gone));
        };
        let kind = FollowKind::parse(&row.kind).unwrap_or(FollowKind::Cycle);
        let page = match self.item(kind, &row.subject).await? {
            Some((_, path)) => path,
            None => "/".to_string(),
        };
        let locale = Locale::from_tag(&row.locale).unwrap_or_default();
        Ok(Some(Linked::Found { page, locale }))
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

    /// Whether a signed link is genuine and its follow still there (the stop page's form).
    pub async fn check(&self, id: i64, signature: &str) -> Result<Linked, StoreError> {
        Ok(self.linked(id, signature).await?.unwrap_or(Linked::Gone))
    }
}
