//! The rows of a dataset as read from its files (facts file, later imports): plain data that
//! both dataset writers take, so neither imports the other's.

use crate::store::hotline::evidence::ClassKey;
use crate::store::topics::provenance::FactRow;

/// A complete dataset to load, independent of where it came from (facts file, later imports).
#[derive(Clone, Debug, Default)]
pub struct Dataset {
    /// Key/value facts about the mechanism (e.g. `policies_issued`).
    pub meta: Vec<(String, String)>,
    pub years: Vec<YearRow>,
    pub departments: Vec<String>,
    pub topics: Vec<TopicRow>,
    pub problems: Vec<ProblemRow>,
    pub policies: Vec<PolicyRow>,
    pub hotline: Vec<HotlineRow>,
}

#[derive(Clone, Debug, Default)]
pub struct YearRow {
    pub year: i32,
    pub problem_count: u32,
    pub categories: Option<u32>,
    pub tasks: Option<u32>,
    pub policies: Option<u32>,
    pub satisfaction_pct: Option<f64>,
    pub announced: Option<String>,
    pub note: Option<String>,
    pub source: String,
    pub outcomes: Vec<String>,
    /// Outcomes with their own confidence and sources (the second facts batch).
    pub reported: Vec<FactRow>,
}

#[derive(Clone, Debug)]
pub struct TopicRow {
    pub year: i32,
    pub month: u8,
    pub theme: String,
    pub summary: String,
    pub lead: String,
    pub cooperating: Vec<String>,
    pub is_sample: bool,
    /// 一方案, as the author wrote it (Markdown).
    pub plan_markdown: String,
    pub tasks: Vec<TaskRow>,
    pub responsibilities: Vec<ResponsibilityRow>,
    pub reports: Vec<ReportRow>,
}

#[derive(Clone, Debug)]
pub struct TaskRow {
    /// Title of the topic's problem the task serves, if any.
    pub problem_title: Option<String>,
    pub title: String,
    pub owner: String,
    /// Token of `app::model::Level`.
    pub level: String,
    pub due: String,
    /// Token of `app::model::TaskState`.
    pub state: String,
    pub done_on: Option<String>,
    pub is_sample: bool,
}

#[derive(Clone, Debug)]
pub struct ResponsibilityRow {
    pub duty: String,
    pub department: String,
    pub level: String,
    pub batch: u8,
    /// `not_started`, `in_progress` or `done`.
    pub state: String,
    pub is_sample: bool,
}

#[derive(Clone, Debug)]
pub struct ReportRow {
    pub date: String,
    /// `progress` or `supervision`.
    pub kind: String,
    pub title: String,
    pub author: String,
    pub body_markdown: String,
    pub is_sample: bool,
}

#[derive(Clone, Debug)]
pub struct ProblemRow {
    pub year: i32,
    pub title: String,
    /// Token of `app::model::Confidence`.
    pub confidence: String,
    /// The problem's own sources (`;`-separated), with their titles and, for a repost, the
    /// outlet it credits (migration 0011).
    pub source: Option<String>,
    pub source_title: Option<String>,
    pub repost_of: Option<String>,
    pub month: Option<u8>,
    /// `(year, month)` of the topic this problem belongs to.
    pub topic: Option<(i32, u8)>,
    pub lead: Option<String>,
    pub cooperating: Vec<String>,
    pub assignment_is_sample: bool,
    /// The hotline class whose requests measure this problem's outcome.
    pub hotline_class: Option<ClassKey>,
    /// 来源所载: what the sources report about it.
    pub facts: Vec<FactRow>,
}

#[derive(Clone, Debug)]
pub struct PolicyRow {
    pub title: String,
    pub doc_no: Option<String>,
    pub issuer: String,
    pub passed: Option<String>,
    pub issued: Option<String>,
    pub effective: Option<String>,
    pub answers: String,
    pub confidence: String,
    pub source: Option<String>,
    pub source_title: Option<String>,
    pub repost_of: Option<String>,
    /// Titles of the problems this policy answers (every year that has them).
    pub problem_titles: Vec<String>,
    pub is_sample: bool,
    /// `(year, month)` of the topic whose policy list (政策清单) carries it.
    pub topic: Option<(i32, u8)>,
}

#[derive(Clone, Debug)]
pub struct HotlineRow {
    pub period: String,
    pub requests: String,
    pub resolution_rate: Option<String>,
    pub satisfaction_rate: Option<String>,
    pub source: String,
}
