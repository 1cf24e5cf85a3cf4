//! 工作台: staff sign in, update their department's tasks, draft and publish policies, and
//! (administrators) read the audit log. Plain forms with post/redirect/get: no JavaScript needed.

use crate::api::staff::{
    audit_log, load_staff_desk, AddReport, AuditView, DraftPolicy, Login, Logout, PublishPolicy,
    SetTaskState,
};
use crate::components::loading::DataView;
use crate::components::topic_lists::{level_label, StatusBadge};
use crate::model::{StaffDesk, StaffTask, TaskState};
use crate::pages::month_name;
use crate::tr;
use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

/// The outcome codes a staff action may report, and their message keys.
fn outcome_message(done: Option<&str>, error: Option<&str>) -> Option<(bool, String)> {
    let key = match (done, error) {
        (Some("task_updated"), _) => "staff.done.task_updated",
        (Some("policy_drafted"), _) => "staff.done.policy_drafted",
        (Some("policy_published"), _) => "staff.done.policy_published",
        (Some("logged_out"), _) => "staff.done.logged_out",
        (Some("import_done"), _) => "staff.done.import_done",
        (Some("report_published"), _) => "staff.done.report_published",
        (Some("account_updated"), _) => "staff.done.account_updated",
        (_, Some("invalid_self")) => "staff.error.invalid_self",
        (_, Some("invalid_body")) => "staff.error.invalid_body",
        (_, Some("invalid_kind")) => "staff.error.invalid_topic",
        (_, Some("invalid_size")) => "staff.error.invalid_size",
        (_, Some("bad_credentials")) => "staff.error.bad_credentials",
        (_, Some("throttled")) => "staff.error.throttled",
        (_, Some("not_signed_in")) => "staff.error.not_signed_in",
        (_, Some("forbidden")) => "staff.error.forbidden",
        (_, Some("not_found")) => "staff.error.not_found",
        (_, Some("invalid_title")) => "staff.error.invalid_title",
        (_, Some("invalid_issuer")) => "staff.error.invalid_issuer",
        (_, Some("invalid_date")) => "staff.error.invalid_date",
        (_, Some("invalid_topic")) => "staff.error.invalid_topic",
        (_, Some("invalid_state")) => "staff.error.invalid_state",
        (_, Some(_)) => "staff.error.unavailable",
        (Some(_), None) | (None, None) => return None,
    };
    Some((error.is_none(), tr!(key)))
}

#[component]
pub(crate) fn Flash() -> impl IntoView {
    let query = use_query_map();
    let q = query.read_untracked();
    outcome_message(q.get("done").as_deref(), q.get("error").as_deref()).map(|(ok, text)| {
        let (class, role) = if ok {
            ("flash flash-ok", "status")
        } else {
            ("flash flash-error", "alert")
        };
        view! { <p class=class role=role>{text}</p> }
    })
}

#[component]
pub fn StaffLoginPage() -> impl IntoView {
    let action = ServerAction::<Login>::new();
    let query = use_query_map();
    let username = query.read_untracked().get("username").unwrap_or_default();
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
            <button type="submit" class="button">{tr!("staff.sign_in")}</button>
        </ActionForm>
        <p class="muted">{tr!("staff.login_note")}</p>
    }
}

#[component]
pub fn StaffDeskPage() -> impl IntoView {
    let desk = Resource::new_blocking(|| (), |_| load_staff_desk());
    view! {
        <Title text=tr!("staff.desk_title")/>
        <Meta name="robots" content="noindex"/>
        <DataView>
            {move || Suspend::new(async move {
                desk.await.map(|desk| match desk {
                    Some(desk) => Either::Left(view! { <Desk desk/> }),
                    None => Either::Right(view! { <h1>{tr!("staff.desk_title")}</h1><SignInFirst/> }),
                })
            })}
        </DataView>
    }
}

#[component]
fn SignInFirst() -> impl IntoView {
    view! {
        <p>{tr!("staff.error.not_signed_in")}</p>
        <p><a class="button" href="/staff/login">{tr!("staff.sign_in")}</a></p>
    }
}

