//! 年度: one year's problems with their provenance, and the totals the city published.

use crate::api::get_year;
use crate::components::badges::{FactList, SourceList};
use crate::components::islands::{ProblemList, FILTER_PARAM};
use crate::components::loading::DataView;
use crate::i18n::use_locale;
use crate::model::{parse_year, Confidence, YearDetail};
use crate::pages::{or_unpublished, NotFound};
use crate::tr;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn YearPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let year = move || params.read().get("year").as_deref().and_then(parse_year);
    let initial = query
        .read_untracked()
        .get(FILTER_PARAM)
        .as_deref()
        .and_then(Confidence::parse);
    let detail = Resource::new_blocking(year, |year| async move {
        match year {
            Some(year) => get_year(year).await,
            None => Ok(None),
        }
    });
    view! {
        <DataView>
            {move || Suspend::new(async move {
                detail.await.map(|detail| match detail {
                    Some(detail) => Either::Left(view! { <YearView detail initial/> }),
                    None => Either::Right(view! { <NotFound/> }),
                })
            })}
        </DataView>
    }
}

#[component]
fn YearView(detail: YearDetail, initial: Option<Confidence>) -> impl IntoView {
    let s = detail.summary;
    let unnamed = s.problem_count.saturating_sub(s.named_count);
    let satisfaction = s.satisfaction_pct.map(|p| format!("{p:.2}%"));
    // The facts file annotates in English; say so, so screen readers pronounce it right.
    let note = s
        .note
        .clone()
        .map(|n| view! { <p class="note" lang="en">{n}</p> });
    let announced = s
        .announced
        .clone()
        .map(|d| view! { <p class="muted">{tr!("year.announced", date = d)}</p> });
    let outcomes = (!detail.outcomes.is_empty()).then(|| {
        view! {
            <section aria-labelledby="outcomes-heading">
                <h2 id="outcomes-heading">{tr!("year.outcomes")}</h2>
                <ul lang="en">
                    {detail.outcomes.into_iter().map(|o| view! { <li>{o}</li> }).collect_view()}
                </ul>
            </section>
        }
    });
    let reported = (!detail.reported.is_empty()).then(|| {
        view! {
            <section aria-labelledby="reported-heading">
                <h2 id="reported-heading">{tr!("provenance.year_reported")}</h2>
                <p class="muted">{tr!("provenance.reported_note")}</p>
                <FactList facts=detail.reported/>
            </section>
        }
    });
    view! {
        <Title text=tr!("year.title", year = s.year)/>
        <nav class="breadcrumb" aria-label=tr!("nav.breadcrumb")>
            <a href="/">{tr!("nav.home")}</a>
            " › "
            <span aria-current="page">{tr!("year.label", year = s.year)}</span>
        </nav>
        <h1>{tr!("year.heading", year = s.year, count = s.problem_count)}</h1>
        {announced}
        {note}
        <dl class="stats">
            <div><dt>{tr!("year.problems")}</dt><dd>{s.problem_count}</dd></div>
            {s.categories.map(|c| view! { <div><dt>{tr!("year.categories")}</dt><dd>{c}</dd></div> })}
            <div><dt>{tr!("year.tasks")}</dt><dd>{or_unpublished(s.tasks)}</dd></div>
            <div><dt>{tr!("year.policies")}</dt><dd>{or_unpublished(s.policies)}</dd></div>
            <div><dt>{tr!("year.satisfaction")}</dt><dd>{or_unpublished(satisfaction)}</dd></div>
        </dl>
        <SourceList sources=s.sources/>
        <section aria-labelledby="problems-heading">
            <h2 id="problems-heading">{tr!("year.named", count = s.named_count)}</h2>
            <ProblemList problems=detail.problems locale=use_locale() initial/>
            {(unnamed > 0).then(|| view! { <p class="muted">{tr!("year.unnamed", count = unnamed)}</p> })}
        </section>
        {outcomes}
        {reported}
    }
}
