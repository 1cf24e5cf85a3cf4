//! 点菜: the voting cycles and the ballot. The ballot is a plain form posted to the server; with
//! JavaScript a small script (`/vote.js`) solves the proof of work while the voter reads, without
//! it the vote still counts (the server limits that path harder). After voting the page shows the
//! receipt code, which the receipt page checks.

use super::vote_ballot::{tally_text, Ballot, OwnBallotPanel};
use crate::api::vote::{get_cycle_page, get_cycles};
use crate::charts::ChartSlot;
use crate::components::badges::SampleBadge;
use crate::components::loading::DataView;
use crate::i18n::when::{closing_text, opening_text};
use crate::model::ChartRef;
use crate::model::{Cycle, CycleCandidate, CycleDetail, OwnBallot, Phase};
use crate::pages::NotFound;
use crate::tr;
use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// When a cycle opens, closes or closed, in words (shared with the home page's vote card).
pub(crate) fn phase_text(cycle: &Cycle) -> String {
    let locale = crate::i18n::use_locale();
    match cycle.phase {
        Phase::Upcoming if cycle.awaits_open => tr!("vote.opens_today"),
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
                                <h2><a href=crate::paths::cycle(&c.slug)>{c.title.clone()}</a></h2>
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
    let receipt = use_query_map().read_untracked().get("receipt");
    let detail = Resource::new_blocking(
        move || (slug.clone(), receipt.clone()),
        |(slug, receipt)| get_cycle_page(slug, receipt),
    );
    view! {
        <DataView>
            {move || Suspend::new(async move {
                detail.await.map(|found| match found {
                    Some((detail, challenge, own)) => Either::Left(view! { <CyclePage detail challenge own/> }),
                    None => Either::Right(view! { <NotFound/> }),
                })
            })}
        </DataView>
    }
}

#[component]
fn CyclePage(
    detail: CycleDetail,
    challenge: Option<String>,
    own: Option<OwnBallot>,
) -> impl IntoView {
    let CycleDetail {
        cycle,
        candidates,
        tallies_shown,
        counted,
    } = detail;
    let slug = cycle.slug.clone();
    let query = use_query_map();
    let (changing, refused, just_cast) = {
        let q = query.read_untracked();
        (
            q.get("change").as_deref() == Some("1"),
            q.get("error").is_some(),
            q.get("receipt"),
        )
    };
    let body = match (cycle.phase, own) {
        // Voted: the ballot is shown as cast; changing it is a step of its own.
        (Phase::Open, Some(own)) if !changing && !refused => {
            let just_cast = just_cast.as_deref() == Some(own.receipt.as_str());
            EitherOf3::A(view! { <OwnBallotPanel slug=slug.clone() own just_cast/> })
        }
        (Phase::Open, own) => EitherOf3::B(view! {
            <Ballot slug=slug.clone() max=cycle.max_picks candidates challenge own/>
        }),
        (phase, _) => EitherOf3::C(view! { <Results slug=slug.clone() candidates phase/> }),
    };
    let counted_line = tallies_shown.then(|| {
        view! {
            <p class="muted">
                {tr!("vote.counted", verified = counted.verified, unverified = counted.unverified)}" "
                <a class="term" href=crate::pages::term_href("ballot")>{tr!("glossary.ballot.term")}</a>
            </p>
        }
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
        {body}
        <crate::components::reply_rule::ReplyRuleNote rule=cycle.reply_rule.clone() phase=cycle.phase/>
        {tallies_shown.then(|| view! { <ChartSlot ids=vec![ChartRef::CycleVotes { slug: slug.clone() }.to_string()] level=2/> })}
        <crate::components::follow_form::FollowForm kind=crate::model::FollowKind::Cycle subject=slug.clone()/>
        <p>
            <a href=format!("{}/integrity", crate::paths::cycle(&slug))>{tr!("vote.integrity_link")}</a>" · "
            <a href="/receipt">{tr!("vote.check_receipt")}</a>" · "
            <a href="/vote">{tr!("vote.all_cycles")}</a>" · "
            <a href="/suggest">{tr!("suggest.title")}</a>" · "
            <a href=crate::paths::REPLIES>{tr!("reply.board_title")}</a>
        </p>
    }
}

#[component]
fn Results(slug: String, candidates: Vec<CycleCandidate>, phase: Phase) -> impl IntoView {
    // Before a cycle opens there is nothing to count: the list is the candidates on offer.
    let heading = match phase {
        Phase::Upcoming => tr!("vote.upcoming_candidates"),
        _ => tr!("vote.results"),
    };
    let note = (phase == Phase::Upcoming).then(|| view! { <p>{tr!("vote.upcoming_note")}</p> });
    view! {
        <h2>{heading}</h2>
        {note}
        <ol class="plain-list results">
            {candidates
                .into_iter()
                .map(|c| {
                    let became = c.became.map(|crate::model::TopicLabel { key: crate::model::TopicKey { year: y, month: m }, theme }| view! {
                        <p><a href=crate::paths::topic(y, m)>{tr!("vote.became", theme = theme)}</a></p>
                    });
                    view! {
                        <li class="card">
                            <h3>{c.title}</h3>
                            {c.tally.map(|t| view! { <p class="tally">{tally_text(t)}</p> })}
                            {became}
                            <p><a href=crate::paths::candidate(&slug, c.id)>{tr!("candidate.see_evidence")}</a></p>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}