#[component]
fn Desk(desk: StaffDesk) -> impl IntoView {
    let me = desk.me;
    let logout = ServerAction::<Logout>::new();
    let department = me.department.clone().map(|d| d.name).unwrap_or_default();
    let import = me
        .may_author()
        .then(|| view! { <crate::pages::staff_import::ImportForm topics=desk.topics.clone()/> });
    let reports = me
        .may_author()
        .then(|| view! { <ReportForm topics=desk.topics.clone()/> });
    let author = me
        .may_author()
        .then(|| view! { <Authoring drafts=desk.drafts topics=desk.topics/> });
    let audit = me.may_read_audit().then(|| {
        view! {
            <p>
                <a href="/staff/audit">{tr!("staff.audit_title")}</a>
                " · "
                <a href="/staff/accounts">{tr!("staff.accounts_title")}</a>
            </p>
        }
    });
    view! {
        <h1>{tr!("staff.desk_title")}</h1>
        <Flash/>
        <p>{tr!("staff.signed_in_as", name = me.display_name.clone())}" "<span class="muted">{department}</span></p>
        <ActionForm action=logout attr:class="inline-form">
            <button type="submit" class="button button-quiet">{tr!("staff.sign_out")}</button>
            <button type="submit" name="everywhere" value="1" class="button button-quiet">
                {tr!("staff.sign_out_everywhere")}
            </button>
        </ActionForm>
        {audit}
        <section aria-labelledby="desk-tasks">
            <h2 id="desk-tasks">{tr!("topic.tasks")}</h2>
            <ul class="task-list">
                {desk.tasks.into_iter().map(|t| view! { <TaskRow item=t/> }).collect_view()}
            </ul>
        </section>
        {author}
        {reports}
        {import}
    }
}

#[component]
fn TaskRow(item: StaffTask) -> impl IntoView {
    let StaffTask {
        topic,
        task,
        editable,
    } = item;
    let (year, month, theme) = topic;
    let form = editable.then(|| {
        let action = ServerAction::<SetTaskState>::new();
        let id = task.id.to_string();
        let select_id = format!("state-{}", task.id);
        let current = task.state;
        let options = [
            TaskState::NotStarted,
            TaskState::InProgress,
            TaskState::Done,
        ]
        .into_iter()
        .map(|s| {
            let label = match s {
                TaskState::NotStarted => tr!("status.not_started"),
                TaskState::InProgress => tr!("status.in_progress"),
                TaskState::Done => tr!("status.done"),
            };
            view! { <option value=s.as_str() selected=current == s>{label}</option> }
        })
        .collect_view();
        view! {
            <ActionForm action attr:class="inline-form">
                <input type="hidden" name="task_id" value=id/>
                <label for=select_id.clone()>{tr!("staff.new_state")}</label>
                <select id=select_id name="state">{options}</select>
                <button type="submit" class="button">{tr!("staff.save")}</button>
            </ActionForm>
        }
    });
    view! {
        <li class="card task" data-task-id=task.id>
            <p class="task-title">{task.title}" "<StatusBadge status=task.status/></p>
            <p class="task-meta">
                {task.owner.name}" · "{level_label(task.level)}" · "{tr!("task.due", date = task.due)}
                " · "
                <a href=format!("/topics/{year}/{month}")>{theme}" "{tr!("topic.when", year = year, month = month_name(month))}</a>
            </p>
            {form}
        </li>
    }
}

