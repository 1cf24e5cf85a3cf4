//! The department service behind the app's `DepartmentPort`: a department's staff record the
//! status and completion date of their own tasks (editors may too), undo their last status
//! change, explain a delay, post dated progress notes with evidence, and post progress reports
//! under their own department's name.

use super::validate_progress as check;
use super::{internal, now, StaffService};
use crate::portal::today_in_beijing;
use crate::store::{RecordedMark, TaskMark, UNDO};
use app::api::{
    DepartmentPort, DepartmentReportInput, StaffError, TaskNoteInput, TaskStateInput,
    TaskStateOutcome,
};
use app::model::Field;
use app::model::{StaffMember, TaskState};

impl StaffService {
    /// The task's recorded mark, once the member may update it.
    async fn own_task(&self, me: &StaffMember, task_id: i64) -> Result<RecordedMark, StaffError> {
        let recorded = self
            .store
            .task_mark(task_id)
            .await
            .map_err(internal)?
            .ok_or(StaffError::NotFound)?;
        if !me.may_update_task(recorded.owner) {
            return Err(StaffError::Forbidden);
        }
        Ok(recorded)
    }
}

impl StaffService {
    /// A note is corrected or withdrawn by the department that posted it, or by editors.
    async fn may_touch_note(
        &self,
        me: &StaffMember,
        task_id: i64,
        note_id: i64,
    ) -> Result<(), StaffError> {
        let posted_by = self
            .store
            .note_department(task_id, note_id)
            .await
            .map_err(internal)?
            .ok_or(StaffError::NotFound)?;
        let mine = me.department.as_ref().is_some_and(|d| d.id == posted_by);
        if me.may_author() || (me.role == app::model::Role::Department && mine) {
            Ok(())
        } else {
            Err(StaffError::Forbidden)
        }
    }

    /// Editors may correct or withdraw any report; department staff only those their own
    /// department posted.
    pub(super) async fn may_edit_report(
        &self,
        me: &StaffMember,
        report_id: i64,
    ) -> Result<(), StaffError> {
        if me.may_author() {
            return Ok(());
        }
        let speaks_for = self
            .store
            .report_department(report_id)
            .await
            .map_err(internal)?
            .ok_or(StaffError::NotFound)?;
        match (me.role, &me.department, speaks_for) {
            (app::model::Role::Department, Some(mine), Some(theirs)) if mine.id == theirs => Ok(()),
            _ => Err(StaffError::Forbidden),
        }
    }
}

fn found(written: bool) -> Result<(), StaffError> {
    if written {
        Ok(())
    } else {
        Err(StaffError::NotFound)
    }
}

#[async_trait::async_trait]
impl DepartmentPort for StaffService {
    async fn set_task_state(
        &self,
        me: &StaffMember,
        input: TaskStateInput,
    ) -> Result<TaskStateOutcome, StaffError> {
        let state = TaskState::parse(&input.state).ok_or(StaffError::Invalid(Field::State))?;
        let recorded = self.own_task(me, input.task_id).await?;
        let current = recorded.mark;
        let today = today_in_beijing();
        let done_on = match state {
            TaskState::Done if input.done_on.trim().is_empty() => {
                // No date sent: keep the one recorded (now or before a reopening), else today.
                Some(
                    current
                        .done_on
                        .clone()
                        .or(recorded.previous_done_on)
                        .unwrap_or_else(|| today.clone()),
                )
            }
            TaskState::Done => {
                let date = check::past_date(&input.done_on, &today, Field::DoneOn)?;
                // Not before the task existed or its status last changed — unless it is the
                // completion date already on record (a reopening corrected).
                let on_record = [&current.done_on, &recorded.previous_done_on]
                    .into_iter()
                    .any(|d| d.as_deref() == Some(date.as_str()));
                if !on_record
                    && recorded
                        .state_since
                        .as_deref()
                        .is_some_and(|s| date.as_str() < s)
                {
                    return Err(StaffError::Invalid(Field::DoneBeforeStart));
                }
                Some(date)
            }
            _ => None,
        };
        if current.state == TaskState::Done && state != TaskState::Done && !input.confirmed {
            return Ok(TaskStateOutcome::NeedsConfirmation);
        }
        let mark = TaskMark { state, done_on };
        let written = self
            .store
            .set_task_mark(me, input.task_id, &mark, "task.state", now())
            .await
            .map_err(internal)?;
        found(written).map(|()| TaskStateOutcome::Saved)
    }

