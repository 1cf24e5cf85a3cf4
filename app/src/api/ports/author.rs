//! The authoring port (server-only): topics, problems, departments, tasks and responsibilities as editors
//! write them, responsibility status as departments report it, revision history and new accounts.
//! Inputs arrive as the form's text; the server validates them field by field.

use super::StaffError;
use crate::model::{
    Department, EditorPolicy, EditorReport, EditorTopic, EditorTopicList, Entity, Revision,
    StaffMember,
};
use std::sync::Arc;

/// 主题 as typed into the topic form; `id` is `None` for a new topic.
#[derive(Clone, Debug, Default)]
pub struct TopicInput {
    pub id: Option<i64>,
    pub form: crate::api::forms::TopicForm,
}

/// 问题 of a topic; `id` is `None` for a new problem.
#[derive(Clone, Debug, Default)]
pub struct ProblemInput {
    pub topic_id: i64,
    pub id: Option<i64>,
    pub title: String,
}

/// 任务 of a topic's task list; `id` is `None` for a new task (the form's ids, parsed).
#[derive(Clone, Debug, Default)]
pub struct TaskInput {
    pub topic_id: i64,
    pub id: Option<i64>,
    pub form: crate::api::forms::TaskForm,
}

/// 责任 of a topic's responsibility list; `id` is `None` for a new responsibility.
#[derive(Clone, Debug, Default)]
pub struct ResponsibilityInput {
    pub topic_id: i64,
    pub id: Option<i64>,
    pub duty: String,
    pub department: String,
    pub level: String,
    pub batch: String,
}

/// Corrections to a policy (政策): its id, parsed, and the form as typed.
#[derive(Clone, Debug, Default)]
pub struct PolicyEditInput {
    pub id: i64,
    pub form: crate::api::forms::PolicyForm,
}

/// Corrections to a progress report or supervision note.
#[derive(Clone, Debug, Default)]
pub struct ReportEditInput {
    pub id: i64,
    pub date: String,
    pub kind: String,
    pub title: String,
    pub author: String,
    pub body: String,
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
    async fn save_responsibility(
        &self,
        me: &StaffMember,
        input: ResponsibilityInput,
    ) -> Result<(), StaffError>;
    async fn departments(&self, me: &StaffMember) -> Result<Vec<Department>, StaffError>;
    async fn policy(&self, me: &StaffMember, id: i64) -> Result<EditorPolicy, StaffError>;
    async fn save_policy(&self, me: &StaffMember, input: PolicyEditInput)
        -> Result<(), StaffError>;
    async fn report(&self, me: &StaffMember, id: i64) -> Result<EditorReport, StaffError>;
    /// Saves corrections; returns the report's topic id (where the editor goes back to).
    async fn save_report(
        &self,
        me: &StaffMember,
        input: ReportEditInput,
    ) -> Result<i64, StaffError>;
    /// Adds a department (`id` `None`) or renames one.
    async fn save_department(
        &self,
        me: &StaffMember,
        id: Option<i64>,
        name: String,
    ) -> Result<(), StaffError>;
    /// Department staff report the status of their own department's responsibilities.
    async fn set_responsibility_state(
        &self,
        me: &StaffMember,
        responsibility_id: i64,
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
