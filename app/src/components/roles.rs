//! The small forms and words of `model::roles`: granting an editor the moderation permission,
//! redacting a suggestion (with the phone-number hint), a topic's cooperating departments
//! (配合部门), the report form's author picker, and who posted a report. Their outcome codes
//! (`model::outcome`) are worded under `roles.done.*` / `roles.error.*`.

use crate::api::roles::{RedactSuggestion, SetStaffGrant, SetTopicCooperating};
use crate::i18n::when::date_time;
use crate::model::{
    phone_like, BodyKind, Department, EnteredBy, Grant, Report, Role, StaffMember, Suggestion,
    SuggestionRevision, MAX_REDACT_SPAN,
};
use crate::tr;
use leptos::prelude::*;

/// 审核职责 on an editor's line of the accounts page: granted or not, and the button that
/// changes it.
#[component]
pub fn GrantForm(member: StaffMember) -> impl IntoView {
    if !Grant::Moderate.grantable_to(member.role) {
        return None;
    }
    let action = ServerAction::<SetStaffGrant>::new();
    let granted = member.grants.contains(&Grant::Moderate);
    let (on, label, state) = if granted {
        (
            "0",
            tr!("roles.revoke_moderation"),
            tr!("roles.moderation_granted"),
        )
    } else {
        (
            "1",
            tr!("roles.grant_moderation"),
            tr!("roles.moderation_not_granted"),
        )
    };
    Some(view! {
        <span class="muted">{state}</span>" "
        <ActionForm action attr:class="inline-form">
            <input type="hidden" name="staff_id" value=member.id.to_string()/>
            <input type="hidden" name="grant" value=Grant::Moderate.as_str()/>
            <input type="hidden" name="on" value=on/>
            <button type="submit" class="button button-quiet">{label}</button>
        </ActionForm>
    })
}

/// 隐去: replace a span of the suggestion with 【已隐去】, with a reason. A phone number found in
/// the text is offered (filled in, never applied without the moderator).
#[component]
pub fn RedactForm(s: Suggestion) -> impl IntoView {
    let action = ServerAction::<RedactSuggestion>::new();
    let found = phone_like(&format!("{}\n{}", s.title, s.description));
    let span_id = format!("redact-span-{}", s.id);
    let reason_id = format!("redact-reason-{}", s.id);
    let hint = found.first().map(|phone| {
        view! { <p class="warning" role="note">{tr!("roles.phone_hint", phone = phone.clone())}</p> }
    });
    let reason = found
        .first()
        .map(|_| tr!("roles.phone_reason"))
        .unwrap_or_default();
    let open = !found.is_empty();
    let first = found.first().cloned().unwrap_or_default();
    view! {
        <details class="redact" open=open>
            <summary>{tr!("roles.redact")}</summary>
            {hint}
            <ActionForm action attr:class="stack-form">
                <input type="hidden" name="suggestion_id" value=s.id.to_string()/>
                <label for=span_id.clone()>{tr!("roles.redact_span")}</label>
                <input id=span_id name="span" type="text" required maxlength=MAX_REDACT_SPAN.to_string()
                    value=first/>
                <label for=reason_id.clone()>{tr!("roles.redact_reason")}</label>
                <input id=reason_id name="reason" type="text" required minlength="2" maxlength="200" value=reason/>
                <p class="muted">{tr!("roles.redact_note")}</p>
                <button type="submit" class="button button-quiet">{tr!("roles.redact_button")}</button>
            </ActionForm>
        </details>
    }
}

