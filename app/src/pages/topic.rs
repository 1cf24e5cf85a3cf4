//! 主题: one month's topic — its plan, the three lists, progress, reports and supervision.

use crate::api::charts::get_topic_charts;
use crate::api::editor::{get_topic_page, TopicPageView};
use crate::charts::ChartSlot;
use crate::components::badges::SampleBadge;
use crate::components::follow_form::FollowForm;
use crate::components::loading::DataView;
use crate::components::terms::TermLinks;
use crate::components::topic_lists::{
    level_label, PolicyList, ProgressBar, ResponsibilityList, TaskList, Timeline,
};
use crate::i18n::use_locale;
use crate::model::{parse_id, ChosenBy, Level, ReportKind, TaskStatus, TopicDetail, TopicKey};
use crate::model::{topic_subject, ChartRef, FollowKind};
use crate::pages::topic_state::{PreviewBanner, WithdrawnNotice};
use crate::pages::vote_ballot::tally_text;
use crate::pages::{month_name, NotFound};
use crate::tr;
use leptos::either::EitherOf4;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// Filters of the responsibility list, read from the query so they work without JavaScript.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct ListFilter {
    level: Option<Level>,
    department: Option<i64>,
}

#[component]
pub fn TopicPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let key = move || {
        let p = params.read();
        let key = TopicKey::from_segments(&p.get("year")?, &p.get("month")?)?;
        Some((key.year, key.month.get()))
    };
    let filter = {
        let q = query.read_untracked();
        ListFilter {
            level: q.get("level").as_deref().and_then(Level::parse),
            department: q.get("dept").as_deref().and_then(parse_id),
        }
    };
    let detail = Resource::new_blocking(key, |key| async move {
        match key {
            Some((year, month)) => get_topic_page(year, month).await,
            None => Ok(TopicPageView::Missing),
        }
    });
    view! {
        <DataView>
            {move || Suspend::new(async move {
                detail.await.map(|detail| match detail {
                    TopicPageView::Public(detail) => EitherOf4::A(view! { <TopicView detail filter public=true/> }),
                    TopicPageView::Preview(detail) => EitherOf4::B(view! {
                        <PreviewBanner editor_href=crate::paths::staff_topic(detail.topic.id)/>
                        <TopicView detail filter public=false/>
                    }),
                    TopicPageView::Withdrawn(withdrawal) => EitherOf4::C(view! { <WithdrawnNotice withdrawal/> }),
                    TopicPageView::Missing => EitherOf4::D(view! { <NotFound/> }),
                })
            })}
        </DataView>
    }
}

