//! Outcome charts (成效图表): what a chart shows, independent of theme, width and language.
//! The server hashes [`ChartData`] into the data version that embeds can pin.

use super::Source;
use serde::{Deserialize, Serialize};

/// 图表种类: the family a chart belongs to, which decides its shape and its wording.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum ChartKind {
    /// 每年问题数: problems taken on per year (facts).
    ProblemsPerYear,
    /// 每月出台政策: policies issued per month.
    PoliciesPerMonth,
    /// 任务完成情况: a topic's tasks by status, per problem.
    TopicTasks,
    /// 部门按期完成: per department, tasks done on time, late, overdue.
    DepartmentsOnTime,
    /// 投票结果: a cycle's tallies, verified and unverified tiers stacked.
    CycleVotes,
    /// 热线诉求分类: hotline requests by category.
    HotlineCategories,
    /// 诉求量: complaints about a problem per month, before and after its topic.
    ProblemVolume,
    /// 解决率与满意率: resolution and satisfaction rates of a problem per month.
    ProblemRates,
    /// 诉求趋势: a candidate's hotline class, requests per week up to its evidence window's end.
    ClassTrend,
    /// 各区分布: a candidate's hotline class, requests per district over the window.
    ClassDistricts,
    /// 办理情况: a candidate's class against all requests — resolution, satisfaction,
    /// dissatisfaction and reopen rates over the window.
    ClassRates,
}

impl ChartKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ChartKind::ProblemsPerYear => "problems_per_year",
            ChartKind::PoliciesPerMonth => "policies_per_month",
            ChartKind::TopicTasks => "topic_tasks",
            ChartKind::DepartmentsOnTime => "departments_on_time",
            ChartKind::CycleVotes => "cycle_votes",
            ChartKind::HotlineCategories => "hotline_categories",
            ChartKind::ProblemVolume => "problem_volume",
            ChartKind::ProblemRates => "problem_rates",
            ChartKind::ClassTrend => "class_trend",
            ChartKind::ClassDistricts => "class_districts",
            ChartKind::ClassRates => "class_rates",
        }
    }

    /// How the series are drawn.
    pub fn shape(self) -> Shape {
        match self {
            ChartKind::ProblemsPerYear | ChartKind::PoliciesPerMonth => Shape::Bar,
            // Long names (problems, departments, candidates) read best down the side.
            ChartKind::TopicTasks
            | ChartKind::DepartmentsOnTime
            | ChartKind::CycleVotes
            | ChartKind::ClassDistricts => Shape::StackedBarHorizontal,
            ChartKind::HotlineCategories => Shape::Pie,
            ChartKind::ProblemVolume | ChartKind::ProblemRates | ChartKind::ClassTrend => {
                Shape::Line
            }
            ChartKind::ClassRates => Shape::Bar,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Bar,
    StackedBarHorizontal,
    Line,
    Pie,
}

/// 单位 of the values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum Unit {
    Count,
    Percent,
    /// 万件: ten thousand requests, the unit the hotline reports in.
    TenThousand,
}

/// One series: a stable token (translated for display, used as the CSV column) and its values,
/// one per category.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ChartSeries {
    pub key: String,
    pub values: Vec<f64>,
}

/// 图表数据. Everything a chart shows; nothing about how it looks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ChartData {
    /// Stable id, e.g. `problems-per-year`, `topic-2024-03-tasks`, `cycle-2026-winter-votes`.
    pub id: String,
    pub kind: ChartKind,
    /// What the chart is about when the family has many charts (a topic, problem or cycle).
    pub subject: Option<String>,
    pub unit: Unit,
    /// The x axis (or the slices of a pie).
    pub categories: Vec<String>,
    pub series: Vec<ChartSeries>,
    /// The category where a topic started, marked on before/after charts.
    pub marker: Option<String>,
    /// 示例数据: true when any figure is made up for the demo; shown on the chart and in the API.
    pub sample: bool,
    pub sources: Vec<Source>,
    /// The date the figures describe (YYYY-MM-DD).
    pub as_of: String,
    /// 未结束: figures still gathering (an open vote, the running year), worded as not final
    /// in the title every form carries — page, embed, PNG, SVG and CSV.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ongoing: Option<Ongoing>,
}

/// What in a chart is not over yet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum Ongoing {
    /// Voting is open through this Beijing day: the count is live, not a result.
    VoteOpen { last_day: String },
    /// This category (the running year) is still gathering.
    Period { category: String },
}

/// 主题: charts are drawn light or dark; `auto` embeds carry both.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

impl Theme {
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// A chart ready to show: its data and version, its words in the reader's language, the SVG
/// drawn on the server, and the ECharts option for the interactive upgrade.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChartView {
    pub data: ChartData,
    /// The data version (a hash of [`ChartData`]); `?v=` pins it.
    pub version: String,
    /// Whether this is the latest version or a pinned older one.
    pub latest: bool,
    pub title: String,
    /// The one-sentence takeaway.
    pub takeaway: String,
    /// A text description for readers who cannot see the chart.
    pub description: String,
    /// Display names of the series, in order.
    pub series_names: Vec<String>,
    /// 单位 of the values in the reader's language, e.g. 件.
    pub unit: String,
    /// What the categories are, e.g. 月份 (the first column of the table and the CSV).
    pub category: String,
    pub svg: String,
    pub option: String,
    pub width: u32,
    pub height: u32,
}

/// A frame height that follows the column: `percent` % of its width plus `px`, at least what
/// the embed needs at every width from 300 to 1200 px.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct FrameFit {
    pub percent: u32,
    pub px: u32,
}

impl FrameFit {
    pub fn at(self, width: u32) -> u32 {
        width * self.percent / 100 + self.px
    }
}

/// One row of the chart catalogue (`/charts`, `/api/v1/charts`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ChartEntry {
    pub id: String,
    pub kind: ChartKind,
    pub title: String,
    /// What the chart is about (a topic, problem or cycle), for search.
    #[serde(default)]
    pub subject: Option<String>,
    /// Where the chart belongs, for grouping the catalogue.
    #[serde(default)]
    pub group: ChartGroup,
    pub sample: bool,
    pub version: String,
}

/// 图表归属: the part of the portal a chart belongs to.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum ChartGroup {
    /// City-wide figures: years, policies, departments, the hotline.
    #[default]
    Overall,
    /// A month's topic (主题) and its problems' outcomes.
    Topic { year: i32, month: u8 },
    /// Votes (投票) and the candidates' evidence.
    Votes,
}

/// Ids are lowercase ASCII words joined by `-`: anything else is a 404 before any query.
pub fn valid_chart_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 80
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Versions are the first 12 hex digits of a SHA-256.
pub fn valid_version(v: &str) -> bool {
    v.len() == 12
        && v.bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
}
