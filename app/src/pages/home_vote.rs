//! The home page's vote card (投票): the open cycle — or, when none is open, the next one with its
//! date — first on the page, so a resident on a phone sees it without scrolling.

use super::vote::phase_text;
use crate::api::vote::get_cycles;
use crate::components::badges::SampleBadge;
use crate::model::{Cycle, Phase};
use crate::tr;
use leptos::prelude::*;

/// The cycle the card shows: the first open one, else the next to open (the list comes in the
/// residents' order, open first).
fn featured(cycles: Vec<Cycle>) -> Option<Cycle> {
    cycles.into_iter().find(|c| c.phase != Phase::Closed)
}

#[component]
pub fn VoteNow() -> impl IntoView {
    let cycles = Resource::new_blocking(|| (), |_| get_cycles());
    // A failure here leaves the card out; the rest of the home page still shows.
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                cycles.await.ok().and_then(featured).map(|c| view! { <VoteCard cycle=c/> })
            })}
        </Suspense>
    }
}

#[component]
fn VoteCard(cycle: Cycle) -> impl IntoView {
    let open = cycle.phase == Phase::Open;
    let eyebrow = if open {
        tr!("ballot.home_open")
    } else {
        tr!("ballot.home_next")
    };
    let sample = cycle.is_sample.then(|| view! { <SampleBadge/> });
    let link = if open {
        tr!("home.go_vote")
    } else {
        tr!("ballot.home_details")
    };
    view! {
        <section class="card vote-now" aria-labelledby="vote-now-heading">
            <p class="eyebrow">{eyebrow}" "{sample}</p>
            <h2 id="vote-now-heading" class="h3">{cycle.title.clone()}</h2>
            <p class="muted">
                {phase_text(&cycle)}
                {open.then(|| view! { " · "{tr!("vote.rule", max = cycle.max_picks)} })}
            </p>
            <p><a class="button" href=crate::paths::cycle(cycle.slug)>{link}</a></p>
        </section>
    }
}
