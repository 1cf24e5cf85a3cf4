//! What 每月一题 publishes: years, problems, topics, policies, and what residents may vote on next.

use super::{Confidence, Fact, Published, Source};
use serde::{Deserialize, Serialize};

/// 部门: a city department that leads or cooperates on a problem.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Department {
    pub id: i64,
    pub name: String,
}

/// 年度: one year of the mechanism with its published totals. `None` means "not published".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct YearSummary {
    pub year: i32,
    /// 问题数: how many problems the year took on (from the facts file).
    pub problem_count: u32,
    /// How many of those problems our sources name (the rest are counted but untitled).
    pub named_count: u32,
    pub categories: Option<u32>,
    pub tasks: Option<u32>,
    pub policies: Option<u32>,
    pub satisfaction_pct: Option<f64>,
    /// 发布日期 of the year's list, when known.
    pub announced: Option<String>,
    pub note: Option<String>,
    pub sources: Vec<Source>,
}

/// 问题: one concrete problem as listed on a year page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ProblemSummary {
    pub id: super::ProblemId,
    pub year: i32,
    pub title: String,
    /// What the reader is told, by the rule of `shown_confidence`.
    pub confidence: Confidence,
    /// 月份: the sources give no months, so this is always sample data when present.
    pub month: Option<u8>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct YearDetail {
    pub summary: YearSummary,
    pub problems: Vec<ProblemSummary>,
    /// 成效: outcomes the sources report for the year.
    pub outcomes: Vec<String>,
    /// Outcomes reported for the year with their own confidence and sources (second facts batch).
    pub reported: Vec<Fact>,
}

/// 政策: a policy document issued in answer to a problem (政策清单).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Policy {
    pub id: i64,
    pub title: String,
    /// 文号, e.g. 京体产业字〔2023〕12号.
    pub doc_no: Option<String>,
    pub issuer: String,
    /// 通过日期 (for laws passed by the people's congress).
    pub passed: Option<String>,
    pub issued: Option<String>,
    pub effective: Option<String>,
    /// What the reader is told, by the rule of `shown_confidence`: never 已证实 without a source.
    pub confidence: Confidence,
    pub sources: Vec<Source>,
    /// 官方发布: the department and date, for a policy an editor entered.
    pub published: Option<Published>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ProblemDetail {
    pub problem: ProblemSummary,
    /// The problem's own sources (never the year's, which are `year_sources`).
    pub sources: Vec<Source>,
    /// 官方发布: the department and date, for a problem an editor entered.
    pub published: Option<Published>,
    /// The sources of the year's list, shown as context, not as the problem's own.
    pub year_sources: Vec<Source>,
    /// 来源所载: what the sources report (lead department, measures, outcomes, notes).
    pub facts: Vec<Fact>,
    /// 牵头部门.
    pub lead: Option<Department>,
    /// 配合部门.
    pub cooperating: Vec<Department>,
    /// Months and department assignments are not in our sources: true means they are sample data.
    pub assignment_is_sample: bool,
    pub policies: Vec<Policy>,
    /// The monthly topic this problem belongs to, when it has one.
    pub topic: Option<crate::model::TopicLabel>,
}

/// 主题: one month's theme with its 2–3 problems and lead department.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Topic {
    pub id: super::TopicId,
    pub year: i32,
    pub month: u8,
    pub theme: String,
    pub summary: String,
    pub lead: Option<Department>,
    pub cooperating: Vec<Department>,
    pub problems: Vec<ProblemSummary>,
    pub is_sample: bool,
}

/// 候选议题: a topic residents may choose for an upcoming month.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    pub id: i64,
    pub title: String,
    pub summary: String,
    pub is_sample: bool,
}

/// 12345 热线 volume for a period, as reported by the press.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HotlineFigure {
    pub period: String,
    pub requests: String,
    pub resolution_rate: Option<String>,
    pub satisfaction_rate: Option<String>,
    pub sources: Vec<Source>,
}

/// Everything the home page shows, fetched in one round trip.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Home {
    /// The Beijing calendar month `(year, month)` the page was made in.
    pub this_month: (i32, u8),
    /// The latest published topic up to `this_month`; it is this month's only when its month
    /// is `this_month`.
    pub current: Option<Topic>,
    /// The open voting cycle `(slug, title)` and its candidates.
    pub vote: Option<(String, String)>,
    pub candidates: Vec<Candidate>,
    pub years: Vec<YearSummary>,
}

/// The about / methodology page: the mechanism in the sources' words, and the hotline figures.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct About {
    pub mechanism_sources: Vec<Source>,
    pub hotline: Vec<HotlineFigure>,
    pub policies_total: Option<String>,
    pub responsibility_total: Option<String>,
}
