//! A task on the staff desk (工作台), as its department works on it: the status with its
//! completion date (reopening a done task asks first), undo of the member's last status change,
//! the public delay reason with its expected date, progress notes with evidence links and their
//! withdrawal. Plain forms with post/redirect/get: no JavaScript needed.

use crate::api::department::{
    AddTaskNote, CorrectTaskNote, SetDelayReason, UndoTaskState, WithdrawTaskNote,
};
use crate::api::staff::SetTaskState;
use crate::components::raw_text::text_box;
use crate::components::task_progress::TaskFollowUp;
use crate::components::topic_lists::{level_label, status_label, StatusBadge};
use crate::i18n::month_name;
use crate::model::{
    StaffTask, TaskState, TaskStatus, MAX_DELAY_REASON_CHARS, MAX_EVIDENCE_TITLE_CHARS,
    MAX_NOTE_CHARS, MAX_URL_CHARS, STATES,
};
use crate::tr;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The words for a recorded state.
pub fn state_label(state: TaskState) -> String {
    status_label(TaskStatus::recorded(state))
}

/// `<option>`s for a recorded state, the current one preselected.
pub fn state_options(current: TaskState) -> impl IntoView {
    STATES
        .into_iter()
        .map(|s| view! { <option value=s.as_str() selected=current == s>{state_label(s)}</option> })
        .collect_view()
}

#[component]
pub fn DeskTask(item: StaffTask, today: String) -> impl IntoView {
    let StaffTask {
        topic,
        task,
        editable,
        may_note,
        undo,
    } = item;
    let crate::model::TopicLabel {
        key: crate::model::TopicKey { year, month },
        theme,
    } = topic;
    let id = task.id;
    let query = use_query_map();
    let confirm_state = query.with_untracked(|q| {
        (q.get("confirm").as_deref() == Some(id.to_string().as_str()))
            .then(|| q.get("state").as_deref().and_then(TaskState::parse))
            .flatten()
            .filter(|s| *s != TaskState::Done)
    });
    let confirm = confirm_state
        .filter(|_| editable && task.state == TaskState::Done)
        .map(|state| view! { <ConfirmReopen task_id=id state done_on=task.done_on.clone().unwrap_or_default()/> });
    let status_form = editable.then(|| {
        view! { <StatusForm task_id=id state=task.state done_on=task.done_on.clone() previous=task.previous_done_on.clone() today=today.clone()/> }
    });
    let undo = undo.filter(|_| editable).map(|(state, date)| {
        let action = ServerAction::<UndoTaskState>::new();
        let what = match date {
            Some(date) => tr!("task_progress.undo_to_date", state = state_label(state), date = crate::i18n::when::day(&date)),
            None => tr!("task_progress.undo_to", state = state_label(state)),
        };
        view! {
            <ActionForm action attr:class="inline-form">
                <input type="hidden" name="task_id" value=id.to_string()/>
                <button type="submit" class="button button-quiet">{tr!("task_progress.undo_button")}</button>
                <span class="muted">{what}</span>
            </ActionForm>
        }
    });
    let delay = editable.then(|| view! {
        <DelayForm task_id=id reason=task.delay_reason.clone().unwrap_or_default()
            expected=task.delay_expected.clone().unwrap_or_default() today=today.clone() open=task.status.is_late()/>
    });
    let note = may_note.then(|| view! { <NoteForm task_id=id today=today.clone()/> });
    // Its own standing notes may be taken back (the department that posted them).
    let own_notes: Vec<(i64, String, String)> = task
        .notes
        .iter()
        .filter(|n| n.withdrawn_at.is_none() && may_note)
        .map(|n| (n.id, n.date.clone(), n.note.clone()))
        .collect();
    let standing: Vec<crate::model::TaskNote> = task
        .notes
        .iter()
        .filter(|n| n.withdrawn_at.is_none() && may_note)
        .cloned()
        .collect();
    let withdraw_note = (!own_notes.is_empty()).then(|| {
        view! {
            <CorrectNotes task_id=id notes=standing today=today.clone()/>
            <WithdrawNote task_id=id notes=own_notes/>
        }
    });
    let history = editable.then(|| {
        view! { <p><a href=format!("/staff/history/task/{id}")>{tr!("task_progress.history")}</a></p> }
    });
    // The outcome of her last action on this task, in its card (the page opens here).
    let outcome = query.with_untracked(|q| {
        (q.get("task").as_deref() == Some(id.to_string().as_str()))
            .then(|| {
                crate::components::form_echo::outcome_message(
                    q.get("done").as_deref(),
                    q.get("error").as_deref(),
                )
            })
            .flatten()
    });
    let outcome = outcome.map(|(ok, text)| {
        let (class, role) = if ok {
            ("flash flash-ok", "status")
        } else {
            ("flash flash-error", "alert")
        };
        view! { <p class=class role=role>{text}</p> }
    });
    view! {
        <li class="card task" id=format!("task-{id}") data-task-id=id.0>
            <p class="task-title">{task.title.clone()}" "<StatusBadge status=task.status/></p>
            {outcome}
            <p class="task-meta">
                {task.owner.name.clone()}" · "{level_label(task.level)}" · "{tr!("task.due", date = crate::i18n::when::day(&task.due))}
                {task.done_on.clone().map(|d| view! { " · "{tr!("task.done_on", date = crate::i18n::when::day(&d))} })}
                " · "
                <a href=crate::paths::topic(year, month)>{theme}" "{tr!("topic.when", year = year, month = month_name(month))}</a>
            </p>
            {confirm}
            {status_form}
            {undo}
            <TaskFollowUp task=task/>
            {delay}
            {note}
            {withdraw_note}
            {history}
        </li>
    }
}

