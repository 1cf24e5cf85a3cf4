//! The one on-time rule (按时): a task's status as staff record it, as residents see it (overdue
//! and done late computed from the date judged and the completion as recorded), and a
//! department's on-time record. Every page, chart, CSV and the API read it from here.

use super::Task;
use serde::{Deserialize, Serialize};

/// 任务状态 as staff record it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum TaskState {
    NotStarted,
    InProgress,
    Done,
}

impl TaskState {
    pub fn as_str(self) -> &'static str {
        match self {
            TaskState::NotStarted => "not_started",
            TaskState::InProgress => "in_progress",
            TaskState::Done => "done",
        }
    }

    pub fn parse(token: &str) -> Option<Self> {
        [
            TaskState::NotStarted,
            TaskState::InProgress,
            TaskState::Done,
        ]
        .into_iter()
        .find(|s| s.as_str() == token)
    }
}

/// What the record says about a task's completion: its date, the Beijing day it was recorded
/// and the date it was first recorded with (both kept through corrections; `None` for rows
/// from before they were kept).
#[derive(Clone, Copy, Debug)]
pub struct Completion<'a> {
    pub on: &'a str,
    pub recorded_on: Option<&'a str>,
    pub first_on: Option<&'a str>,
}

impl<'a> Completion<'a> {
    /// A completion known only by its date.
    pub fn dated(on: &'a str) -> Self {
        Completion {
            on,
            recorded_on: None,
            first_on: None,
        }
    }
}

/// 任务状态 as residents see it: an unfinished task past its due date is overdue (逾期), and a
/// task finished after its due date is done late (逾期后完成), whatever staff last recorded —
/// nobody has to remember to flag it. This is the one on-time rule: every page, chart, CSV and
/// the API read it from here.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum TaskStatus {
    NotStarted,
    InProgress,
    /// 按期完成: done on or before the due date.
    Done,
    /// 逾期后完成: done, but after the due date.
    DoneLate,
    Overdue,
}

impl TaskStatus {
    /// The message key of its words (已逾期, "Overdue"), for pages and localised downloads.
    pub fn label_key(self) -> &'static str {
        match self {
            TaskStatus::NotStarted => "status.not_started",
            TaskStatus::InProgress => "status.in_progress",
            TaskStatus::Done => "status.done",
            TaskStatus::DoneLate => "task_progress.done_late",
            TaskStatus::Overdue => "status.overdue",
        }
    }

    pub const ALL: [TaskStatus; 5] = [
        TaskStatus::NotStarted,
        TaskStatus::InProgress,
        TaskStatus::Done,
        TaskStatus::DoneLate,
        TaskStatus::Overdue,
    ];

    /// `judged` is the date on-time is judged against: the original due date, or an extension
    /// granted before it passed (`task_record`). All dates are ISO (`YYYY-MM-DD`), which
    /// compare correctly as text. A completion is late when its date is after `judged`, and
    /// also when it was recorded after `judged` with a date after it and then moved earlier:
    /// a task the public saw reported late is not made on time by back-dating (a completion
    /// first recorded late with an earlier date, as when a past month is entered, is judged by
    /// its date). A done task always has its completion date (the store requires it); one
    /// without counts as done on time, since nothing says otherwise.
    pub fn on(state: TaskState, judged: &str, done: Option<Completion<'_>>, today: &str) -> Self {
        let after = |d: Option<&str>| d.is_some_and(|d| d > judged);
        let late =
            done.is_some_and(|c| after(Some(c.on)) || (after(c.recorded_on) && after(c.first_on)));
        match state {
            TaskState::Done if late => TaskStatus::DoneLate,
            TaskState::Done => TaskStatus::Done,
            _ if judged < today => TaskStatus::Overdue,
            TaskState::InProgress => TaskStatus::InProgress,
            TaskState::NotStarted => TaskStatus::NotStarted,
        }
    }

    /// Finished, on time or not: what progress bars count.
    pub fn is_done(self) -> bool {
        matches!(self, TaskStatus::Done | TaskStatus::DoneLate)
    }

    /// Past its due date without being done in time: the task owes the public a reason.
    pub fn is_late(self) -> bool {
        matches!(self, TaskStatus::DoneLate | TaskStatus::Overdue)
    }

    /// The status as recorded, for items without a due date (responsibilities).
    pub fn recorded(state: TaskState) -> Self {
        match state {
            TaskState::NotStarted => TaskStatus::NotStarted,
            TaskState::InProgress => TaskStatus::InProgress,
            TaskState::Done => TaskStatus::Done,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            TaskStatus::NotStarted => "not_started",
            TaskStatus::InProgress => "in_progress",
            TaskStatus::Done => "done",
            TaskStatus::DoneLate => "done_late",
            TaskStatus::Overdue => "overdue",
        }
    }
}

/// On-time record of a department's tasks (按期完成率).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OnTime {
    pub on_time: u32,
    pub late: u32,
    pub overdue: u32,
    pub open: u32,
}

