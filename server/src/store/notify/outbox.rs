//! The outbox (待发通知): notifications written in the transaction of what caused them, and
//! delivered by a sender that leases rows, so a row is in one sender's hands at a time (across
//! instances too) and stays until delivered.

use crate::store::{iso, Conn, Store, StoreResult};

/// A mail as queued: its words already in the follower's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mail {
    /// What the mail is about (`confirm_follow`, …), for the staff's view and the tests.
    pub kind: &'static str,
    pub subject: String,
    pub text: String,
    pub html: String,
    /// The one-click unsubscribe address (RFC 8058), also linked in the mail's words.
    pub unsubscribe: String,
    /// Stable across retries: `<…@host>`.
    pub message_id: String,
}

/// A queued mail handed to a sender, with the address it goes to.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Leased {
    pub id: i64,
    pub address: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    pub unsubscribe: String,
    pub message_id: String,
    /// Tries so far, this one included.
    pub attempts: i64,
    /// Until when this sender holds it.
    pub claimed_until: i64,
}

/// Queues `mail` to a staff mailbox (a department's reminders) inside the caller's
/// transaction: no follow, so no follower's link in it.
pub(in crate::store) async fn enqueue_to(
    tx: &mut Conn,
    address: &str,
    mail: &Mail,
    now: i64,
) -> StoreResult<()> {
    insert(tx, (None, Some(address)), mail, now).await
}

/// Queues `mail` for follow `follow_id` inside the caller's transaction.
pub(in crate::store) async fn enqueue(
    tx: &mut Conn,
    follow_id: i64,
    mail: &Mail,
    now: i64,
) -> StoreResult<()> {
    insert(tx, (Some(follow_id), None), mail, now).await
}

/// One outbox row, to a follow or to an address (exactly one: the table checks).
async fn insert(
    tx: &mut Conn,
    (follow_id, address): (Option<i64>, Option<&str>),
    mail: &Mail,
    now: i64,
) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO outbox (channel, follow_id, address, kind, subject, body_text, body_html,
                             unsubscribe, message_id, created_at, next_attempt_at)
         VALUES ('mail', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(follow_id)
    .bind(address)
    .bind(mail.kind)
    .bind(&mail.subject)
    .bind(&mail.text)
    .bind(&mail.html)
    .bind(&mail.unsubscribe)
    .bind(&mail.message_id)
    .bind(now)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

impl Store {
    /// Leases up to `limit` mails that are due and in no sender's hands, for `lease` seconds,
    /// the longest due first. In `next_attempt_at` order the `outbox_waiting` index hands the
    /// rows over as they are and the walk stops after a batch (ordered by id, every waiting row
    /// was sorted for each batch: 100,000 after a big round, and the readers felt it).
    ///
    /// One statement, outside the write lock (delivery marks change no page, and a sender
    /// should not queue behind ballots): on SQLite a statement is atomic; on PostgreSQL a row
    /// another instance leased meanwhile fails the outer condition when it is re-checked under
    /// its row lock, so each row goes to one sender.
    pub async fn lease_mail(&self, now: i64, lease: i64, limit: i64) -> StoreResult<Vec<Leased>> {
        let ids: Vec<i64> = sqlx::query_scalar(
            "UPDATE outbox SET claimed_until = $1, attempts = attempts + 1
             WHERE id IN (SELECT id FROM outbox
                          WHERE channel = 'mail' AND sent_at IS NULL AND next_attempt_at <= $2
                            AND (claimed_until IS NULL OR claimed_until <= $3)
                          ORDER BY next_attempt_at LIMIT $4)
               AND sent_at IS NULL AND (claimed_until IS NULL OR claimed_until <= $5)
             RETURNING id",
        )
        .bind(now + lease)
        .bind(now)
        .bind(now)
        .bind(limit)
        .bind(now)
        .fetch_all(&self.pool)
        .await?;
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        // Numbers from the database, not input: written into the list as they are.
        let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        let mut rows: Vec<Leased> = sqlx::query_as(&format!(
            "SELECT o.id, COALESCE(o.address, f.address) AS address, o.subject, o.body_text,
                    o.body_html, o.unsubscribe, o.message_id, o.attempts, o.claimed_until
             FROM outbox o LEFT JOIN follows f ON f.id = o.follow_id
             WHERE o.id IN ({list})"
        ))
        .fetch_all(&self.pool)
        .await?;
        rows.sort_by_key(|r| r.id);
        Ok(rows)
    }

    /// Marks a leased mail delivered.
    pub async fn mail_sent(&self, id: i64, now: i64) -> StoreResult<()> {
        sqlx::query(
            "UPDATE outbox SET sent_at = $1, claimed_until = NULL, last_error = NULL WHERE id = $2",
        )
        .bind(now)
        .bind(id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Returns a leased mail to the queue, to be tried again at `retry_at` — if this sender
    /// still holds it (`claimed_until` as leased): a late failure never frees a mail another
    /// instance has leased since.
    pub async fn mail_failed(
        &self,
        id: i64,
        claimed_until: i64,
        retry_at: i64,
        error: &str,
    ) -> StoreResult<()> {
        sqlx::query(
            "UPDATE outbox SET claimed_until = NULL, next_attempt_at = $1, last_error = $2
             WHERE id = $3 AND claimed_until = $4 AND sent_at IS NULL",
        )
        .bind(retry_at)
        .bind(error)
        .bind(id)
        .bind(claimed_until)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Deletes delivered mails sent before `before` (their words are kept a while for the
    /// staff's view of what went out, not for ever). Returns how many.
    pub async fn prune_sent_mail(&self, before: i64) -> StoreResult<u64> {
        Ok(
            sqlx::query("DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at < $1")
                .bind(before)
                .execute(&self.pool)
                .await?
                .rows_affected(),
        )
    }

    /// What the outbox holds, for the moderation page (no address is read).
    pub async fn outbox_summary(&self, now: i64) -> StoreResult<app::model::OutboxSummary> {
        let (waiting, retrying, oldest): (i64, i64, Option<i64>) = sqlx::query_as(
            "SELECT COUNT(*), COALESCE(SUM(CASE WHEN attempts > 0 THEN 1 ELSE 0 END), 0),
                    MIN(created_at)
             FROM outbox WHERE sent_at IS NULL",
        )
        .fetch_one(&self.pool)
        .await?;
        let sent: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE sent_at >= $1")
            .bind(now - 24 * 3600)
            .fetch_one(&self.pool)
            .await?;
        let errors: Vec<(String, String, i64)> = sqlx::query_as(
            "SELECT kind, last_error, created_at FROM outbox
             WHERE sent_at IS NULL AND last_error IS NOT NULL ORDER BY id DESC LIMIT 10",
        )
        .fetch_all(&self.pool)
        .await?;
        let count = |n: i64| u32::try_from(n).unwrap_or(u32::MAX);
        Ok(app::model::OutboxSummary {
            waiting: count(waiting),
            retrying: count(retrying),
            oldest_waiting: oldest.map(iso),
            sent_last_day: count(sent),
            recent_errors: errors
                .into_iter()
                .map(|(kind, error, at)| (kind, error, iso(at)))
                .collect(),
        })
    }

    /// How many notifications wait (not yet delivered), for the staff's view and the tests.
    pub async fn outbox_waiting(&self) -> StoreResult<i64> {
        Ok(
            sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL")
                .fetch_one(&self.pool)
                .await?,
        )
    }
}