/// 更新状态 and 完成日期: the date is shown and can be corrected, never a side effect.
#[component]
fn StatusForm(
    task_id: crate::model::TaskId,
    state: TaskState,
    done_on: Option<String>,
    previous: Option<String>,
    today: String,
) -> impl IntoView {
    let action = ServerAction::<SetTaskState>::new();
    let select_id = format!("state-{task_id}");
    let date_id = format!("done-on-{task_id}");
    let hint_id = format!("done-on-{task_id}-hint");
    let previous_hint = previous.clone().filter(|_| done_on.is_none()).map(
        |d| view! { " "{tr!("task_progress.previous_done_on", date = crate::i18n::when::day(&d))} },
    );
    let value = done_on.or(previous).unwrap_or_else(|| today.clone());
    view! {
        <ActionForm action attr:class="inline-form">
            <input type="hidden" name="task_id" value=task_id.to_string()/>
            <label for=select_id.clone()>{tr!("staff.new_state")}</label>
            <select id=select_id name="state">{state_options(state)}</select>
            <label for=date_id.clone()>{tr!("task_progress.done_on_field")}</label>
            <input id=date_id name="done_on" type="date" value=value max=today aria-describedby=hint_id.clone()/>
            <button type="submit" class="button">{tr!("staff.save")}</button>
            <p id=hint_id class="muted form-hint">{tr!("task_progress.done_on_hint")}{previous_hint}</p>
        </ActionForm>
    }
}

/// Reopening a done task clears its completion date: asked at the task, before anything is
/// written.
#[component]
fn ConfirmReopen(
    task_id: crate::model::TaskId,
    state: TaskState,
    done_on: String,
) -> impl IntoView {
    let action = ServerAction::<SetTaskState>::new();
    view! {
        <div class="confirm-box" role="alert">
            <p>{tr!("task_progress.confirm_reopen", date = crate::i18n::when::day(&done_on), state = state_label(state))}</p>
            <ActionForm action attr:class="inline-form">
                <input type="hidden" name="task_id" value=task_id.to_string()/>
                <input type="hidden" name="state" value=state.as_str()/>
                <input type="hidden" name="confirm" value="1"/>
                <button type="submit" class="button">{tr!("task_progress.confirm_button", state = state_label(state))}</button>
                <a class="button button-quiet" href=format!("/staff#task-{task_id}")>{tr!("task_progress.keep_done")}</a>
            </ActionForm>
        </div>
    }
}

#[component]
fn DelayForm(
    task_id: crate::model::TaskId,
    reason: String,
    expected: String,
    today: String,
    open: bool,
) -> impl IntoView {
    let action = ServerAction::<SetDelayReason>::new();
    let field = format!("delay-{task_id}");
    let hint = format!("delay-{task_id}-hint");
    let date = format!("delay-{task_id}-expected");
    let date_hint = format!("delay-{task_id}-expected-hint");
    view! {
        <details class="desk-more" open=open>
            <summary>{tr!("task_progress.delay_heading")}</summary>
            <ActionForm action attr:class="stack-form">
                <input type="hidden" name="task_id" value=task_id.to_string()/>
                <label for=field.clone()>{tr!("task_progress.delay_reason")}</label>
                <textarea id=field name="reason" rows="3" maxlength=MAX_DELAY_REASON_CHARS.to_string() aria-describedby=hint.clone() inner_html=text_box(reason)></textarea>
                <p id=hint class="muted">{tr!("task_progress.delay_hint")}</p>
                <label for=date.clone()>{tr!("task_progress.delay_expected")}</label>
                <input id=date name="expected" type="date" value=expected min=today aria-describedby=date_hint.clone()/>
                <p id=date_hint class="muted">{tr!("task_progress.delay_expected_hint")}</p>
                <button type="submit" class="button">{tr!("task_progress.delay_button")}</button>
            </ActionForm>
        </details>
    }
}

