//! The department port (server-only): what a department's staff record about their own tasks —
//! status with its completion date, undo of their last status change, the delay reason, dated
//! progress notes with evidence, and progress reports posted under their department's name.
//! Inputs arrive as the form's text; the server validates them field by field.

use super::StaffError;
use crate::model::StaffMember;
use std::sync::Arc;

/// A status change as the desk's form sent it.
#[derive(Clone, Debug, Default)]
pub struct TaskStateInput {
    pub task_id: i64,
    pub state: String,
    /// 完成日期: required with 已完成; empty means today.
    pub done_on: String,
    /// The member confirmed reopening a done task (which clears its completion date).
    pub confirmed: bool,
}

/// What became of a status change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TaskStateOutcome {
    Saved,
    /// Reopening a done task needs the member's confirmation first; nothing was written.
    NeedsConfirmation,
}

/// 进展记录 as typed into the form.
#[derive(Clone, Debug, Default)]
pub struct TaskNoteInput {
    pub task_id: i64,
    pub date: String,
    pub note: String,
    pub evidence_url: String,
    pub evidence_title: String,
}

/// 月度进展 a department posts on a topic where it carries tasks; the author is its own
/// department, never typed.
#[derive(Clone, Debug, Default)]
pub struct DepartmentReportInput {
    pub topic: String,
    pub date: String,
    pub title: String,
    pub body: String,
}

#[async_trait::async_trait]
pub trait DepartmentPort: Send + Sync + 'static {
    async fn set_task_state(
        &self,
        me: &StaffMember,
        input: TaskStateInput,
    ) -> Result<TaskStateOutcome, StaffError>;
    /// Restores the state and date before this member's last status change of the task.
    async fn undo_task_state(&self, me: &StaffMember, task_id: i64) -> Result<(), StaffError>;
    /// Sets (or, empty, clears) the task's public delay reason, dated today (Beijing), with the
    /// new date expected (`""`: none given).
    async fn set_delay_reason(
        &self,
        me: &StaffMember,
        task_id: i64,
        reason: String,
        expected: String,
    ) -> Result<(), StaffError>;
    async fn add_task_note(&self, me: &StaffMember, input: TaskNoteInput)
        -> Result<(), StaffError>;
    /// 预览: checks a department's report as `add_department_report` would and answers what it
    /// would publish — its author and its body as sanitised HTML — without publishing it.
    async fn preview_department_report(
        &self,
        me: &StaffMember,
        input: DepartmentReportInput,
    ) -> Result<(String, String), StaffError>;
    /// 更正进展记录: corrects a standing note in place (the department that posted it, or
    /// editors); `input.task_id` is its task.
    async fn correct_task_note(
        &self,
        me: &StaffMember,
        note_id: i64,
        input: TaskNoteInput,
    ) -> Result<(), StaffError>;
    /// 撤回进展记录: takes back a progress note of a task with a public reason (the department
    /// that posted it, or editors).
    async fn withdraw_task_note(
        &self,
        me: &StaffMember,
        task_id: i64,
        note_id: i64,
        reason: &str,
    ) -> Result<(), StaffError>;
    /// 撤回进展: takes back a report with a public reason (its department's staff, or editors).
    async fn withdraw_report(
        &self,
        me: &StaffMember,
        report_id: i64,
        reason: &str,
    ) -> Result<(), StaffError>;
    async fn add_department_report(
        &self,
        me: &StaffMember,
        input: DepartmentReportInput,
    ) -> Result<(), StaffError>;
}

#[derive(Clone)]
pub struct DepartmentHandle(pub Arc<dyn DepartmentPort>);
