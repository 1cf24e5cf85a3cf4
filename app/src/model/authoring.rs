//! 编辑: what editors see while they author a topic and its lists, and the revision history
//! (修订记录) every saved item keeps.

use super::{Department, Level, Responsibility, Task, TaskState};
use serde::{Deserialize, Serialize};

/// 发布状态: a draft is invisible to the public until an editor publishes it; a withdrawn
/// (已撤回) item was published and taken back with a reason the public page still shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PublishState {
    Draft,
    Published,
    Withdrawn,
}

impl PublishState {
    pub fn as_str(self) -> &'static str {
        match self {
            PublishState::Draft => "draft",
            PublishState::Published => "published",
            PublishState::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(token: &str) -> Option<Self> {
        [
            PublishState::Draft,
            PublishState::Published,
            PublishState::Withdrawn,
        ]
        .into_iter()
        .find(|s| s.as_str() == token)
    }
}

/// The kinds of item that keep a revision history; the token is also the URL segment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Entity {
    Topic,
    Problem,
    Task,
    Responsibility,
    Department,
    Policy,
    Report,
    /// A voting cycle's 答复规则, changed before it opens.
    Cycle,
    /// 答复: a reply owed or given.
    Reply,
}

impl Entity {
    pub const ALL: [Entity; 9] = [
        Entity::Topic,
        Entity::Problem,
        Entity::Task,
        Entity::Responsibility,
        Entity::Department,
        Entity::Policy,
        Entity::Report,
        Entity::Cycle,
        Entity::Reply,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Entity::Topic => "topic",
            Entity::Problem => "problem",
            Entity::Task => "task",
            Entity::Responsibility => "responsibility",
            Entity::Department => "department",
            Entity::Policy => "policy",
            Entity::Report => "report",
            Entity::Cycle => "cycle",
            Entity::Reply => "reply",
        }
    }

    /// Whether a dataset reload replaces items of this kind (their ids then name other items,
    /// so history from before the reload is not theirs). Cycles and replies are live data.
    pub fn reloaded_with_dataset(self) -> bool {
        !matches!(self, Entity::Cycle | Entity::Reply)
    }

    pub fn parse(token: &str) -> Option<Self> {
        Entity::ALL.into_iter().find(|e| e.as_str() == token)
    }
}

codes! {
    /// 删除草稿: what an editor may delete while a topic has never been public — the topic
    /// itself or one item of it. Once public, items are withdrawn (撤回) instead.
    DraftPart {
        Topic => "topic",
        Problem => "problem",
        Task => "task",
        Responsibility => "responsibility",
    }
}

impl DraftPart {
    /// The item kind whose history the deletion ends.
    pub fn entity(self) -> Entity {
        match self {
            DraftPart::Topic => Entity::Topic,
            DraftPart::Problem => Entity::Problem,
            DraftPart::Task => Entity::Task,
            DraftPart::Responsibility => Entity::Responsibility,
        }
    }
}

/// One line of the editor's topic list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EditorTopicRow {
    pub id: super::TopicId,
    pub year: i32,
    pub month: u8,
    pub theme: String,
    pub state: PublishState,
}

/// The editor's topic list and what the new-topic form offers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EditorTopicList {
    pub topics: Vec<EditorTopicRow>,
    pub departments: Vec<Department>,
    /// Years a topic may be created in.
    pub years: Vec<i32>,
    /// The month the new-topic form starts on: the first from this (Beijing) month on that has
    /// no topic yet — not the first year the list offers (issue 34: it offered a year after
    /// next).
    pub next_free: (i32, u8),
}

impl EditorTopicList {
    /// The first `(year, month)` from `today` (`(year, month)`) on that no row takes.
    pub fn next_free_month(rows: &[EditorTopicRow], today: (i32, u8)) -> (i32, u8) {
        let (mut year, mut month) = today;
        for _ in 0..240 {
            if !rows.iter().any(|r| r.year == year && r.month == month) {
                return (year, month);
            }
            (year, month) = if month == 12 {
                (year + 1, 1)
            } else {
                (year, month + 1)
            };
        }
        today
    }
}

/// 问题 as the editor changes it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EditorProblem {
    pub id: super::ProblemId,
    pub title: String,
    /// The hotline class measuring its outcome, as `level1·level2` or `level1·level2·level3`.
    pub hotline_class: Option<String>,
}

