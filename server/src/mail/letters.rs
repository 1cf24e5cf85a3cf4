//! Letters: the portal's mails with each follow's signed links filled in. One value, made at
//! start from the key in the database, handed to whatever changes state (staff actions, the
//! round-closing sweep) so they can queue their notices inside their own transactions.

use super::compose::{self, Item, ResultLine};
use super::links::{follow_path, LinkKey};
use crate::store::{Compose, Mail, Notice, Store, StoreError};
use app::i18n::Locale;

#[derive(Clone)]
pub struct Letters {
    public_url: String,
    links: LinkKey,
}

impl Letters {
    /// Reads (or makes, on the first start) the key links are signed with.
    pub async fn start(store: &Store, public_url: String) -> Result<Letters, StoreError> {
        let key = store.secret("follow_link_key").await?;
        Ok(Letters {
            public_url,
            links: LinkKey::new(key.as_bytes()),
        })
    }

    /// The absolute address of a path on this site.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.public_url.trim_end_matches('/'))
    }

    /// Follow `id`'s own signed path (`/follow/{id}/{signature}`).
    pub fn follow_path(&self, id: i64) -> String {
        follow_path(&self.links, id)
    }

    /// Whether `signature` is follow `id`'s.
    pub fn verify(&self, id: i64, signature: &str) -> bool {
        self.links.verify(id, signature)
    }

    /// The double opt-in mail for follow `id`.
    pub fn confirm(&self, id: i64, locale: Locale, item: &Item<'_>) -> Mail {
        compose::confirm_follow(
            &self.public_url,
            &follow_path(&self.links, id),
            locale,
            item,
        )
    }

    /// 投票已结束, for follow `id`.
    pub fn cycle_closed(
        &self,
        id: i64,
        locale: Locale,
        item: &Item<'_>,
        result: (&str, &[ResultLine]),
    ) -> Mail {
        compose::cycle_closed(
            &self.public_url,
            &follow_path(&self.links, id),
            locale,
            item,
            result,
        )
    }
}

impl Letters {
    /// 答复提醒 to a department's mailbox.
    pub fn reply_reminder(
        &self,
        reply: &app::model::Reply,
        reminder: crate::store::Reminder,
    ) -> Mail {
        compose::reply_reminder(&self.public_url, reply, reminder)
    }
}

impl Compose for Letters {
    fn notice(&self, follow_id: i64, locale: Locale, notice: &Notice) -> Mail {
        compose::notice(
            &self.public_url,
            &follow_path(&self.links, follow_id),
            locale,
            notice,
        )
    }
}
