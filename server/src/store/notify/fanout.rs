//! Fanning a recorded [`Notice`] out to its followers (分发): one outbox message per follower
//! confirmed by the notice's time, in chunks, each committed with the mark of how far it got —
//! so a topic with many followers never holds the editor's request that caused the notice, a
//! crash resumes where the last commit left off, and no one is told twice (the write lock
//! serialises two instances). Also the retention rule for addresses that hear nothing.

use super::notice::{Compose, Notice};
use super::outbox::enqueue;
use crate::store::{Store, StoreError, StoreResult};
use app::i18n::Locale;

/// Followers told per transaction, for a notice as for a round's closing.
pub const TELL_CHUNK: i64 = 250;

/// An unconfirmed follow's address is deleted after a week: the confirmation was not wanted.
pub const UNCONFIRMED_KEPT: i64 = 7 * 86_400;
/// A confirmed follow that has heard nothing for a year is deleted with its address: its item
/// has long stopped changing (a topic reports monthly for a year; a round closes in weeks).
pub const QUIET_KEPT: i64 = 365 * 86_400;

#[derive(sqlx::FromRow)]
struct Untold {
    id: i64,
    follow_kind: String,
    subject: String,
    body: String,
    created_at: i64,
    told_through: Option<i64>,
}

impl Store {
    /// Queues the messages of every notice not yet told, oldest first; returns how many.
    pub async fn tell_notices(&self, compose: &dyn Compose, now: i64) -> StoreResult<usize> {
        let mut told = 0;
        loop {
            let mut tx = self.write_tx().await?;
            let untold: Option<Untold> = sqlx::query_as(
                "SELECT id, follow_kind, subject, body, created_at, told_through FROM notices
                 WHERE told_at IS NULL ORDER BY id LIMIT 1",
            )
            .fetch_optional(&mut *tx)
            .await?;
            let Some(untold) = untold else {
                return Ok(told);
            };
            let notice: Notice = serde_json::from_str(&untold.body)
                .map_err(|err| StoreError::Corrupt(format!("notice {}: {err}", untold.id)))?;
            let through = untold.told_through.unwrap_or(0);
            let followers: Vec<(i64, String)> = sqlx::query_as(
                "SELECT id, locale FROM follows
                 WHERE kind = $1 AND subject = $2 AND confirmed_at IS NOT NULL
                   AND confirmed_at <= $3 AND id > $4
                 ORDER BY id LIMIT $5",
            )
            .bind(&untold.follow_kind)
            .bind(&untold.subject)
            .bind(untold.created_at)
            .bind(through)
            .bind(TELL_CHUNK)
            .fetch_all(&mut *tx)
            .await?;
            for (id, locale) in &followers {
                let mail =
                    compose.notice(*id, Locale::from_tag(locale).unwrap_or_default(), &notice);
                enqueue(&mut tx, *id, &mail, now).await?;
            }
            let last = followers.last().map_or(through, |(id, _)| *id);
            if !followers.is_empty() {
                mark_told(
                    &mut tx,
                    (&untold.follow_kind, &untold.subject),
                    (through, last),
                    now,
                )
                .await?;
            }
            let done = followers.len() < usize::try_from(TELL_CHUNK).unwrap_or(usize::MAX);
            sqlx::query("UPDATE notices SET told_through = $1, told_at = $2 WHERE id = $3")
                .bind(last)
                .bind(done.then_some(now))
                .bind(untold.id)
                .execute(&mut *tx)
                .await?;
            self.commit_unseen(tx).await?;
            told += followers.len();
            // Between chunks the write lock and the CPU go to whoever waits (a ballot, a page).
            tokio::task::yield_now().await;
        }
    }

    /// Deletes the follows (and so the addresses) the retention rule lets go: unconfirmed
    /// after [`UNCONFIRMED_KEPT`], confirmed but told nothing for [`QUIET_KEPT`]. Returns how
    /// many follows went. (Notices stay: they hold no address, and are each item's feed.)
    pub async fn forget_lapsed(&self, now: i64) -> StoreResult<u64> {
        let mut tx = self.write_tx().await?;
        let gone = sqlx::query(
            "DELETE FROM follows
             WHERE (confirmed_at IS NULL AND COALESCE(last_told_at, created_at) < $1)
                OR (confirmed_at IS NOT NULL AND COALESCE(last_told_at, confirmed_at) < $2)",
        )
        .bind(now - UNCONFIRMED_KEPT)
        .bind(now - QUIET_KEPT)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        self.commit(tx).await?;
        Ok(gone)
    }
}

/// Stamps the follows of an item from `after` (exclusive) through `last` as told at `now`: the
/// retention clock of each starts again.
pub(in crate::store) async fn mark_told(
    tx: &mut crate::store::Conn,
    (kind, subject): (&str, &str),
    (after, last): (i64, i64),
    now: i64,
) -> StoreResult<()> {
    sqlx::query(
        "UPDATE follows SET last_told_at = $1
         WHERE kind = $2 AND subject = $3 AND confirmed_at IS NOT NULL AND id > $4 AND id <= $5",
    )
    .bind(now)
    .bind(kind)
    .bind(subject)
    .bind(after)
    .bind(last)
    .execute(&mut *tx)
    .await?;
    Ok(())
}