#[component]
fn Authoring(drafts: Vec<crate::model::Policy>, topics: Vec<(i32, u8, String)>) -> impl IntoView {
    let draft = ServerAction::<DraftPolicy>::new();
    let topic_options = topics
        .into_iter()
        .map(|(y, m, theme)| view! { <option value=format!("{y}-{m}")>{format!("{y}-{m:02} {theme}")}</option> })
        .collect_view();
    let draft_items = drafts
        .into_iter()
        .map(|p| {
            let publish = ServerAction::<PublishPolicy>::new();
            view! {
                <li class="card">
                    <p><strong>{p.title}</strong>" "<span class="badge badge-uncertain">{tr!("staff.draft")}</span></p>
                    <p class="muted">{p.issuer}" "{p.issued.unwrap_or_default()}</p>
                    <ActionForm action=publish>
                        <input type="hidden" name="policy_id" value=p.id.to_string()/>
                        <button type="submit" class="button">{tr!("staff.publish")}</button>
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
                <input id="p-title" name="title" type="text" required maxlength="200"/>
                <label for="p-issuer">{tr!("policy.issuer")}</label>
                <input id="p-issuer" name="issuer" type="text" required maxlength="100"/>
                <label for="p-issued">{tr!("policy.issued")}</label>
                <input id="p-issued" name="issued" type="date"/>
                <label for="p-topic">{tr!("staff.policy_topic")}</label>
                <select id="p-topic" name="topic">
                    <option value="">{tr!("staff.no_topic")}</option>
                    {topic_options}
                </select>
                <button type="submit" class="button">{tr!("staff.save_draft")}</button>
            </ActionForm>
        </section>
    }
}

/// 月度进展: editors add dated reports (Markdown) to a topic's timeline or supervision stream.
#[component]
fn ReportForm(topics: Vec<(i32, u8, String)>) -> impl IntoView {
    let action = ServerAction::<AddReport>::new();
    view! {
        <section aria-labelledby="report-heading">
            <h2 id="report-heading">{tr!("staff.new_report")}</h2>
            <ActionForm action attr:class="stack-form">
                <label for="r-topic">{tr!("staff.report_topic")}</label>
                <select id="r-topic" name="topic">
                    {topics
                        .into_iter()
                        .map(|(y, m, theme)| view! { <option value=format!("{y}-{m}")>{format!("{y}-{m:02} {theme}")}</option> })
                        .collect_view()}
                </select>
                <label for="r-kind">{tr!("staff.report_kind")}</label>
                <select id="r-kind" name="kind">
                    <option value="progress">{tr!("topic.reports")}</option>
                    <option value="supervision">{tr!("topic.supervision")}</option>
                </select>
                <label for="r-date">{tr!("staff.report_date")}</label>
                <input id="r-date" name="date" type="date" required/>
                <label for="r-title">{tr!("staff.report_title")}</label>
                <input id="r-title" name="title" type="text" required maxlength="200"/>
                <label for="r-author">{tr!("staff.report_author")}</label>
                <input id="r-author" name="author" type="text" required maxlength="100"/>
                <label for="r-body">{tr!("staff.report_body")}</label>
                <textarea id="r-body" name="body" rows="6" required aria-describedby="r-body-hint"></textarea>
                <p id="r-body-hint" class="muted">{tr!("staff.report_hint")}</p>
                <button type="submit" class="button">{tr!("staff.publish")}</button>
            </ActionForm>
        </section>
    }
}

#[component]
pub fn StaffAuditPage() -> impl IntoView {
    let entries = Resource::new_blocking(|| (), |_| audit_log());
    view! {
        <Title text=tr!("staff.audit_title")/>
        <Meta name="robots" content="noindex"/>
        <h1>{tr!("staff.audit_title")}</h1>
        <DataView>
            {move || Suspend::new(async move {
                entries.await.map(|entries| match entries {
                    AuditView::SignInFirst => EitherOf3::A(view! { <SignInFirst/> }),
                    AuditView::Forbidden => {
                        #[cfg(feature = "ssr")]
                        crate::request::set_status(http::StatusCode::FORBIDDEN);
                        EitherOf3::B(view! { <p class="flash flash-error" role="alert">{tr!("staff.error.forbidden")}</p> })
                    }
                    AuditView::Entries(entries) => EitherOf3::C(view! {
                        <ol class="plain-list audit">
                            {entries
                                .into_iter()
                                .map(|e| view! {
                                    <li>
                                        <time datetime=e.at.clone()>{e.at.clone()}</time>" · "
                                        <strong>{e.username}</strong>" · "{e.action}" · "{e.subject}" "
                                        <span class="muted">{e.detail}</span>
                                    </li>
                                })
                                .collect_view()}
                        </ol>
                    }),
                })
            })}
        </DataView>
    }
}