#[component]
fn NoteForm(task_id: crate::model::TaskId, today: String) -> impl IntoView {
    let action = ServerAction::<AddTaskNote>::new();
    let id = move |f: &str| format!("note-{task_id}-{f}");
    view! {
        <details class="desk-more">
            <summary>{tr!("task_progress.note_heading")}</summary>
            <ActionForm action attr:class="stack-form">
                <input type="hidden" name="task_id" value=task_id.to_string()/>
                <label for=id("date")>{tr!("task_progress.note_date")}</label>
                <input id=id("date") name="date" type="date" required value=today.clone() max=today/>
                <label for=id("text")>{tr!("task_progress.note_text")}</label>
                <textarea id=id("text") name="note" rows="3" required minlength="2" maxlength=MAX_NOTE_CHARS.to_string() aria-describedby=id("text-hint")></textarea>
                <p id=id("text-hint") class="muted">{tr!("task_progress.note_hint")}</p>
                <label for=id("url")>{tr!("task_progress.evidence_url")}</label>
                <input id=id("url") name="evidence_url" type="url" maxlength=MAX_URL_CHARS.to_string() placeholder="https://" aria-describedby=id("url-hint")/>
                <p id=id("url-hint") class="muted">{tr!("task_progress.evidence_url_hint")}</p>
                <label for=id("title")>{tr!("task_progress.evidence_title")}</label>
                <input id=id("title") name="evidence_title" type="text" maxlength=MAX_EVIDENCE_TITLE_CHARS.to_string()/>
                <button type="submit" class="button">{tr!("task_progress.note_button")}</button>
            </ActionForm>
        </details>
    }
}

/// 更正进展记录: each standing note with its own form, filled in with what it says now; the
/// task then shows 已更正 beside it, and the audit log keeps the earlier wording.
#[component]
fn CorrectNotes(
    task_id: crate::model::TaskId,
    notes: Vec<crate::model::TaskNote>,
    today: String,
) -> impl IntoView {
    notes
        .into_iter()
        .map(|n| {
            let action = ServerAction::<CorrectTaskNote>::new();
            let key = n.id;
            let id = move |f: &str| format!("correct-{key}-{f}");
            let today = today.clone();
            let short: String = n.note.chars().take(20).collect();
            let (url, title) = n
                .evidence
                .clone()
                .map(|e| (e.url, e.title))
                .unwrap_or_default();
            view! {
                <details class="desk-more">
                    <summary>{tr!("task_progress.correct_note_heading", date = crate::i18n::when::day(&n.date), text = short)}</summary>
                    <ActionForm action attr:class="stack-form">
                        <input type="hidden" name="task_id" value=task_id.to_string()/>
                        <input type="hidden" name="note_id" value=n.id.to_string()/>
                        <label for=id("date")>{tr!("task_progress.note_date")}</label>
                        <input id=id("date") name="date" type="date" required value=n.date.clone() max=today/>
                        <label for=id("text")>{tr!("task_progress.note_text")}</label>
                        <textarea id=id("text") name="note" rows="3" required minlength="2" maxlength=MAX_NOTE_CHARS.to_string()
                            inner_html=text_box(n.note.clone())></textarea>
                        <label for=id("url")>{tr!("task_progress.evidence_url")}</label>
                        <input id=id("url") name="evidence_url" type="url" maxlength=MAX_URL_CHARS.to_string() value=url/>
                        <label for=id("title")>{tr!("task_progress.evidence_title")}</label>
                        <input id=id("title") name="evidence_title" type="text" maxlength=MAX_EVIDENCE_TITLE_CHARS.to_string() value=title/>
                        <p class="muted">{tr!("task_progress.correct_note_hint")}</p>
                        <button type="submit" class="button button-quiet">{tr!("task_progress.correct_note_button")}</button>
                    </ActionForm>
                </details>
            }
        })
        .collect_view()
}

/// 撤回进展记录: pick one of the task's standing notes and say why; the task then shows the
/// date and reason in its place.
#[component]
fn WithdrawNote(task_id: crate::model::TaskId, notes: Vec<(i64, String, String)>) -> impl IntoView {
    let action = ServerAction::<WithdrawTaskNote>::new();
    let select = format!("withdraw-note-{task_id}");
    let reason = format!("withdraw-note-{task_id}-reason");
    let options = notes
        .into_iter()
        .map(|(id, date, text)| {
            let short: String = text.chars().take(30).collect();
            view! { <option value=id.to_string()>{format!("{} {short}", crate::i18n::when::day(&date))}</option> }
        })
        .collect_view();
    view! {
        <details class="desk-more">
            <summary>{tr!("task_progress.withdraw_note_heading")}</summary>
            <ActionForm action attr:class="stack-form">
                <input type="hidden" name="task_id" value=task_id.to_string()/>
                <label for=select.clone()>{tr!("task_progress.withdraw_note_which")}</label>
                <select id=select name="note_id">{options}</select>
                <label for=reason.clone()>{tr!("editor.withdraw_reason")}</label>
                <textarea id=reason name="reason" rows="2" required
                    minlength=crate::model::REASON_MIN.to_string() maxlength=crate::model::REASON_MAX.to_string()></textarea>
                <p class="muted">{tr!("task_progress.withdraw_note_hint")}</p>
                <button type="submit" class="button button-quiet">{tr!("editor.withdraw_button")}</button>
            </ActionForm>
        </details>
    }
}
