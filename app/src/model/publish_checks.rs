//! 发布前检查: what an editor should look at before a topic goes public. Each check is a
//! warning, not a lock — a topic may rightly have no policy yet — but the confirmation names
//! every one, with a link to the part of the form that fixes it, so nothing goes out by
//! oversight.

use super::{EditorTopic, TaskId};
use serde::{Deserialize, Serialize};

/// One thing the publishing confirmation asks the editor to look at.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PublishCheck {
    /// 牵头部门 not chosen.
    NoLead,
    /// 配合部门 empty: 每月一题 topics are worked by a lead with partners.
    NoCooperating,
    /// No problem (问题) yet.
    NoProblems,
    /// Problems with no 12345 hotline class: their outcome chart will have no data.
    ProblemsWithoutClass(Vec<String>),
    /// No task (任务) yet.
    NoTasks,
    /// Tasks whose deadline is not [`due_plausible`] (saved after the editor confirmed it):
    /// (task, its title, its due date).
    DeadlinesOutside(Vec<(TaskId, String, String)>),
    /// No policy (政策) in the 政策清单.
    NoPolicy,
}

impl PublishCheck {
    /// The anchor on the editor page where it is fixed.
    pub fn anchor(&self) -> &'static str {
        match self {
            PublishCheck::NoLead => "topic-fields",
            PublishCheck::NoCooperating => "topic-cooperating",
            PublishCheck::NoProblems | PublishCheck::ProblemsWithoutClass(_) => "topic-problems",
            PublishCheck::NoTasks | PublishCheck::DeadlinesOutside(_) => "edit-tasks",
            PublishCheck::NoPolicy => "topic-documents",
        }
    }
}

/// Every check the topic fails, in the order of the editor page.
pub fn publish_checks(topic: &EditorTopic) -> Vec<PublishCheck> {
    let mut out = Vec::new();
    if topic.lead_id.is_none() {
        out.push(PublishCheck::NoLead);
    }
    if topic.cooperating.is_empty() {
        out.push(PublishCheck::NoCooperating);
    }
    if topic.problems.is_empty() {
        out.push(PublishCheck::NoProblems);
    }
    let unclassed: Vec<String> = topic
        .problems
        .iter()
        .filter(|p| p.hotline_class.as_deref().unwrap_or("").trim().is_empty())
        .map(|p| p.title.clone())
        .collect();
    if !unclassed.is_empty() {
        out.push(PublishCheck::ProblemsWithoutClass(unclassed));
    }
    if topic.tasks.is_empty() {
        out.push(PublishCheck::NoTasks);
    }
    let outside: Vec<(TaskId, String, String)> = topic
        .tasks
        .iter()
        .filter(|t| !due_plausible(&t.due, topic.year, topic.month))
        .map(|t| (t.id, t.title.clone(), t.due.clone()))
        .collect();
    if !outside.is_empty() {
        out.push(PublishCheck::DeadlinesOutside(outside));
    }
    if topic.policies.is_empty() {
        out.push(PublishCheck::NoPolicy);
    }
    out
}

/// Whether a due date lies where a topic's tasks usually fall: from the first day of the
/// topic's month to the end of the third year after it (multi-year plans included). A date
/// outside is saved only once the editor confirms it, and the publishing checklist names it.
pub fn due_plausible(due: &str, year: i32, month: u8) -> bool {
    let from = format!("{year:04}-{month:02}-01");
    let to = format!("{:04}-12-31", year + 3);
    due.len() == 10 && (from.as_str()..=to.as_str()).contains(&due)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Department, EditorProblem, Level, ProblemId, PublishState, Task, TaskState, TaskStatus,
        TopicId,
    };

    fn task(id: i64, due: &str) -> Task {
        Task {
            id: TaskId(id),
            title: format!("任务{id}"),
            problem_id: None,
            owner: Department {
                id: 1,
                name: "市城管委".into(),
            },
            level: Level::City,
            due: due.into(),
            done_on: None,
            state: TaskState::NotStarted,
            status: TaskStatus::NotStarted,
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

    fn topic() -> EditorTopic {
        EditorTopic {
            id: TopicId(1),
            year: 2027,
            month: 3,
            theme: "停车".into(),
            summary: String::new(),
            lead_id: Some(1),
            plan_markdown: String::new(),
            state: PublishState::Draft,
            problems: vec![EditorProblem {
                id: ProblemId(1),
                title: "老旧小区停车难".into(),
                hotline_class: Some("停车管理".into()),
            }],
            tasks: vec![task(1, "2027-06-30")],
            responsibilities: Vec::new(),
            departments: Vec::new(),
            policies: vec![(1, "条例".into(), PublishState::Draft)],
            reports: Vec::new(),
            hotline_classes: Vec::new(),
            cooperating: vec![2],
        }
    }

    #[test]
    fn a_complete_topic_passes() {
        assert_eq!(publish_checks(&topic()), Vec::new());
    }

    #[test]
    fn each_gap_is_named() {
        let mut t = topic();
        t.lead_id = None;
        t.cooperating.clear();
        t.policies.clear();
        t.problems[0].hotline_class = None;
        t.tasks = vec![
            task(1, "2027-02-28"),
            task(2, "2027-03-01"),
            task(3, "2030-12-31"),
            task(4, "2031-01-01"),
        ];
        assert_eq!(
            publish_checks(&t),
            vec![
                PublishCheck::NoLead,
                PublishCheck::NoCooperating,
                PublishCheck::ProblemsWithoutClass(vec!["老旧小区停车难".into()]),
                PublishCheck::DeadlinesOutside(vec![
                    (TaskId(1), "任务1".into(), "2027-02-28".into()),
                    (TaskId(4), "任务4".into(), "2031-01-01".into()),
                ]),
                PublishCheck::NoPolicy,
            ]
        );
        t.problems.clear();
        t.tasks.clear();
        let checks = publish_checks(&t);
        assert!(checks.contains(&PublishCheck::NoProblems));
        assert!(checks.contains(&PublishCheck::NoTasks));
    }

    #[test]
    fn plausible_dates_run_from_the_month_to_three_years_on() {
        assert!(due_plausible("2026-11-20", 2026, 11));
        assert!(due_plausible("2029-12-31", 2026, 11));
        assert!(!due_plausible("2025-11-20", 2026, 11), "a year typed wrong");
        assert!(!due_plausible("2026-10-31", 2026, 11));
        assert!(!due_plausible("2030-01-01", 2026, 11));
    }
}
