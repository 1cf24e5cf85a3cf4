//! The authoring port (server-only): topics, problems, departments, tasks and duties as editors
//! write them, duty status as departments report it, revision history and new accounts.
//! Inputs arrive as the form's text; the server validates them field by field.

use super::StaffError;
use crate::model::{Department, EditorTopic, EditorTopicList, Entity, Revision, StaffMember};
use std::sync::Arc;

/// 主题 as typed into the topic form; `id` is `None` for a new topic.
#[derive(Clone, Debug, Default)]
pub struct TopicInput {
    pub id: Option<i64>,
    pub year: String,
    pub month: String,
    pub theme: String,
    pub summary: String,
    pub lead: String,
    pub plan: String,
}

/// 问题 of a topic; `id` is `None` for a new problem.
#[derive(Clone, Debug, Default)]
pub struct ProblemInput {
    pub topic_id: i64,
    pub id: Option<i64>,
    pub title: String,
}

/// 任务 of a topic's task list; `id` is `None` for a new task.
#[derive(Clone, Debug, Default)]
pub struct TaskInput {
    pub topic_id: i64,
    pub id: Option<i64>,
    pub title: String,
    pub problem: String,
    pub owner: String,
    pub level: String,
    pub due: String,
}

/// 责任 of a topic's responsibility list; `id` is `None` for a new duty.
#[derive(Clone, Debug, Default)]
pub struct DutyInput {
    pub topic_id: i64,
    pub id: Option<i64>,
    pub duty: String,
    pub department: String,
    pub level: String,
    pub batch: String,
}

/// A new staff account as an administrator typed it.
#[derive(Clone, Debug, Default)]
pub struct AccountInput {
    pub username: String,
    pub display_name: String,
    pub role: String,
    pub department: String,
    pub password: String,
}

#[async_trait::async_trait]
pub trait AuthorPort: Send + Sync + 'static {
    /// Every topic, drafts included (editors).
    async fn topics(&self, me: &StaffMember) -> Result<EditorTopicList, StaffError>;
    async fn topic(&self, me: &StaffMember, id: i64) -> Result<EditorTopic, StaffError>;
    /// Creates (as a draft) or updates a topic; returns its id.
    async fn save_topic(&self, me: &StaffMember, input: TopicInput) -> Result<i64, StaffError>;
    async fn publish_topic(&self, me: &StaffMember, id: i64) -> Result<(), StaffError>;
    async fn save_problem(&self, me: &StaffMember, input: ProblemInput) -> Result<(), StaffError>;
    async fn save_task(&self, me: &StaffMember, input: TaskInput) -> Result<(), StaffError>;
    async fn save_duty(&self, me: &StaffMember, input: DutyInput) -> Result<(), StaffError>;
    async fn departments(&self, me: &StaffMember) -> Result<Vec<Department>, StaffError>;
    /// Adds a department (`id` `None`) or renames one.
    async fn save_department(
        &self,
        me: &StaffMember,
        id: Option<i64>,
        name: String,
    ) -> Result<(), StaffError>;
    /// Department staff report the status of their own department's duties.
    async fn set_duty_state(
        &self,
        me: &StaffMember,
        duty_id: i64,
        state: &str,
    ) -> Result<(), StaffError>;
    /// Saved versions of an item, oldest first, each with what it changed.
    async fn history(
        &self,
        me: &StaffMember,
        entity: Entity,
        id: i64,
    ) -> Result<Vec<Revision>, StaffError>;
    async fn create_account(&self, me: &StaffMember, input: AccountInput)
        -> Result<(), StaffError>;
}

#[derive(Clone)]
pub struct AuthorHandle(pub Arc<dyn AuthorPort>);
