//! 发布 and 撤回 on an editor page. Publishing takes two steps, without script: 发布… opens a
//! confirmation (`?confirm=publish`) that says what becomes public, whose own form posts with
//! `confirm=1`. A published item can be withdrawn with a required reason, which its public page
//! then shows; it can be published again.

use crate::api::authoring::PublishTopic;
use crate::api::editor::{WithdrawPolicy, WithdrawTopic};
use crate::api::staff::PublishPolicy;
use crate::components::form_echo::Echoed;
use crate::components::raw_text::text_box;
use crate::model::{FormEcho, PublishCheck, PublishState, REASON_MAX, REASON_MIN};
use crate::tr;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// What is being published or withdrawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Item {
    Topic(crate::model::TopicId),
    Policy(i64),
}

/// Whether the page was opened as the publishing confirmation.
pub fn confirming() -> bool {
    use_query_map().read_untracked().get("confirm").as_deref() == Some("publish")
}

/// 发布… (opens the confirmation), the confirmation itself, or 撤回 — by the item's state.
/// `public`: what the public will see once published, one line each.
#[component]
pub fn PublishPanel(
    item: Item,
    state: PublishState,
    editor_url: String,
    public_url: String,
    public: Vec<String>,
    echo: Option<FormEcho>,
    /// 发布前检查 (topics only): named in the confirmation, each linking to its fix.
    #[prop(optional)]
    checks: Vec<PublishCheck>,
    /// A topic's published policies: its withdrawal offers to take them back too.
    #[prop(optional)]
    policies: Vec<(i64, String)>,
) -> impl IntoView {
    if state == PublishState::Published {
        return view! { <WithdrawForm item echo policies/> }.into_any();
    }
    let note = match state {
        PublishState::Withdrawn => tr!("editor.withdrawn_note"),
        _ => tr!("staff.draft_note"),
    };
    if !confirming() {
        let pending = (!checks.is_empty())
            .then(|| view! { <p class="warning-line">{tr!("editor.checks_pending", n = checks.len())}</p> });
        return view! {
            <p>
                <a class="button" href=format!("{editor_url}?confirm=publish#publish")>{tr!("editor.publish_open")}</a>
            </p>
            {pending}
            <p class="muted">{note}</p>
        }
        .into_any();
    }
    let checklist = matches!(item, Item::Topic(_)).then(|| view! { <Checklist checks/> });
    let lines = public
        .into_iter()
        .map(|l| view! { <li>{l}</li> })
        .collect_view();
    let form = match item {
        Item::Topic(id) => {
            let action = ServerAction::<PublishTopic>::new();
            view! {
                <ActionForm action attr:class="inline-form">
                    <input type="hidden" name="topic_id" value=id.to_string()/>
                    <input type="hidden" name="confirm" value="1"/>
                    <button type="submit" class="button">{tr!("editor.publish_confirm")}</button>
                </ActionForm>
            }
            .into_any()
        }
        Item::Policy(id) => {
            let action = ServerAction::<PublishPolicy>::new();
            view! {
                <ActionForm action attr:class="inline-form">
                    <input type="hidden" name="policy_id" value=id.to_string()/>
                    <input type="hidden" name="confirm" value="1"/>
                    <button type="submit" class="button">{tr!("editor.publish_confirm")}</button>
                </ActionForm>
            }
            .into_any()
        }
    };
    view! {
        <section id="publish" class="card confirm-panel" aria-labelledby="publish-heading">
            <h2 id="publish-heading">{tr!("editor.publish_heading")}</h2>
            <p>{tr!("editor.publish_what")}</p>
            <ul>{lines}</ul>
            {checklist}
            <p>{tr!("editor.publish_where")}" "<a href=public_url.clone()>{public_url.clone()}</a></p>
            {form}
            " "
            <a href=editor_url>{tr!("editor.cancel")}</a>
        </section>
    }
    .into_any()
}

