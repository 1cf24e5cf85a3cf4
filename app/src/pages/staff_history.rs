//! 修订记录: every saved version of an item, oldest first, each shown as the fields it changed.
//! The first entry is the item as the public first saw it (or as it was created).

use crate::api::authoring::load_history;
use crate::components::loading::DataView;
use crate::components::staff_gate::{gate_view, StaffNav};
use crate::i18n::when::date_time;
use crate::model::{parse_id, Entity, Revision};
use crate::pages::NotFound;
use crate::tr;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

/// Field names as readers know them; unknown names are shown as stored.
fn field_label(field: &str) -> String {
    let key = match field {
        "year" => "staff.topic_year",
        "month" => "staff.topic_month",
        "theme" => "staff.topic_theme",
        "summary" => "staff.topic_summary",
        "lead" => "problem.lead",
        "cooperating" => "problem.cooperating",
        "plan" => "topic.plan",
        "status" => "staff.field_status",
        "title" => "staff.task_title",
        "problem" => "staff.task_problem",
        "owner" => "staff.task_owner",
        "level" => "staff.level",
        "due" => "staff.task_due",
        "state" => "staff.new_state",
        "done_on" => "task_progress.done_on_field",
        "delay_reason" => "task_progress.delay_reason",
        "delay_expected" => "task_progress.delay_expected",
        "withdrawn_reason" => "editor.withdraw_reason",
        "duty" => "staff.duty_text",
        "department" => "staff.duty_department",
        "batch" => "staff.batch",
        "name" => "staff.department_name",
        "doc_no" => "staff.doc_no",
        "issuer" => "policy.issuer",
        "issued" => "policy.issued",
        "effective" => "policy.effective",
        "source" => "staff.policy_source",
        "date" => "staff.report_date",
        "kind" => "staff.report_kind",
        "author" => "staff.report_author",
        "body" => "staff.report_body",
        other => return other.to_string(),
    };
    tr!(key)
}

/// The verbs of the audit actions a revision is saved under (`task.state` → `state`), each
/// with its words under `history.verb.<verb>`; a unit test keeps the list worded.
const VERBS: [&str; 26] = [
    "delete",
    "accept",
    "reject",
    "became",
    "candidate",
    "create",
    "open_now",
    "edit",
    "weights",
    "apply",
    "draft",
    "publish",
    "withdraw",
    "hotline",
    "batch",
    "disable",
    "enable",
    "grant",
    "revoke",
    "promote",
    "redact",
    "delay_reason",
    "note",
    "state",
    "undo",
    "cooperating",
];

/// What was done, in words (issue 34: the history showed `task.state`).
fn action_label(action: &str) -> String {
    let verb = action.rsplit('.').next().unwrap_or(action);
    if VERBS.contains(&verb) {
        let key = format!("history.verb.{verb}");
        tr!(key.as_str())
    } else {
        action.to_string()
    }
}

/// A stored value in words where it is a code (a state, a level, a publication state; issue
/// 34: the history showed `in_progress`); anything else as stored.
fn value_label(field: &str, value: &str) -> String {
    use crate::model::{Level, PublishState, TaskState, TaskStatus};
    let worded = match field {
        "state" => TaskState::parse(value).map(|s| tr!(TaskStatus::recorded(s).label_key())),
        "level" => Level::parse(value).map(|l| tr!(l.label_key())),
        "status" => PublishState::parse(value).map(|s| match s {
            PublishState::Draft => tr!("staff.draft"),
            PublishState::Published => tr!("staff.published"),
            PublishState::Withdrawn => tr!("editor.withdrawn"),
        }),
        _ => None,
    };
    worded.unwrap_or_else(|| value.to_string())
}

#[component]
pub fn StaffHistoryPage() -> impl IntoView {
    let params = use_params_map();
    let (entity, id) = params.with_untracked(|p| {
        (
            p.get("entity").as_deref().and_then(Entity::parse),
            p.get("id").as_deref().and_then(parse_id),
        )
    });
    let (Some(entity), Some(id)) = (entity, id) else {
        return Either::Left(view! { <NotFound/> });
    };
    let history = Resource::new_blocking(
        move || (entity, id),
        |(entity, id)| load_history(entity.as_str().to_string(), id),
    );
    Either::Right(view! {
        <Title text=tr!("staff.history_title")/>
        <Meta name="robots" content="noindex"/>
        <StaffNav/>
        <h1>{tr!("staff.history_title")}</h1>
        <DataView>
            {move || Suspend::new(async move {
                history.await.map(|gate| gate_view(gate, |revisions| view! { <Revisions revisions/> }))
            })}
        </DataView>
    })
}

#[component]
fn Revisions(revisions: Vec<Revision>) -> impl IntoView {
    if revisions.is_empty() {
        return Either::Left(view! { <p class="muted">{tr!("staff.no_history")}</p> });
    }
    let items = revisions
        .into_iter()
        .rev()
        .map(|r| {
            // The original version is recorded at the first edit, so its time is not when the
            // public first saw it (issue 34): it is named, not dated.
            let heading = if r.username.is_empty() {
                view! { <strong>{tr!("staff.original_version")}</strong>" "<span class="muted">{tr!("history.original_note")}</span> }.into_any()
            } else {
                view! {
                    <time datetime=r.at.clone()>{date_time(&r.at)}</time>" · "<strong>{r.username.clone()}</strong>" · "
                    {action_label(&r.action)}
                }
                .into_any()
            };
            let changes = r
                .changes
                .into_iter()
                .map(|c| {
                    let before = value_label(&c.field, &c.before);
                    let after = value_label(&c.field, &c.after);
                    view! {
                        <tr>
                            <th scope="row">{field_label(&c.field)}</th>
                            <td><del>{before}</del></td>
                            <td><ins>{after}</ins></td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <li class="card revision">
                    <p>{heading}</p>
                    <div class="table-scroll">
                        <table>
                            <thead>
                                <tr>
                                    <th scope="col">{tr!("staff.field")}</th>
                                    <th scope="col">{tr!("staff.before")}</th>
                                    <th scope="col">{tr!("staff.after")}</th>
                                </tr>
                            </thead>
                            <tbody>{changes}</tbody>
                        </table>
                    </div>
                </li>
            }
        })
        .collect_view();
    Either::Right(view! { <ol class="plain-list">{items}</ol> })
}

#[cfg(test)]
mod tests {
    use super::VERBS;

    #[test]
    fn every_action_verb_has_words_in_both_languages() {
        for locale in ["zh-CN", "en"] {
            for verb in VERBS {
                let key = format!("history.verb.{verb}");
                assert_ne!(rust_i18n::t!(&key, locale = locale), key, "{locale}");
            }
        }
    }
}