/// Everything the topic editor page needs, drafts included.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EditorTopic {
    pub id: super::TopicId,
    pub year: i32,
    pub month: u8,
    pub theme: String,
    pub summary: String,
    pub lead_id: Option<i64>,
    pub plan_markdown: String,
    pub state: PublishState,
    pub problems: Vec<EditorProblem>,
    pub tasks: Vec<Task>,
    pub responsibilities: Vec<Responsibility>,
    /// Every department, for the owner and lead pickers.
    pub departments: Vec<Department>,
    /// The topic's policies, drafts included: `(id, title, state)`.
    pub policies: Vec<(i64, String, PublishState)>,
    /// The topic's reports: `(id, date, title)`, newest first.
    pub reports: Vec<(i64, String, String)>,
    /// Hotline classes a problem can be linked to (from the imported categories).
    pub hotline_classes: Vec<String>,
    /// 配合部门: the ids of the topic's cooperating departments.
    #[serde(default)]
    pub cooperating: Vec<i64>,
}

/// 政策 as its edit form shows it (empty text for missing optional fields).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EditorPolicy {
    pub id: i64,
    pub title: String,
    pub doc_no: String,
    pub issuer: String,
    pub issued: String,
    pub effective: String,
    /// Where the original is published: text with a link.
    pub source: String,
    pub state: PublishState,
    /// The departments its issuer is chosen from (filled by the service).
    #[serde(default)]
    pub bodies: Vec<super::Department>,
}

/// 月度进展 or supervision note as its edit form shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EditorReport {
    pub id: i64,
    pub topic_id: super::TopicId,
    pub date: String,
    /// `progress` or `supervision`.
    pub kind: String,
    pub title: String,
    pub author: String,
    pub body_markdown: String,
    /// The body from the list it is posted as (`None`: the editorial office or an older
    /// free-text author).
    #[serde(default)]
    pub author_department: Option<i64>,
    /// Departments and bodies it may be posted as, and the editor's role (the rule under the
    /// field differs for an administrator, who may transcribe 监督 entries).
    #[serde(default)]
    pub bodies: Vec<crate::model::Department>,
    pub role: crate::model::Role,
    /// Why it was withdrawn (撤回), when it was.
    #[serde(default)]
    pub withdrawn_reason: Option<String>,
}

/// One changed field between two saved versions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FieldChange {
    pub field: String,
    pub before: String,
    pub after: String,
}

/// 修订: one saved version, described by what it changed from the one before.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Revision {
    /// UTC, ISO 8601.
    pub at: String,
    pub username: String,
    pub action: String,
    pub changes: Vec<FieldChange>,
}

/// Fields of one saved version, in a stable order.
pub type Snapshot = Vec<(String, String)>;

/// What changed from `before` (none for the first version) to `after`.
pub fn changes(before: Option<&Snapshot>, after: &Snapshot) -> Vec<FieldChange> {
    after
        .iter()
        .filter_map(|(field, value)| {
            let old = before
                .and_then(|b| b.iter().find(|(f, _)| f == field))
                .map(|(_, v)| v.as_str())
                .unwrap_or("");
            (old != value).then(|| FieldChange {
                field: field.clone(),
                before: old.to_string(),
                after: value.clone(),
            })
        })
        .collect()
}

/// Levels and states the list forms offer, in display order.
pub const LEVELS: [Level; 3] = Level::ALL;
pub const STATES: [TaskState; 3] = [
    TaskState::NotStarted,
    TaskState::InProgress,
    TaskState::Done,
];

#[cfg(test)]
mod tests {
    use super::*;

    fn snap(pairs: &[(&str, &str)]) -> Snapshot {
        pairs
            .iter()
            .map(|(f, v)| (f.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn only_changed_fields_are_listed() {
        let a = snap(&[("title", "供暖"), ("due", "2026-11-30")]);
        let b = snap(&[("title", "供暖报修"), ("due", "2026-11-30")]);
        let diff = changes(Some(&a), &b);
        assert_eq!(diff.len(), 1);
        assert_eq!(diff[0].field, "title");
        assert_eq!(diff[0].before, "供暖");
        assert_eq!(diff[0].after, "供暖报修");
        assert_eq!(
            changes(None, &a).len(),
            2,
            "a first version lists every field"
        );
    }

    #[test]
    fn tokens_round_trip() {
        for e in Entity::ALL {
            assert_eq!(Entity::parse(e.as_str()), Some(e));
        }
        assert_eq!(Entity::parse("staff"), None);
        assert_eq!(PublishState::parse("draft"), Some(PublishState::Draft));
        assert_eq!(
            PublishState::parse("withdrawn"),
            Some(PublishState::Withdrawn)
        );
    }
}
