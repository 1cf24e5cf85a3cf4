//! The home page's vote card (投票): the open cycle — or, when none is open, the next one with its
//! date — first on the page, so a resident on a phone sees it without scrolling. When this
//! device has voted in it, the card says so with the receipt code, and leads to her ballot
//! rather than asking her to vote again (issue 34).

use super::vote::phase_text;
use crate::api::vote::get_home_vote;
use crate::components::badges::SampleBadge;
use crate::i18n::when::date_time;
use crate::model::{Cycle, OwnBallot, OwnBallotState, Phase};
use crate::tr;
use leptos::prelude::*;

#[component]
pub fn VoteNow() -> impl IntoView {
    let featured = Resource::new_blocking(|| (), |_| get_home_vote());
    // A failure here leaves the card out; the rest of the home page still shows.
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                featured
                    .await
                    .ok()
                    .flatten()
                    .map(|(cycle, own)| view! { <VoteCard cycle own/> })
            })}
        </Suspense>
    }
}

#[component]
fn VoteCard(cycle: Cycle, own: Option<OwnBallot>) -> impl IntoView {
    let open = cycle.phase == Phase::Open;
    let voted = own.as_ref().map(|own| {
        let state = match own.state {
            OwnBallotState::Counted => tr!("ballot.counted"),
            OwnBallotState::Held => tr!("vote.receipt_held", days = crate::model::HELD_REVIEW_WORKING_DAYS),
            OwnBallotState::Rejected => tr!("vote.receipt_rejected"),
            OwnBallotState::Superseded => tr!("ballot.superseded"),
        };
        view! {
            <p class="voted">
                <strong>"✓ "{tr!("ballot.heading")}</strong>
                " "{tr!("ballot.home_voted_at", at = date_time(&own.at))}
            </p>
            <p>
                {tr!("vote.your_receipt")}" "<strong class="receipt-code">{own.receipt.clone()}</strong>
                " "{state}
            </p>
        }
    });
    let eyebrow = if open {
        tr!("ballot.home_open")
    } else {
        tr!("ballot.home_next")
    };
    let sample = cycle.is_sample.then(|| view! { <SampleBadge/> });
    let link = if own.as_ref().is_some_and(|o| o.verified) {
        tr!("ballot.home_see_mine_final")
    } else if own.is_some() {
        tr!("ballot.home_see_mine")
    } else if open {
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
            {voted}
            <p><a class="button" href=crate::paths::cycle(cycle.slug)>{link}</a></p>
        </section>
    }
}
