//! 答复提醒: the mail a department's office mailbox gets as a reply's date nears (within
//! `DUE_SOON_WORKING_DAYS` working days) and once it has passed — one of each per reply, stamped
//! in the write that queues it, so two instances never send it twice. A department with no
//! mailbox named gets none (its desk reminds it all the same) and hears of what is pending once
//! it names one.

use crate::store::history::audit::audit;
use crate::store::notify::outbox::{enqueue_to, Mail};
use crate::store::{Store, StoreResult};
use app::model::{Reply, StaffMember, Standing, DUE_SOON_WORKING_DAYS};

/// Which reminder a reply is owed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reminder {
    /// 即将到期: within the last working days.
    DueSoon { days_left: i64 },
    /// 已逾期.
    Overdue { days_late: i64 },
}

impl Reminder {
    fn column(self) -> &'static str {
        match self {
            Reminder::DueSoon { .. } => "reminded_soon_at",
            Reminder::Overdue { .. } => "reminded_late_at",
        }
    }
}

/// What a reply standing on a day owes its department, given the reminders already sent
/// (`(soon, late)`): an overdue reply its overdue mail (never a "due soon" after it), a reply
/// due within the last working days its "due soon" mail.
pub fn reminder_owed(standing: Standing, (soon, late): (bool, bool)) -> Option<Reminder> {
    match standing {
        Standing::Overdue { days_late } if !late => Some(Reminder::Overdue { days_late }),
        Standing::Waiting { days_left } if days_left <= DUE_SOON_WORKING_DAYS && !soon => {
            Some(Reminder::DueSoon { days_left })
        }
        _ => None,
    }
}

impl Store {
    /// The office mailbox `department`'s reply reminders go to.
    pub async fn reply_address(&self, department: &str) -> StoreResult<Option<String>> {
        Ok(sqlx::query_scalar::<_, Option<String>>(
            "SELECT reply_address FROM departments WHERE name = $1",
        )
        .bind(department)
        .fetch_optional(&self.pool)
        .await?
        .flatten())
    }

    /// Names (or, with `None`, clears) the mailbox; `false`: no such department. Audited.
    pub async fn set_reply_address(
        &self,
        actor: &StaffMember,
        department: &str,
        address: Option<&str>,
        now: i64,
    ) -> StoreResult<bool> {
        let mut tx = self.write_tx().await?;
        let found = sqlx::query("UPDATE departments SET reply_address = $1 WHERE name = $2")
            .bind(address)
            .bind(department)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if found == 0 {
            return Ok(false);
        }
        // Which mailbox is staff's business, and an office's: kept in the log as set.
        let detail = address.unwrap_or("(none)");
        audit(
            &mut tx,
            now,
            &actor.username,
            "department.reply_address",
            department,
            detail,
        )
        .await?;
        self.commit(tx).await?;
        Ok(true)
    }

    /// Queues the reminders owed on the Beijing day of `now`, each with the mail `compose`
    /// writes for it; how many were queued.
    pub async fn remind_departments(
        &self,
        now: i64,
        compose: impl Fn(&Reply, Reminder) -> Mail,
    ) -> StoreResult<usize> {
        let today = crate::store::beijing_today(now)?;
        let owed: Vec<(i64, String, Option<i64>, Option<i64>)> = sqlx::query_as(
            "SELECT r.id, d.reply_address, r.reminded_soon_at, r.reminded_late_at
             FROM replies r JOIN departments d ON d.name = r.department
             WHERE r.replied_at IS NULL AND d.reply_address IS NOT NULL
               AND (r.reminded_soon_at IS NULL OR r.reminded_late_at IS NULL)
             ORDER BY r.id",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut queued = 0;
        for (id, address, soon, late) in owed {
            let Some(reply) = self.reply(id).await? else {
                continue;
            };
            let Some(reminder) =
                reminder_owed(reply.standing(today), (soon.is_some(), late.is_some()))
            else {
                continue;
            };
            let mail = compose(&reply, reminder);
            let mut tx = self.write_tx().await?;
            // Stamped here, in the write that queues it: another instance finds it stamped.
            let sql = format!(
                "UPDATE replies SET {col} = $1 WHERE id = $2 AND {col} IS NULL AND replied_at IS NULL",
                col = reminder.column()
            );
            let stamped = sqlx::query(&sql)
                .bind(now)
                .bind(id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if stamped == 0 {
                continue;
            }
            if matches!(reminder, Reminder::Overdue { .. }) {
                // Past its date: a "due soon" would come too late to help.
                sqlx::query(
                    "UPDATE replies SET reminded_soon_at = $1 WHERE id = $2 AND reminded_soon_at IS NULL",
                )
                .bind(now)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            }
            enqueue_to(&mut tx, &address, &mail, now).await?;
            self.commit(tx).await?;
            queued += 1;
        }
        Ok(queued)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reply_owes_one_reminder_as_its_date_nears_and_one_when_it_passes() {
        let waiting = |days_left| Standing::Waiting { days_left };
        assert_eq!(reminder_owed(waiting(10), (false, false)), None);
        assert_eq!(
            reminder_owed(waiting(3), (false, false)),
            Some(Reminder::DueSoon { days_left: 3 })
        );
        assert_eq!(
            reminder_owed(waiting(0), (true, false)),
            None,
            "sent already"
        );
        let late = Standing::Overdue { days_late: 2 };
        assert_eq!(
            reminder_owed(late, (true, false)),
            Some(Reminder::Overdue { days_late: 2 })
        );
        assert_eq!(reminder_owed(late, (true, true)), None);
        assert_eq!(
            reminder_owed(Standing::AnsweredOnTime, (false, false)),
            None
        );
    }
}
