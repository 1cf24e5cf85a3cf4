//! 工作台: staff sign in, update their department's tasks, draft and publish policies, and
//! (administrators) read the audit log. Plain forms with post/redirect/get: no JavaScript needed.

use crate::api::authoring::SetResponsibilityState;
use crate::api::staff::{load_staff_desk, AddReport, DraftPolicy, Login, Logout, PublishPolicy};
use crate::components::department_reports::{DepartmentReportForm, OwnReports};
use crate::components::desk_filter::{DeskFilter, DeskFilterLinks};
use crate::components::form_echo::{outcome_message, Echoed};
use crate::components::loading::DataView;
use crate::components::raw_text::text_box;
use crate::components::staff_gate::StaffNav;
use crate::components::task_desk::{state_options, DeskTask};
use crate::components::topic_lists::{level_label, responsibility_status, StatusBadge};
use crate::model::{StaffDesk, StaffResponsibility};
use crate::pages::month_name;
use crate::tr;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

/// The outcome of the last action. With `echo` (a refused form the server kept for this
/// session), the message is the server's record of the refusal, naming any clashing record.
#[component]
pub(crate) fn Flash(
    #[prop(optional_no_strip)] echo: Option<crate::model::FormEcho>,
) -> impl IntoView {
    if let Some(echo) = echo.filter(|e| e.error.code != crate::model::PREVIEW) {
        return view! {
            <p class="flash flash-error" role="alert">
                <crate::components::form_echo::EchoMessage error=echo.error/>
            </p>
        }
        .into_any();
    }
    let query = use_query_map();
    let q = query.read_untracked();
    // An action on one task on the desk is answered in that task's card, where the page opens.
    if q.get("task").is_some() {
        return ().into_any();
    }
    outcome_message(q.get("done").as_deref(), q.get("error").as_deref())
        .map(|(ok, text)| {
            let (class, role) = if ok {
                ("flash flash-ok", "status")
            } else {
                ("flash flash-error", "alert")
            };
            view! { <p class=class role=role>{text}</p> }
        })
        .into_any()
}

#[component]
pub fn StaffLoginPage() -> impl IntoView {
    let action = ServerAction::<Login>::new();
    let query = use_query_map();
    let username = query.read_untracked().get("username").unwrap_or_default();
    // The staff page the gate sent her from: back there once signed in.
    let next = query.read_untracked().get("next");
    view! {
        <Title text=tr!("staff.login_title")/>
        <Meta name="robots" content="noindex"/>
        <h1>{tr!("staff.login_title")}</h1>
        <Flash/>
        <ActionForm action attr:class="stack-form">
            <label for="username">{tr!("staff.username")}</label>
            <input id="username" name="username" type="text" autocomplete="username" required value=username/>
            <label for="password">{tr!("staff.password")}</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required/>
            {next.map(|next| view! { <input type="hidden" name="next" value=next/> })}
            <button type="submit" class="button">{tr!("staff.sign_in")}</button>
        </ActionForm>
        <p class="muted">{tr!("staff.login_note")}</p>
    }
}

#[component]
pub fn StaffDeskPage() -> impl IntoView {
    let desk = Resource::new_blocking(|| (), |_| load_staff_desk());
    let echo = crate::components::form_echo::use_echo();
    view! {
        <Title text=tr!("staff.desk_title")/>
        <Meta name="robots" content="noindex"/>
        <DataView>
            {move || Suspend::new(async move {
                let echo = echo.await;
                desk.await.map(|desk| match desk {
                    Some(desk) => Either::Left(view! { <Desk desk echo/> }),
                    None => Either::Right(view! { <h1>{tr!("staff.desk_title")}</h1><SignInFirst/> }),
                })
            })}
        </DataView>
    }
}

#[component]
pub(crate) fn SignInFirst() -> impl IntoView {
    view! {
        <p>{tr!("staff.error.not_signed_in")}</p>
        <p><a class="button" href="/staff/login">{tr!("staff.sign_in")}</a></p>
    }
}

