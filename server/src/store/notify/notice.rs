//! What a follower is told (告知): a state change names what happened ([`Notice`]) and whose
//! followers hear it, and [`record`] writes that into `notices` inside the state change's own
//! transaction. The teller (`tell.rs`) then writes each confirmed follower's message with a
//! [`Compose`] (the mail's words, today the only channel) into the outbox. A new channel (SMS,
//! WeChat template messages) is a new `Compose` and sender; the state changes do not change.

use super::outbox::Mail;
use crate::store::{Conn, Store, StoreResult};
use app::i18n::Locale;
use app::model::FollowKind;
use serde::{Deserialize, Serialize};

/// A state change a follower hears about, with what the message needs to name it: titles as
/// they were at the change, and the page (a path) to read more.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "notice", rename_all = "snake_case")]
pub enum Notice {
    /// 投票结束: a round closed by the clock (its mail, with the results, is written apart;
    /// this is its line in the round's feed).
    CycleClosed {
        title: String,
        closed_at: String,
        path: String,
    },
    /// 建议已公开: a moderator published the suggestion.
    SuggestionPublished { title: String, path: String },
    /// 建议未公开: not published, with its coded reason and the moderator's note.
    SuggestionNotPublished {
        title: String,
        code: app::model::NotPublishedReason,
        reason: String,
        path: String,
    },
    /// 已列为候选: the suggestion became a candidate of a voting round.
    SuggestionPromoted {
        title: String,
        cycle: String,
        path: String,
    },
    /// 候选议题成为每月一题: the city made the candidate the topic of a month.
    CandidateBecameTopic {
        title: String,
        year: i32,
        month: u8,
        path: String,
    },
    /// 方案公布: the topic a followed candidate became is published, with its plan.
    TopicPublished {
        topic: String,
        year: i32,
        month: u8,
        path: String,
    },
    /// 进展报告: a progress or supervision report on the topic.
    TopicReport {
        topic: String,
        title: String,
        path: String,
    },
    /// 政策发布: a policy listed under the topic is published.
    TopicPolicy {
        topic: String,
        title: String,
        path: String,
    },
    /// 任务、责任清单公布: the topic's lists were published (an import applied).
    TopicLists { topic: String, path: String },
    /// 须答复: the item crossed its cycle's threshold; `department` owes a reply by `due`.
    ReplyDue {
        title: String,
        cycle: String,
        department: String,
        due: String,
        path: String,
    },
    /// 已答复: the department posted its reply, with its decision.
    ReplyPosted {
        title: String,
        department: String,
        decision: app::model::ReplyDecision,
        path: String,
        /// Until when her comment is taken (RFC 3339); absent from notices recorded before.
        #[serde(default)]
        comments_until: String,
    },
    /// 重办: most of the reply's raters said it did not solve the problem; `department` owes a
    /// second reply by `due`.
    ReplyReopened {
        title: String,
        department: String,
        due: String,
        path: String,
    },
    /// 任务逾期: a task of the topic passed its due date without being done.
    TaskOverdue {
        topic: String,
        title: String,
        due: String,
        path: String,
    },
}

impl Notice {
    /// The notice's code, kept with it (`notices.code`) and each queued message (`outbox.kind`).
    pub fn code(&self) -> &'static str {
        match self {
            Notice::CycleClosed { .. } => "cycle_closed",
            Notice::SuggestionPublished { .. } => "suggestion_published",
            Notice::SuggestionNotPublished { .. } => "suggestion_not_published",
            Notice::SuggestionPromoted { .. } => "suggestion_promoted",
            Notice::CandidateBecameTopic { .. } => "candidate_became_topic",
            Notice::TopicPublished { .. } => "topic_published",
            Notice::TopicReport { .. } => "topic_report",
            Notice::TopicPolicy { .. } => "topic_policy",
            Notice::TopicLists { .. } => "topic_lists",
            Notice::TaskOverdue { .. } => "task_overdue",
            Notice::ReplyDue { .. } => "reply_due",
            Notice::ReplyPosted { .. } => "reply_posted",
            Notice::ReplyReopened { .. } => "reply_reopened",
        }
    }

    /// The page the message links to.
    pub fn path(&self) -> &str {
        match self {
            Notice::CycleClosed { path, .. }
            | Notice::SuggestionPublished { path, .. }
            | Notice::SuggestionNotPublished { path, .. }
            | Notice::SuggestionPromoted { path, .. }
            | Notice::CandidateBecameTopic { path, .. }
            | Notice::TopicPublished { path, .. }
            | Notice::TopicReport { path, .. }
            | Notice::TopicPolicy { path, .. }
            | Notice::TopicLists { path, .. }
            | Notice::TaskOverdue { path, .. }
            | Notice::ReplyDue { path, .. }
            | Notice::ReplyPosted { path, .. }
            | Notice::ReplyReopened { path, .. } => path,
        }
    }
}

/// Writes one follower's message about a notice, in their language. Called inside the teller's
/// transaction, so it must not wait on anything.
pub trait Compose: Send + Sync {
    fn notice(&self, follow_id: i64, locale: Locale, notice: &Notice) -> Mail;
}

/// Records `notice` for the followers of (`kind`, `subject`) inside the caller's transaction:
/// the teller queues their messages after it commits (a rolled-back change tells no one).
pub(in crate::store) async fn record(
    tx: &mut Conn,
    item: (FollowKind, &str),
    notice: &Notice,
    now: i64,
) -> StoreResult<()> {
    insert(tx, item, notice, (now, None)).await
}

/// Records `notice` as already told (its followers had their own mail): a line of the item's
/// history, for its feed.
pub(in crate::store) async fn record_told(
    tx: &mut Conn,
    item: (FollowKind, &str),
    notice: &Notice,
    now: i64,
) -> StoreResult<()> {
    insert(tx, item, notice, (now, Some(now))).await
}

async fn insert(
    tx: &mut Conn,
    (kind, subject): (FollowKind, &str),
    notice: &Notice,
    (now, told_at): (i64, Option<i64>),
) -> StoreResult<()> {
    let body = serde_json::to_string(notice)
        .map_err(|err| crate::store::StoreError::Corrupt(format!("notice: {err}")))?;
    sqlx::query(
        "INSERT INTO notices (code, follow_kind, subject, body, created_at, told_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(notice.code())
    .bind(kind.as_str())
    .bind(subject)
    .bind(body)
    .bind(now)
    .bind(told_at)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

impl Store {
    /// The newest `limit` notices of an item, newest first: `(id, recorded at, notice)`. Kept
    /// for good: they are the item's public history (no address is in them).
    pub async fn item_notices(
        &self,
        (kind, subject): (FollowKind, &str),
        limit: i64,
    ) -> StoreResult<Vec<(i64, i64, Notice)>> {
        let rows: Vec<(i64, i64, String)> = sqlx::query_as(
            "SELECT id, created_at, body FROM notices WHERE follow_kind = $1 AND subject = $2
             ORDER BY id DESC LIMIT $3",
        )
        .bind(kind.as_str())
        .bind(subject)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(id, at, body)| {
                let notice = serde_json::from_str(&body).map_err(|err| {
                    crate::store::StoreError::Corrupt(format!("notice {id}: {err}"))
                })?;
                Ok((id, at, notice))
            })
            .collect()
    }
}
