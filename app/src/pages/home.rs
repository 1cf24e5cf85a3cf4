//! 首页: this month's topic, what residents may choose next, and the years at a glance.

use super::home_vote::VoteNow;
use crate::api::get_home;
use crate::components::badges::SampleBadge;
use crate::components::loading::DataView;
use crate::i18n::use_locale;
use crate::i18n::when::year_month;
use crate::model::{Candidate, Topic, YearSummary};
use crate::tr;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

#[component]
pub fn HomePage() -> impl IntoView {
    let home = Resource::new_blocking(|| (), |_| get_home());
    view! {
        <Title text=tr!("site.title")/>
        <Meta name="description" content=tr!("home.description")/>
        <DataView>
            {move || Suspend::new(async move {
                home.await
                    .map(|home| {
                        view! {
                            <VoteNow/>
                            <Ways/>
                            <CurrentTopic topic=home.current this_month=home.this_month/>
                            <Candidates vote=home.vote candidates=home.candidates/>
                            <YearsAtAGlance years=home.years/>
                        }
                    })
            })}
        </DataView>
    }
}

/// This month's topic, or — when the Beijing month has none yet — a plain line saying so and
/// the latest topic labelled as the latest, never as "this month's".
#[component]
fn CurrentTopic(topic: Option<Topic>, this_month: (i32, u8)) -> impl IntoView {
    let now = year_month(this_month.0, this_month.1, use_locale());
    let Some(topic) = topic else {
        return view! { <section class="card"><p>{tr!("home.no_topic", month = now)}</p></section> }.into_any();
    };
    let is_this_month = (topic.year, topic.month) == this_month;
    let when = year_month(topic.year, topic.month, use_locale());
    let eyebrow = if is_this_month {
        tr!("home.current", when = when)
    } else {
        tr!("home.latest", when = when)
    };
    let not_yet = (!is_this_month)
        .then(|| view! { <p class="notice">{tr!("home.no_topic", month = now)}</p> });
    let sample = topic.is_sample.then(|| view! { <SampleBadge/> });
    let cooperating = topic
        .cooperating
        .iter()
        .map(|d| d.name.clone())
        .collect::<Vec<_>>()
        .join("、");
    view! {
        <section class="card current-topic" aria-labelledby="current-heading">
            {not_yet}
            <p class="eyebrow">{eyebrow} " " {sample}</p>
            <h1 id="current-heading">{topic.theme}</h1>
            <p class="lede">{topic.summary}</p>
            <h2 class="h3">{if is_this_month { tr!("home.problems") } else { tr!("home.problems_latest") }}</h2>
            <ol class="topic-problems">
                {topic
                    .problems
                    .into_iter()
                    .map(|p| view! { <li><a href=crate::paths::problem(p.id)>{p.title}</a></li> })
                    .collect_view()}
            </ol>
            <dl class="facts">
                <dt>{tr!("problem.lead")}</dt>
                <dd>{topic.lead.map(|d| d.name).unwrap_or_default()}</dd>
                <dt>{tr!("problem.cooperating")}</dt>
                <dd>{cooperating}</dd>
            </dl>
            <p>
                <a class="button" href=crate::paths::topic(topic.year, topic.month)>
                    {if is_this_month { tr!("home.topic_link") } else { tr!("home.latest_link") }}
                </a>
            </p>
        </section>
    }
    .into_any()
}

/// Her other ways in, right under the vote: make a suggestion, check a receipt (a ballot's or a
/// suggestion's), or see what the city still owes an answer to (等待答复), without hunting for
/// them on the vote page.
#[component]
fn Ways() -> impl IntoView {
    view! {
        <nav class="ways" aria-label=tr!("home.ways")>
            <a class="button button-quiet" href="/suggest">{tr!("suggest.title")}</a>
            <a class="button button-quiet" href="/receipt">{tr!("home.receipt")}</a>
            <a class="button button-quiet" href=crate::paths::REPLIES>{tr!("reply.board_title")}</a>
        </nav>
    }
}

#[component]
fn Candidates(vote: Option<(String, String)>, candidates: Vec<Candidate>) -> impl IntoView {
    let Some((slug, title)) = vote else {
        return view! {
            <section aria-labelledby="candidates-heading">
                <h2 id="candidates-heading">{tr!("home.candidates")}</h2>
                <p class="muted">{tr!("home.no_vote")}</p>
            </section>
        }
        .into_any();
    };
    view! {
        <section aria-labelledby="candidates-heading">
            <h2 id="candidates-heading">{tr!("home.candidates")}</h2>
            <p>{title}</p>
            <p><a href=crate::paths::cycle(&slug)>{tr!("ballot.home_see_candidates")}</a></p>
            <ul class="candidate-list">
                {candidates
                    .into_iter()
                    .map(|c| {
                        let sample = c.is_sample.then(|| view! { <SampleBadge/> });
                        // The heading's link covers the card (`.card-link`): one big target.
                        view! {
                            <li class="card candidate">
                                <h3><a class="card-link" href=crate::paths::candidate(&slug, c.id)>{c.title}</a></h3>
                                <p>{c.summary}</p>
                                {sample}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
    .into_any()
}

/// The years as a list of links with a bar drawn in CSS: readable without charts or scripts.
#[component]
fn YearsAtAGlance(years: Vec<YearSummary>) -> impl IntoView {
    let max = years
        .iter()
        .map(|y| y.problem_count)
        .max()
        .unwrap_or(1)
        .max(1);
    view! {
        <section id="years" aria-labelledby="years-heading">
            <h2 id="years-heading">{tr!("home.years")}</h2>
            <p class="muted">{tr!("home.years_note")} " " <a href="/charts">{tr!("home.more_charts")}</a></p>
            <ul class="year-bars">
                {years
                    .into_iter()
                    .map(|y| {
                        // An SVG bar, not an inline style: the CSP forbids style attributes.
                        let width = ((y.problem_count * 100) / max).to_string();
                        view! {
                            <li>
                                <a href=crate::paths::year(y.year) class="year-bar">
                                    <span class="year-label">{tr!("year.label", year = y.year)}</span>
                                    <svg
                                        class="bar-track"
                                        viewBox="0 0 100 10"
                                        preserveAspectRatio="none"
                                        aria-hidden="true"
                                    >
                                        <rect class="bar" x="0" y="0" height="10" width=width></rect>
                                    </svg>
                                    <span class="year-count">
                                        {tr!("year.count", count = y.problem_count)}
                                    </span>
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