#[component]
fn Desk(desk: StaffDesk, echo: Option<crate::model::FormEcho>) -> impl IntoView {
    let me = desk.me;
    let query = use_query_map();
    let filter = query.with_untracked(|q| {
        DeskFilter::from_query(q.get("only").as_deref(), q.get("topic").as_deref())
    });
    let logout = ServerAction::<Logout>::new();
    let department = me.department.clone().map(|d| d.name).unwrap_or_default();
    let import = me
        .may_author()
        .then(|| view! { <crate::pages::staff_import::ImportForm topics=desk.topics.clone()/> });
    let reports = me
        .may_author()
        .then(|| view! { <ReportForm topics=desk.topics.clone() bodies=desk.bodies.clone() role=me.role echo=echo.clone()/> });
    let department_report = match (me.role, me.department.clone()) {
        (crate::model::Role::Department, Some(d)) => Some(view! {
            <DepartmentReportForm department=d.name topics=desk.report_topics.clone() today=desk.today.clone() echo=echo.clone()/>
            <OwnReports reports=desk.reports.clone()/>
        }),
        _ => None,
    };
    let today = desk.today.clone();
    let author = me
        .may_author()
        .then(|| view! { <Authoring drafts=desk.drafts topics=desk.topics bodies=desk.bodies echo=echo.clone()/> });
    let audit = me.may_read_audit().then(|| {
        view! {
            <p>
                <a href="/staff/audit">{tr!("staff.audit_title")}</a>
                " · "
                <a href="/staff/accounts">{tr!("staff.accounts_title")}</a>
            </p>
        }
    });
    let (overdue, soon) = desk.replies_pressing;
    let reminder = (overdue + soon > 0).then(|| {
        view! {
            // A standing note, not the outcome of an action: no status role.
            <p class="flash flash-note">
                {tr!("reply.reminder", overdue = overdue, soon = soon, days = crate::model::DUE_SOON_WORKING_DAYS)}" "
                <a href="/staff/replies">{tr!("reply.desk_title")}</a>
            </p>
        }
    });
    view! {
        <h1>{tr!("staff.desk_title")}</h1>
        <Flash echo/>
        {reminder}
        <p>{tr!("staff.signed_in_as", name = me.display_name.clone())}" "<span class="muted">{department}</span></p>
        <ActionForm action=logout attr:class="inline-form">
            <button type="submit" class="button button-quiet">{tr!("staff.sign_out")}</button>
            <button type="submit" name="everywhere" value="1" class="button button-quiet">
                {tr!("staff.sign_out_everywhere")}
            </button>
        </ActionForm>
        {audit}
        {me.may_author().then(|| view! { <StaffNav/> })}
        {me.may_moderate().then(|| view! {
            <p><a href="/staff/moderation">{tr!("moderation.title")}</a></p>
        })}
        <section aria-labelledby="desk-tasks">
            <h2 id="desk-tasks">{tr!("topic.tasks")}</h2>
            <DeskFilterLinks tasks=desk.tasks.clone() current=filter/>
            <ul class="task-list">
                {desk.tasks.into_iter().filter(|t| filter.keeps(t)).map(|t| view! { <DeskTask item=t today=today.clone()/> }).collect_view()}
            </ul>
        </section>
        <section aria-labelledby="desk-duties">
            <h2 id="desk-duties">{tr!("topic.responsibilities")}</h2>
            <ul class="task-list">
                {desk.responsibilities.into_iter().map(|d| view! { <ResponsibilityRow item=d/> }).collect_view()}
            </ul>
        </section>
        {department_report}
        {author}
        {reports}
        {import}
    }
}