    async fn undo_task_state(&self, me: &StaffMember, task_id: i64) -> Result<(), StaffError> {
        self.own_task(me, task_id).await?;
        let mark = self
            .store
            .undoable_mark(task_id, &me.username)
            .await
            .map_err(internal)?
            .ok_or(StaffError::Invalid(Field::Undo))?;
        let written = self
            .store
            .set_task_mark(me, task_id, &mark, UNDO, now())
            .await
            .map_err(internal)?;
        found(written)
    }

    async fn set_delay_reason(
        &self,
        me: &StaffMember,
        task_id: i64,
        reason: String,
        expected: String,
    ) -> Result<(), StaffError> {
        self.own_task(me, task_id).await?;
        let delay = check::delay(&reason, &expected, &today_in_beijing())?;
        let written = self
            .store
            .set_delay_reason(me, task_id, &delay, now())
            .await
            .map_err(internal)?;
        found(written)
    }

    async fn add_task_note(
        &self,
        me: &StaffMember,
        input: TaskNoteInput,
    ) -> Result<(), StaffError> {
        let owner = self
            .store
            .task_mark(input.task_id)
            .await
            .map_err(internal)?
            .ok_or(StaffError::NotFound)?
            .owner;
        if !me.may_report_on_task(owner) {
            return Err(StaffError::Forbidden);
        }
        let note = check::note(&input, &today_in_beijing())?;
        let written = self
            .store
            .add_task_note(me, owner, input.task_id, &note, now())
            .await
            .map_err(internal)?;
        found(written)
    }

    async fn correct_task_note(
        &self,
        me: &StaffMember,
        note_id: i64,
        input: TaskNoteInput,
    ) -> Result<(), StaffError> {
        self.may_touch_note(me, input.task_id, note_id).await?;
        let note = check::note(&input, &today_in_beijing())?;
        let written = self
            .store
            .correct_task_note(me, input.task_id, note_id, &note, now())
            .await
            .map_err(internal)?;
        found(written)
    }

    async fn withdraw_task_note(
        &self,
        me: &StaffMember,
        task_id: i64,
        note_id: i64,
        reason: &str,
    ) -> Result<(), StaffError> {
        self.may_touch_note(me, task_id, note_id).await?;
        let reason = super::editor::reason(reason)?;
        let written = self
            .store
            .withdraw_task_note(me, task_id, note_id, &reason, now())
            .await
            .map_err(internal)?;
        found(written)
    }

    async fn withdraw_report(
        &self,
        me: &StaffMember,
        report_id: i64,
        reason: &str,
    ) -> Result<(), StaffError> {
        self.may_edit_report(me, report_id).await?;
        let reason = super::editor::reason(reason)?;
        let written = self
            .store
            .withdraw_report(me, report_id, &reason, now())
            .await
            .map_err(internal)?;
        found(written)
    }

    async fn preview_department_report(
        &self,
        me: &StaffMember,
        input: DepartmentReportInput,
    ) -> Result<(String, String), StaffError> {
        let report = self.department_report(me, &input).await?;
        let html = crate::richtext::to_safe_html(&report.body_markdown);
        Ok((report.author, html))
    }

    async fn add_department_report(
        &self,
        me: &StaffMember,
        input: DepartmentReportInput,
    ) -> Result<(), StaffError> {
        let report = self.department_report(me, &input).await?;
        match self.store.add_report(me, &report, now()).await {
            Ok(true) => Ok(()),
            Ok(false) => Err(StaffError::Invalid(Field::Topic)),
            Err(err) => Err(internal(err)),
        }
    }
}

impl StaffService {
    /// A department's report as checked for posting: its own department, on a topic where it
    /// carries tasks, with the fields in bounds.
    async fn department_report(
        &self,
        me: &StaffMember,
        input: &DepartmentReportInput,
    ) -> Result<crate::store::NewReport, StaffError> {
        let department = match (me.role, &me.department) {
            (app::model::Role::Department, Some(d)) => d,
            _ => return Err(StaffError::Forbidden),
        };
        let report = check::department_report(input, department, &today_in_beijing())?;
        let topics = self
            .store
            .department_task_topics(department.id)
            .await
            .map_err(internal)?;
        let (year, month) = report.topic;
        if !topics
            .iter()
            .any(|t| (t.key.year, t.key.month.get()) == (year, month))
        {
            return Err(StaffError::Forbidden);
        }
        Ok(report)
    }
}
