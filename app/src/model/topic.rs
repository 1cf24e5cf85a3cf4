//! A month's topic as published: one plan and three lists (一方案、三清单), its progress and
//! the reports staff write about it.

use super::{Department, OnTime, Policy, ProblemSummary, TaskNote, TaskState, TaskStatus, Topic};
use serde::{Deserialize, Serialize};

/// 层级: who carries a task or responsibility — city, district, or street/township.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum Level {
    /// 市级
    City,
    /// 区级
    District,
    /// 街道（乡镇）级
    Street,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::City, Level::District, Level::Street];

    /// The message key of its words (市级, "City level"), for pages and localised downloads.
    pub fn label_key(self) -> &'static str {
        match self {
            Level::City => "level.city",
            Level::District => "level.district",
            Level::Street => "level.street",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Level::City => "city",
            Level::District => "district",
            Level::Street => "street",
        }
    }

    pub fn parse(token: &str) -> Option<Self> {
        Level::ALL.into_iter().find(|l| l.as_str() == token)
    }
}

/// 任务: one line of the task list (任务清单).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Task {
    pub id: super::TaskId,
    pub title: String,
    pub problem_id: Option<super::ProblemId>,
    pub owner: Department,
    pub level: Level,
    pub due: String,
    pub done_on: Option<String>,
    /// What staff last recorded (the form starts from it).
    pub state: TaskState,
    /// What residents see, overdue and done late included.
    pub status: TaskStatus,
    pub is_sample: bool,
    /// 延期原因: why the task is (or was) late, as its department explains it; public.
    #[serde(default)]
    pub delay_reason: Option<String>,
    /// The Beijing day the delay reason was given or last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delay_on: Option<String>,
    /// 预计完成日期: the new date its department expects the late task done by.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delay_expected: Option<String>,
    /// The completion date recorded before the task was last reopened: the form offers it
    /// again, so "进行中 then back to 已完成" keeps the true date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_done_on: Option<String>,
    /// 进展记录: its department's dated notes, newest first (with evidence links).
    #[serde(default)]
    pub notes: Vec<TaskNote>,
    /// 原定截止日期: the due date the public was first given, when it has been changed since.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_due: Option<String>,
    /// The date on-time is judged against, when it is not `due` (an extension granted after
    /// the earlier date had passed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub judged_due: Option<String>,
    /// The Beijing date the completion was recorded, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done_recorded_on: Option<String>,
    /// 变更记录: every change since publication, oldest first.
    #[serde(default)]
    pub changes: Vec<super::TaskChange>,
}

/// 责任: one item of the responsibility list (责任清单), issued in numbered batches (批次).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Responsibility {
    pub id: i64,
    pub duty: String,
    pub department: Department,
    pub level: Level,
    pub batch: u8,
    /// 履职状态 as the department last recorded it.
    pub state: TaskState,
    pub is_sample: bool,
}

/// Share of tasks done; what the progress bars draw.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Progress {
    pub done: u32,
    pub total: u32,
}

impl Progress {
    pub fn of<'a>(tasks: impl IntoIterator<Item = &'a Task>) -> Self {
        tasks
            .into_iter()
            .fold(Progress::default(), |p, t| Progress {
                done: p.done + u32::from(t.status.is_done()),
                total: p.total + 1,
            })
    }

    /// Whole percent, rounded down so 99.5% never shows as done.
    pub fn percent(self) -> u32 {
        (self.done * 100).checked_div(self.total).unwrap_or(0)
    }
}

/// 月度进展 or 监督: a dated report. Supervision notes come from outside the lead department
/// (CPPCC, courts) and are shown as their own stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum ReportKind {
    Progress,
    Supervision,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Report {
    pub id: i64,
    pub date: String,
    pub title: String,
    /// Sanitised HTML rendered from the author's Markdown on the server.
    pub body_html: String,
    pub kind: ReportKind,
    pub author: String,
    pub is_sample: bool,
    /// The department or body the report speaks for, when it is one from the list.
    #[serde(default)]
    pub author_department: Option<i64>,
    /// The role of the account that entered it (never a username); `None` for sample rows.
    #[serde(default)]
    pub entered_by: Option<super::EnteredBy>,
    /// 已撤回: when (UTC, RFC 3339) its author took it back; its text is then not shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawn_at: Option<String>,
    /// Why it was withdrawn, in its author's words (public).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawn_reason: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ProblemProgress {
    pub problem: ProblemSummary,
    pub progress: Progress,
}

/// Everything the topic page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TopicDetail {
    pub topic: Topic,
    /// 一方案 as sanitised HTML.
    pub plan_html: String,
    pub progress: Progress,
    pub problems: Vec<ProblemProgress>,
    pub tasks: Vec<Task>,
    pub responsibilities: Vec<Responsibility>,
    pub policies: Vec<Policy>,
    /// Newest first.
    pub reports: Vec<Report>,
    /// 由投票选出: the rounds whose residents chose this topic (usually one), oldest first.
    #[serde(default)]
    pub chosen_by: Vec<ChosenBy>,
}

/// 由投票选出: the voting round whose residents chose a topic, and the candidate it was there.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ChosenBy {
    pub cycle_slug: String,
    pub cycle_title: String,
    pub candidate_id: i64,
    pub candidate_title: String,
    /// Its approvals by tier, once the round's tally is public (closed, or shown live).
    pub tally: Option<super::Tally>,
    /// The round is sample data (示例数据).
    pub is_sample: bool,
}

/// 部门 page: what a department leads or shares, and how it keeps its dates.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DepartmentDetail {
    pub department: Department,
    /// `(year, month, theme)` of topics it leads.
    pub topics_led: Vec<crate::model::TopicLabel>,
    pub problems_led: Vec<ProblemSummary>,
    pub tasks: Vec<Task>,
    pub responsibilities: Vec<Responsibility>,
    pub on_time: OnTime,
    /// Its replies owed (答复): answered on time or late, waiting, overdue.
    #[serde(default)]
    pub replies: crate::model::ReplyRecord,
    /// Its line in each month's 答复排行榜, oldest first.
    #[serde(default)]
    pub league: Vec<crate::model::LeagueMonth>,
}
