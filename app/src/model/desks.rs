//! What the staff desks show (server functions send these to the pages): the moderation queue
//! (审核), the administrators' cycles (选题征集管理) and the hotline desk (热线证据).

use super::{HeldBallot, HotlineRanking, Suggestion};

/// What the moderation page shows.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct ModerationQueue {
    pub pending: Vec<Suggestion>,
    pub published: Vec<Suggestion>,
    pub held: Vec<HeldBallot>,
    /// Cycles not yet open, `(slug, title)`: where suggestions can be promoted.
    pub upcoming: Vec<(String, String)>,
    /// Redactions with the text before them (staff only, never public).
    #[serde(default)]
    pub history: Vec<crate::model::SuggestionRevision>,
    /// "Me too" support held by the daily allowance per network, by suggestion and network.
    #[serde(default)]
    pub held_supports: Vec<crate::model::HeldSupports>,
    /// Ratings of replies from their pages held by the daily allowance, by reply and network.
    #[serde(default)]
    pub held_ratings: Vec<crate::model::HeldRatings>,
    /// What the mail outbox holds (待发通知).
    #[serde(default)]
    pub outbox: OutboxSummary,
    /// 答复留言 waiting for a moderator, oldest first.
    #[serde(default)]
    pub reply_comments: Vec<crate::model::PendingComment>,
}

/// 待发通知 as staff see it: counts, the oldest wait and the relay's latest refusals — never an
/// address. With no mail server configured every notice waits here, and this says so.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct OutboxSummary {
    /// Not yet delivered.
    pub waiting: u32,
    /// Of those, tried at least once and refused or unreachable.
    pub retrying: u32,
    /// When the longest-waiting one was queued (RFC 3339).
    pub oldest_waiting: Option<String>,
    /// Delivered in the last 24 hours.
    pub sent_last_day: u32,
    /// The latest failures: (what the mail was about, the relay's words, when queued).
    pub recent_errors: Vec<(String, String, String)>,
}

/// A candidate as editors see it: its words on the ballot, and the topic it became.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct AdminCandidate {
    pub id: super::CandidateId,
    pub title: String,
    pub description: String,
    pub evidence: String,
    /// The topic it became, `(year, month)`.
    pub became: Option<(i32, u8)>,
    /// Promoted from a resident's suggestion (市民建议).
    pub from_suggestion: bool,
    /// 未入选理由 code given after close, if any.
    #[serde(default)]
    pub not_chosen: Option<super::NotChosenReason>,
}

/// A cycle as editors manage it: its candidates with the topic each became.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct CycleAdmin {
    pub cycle: crate::model::Cycle,
    pub candidates: Vec<AdminCandidate>,
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct CyclesAdmin {
    pub cycles: Vec<CycleAdmin>,
    /// `(year, month, theme)` of every topic, for "became".
    pub topics: Vec<crate::model::TopicLabel>,
    /// Department names, for the 答复规则's answering department.
    pub departments: Vec<String>,
}

/// What the staff's ranking page shows.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct HotlineDesk {
    pub ranking: Option<HotlineRanking>,
    /// Cycles not yet open, `(slug, title)`: where a class can become a candidate.
    pub upcoming: Vec<(String, String)>,
}
