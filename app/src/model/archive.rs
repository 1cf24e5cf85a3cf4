//! 往期: every month of every year, with the problems assigned to it and its topic, and — when
//! the reader filters by department, status or level — the matching tasks and responsibilities across all
//! topics. Filters travel in the query string, so a filtered view has an address to share.

use super::{parse_id, parse_year, Department, Level, ProblemSummary, Progress, Responsibility};
use super::{Task, TaskStatus};
use serde::{Deserialize, Serialize};

/// The filters as parsed from the query string; unknown values mean "any".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArchiveQuery {
    pub year: Option<i32>,
    pub department: Option<i64>,
    pub status: Option<TaskStatus>,
    pub level: Option<Level>,
}

impl ArchiveQuery {
    pub fn parse(year: &str, department: &str, status: &str, level: &str) -> Self {
        ArchiveQuery {
            year: parse_year(year.trim()),
            department: parse_id(department.trim()),
            status: TaskStatus::ALL
                .into_iter()
                .find(|s| s.as_str() == status.trim()),
            level: Level::parse(level.trim()),
        }
    }

    /// Whether the reader asked for lists (tasks and responsibilities), not just the calendar.
    pub fn filters_lists(&self) -> bool {
        self.department.is_some() || self.status.is_some() || self.level.is_some()
    }
}

/// One month of one year: its topic (if one was published) and the problems assigned to it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArchiveMonth {
    pub year: i32,
    pub month: u8,
    /// Theme and progress of the month's topic.
    pub topic: Option<(String, Progress)>,
    pub problems: Vec<ProblemSummary>,
}

/// A list item with the topic `(year, month, theme)` it belongs to.
pub type InTopic<T> = (crate::model::TopicLabel, T);

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Archive {
    pub query: ArchiveQuery,
    pub months: Vec<ArchiveMonth>,
    /// Problems of the year(s) not assigned to a month in our sources.
    pub unassigned: usize,
    pub tasks: Vec<InTopic<Task>>,
    pub responsibilities: Vec<InTopic<Responsibility>>,
    /// For the filter form.
    pub years: Vec<i32>,
    pub departments: Vec<Department>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_parse_or_fall_back_to_any() {
        let q = ArchiveQuery::parse("2024", "3", "overdue", "street");
        assert_eq!(q.year, Some(2024));
        assert_eq!(q.department, Some(3));
        assert_eq!(q.status, Some(TaskStatus::Overdue));
        assert_eq!(q.level, Some(Level::Street));
        assert!(q.filters_lists());
        let any = ArchiveQuery::parse("1999", "x", "<script>", "");
        assert_eq!(any, ArchiveQuery::default());
        assert!(!any.filters_lists());
    }
}