/// A responsibility on the desk; its department's staff report its status (履职状态).
#[component]
fn ResponsibilityRow(item: StaffResponsibility) -> impl IntoView {
    let StaffResponsibility {
        topic,
        responsibility,
        editable,
    } = item;
    let crate::model::TopicLabel {
        key: crate::model::TopicKey { year, month },
        theme,
    } = topic;
    let form = editable.then(|| {
        let action = ServerAction::<SetResponsibilityState>::new();
        let select_id = format!("responsibility-state-{}", responsibility.id);
        view! {
            <ActionForm action attr:class="inline-form">
                <input type="hidden" name="responsibility_id" value=responsibility.id.to_string()/>
                <label for=select_id.clone()>{tr!("staff.new_state")}</label>
                <select id=select_id name="state">{state_options(responsibility.state)}</select>
                <button type="submit" class="button">{tr!("staff.save")}</button>
            </ActionForm>
        }
    });
    view! {
        <li class="card task" data-responsibility-id=responsibility.id>
            <p class="task-title">{responsibility.duty}" "<StatusBadge status=responsibility_status(responsibility.state)/></p>
            <p class="task-meta">
                {responsibility.department.name}" · "{level_label(responsibility.level)}" · "{tr!("responsibility.batch", batch = responsibility.batch)}
                " · "
                <a href=crate::paths::topic(year, month)>{theme}" "{tr!("topic.when", year = year, month = month_name(month))}</a>
            </p>
            {form}
        </li>
    }
}