impl OnTime {
    pub fn of<'a>(tasks: impl IntoIterator<Item = &'a Task>) -> Self {
        tasks.into_iter().fold(OnTime::default(), |mut r, t| {
            match t.status {
                TaskStatus::Done => r.on_time += 1,
                TaskStatus::DoneLate => r.late += 1,
                TaskStatus::Overdue => r.overdue += 1,
                TaskStatus::NotStarted | TaskStatus::InProgress => r.open += 1,
            }
            r
        })
    }

    /// Share of tasks due so far that were done on time; `None` before anything fell due.
    pub fn rate_percent(self) -> Option<u32> {
        let due = self.on_time + self.late + self.overdue;
        (due > 0).then(|| self.on_time * 100 / due)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Department, Level, Progress};

    fn task(state: TaskState, due: &str, done_on: Option<&str>, today: &str) -> Task {
        Task {
            id: super::super::TaskId(1),
            title: "t".into(),
            problem_id: None,
            owner: Department {
                id: 1,
                name: "d".into(),
            },
            level: Level::City,
            due: due.into(),
            done_on: done_on.map(str::to_string),
            state,
            status: TaskStatus::on(state, due, done_on.map(Completion::dated), today),
            is_sample: true,
            delay_reason: None,
            delay_on: None,
            delay_expected: None,
            previous_done_on: None,
            notes: Vec::new(),
            original_due: None,
            judged_due: None,
            done_recorded_on: None,
            changes: Vec::new(),
        }
    }

    #[test]
    fn unfinished_tasks_past_due_are_overdue() {
        let today = "2026-11-27";
        assert_eq!(
            TaskStatus::on(TaskState::InProgress, "2026-11-15", None, today),
            TaskStatus::Overdue
        );
        assert_eq!(
            TaskStatus::on(TaskState::NotStarted, "2026-11-15", None, today),
            TaskStatus::Overdue
        );
        assert_eq!(
            TaskStatus::on(TaskState::InProgress, "2026-11-27", None, today),
            TaskStatus::InProgress
        );
        assert_eq!(
            TaskStatus::on(
                TaskState::Done,
                "2026-01-01",
                Some(Completion::dated("2026-01-01")),
                today
            ),
            TaskStatus::Done
        );
    }

    #[test]
    fn a_completion_reported_late_is_not_made_on_time_by_back_dating() {
        let today = "2026-12-07";
        let done = |on, recorded_on, first_on| {
            TaskStatus::on(
                TaskState::Done,
                "2026-11-20",
                Some(Completion {
                    on,
                    recorded_on: Some(recorded_on),
                    first_on: Some(first_on),
                }),
                today,
            )
        };
        // Overdue since 11-20, reported done on 12-07, then back-dated to 11-19.
        assert_eq!(
            done("2026-11-19", "2026-12-07", "2026-12-07"),
            TaskStatus::DoneLate
        );
        // First recorded late but with its own earlier date (a past month entered now).
        assert_eq!(
            done("2026-11-19", "2026-12-07", "2026-11-19"),
            TaskStatus::Done
        );
        // Recorded in time with a mistyped later date, then corrected.
        assert_eq!(
            done("2026-11-17", "2026-11-17", "2026-12-17"),
            TaskStatus::Done
        );
    }

    #[test]
    fn a_task_done_after_its_due_date_is_done_late_everywhere() {
        let today = "2026-12-01";
        let late = TaskStatus::on(
            TaskState::Done,
            "2026-11-10",
            Some(Completion::dated("2026-11-12")),
            today,
        );
        assert_eq!(late, TaskStatus::DoneLate);
        assert!(late.is_done() && late.is_late());
        let on_time = TaskStatus::on(
            TaskState::Done,
            "2026-11-15",
            Some(Completion::dated("2026-11-14")),
            today,
        );
        assert_eq!(on_time, TaskStatus::Done);
        assert!(on_time.is_done() && !on_time.is_late());
        // The progress bar and the on-time record agree on the same tasks.
        let tasks = [
            task(TaskState::Done, "2026-11-10", Some("2026-11-12"), today),
            task(TaskState::Done, "2026-11-15", Some("2026-11-14"), today),
        ];
        assert_eq!(Progress::of(&tasks).done, 2);
        let r = OnTime::of(&tasks);
        assert_eq!((r.on_time, r.late), (1, 1));
    }

    #[test]
    fn progress_counts_done_tasks() {
        let today = "2026-11-27";
        let tasks = [
            task(TaskState::Done, "2026-11-01", Some("2026-10-30"), today),
            task(TaskState::Done, "2026-11-01", Some("2026-11-05"), today),
            task(TaskState::InProgress, "2026-11-15", None, today),
        ];
        let p = Progress::of(&tasks);
        assert_eq!((p.done, p.total, p.percent()), (2, 3, 66));
        assert_eq!(Progress::default().percent(), 0);
        let r = OnTime::of(&tasks);
        assert_eq!((r.on_time, r.late, r.overdue, r.open), (1, 1, 1, 0));
        assert_eq!(r.rate_percent(), Some(33));
    }

    #[test]
    fn tokens_round_trip() {
        for l in Level::ALL {
            assert_eq!(Level::parse(l.as_str()), Some(l));
        }
        assert_eq!(TaskState::parse("done"), Some(TaskState::Done));
        assert_eq!(
            TaskState::parse("overdue"),
            None,
            "overdue is computed, never stored"
        );
    }
}
