//! 答复留言 (ReplyComment): what a follower says about a reply. Taiwan's Join lets endorsers
//! comment on an agency's reply for three days; here a follower of the item may, from the
//! signed link in the mail that told her of the reply, and a moderator shows or withholds each
//! comment before anyone else reads it. No name and no address is ever shown with one.

use serde::{Deserialize, Serialize};

/// How long after a reply is first posted its followers may comment on it, in seconds (72 h).
pub const COMMENT_WINDOW_SECONDS: i64 = 3 * 24 * 3600;

/// The length of a comment, in characters: a sentence at least, a page at most.
pub const REPLY_COMMENT: std::ops::RangeInclusive<usize> = 5..=500;

codes! {
    /// 审核状态 of a comment: only `shown` is public.
    CommentState {
        /// Waiting for a moderator.
        Pending => "pending",
        /// Public under the reply.
        Shown => "shown",
        /// Not shown (abuse, personal data, off topic); kept for the record.
        Withheld => "withheld",
    }
}

/// A comment as the public reads it under the reply.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ReplyComment {
    pub id: i64,
    pub body: String,
    /// When it was written (RFC 3339).
    pub at: String,
}

/// A comment waiting for a moderator, with the reply it answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingComment {
    pub id: i64,
    pub reply_id: i64,
    /// The item the reply answers.
    pub title: String,
    pub department: String,
    pub body: String,
    /// RFC 3339.
    pub at: String,
}

/// Whether a reply first posted at `replied_at` still takes comments at `now` (seconds).
pub fn comments_open(replied_at: i64, now: i64) -> bool {
    now <= replied_at + COMMENT_WINDOW_SECONDS
}

codes! {
    /// What became of a follower's comment (the page she is shown says it in her language,
    /// `reply_comment.outcome.<code>`).
    CommentOutcome {
        /// Written; a moderator will read it.
        Received => "received",
        /// She already commented on this reply.
        Already => "already",
        /// The window has closed.
        Closed => "closed",
        /// Too short or too long (what she typed comes back).
        Length => "length",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reply_takes_comments_for_three_days_and_not_a_second_more() {
        let posted = 1_800_000_000;
        assert!(comments_open(posted, posted));
        assert!(comments_open(posted, posted + 72 * 3600));
        assert!(!comments_open(posted, posted + 72 * 3600 + 1));
    }
}
