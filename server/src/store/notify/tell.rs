//! Telling followers what changed (告知): each state change queues its notices in one
//! transaction, once. A voting round's closing has no transaction of its own (the clock closes
//! it), so the first sweep after it marks the round told and queues the notices together.

use super::outbox::{enqueue, Mail};
use crate::store::{Store, StoreResult};
use app::i18n::Locale;

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

    /// Marks round `slug` told and queues `compose`'s mail for each confirmed follower, in one
    /// transaction; 0 mails and nothing marked if another sweep told it first.
    pub async fn tell_cycle_closed(
        &self,
        slug: &str,
        now: i64,
        compose: impl Fn(i64, Locale) -> Mail,
    ) -> StoreResult<Option<usize>> {
        let mut tx = self.write_tx().await?;
        let marked = sqlx::query(
            "UPDATE cycles SET closing_told_at = $1 WHERE slug = $2 AND closing_told_at IS NULL",
        )
        .bind(now)
        .bind(slug)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if marked == 0 {
            return Ok(None);
        }
        let followers: Vec<(i64, String)> = sqlx::query_as(
            "SELECT id, locale FROM follows
             WHERE kind = 'cycle' AND subject = $1 AND confirmed_at IS NOT NULL ORDER BY id",
        )
        .bind(slug)
        .fetch_all(&mut *tx)
        .await?;
        for (id, locale) in &followers {
            let mail = compose(*id, Locale::from_tag(locale).unwrap_or_default());
            enqueue(&mut tx, *id, &mail, now).await?;
        }
        self.commit(tx).await?;
        Ok(Some(followers.len()))
    }
}
