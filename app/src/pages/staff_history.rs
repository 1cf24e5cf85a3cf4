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
            let who = if r.username.is_empty() {
                tr!("staff.original_version")
            } else {
                r.username.clone()
            };
            let changes = r
                .changes
                .into_iter()
                .map(|c| {
                    view! {
                        <tr>
                            <th scope="row">{field_label(&c.field)}</th>
                            <td><del>{c.before}</del></td>
                            <td><ins>{c.after}</ins></td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <li class="card revision">
                    <p>
                        <time datetime=r.at.clone()>{date_time(&r.at)}</time>" · "<strong>{who}</strong>" · "
                        <code>{r.action}</code>
                    </p>
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
