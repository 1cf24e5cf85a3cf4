//! What a department does with a reply it owes: the reply itself (its followers hear of the first
//! posting; a correction keeps the date judged), an extension asked for in public before the
//! date passes (once), and an interim note. Each is audited and a version in the reply's
//! history; each checks the reply's state inside its transaction.

use crate::store::history::audited_edit::{EditOf, Edited};
use crate::store::notify::notice::record;
use crate::store::{Notice, Store, StoreResult};
use app::model::{Entity, FollowKind, NotAdoptedReason, ReplyDecision, ReplyItem, StaffMember};

/// A reply as validated.
#[derive(Clone, Debug)]
pub struct AnswerFields<'a> {
    pub decision: ReplyDecision,
    pub reason: Option<NotAdoptedReason>,
    pub body: &'a str,
    pub link: Option<&'a str>,
    /// 同样答复: the reply these words were first posted on, when the same answer is given to
    /// another item; such a copy is refused on a reply already answered (never a correction).
    pub same_as: Option<i64>,
}

/// How a reply write ended, short of a storage failure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReplyWrite {
    Done,
    Missing,
    /// Answered already: no extension or interim note any more.
    Answered,
    /// Extended once already.
    ExtendedOnce,
    /// The date judged has passed: too late to ask for more time.
    TooLate,
}

/// `(department, kind, item, title, due, extended to, replied at, 重办 due)` as stored.
type StateRow = (
    String,
    String,
    i64,
    Option<String>,
    String,
    Option<String>,
    Option<i64>,
    Option<String>,
);

/// `(department, item kind, item id, title, judged date, answered?, extended?)` of a reply;
/// after 重办 the new date is judged and it counts as extended (no more time after it).
pub(super) type ReplyState = (String, String, i64, String, String, bool, bool);

