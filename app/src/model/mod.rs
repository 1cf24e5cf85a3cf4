//! The domain vocabulary shared by the server and the browser (serde types only, no I/O).
//!
//! Every figure carries its provenance: a [`Confidence`] and its [`Source`]s from the facts file,
//! or [`Confidence::Sample`] when the portal made it up for the demo (DESIGN §4 "honest data").

#[macro_use]
mod codes;
mod archive;
mod authoring;
mod ballot_status;
mod chart;
mod chart_ref;
mod desks;
mod evidence_card;
mod follow;
mod form_echo;
mod hotline;
mod ids;
mod import;
mod league;
mod network_rule;
pub mod outcome;
mod participation;
mod plain_text;
mod provenance;
mod publication;
mod publish_checks;
mod receipt_code;
mod redaction;
mod rehandle;
mod reply;
mod reply_comment;
mod reply_rating;
mod reply_template;
mod roles;
mod search;
mod source;
mod staff;
mod suggestion;
mod task_note;
mod task_record;
mod task_status;
mod topic;
mod topic_key;
pub mod working_days;

pub use archive::{Archive, ArchiveMonth, ArchiveQuery, InTopic};
pub use authoring::{
    changes, DraftPart, EditorPolicy, EditorProblem, EditorReport, EditorTopic, EditorTopicList,
    EditorTopicRow, Entity, FieldChange, PublishState, Revision, Snapshot, LEVELS, STATES,
};
pub use ballot_status::{BallotReason, BallotStatus};
pub use chart::{
    valid_chart_id, valid_version, ChartData, ChartEntry, ChartGroup, ChartKind, ChartSeries,
    ChartView, FrameFit, Ongoing, Shape, Theme, Unit,
};
pub use chart_ref::{ChartRef, EvidenceChart};
pub use desks::{
    AdminCandidate, CycleAdmin, CyclesAdmin, HotlineDesk, ModerationQueue, OutboxSummary,
};
pub use evidence_card::{Direction, EvidenceCard, Standout, DIRECTION_MARGIN};
pub use follow::{parse_address, topic_subject, FollowKind, FollowOutcome, ADDRESS_MAX};
pub use form_echo::{
    Clash, EchoError, FormEcho, Withdrawal, ECHO_SECS, PREVIEW, REASON_MAX, REASON_MIN,
};
pub use hotline::{
    HotlineRanking, Measure, RankBaseline, RankWeights, RankedClass, MIN_GROWTH, MIN_PREVIOUS,
    MIN_RATED, RANK_WINDOWS, RATE_MARGIN, VOLUME_FACTOR, WEIGHT_MAX,
};
pub use ids::{CandidateId, CycleId, ProblemId, TaskId, TopicId};
pub use import::{ImportKind, ImportPreview, RowError};
pub use league::{
    league_line, league_lines, parse_month, League, LeagueLine, LeagueMonth, LeagueReply,
    RatingMean, LEAGUE_MIN_OWED, LEAGUE_MIN_RATINGS,
};
pub use network_rule::{
    beijing_day_start, HeldRatings, HeldSupports, NetworkBand, NetworkConcentration,
    DEFAULT_PER_NETWORK_DAY, HELD_REVIEW_WORKING_DAYS,
};
pub use outcome::{Done, Field, Refusal};
pub use participation::{
    check_picks, order_cycles, BallotProblem, Cycle, CycleCandidate, CycleDetail, HeldBallot,
    IntegrityReport, Phase, ReceiptStatus, Tally, Tier, DISTRICTS,
};
pub use plain_text::{is_stray_control, without_controls};
pub use provenance::{
    shown_confidence, Confidence, Fact, FactKind, Origin, Published, Source, SourceKind,
};
pub use publication::{
    About, Candidate, Department, Home, HotlineFigure, Policy, ProblemDetail, ProblemSummary,
    Topic, YearDetail, YearSummary,
};
pub use publish_checks::{due_plausible, publish_checks, PublishCheck};
pub use receipt_code::{
    normalize_chars, CodeProblem, OwnBallot, OwnBallotState, ReceiptAnswer, ReceiptCode,
    CODE_ALPHABET,
};
pub use redaction::{phone_like, redact, SuggestionRevision, MAX_REDACT_SPAN, REDACTED};
pub use rehandle::{
    calls_for_rehandle, Rehandle, RehandleRate, REHANDLE_MIN_RATERS, REHANDLE_WORKING_DAYS,
};
pub use reply::{
    due_dates, Answer, Extension, InterimNote, NotAdoptedReason, NotChosen, NotChosenReason, Reply,
    ReplyBoard, ReplyDecision, ReplyDesk, ReplyEntry, ReplyItem, ReplyRecord, ReplyRule, Standing,
    DUE_SOON_WORKING_DAYS, EXTENSION_MAX_DAYS, REPLY_BODY, REPLY_NOTE, RULE_SUPPORTERS,
    RULE_SUPPORT_DAYS, RULE_VOTES, RULE_WORKING_DAYS,
};
pub use reply_comment::{
    comments_open, CommentOutcome, CommentState, PendingComment, ReplyComment,
    COMMENT_WINDOW_SECONDS, REPLY_COMMENT,
};
pub use reply_rating::{
    rating_open, RateHere, RatingAspect, RatingOutcome, RatingStanding, RatingTally, Scores,
    RATING_WINDOW_SECONDS,
};
pub use reply_template::{ReplyTemplate, TEMPLATE_TITLE};
pub use roles::{
    report_author_allowed, AuthorRefusal, BodyKind, EnteredBy, Grant, ReportAuthor,
    BEIJING_DISTRICTS, EDITORIAL_OFFICE,
};
pub use search::{
    search_terms, site_pages, validate_query, HitKind, QueryProblem, SearchHit, SitePage,
    MAX_QUERY_CHARS, SITE_PAGES,
};
pub use staff::{
    AuditEntry, DeskReport, Role, StaffDesk, StaffMember, StaffResponsibility, StaffTask,
};
pub use suggestion::{
    NotPublishedReason, OpenSuggestion, OwnSuggestion, OwnSuggestions, Promoted, SuggestRefusal,
    Suggestion, SuggestionReply, SuggestionStage, SuggestionState, CATEGORIES, SUGGESTION_TEXT_MAX,
    SUGGESTION_TEXT_MIN, SUGGESTION_TITLE_MAX, SUGGESTION_TITLE_MIN,
};
pub use task_note::{
    evidence_url_ok, Evidence, TaskNote, MAX_DELAY_REASON_CHARS, MAX_EVIDENCE_TITLE_CHARS,
    MAX_NOTE_CHARS, MAX_URL_CHARS,
};
pub use task_record::{MarkText, TaskChange, TaskChangeKind};
pub use task_status::{Completion, OnTime, TaskState, TaskStatus};
pub use topic::{
    ChosenBy, DepartmentDetail, Level, ProblemProgress, Progress, Report, ReportKind,
    Responsibility, Task, TopicDetail,
};
pub use topic_key::{Month, TopicKey, TopicLabel};

