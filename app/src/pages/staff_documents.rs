//! Correcting a published policy (政策) or progress report (月度进展) in place. The public page
//! changes at once; the earlier wording stays in the revision history.

use crate::api::authoring::{load_editor_policy, load_editor_report, SavePolicy, SaveReport};
use crate::components::loading::DataView;
use crate::components::staff_gate::{gate_view, HistoryLink, StaffNav};
use crate::model::{parse_id, EditorPolicy, EditorReport, Entity};
use crate::pages::staff::Flash;
use crate::pages::staff_topics::PublishBadge;
use crate::pages::NotFound;
use crate::tr;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

fn id_param() -> Option<i64> {
    use_params_map()
        .read_untracked()
        .get("id")
        .as_deref()
        .and_then(parse_id)
}

#[component]
pub fn StaffPolicyEditPage() -> impl IntoView {
    let Some(id) = id_param() else {
        return Either::Left(view! { <NotFound/> });
    };
    let policy = Resource::new_blocking(move || id, load_editor_policy);
    Either::Right(view! {
        <Title text=tr!("staff.edit_policy")/>
        <Meta name="robots" content="noindex"/>
        <StaffNav/>
        <h1>{tr!("staff.edit_policy")}</h1>
        <Flash/>
        <DataView>
            {move || Suspend::new(async move {
                policy.await.map(|gate| gate_view(gate, |policy| view! { <PolicyForm policy/> }))
            })}
        </DataView>
    })
}

#[component]
fn PolicyForm(policy: EditorPolicy) -> impl IntoView {
    let action = ServerAction::<SavePolicy>::new();
    view! {
        <p>
            <PublishBadge state=policy.state/>" · "
            <a href=format!("/policies/{}", policy.id)>{tr!("staff.public_page")}</a>" · "
            <HistoryLink entity=Entity::Policy id=policy.id/>
        </p>
        <ActionForm action attr:class="stack-form">
            <input type="hidden" name="policy_id" value=policy.id.to_string()/>
            <label for="p-title">{tr!("staff.policy_title")}</label>
            <input id="p-title" name="title" type="text" required minlength="2" maxlength="200" value=policy.title/>
            <label for="p-doc">{tr!("staff.doc_no")}</label>
            <input id="p-doc" name="doc_no" type="text" maxlength="100" value=policy.doc_no/>
            <label for="p-issuer">{tr!("policy.issuer")}</label>
            <input id="p-issuer" name="issuer" type="text" required minlength="2" maxlength="100" value=policy.issuer/>
            <label for="p-issued">{tr!("policy.issued")}</label>
            <input id="p-issued" name="issued" type="date" value=policy.issued/>
            <label for="p-effective">{tr!("policy.effective")}</label>
            <input id="p-effective" name="effective" type="date" value=policy.effective/>
            <label for="p-source">{tr!("staff.policy_source")}</label>
            <input id="p-source" name="source" type="text" maxlength="500" value=policy.source aria-describedby="p-source-hint"/>
            <p id="p-source-hint" class="muted">{tr!("staff.policy_source_hint")}</p>
            <button type="submit" class="button">{tr!("staff.save")}</button>
        </ActionForm>
    }
}

#[component]
pub fn StaffReportEditPage() -> impl IntoView {
    let Some(id) = id_param() else {
        return Either::Left(view! { <NotFound/> });
    };
    let report = Resource::new_blocking(move || id, load_editor_report);
    Either::Right(view! {
        <Title text=tr!("staff.edit_report")/>
        <Meta name="robots" content="noindex"/>
        <StaffNav/>
        <h1>{tr!("staff.edit_report")}</h1>
        <Flash/>
        <DataView>
            {move || Suspend::new(async move {
                report.await.map(|gate| gate_view(gate, |report| view! { <ReportForm report/> }))
            })}
        </DataView>
    })
}

#[component]
fn ReportForm(report: EditorReport) -> impl IntoView {
    let action = ServerAction::<SaveReport>::new();
    let supervision = report.kind == "supervision";
    view! {
        <p>
            <a href=format!("/staff/topics/{}", report.topic_id)>{tr!("staff.edit_topic")}</a>" · "
            <HistoryLink entity=Entity::Report id=report.id/>
        </p>
        <ActionForm action attr:class="stack-form">
            <input type="hidden" name="report_id" value=report.id.to_string()/>
            <label for="r-kind">{tr!("staff.report_kind")}</label>
            <select id="r-kind" name="kind">
                <option value="progress" selected=!supervision>{tr!("topic.reports")}</option>
                <option value="supervision" selected=supervision>{tr!("topic.supervision")}</option>
            </select>
            <label for="r-date">{tr!("staff.report_date")}</label>
            <input id="r-date" name="date" type="date" required value=report.date/>
            <label for="r-title">{tr!("staff.report_title")}</label>
            <input id="r-title" name="title" type="text" required minlength="2" maxlength="200" value=report.title/>
            <label for="r-author">{tr!("staff.report_author")}</label>
            <input id="r-author" name="author" type="text" required minlength="2" maxlength="100" value=report.author/>
            <label for="r-body">{tr!("staff.report_body")}</label>
            <textarea id="r-body" name="body" rows="10" required maxlength="20000" aria-describedby="r-body-hint">{report.body_markdown}</textarea>
            <p id="r-body-hint" class="muted">{tr!("staff.report_hint")}</p>
            <button type="submit" class="button">{tr!("staff.save")}</button>
        </ActionForm>
    }
}
