//! The moderation port (审核): the queue of suggestions, held ballots and held "me too"s, and a
//! moderator's decisions on them.

use crate::model::{ModerationQueue, StaffMember};

/// The moderation port (server-only).
#[async_trait::async_trait]
pub trait ModerationPort: Send + Sync + 'static {
    async fn queue(&self, me: &StaffMember) -> Result<ModerationQueue, crate::api::StaffError>;
    async fn moderate_suggestion(
        &self,
        me: &StaffMember,
        id: i64,
        publish: bool,
        reason: (Option<crate::model::NotPublishedReason>, &str),
    ) -> Result<(), crate::api::StaffError>;
    async fn promote(
        &self,
        me: &StaffMember,
        id: i64,
        cycle: &str,
    ) -> Result<(), crate::api::StaffError>;
    async fn review_ballot(
        &self,
        me: &StaffMember,
        id: i64,
        accept: bool,
    ) -> Result<(), crate::api::StaffError>;
    /// Counts (or not) every held ballot from one network at once (a household, an office, a
    /// carrier's exit): how many were decided.
    async fn review_network_ballots(
        &self,
        me: &StaffMember,
        network: &str,
        accept: bool,
    ) -> Result<usize, crate::api::StaffError>;
    /// Counts (or not) the held support of one suggestion from one network.
    async fn review_supports(
        &self,
        me: &StaffMember,
        suggestion_id: i64,
        network: &str,
        accept: bool,
    ) -> Result<(), crate::api::StaffError>;
    /// Counts (or not) the held ratings of one reply from one network.
    async fn review_ratings(
        &self,
        me: &StaffMember,
        reply_id: i64,
        network: &str,
        accept: bool,
    ) -> Result<(), crate::api::StaffError>;
    /// Shows a follower's comment under its reply, or withholds it.
    async fn review_reply_comment(
        &self,
        me: &StaffMember,
        id: i64,
        show: bool,
    ) -> Result<(), crate::api::StaffError>;
}

#[derive(Clone)]
pub struct ModerationHandle(pub std::sync::Arc<dyn ModerationPort>);
