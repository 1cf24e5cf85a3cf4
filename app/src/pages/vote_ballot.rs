//! The ballot (选票) on a cycle's page: the form, and — once this device has voted — "您已投票"
//! with its picks and receipt, from the server's record. Changing the ballot is a deliberate
//! step (`?change=1`). A refusal is shown beside the submit button and takes the focus, with the
//! picks as the voter left them; `/vote.js` checks the count before sending.

use super::vote_evidence::EvidenceSummary;
use crate::components::terms::TermLinks;
use crate::model::{CycleCandidate, OwnBallot, OwnBallotState, Tally};
use crate::tr;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Refusal codes the ballot handler may send back; anything else reads as "busy".
const BALLOT_ERRORS: &[&str] = &[
    "no_picks",
    "too_many_picks",
    "unknown_candidate",
    "not_open",
    "code_used",
    "code_unknown",
    "replayed_proof",
    "bad_proof",
    "rate_limited",
    "busy",
];

/// The refusal in the URL (from the ballot handler), in the reader's language.
fn refusal(code: &str, max: u8, picked: usize) -> String {
    match code {
        "too_many_picks" => tr!("ballot.too_many_picks_n", max = max, count = picked),
        code if BALLOT_ERRORS.contains(&code) => {
            let key = format!("vote.error.{code}");
            tr!(key.as_str())
        }
        _ => tr!("vote.error.busy"),
    }
}

fn state_text(state: OwnBallotState, just_cast: bool) -> String {
    match (state, just_cast) {
        (OwnBallotState::Counted, true) => tr!("vote.thanks"),
        (OwnBallotState::Held, true) => {
            tr!("vote.held", days = crate::model::HELD_REVIEW_WORKING_DAYS)
        }
        (OwnBallotState::Counted, false) => tr!("ballot.counted"),
        (OwnBallotState::Held, false) => tr!(
            "vote.receipt_held",
            days = crate::model::HELD_REVIEW_WORKING_DAYS
        ),
        (OwnBallotState::Rejected, _) => tr!("vote.receipt_rejected"),
        (OwnBallotState::Superseded, _) => tr!("ballot.superseded"),
    }
}

/// "您已投票": what this device cast, its receipt, how to keep it, and the way to change it.
#[component]
pub fn OwnBallotPanel(slug: String, own: OwnBallot, just_cast: bool) -> impl IntoView {
    let ok = matches!(own.state, OwnBallotState::Counted);
    let class = if ok {
        "flash flash-ok receipt-panel"
    } else {
        "flash receipt-panel"
    };
    let picks = (!own.pick_titles.is_empty()).then(|| {
        view! {
            <p>{tr!("ballot.picks")}</p>
            <ul class="own-picks">
                {own.pick_titles.iter().map(|t| view! { <li>{t.clone()}</li> }).collect_view()}
            </ul>
        }
    });
    let change = if own.verified {
        Either::Left(view! { <p class="muted">{tr!("ballot.verified_final")}</p> })
    } else {
        Either::Right(view! {
            <p>
                <a class="button button-quiet" href=format!("{}?change=1#ballot", crate::paths::cycle(&slug))>
                    {tr!("ballot.change")}
                </a>
            </p>
            <p class="muted">{tr!("vote.change_note")}</p>
        })
    };
    let receipt = own.receipt.clone();
    let png = format!("{}/receipt.png", crate::paths::cycle(&slug));
    view! {
        <section id="receipt" class="own-ballot" aria-labelledby="own-heading">
            <h2 id="own-heading">{tr!("ballot.heading")}</h2>
            <div class=class role="status">
                <p>{state_text(own.state, just_cast)}</p>
                {picks}
                <p>
                    {tr!("vote.your_receipt")}" "
                    <strong class="receipt-code" id="receipt-code">{receipt.clone()}</strong>
                </p>
            </div>
            <p class="keep-receipt">{tr!("ballot.keep")}</p>
            <p class="receipt-actions">
                <button type="button" class="button button-quiet" data-copy="receipt-code"
                    data-copied=tr!("ballot.copied") hidden=true>
                    {tr!("ballot.copy")}
                </button>
            </p>
            // WeChat's browser ignores `<a download>`: the image itself, to press and hold
            // (issue 34), opened without JavaScript and loaded only when asked for.
            <details class="receipt-image">
                <summary class="button button-quiet">{tr!("ballot.save_image")}</summary>
                <p>{tr!("ballot.long_press")}</p>
                <img src=png.clone() alt=tr!("ballot.image_alt", code = receipt.clone())
                    width="320" height="200" loading="lazy"/>
                <p><a href=png download=format!("receipt-{receipt}.png")>{tr!("ballot.download_image")}</a></p>
            </details>
            <p class="muted" aria-live="polite" data-copy-status=""></p>
            <p><a href=format!("/receipt?code={receipt}")>{tr!("vote.check_it")}</a></p>
            {change}
        </section>
        <script src="/vote.js" defer></script>
    }
}

