//! Correcting a published policy (政策) or progress report (月度进展) in place. The public page
//! changes at once; the earlier wording stays in the revision history. A report can be
//! withdrawn (撤回) with a reason — by editors, or by the department it speaks for.

use crate::api::authoring_documents::{
    load_editor_policy, load_editor_report, SavePolicy, SaveReport,
};
use crate::api::department::WithdrawReport;
use crate::components::badges::PublishBadge;
use crate::components::form_echo::{use_echo, Echoed};
use crate::components::loading::DataView;
use crate::components::raw_text::text_box;
use crate::components::roles::ReportAuthorSelect;
use crate::components::staff_gate::{gate_view, HistoryLink, StaffNav};
use crate::model::{
    parse_id, EditorPolicy, EditorReport, Entity, FormEcho, REASON_MAX, REASON_MIN,
};
use crate::pages::staff::Flash;
use crate::pages::staff_publish::{Item, PublishPanel};
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
    let echo = use_echo();
    Either::Right(view! {
        <Title text=tr!("staff.edit_policy")/>
        <Meta name="robots" content="noindex"/>
        <StaffNav/>
        <h1>{tr!("staff.edit_policy")}</h1>
        <DataView>
            {move || Suspend::new(async move {
                let echo = echo.await;
                policy.await.map(|gate| gate_view(gate, |policy| view! {
                    <Flash echo=echo.clone()/>
                    <PolicyForm policy echo/>
                }))
            })}
        </DataView>
    })
}

#[component]
fn PolicyForm(policy: EditorPolicy, echo: Option<FormEcho>) -> impl IntoView {
    let action = ServerAction::<SavePolicy>::new();
    let e = Echoed::of(&echo, "policy");
    let public = crate::paths::policy(policy.id);
    let preview_label = if policy.state == crate::model::PublishState::Draft {
        tr!("editor.preview_link")
    } else {
        tr!("staff.public_page")
    };
    let what = vec![
        tr!("editor.public_policy", title = policy.title.clone()),
        tr!("editor.public_policy_where"),
    ];
    view! {
        <p>
            <PublishBadge state=policy.state/>" · "
            <a href=public.clone()>{preview_label}</a>" · "
            <HistoryLink entity=Entity::Policy id=policy.id/>
        </p>
        <PublishPanel
            item=Item::Policy(policy.id)
            state=policy.state
            editor_url=crate::paths::staff_policy(policy.id)
            public_url=public
            public=what
            echo=echo.clone()
        />
        <ActionForm action attr:class="stack-form" attr:id="policy-form">
            <input type="hidden" name="policy_id" value=policy.id.to_string()/>
            <label for="p-title">{tr!("staff.policy_title")}</label>
            <input id="p-title" name="title" type="text" required minlength="2" maxlength="200" value=e.text("title", policy.title)
                aria-invalid=e.invalid("title") aria-describedby=e.described("title", "p-title", None) autofocus=e.focus("title")/>
            {e.message("title", "p-title")}
            <label for="p-doc">{tr!("staff.doc_no")}</label>
            <input id="p-doc" name="doc_no" type="text" maxlength="100" value=e.text("doc_no", policy.doc_no)
                aria-invalid=e.invalid("doc_no") aria-describedby=e.described("doc_no", "p-doc", None) autofocus=e.focus("doc_no")/>
            {e.message("doc_no", "p-doc")}
            <label for="p-issuer">{tr!("policy.issuer")}</label>
            <select id="p-issuer" name="issuer" required
                aria-invalid=e.invalid("issuer") aria-describedby=e.described("issuer", "p-issuer", None) autofocus=e.focus("issuer")>
                {crate::components::staff_gate::issuer_options(&policy.bodies, &e.text("issuer", policy.issuer.clone()))}
            </select>
            {e.message("issuer", "p-issuer")}
            <label for="p-issued">{tr!("policy.issued")}</label>
            <input id="p-issued" name="issued" type="date" value=e.text("issued", policy.issued)
                aria-invalid=e.invalid("issued") aria-describedby=e.described("issued", "p-issued", None) autofocus=e.focus("issued")/>
            {e.message("issued", "p-issued")}
            <label for="p-effective">{tr!("policy.effective")}</label>
            <input id="p-effective" name="effective" type="date" value=e.text("effective", policy.effective)/>
            <label for="p-source">{tr!("staff.policy_source")}</label>
            <input id="p-source" name="source" type="text" maxlength="500" value=e.text("source", policy.source)
                aria-invalid=e.invalid("source") aria-describedby=e.described("source", "p-source", Some("p-source-hint")) autofocus=e.focus("source")/>
            {e.message("source", "p-source")}
            <p id="p-source-hint" class="muted">{tr!("staff.policy_source_hint")}</p>
            {e.form_message()}
            <button type="submit" class="button">{tr!("staff.save")}</button>
        </ActionForm>
    }
}

