//! 部门: what a department leads or shares, and whether it keeps its dates (按期完成率).

use crate::api::get_department;
use crate::components::badges::ConfidenceBadge;
use crate::components::league_history::LeagueHistory;
use crate::components::loading::DataView;
use crate::components::topic_lists::{level_label, responsibility_status, StatusBadge};
use crate::model::{parse_id, DepartmentDetail};
use crate::pages::{month_name, NotFound};
use crate::tr;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn DepartmentPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").as_deref().and_then(parse_id);
    let detail = Resource::new_blocking(id, |id| async move {
        match id {
            Some(id) => get_department(id).await,
            None => Ok(None),
        }
    });
    view! {
        <DataView>
            {move || Suspend::new(async move {
                detail.await.map(|detail| match detail {
                    Some(detail) => Either::Left(view! { <DepartmentView detail/> }),
                    None => Either::Right(view! { <NotFound/> }),
                })
            })}
        </DataView>
    }
}

#[component]
fn DepartmentView(detail: DepartmentDetail) -> impl IntoView {
    let d = detail.department;
    let r = detail.on_time;
    let replies = detail.replies;
    let league = detail.league;
    let rate = r
        .rate_percent()
        .map(|p| format!("{p}%"))
        .unwrap_or_else(|| tr!("department.no_due"));
    let topics = detail
        .topics_led
        .into_iter()
        .map(|crate::model::TopicLabel { key: crate::model::TopicKey { year, month }, theme }| {
            view! {
                <li>
                    <a href=crate::paths::topic(year, month)>{theme}</a>
                    " "
                    <span class="muted">{tr!("topic.when", year = year, month = month_name(month))}</span>
                </li>
            }
        })
        .collect_view();
    let problems = detail
        .problems_led
        .into_iter()
        .map(|p| {
            view! {
                <li>
                    <a href=crate::paths::problem(p.id)>{p.title}</a>
                    " "
                    <span class="muted">{p.year}</span>
                    " "
                    <ConfidenceBadge confidence=p.confidence/>
                </li>
            }
        })
        .collect_view();
    let tasks = detail
        .tasks
        .into_iter()
        .map(|t| {
            view! {
                <li>
                    {t.title.clone()}" "<StatusBadge status=t.status/>
                    <br/>
                    <span class="muted">{level_label(t.level)}" · "{tr!("task.due", date = crate::i18n::when::day(&t.due))}</span>
                    <crate::components::task_progress::TaskFollowUp task=t/>
                </li>
            }
        })
        .collect_view();
    let responsibilities = detail
        .responsibilities
        .into_iter()
        .map(|r| {
            view! {
                <li>
                    {r.duty}" "<StatusBadge status=responsibility_status(r.state)/>
                    <br/>
                    <span class="muted">{level_label(r.level)}" · "{tr!("responsibility.batch", batch = r.batch)}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <Title text=d.name.clone()/>
        <nav class="breadcrumb" aria-label=tr!("nav.breadcrumb")>
            <a href="/">{tr!("nav.home")}</a>
            " › "
            <span aria-current="page">{d.name.clone()}</span>
        </nav>
        <h1>{d.name}</h1>
        <p class="note">{tr!("department.sample_note")}</p>
        <dl class="stats">
            <div><dt>{tr!("department.rate")}</dt><dd>{rate}</dd></div>
            <div><dt>{tr!("department.on_time")}</dt><dd>{r.on_time}</dd></div>
            <div><dt>{tr!("department.late")}</dt><dd>{r.late}</dd></div>
            <div><dt>{tr!("department.overdue")}</dt><dd>{r.overdue}</dd></div>
        </dl>
        <section aria-labelledby="dept-replies-heading">
            <h2 id="dept-replies-heading">{tr!("department.replies")}</h2>
            <dl class="stats">
                <div><dt>{tr!("department.replies_on_time")}</dt><dd>{replies.on_time}</dd></div>
                <div><dt>{tr!("department.replies_late")}</dt><dd>{replies.late}</dd></div>
                <div><dt>{tr!("department.replies_overdue")}</dt><dd>{replies.overdue}</dd></div>
                <div><dt>{tr!("department.replies_waiting")}</dt><dd>{replies.waiting}</dd></div>
            </dl>
            <p><a href=crate::paths::REPLIES>{tr!("reply.all")}</a></p>
        </section>
        <LeagueHistory history=league/>
        <section aria-labelledby="led-heading">
            <h2 id="led-heading">{tr!("department.topics")}</h2>
            <ul class="link-list">{topics}</ul>
            <h2>{tr!("department.problems")}</h2>
            <ul class="link-list">{problems}</ul>
        </section>
        <section aria-labelledby="dept-tasks-heading">
            <h2 id="dept-tasks-heading">{tr!("topic.tasks")}</h2>
            <ul class="plain-list">{tasks}</ul>
        </section>
        <section aria-labelledby="dept-duties-heading">
            <h2 id="dept-duties-heading">{tr!("topic.responsibilities")}</h2>
            <ul class="plain-list">{responsibilities}</ul>
        </section>
    }
}
