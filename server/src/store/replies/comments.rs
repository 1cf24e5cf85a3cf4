//! 答复留言: a follower's comment on the reply to the item she follows — written from her signed
//! link within three days of the reply, one per follow, shown only once a moderator lets it
//! through (audited in the same transaction).

use crate::store::history::audit::audit;
use crate::store::{iso, Store, StoreError, StoreResult};
use app::model::{comments_open, CommentState, PendingComment, ReplyComment, StaffMember};

/// The reply a follow may comment on, and where her comment stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommentTarget {
    pub reply_id: i64,
    /// When the reply was first posted; `None`: not yet answered.
    pub replied_at: Option<i64>,
    /// Her comment, if she wrote one: its words and state.
    pub mine: Option<(String, CommentState)>,
}

impl CommentTarget {
    /// Whether she may write one now.
    pub fn open(&self, now: i64) -> bool {
        self.mine.is_none() && self.replied_at.is_some_and(|at| comments_open(at, now))
    }
}

/// What writing a comment did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CommentWritten {
    Received,
    /// She had already written one.
    Already,
    /// Not answered yet, or three days have passed.
    Closed,
}

const TARGET: &str = "SELECT r.id, r.replied_at,
        (SELECT c.body FROM reply_comments c WHERE c.reply_id = r.id AND c.follow_id = f.id),
        (SELECT c.state FROM reply_comments c WHERE c.reply_id = r.id AND c.follow_id = f.id)
    FROM follows f
    JOIN replies r ON r.item_kind = f.kind AND CAST(r.item_id AS TEXT) = f.subject
    WHERE f.id = $1 AND f.confirmed_at IS NOT NULL";

type TargetRow = (i64, Option<i64>, Option<String>, Option<String>);

fn target(row: TargetRow) -> StoreResult<CommentTarget> {
    let (reply_id, replied_at, body, state) = row;
    let mine = match (body, state) {
        (Some(body), Some(state)) => Some((
            body,
            CommentState::parse(&state)
                .ok_or_else(|| StoreError::Corrupt(format!("comment state {state:?}")))?,
        )),
        _ => None,
    };
    Ok(CommentTarget {
        reply_id,
        replied_at,
        mine,
    })
}

impl Store {
    /// The reply confirmed follow `follow_id` may comment on: `None` when its item is owed no
    /// reply (or it is a follow of a round or a topic).
    pub async fn comment_target(&self, follow_id: i64) -> StoreResult<Option<CommentTarget>> {
        sqlx::query_as::<_, TargetRow>(TARGET)
            .bind(follow_id)
            .fetch_optional(&self.pool)
            .await?
            .map(target)
            .transpose()
    }

    /// Writes follow `follow_id`'s comment (already checked for length) as pending; `None`:
    /// there is no reply to comment on. The window and "one each" are judged in the write.
    pub async fn add_reply_comment(
        &self,
        follow_id: i64,
        body: &str,
        now: i64,
    ) -> StoreResult<Option<CommentWritten>> {
        let mut tx = self.write_tx().await?;
        let found = sqlx::query_as::<_, TargetRow>(TARGET)
            .bind(follow_id)
            .fetch_optional(&mut *tx)
            .await?
            .map(target)
            .transpose()?;
        let Some(found) = found else {
            return Ok(None);
        };
        if found.mine.is_some() {
            return Ok(Some(CommentWritten::Already));
        }
        if !found.open(now) {
            return Ok(Some(CommentWritten::Closed));
        }
        sqlx::query(
            "INSERT INTO reply_comments (reply_id, follow_id, body, created_at)
             VALUES ($1, $2, $3, $4)",
        )
        .bind(found.reply_id)
        .bind(follow_id)
        .bind(body)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        self.commit(tx).await?;
        Ok(Some(CommentWritten::Received))
    }

    /// The comments shown under reply `id`, oldest first.
    pub async fn shown_reply_comments(&self, id: i64) -> StoreResult<Vec<ReplyComment>> {
        let rows: Vec<(i64, String, i64)> = sqlx::query_as(
            "SELECT id, body, created_at FROM reply_comments
             WHERE reply_id = $1 AND state = 'shown' ORDER BY created_at, id",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(id, body, at)| ReplyComment {
                id,
                body,
                at: iso(at),
            })
            .collect())
    }

    /// Comments waiting for a moderator, oldest first, with the reply each answers.
    pub async fn pending_reply_comments(&self) -> StoreResult<Vec<PendingComment>> {
        let rows: Vec<(i64, i64, Option<String>, String, String, i64)> = sqlx::query_as(
            "SELECT c.id, r.id, COALESCE(s.title, k.title), r.department, c.body, c.created_at
             FROM reply_comments c JOIN replies r ON r.id = c.reply_id
             LEFT JOIN suggestions s ON r.item_kind = 'suggestion' AND s.id = r.item_id
             LEFT JOIN cycle_candidates k ON r.item_kind = 'candidate' AND k.id = r.item_id
             WHERE c.state = 'pending' ORDER BY c.created_at, c.id LIMIT 200",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(
                |(id, reply_id, title, department, body, at)| PendingComment {
                    id,
                    reply_id,
                    title: title.unwrap_or_default(),
                    department,
                    body,
                    at: iso(at),
                },
            )
            .collect())
    }

    /// A moderator shows or withholds a pending comment; `false`: no such pending comment.
    pub async fn review_reply_comment(
        &self,
        actor: &StaffMember,
        id: i64,
        show: bool,
        now: i64,
    ) -> StoreResult<bool> {
        let state = if show {
            CommentState::Shown
        } else {
            CommentState::Withheld
        };
        let mut tx = self.write_tx().await?;
        let reply: Option<i64> = sqlx::query_scalar(
            "UPDATE reply_comments SET state = $1, moderated_by = $2, moderated_at = $3
             WHERE id = $4 AND state = 'pending' RETURNING reply_id",
        )
        .bind(state.as_str())
        .bind(&actor.username)
        .bind(now)
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(reply) = reply else {
            return Ok(false);
        };
        let action = format!("reply_comment.{}", state.as_str());
        let subject = format!("reply {reply} comment {id}");
        audit(&mut tx, now, &actor.username, &action, &subject, "").await?;
        self.commit(tx).await?;
        Ok(true)
    }
}