/// 由投票选出: the round whose residents chose this topic, linked both ways — to the round's
/// result and to the candidate it was, with its approvals by tier once they are public.
#[component]
fn ChosenByLine(chosen: Vec<ChosenBy>) -> impl IntoView {
    (!chosen.is_empty()).then(|| {
        view! {
            <section class="card" id="chosen-by" aria-labelledby="chosen-by-h">
                <h2 id="chosen-by-h" class="h3">{tr!("topic.chosen_by_heading")}</h2>
                <ul class="plain-list">
                    {chosen.into_iter().map(|c| {
                        let round = crate::paths::cycle(&c.cycle_slug);
                        let candidate = crate::paths::candidate(&c.cycle_slug, c.candidate_id);
                        view! {
                            <li>
                                {tr!("topic.chosen_by_round")}" "<a href=round>{c.cycle_title}</a>" "
                                {c.is_sample.then(|| view! { <SampleBadge/> })}
                                <br/>{tr!("topic.chosen_by_candidate")}" "<a href=candidate>{c.candidate_title}</a>
                                {c.tally.map(|t| view! { " · "{tally_text(t)} })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        }
    })
}

#[component]
/// `public`: the published page (a draft's preview has nothing to follow yet).
fn TopicView(detail: TopicDetail, filter: ListFilter, public: bool) -> impl IntoView {
    let t = detail.topic;
    let base = crate::paths::topic(t.year, t.month);
    // The downloads speak the page's language: headers and codes in words (issue 34).
    let lang = use_locale().tag();
    let when = tr!("topic.when", year = t.year, month = month_name(t.month));
    let sample = t.is_sample.then(|| view! { <SampleBadge/> });
    let lead = t
        .lead
        .clone()
        .map(|d| view! { <a href=crate::paths::department(d.id)>{d.name}</a> });
    let cooperating = t
        .cooperating
        .iter()
        .map(|d| view! { <li><a href=crate::paths::department(d.id)>{d.name.clone()}</a></li> })
        .collect_view();
    let overdue = detail
        .tasks
        .iter()
        .filter(|t| t.status == TaskStatus::Overdue)
        .count();
    let (supervision, progress_reports): (Vec<_>, Vec<_>) = detail
        .reports
        .into_iter()
        .partition(|r| r.kind == ReportKind::Supervision);
    let problem_bars = detail
        .problems
        .into_iter()
        .map(|p| {
            view! {
                <li>
                    <a href=crate::paths::problem(p.problem.id)>{p.problem.title}</a>
                    <ProgressBar progress=p.progress/>
                </li>
            }
        })
        .collect_view();

    // The department choices are the departments that appear in the list.
    let mut departments: Vec<(i64, String)> = detail
        .responsibilities
        .iter()
        .map(|d| (d.department.id, d.department.name.clone()))
        .collect();
    departments.sort();
    departments.dedup();
    let responsibilities: Vec<_> = detail
        .responsibilities
        .into_iter()
        .filter(|d| filter.level.is_none_or(|l| d.level == l))
        .filter(|d| filter.department.is_none_or(|id| d.department.id == id))
        .collect();
    let level_links = std::iter::once(None)
        .chain(Level::ALL.into_iter().map(Some))
        .map(|level| {
            let href = match (level, filter.department) {
                (None, None) => format!("{base}#duties"),
                (None, Some(d)) => format!("{base}?dept={d}#duties"),
                (Some(l), None) => format!("{base}?level={}#duties", l.as_str()),
                (Some(l), Some(d)) => format!("{base}?level={}&dept={d}#duties", l.as_str()),
            };
            let label = level
                .map(level_label)
                .unwrap_or_else(|| tr!("year.filter_all"));
            let current = (filter.level == level).then_some("true");
            view! { <a class="chip" href=href aria-current=current>{label}</a> }
        })
        .collect_view();

    view! {
        <Title text=format!("{} · {}", t.theme, when)/>
        <nav class="breadcrumb" aria-label=tr!("nav.breadcrumb")>
            <a href="/">{tr!("nav.home")}</a>
            " › "
            <a href=crate::paths::year(t.year)>{tr!("year.label", year = t.year)}</a>
            " › "
            <span aria-current="page">{when.clone()}</span>
        </nav>
        <p class="eyebrow">{when}" "{sample}</p>
        <h1>{t.theme}</h1>
        <p class="lede">{t.summary}</p>
        <dl class="facts">
            <dt>{tr!("problem.lead")}</dt>
            <dd>{lead}</dd>
            <dt>{tr!("problem.cooperating")}</dt>
            <dd><ul class="inline-list">{cooperating}</ul></dd>
        </dl>
        <ChosenByLine chosen=detail.chosen_by/>

        <section aria-labelledby="progress-heading" class="card">
            <h2 id="progress-heading">{tr!("topic.progress")}</h2>
            <ProgressBar progress=detail.progress label=tr!("topic.overall")/>
            {(overdue > 0).then(|| view! { <p class="warning">{tr!("topic.overdue", count = overdue)}</p> })}
            <ul class="problem-progress">{problem_bars}</ul>
            {(detail.progress.total > 0).then(|| view! {
                <ChartSlot ids=vec![ChartRef::TopicTasks { year: t.year, month: t.month }.to_string()]/>
            })}
        </section>

        <OutcomeCharts year=t.year month=t.month/>

        <section aria-labelledby="plan-heading">
            <h2 id="plan-heading">{tr!("topic.plan")}</h2>
            <TermLinks ids=&["plan_lists"]/>
            <div class="richtext card" inner_html=detail.plan_html></div>
        </section>

        <section aria-labelledby="tasks-heading">
            <h2 id="tasks-heading">{tr!("topic.tasks")}</h2>
            <TaskList tasks=detail.tasks/>
            <p class="download">
                <a href=format!("/api/v1{base}/tasks.csv?lang={lang}") download>{tr!("topic.download_csv")}</a>
            </p>
        </section>

        // The anchor keeps its first spelling: links to `#duties` are already in the wild.
        <section id="duties" aria-labelledby="duties-heading">
            <h2 id="duties-heading">{tr!("topic.responsibilities")}</h2>
            <p class="filter-label" id="level-filter">{tr!("topic.filter_level")}</p>
            <div class="chips" role="group" aria-labelledby="level-filter">{level_links}</div>
            <form method="get" action=format!("{base}#duties") class="inline-form">
                {filter.level.map(|l| view! { <input type="hidden" name="level" value=l.as_str()/> })}
                <label for="dept-filter">{tr!("topic.filter_department")}</label>
                <select id="dept-filter" name="dept">
                    <option value="">{tr!("year.filter_all")}</option>
                    {departments
                        .into_iter()
                        .map(|(id, name)| {
                            let selected = filter.department == Some(id);
                            view! { <option value=id.to_string() selected=selected>{name}</option> }
                        })
                        .collect_view()}
                </select>
                <button type="submit" class="button">{tr!("topic.apply")}</button>
            </form>
            <TermLinks ids=&["batch"]/>
            <ResponsibilityList responsibilities/>
            <p class="download">
                <a href=format!("/api/v1{base}/responsibilities.csv?lang={lang}") download>{tr!("topic.download_csv")}</a>
            </p>
        </section>

        <section aria-labelledby="policies-heading">
            <h2 id="policies-heading">{tr!("topic.policies")}</h2>
            <PolicyList policies=detail.policies/>
            <p class="download">
                <a href=format!("/api/v1{base}/policies.csv?lang={lang}") download>{tr!("topic.download_csv")}</a>
            </p>
        </section>

        <section aria-labelledby="reports-heading">
            <h2 id="reports-heading">{tr!("topic.reports")}</h2>
            <Timeline reports=progress_reports/>
        </section>

        {public.then(|| view! { <FollowForm kind=FollowKind::Topic subject=topic_subject(t.year, t.month)/> })}

        <section aria-labelledby="supervision-heading" class="supervision">
            <h2 id="supervision-heading">{tr!("topic.supervision")}</h2>
            <p class="muted">{tr!("topic.supervision_note")}</p>
            <Timeline reports=supervision/>
        </section>
    }
}

/// 成效图表: links to every chart of this topic — its problems' hotline outcomes first — each
/// one click from here, with its downloads and embed codes on its page.
#[component]
fn OutcomeCharts(year: i32, month: u8) -> impl IntoView {
    let locale = use_locale();
    let charts = Resource::new_blocking(
        move || (year, month),
        move |(year, month)| get_topic_charts(year, month, locale),
    );
    view! {
        <section aria-labelledby="outcomes-heading" id="outcomes">
            <h2 id="outcomes-heading">{tr!("chart_meta.topic.heading")}</h2>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let entries = charts.await.unwrap_or_default();
                    let outcomes: Vec<_> = entries
                        .into_iter()
                        .filter(|e| e.kind != crate::model::ChartKind::TopicTasks)
                        .collect();
                    let intro = if outcomes.is_empty() {
                        tr!("chart_meta.topic.none")
                    } else {
                        tr!("chart_meta.topic.intro")
                    };
                    let items = outcomes
                        .into_iter()
                        .map(|e| view! {
                            <li>
                                <a href=crate::paths::chart(e.id)>{e.title}</a>
                                {e.sample.then(|| view! { " " <SampleBadge/> })}
                            </li>
                        })
                        .collect_view();
                    view! {
                        <p class="muted">{intro}</p>
                        <ul class="chart-list">{items}</ul>
                    }
                })}
            </Suspense>
            <p><a href="/charts">{tr!("chart_meta.topic.all")}</a></p>
        </section>
    }
}
