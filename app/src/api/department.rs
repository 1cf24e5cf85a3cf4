//! Department server functions: progress notes, delay reasons, undo and progress reports on a
//! department's own tasks. Same shape as `staff.rs`: plain form posts answered with a redirect
//! carrying an outcome code (the status form itself, `set_task_state`, lives in `staff.rs`).

use leptos::prelude::*;

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use crate::api::{DepartmentHandle, StaffError};
    use crate::model::StaffMember;
    use leptos::prelude::*;

    fn handle() -> Result<DepartmentHandle, StaffError> {
        use_context::<DepartmentHandle>().ok_or_else(|| {
            tracing::error!("DepartmentHandle missing from the Leptos context");
            StaffError::Internal("no department handle".into())
        })
    }

    /// Runs an action for the signed-in member.
    pub async fn act<T, F, Fut>(action: F) -> Result<T, StaffError>
    where
        F: FnOnce(DepartmentHandle, StaffMember) -> Fut,
        Fut: std::future::Future<Output = Result<T, StaffError>>,
    {
        let member = crate::api::staff::ssr::me()
            .await?
            .ok_or(StaffError::NotSignedIn)?;
        action(handle()?, member).await
    }

    /// Back to the task's card on the desk, where the outcome is worded.
    pub fn back_to_task(task_id: i64, outcome: Result<crate::model::Done, StaffError>) {
        crate::api::staff::ssr::back_to_task(task_id, outcome);
    }
}

/// 撤销: restores the state and completion date before the member's last status change.
#[server]
pub async fn undo_task_state(task_id: i64) -> Result<(), ServerFnError> {
    let outcome = ssr::act(|h, me| async move { h.0.undo_task_state(&me, task_id).await }).await;
    ssr::back_to_task(task_id, outcome.map(|()| crate::model::Done::TaskUndone));
    Ok(())
}

/// 延期原因: shown publicly beside a late task, dated, with the new date expected (optional).
#[server]
pub async fn set_delay_reason(
    task_id: i64,
    reason: String,
    #[server(default)] expected: String,
) -> Result<(), ServerFnError> {
    let outcome =
        ssr::act(|h, me| async move { h.0.set_delay_reason(&me, task_id, reason, expected).await })
            .await;
    ssr::back_to_task(
        task_id,
        outcome.map(|()| crate::model::Done::DelayReasonSaved),
    );
    Ok(())
}

/// 进展记录 with an optional evidence link.
#[server]
pub async fn add_task_note(
    task_id: i64,
    date: String,
    note: String,
    evidence_url: String,
    evidence_title: String,
) -> Result<(), ServerFnError> {
    let input = crate::api::TaskNoteInput {
        task_id,
        date,
        note,
        evidence_url,
        evidence_title,
    };
    let outcome = ssr::act(|h, me| async move { h.0.add_task_note(&me, input).await }).await;
    ssr::back_to_task(task_id, outcome.map(|()| crate::model::Done::NoteAdded));
    Ok(())
}

/// 月度进展 posted by a department, under its own name. The desk's form first asks for a
/// preview (`step=preview`): the server checks it, keeps it for this session with what it will
/// publish, and the desk shows that above the form, with 确认发布 (`step=publish`). A post
/// without a step publishes, as it always did.
#[server]
pub async fn add_department_report(
    topic: String,
    date: String,
    title: String,
    body: String,
    #[server(default)] step: String,
) -> Result<(), ServerFnError> {
    use crate::api::echo::ssr::{back_echo, keep_preview, Refused};
    let typed = vec![
        ("topic", topic.clone()),
        ("date", date.clone()),
        ("title", title.clone()),
        ("body", body.clone()),
    ];
    let refused = Refused {
        form: "dept-report".into(),
        anchor: "dept-report-heading".into(),
        fields: typed.clone(),
        names: &[("report_date", "date")],
    };
    let input = crate::api::DepartmentReportInput {
        topic,
        date,
        title,
        body,
    };
    if step.trim() == "preview" {
        let outcome =
            ssr::act(|h, me| async move { h.0.preview_department_report(&me, input).await }).await;
        match outcome {
            Ok((author, html)) => {
                let mut fields: Vec<(String, String)> = typed
                    .into_iter()
                    .map(|(name, value)| (name.to_string(), value))
                    .collect();
                fields.push(("preview_author".into(), author));
                fields.push(("preview_html".into(), html));
                keep_preview("/staff", "dept-report", "dept-report-preview", fields).await;
            }
            Err(err) => back_echo("/staff", refused, Err(err)).await,
        }
        return Ok(());
    }
    let outcome =
        ssr::act(|h, me| async move { h.0.add_department_report(&me, input).await }).await;
    back_echo(
        "/staff",
        refused,
        outcome.map(|()| crate::model::Done::ReportPublished),
    )
    .await;
    Ok(())
}

/// 撤回进展: a report taken back with a reason the topic page shows in its place.
#[server]
pub async fn withdraw_report(report_id: i64, reason: String) -> Result<(), ServerFnError> {
    use crate::api::echo::ssr::{back_echo, Refused};
    let refused = Refused {
        form: "withdraw".into(),
        anchor: "withdraw".into(),
        fields: vec![("reason", reason.clone())],
        names: &[("withdraw_reason", "reason")],
    };
    let outcome =
        ssr::act(|h, me| async move { h.0.withdraw_report(&me, report_id, &reason).await }).await;
    back_echo(
        &crate::paths::staff_report(report_id),
        refused,
        outcome.map(|()| crate::model::Done::ReportWithdrawn),
    )
    .await;
    Ok(())
}

/// 撤回进展记录: a note taken back with a reason the task then shows in its place.
#[server]
pub async fn withdraw_task_note(
    task_id: i64,
    note_id: i64,
    reason: String,
) -> Result<(), ServerFnError> {
    let outcome =
        ssr::act(
            |h, me| async move { h.0.withdraw_task_note(&me, task_id, note_id, &reason).await },
        )
        .await;
    ssr::back_to_task(task_id, outcome.map(|()| crate::model::Done::NoteWithdrawn));
    Ok(())
}

/// 更正进展记录: a standing note corrected in place; the task shows 已更正 beside it.
#[server]
pub async fn correct_task_note(
    task_id: i64,
    note_id: i64,
    date: String,
    note: String,
    evidence_url: String,
    evidence_title: String,
) -> Result<(), ServerFnError> {
    let input = crate::api::TaskNoteInput {
        task_id,
        date,
        note,
        evidence_url,
        evidence_title,
    };
    let outcome =
        ssr::act(|h, me| async move { h.0.correct_task_note(&me, note_id, input).await }).await;
    ssr::back_to_task(task_id, outcome.map(|()| crate::model::Done::NoteCorrected));
    Ok(())
}
