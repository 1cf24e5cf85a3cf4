//! Telling followers what changed (告知): each state change queues its notices in one
//! transaction, once. A voting round's closing has no transaction of its own (the clock closes
//! it), so the sweeps after it queue its notices in chunks, each committed with the mark of how
//! far it got, and the last marks the round told.

use super::fanout::mark_told;
use super::notice::{record_told, Notice};
use super::outbox::{enqueue, Mail};
use crate::store::{Store, StoreResult};
use app::i18n::Locale;
use app::model::FollowKind;

pub use super::fanout::TELL_CHUNK;

impl Store {
    /// Rounds that have closed and whose followers were not yet told.
    pub async fn closed_cycles_untold(&self, now: i64) -> StoreResult<Vec<String>> {
        Ok(sqlx::query_scalar(
            "SELECT slug FROM cycles
             WHERE closes_at <= $1 AND awaits_open = 0 AND closing_told_at IS NULL
             ORDER BY closes_at",
        )
        .bind(now)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Queues `compose`'s mail for each confirmed follower of round `slug`, in chunks of
    /// [`TELL_CHUNK`]: each chunk's mails and the mark of how far it got commit together, so a
    /// crash or a second instance resumes where the last commit left off and tells no one
    /// twice; the last chunk marks the round told. `None` if it was already told.
    pub async fn tell_cycle_closed(
        &self,
        (slug, closed): (&str, &Notice),
        now: i64,
        compose: impl Fn(i64, Locale) -> Mail,
    ) -> StoreResult<Option<usize>> {
        let mut told = 0;
        loop {
            let mut tx = self.write_tx().await?;
            let through: Option<(Option<i64>,)> = sqlx::query_as(
                "SELECT closing_told_through FROM cycles
                 WHERE slug = $1 AND closing_told_at IS NULL",
            )
            .bind(slug)
            .fetch_optional(&mut *tx)
            .await?;
            let Some((through,)) = through else {
                return Ok((told > 0).then_some(told));
            };
            let followers: Vec<(i64, String)> = sqlx::query_as(
                "SELECT id, locale FROM follows
                 WHERE kind = 'cycle' AND subject = $1 AND confirmed_at IS NOT NULL AND id > $2
                 ORDER BY id LIMIT $3",
            )
            .bind(slug)
            .bind(through.unwrap_or(0))
            .bind(TELL_CHUNK)
            .fetch_all(&mut *tx)
            .await?;
            for (id, locale) in &followers {
                let mail = compose(*id, Locale::from_tag(locale).unwrap_or_default());
                enqueue(&mut tx, *id, &mail, now).await?;
            }
            let last = followers.last().map(|(id, _)| *id).or(through);
            if let Some(last) = last.filter(|_| !followers.is_empty()) {
                let after = through.unwrap_or(0);
                mark_told(&mut tx, ("cycle", slug), (after, last), now).await?;
            }
            let done = followers.len() < usize::try_from(TELL_CHUNK).unwrap_or(usize::MAX);
            if done {
                record_told(&mut tx, (FollowKind::Cycle, slug), closed, now).await?;
            }
            sqlx::query(
                "UPDATE cycles SET closing_told_through = $1, closing_told_at = $2 WHERE slug = $3",
            )
            .bind(last)
            .bind(done.then_some(now))
            .bind(slug)
            .execute(&mut *tx)
            .await?;
            // What changed is no page's (the closing's feed line is read fresh).
            self.commit_unseen(tx).await?;
            told += followers.len();
            if done {
                return Ok(Some(told));
            }
            // Between chunks the write lock and the CPU go to whoever waits (a ballot, a page).
            tokio::task::yield_now().await;
        }
    }
}
