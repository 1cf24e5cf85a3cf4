//! 撤回: taking a published topic or policy back from the public with a reason, and publishing
//! it again. A withdrawn item's status is 'draft' (so every public list, search, feed, chart and
//! the sitemap drop it, as they only read 'published'), and a `withdrawals` row says why and
//! when; the public page reads that row to say 已撤回 instead of "not found".

use crate::store::history::audited_edit::{EditOf, Edited};
use crate::store::{Store, StoreResult};
use app::model::{Entity, StaffMember};

/// What can be withdrawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Withdrawable {
    Topic,
    Policy,
}

impl Withdrawable {
    pub(in crate::store) fn token(self) -> &'static str {
        match self {
            Withdrawable::Topic => "topic",
            Withdrawable::Policy => "policy",
        }
    }

    fn entity(self) -> Entity {
        match self {
            Withdrawable::Topic => Entity::Topic,
            Withdrawable::Policy => Entity::Policy,
        }
    }

    fn table(self) -> &'static str {
        match self {
            Withdrawable::Topic => "topics",
            Withdrawable::Policy => "policies",
        }
    }

    fn title_column(self) -> &'static str {
        match self {
            Withdrawable::Topic => "theme",
            Withdrawable::Policy => "title",
        }
    }
}

/// A stored withdrawal: `(title, withdrawn_at, reason)`.
pub type WithdrawalRow = (String, i64, String);

impl Store {
    /// Withdraws a published item; false when it is not published (or does not exist).
    pub async fn withdraw(
        &self,
        actor: &StaffMember,
        what: Withdrawable,
        id: i64,
        reason: &str,
        now: i64,
    ) -> StoreResult<bool> {
        let of = EditOf {
            actor: &actor.username,
            entity: what.entity(),
            id,
            action: match what {
                Withdrawable::Topic => "topic.withdraw",
                Withdrawable::Policy => "policy.withdraw",
            },
            now,
        };
        let edited = self
            .audited_edit(of, async |tx| {
                let title: Option<String> = sqlx::query_scalar(&format!(
                    "UPDATE {} SET status = 'draft' WHERE id = $1 AND status = 'published'
                     RETURNING {}",
                    what.table(),
                    what.title_column()
                ))
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
                // Not published: nothing to withdraw.
                let Some(title) = title else {
                    return Ok(Err(false));
                };
                sqlx::query(
                    "INSERT INTO withdrawals (entity, entity_id, withdrawn_at, reason, username)
                     VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(what.token())
                .bind(id)
                .bind(now)
                .bind(reason)
                .bind(&actor.username)
                .execute(&mut *tx)
                .await?;
                let subject = format!("{} {id}: {title}", what.token());
                Ok(Ok(Edited::new(subject, true).detail(reason)))
            })
            .await?;
        Ok(edited.unwrap_or(false))
    }

    /// Inside a publishing transaction: a withdrawn item is current again.
    pub(in crate::store) async fn clear_withdrawal(
        tx: &mut crate::store::Conn,
        what: Withdrawable,
        id: i64,
    ) -> StoreResult<()> {
        sqlx::query("DELETE FROM withdrawals WHERE entity = $1 AND entity_id = $2")
            .bind(what.token())
            .bind(id)
            .execute(&mut *tx)
            .await?;
        Ok(())
    }

    /// Why and when a withdrawn item was taken back; `None` when it is not withdrawn.
    pub async fn withdrawal(
        &self,
        what: Withdrawable,
        id: i64,
    ) -> StoreResult<Option<WithdrawalRow>> {
        let row: Option<WithdrawalRow> = sqlx::query_as(&format!(
            "SELECT x.{}, w.withdrawn_at, w.reason FROM withdrawals w
             JOIN {} x ON x.id = w.entity_id
             WHERE w.entity = $1 AND w.entity_id = $2 AND x.status = 'draft'",
            what.title_column(),
            what.table()
        ))
        .bind(what.token())
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row)
    }

    /// The withdrawn topic of a month, if that month's topic was withdrawn.
    pub async fn withdrawn_topic(
        &self,
        year: i32,
        month: u8,
    ) -> StoreResult<Option<WithdrawalRow>> {
        let id: Option<i64> =
            sqlx::query_scalar("SELECT id FROM topics WHERE year = $1 AND month = $2")
                .bind(year)
                .bind(i64::from(month))
                .fetch_optional(&self.pool)
                .await?;
        match id {
            Some(id) => self.withdrawal(Withdrawable::Topic, id).await,
            None => Ok(None),
        }
    }
}
