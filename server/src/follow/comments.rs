//! 答复留言 as the follow service offers it: the signed link in the mail that told her of the
//! reply opens a form for one comment, within three days of the reply; what she typed is
//! checked here, the window and "one each" in the store's write.

use super::FollowService;
use crate::store::{CommentWritten, StoreError};
use app::i18n::Locale;
use app::model::{CommentOutcome, CommentState, FollowKind, REPLY_COMMENT};

/// What the comment page shows a follower.
pub struct CommentDesk {
    pub locale: Locale,
    /// The item she follows.
    pub title: String,
    /// The reply's page, `None` while the item is owed no reply or has not got it yet.
    pub reply: Option<String>,
    /// Until when comments are taken (seconds).
    pub until: Option<i64>,
    pub open: bool,
    /// Her comment and where it stands.
    pub mine: Option<(String, CommentState)>,
    /// What she comments on, in one line: who answered, the decision, the day.
    pub answer: Option<(String, app::model::ReplyDecision, String)>,
    /// 重办: the reply reopened by its ratings, `(its page, department, new due date)`.
    pub reopened: Option<(String, String, String)>,
}

impl FollowService {
    /// The comment page of the follow a signed link names; `None`: forged, or stopped.
    pub async fn comment_desk(
        &self,
        id: i64,
        signature: &str,
    ) -> Result<Option<CommentDesk>, StoreError> {
        if !self.letters.verify(id, signature) {
            return Ok(None);
        }
        let Some(row) = self.store.follow(id).await? else {
            return Ok(None);
        };
        let locale = Locale::from_tag(&row.locale).unwrap_or_default();
        let kind = FollowKind::parse(&row.kind).unwrap_or(FollowKind::Cycle);
        let title = match self.item(kind, &row.subject, true).await? {
            Some(item) => item.title,
            None => row.subject.clone(),
        };
        let target = self.store.comment_target(id).await?;
        let now = crate::staff::now();
        let reply = match &target {
            Some(t) => self.store.reply(t.reply_id).await?,
            None => None,
        };
        let reopened = reply.as_ref().and_then(|r| {
            let again = r.rehandle.as_ref().filter(|_| r.answer.is_none())?;
            Some((
                app::paths::reply(r.id),
                r.department.clone(),
                again.due_on.clone(),
            ))
        });
        let answer = reply.and_then(|r| {
            let department = r.department;
            r.answer.map(|a| (department, a.decision, a.on))
        });
        Ok(Some(match target {
            Some(t) if t.replied_at.is_some() => CommentDesk {
                answer,
                locale,
                title,
                reply: Some(app::paths::reply(t.reply_id)),
                until: t
                    .replied_at
                    .map(|at| at + app::model::COMMENT_WINDOW_SECONDS),
                open: t.open(now),
                mine: t.mine,
                reopened: None,
            },
            _ => CommentDesk {
                locale,
                title,
                reply: None,
                until: None,
                open: false,
                mine: None,
                answer: None,
                reopened,
            },
        }))
    }

    /// Writes her comment; `None`: a forged or stopped link, or nothing to comment on.
    pub async fn comment(
        &self,
        id: i64,
        signature: &str,
        typed: &str,
    ) -> Result<Option<CommentOutcome>, StoreError> {
        if !self.letters.verify(id, signature) {
            return Ok(None);
        }
        let body = typed.trim();
        if !REPLY_COMMENT.contains(&body.chars().count()) {
            return Ok(Some(CommentOutcome::Length));
        }
        let written = self
            .store
            .add_reply_comment(id, body, crate::staff::now())
            .await?;
        if written == Some(CommentWritten::Received) {
            tracing::info!(follow = id, "reply comment received for moderation");
        }
        Ok(written.map(|w| match w {
            CommentWritten::Received => CommentOutcome::Received,
            CommentWritten::Already => CommentOutcome::Already,
            CommentWritten::Closed => CommentOutcome::Closed,
        }))
    }
}
