//! 答复 as everyone reads them: the waiting list (longest waiting first), the answered ones, one
//! reply, the reply an item is owed, and a department's own.

use crate::store::{iso_day, Store, StoreError, StoreResult};
use app::model::{
    Answer, Extension, InterimNote, NotAdoptedReason, RatingTally, Rehandle, Reply, ReplyDecision,
    ReplyItem,
};

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    item_kind: String,
    item_id: i64,
    title: Option<String>,
    slug: String,
    cycle_title: String,
    crossed_at: i64,
    due_on: String,
    interim_on: String,
    department: String,
    extended_to: Option<String>,
    extension_reason: Option<String>,
    extended_at: Option<i64>,
    interim_note: Option<String>,
    interim_at: Option<i64>,
    decision: Option<String>,
    reason_code: Option<String>,
    body: Option<String>,
    link: Option<String>,
    replied_at: Option<i64>,
    reopened_at: Option<i64>,
    redo_due_on: Option<String>,
    first_decision: Option<String>,
    first_reason_code: Option<String>,
    first_body: Option<String>,
    first_link: Option<String>,
    first_replied_at: Option<i64>,
    is_sample: i64,
}

const SELECT: &str = "SELECT r.id, r.item_kind, r.item_id, COALESCE(s.title, k.title) AS title,
        c.slug, c.title AS cycle_title, r.crossed_at, r.due_on, r.interim_on, r.department,
        r.extended_to, r.extension_reason, r.extended_at, r.interim_note, r.interim_at,
        r.decision, r.reason_code, r.body, r.link, r.replied_at, r.reopened_at, r.redo_due_on,
        r.first_decision, r.first_reason_code, r.first_body, r.first_link, r.first_replied_at,
        c.is_sample
    FROM replies r JOIN cycles c ON c.id = r.cycle_id
    LEFT JOIN suggestions s ON r.item_kind = 'suggestion' AND s.id = r.item_id
    LEFT JOIN cycle_candidates k ON r.item_kind = 'candidate' AND k.id = r.item_id";

fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::Corrupt(format!("reply {what} {value:?}"))
}

/// An answer as stored (the reply's own, or the first one kept after 重办).
fn answer_of(
    decision: Option<String>,
    reason_code: Option<String>,
    body: Option<String>,
    link: Option<String>,
    replied_at: Option<i64>,
) -> StoreResult<Option<Answer>> {
    Ok(match (decision, replied_at) {
        (Some(decision), Some(at)) => Some(Answer {
            decision: ReplyDecision::parse(&decision)
                .ok_or_else(|| corrupt("decision", &decision))?,
            reason: reason_code
                .map(|c| NotAdoptedReason::parse(&c).ok_or_else(|| corrupt("reason", &c)))
                .transpose()?,
            body: body.unwrap_or_default(),
            link,
            on: iso_day(at)?,
            comments_until: crate::store::iso(at + app::model::COMMENT_WINDOW_SECONDS),
        }),
        (None, None) => None,
        _ => return Err(corrupt("answer", "half stored")),
    })
}

impl Row {
    fn into_reply(self) -> StoreResult<Reply> {
        let item =
            ReplyItem::parse(&self.item_kind).ok_or_else(|| corrupt("item", &self.item_kind))?;
        let item_url = match item {
            ReplyItem::Suggestion => app::paths::suggestion(self.item_id),
            ReplyItem::Candidate => app::paths::candidate(&self.slug, self.item_id),
        };
        let extension = match (self.extended_to, self.extension_reason, self.extended_at) {
            (Some(to), Some(reason), Some(at)) => Some(Extension {
                to,
                reason,
                on: iso_day(at)?,
            }),
            (None, None, None) => None,
            _ => return Err(corrupt("extension", "half stored")),
        };
        let interim = match (self.interim_note, self.interim_at) {
            (Some(note), Some(at)) => Some(InterimNote {
                note,
                on: iso_day(at)?,
            }),
            (None, None) => None,
            _ => return Err(corrupt("interim", "half stored")),
        };
        let answer = answer_of(
            self.decision,
            self.reason_code,
            self.body,
            self.link,
            self.replied_at,
        )?;
        let rehandle = match (self.reopened_at, self.redo_due_on) {
            (Some(at), Some(due_on)) => Some(Rehandle {
                reopened_on: iso_day(at)?,
                due_on,
                first: answer_of(
                    self.first_decision,
                    self.first_reason_code,
                    self.first_body,
                    self.first_link,
                    self.first_replied_at,
                )?
                .ok_or_else(|| corrupt("first answer", "missing"))?,
                ratings: RatingTally::default(),
            }),
            (None, None) => None,
            _ => return Err(corrupt("rehandle", "half stored")),
        };
        Ok(Reply {
            id: self.id,
            item,
            item_id: self.item_id,
            // An item is never deleted while it is owed a reply; a missing one is corrupt.
            title: self.title.ok_or_else(|| corrupt("item", "missing"))?,
            item_url,
            cycle_slug: self.slug,
            cycle_title: self.cycle_title,
            crossed_on: iso_day(self.crossed_at)?,
            due_on: self.due_on,
            interim_on: self.interim_on,
            department: self.department,
            extension,
            interim,
            answer,
            rehandle,
            is_sample: self.is_sample != 0,
        })
    }
}