/// 撤回进展: the reason is required and shown on the topic page in the report's place.
#[component]
fn ReportWithdrawal(id: i64, withdrawn: Option<String>, echo: Option<FormEcho>) -> impl IntoView {
    if let Some(reason) = withdrawn {
        return view! {
            <p class="withdrawn-note">{tr!("editor.withdrawn_reason", reason = reason)}</p>
        }
        .into_any();
    }
    let action = ServerAction::<WithdrawReport>::new();
    let e = Echoed::of(&echo, "withdraw");
    let open = e.any();
    view! {
        <details id="withdraw" class="card" open=open>
            <summary>{tr!("editor.withdraw_heading")}</summary>
            <p>{tr!("task_progress.withdraw_report_explain")}</p>
            <ActionForm action attr:class="stack-form">
                <input type="hidden" name="report_id" value=id.to_string()/>
                <label for="withdraw-reason">{tr!("editor.withdraw_reason")}</label>
                <textarea id="withdraw-reason" name="reason" rows="3" required
                    minlength=REASON_MIN.to_string() maxlength=REASON_MAX.to_string()
                    aria-invalid=e.invalid("reason") aria-describedby=e.described("reason", "withdraw-reason", None)
                    autofocus=e.focus("reason") inner_html=text_box(e.text("reason", String::new()))></textarea>
                {e.message("reason", "withdraw-reason")}
                {e.form_message()}
                <button type="submit" class="button button-quiet">{tr!("editor.withdraw_button")}</button>
            </ActionForm>
        </details>
    }
    .into_any()
}

#[component]
pub fn StaffReportEditPage() -> impl IntoView {
    let Some(id) = id_param() else {
        return Either::Left(view! { <NotFound/> });
    };
    let report = Resource::new_blocking(move || id, load_editor_report);
    let echo = use_echo();
    Either::Right(view! {
        <Title text=tr!("staff.edit_report")/>
        <Meta name="robots" content="noindex"/>
        <StaffNav/>
        <h1>{tr!("staff.edit_report")}</h1>
        <DataView>
            {move || Suspend::new(async move {
                let echo = echo.await;
                report.await.map(|gate| gate_view(gate, |report| view! {
                    <Flash echo=echo.clone()/>
                    <ReportForm report echo/>
                }))
            })}
        </DataView>
    })
}

#[component]
fn ReportForm(report: EditorReport, echo: Option<FormEcho>) -> impl IntoView {
    let action = ServerAction::<SaveReport>::new();
    let e = Echoed::of(&echo, "report");
    let supervision = e.text("kind", report.kind.clone()) == "supervision";
    // The author as chosen: the body from the list (by id, or by name for reports entered before
    // the list), the editorial office, or an older free-text author kept as it is.
    let by_name = report
        .bodies
        .iter()
        .find(|d| d.name == report.author)
        .map(|d| d.id);
    let (chosen, legacy) = match report.author_department.or(by_name) {
        Some(id) => (id.to_string(), None),
        None if report.author == crate::model::EDITORIAL_OFFICE => ("office".to_string(), None),
        None => ("keep".to_string(), Some(report.author.clone())),
    };
    // Department staff correct their own reports; the topic's editor page is not theirs.
    let topic_link = (report.role != crate::model::Role::Department).then(|| {
        view! { <a href=crate::paths::staff_topic(report.topic_id)>{tr!("staff.edit_topic")}</a>" · " }
    });
    view! {
        <p>
            {topic_link}
            <HistoryLink entity=Entity::Report id=report.id/>
        </p>
        <ActionForm action attr:class="stack-form" attr:id="report-form">
            <input type="hidden" name="report_id" value=report.id.to_string()/>
            <label for="r-kind">{tr!("staff.report_kind")}</label>
            <select id="r-kind" name="kind">
                <option value="progress" selected=!supervision>{tr!("topic.reports")}</option>
                <option value="supervision" selected=supervision>{tr!("topic.supervision")}</option>
            </select>
            <label for="r-date">{tr!("staff.report_date")}</label>
            <input id="r-date" name="date" type="date" required value=e.text("date", report.date)
                aria-invalid=e.invalid("date") aria-describedby=e.described("date", "r-date", None) autofocus=e.focus("date")/>
            {e.message("date", "r-date")}
            <label for="r-title">{tr!("staff.report_title")}</label>
            <input id="r-title" name="title" type="text" required minlength="2" maxlength="200" value=e.text("title", report.title)
                aria-invalid=e.invalid("title") aria-describedby=e.described("title", "r-title", None) autofocus=e.focus("title")/>
            {e.message("title", "r-title")}
            <ReportAuthorSelect bodies=report.bodies me=report.role selected=e.text("author", chosen) legacy=legacy.unwrap_or_default()/>
            {e.message("author", "r-author")}
            <label for="r-body">{tr!("staff.report_body")}</label>
            <textarea id="r-body" name="body" rows="10" required maxlength="20000"
                aria-invalid=e.invalid("body") aria-describedby=e.described("body", "r-body", Some("r-body-hint")) autofocus=e.focus("body") inner_html=text_box(e.text("body", report.body_markdown))></textarea>
            {e.message("body", "r-body")}
            <p id="r-body-hint" class="muted">{tr!("staff.report_hint")}</p>
            {e.form_message()}
            <button type="submit" class="button">{tr!("staff.save")}</button>
        </ActionForm>
        <ReportWithdrawal id=report.id withdrawn=report.withdrawn_reason echo/>
    }
}
