//! 点菜: the voting cycles and the ballot. The ballot is a plain form posted to the server; with
//! JavaScript a small script (`/vote.js`) solves the proof of work while the voter reads, without
//! it the vote still counts (the server limits that path harder). After voting the page shows the
//! receipt code, which the receipt page checks.

use crate::api::vote::{get_cycle, get_cycles};
use crate::charts::ChartSlot;
use crate::components::badges::SampleBadge;
use crate::components::loading::DataView;
use crate::i18n::when::{closing_text, opening_text};
use crate::model::{Cycle, CycleCandidate, CycleDetail, Phase, Tally};
use crate::pages::NotFound;
use crate::tr;
use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// Refusal codes the ballot handler may send back; anything else reads as "busy".
const BALLOT_ERRORS: &[&str] = &[
    "no_picks",
    "too_many_picks",
    "unknown_candidate",
    "not_open",
    "code_used",
    "code_unknown",
    "replayed_proof",
    "rate_limited",
    "busy",
];

fn phase_text(cycle: &Cycle) -> String {
    let locale = crate::i18n::use_locale();
    match cycle.phase {
        Phase::Upcoming => tr!("vote.opens", date = opening_text(&cycle.opens_at, locale)),
        Phase::Open => tr!(
            "vote.open_until",
            date = closing_text(&cycle.closes_at, locale)
        ),
        Phase::Closed => tr!(
            "vote.closed_on",
            date = closing_text(&cycle.closes_at, locale)
        ),
    }
}

#[component]
pub fn VoteListPage() -> impl IntoView {
    let cycles = Resource::new_blocking(|| (), |_| get_cycles());
    view! {
        <Title text=tr!("vote.title")/>
        <h1>{tr!("vote.title")}</h1>
        <p>{tr!("vote.intro")}</p>
        <DataView>
            {move || Suspend::new(async move {
                cycles.await.map(|cycles| view! {
                    <ul class="plain-list">
                        {cycles.into_iter().map(|c| view! {
                            <li class="card">
                                <h2><a href=format!("/vote/{}", c.slug)>{c.title.clone()}</a></h2>
                                <p class="muted">{phase_text(&c)}" "{c.is_sample.then(|| view! { <SampleBadge/> })}</p>
                            </li>
                        }).collect_view()}
                    </ul>
                    <p>
                        <a href="/suggest">{tr!("suggest.title")}</a>" · "
                        <a href="/receipt">{tr!("vote.check_receipt")}</a>
                    </p>
                })
            })}
        </DataView>
    }
}

#[component]
pub fn VotePage() -> impl IntoView {
    let params = use_params_map();
    let slug = params.read_untracked().get("slug").unwrap_or_default();
    let detail = Resource::new_blocking(move || slug.clone(), get_cycle);
    view! {
        <DataView>
            {move || Suspend::new(async move {
                detail.await.map(|found| match found {
                    Some((detail, challenge)) => Either::Left(view! { <CyclePage detail challenge/> }),
                    None => Either::Right(view! { <NotFound/> }),
                })
            })}
        </DataView>
    }
}

#[component]
fn Outcome() -> impl IntoView {
    let query = use_query_map();
    let q = query.read_untracked();
    if let Some(receipt) = q.get("receipt").filter(|r| r.len() <= 20) {
        let held = q.get("status").as_deref() == Some("quarantined");
        let message = if held {
            tr!("vote.held")
        } else {
            tr!("vote.thanks")
        };
        return EitherOf3::A(view! {
            <section id="receipt" class="flash flash-ok receipt-panel" role="status">
                <p>{message}</p>
                <p>{tr!("vote.your_receipt")}" "<strong class="receipt-code">{receipt.clone()}</strong></p>
                <p><a href=format!("/receipt?code={receipt}")>{tr!("vote.check_it")}</a></p>
            </section>
        });
    }
    match q.get("error") {
        Some(code) => {
            let code = if BALLOT_ERRORS.contains(&code.as_str()) {
                code
            } else {
                "busy".into()
            };
            let key = format!("vote.error.{code}");
            EitherOf3::B(
                view! { <p class="flash flash-error" role="alert">{tr!(key.as_str())}</p> },
            )
        }
        None => EitherOf3::C(()),
    }
}

fn tally_text(t: Tally) -> String {
    tr!(
        "vote.tally",
        total = t.total(),
        verified = t.verified,
        unverified = t.unverified
    )
}

