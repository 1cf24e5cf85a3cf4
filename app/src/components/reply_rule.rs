//! 答复承诺: a cycle's reply rule in one plain sentence, on the cycle page and beside the
//! suggestions it covers.

use crate::model::{Phase, ReplyRule};
use crate::tr;
use leptos::prelude::*;

/// The rule as one sentence a resident reads without a glossary; `None` when it states none.
pub fn rule_sentence(rule: &ReplyRule) -> Option<String> {
    let department = rule.department.clone();
    let days = rule.working_days;
    Some(match (rule.supporters, rule.votes) {
        (Some(supporters), Some(votes)) => tr!(
            "reply.rule_both",
            supporters = supporters,
            support_days = rule.support_days,
            votes = votes,
            department = department,
            days = days
        ),
        (Some(supporters), None) => tr!(
            "reply.rule_suggestions",
            supporters = supporters,
            support_days = rule.support_days,
            department = department,
            days = days
        ),
        (None, Some(votes)) => tr!(
            "reply.rule_candidates",
            votes = votes,
            department = department,
            days = days
        ),
        (None, None) => return None,
    })
}

/// The cycle page's 答复承诺 box: the rule, or that there is none, and that it is frozen.
#[component]
pub fn ReplyRuleNote(rule: Option<ReplyRule>, phase: Phase) -> impl IntoView {
    let sentence = rule.as_ref().and_then(rule_sentence);
    let frozen = (sentence.is_some() && phase != Phase::Upcoming)
        .then(|| view! { <p class="muted">{tr!("reply.rule_frozen")}</p> });
    view! {
        <section class="card reply-rule" id="reply-rule" aria-labelledby="reply-rule-h">
            <h2 id="reply-rule-h">{tr!("reply.rule_heading")}</h2>
            <p>{sentence.unwrap_or_else(|| tr!("reply.rule_none"))}</p>
            {frozen}
            <p><a href=crate::paths::REPLIES>{tr!("reply.all")}</a></p>
        </section>
    }
}
