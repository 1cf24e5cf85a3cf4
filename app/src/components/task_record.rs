//! 公开变更记录 under a published task: each change since publication as a dated line in the
//! reader's language — a moved due date with its reason and whether it came too late to count,
//! status changes and their undoing, a renamed or reassigned task.

use crate::i18n::when::day;
use crate::model::{MarkText, Task, TaskChange, TaskChangeKind, TaskState};
use crate::tr;
use leptos::prelude::*;

/// A recorded mark (`done 2026-12-07`) in words: "已完成（2026年12月7日）".
fn mark_words(text: &str) -> String {
    match MarkText::read(text) {
        Some((_, Some(date))) => tr!("task_record.mark_done", date = day(&date)),
        // The recorded state's words (as `topic_lists::status_label` gives them; that module
        // shows this one, so it is not imported here).
        Some((TaskState::NotStarted, None)) => tr!("status.not_started"),
        Some((TaskState::InProgress, None)) => tr!("status.in_progress"),
        Some((TaskState::Done, None)) => tr!("status.done"),
        None => text.to_string(),
    }
}

fn line_words(change: &TaskChange, judged: &str) -> String {
    let (from, to) = (change.from.clone(), change.to.clone());
    let mut words = match change.kind {
        TaskChangeKind::Due => tr!("task_record.due", from = day(&from), to = day(&to)),
        TaskChangeKind::State => match (MarkText::read(&from), MarkText::read(&to)) {
            // Done before and after: only the date moved, said as plainly as that.
            (Some((_, Some(a))), Some((_, Some(b)))) => {
                tr!("task_record.done_on", from = day(&a), to = day(&b))
            }
            _ => tr!(
                "task_record.state",
                from = mark_words(&from),
                to = mark_words(&to)
            ),
        },
        TaskChangeKind::Undo => {
            tr!(
                "task_record.undo",
                from = mark_words(&from),
                to = mark_words(&to)
            )
        }
        TaskChangeKind::Title => tr!("task_record.title", from = from, to = to),
        TaskChangeKind::Owner => tr!("task_record.owner", from = from, to = to),
    };
    // Sentences follow one another with a space in English, none in Chinese.
    let sep = match crate::i18n::use_locale() {
        crate::i18n::Locale::En => " ",
        crate::i18n::Locale::ZhCn => "",
    };
    if let Some(reason) = &change.reason {
        // The sentence supplies its own full stop.
        let reason = reason.trim_end_matches(['。', '.', '；', ';', '！', '!']);
        words.push_str(sep);
        words.push_str(&tr!("task_record.reason", reason = reason.to_string()));
    }
    if change.after_deadline {
        words.push_str(sep);
        words.push_str(&tr!("task_record.after_deadline", date = day(judged)));
    }
    words
}

/// The task's changes since publication, oldest first; nothing when there are none.
#[component]
pub fn TaskRecord(task: Task) -> impl IntoView {
    if task.changes.is_empty() {
        return None;
    }
    let judged = task.judged_due.clone().unwrap_or_else(|| task.due.clone());
    let lines = task
        .changes
        .iter()
        .map(|c| {
            let words = line_words(c, &judged);
            view! {
                <li>
                    <time datetime=c.date.clone()>{day(&c.date)}</time>" "{words}
                </li>
            }
        })
        .collect_view();
    let heading = tr!("task_record.heading");
    Some(view! {
        <div class="task-record">
            <p class="task-record-heading muted">{heading.clone()}</p>
            <ul class="task-record-lines" aria-label=heading>{lines}</ul>
        </div>
    })
}