/// The ballot form. Ticked: the picks sent back with a refusal, else (when changing) the
/// device's current picks.
#[component]
pub fn Ballot(
    slug: String,
    max: u8,
    candidates: Vec<CycleCandidate>,
    challenge: Option<String>,
    own: Option<OwnBallot>,
) -> impl IntoView {
    let query = use_query_map();
    let (picked, error) = {
        let q = query.read_untracked();
        let picked: Option<Vec<crate::model::CandidateId>> = q.get("picked").map(|p| {
            p.split(',')
                .filter_map(crate::model::CandidateId::parse)
                .take(64)
                .collect()
        });
        (picked, q.get("error"))
    };
    let changing = own.as_ref().is_some_and(|o| !o.verified);
    let picked = picked.or_else(|| own.map(|o| o.picks)).unwrap_or_default();
    let message = error.map(|code| refusal(&code, max, picked.len()));
    let options = candidates
        .into_iter()
        .map(|c| {
            let slug = slug.clone();
            let id = format!("pick-{}", c.id);
            let tally = c
                .tally
                .map(|t| view! { <span class="tally">{tally_text(t)}</span> });
            view! {
                <li class="card ballot-option">
                    <input type="checkbox" id=id.clone() name="pick" value=c.id.to_string() checked=picked.contains(&c.id)/>
                    <label for=id>
                        <strong>{c.title}</strong>
                        <span class="candidate-description">{c.description}</span>
                    </label>
                    <EvidenceSummary card=c.card text=c.evidence href=crate::paths::candidate(&slug, c.id)/>
                    {tally}
                </li>
            }
        })
        .collect_view();
    // With a refusal the message is in the page and takes the focus (`autofocus`, and the
    // script's focus for browsers that ignore it); without one the slot waits, hidden, for the
    // script's own check.
    let error_slot = match message {
        Some(text) => Either::Left(view! {
            <p id="ballot-error" class="flash flash-error ballot-error" role="alert" tabindex="-1" autofocus=true>{text}</p>
        }),
        None => Either::Right(view! {
            <p id="ballot-error" class="flash flash-error ballot-error" tabindex="-1" hidden=true></p>
        }),
    };
    view! {
        <form id="ballot" method="post" action=crate::paths::cycle(&slug) class="ballot"
            data-challenge=challenge.unwrap_or_default() data-max=max.to_string()
            data-too-many=tr!("ballot.too_many_picks_js", max = max)>
            {changing.then(|| view! { <p class="flash">{tr!("ballot.changing")}</p> })}
            <fieldset>
                <legend>{tr!("vote.legend", max = max)}</legend>
                <ul class="plain-list candidates">{options}</ul>
            </fieldset>
            <TermLinks ids=&["growth", "dissatisfaction", "reopen", "verified", "ballot"]/>
            <p class="muted pick-count" aria-live="polite" data-count=tr!("ballot.pick_count", max = max)></p>
            <label for="code">{tr!("vote.code_label")}</label>
            <input id="code" name="code" type="text" autocomplete="off" maxlength="20" aria-describedby="code-hint"/>
            <p id="code-hint" class="muted">{tr!("vote.code_hint")}</p>
            <div class="hp" aria-hidden="true">
                <label for="website">"Website"</label>
                <input id="website" name="website" type="text" tabindex="-1" autocomplete="off"/>
            </div>
            <input type="hidden" name="proof" value=""/>
            {error_slot}
            <button type="submit" class="button">{tr!("vote.submit")}</button>
            <p class="muted" aria-live="polite" data-proof-status="" data-working=tr!("vote.working")></p>
            {(!changing).then(|| view! { <p class="muted">{tr!("vote.change_note")}</p> })}
            {changing.then(|| view! { <p><a href=format!("{}#receipt", crate::paths::cycle(&slug))>{tr!("ballot.keep_as_is")}</a></p> })}
        </form>
        <script src="/vote.js" defer></script>
    }
}

/// A candidate's tally in words: total, with the verified and unverified parts.
pub(crate) fn tally_text(t: Tally) -> String {
    tr!(
        "vote.tally",
        total = t.total(),
        verified = t.verified,
        unverified = t.unverified
    )
}
