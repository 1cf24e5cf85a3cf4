//! The pieces of a topic page: progress bars and the three lists (任务清单、责任清单、政策清单).

use crate::components::badges::{ConfidenceBadge, SampleBadge};
use crate::components::task_progress::TaskFollowUp;
use crate::components::task_record::TaskRecord;
use crate::model::{Level, Policy, Progress, Report, Responsibility, Task, TaskState, TaskStatus};
use crate::tr;
use leptos::prelude::*;

pub fn level_label(level: Level) -> String {
    tr!(level.label_key())
}

pub fn status_label(status: TaskStatus) -> String {
    tr!(status.label_key())
}

/// A native `<progress>` with its numbers in words: screen readers and CSS-less readers get both.
#[component]
pub fn ProgressBar(
    progress: Progress,
    #[prop(optional, into)] label: Option<String>,
) -> impl IntoView {
    let text = tr!(
        "topic.progress_text",
        done = progress.done,
        total = progress.total,
        percent = progress.percent()
    );
    view! {
        <div class="progress">
            {label.map(|l| view! { <span class="progress-label">{l}</span> })}
            <progress max=progress.total.max(1) value=progress.done aria-label=text.clone()></progress>
            <span class="progress-text">{text}</span>
        </div>
    }
}

/// A responsibility has no due date: its status is what the department last reported.
pub fn responsibility_status(state: TaskState) -> TaskStatus {
    TaskStatus::recorded(state)
}

#[component]
pub fn StatusBadge(status: TaskStatus) -> impl IntoView {
    view! { <span class=format!("badge status-{}", status.as_str())>{status_label(status)}</span> }
}

/// The day a completion was recorded, when that was after the date judged and not the
/// completion date itself: the reason a back-dated completion does not count as on time.
fn recorded_late(t: &Task) -> Option<String> {
    let judged = t.judged_due.as_deref().unwrap_or(&t.due);
    let recorded = t.done_recorded_on.as_deref()?;
    (t.done_on.is_some() && recorded > judged && t.done_on.as_deref() != Some(recorded))
        .then(|| recorded.to_string())
}

#[component]
pub fn TaskList(tasks: Vec<Task>) -> impl IntoView {
    view! {
        <ul class="task-list">
            {tasks
                .into_iter()
                .map(|t| {
                    view! {
                        <li class="card task">
                            <p class="task-title">{t.title.clone()}" "<StatusBadge status=t.status/></p>
                            <p class="task-meta">
                                <a href=crate::paths::department(t.owner.id)>{t.owner.name.clone()}</a>
                                " · "
                                {level_label(t.level)}
                                " · "
                                {tr!("task.due", date = crate::i18n::when::day(&t.due))}
                                {t.original_due.clone().map(|d| view! { "（"{tr!("task.original_due", date = crate::i18n::when::day(&d))}"）" })}
                                {t.done_on.clone().map(|d| view! { " · "{tr!("task.done_on", date = crate::i18n::when::day(&d))} })}
                                {recorded_late(&t).map(|d| view! { " · "{tr!("task.recorded_late", date = crate::i18n::when::day(&d))} })}
                            </p>
                            <TaskFollowUp task=t.clone()/>
                            <TaskRecord task=t/>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// Responsibilities grouped by level, then by batch (批次), in the order the store returns them.
#[component]
pub fn ResponsibilityList(responsibilities: Vec<Responsibility>) -> impl IntoView {
    if responsibilities.is_empty() {
        return view! { <p class="muted">{tr!("topic.no_responsibilities")}</p> }.into_any();
    }
    let groups = Level::ALL
        .into_iter()
        .filter_map(|level| {
            let at_level: Vec<&Responsibility> = responsibilities.iter().filter(|d| d.level == level).collect();
            if at_level.is_empty() {
                return None;
            }
            let mut batches: Vec<u8> = at_level.iter().map(|d| d.batch).collect();
            batches.dedup();
            let batch_views = batches
                .into_iter()
                .map(|batch| {
                    let items = at_level
                        .iter()
                        .filter(|d| d.batch == batch)
                        .map(|d| {
                            view! {
                                <li>
                                    {d.duty.clone()}
                                    " — "
                                    <a href=crate::paths::department(d.department.id)>{d.department.name.clone()}</a>
                                    " "
                                    <StatusBadge status=responsibility_status(d.state)/>
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <h4>{tr!("responsibility.batch", batch = batch)}</h4>
                        <ul>{items}</ul>
                    }
                })
                .collect_view();
            Some(view! {
                <section class="responsibility-level">
                    <h3>{level_label(level)}</h3>
                    {batch_views}
                </section>
            })
        })
        .collect_view();
    view! { <div class="responsibilities">{groups}</div> }.into_any()
}

#[component]
pub fn PolicyList(policies: Vec<Policy>) -> impl IntoView {
    if policies.is_empty() {
        return view! { <p class="muted">{tr!("problem.no_policies")}</p> }.into_any();
    }
    view! {
        <ul class="link-list policy-links">
            {policies
                .into_iter()
                .map(|p| {
                    let date = crate::i18n::when::day(&p.issued.or(p.passed).unwrap_or_default());
                    view! {
                        <li>
                            <a href=crate::paths::policy(p.id)>{p.title}</a>
                            " "
                            <ConfidenceBadge confidence=p.confidence/>
                            <br/>
                            <span class="muted">{p.issuer}" "{date}</span>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

/// A dated stream of reports, newest first. The HTML was sanitised when it was saved.
#[component]
pub fn Timeline(reports: Vec<Report>) -> impl IntoView {
    view! {
        <ol class="timeline">
            {reports
                .into_iter()
                .map(|r| {
                    let sample = r.is_sample.then(|| view! { <SampleBadge/> });
                    let poster = r.clone();
                    view! {
                        <li>
                            <p class="timeline-date"><time datetime=r.date.clone()>{crate::i18n::when::day(&r.date)}</time>" · "<crate::components::roles::ReportPoster report=poster/>" "{sample}</p>
                            <h3>{r.title}</h3>
                            {match r.withdrawn_at {
                                Some(at) => view! {
                                    <p class="withdrawn-note">
                                        {tr!("editor.withdrawn_on", day = crate::i18n::when::day(&at))}" · "
                                        {tr!("editor.withdrawn_reason", reason = r.withdrawn_reason.unwrap_or_default())}
                                    </p>
                                }.into_any(),
                                None => view! { <div class="richtext" inner_html=r.body_html></div> }.into_any(),
                            }}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}
