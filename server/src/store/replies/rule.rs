//! 答复规则: an editor states or changes a cycle's rule while it has not opened; once it opens
//! the rule is frozen (checked against the clock inside the write). Every change is audited and
//! kept in the cycle's revision history.

use crate::store::history::audited_edit::{EditOf, Edited};
use crate::store::{CycleWrite, Store, StoreResult};
use app::model::{Entity, Phase, ReplyRule, StaffMember};

impl Store {
    /// Sets the reply rule of the cycle `slug` if it has not opened.
    pub async fn set_reply_rule(
        &self,
        actor: &StaffMember,
        slug: &str,
        rule: &ReplyRule,
        now: i64,
    ) -> StoreResult<CycleWrite> {
        let id: Option<i64> = sqlx::query_scalar("SELECT id FROM cycles WHERE slug = $1")
            .bind(slug)
            .fetch_optional(&self.pool)
            .await?;
        let Some(id) = id else {
            return Ok(CycleWrite::Missing);
        };
        let of = EditOf {
            actor: &actor.username,
            entity: Entity::Cycle,
            id,
            action: "cycle.reply_rule",
            now,
        };
        let written = self
            .audited_edit(of, async |tx| {
                // The clock is read in the transaction: a rule cannot change once voting began.
                let (opens_at, closes_at, awaits_open, title): (i64, i64, i64, String) =
                    sqlx::query_as(
                        "SELECT opens_at, closes_at, awaits_open, title FROM cycles WHERE id = $1",
                    )
                    .bind(id)
                    .fetch_one(&mut *tx)
                    .await?;
                if Phase::of(opens_at, closes_at, awaits_open != 0, now) != Phase::Upcoming {
                    return Ok(Err(CycleWrite::Frozen));
                }
                sqlx::query(
                    "UPDATE cycles SET reply_supporters = $1, reply_support_days = $2,
                            reply_votes = $3, reply_working_days = $4, reply_department = $5
                     WHERE id = $6",
                )
                .bind(rule.supporters.map(i64::from))
                .bind(i64::from(rule.support_days))
                .bind(rule.votes.map(i64::from))
                .bind(i64::from(rule.working_days))
                .bind(&rule.department)
                .bind(id)
                .execute(&mut *tx)
                .await?;
                let detail = format!(
                    "supporters {:?} within {} days, votes {:?}, {} working days, {}",
                    rule.supporters,
                    rule.support_days,
                    rule.votes,
                    rule.working_days,
                    rule.department
                );
                Ok(Ok(Edited::new(
                    format!("cycle {slug}: {title}"),
                    CycleWrite::Done,
                )
                .detail(detail)))
            })
            .await?;
        Ok(written.unwrap_or(CycleWrite::Missing))
    }
}
