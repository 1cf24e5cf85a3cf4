//! Follows (关注): an address asks to hear about one item; a confirmation mail is queued in the
//! same transaction; the signed link in it confirms; unsubscribing deletes the address.

use super::outbox::{enqueue, Mail};
use crate::store::{Store, StoreResult};
use app::i18n::Locale;
use app::model::FollowKind;

/// What asking to follow did. The page says the same for every case (no one learns from it
/// whether an address already follows an item).
#[derive(Debug, PartialEq, Eq)]
pub enum FollowAsked {
    /// A confirmation mail is queued for follow `id`.
    Confirm { id: i64 },
    /// Already confirmed, or a confirmation was queued within the last ten minutes: nothing sent.
    Quiet,
}

/// Seconds between two confirmation mails for one follow.
const RESEND_AFTER: i64 = 600;

/// A follow as a mail or a page needs it (never shown with its address outside the mail).
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct FollowRow {
    pub id: i64,
    pub kind: String,
    pub subject: String,
    pub locale: String,
    pub confirmed_at: Option<i64>,
}

impl Store {
    /// Records that `address` asks to follow (`kind`, `subject`) and queues the confirmation
    /// mail `compose` writes for the follow's id — both or neither.
    pub async fn ask_to_follow(
        &self,
        address: &str,
        locale: Locale,
        (kind, subject): (FollowKind, &str),
        now: i64,
        compose: impl FnOnce(i64) -> Mail,
    ) -> StoreResult<FollowAsked> {
        let mut tx = self.write_tx().await?;
        let existing: Option<(i64, Option<i64>)> = sqlx::query_as(
            "SELECT id, confirmed_at FROM follows WHERE address = $1 AND kind = $2 AND subject = $3",
        )
        .bind(address)
        .bind(kind.as_str())
        .bind(subject)
        .fetch_optional(&mut *tx)
        .await?;
        let id = match existing {
            Some((_, Some(_))) => return Ok(FollowAsked::Quiet),
            Some((id, None)) => {
                let recent: i64 = sqlx::query_scalar(
                    "SELECT COUNT(*) FROM outbox WHERE follow_id = $1 AND created_at > $2",
                )
                .bind(id)
                .bind(now - RESEND_AFTER)
                .fetch_one(&mut *tx)
                .await?;
                if recent > 0 {
                    return Ok(FollowAsked::Quiet);
                }
                // Asked again: the week to confirm starts again.
                sqlx::query("UPDATE follows SET last_told_at = $1 WHERE id = $2")
                    .bind(now)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                id
            }
            None => {
                sqlx::query_scalar(
                    "INSERT INTO follows (address, locale, kind, subject, created_at)
                     VALUES ($1, $2, $3, $4, $5) RETURNING id",
                )
                .bind(address)
                .bind(locale.tag())
                .bind(kind.as_str())
                .bind(subject)
                .bind(now)
                .fetch_one(&mut *tx)
                .await?
            }
        };
        enqueue(&mut tx, id, &compose(id), now).await?;
        self.commit(tx).await?;
        Ok(FollowAsked::Confirm { id })
    }

    /// The id of `address`'s follow of an item (tests: the address is never read back otherwise).
    #[cfg(test)]
    pub(crate) async fn follow_id(&self, address: &str, subject: &str) -> StoreResult<Option<i64>> {
        Ok(
            sqlx::query_scalar("SELECT id FROM follows WHERE address = $1 AND subject = $2")
                .bind(address)
                .bind(subject)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    /// The follow `id`, if it still exists.
    pub async fn follow(&self, id: i64) -> StoreResult<Option<FollowRow>> {
        Ok(sqlx::query_as(
            "SELECT id, kind, subject, locale, confirmed_at FROM follows WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Confirms follow `id` (again is harmless); false when it no longer exists.
    pub async fn confirm_follow(&self, id: i64, now: i64) -> StoreResult<bool> {
        let mut tx = self.write_tx().await?;
        let found = sqlx::query(
            "UPDATE follows SET confirmed_at = COALESCE(confirmed_at, $1) WHERE id = $2",
        )
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        self.commit(tx).await?;
        Ok(found > 0)
    }

    /// Every follow of the address follow `id` has, oldest first ("my follows"; the address
    /// itself is not read out).
    pub async fn follows_of_same_address(&self, id: i64) -> StoreResult<Vec<FollowRow>> {
        Ok(sqlx::query_as(
            "SELECT id, kind, subject, locale, confirmed_at FROM follows
             WHERE address = (SELECT address FROM follows WHERE id = $1) ORDER BY id",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Stops every follow of the address follow `id` has: the address is gone from the
    /// portal, with every mail still waiting for it. Returns how many follows.
    pub async fn stop_all_follows(&self, id: i64) -> StoreResult<u64> {
        let mut tx = self.write_tx().await?;
        let address: Option<String> =
            sqlx::query_scalar("SELECT address FROM follows WHERE id = $1")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
        let Some(address) = address else {
            return Ok(0);
        };
        let gone = sqlx::query("DELETE FROM follows WHERE address = $1")
            .bind(&address)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        self.commit(tx).await?;
        Ok(gone)
    }

    /// Stops follow `id`: the row goes, with the address and every mail still waiting for it.
    pub async fn stop_follow(&self, id: i64) -> StoreResult<bool> {
        let mut tx = self.write_tx().await?;
        let found = sqlx::query("DELETE FROM follows WHERE id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        self.commit(tx).await?;
        Ok(found > 0)
    }
}
