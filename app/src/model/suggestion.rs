//! 我要点菜: a resident's suggestion for a new candidate topic, the words she may choose from, and
//! the limits the form states before she types.

use serde::{Deserialize, Serialize};

/// 我要点菜: a resident's suggestion for a new candidate topic.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Suggestion {
    pub id: i64,
    pub title: String,
    pub description: String,
    pub district: String,
    pub category: String,
    pub state: SuggestionState,
    /// Why it was rejected (the author reads it by receipt).
    pub reason: Option<String>,
    /// "Me too" count, the author included.
    pub supporters: u32,
    /// The reply it is owed or got, once it crossed its cycle's threshold (答复).
    #[serde(default)]
    pub reply: Option<super::ReplyEntry>,
}

/// A published suggestion as open data (公开的建议): what residents ask for, how many support
/// it, and whether it became a candidate — so a newsroom can follow it without scraping pages
/// (issue 34). Residents' own words, published by a moderator; never sample data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct OpenSuggestion {
    pub id: i64,
    pub title: String,
    pub description: String,
    pub district: String,
    pub category: String,
    /// "我也要" supporters counted, the author included.
    pub supporters: u32,
    /// `published`, or `candidate` once a moderator put it on a ballot.
    pub stage: SuggestionStage,
    /// The Beijing date it was published; absent for suggestions published before the date
    /// was kept.
    pub published_on: Option<String>,
    /// Its address on the portal.
    pub url: String,
    /// The voting round it became a candidate of.
    pub candidate: Option<super::Promoted>,
}

codes! {
    /// How far a published suggestion has gone.
    SuggestionStage {
        Published => "published",
        Candidate => "candidate",
    }
}

/// A suggestion this device sent (您提交的建议): remembered for her as ballots are, so she finds
/// it again on the suggestion page without her receipt code (issue 34).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OwnSuggestion {
    pub id: i64,
    pub receipt: String,
    pub title: String,
    pub state: SuggestionState,
    /// When it was sent (UTC, ISO 8601).
    pub at: String,
}

/// What this device did on the suggestion page: the suggestions it sent, newest first, and the
/// published ones it supported ("我也要", its own counted in) — so the page never offers "我也要"
/// again where it would change nothing.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OwnSuggestions {
    pub sent: Vec<OwnSuggestion>,
    pub supported: Vec<i64>,
}

codes! {
    /// Where a suggestion stands: waiting for a moderator (待审核), published (已公开) or not
    /// published with a reason (未公开); stored and sent as its token.
    SuggestionState {
        Pending => "pending",
        Published => "published",
        Rejected => "rejected",
    }
}

codes! {
    /// Why a moderator did not publish a suggestion (未公开原因): its author reads the words of
    /// the code in her language, with the moderator's note, if any, beside them.
    NotPublishedReason {
        /// One person's or household's own problem: the hotline handles it, and faster.
        Personal => "personal",
        /// The same problem as a suggestion already published (support that one instead).
        Duplicate => "duplicate",
        /// Outside the city government's remit.
        OutOfScope => "out_of_scope",
        /// Names, phone numbers, door numbers: not for a public page.
        PersonalData => "personal_data",
        /// Abuse or advertising.
        Uncivil => "uncivil",
        /// Too unclear to tell what the problem is.
        Unclear => "unclear",
        /// Another reason, which the note must give.
        Other => "other",
    }
}

impl NotPublishedReason {
    /// The locale key of its words.
    pub fn message_key(self) -> String {
        format!("suggest.not_published.{}", self.as_str())
    }
}

/// Broad categories residents choose from (the hotline issue maps them to its category tree).
pub const CATEGORIES: [&str; 10] = [
    "住房与物业",
    "交通出行",
    "市容环境",
    "供暖供水供电",
    "教育",
    "医疗卫生",
    "养老助残",
    "市场监管",
    "公共安全",
    "其他",
];

/// Limits of a suggestion, in characters. The form states them before anyone types; the
/// minimums only keep out empty words: "楼道灯" is a whole problem.
pub const SUGGESTION_TITLE_MIN: usize = 2;
pub const SUGGESTION_TITLE_MAX: usize = 60;
pub const SUGGESTION_TEXT_MIN: usize = 5;
pub const SUGGESTION_TEXT_MAX: usize = 1_000;

codes! {
    /// Why a suggestion or a "me too" was not taken; the code travels in the page's address
    /// (`/suggest?error=<code>`) and is the message key `suggest.error.<code>`.
    SuggestRefusal {
        Title => "title",
        Description => "description",
        District => "district",
        Category => "category",
        RateLimited => "rate_limited",
        BadProof => "bad_proof",
        ReplayedProof => "replayed_proof",
        Busy => "busy",
    }
}

impl SuggestRefusal {
    pub fn message_key(self) -> String {
        format!("suggest.error.{}", self.as_str())
    }
}

/// The reply a suggestion, or the candidate made from it, is owed or got (答复): its page, and
/// the day it was answered once it is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SuggestionReply {
    /// The reply's id (`/replies/{id}`).
    pub id: i64,
    /// `YYYY-MM-DD`, Beijing time; absent while it waits.
    pub answered_on: Option<String>,
}

/// A suggestion made a candidate of a voting round (列为候选).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Promoted {
    /// The round's name.
    pub cycle: String,
    /// The candidate's page.
    pub path: String,
    /// When; absent for promotions recorded before the date was kept.
    pub at: Option<String>,
}
