//! What a follower is told (告知): a state change names what happened ([`Notice`]) and the
//! follows of the item it happened to; a [`Compose`] (the mail's words, today the only channel)
//! writes each follower's message, and the rows go into the outbox inside the state change's
//! own transaction. A new channel (SMS, WeChat template messages) is a new `Compose` and sender;
//! the state changes do not change.

use super::outbox::{enqueue, Mail};
use crate::store::{Conn, StoreResult};
use app::i18n::Locale;
use app::model::FollowKind;

/// A state change a follower hears about, with what the message needs to name it.
// Today's notices are all a suggestion's; a topic's plan, lists and reports join them next.
#[allow(clippy::enum_variant_names)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// 建议已公开: a moderator published the suggestion.
    SuggestionPublished { title: String, path: String },
    /// 建议未公开: not published, with the moderator's reason.
    SuggestionNotPublished {
        title: String,
        reason: String,
        path: String,
    },
    /// 已列为候选: the suggestion became a candidate of a voting round.
    SuggestionPromoted {
        title: String,
        cycle: String,
        path: String,
    },
}

impl Notice {
    /// The notice's code, kept with each queued message (`outbox.kind`).
    pub fn code(&self) -> &'static str {
        match self {
            Notice::SuggestionPublished { .. } => "suggestion_published",
            Notice::SuggestionNotPublished { .. } => "suggestion_not_published",
            Notice::SuggestionPromoted { .. } => "suggestion_promoted",
        }
    }
}

/// Writes one follower's message about a notice, in their language. Called inside the state
/// change's transaction, so it must not wait on anything.
pub trait Compose: Send + Sync {
    fn notice(&self, follow_id: i64, locale: Locale, notice: &Notice) -> Mail;
}

/// Queues `notice` for every confirmed follower of (`kind`, `subject`) inside the caller's
/// transaction; returns how many.
pub(in crate::store) async fn tell_followers(
    tx: &mut Conn,
    (kind, subject): (FollowKind, &str),
    notice: &Notice,
    compose: &dyn Compose,
    now: i64,
) -> StoreResult<usize> {
    let followers: Vec<(i64, String)> = sqlx::query_as(
        "SELECT id, locale FROM follows
         WHERE kind = $1 AND subject = $2 AND confirmed_at IS NOT NULL ORDER BY id",
    )
    .bind(kind.as_str())
    .bind(subject)
    .fetch_all(&mut *tx)
    .await?;
    for (id, locale) in &followers {
        let mail = compose.notice(*id, Locale::from_tag(locale).unwrap_or_default(), notice);
        enqueue(tx, *id, &mail, now).await?;
    }
    Ok(followers.len())
}
