//! 给答复打分 on the reply's own page: the device that stood behind the item (its suggestion,
//! its "me too" or its vote) or the suggestion's author with her receipt rates the answer here,
//! once, without JavaScript; with it, the page's script solves the proof of work on sending
//! (the same `data-challenge` / `data-support` hooks as "me too"). Anyone else is told who may.

use crate::model::{RateHere, RatingAspect, RatingOutcome, RatingStanding, Scores};
use crate::tr;
use leptos::prelude::*;

/// What the last post did, as a flash: thanks in green, a wait or a repeat plain, a refusal in
/// red, with the focus on it so a screen reader hears it first.
fn told(outcome: RatingOutcome) -> impl IntoView {
    let class = match outcome {
        RatingOutcome::Counted => "flash flash-ok",
        RatingOutcome::Held | RatingOutcome::Already => "flash",
        _ => "flash flash-error",
    };
    let key = format!("rating.outcome.{outcome}");
    view! { <p class=class role="status" tabindex="-1" autofocus=true>{tr!(key.as_str())}</p> }
}

/// Her scores, each with its words.
fn yours(scores: Scores) -> impl IntoView {
    view! {
        <p>{tr!("rating.yours")}</p>
        <ul>
            {RatingAspect::ALL.iter().map(|a| {
                let n = scores.of(*a);
                let aspect = a.message_key();
                let words = a.score_key(n);
                view! { <li>{tr!("rating.line", aspect = tr!(aspect.as_str()), n = n, words = tr!(words.as_str()))}</li> }
            }).collect_view()}
        </ul>
    }
}

/// The three groups of five choices, the best first, each said in words.
fn form(reply_id: i64, challenge: Option<String>, receipt: Option<String>) -> impl IntoView {
    let groups = RatingAspect::ALL
        .iter()
        .map(|a| {
            let name = a.as_str();
            let question = format!("rating.question.{name}");
            let choices = (1..=5u8)
                .rev()
                .map(|n| {
                    let words = a.score_key(n);
                    view! {
                        <label class="consent">
                            <input type="radio" name=name value=n.to_string() required=true/>
                            " "{n}" "{tr!(words.as_str())}
                        </label>
                    }
                })
                .collect_view();
            view! {
                <fieldset class="rating-group">
                    <legend>{tr!(question.as_str())}</legend>
                    {choices}
                </fieldset>
            }
        })
        .collect_view();
    view! {
        <div data-challenge=challenge.unwrap_or_default()>
            <form method="post" action=format!("/replies/{reply_id}/rate") class="stack-form" data-support="">
                <input type="hidden" name="proof" value=""/>
                {receipt.map(|r| view! { <input type="hidden" name="receipt" value=r/> })}
                {groups}
                <button class="button" type="submit">{tr!("rating.send")}</button>
            </form>
        </div>
        <script src="/vote.js" defer></script>
    }
}

/// The section under the reply's ratings.
#[component]
pub fn RateHereSection(
    reply_id: i64,
    here: RateHere,
    /// The receipt she came with, sent again with her scores.
    receipt: Option<String>,
    /// What her last post did (`?rated=` in the address).
    outcome: Option<RatingOutcome>,
) -> impl IntoView {
    let body = match here {
        RateHere::Open { challenge } => view! {
            <p>{tr!("rating.intro_here")}</p>
            {form(reply_id, challenge, receipt)}
        }
        .into_any(),
        RateHere::Rated { scores, standing } => view! {
            {yours(scores)}
            {match standing {
                RatingStanding::Counted => None,
                RatingStanding::Held => Some(view! { <p>{tr!("rating.held_note")}</p> }),
                RatingStanding::Rejected => Some(view! { <p>{tr!("rating.rejected_note")}</p> }),
            }}
        }
        .into_any(),
        RateHere::Closed => view! { <p class="muted">{tr!("rating.outcome.closed")}</p> }.into_any(),
        RateHere::NotYours => view! {
            <p class="muted">{tr!("rating.who_may")}" "<a href=crate::paths::RECEIPT>{tr!("rating.with_receipt")}</a></p>
        }
        .into_any(),
    };
    view! {
        <section id="rate" aria-labelledby="rate-h">
            <h2 id="rate-h">{tr!("rating.heading")}</h2>
            {outcome.map(told)}
            {body}
        </section>
    }
}