pub(super) async fn state(tx: &mut crate::store::Conn, id: i64) -> StoreResult<Option<ReplyState>> {
    let row: Option<StateRow> = sqlx::query_as(
        "SELECT r.department, r.item_kind, r.item_id, COALESCE(s.title, k.title), r.due_on,
                    r.extended_to, r.replied_at, r.redo_due_on
             FROM replies r
             LEFT JOIN suggestions s ON r.item_kind = 'suggestion' AND s.id = r.item_id
             LEFT JOIN cycle_candidates k ON r.item_kind = 'candidate' AND k.id = r.item_id
             WHERE r.id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?;
    Ok(row.map(
        |(department, kind, item, title, due, extended, replied, redo)| {
            let extended_yes = extended.is_some() || redo.is_some();
            (
                department,
                kind,
                item,
                title.unwrap_or_default(),
                redo.or(extended).unwrap_or(due),
                replied.is_some(),
                extended_yes,
            )
        },
    ))
}

/// The audited edit of reply `id` under `action`.
fn edit_of<'a>(actor: &'a StaffMember, id: i64, action: &'a str, now: i64) -> EditOf<'a> {
    EditOf {
        actor: &actor.username,
        entity: Entity::Reply,
        id,
        action,
        now,
    }
}

impl Store {
    /// The department a reply is owed by; `None`: no such reply.
    pub async fn reply_department(&self, id: i64) -> StoreResult<Option<String>> {
        Ok(
            sqlx::query_scalar("SELECT department FROM replies WHERE id = $1")
                .bind(id)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    /// Posts (or corrects) the reply. The first posting tells the item's followers and fixes
    /// the date it is judged by; a correction changes the words only.
    pub async fn answer_reply(
        &self,
        actor: &StaffMember,
        id: i64,
        answer: &AnswerFields<'_>,
        now: i64,
    ) -> StoreResult<ReplyWrite> {
        let of = edit_of(actor, id, "reply.answer", now);
        let written = self
            .audited_edit(of, async |tx| {
                let Some((department, kind, item, title, _, answered, _)) = state(tx, id).await?
                else {
                    return Ok(Err(ReplyWrite::Missing));
                };
                if answered && answer.same_as.is_some() {
                    return Ok(Err(ReplyWrite::Answered));
                }
                sqlx::query(
                    "UPDATE replies SET decision = $1, reason_code = $2, body = $3, link = $4,
                            replied_at = COALESCE(replied_at, $5)
                     WHERE id = $6",
                )
                .bind(answer.decision.as_str())
                .bind(answer.reason.map(NotAdoptedReason::as_str))
                .bind(answer.body)
                .bind(answer.link)
                .bind(now)
                .bind(id)
                .execute(&mut *tx)
                .await?;
                if !answered {
                    let follow = match ReplyItem::parse(&kind) {
                        Some(ReplyItem::Candidate) => FollowKind::Candidate,
                        _ => FollowKind::Suggestion,
                    };
                    let notice = Notice::ReplyPosted {
                        title: title.clone(),
                        department,
                        decision: answer.decision,
                        path: app::paths::reply(id),
                        comments_until: crate::store::iso(now + app::model::COMMENT_WINDOW_SECONDS),
                    };
                    record(tx, (follow, &item.to_string()), &notice, now).await?;
                }
                let same = answer
                    .same_as
                    .map_or(String::new(), |from| format!(" (same as reply {from})"));
                let detail = format!(
                    "{} {}{same}",
                    answer.decision.as_str(),
                    answer.reason.map_or("", NotAdoptedReason::as_str)
                );
                Ok(Ok(Edited::new(
                    format!("reply {id}: {title}"),
                    ReplyWrite::Done,
                )
                .detail(detail.trim())))
            })
            .await?;
        Ok(written.unwrap_or(ReplyWrite::Missing))
    }

    /// 申请延期: a new date and its reason, public, once, before the date judged has passed
    /// (`today` is the Beijing day) and before the reply is posted.
    pub async fn extend_reply(
        &self,
        actor: &StaffMember,
        id: i64,
        (to, reason): (&str, &str),
        (today, now): (&str, i64),
    ) -> StoreResult<ReplyWrite> {
        let of = edit_of(actor, id, "reply.extend", now);
        let written = self
            .audited_edit(of, async |tx| {
                let Some((_, _, _, title, judged, answered, extended)) = state(tx, id).await?
                else {
                    return Ok(Err(ReplyWrite::Missing));
                };
                if answered {
                    return Ok(Err(ReplyWrite::Answered));
                }
                if extended {
                    return Ok(Err(ReplyWrite::ExtendedOnce));
                }
                // ISO dates compare as text.
                if today > judged.as_str() {
                    return Ok(Err(ReplyWrite::TooLate));
                }
                sqlx::query(
                    "UPDATE replies SET extended_to = $1, extension_reason = $2, extended_at = $3
                     WHERE id = $4",
                )
                .bind(to)
                .bind(reason)
                .bind(now)
                .bind(id)
                .execute(&mut *tx)
                .await?;
                Ok(Ok(Edited::new(
                    format!("reply {id}: {title}"),
                    ReplyWrite::Done,
                )
                .detail(format!("{judged} → {to}: {reason}"))))
            })
            .await?;
        Ok(written.unwrap_or(ReplyWrite::Missing))
    }

    /// 阶段性答复: an interim note (a later one replaces it, the history keeps both), while the
    /// reply is not yet posted.
    pub async fn interim_reply(
        &self,
        actor: &StaffMember,
        id: i64,
        note: &str,
        now: i64,
    ) -> StoreResult<ReplyWrite> {
        let of = edit_of(actor, id, "reply.interim", now);
        let written = self
            .audited_edit(of, async |tx| {
                let Some((_, _, _, title, _, answered, _)) = state(tx, id).await? else {
                    return Ok(Err(ReplyWrite::Missing));
                };
                if answered {
                    return Ok(Err(ReplyWrite::Answered));
                }
                sqlx::query("UPDATE replies SET interim_note = $1, interim_at = $2 WHERE id = $3")
                    .bind(note)
                    .bind(now)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                Ok(Ok(Edited::new(
                    format!("reply {id}: {title}"),
                    ReplyWrite::Done,
                )))
            })
            .await?;
        Ok(written.unwrap_or(ReplyWrite::Missing))
    }
}

impl Store {
    /// The active department accounts of `department`, `(username, display name)`: the
    /// colleagues a reply can be handed to.
    pub async fn department_colleagues(
        &self,
        department: &str,
    ) -> StoreResult<Vec<(String, String)>> {
        Ok(sqlx::query_as(
            "SELECT s.username, s.display_name FROM staff s
             JOIN departments d ON d.id = s.department_id
             WHERE d.name = $1 AND s.role = 'department' AND s.disabled = 0
             ORDER BY s.display_name, s.username",
        )
        .bind(department)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Who handles each reply of `department` (经办人), by reply id: staff's business, never
    /// public.
    pub async fn reply_assignees(
        &self,
        department: Option<&str>,
    ) -> StoreResult<Vec<(i64, String)>> {
        Ok(sqlx::query_as(
            "SELECT id, assignee FROM replies
             WHERE assignee IS NOT NULL AND ($1 = '' OR department = $2)",
        )
        .bind(department.unwrap_or(""))
        .bind(department.unwrap_or(""))
        .fetch_all(&self.pool)
        .await?)
    }

    /// 交给同事: hands the reply to a colleague (`None`: to no one in particular), audited and
    /// in the reply's history.
    pub async fn assign_reply(
        &self,
        actor: &StaffMember,
        id: i64,
        assignee: Option<&str>,
        now: i64,
    ) -> StoreResult<ReplyWrite> {
        let of = edit_of(actor, id, "reply.assign", now);
        let written = self
            .audited_edit(of, async |tx| {
                let Some((_, _, _, title, ..)) = state(tx, id).await? else {
                    return Ok(Err(ReplyWrite::Missing));
                };
                sqlx::query("UPDATE replies SET assignee = $1 WHERE id = $2")
                    .bind(assignee)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                Ok(Ok(Edited::new(
                    format!("reply {id}: {title}"),
                    ReplyWrite::Done,
                )
                .detail(assignee.unwrap_or(""))))
            })
            .await?;
        Ok(written.unwrap_or(ReplyWrite::Missing))
    }
}