#[component]
fn Authoring(
    drafts: Vec<(crate::model::Policy, crate::model::PublishState)>,
    topics: Vec<crate::model::TopicLabel>,
    /// The departments a policy's issuer is chosen from.
    bodies: Vec<crate::model::Department>,
    echo: Option<crate::model::FormEcho>,
) -> impl IntoView {
    let draft = ServerAction::<DraftPolicy>::new();
    let e = Echoed::of(&echo, "policy-new");
    let chosen = e.text("topic", String::new());
    let topic_options = topics
        .into_iter()
        .map(|crate::model::TopicLabel { key: crate::model::TopicKey { year: y, month: m }, theme }| {
            let value = format!("{y}-{m}");
            let selected = value == chosen;
            view! { <option value=value selected=selected>{format!("{y}-{m:02} {theme}")}</option> }
        })
        .collect_view();
    let draft_items = drafts
        .into_iter()
        .map(|(p, state)| {
            let publish = ServerAction::<PublishPolicy>::new();
            // A withdrawn policy's public page says 已撤回; a draft's is its preview.
            let public_label = if state == crate::model::PublishState::Withdrawn {
                tr!("staff.public_page")
            } else {
                tr!("editor.preview_link")
            };
            view! {
                <li class="card">
                    <p>
                        <strong>{p.title}</strong>" "<crate::components::badges::PublishBadge state/>" "
                        <a href=crate::paths::staff_policy(p.id)>{tr!("staff.edit")}</a>" · "
                        <a href=crate::paths::policy(p.id)>{public_label}</a>
                    </p>
                    <p class="muted">{p.issuer}" "{crate::i18n::when::day(&p.issued.unwrap_or_default())}</p>
                    <ActionForm action=publish>
                        <input type="hidden" name="policy_id" value=p.id.to_string()/>
                        <button type="submit" class="button">{tr!("editor.publish_open")}</button>
                    </ActionForm>
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="drafts-heading">
            <h2 id="drafts-heading">{tr!("staff.drafts")}</h2>
            <ul class="plain-list">{draft_items}</ul>
            <h3>{tr!("staff.new_policy")}</h3>
            <ActionForm action=draft attr:class="stack-form">
                <label for="p-title">{tr!("staff.policy_title")}</label>
                <input id="p-title" name="title" type="text" required maxlength="200" value=e.text("title", String::new())
                    aria-invalid=e.invalid("title") aria-describedby=e.described("title", "p-title", None) autofocus=e.focus("title")/>
                {e.message("title", "p-title")}
                <label for="p-issuer">{tr!("policy.issuer")}</label>
                <select id="p-issuer" name="issuer" required
                    aria-invalid=e.invalid("issuer") aria-describedby=e.described("issuer", "p-issuer", None) autofocus=e.focus("issuer")>
                    {crate::components::staff_gate::issuer_options(&bodies, &e.text("issuer", String::new()))}
                </select>
                {e.message("issuer", "p-issuer")}
                <label for="p-issued">{tr!("policy.issued")}</label>
                <input id="p-issued" name="issued" type="date" value=e.text("issued", String::new())
                    aria-invalid=e.invalid("issued") aria-describedby=e.described("issued", "p-issued", None) autofocus=e.focus("issued")/>
                {e.message("issued", "p-issued")}
                <label for="p-topic">{tr!("staff.policy_topic")}</label>
                <select id="p-topic" name="topic"
                    aria-invalid=e.invalid("topic") aria-describedby=e.described("topic", "p-topic", None) autofocus=e.focus("topic")>
                    <option value="">{tr!("staff.no_topic")}</option>
                    {topic_options}
                </select>
                {e.message("topic", "p-topic")}
                {e.form_message()}
                <button type="submit" class="button">{tr!("staff.save_draft")}</button>
            </ActionForm>
        </section>
    }
}

/// 月度进展: editors add dated reports (Markdown) to a topic's timeline or supervision stream.
#[component]
fn ReportForm(
    topics: Vec<crate::model::TopicLabel>,
    bodies: Vec<crate::model::Department>,
    role: crate::model::Role,
    echo: Option<crate::model::FormEcho>,
) -> impl IntoView {
    let action = ServerAction::<AddReport>::new();
    let e = Echoed::of(&echo, "report-new");
    let chosen = e.text("topic", String::new());
    let supervision = e.text("kind", String::new()) == "supervision";
    view! {
        <section aria-labelledby="report-heading">
            <h2 id="report-heading">{tr!("staff.new_report")}</h2>
            <ActionForm action attr:class="stack-form">
                <label for="r-topic">{tr!("staff.report_topic")}</label>
                <select id="r-topic" name="topic"
                    aria-invalid=e.invalid("topic") aria-describedby=e.described("topic", "r-topic", None) autofocus=e.focus("topic")>
                    {topics
                        .into_iter()
                        .map(|crate::model::TopicLabel { key: crate::model::TopicKey { year: y, month: m }, theme }| {
                            let value = format!("{y}-{m}");
                            let selected = value == chosen;
                            view! { <option value=value selected=selected>{format!("{y}-{m:02} {theme}")}</option> }
                        })
                        .collect_view()}
                </select>
                {e.message("topic", "r-topic")}
                <label for="r-kind">{tr!("staff.report_kind")}</label>
                <select id="r-kind" name="kind">
                    <option value="progress" selected=!supervision>{tr!("topic.reports")}</option>
                    <option value="supervision" selected=supervision>{tr!("topic.supervision")}</option>
                </select>
                <label for="r-date">{tr!("staff.report_date")}</label>
                <input id="r-date" name="date" type="date" required value=e.text("date", String::new())
                    aria-invalid=e.invalid("date") aria-describedby=e.described("date", "r-date", None) autofocus=e.focus("date")/>
                {e.message("date", "r-date")}
                <label for="r-title">{tr!("staff.report_title")}</label>
                <input id="r-title" name="title" type="text" required maxlength="200" value=e.text("title", String::new())
                    aria-invalid=e.invalid("title") aria-describedby=e.described("title", "r-title", None) autofocus=e.focus("title")/>
                {e.message("title", "r-title")}
                <crate::components::roles::ReportAuthorSelect bodies me=role/>
                <label for="r-body">{tr!("staff.report_body")}</label>
                <textarea id="r-body" name="body" rows="6" required
                    aria-invalid=e.invalid("body") aria-describedby=e.described("body", "r-body", Some("r-body-hint")) autofocus=e.focus("body") inner_html=text_box(e.text("body", String::new()))></textarea>
                {e.message("body", "r-body")}
                <p id="r-body-hint" class="muted">{tr!("staff.report_hint")}</p>
                {e.form_message()}
                <button type="submit" class="button">{tr!("staff.publish")}</button>
            </ActionForm>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use crate::components::form_echo::outcome_message;

    #[test]
    fn the_two_codes_that_drifted_have_their_own_words() {
        // `invalid_kind` was shown as the invalid-topic message and `invalid_import` fell
        // through to "unavailable" (issue 15).
        // Outside a render the locale is the default, zh-CN.
        let zh = |code| outcome_message(None, Some(code)).map(|(_, text)| text);
        let topic = zh("invalid_topic");
        let unavailable = zh("unavailable");
        for code in ["invalid_kind", "invalid_import"] {
            let text = zh(code);
            assert!(text.is_some());
            assert_ne!(text, topic, "{code}");
            assert_ne!(text, unavailable, "{code}");
        }
        assert_eq!(zh("invalid_no_such_field"), unavailable);
    }
}