impl Store {
    /// 等待答复 and the answered, judged on the Beijing day of `now` (the page and the API).
    pub async fn reply_board(&self, now: i64) -> StoreResult<app::model::ReplyBoard> {
        let today = crate::store::beijing_today(now)?;
        let judge = |list: Vec<Reply>| {
            list.into_iter()
                .map(|r| app::model::ReplyEntry::judged(r, today))
                .collect()
        };
        Ok(app::model::ReplyBoard {
            today: today.to_string(),
            waiting: judge(self.replies_waiting().await?),
            answered: judge(self.replies_answered().await?),
            rehandle: self.rehandle_rate().await?,
        })
    }

    /// 重办率: replies answered at least once, and how many of them their ratings reopened.
    pub async fn rehandle_rate(&self) -> StoreResult<app::model::RehandleRate> {
        let (answered, reopened): (i64, i64) = sqlx::query_as(
            "SELECT COUNT(*),
                    COALESCE(SUM(CASE WHEN reopened_at IS NULL THEN 0 ELSE 1 END), 0)
             FROM replies WHERE replied_at IS NOT NULL OR reopened_at IS NOT NULL",
        )
        .fetch_one(&self.pool)
        .await?;
        let count = |n: i64| u32::try_from(n).unwrap_or(0);
        Ok(app::model::RehandleRate {
            answered: count(answered),
            reopened: count(reopened),
        })
    }

    /// One reply judged on the Beijing day of `now`, with the comments shown under it.
    pub async fn reply_entry(
        &self,
        id: i64,
        now: i64,
    ) -> StoreResult<Option<app::model::ReplyEntry>> {
        let today = crate::store::beijing_today(now)?;
        let Some(reply) = self.reply(id).await? else {
            return Ok(None);
        };
        let mut entry = app::model::ReplyEntry::judged(reply, today);
        entry.comments = self.shown_reply_comments(id).await?;
        entry.ratings = self.rating_tally(id, entry.reply.round()).await?;
        if let Some(again) = entry.reply.rehandle.as_mut() {
            again.ratings = self.rating_tally(id, 1).await?;
        }
        entry.comments_open = entry.reply.answer.as_ref().is_some_and(|a| {
            a.comments_until
                .parse::<jiff::Timestamp>()
                .is_ok_and(|until| until.as_second() >= now)
        });
        Ok(Some(entry))
    }

    async fn replies_where(&self, filter: &str, bind: Option<&str>) -> StoreResult<Vec<Reply>> {
        let sql = format!("{SELECT} {filter}");
        let mut query = sqlx::query_as::<_, Row>(&sql);
        if let Some(value) = bind {
            query = query.bind(value);
        }
        query
            .fetch_all(&self.pool)
            .await?
            .into_iter()
            .map(Row::into_reply)
            .collect()
    }

    /// 等待答复: every reply not yet given, longest waiting first.
    pub async fn replies_waiting(&self) -> StoreResult<Vec<Reply>> {
        self.replies_where(
            "WHERE r.replied_at IS NULL ORDER BY r.crossed_at, r.id",
            None,
        )
        .await
    }

    /// Replies given, newest first (the last 100).
    pub async fn replies_answered(&self) -> StoreResult<Vec<Reply>> {
        self.replies_where(
            "WHERE r.replied_at IS NOT NULL ORDER BY r.replied_at DESC, r.id DESC LIMIT 100",
            None,
        )
        .await
    }

    /// Every reply owed to or given by `department`, due soonest first.
    pub async fn department_replies(&self, department: &str) -> StoreResult<Vec<Reply>> {
        self.replies_where(
            "WHERE r.department = $1 ORDER BY r.replied_at IS NOT NULL, r.due_on, r.id",
            Some(department),
        )
        .await
    }

    /// Every reply, owed ones first, due soonest first (the editors' desk).
    pub async fn all_replies(&self) -> StoreResult<Vec<Reply>> {
        self.replies_where(
            "ORDER BY r.replied_at IS NOT NULL, r.due_on, r.id LIMIT 500",
            None,
        )
        .await
    }

    /// Every reply of one kind of item (owed or given), for their lists.
    pub async fn replies_of(&self, item: ReplyItem) -> StoreResult<Vec<Reply>> {
        self.replies_where("WHERE r.item_kind = $1 ORDER BY r.id", Some(item.as_str()))
            .await
    }

    pub async fn reply(&self, id: i64) -> StoreResult<Option<Reply>> {
        let sql = format!("{SELECT} WHERE r.id = $1");
        sqlx::query_as::<_, Row>(&sql)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .map(Row::into_reply)
            .transpose()
    }

    /// The reply the item is owed or got, if it crossed its threshold.
    pub async fn reply_of(&self, item: ReplyItem, id: i64) -> StoreResult<Option<Reply>> {
        let sql = format!("{SELECT} WHERE r.item_kind = $1 AND r.item_id = $2");
        sqlx::query_as::<_, Row>(&sql)
            .bind(item.as_str())
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .map(Row::into_reply)
            .transpose()
    }
}
