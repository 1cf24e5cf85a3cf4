//! 重办: a reply most of whose raters (at least three) judge the problem unsolved reopens for
//! its department, by a new date in working days, in the write of the rating that tipped it.
//! The first answer moves beside the reply (`first_*`), the reply's answer is cleared for the
//! second, the reminders start again and the item's followers are told. Once per reply.

use super::tally::tally_of;
use crate::store::history::audit::audit;
use crate::store::notify::notice::record;
use crate::store::{beijing_today, Conn, Notice, StoreResult};
use app::model::working_days::add_working_days;
use app::model::{calls_for_rehandle, FollowKind, ReplyItem, REHANDLE_WORKING_DAYS};

/// Who the audit log names for a reopening: no member of staff, the residents' ratings.
pub const REHANDLE_ACTOR: &str = "ratings";

/// Reopens reply `id` if its first answer's counted ratings call for 重办; `true` if it did.
pub(super) async fn reopen_if_unsolved(tx: &mut Conn, id: i64, now: i64) -> StoreResult<bool> {
    let tally = tally_of(tx, id, 1).await?;
    if !calls_for_rehandle(&tally) {
        return Ok(false);
    }
    let due = add_working_days(beijing_today(now)?, REHANDLE_WORKING_DAYS).to_string();
    let reopened = sqlx::query(
        "UPDATE replies SET first_decision = decision, first_reason_code = reason_code,
                first_body = body, first_link = link, first_replied_at = replied_at,
                decision = NULL, reason_code = NULL, body = NULL, link = NULL, replied_at = NULL,
                reopened_at = $1, redo_due_on = $2,
                reminded_soon_at = NULL, reminded_late_at = NULL
         WHERE id = $3 AND reopened_at IS NULL AND replied_at IS NOT NULL",
    )
    .bind(now)
    .bind(&due)
    .bind(id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if reopened == 0 {
        return Ok(false);
    }
    // Its followers hear of it in the same write, as of the first reply.
    let Some((department, kind, item, title, ..)) = super::writes::state(tx, id).await? else {
        return Ok(false);
    };
    let follow = match ReplyItem::parse(&kind) {
        Some(ReplyItem::Candidate) => FollowKind::Candidate,
        _ => FollowKind::Suggestion,
    };
    let notice = Notice::ReplyReopened {
        title,
        department,
        due: due.clone(),
        path: app::paths::reply(id),
    };
    record(tx, (follow, &item.to_string()), &notice, now).await?;
    let unsolved = tally.solved[0] + tally.solved[1];
    let detail = format!("{unsolved} of {} raters unsolved; due {due}", tally.raters);
    audit(
        tx,
        now,
        REHANDLE_ACTOR,
        "reply.rehandle",
        &format!("reply {id}"),
        &detail,
    )
    .await?;
    Ok(true)
}
