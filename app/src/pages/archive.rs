//! 往期: browse every year and month, and filter tasks and responsibilities across all topics by
//! department, status and level. A plain GET form: filtered views have addresses and work
//! without JavaScript.

use crate::api::get_archive;
use crate::components::badges::SampleBadge;
use crate::components::loading::DataView;
use crate::components::topic_lists::{
    level_label, responsibility_status, status_label, ProgressBar, StatusBadge,
};
use crate::model::{Archive, ArchiveMonth, InTopic, Level, Responsibility, Task, TaskStatus};
use crate::pages::month_name;
use crate::tr;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ArchivePage() -> impl IntoView {
    let query = use_query_map();
    let filters = move || {
        query.with(|q| {
            (
                q.get("year").unwrap_or_default(),
                q.get("department").unwrap_or_default(),
                q.get("status").unwrap_or_default(),
                q.get("level").unwrap_or_default(),
            )
        })
    };
    let archive = Resource::new_blocking(filters, |(y, d, s, l)| get_archive(y, d, s, l));
    view! {
        <Title text=tr!("archive.title")/>
        <h1>{tr!("archive.title")}</h1>
        <DataView>
            {move || Suspend::new(async move { archive.await.map(|archive| view! { <ArchiveView archive/> }) })}
        </DataView>
    }
}

#[component]
fn ArchiveView(archive: Archive) -> impl IntoView {
    let q = archive.query;
    let lists = q.filters_lists().then(|| {
        view! { <FilteredLists tasks=archive.tasks responsibilities=archive.responsibilities/> }
    });
    let mut years: Vec<i32> = archive.months.iter().map(|m| m.year).collect();
    years.dedup();
    let calendar = years
        .into_iter()
        .map(|year| {
            let months: Vec<ArchiveMonth> =
                archive.months.iter().filter(|m| m.year == year).cloned().collect();
            view! {
                <section class="archive-year" aria-labelledby=format!("archive-{year}")>
                    <h2 id=format!("archive-{year}")><a href=crate::paths::year(year)>{tr!("year.label", year = year)}</a></h2>
                    <ul class="plain-list archive-months">
                        {months.into_iter().map(|m| view! { <MonthCard month=m/> }).collect_view()}
                    </ul>
                </section>
            }
        })
        .collect_view();
    let unassigned = (archive.unassigned > 0).then(
        || view! { <p class="muted">{tr!("archive.unassigned", count = archive.unassigned)}</p> },
    );
    view! {
        <form method="get" action="/archive" class="filter-form" aria-label=tr!("archive.filters")>
            <div class="filter-grid">
                <label for="f-year">{tr!("problem.year")}</label>
                <select id="f-year" name="year">
                    <option value="">{tr!("archive.any")}</option>
                    {archive.years.iter().map(|y| view! { <option value=y.to_string() selected=q.year == Some(*y)>{*y}</option> }).collect_view()}
                </select>
                <label for="f-department">{tr!("archive.department")}</label>
                <select id="f-department" name="department">
                    <option value="">{tr!("archive.any")}</option>
                    {archive.departments.iter().map(|d| view! { <option value=d.id.to_string() selected=q.department == Some(d.id)>{d.name.clone()}</option> }).collect_view()}
                </select>
                <label for="f-status">{tr!("archive.status")}</label>
                <select id="f-status" name="status">
                    <option value="">{tr!("archive.any")}</option>
                    {TaskStatus::ALL.into_iter().map(|s| view! { <option value=s.as_str() selected=q.status == Some(s)>{status_label(s)}</option> }).collect_view()}
                </select>
                <label for="f-level">{tr!("staff.level")}</label>
                <select id="f-level" name="level">
                    <option value="">{tr!("archive.any")}</option>
                    {Level::ALL.into_iter().map(|l| view! { <option value=l.as_str() selected=q.level == Some(l)>{level_label(l)}</option> }).collect_view()}
                </select>
            </div>
            <button type="submit" class="button">{tr!("topic.apply")}</button>
            " "
            <a href="/archive">{tr!("archive.clear")}</a>
        </form>
        {lists}
        <p class="muted">{tr!("archive.months_note")}" "<SampleBadge/></p>
        {calendar}
        {unassigned}
    }
}

#[component]
fn MonthCard(month: ArchiveMonth) -> impl IntoView {
    let ArchiveMonth {
        year,
        month,
        topic,
        problems,
    } = month;
    let topic = topic.map(|(theme, progress)| {
        view! {
            <p>
                <a href=crate::paths::topic(year, month)><strong>{theme}</strong></a>
            </p>
            {(progress.total > 0).then(|| view! { <ProgressBar progress/> })}
        }
    });
    view! {
        <li class="card archive-month">
            <h3>{month_name(month)}</h3>
            {topic}
            <ul>
                {problems.into_iter().map(|p| view! { <li><a href=crate::paths::problem(p.id)>{p.title}</a></li> }).collect_view()}
            </ul>
        </li>
    }
}

fn topic_link(
    crate::model::TopicLabel {
        key: crate::model::TopicKey { year, month },
        theme,
    }: &crate::model::TopicLabel,
) -> impl IntoView {
    view! {
        <a href=crate::paths::topic(year, month)>{format!("{year}-{month:02} {theme}")}</a>
    }
}

#[component]
fn FilteredLists(
    tasks: Vec<InTopic<Task>>,
    responsibilities: Vec<InTopic<Responsibility>>,
) -> impl IntoView {
    let task_count = tasks.len();
    let responsibility_count = responsibilities.len();
    view! {
        <section aria-labelledby="archive-tasks">
            <h2 id="archive-tasks">{tr!("archive.tasks", count = task_count)}</h2>
            <ul class="task-list">
                {tasks.into_iter().map(|(topic, t)| view! {
                    <li class="card task">
                        <p class="task-title">{t.title}" "<StatusBadge status=t.status/></p>
                        <p class="task-meta">
                            {t.owner.name}" · "{level_label(t.level)}" · "{tr!("task.due", date = crate::i18n::when::day(&t.due))}" · "
                            {topic_link(&topic)}
                        </p>
                    </li>
                }).collect_view()}
            </ul>
        </section>
        <section aria-labelledby="archive-duties">
            <h2 id="archive-duties">{tr!("archive.responsibilities", count = responsibility_count)}</h2>
            <ul class="task-list">
                {responsibilities.into_iter().map(|(topic, d)| view! {
                    <li class="card task">
                        <p class="task-title">{d.duty}" "<StatusBadge status=responsibility_status(d.state)/></p>
                        <p class="task-meta">
                            {d.department.name}" · "{level_label(d.level)}" · "{tr!("responsibility.batch", batch = d.batch)}" · "
                            {topic_link(&topic)}
                        </p>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}
