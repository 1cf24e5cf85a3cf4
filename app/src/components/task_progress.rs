//! What a department has said about a task, as everyone sees it under the task: the delay
//! reason when the task is late (or that none was given), and its dated progress notes with
//! evidence links, newest first.

use crate::model::{Task, TaskNote};
use crate::tr;
use leptos::prelude::*;

/// The delay reason and the notes of a task; nothing when there is nothing to say.
#[component]
pub fn TaskFollowUp(task: Task) -> impl IntoView {
    let delay = match (&task.delay_reason, task.status.is_late()) {
        (Some(reason), _) => {
            let given = task.delay_on.as_deref().map(|d| {
                view! { " "<span class="muted">{tr!("task_progress.delay_given_on", date = crate::i18n::when::day(d))}</span> }
            });
            // A new date promised, unless the task is done by now.
            let expected = task
                .delay_expected
                .as_deref()
                .filter(|_| task.done_on.is_none())
                .map(|d| view! { <br/>{tr!("task_progress.delay_expected_public", date = crate::i18n::when::day(d))} });
            Some(view! {
                <p class="task-delay">{tr!("task_progress.delay_reason_public", reason = reason.clone())}{given}{expected}</p>
            }.into_any())
        }
        (None, true) => Some(view! {
            <p class="task-delay task-delay-missing">{tr!("task_progress.delay_reason_missing")}</p>
        }.into_any()),
        (None, false) => None,
    };
    let mut notes = task.notes.into_iter();
    let latest = notes.next().map(|n| view! { <NoteLine note=n/> });
    let earlier: Vec<TaskNote> = notes.collect();
    let earlier = (!earlier.is_empty()).then(|| {
        let n = earlier.len();
        view! {
            <details class="task-notes-more">
                <summary>{tr!("task_progress.earlier_notes", n = n)}</summary>
                <ul class="task-notes">
                    {earlier.into_iter().map(|n| view! { <NoteLine note=n/> }).collect_view()}
                </ul>
            </details>
        }
    });
    let notes = latest.map(|latest| {
        view! {
            <div class="task-follow-notes">
                <ul class="task-notes" aria-label=tr!("task_progress.notes")>{latest}</ul>
                {earlier}
            </div>
        }
    });
    view! { {delay}{notes} }
}

/// One note: its date, the department that posted it, what was done and the evidence link.
#[component]
fn NoteLine(note: TaskNote) -> impl IntoView {
    let evidence = note.evidence.map(|e| {
        view! {
            " "
            <a href=e.url rel="nofollow ugc noopener noreferrer">{tr!("task_progress.evidence", title = e.title)}</a>
        }
    });
    let withdrawn = note.withdrawn_at.map(|at| {
        view! {
            <span class="withdrawn-note">
                {tr!("editor.withdrawn_on", day = crate::i18n::when::day(&at))}" · "
                {tr!("editor.withdrawn_reason", reason = note.withdrawn_reason.unwrap_or_default())}
            </span>
        }
    });
    let corrected = note.corrected_at.filter(|_| withdrawn.is_none()).map(|at| {
        view! { " "<span class="muted">{tr!("task_progress.corrected_on", day = crate::i18n::when::day(&at))}</span> }
    });
    view! {
        <li>
            <time datetime=note.date.clone()>{crate::i18n::when::day(&note.date)}</time>" "
            <span class="muted">{tr!("task_progress.note_by", department = note.department.name)}</span>
            {note.note}
            {evidence}
            {corrected}
            {withdrawn}
        </li>
    }
}