/// The first and last year a 每月一题 year page may exist for; anything else is a 404, not a query.
pub const FIRST_YEAR: i32 = 2021;
pub const LAST_YEAR: i32 = 2100;

/// Parses a year from a URL segment. Rejects anything that is not a plain year in range, so a
/// malformed path never reaches the store.
pub fn parse_year(segment: &str) -> Option<i32> {
    if segment.len() != 4 || !segment.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: i32 = segment.parse().ok()?;
    (FIRST_YEAR..=LAST_YEAR).contains(&year).then_some(year)
}

/// Parses a positive record id from a URL segment (at most 18 digits, so it fits an i64).
pub fn parse_id(segment: &str) -> Option<i64> {
    if segment.is_empty() || segment.len() > 18 || !segment.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    segment.parse::<i64>().ok().filter(|id| *id > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_in_range_parse() {
        assert_eq!(parse_year("2024"), Some(2024));
        assert_eq!(parse_year("2021"), Some(2021));
    }

    #[test]
    fn malformed_years_are_rejected() {
        for bad in [
            "",
            "abc",
            "20244",
            "2020",
            "-2024",
            "+202",
            "２０２４",
            "2024 ",
        ] {
            assert_eq!(parse_year(bad), None, "{bad:?} should not parse");
        }
    }

    #[test]
    fn ids_must_be_positive_plain_numbers() {
        assert_eq!(parse_id("42"), Some(42));
        for bad in ["0", "-1", "1e3", "", "99999999999999999999", "12a"] {
            assert_eq!(parse_id(bad), None, "{bad:?} should not parse");
        }
    }
}
