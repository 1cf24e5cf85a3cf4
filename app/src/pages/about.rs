//! 关于: what 每月一题 is, where every figure comes from, and what is sample data.

use crate::api::get_about;
use crate::charts::ChartSlot;
use crate::components::badges::{ConfidenceBadge, SourceList};
use crate::components::loading::DataView;
use crate::model::{About, ChartRef, Confidence};
use crate::tr;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn AboutPage() -> impl IntoView {
    let about = Resource::new_blocking(|| (), |_| get_about());
    view! {
        <Title text=tr!("about.title")/>
        <DataView>
            {move || Suspend::new(async move { about.await.map(|about| view! { <AboutView about/> }) })}
        </DataView>
    }
}

#[component]
fn AboutView(about: About) -> impl IntoView {
    let totals = [
        (tr!("about.policies_total"), about.policies_total),
        (
            tr!("about.responsibility_total"),
            about.responsibility_total,
        ),
    ]
    .into_iter()
    .filter_map(|(label, value)| value.map(|v| view! { <div><dt>{label}</dt><dd>{v}</dd></div> }))
    .collect_view();
    // Cards rather than a table: each period's figures stay readable on a 360 px phone.
    let hotline_cards = about
        .hotline
        .into_iter()
        .map(|h| {
            let rate = |label: String, value: Option<String>| {
                value.map(|v| view! { <div><dt>{label}</dt><dd>{v}</dd></div> })
            };
            view! {
                <li class="card figure">
                    <h3>{h.period}</h3>
                    <dl class="figure-facts">
                        <div><dt>{tr!("about.requests")}</dt><dd>{h.requests}</dd></div>
                        {rate(tr!("about.resolution"), h.resolution_rate)}
                        {rate(tr!("about.satisfaction"), h.satisfaction_rate)}
                    </dl>
                    <SourceList sources=h.sources/>
                </li>
            }
        })
        .collect_view();
    view! {
        <h1>{tr!("about.title")}</h1>
        <section aria-labelledby="what-heading">
            <h2 id="what-heading">{tr!("about.what")}</h2>
            <p>{tr!("about.what_body")}</p>
            <p>{tr!("about.lists")}</p>
            <p>{tr!("about.levels")}</p>
            <p>{tr!("about.oversight")}</p>
            <dl class="stats">{totals}</dl>
            <SourceList sources=about.mechanism_sources/>
        </section>
        <section aria-labelledby="hotline-heading">
            <h2 id="hotline-heading">{tr!("about.hotline")}</h2>
            <ul class="figure-list">{hotline_cards}</ul>
            <ChartSlot ids=vec![ChartRef::HotlineCategories2020.to_string()]/>
        </section>
        <section id="data" aria-labelledby="data-heading">
            <h2 id="data-heading">{tr!("about.data")}</h2>
            <p>{tr!("about.data_body")}</p>
            <dl class="legend">
                <dt><ConfidenceBadge confidence=Confidence::Confirmed/></dt>
                <dd>{tr!("about.confirmed")}</dd>
                <dt><ConfidenceBadge confidence=Confidence::Inferred/></dt>
                <dd>{tr!("about.inferred")}</dd>
                <dt><ConfidenceBadge confidence=Confidence::Uncertain/></dt>
                <dd>{tr!("about.uncertain")}</dd>
                <dt><ConfidenceBadge confidence=Confidence::Official/></dt>
                <dd>{tr!("provenance.legend_official")}</dd>
                <dt><ConfidenceBadge confidence=Confidence::Unsourced/></dt>
                <dd>{tr!("provenance.legend_unsourced")}</dd>
                <dt><span class="source-repost">{tr!("provenance.repost")}</span></dt>
                <dd>{tr!("provenance.legend_repost")}</dd>
                <dt><ConfidenceBadge confidence=Confidence::Sample/></dt>
                <dd>{tr!("about.sample")}</dd>
            </dl>
            <p>{tr!("about.sample_list")}</p>
        </section>
    }
}
