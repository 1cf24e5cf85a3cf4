//! 问题: one problem with its departments, the policies that answer it, and its sources.

use crate::api::get_problem;
use crate::charts::ChartSlot;
use crate::components::badges::{
    ConfidenceBadge, FactList, ProvenanceNote, SampleBadge, SourceList,
};
use crate::components::loading::DataView;
use crate::model::ChartRef;
use crate::model::{Confidence, Fact, FactKind, Policy, ProblemDetail, ProblemId};
use crate::pages::{month_name, NotFound};
use crate::tr;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ProblemPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .as_deref()
            .and_then(ProblemId::parse)
    };
    let detail = Resource::new_blocking(id, |id| async move {
        match id {
            Some(id) => get_problem(id).await,
            None => Ok(None),
        }
    });
    view! {
        <DataView>
            {move || Suspend::new(async move {
                detail.await.map(|detail| match detail {
                    Some(detail) => Either::Left(view! { <ProblemView detail/> }),
                    None => Either::Right(view! { <NotFound/> }),
                })
            })}
        </DataView>
    }
}

#[component]
fn ProblemView(detail: ProblemDetail) -> impl IntoView {
    let p = detail.problem;
    // What the sources say about departments wins over the demo's sample assignment.
    let reported =
        |kind: FactKind| -> Option<Fact> { detail.facts.iter().find(|f| f.kind == kind).cloned() };
    let reported_lead = reported(FactKind::Lead);
    let reported_cooperating = reported(FactKind::Cooperating);
    let sample = detail.assignment_is_sample.then(|| {
        let note = if reported_lead.is_some() {
            tr!("provenance.month_sample")
        } else {
            tr!("problem.assignment_sample")
        };
        view! { <p class="note"><SampleBadge/>" "{note}</p> }
    });
    let cooperating = match reported_cooperating {
        Some(f) => Either::Left(view! { {f.text}" "<ConfidenceBadge confidence=f.confidence/> }),
        None if detail.cooperating.is_empty() => Either::Right(tr!("year.unpublished")),
        None => Either::Right(
            detail
                .cooperating
                .iter()
                .map(|d| d.name.clone())
                .collect::<Vec<_>>()
                .join("、"),
        ),
    };
    let lead = match (reported_lead, detail.lead) {
        (Some(f), _) => view! { {f.text}" "<ConfidenceBadge confidence=f.confidence/> }.into_any(),
        (None, Some(d)) => view! { <a href=crate::paths::department(d.id)>{d.name}</a> }.into_any(),
        (None, None) => tr!("year.unpublished").into_any(),
    };
    let month = p
        .month
        .map(month_name)
        .unwrap_or_else(|| tr!("year.unpublished"));
    // Before/after hotline charts, for problems a published topic took on.
    let outcome = detail.topic.is_some().then(|| {
        let id = p.id;
        view! {
            <section aria-labelledby="outcome-heading">
                <h2 id="outcome-heading">{tr!("problem.outcome")}</h2>
                <ChartSlot ids=vec![ChartRef::ProblemVolume { problem: id }.to_string(), ChartRef::ProblemRates { problem: id }.to_string()]/>
            </section>
        }
    });
    let topic = detail.topic.map(|crate::model::TopicLabel { key: crate::model::TopicKey { year, month }, theme }| {
        view! {
            <div>
                <dt>{tr!("problem.topic")}</dt>
                <dd>
                    <a href=crate::paths::topic(year, month)>
                        {tr!("problem.topic_value", year = year, month = month_name(month), theme = theme)}
                    </a>
                </dd>
            </div>
        }
    });
    let policies = if detail.policies.is_empty() {
        Either::Left(view! { <p class="muted">{tr!("problem.no_policies")}</p> })
    } else {
        Either::Right(view! {
            <ul class="policy-list">
                {detail.policies.into_iter().map(|policy| view! { <PolicyItem policy/> }).collect_view()}
            </ul>
        })
    };
    // Staff content without a source says so once, in its note; everything else lists its own.
    let linked = !detail.sources.is_empty();
    let own_sources = (!detail.sources.is_empty()
        || !matches!(p.confidence, Confidence::Official | Confidence::Unsourced))
    .then(|| view! { <SourceList sources=detail.sources/> });
    let reported = (!detail.facts.is_empty()).then(|| {
        view! {
            <section aria-labelledby="reported-heading">
                <h2 id="reported-heading">{tr!("provenance.reported")}</h2>
                <p class="muted">{tr!("provenance.reported_note")}</p>
                <FactList facts=detail.facts/>
            </section>
        }
    });
    let year_sources = (!detail.year_sources.is_empty()).then(|| {
        view! {
            <details class="year-sources">
                <summary>{tr!("provenance.year_sources")}</summary>
                <p class="muted">{tr!("provenance.year_sources_note")}</p>
                <SourceList sources=detail.year_sources label=tr!("provenance.year_sources")/>
            </details>
        }
    });
    view! {
        <Title text=p.title.clone()/>
        <nav class="breadcrumb" aria-label=tr!("nav.breadcrumb")>
            <a href="/">{tr!("nav.home")}</a>
            " › "
            <a href=crate::paths::year(p.year)>{tr!("year.label", year = p.year)}</a>
            " › "
            <span aria-current="page">{p.title.clone()}</span>
        </nav>
        // The problem itself: its badge, what vouches for it and its own sources, together.
        <header class="item-head">
        <h1>{p.title}" "<ConfidenceBadge confidence=p.confidence/></h1>
        <dl class="stats">
            <div><dt>{tr!("problem.year")}</dt><dd><a href=crate::paths::year(p.year)>{p.year}</a></dd></div>
            <div><dt>{tr!("problem.month")}</dt><dd>{month}</dd></div>
            {topic}
            <div><dt>{tr!("problem.lead")}</dt><dd>{lead}</dd></div>
            <div><dt>{tr!("problem.cooperating")}</dt><dd>{cooperating}</dd></div>
        </dl>
        {sample}
        <ProvenanceNote confidence=p.confidence published=detail.published linked/>
        {own_sources}
        </header>
        {reported}
        {year_sources}
        {outcome}
        <section aria-labelledby="policies-heading">
            <h2 id="policies-heading">{tr!("problem.policies")}</h2>
            {policies}
        </section>
    }
}

#[component]
pub(crate) fn PolicyItem(policy: Policy) -> impl IntoView {
    let dates = [
        (tr!("policy.passed"), policy.passed),
        (tr!("policy.issued"), policy.issued),
        (tr!("policy.effective"), policy.effective),
    ]
    .into_iter()
    .filter_map(|(label, date)| {
        date.map(|d| view! { <span>{label}" "{crate::i18n::when::day(&d)}</span> })
    })
    .collect_view();
    view! {
        <li class="card policy">
            <h3>{policy.title}" "<ConfidenceBadge confidence=policy.confidence/></h3>
            {policy.doc_no.map(|no| view! { <p class="muted">{no}</p> })}
            <p>{tr!("policy.issuer")}": "{policy.issuer}</p>
            <p class="dates">{dates}</p>
            <ProvenanceNote confidence=policy.confidence published=policy.published linked=!policy.sources.is_empty()/>
            {(!policy.sources.is_empty()
                || !matches!(policy.confidence, Confidence::Official | Confidence::Unsourced))
                .then(|| view! { <SourceList sources=policy.sources/> })}
        </li>
    }
}