#[component]
fn CyclePage(detail: CycleDetail, challenge: Option<String>) -> impl IntoView {
    let CycleDetail {
        cycle,
        candidates,
        tallies_shown,
        counted,
    } = detail;
    let slug = cycle.slug.clone();
    let body = match cycle.phase {
        Phase::Open => Either::Left(view! {
            <Ballot slug=slug.clone() max=cycle.max_picks candidates challenge/>
        }),
        _ => Either::Right(view! { <Results slug=slug.clone() candidates/> }),
    };
    let counted_line = tallies_shown.then(|| {
        view! { <p class="muted">{tr!("vote.counted", verified = counted.verified, unverified = counted.unverified)}</p> }
    });
    let hidden_note = (!tallies_shown && cycle.phase == Phase::Open)
        .then(|| view! { <p class="muted">{tr!("vote.hidden_until_close")}</p> });
    view! {
        <Title text=cycle.title.clone()/>
        <h1>{cycle.title.clone()}" "{cycle.is_sample.then(|| view! { <SampleBadge/> })}</h1>
        <p>{tr!("vote.target", target = cycle.target.clone())}</p>
        <p class="muted">{phase_text(&cycle)}" · "{tr!("vote.rule", max = cycle.max_picks)}</p>
        {counted_line}
        {hidden_note}
        <Outcome/>
        {body}
        {tallies_shown.then(|| view! { <ChartSlot ids=vec![format!("cycle-{slug}-votes")] level=2/> })}
        <p>
            <a href=format!("/vote/{slug}/integrity")>{tr!("vote.integrity_link")}</a>" · "
            <a href="/receipt">{tr!("vote.check_receipt")}</a>" · "
            <a href="/vote">{tr!("vote.all_cycles")}</a>" · "
            <a href="/suggest">{tr!("suggest.title")}</a>
        </p>
    }
}

#[component]
fn Ballot(
    slug: String,
    max: u8,
    candidates: Vec<CycleCandidate>,
    challenge: Option<String>,
) -> impl IntoView {
    let query = use_query_map();
    let picked: Vec<i64> = query
        .read_untracked()
        .get("picked")
        .unwrap_or_default()
        .split(',')
        .filter_map(|p| p.parse().ok())
        .collect();
    let options = candidates
        .into_iter()
        .map(|c| {
            let slug = slug.clone();
            let id = format!("pick-{}", c.id);
            let tally = c.tally.map(|t| view! { <span class="tally">{tally_text(t)}</span> });
            view! {
                <li class="card ballot-option">
                    <input type="checkbox" id=id.clone() name="pick" value=c.id.to_string() checked=picked.contains(&c.id)/>
                    <label for=id>
                        <strong>{c.title}</strong>
                        <span class="candidate-description">{c.description}</span>
                    </label>
                    <p class="muted evidence">{tr!("vote.evidence")}": "{c.evidence}</p>
                    <p class="evidence-link"><a href=format!("/vote/{slug}/candidates/{}", c.id)>{tr!("candidate.see_evidence")}</a></p>
                    {tally}
                </li>
            }
        })
        .collect_view();
    view! {
        <form id="ballot" method="post" action=format!("/vote/{slug}") class="ballot" data-challenge=challenge.unwrap_or_default()>
            <fieldset>
                <legend>{tr!("vote.legend", max = max)}</legend>
                <ul class="plain-list candidates">{options}</ul>
            </fieldset>
            <label for="code">{tr!("vote.code_label")}</label>
            <input id="code" name="code" type="text" autocomplete="off" maxlength="20" aria-describedby="code-hint"/>
            <p id="code-hint" class="muted">{tr!("vote.code_hint")}</p>
            <div class="hp" aria-hidden="true">
                <label for="website">"Website"</label>
                <input id="website" name="website" type="text" tabindex="-1" autocomplete="off"/>
            </div>
            <input type="hidden" name="proof" value=""/>
            <button type="submit" class="button">{tr!("vote.submit")}</button>
            <p class="muted" aria-live="polite" data-proof-status="" data-working=tr!("vote.working")></p>
            <p class="muted">{tr!("vote.change_note")}</p>
        </form>
        <script src="/vote.js" defer></script>
    }
}

#[component]
fn Results(slug: String, candidates: Vec<CycleCandidate>) -> impl IntoView {
    view! {
        <h2>{tr!("vote.results")}</h2>
        <ol class="plain-list results">
            {candidates
                .into_iter()
                .map(|c| {
                    let became = c.became.map(|(y, m, theme)| view! {
                        <p><a href=format!("/topics/{y}/{m}")>{tr!("vote.became", theme = theme)}</a></p>
                    });
                    view! {
                        <li class="card">
                            <h3>{c.title}</h3>
                            {c.tally.map(|t| view! { <p class="tally">{tally_text(t)}</p> })}
                            {became}
                            <p><a href=format!("/vote/{slug}/candidates/{}", c.id)>{tr!("candidate.see_evidence")}</a></p>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}