/// 发布前检查: every gap, each a link to where it is fixed; or one line saying all is there.
#[component]
fn Checklist(checks: Vec<PublishCheck>) -> impl IntoView {
    if checks.is_empty() {
        return view! { <p class="ok-line">"✓ "{tr!("editor.checks_passed")}</p> }.into_any();
    }
    let items = checks
        .into_iter()
        .map(|check| {
            let href = format!("#{}", check.anchor());
            let (line, names): (String, Vec<String>) = match check {
                PublishCheck::NoLead => (tr!("editor.check_no_lead"), Vec::new()),
                PublishCheck::NoCooperating => (tr!("editor.check_no_cooperating"), Vec::new()),
                PublishCheck::NoProblems => (tr!("editor.check_no_problems"), Vec::new()),
                PublishCheck::ProblemsWithoutClass(titles) => {
                    (tr!("editor.check_no_class", n = titles.len()), titles)
                }
                PublishCheck::NoTasks => (tr!("editor.check_no_tasks"), Vec::new()),
                PublishCheck::DeadlinesOutside(tasks) => (
                    tr!("editor.check_deadlines", n = tasks.len()),
                    tasks
                        .into_iter()
                        .map(|(_, title, due)| tr!("editor.check_deadline_item", title = title, due = due))
                        .collect(),
                ),
                PublishCheck::NoPolicy => (tr!("editor.check_no_policy"), Vec::new()),
            };
            let names = (!names.is_empty()).then(|| {
                view! { <ul>{names.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul> }
            });
            view! {
                <li>"⚠ "<a href=href>{line}</a>{names}</li>
            }
        })
        .collect_view();
    view! {
        <div class="publish-checks" role="group" aria-labelledby="publish-checks-heading">
            <h3 id="publish-checks-heading">{tr!("editor.checks_heading")}</h3>
            <ul>{items}</ul>
            <p class="muted">{tr!("editor.checks_note")}</p>
        </div>
    }
    .into_any()
}

/// 撤回 with a reason (required; shown on the public page).
#[component]
fn WithdrawForm(item: Item, echo: Option<FormEcho>, policies: Vec<(i64, String)>) -> impl IntoView {
    let e = Echoed::of(&echo, "withdraw");
    let open = e.any();
    let reason = e.text("reason", String::new());
    let hidden = match item {
        Item::Topic(id) => view! { <input type="hidden" name="topic_id" value=id.to_string()/> },
        Item::Policy(id) => view! { <input type="hidden" name="policy_id" value=id.to_string()/> },
    };
    // Its policies stay public unless ticked: a policy may answer other topics too.
    let also = (!policies.is_empty()).then(|| {
        let boxes = policies
            .into_iter()
            .map(|(id, title)| {
                let box_id = format!("withdraw-policy-{id}");
                view! {
                    <li>
                        <input id=box_id.clone() type="checkbox" name="policies[]" value=id.to_string()/>
                        <label for=box_id>{tr!("editor.withdraw_policy_too", title = title)}</label>
                    </li>
                }
            })
            .collect_view();
        view! {
            <fieldset>
                <legend>{tr!("editor.withdraw_policies_legend")}</legend>
                <ul class="plain-list checkbox-list">{boxes}</ul>
                <p class="muted">{tr!("editor.withdraw_policies_note")}</p>
            </fieldset>
        }
    });
    let fields = view! {
        {hidden}
        <label for="withdraw-reason">{tr!("editor.withdraw_reason")}</label>
        <textarea id="withdraw-reason" name="reason" rows="3" required
            minlength=REASON_MIN.to_string() maxlength=REASON_MAX.to_string()
            aria-invalid=e.invalid("reason")
            aria-describedby=e.described("reason", "withdraw-reason", Some("withdraw-hint"))
            autofocus=e.focus("reason") inner_html=text_box(reason)></textarea>
        {e.message("reason", "withdraw-reason")}
        <p id="withdraw-hint" class="muted">{tr!("editor.withdraw_hint", min = REASON_MIN, max = REASON_MAX)}</p>
        {also}
        {e.form_message()}
        <button type="submit" class="button button-quiet">{tr!("editor.withdraw_button")}</button>
    };
    let form = match item {
        Item::Topic(_) => {
            let action = ServerAction::<WithdrawTopic>::new();
            view! { <ActionForm action attr:class="stack-form">{fields}</ActionForm> }.into_any()
        }
        Item::Policy(_) => {
            let action = ServerAction::<WithdrawPolicy>::new();
            view! { <ActionForm action attr:class="stack-form">{fields}</ActionForm> }.into_any()
        }
    };
    view! {
        <details id="withdraw" class="card" open=open>
            <summary>{tr!("editor.withdraw_heading")}</summary>
            <p>{tr!("editor.withdraw_explain")}</p>
            {form}
        </details>
    }
}
