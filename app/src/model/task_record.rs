//! 任务的公开记录: what happened to a task after its topic was published — due dates moved
//! (延期, with the reason and the day it was granted), status changes and their undoing,
//! renamed or reassigned tasks — each a dated line under the task, so the public page never
//! shows only the current state. On-time is judged against the date the public was first given
//! unless an extension was granted before that date passed (`TaskStatus::on`).

use super::TaskState;
use serde::{Deserialize, Serialize};

/// What a change line is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum TaskChangeKind {
    /// 截止日期变更: `from`/`to` are ISO dates.
    Due,
    /// 状态变更: `from`/`to` are [`MarkText`]s.
    State,
    /// 撤销上一次状态变更: `from`/`to` are [`MarkText`]s.
    Undo,
    /// 任务名称变更.
    Title,
    /// 牵头单位变更: department names.
    Owner,
}

impl TaskChangeKind {
    pub const ALL: [TaskChangeKind; 5] = [
        TaskChangeKind::Due,
        TaskChangeKind::State,
        TaskChangeKind::Undo,
        TaskChangeKind::Title,
        TaskChangeKind::Owner,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TaskChangeKind::Due => "due",
            TaskChangeKind::State => "state",
            TaskChangeKind::Undo => "undo",
            TaskChangeKind::Title => "title",
            TaskChangeKind::Owner => "owner",
        }
    }

    pub fn parse(token: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == token)
    }
}

/// 变更记录: one change to a published task, oldest first under the task.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TaskChange {
    /// The Beijing date it was made (for an extension: the day it was granted).
    pub date: String,
    pub kind: TaskChangeKind,
    pub from: String,
    pub to: String,
    /// Why, as the editor gave it (required for a due date moved after publication).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// A due date moved after the date then judged had passed: on-time still counts against
    /// the earlier date.
    #[serde(default)]
    pub after_deadline: bool,
}

/// A task's recorded state and completion date as one token in a change line
/// (`in_progress`, `done 2026-12-07`).
pub struct MarkText;

impl MarkText {
    pub fn write(state: TaskState, done_on: Option<&str>) -> String {
        match (state, done_on) {
            (TaskState::Done, Some(date)) => format!("done {date}"),
            _ => state.as_str().to_string(),
        }
    }

    pub fn read(text: &str) -> Option<(TaskState, Option<String>)> {
        let (state, date) = match text.split_once(' ') {
            Some((s, d)) => (s, Some(d.to_string())),
            None => (text, None),
        };
        TaskState::parse(state).map(|s| (s, date))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_read_back_as_written() {
        for (state, date) in [
            (TaskState::Done, Some("2026-12-07")),
            (TaskState::InProgress, None),
            (TaskState::NotStarted, None),
        ] {
            let text = MarkText::write(state, date);
            assert_eq!(
                MarkText::read(&text),
                Some((state, date.map(str::to_string)))
            );
        }
        assert_eq!(MarkText::read("nonsense"), None);
    }

    #[test]
    fn change_kinds_read_back() {
        for k in TaskChangeKind::ALL {
            assert_eq!(TaskChangeKind::parse(k.as_str()), Some(k));
        }
    }
}