/// 修订记录 of redactions: the text before each, for staff only.
#[component]
pub fn RedactionHistory(history: Vec<SuggestionRevision>) -> impl IntoView {
    (!history.is_empty()).then(|| {
        view! {
            <section aria-labelledby="redaction-history">
                <h2 id="redaction-history">{tr!("roles.history_heading")}</h2>
                <p class="muted">{tr!("roles.history_note")}</p>
                <ul class="plain-list">
                    {history
                        .into_iter()
                        .map(|r| view! {
                            <li class="card">
                                <p class="muted">{date_time(&r.at)}" · "{r.username}" · "{tr!("roles.history_reason", reason = r.reason)}</p>
                                <p><strong>{r.title_before}</strong></p>
                                <p>{r.description_before}</p>
                            </li>
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    })
}

/// 配合部门: checkboxes of every department but the lead; saved on their own.
#[component]
pub fn CooperatingForm(
    topic_id: crate::model::TopicId,
    lead: Option<i64>,
    departments: Vec<Department>,
    chosen: Vec<i64>,
) -> impl IntoView {
    let action = ServerAction::<SetTopicCooperating>::new();
    let boxes = departments
        .into_iter()
        .filter(|d| Some(d.id) != lead && !BodyKind::of(&d.name).supervises())
        .map(|d| {
            let id = format!("coop-{}", d.id);
            let checked = chosen.contains(&d.id);
            view! {
                <li>
                    <input id=id.clone() type="checkbox" name="cooperating[]" value=d.id.to_string() checked=checked/>
                    <label for=id>{d.name}</label>
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="topic-cooperating">
            <h2 id="topic-cooperating">{tr!("roles.cooperating_heading")}</h2>
            <p class="muted">{tr!("roles.cooperating_note")}</p>
            <ActionForm action attr:class="stack-form">
                <input type="hidden" name="topic_id" value=topic_id.to_string()/>
                <input type="hidden" name="cooperating[]" value=""/>
                <fieldset>
                    <legend>{tr!("problem.cooperating")}</legend>
                    <ul class="plain-list checkbox-list">{boxes}</ul>
                </fieldset>
                <button type="submit" class="button">{tr!("roles.cooperating_save")}</button>
            </ActionForm>
        </section>
    }
}

/// The report form's author: the editorial office or a body from the list. Which one is
/// allowed depends on the kind of entry and the account's role (checked on the server; the
/// rule is stated under the field).
///
/// `selected` is the chosen option's value (`office` or a body's id); `legacy`, when not empty,
/// is an older report's free-text author, offered as it is (value `keep`) so a correction need
/// not change it.
#[component]
pub fn ReportAuthorSelect(
    bodies: Vec<Department>,
    me: Role,
    #[prop(optional, into)] selected: Option<String>,
    #[prop(optional)] legacy: String,
) -> impl IntoView {
    let selected = selected.unwrap_or_else(|| "office".into());
    let options = bodies
        .into_iter()
        .map(|d| {
            let value = d.id.to_string();
            let chosen = value == selected;
            view! { <option value=value selected=chosen>{d.name}</option> }
        })
        .collect_view();
    let office = selected == "office";
    let legacy = (!legacy.is_empty()).then(|| {
        let name = legacy;
        let chosen = selected == "keep";
        view! { <option value="keep" selected=chosen>{tr!("roles.legacy_author", name = name)}</option> }
    });
    let rule = if me == Role::Admin {
        tr!("roles.author_rule_admin")
    } else {
        tr!("roles.author_rule_editor")
    };
    view! {
        <label for="r-author">{tr!("staff.report_author")}</label>
        <select id="r-author" name="author" aria-describedby="r-author-rule">
            {legacy}
            <option value="office" selected=office>{tr!("roles.editorial_office")}</option>
            {options}
        </select>
        <p id="r-author-rule" class="muted">{rule}</p>
    }
}

/// Who posted a report, as the public reads it: the body (linked when it is one from the list)
/// and the role of the account that entered it, never a username.
#[component]
pub fn ReportPoster(report: Report) -> impl IntoView {
    let author = match report.author_department {
        Some(id) => {
            view! { <a href=crate::paths::department(id)>{report.author.clone()}</a> }.into_any()
        }
        None => view! { <span>{report.author.clone()}</span> }.into_any(),
    };
    let entered = report.entered_by.map(|e| {
        let text = match e {
            EnteredBy::Admin => tr!("roles.entered_by_admin"),
            EnteredBy::Editor => tr!("roles.entered_by_editor"),
            EnteredBy::Department => tr!("roles.entered_by_department"),
        };
        view! { " "<span class="muted">{text}</span> }
    });
    view! { {tr!("roles.posted_by")}{author}{entered} }
}
