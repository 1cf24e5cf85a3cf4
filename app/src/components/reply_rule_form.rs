//! 答复规则 on the cycles desk: the rule of a cycle that has not opened, as a form that keeps
//! what was typed on a refusal; once the cycle opens, the rule as residents read it.

use crate::api::moderation::SetReplyRule;
use crate::components::form_echo::Echoed;
use crate::components::reply_rule::rule_sentence;
use crate::components::staff_gate::HistoryLink;
use crate::model::{Cycle, Entity, FormEcho, Phase, ReplyRule};
use crate::model::{RULE_SUPPORTERS, RULE_SUPPORT_DAYS, RULE_VOTES, RULE_WORKING_DAYS};
use crate::tr;
use leptos::prelude::*;

/// The form for an upcoming cycle, the frozen rule for any other.
#[component]
pub fn ReplyRuleDesk(
    cycle: Cycle,
    departments: Vec<String>,
    echo: Option<FormEcho>,
) -> impl IntoView {
    let sentence = cycle.reply_rule.as_ref().and_then(rule_sentence);
    let history = view! { <HistoryLink entity=Entity::Cycle id=cycle.id.0/> };
    if cycle.phase != Phase::Upcoming {
        return view! {
            <p class="muted">{tr!("reply.rule_heading")}": "{sentence.unwrap_or_else(|| tr!("reply.rule_none"))}" "{history}</p>
        }
        .into_any();
    }
    let key = format!("reply-rule-{}", cycle.slug);
    let e = Echoed::of(&echo, &key);
    let saved = cycle.reply_rule.clone().unwrap_or(ReplyRule {
        supporters: None,
        support_days: 30,
        votes: None,
        working_days: 15,
        department: String::new(),
    });
    let number = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
    let id = {
        let key = key.clone();
        move |f: &str| format!("{key}-{f}")
    };
    let field = |name: &'static str,
                 label: String,
                 saved: String,
                 range: (u32, u32),
                 required: bool| {
        let fid = id(name);
        view! {
            <label for=fid.clone()>{label}</label>
            <input id=fid.clone() name=name type="number" inputmode="numeric" min=range.0 max=range.1
                required=required value=e.text(name, saved) aria-invalid=e.invalid(name)
                aria-describedby=e.described(name, &fid, None) autofocus=e.focus(name)/>
            {e.message(name, &fid)}
        }
    };
    let range = |r: std::ops::RangeInclusive<u32>| (*r.start(), *r.end());
    let action = ServerAction::<SetReplyRule>::new();
    let fields = (
        field(
            "supporters",
            tr!("reply.field_supporters"),
            number(saved.supporters),
            range(RULE_SUPPORTERS),
            false,
        ),
        field(
            "support_days",
            tr!("reply.field_support_days"),
            saved.support_days.to_string(),
            range(RULE_SUPPORT_DAYS),
            true,
        ),
        field(
            "votes",
            tr!("reply.field_votes"),
            number(saved.votes),
            range(RULE_VOTES),
            false,
        ),
        field(
            "working_days",
            tr!("reply.field_working_days"),
            saved.working_days.to_string(),
            range(RULE_WORKING_DAYS),
            true,
        ),
    );
    let department = e.text("department", saved.department.clone());
    let dept_id = id("department");
    let (opened, message) = (e.any(), e.form_message());
    let dept_field = (
        e.invalid("department"),
        e.described("department", &dept_id, None),
        e.focus("department"),
        e.message("department", &dept_id),
    );
    view! {
        <details id=key.clone() open=opened>
            <summary>{tr!("reply.rule_edit")}</summary>
            <p>{sentence.unwrap_or_else(|| tr!("reply.rule_none"))}" "{history}</p>
            <ActionForm action attr:class="stack-form">
                {message}
                <input type="hidden" name="cycle" value=cycle.slug.clone()/>
                {fields}
                <label for=dept_id.clone()>{tr!("reply.field_department")}</label>
                <select id=dept_id.clone() name="department" required aria-invalid=dept_field.0
                    aria-describedby=dept_field.1 autofocus=dept_field.2>
                    <option value="">{tr!("reply.choose_department")}</option>
                    {departments.into_iter().map(|d| {
                        let selected = d == department;
                        view! { <option value=d.clone() selected=selected>{d.clone()}</option> }
                    }).collect_view()}
                </select>
                {dept_field.3}
                <p class="muted">{tr!("reply.rule_form_note")}</p>
                <button type="submit" class="button">{tr!("staff.save")}</button>
            </ActionForm>
        </details>
    }
    .into_any()
}
