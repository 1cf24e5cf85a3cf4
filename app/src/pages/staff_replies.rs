//! 答复工作台: the replies a department owes (every department's for editors), due soonest first;
//! for each, the reply with its decision and reason code, an extension asked for in public, an
//! interim note. Forms work without JavaScript and come back as typed when refused.

use crate::api::reply_desk::{
    load_reply_desk, AnswerReply, AssignReply, ExtendReply, PostInterimReply,
};
use crate::components::form_echo::{use_echo, Echoed};
use crate::components::loading::DataView;
use crate::components::raw_text::text_box;
use crate::components::reply_fields::{ReplyFields, Saved};
use crate::components::reply_reminders::ReminderAddress;
use crate::components::reply_status::ReplyClock;
use crate::components::reply_templates::{TemplateLinks, Templates};
use crate::components::same_answer::{Alike, SameAnswer};
use crate::components::staff_gate::{gate_view, HistoryLink, StaffNav};
use crate::model::{Entity, FormEcho, ReplyDesk, ReplyEntry, ReplyTemplate, REPLY_NOTE};
use crate::pages::staff::Flash;
use crate::tr;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

#[component]
pub fn StaffRepliesPage() -> impl IntoView {
    let desk = Resource::new_blocking(|| (), |_| load_reply_desk());
    let echo = use_echo();
    // 套用模板: `?template=<id>&for=<reply>` fills that reply's answer form in.
    let query = use_query_map();
    let chosen = query.with_untracked(|q| {
        let id = |name: &str| q.get(name).as_deref().and_then(crate::model::parse_id);
        id("template").zip(id("for"))
    });
    view! {
        <Title text=tr!("reply.desk_title")/>
        <Meta name="robots" content="noindex"/>
        <StaffNav/>
        <h1>{tr!("reply.desk_title")}</h1>
        <DataView>
            {move || Suspend::new(async move {
                let echo = echo.await;
                desk.await.map(move |gate| gate_view(gate, move |desk| view! {
                    <Flash echo=echo.clone()/>
                    <Desk desk echo chosen/>
                }))
            })}
        </DataView>
    }
}

#[component]
fn Desk(desk: ReplyDesk, echo: Option<FormEcho>, chosen: Option<(i64, i64)>) -> impl IntoView {
    let start = |reply: i64| {
        chosen
            .filter(|(_, for_reply)| *for_reply == reply)
            .and_then(|(template, _)| desk.templates.iter().find(|t| t.id == template).cloned())
    };
    // A department's own mailbox; editors answer for every department and name none.
    let reminders = desk.department.is_some().then(|| {
        view! { <ReminderAddress address=desk.reply_address.clone() echo=echo.clone()/> }
    });
    let intro = match desk.department {
        Some(name) => tr!("reply.desk_intro_department", department = name),
        None => tr!("reply.desk_intro_all"),
    };
    let list = if desk.entries.is_empty() {
        view! { <p class="muted">{tr!("reply.desk_none")}</p> }.into_any()
    } else {
        view! {
            <ul class="plain-list">
                {desk.entries.iter().cloned().map(|entry| {
                    let assignee = desk.assignees.iter().find(|(id, _)| *id == entry.reply.id).map(|(_, u)| u.clone());
                    let alike = alike_of(&entry, &desk.entries);
                    let start = start(entry.reply.id);
                    let templates = desk.templates.clone();
                    view! { <DeskCard entry echo=echo.clone() assignee colleagues=desk.colleagues.clone() alike templates start/> }
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <p>{intro}" "<a href=format!("{}#reasons", crate::paths::REPLIES)>{tr!("reply.reasons_heading")}</a></p>
        {list}
        {reminders}
        <Templates templates=desk.templates departments=desk.departments echo/>
    }
}

/// The waiting replies of a posted reply's department its answer could also go to.
fn alike_of(entry: &ReplyEntry, all: &[ReplyEntry]) -> Vec<Alike> {
    if entry.reply.answer.is_none() {
        return Vec::new();
    }
    all.iter()
        .map(|e| &e.reply)
        .filter(|r| r.answer.is_none() && r.department == entry.reply.department)
        .map(|r| (r.id, r.title.clone(), r.crossed_on.clone()))
        .collect()
}

fn item_words(item: crate::model::ReplyItem) -> String {
    match item {
        crate::model::ReplyItem::Suggestion => tr!("reply.see_suggestion"),
        crate::model::ReplyItem::Candidate => tr!("reply.see_candidate"),
    }
}

#[component]
fn DeskCard(
    entry: ReplyEntry,
    echo: Option<FormEcho>,
    assignee: Option<String>,
    colleagues: Vec<(String, String)>,
    alike: Vec<Alike>,
    templates: Vec<ReplyTemplate>,
    start: Option<ReplyTemplate>,
) -> impl IntoView {
    let reply = entry.reply.clone();
    let id = reply.id;
    let waiting = reply.answer.is_none();
    let decision = reply.answer.as_ref().map(|a| {
        let key = a.decision.message_key();
        view! { <p><strong>{tr!("reply.decision_label")}": "{tr!(key.as_str())}</strong></p> }
    });
    let more = waiting.then(|| {
        view! {
            <ExtensionForm id echo=echo.clone()/>
            <InterimForm id echo=echo.clone()/>
        }
    });
    view! {
        <li class="card" id=format!("reply-{id}")>
            <h2><a href=crate::paths::reply(id)>{reply.title.clone()}</a></h2>
            <p class="muted">
                <a href=reply.item_url.clone()>{item_words(reply.item)}</a>" · "
                <a href=crate::paths::cycle(&reply.cycle_slug)>{reply.cycle_title.clone()}</a>" · "
                <HistoryLink entity=Entity::Reply id=id/>
            </p>
            {decision}
            <ReplyClock entry=entry.clone()/>
            <Assign id assignee colleagues/>
            {waiting.then(|| view! { <TemplateLinks reply=id department=reply.department.clone() templates/> })}
            <AnswerForm entry echo=echo.clone() start/>
            <SameAnswer id alike/>
            {more}
        </li>
    }
}

/// 答复 (or 修改答复 once posted): decision, reason code for 不予采纳, words, link.
#[component]
fn AnswerForm(
    entry: ReplyEntry,
    echo: Option<FormEcho>,
    start: Option<ReplyTemplate>,
) -> impl IntoView {
    let action = ServerAction::<AnswerReply>::new();
    let id = entry.reply.id;
    let key = format!("reply-{id}-answer");
    let e = Echoed::of(&echo, &key);
    let posted = entry.reply.answer.is_some();
    // What the form starts from: the reply as posted, else the template chosen for it.
    let from_template = start.as_ref().filter(|_| !posted).map(|t| t.title.clone());
    let saved: Saved = match (&entry.reply.answer, start) {
        (Some(a), _) => (
            a.decision.as_str().to_string(),
            a.reason.map(|r| r.as_str().to_string()).unwrap_or_default(),
            a.body.clone(),
            a.link.clone().unwrap_or_default(),
        ),
        (None, Some(t)) => (
            t.decision.as_str().to_string(),
            t.reason.map(|r| r.as_str().to_string()).unwrap_or_default(),
            t.body,
            t.link.unwrap_or_default(),
        ),
        (None, None) => Saved::default(),
    };
    let summary = if posted {
        tr!("reply.correct")
    } else {
        tr!("reply.write")
    };
    let open = e.any() || !posted;
    let applied = from_template
        .map(|name| view! { <p class="flash flash-note">{tr!("reply.template_applied", name = name)}</p> });
    view! {
        <details open=open>
            <summary>{summary}</summary>
            {applied}
            <ActionForm action attr:class="stack-form">
                <input type="hidden" name="reply_id" value=id.to_string()/>
                <ReplyFields key=key.clone() e=e.clone() saved/>
                <p class="muted">{tr!("reply.public_note")}</p>
                {e.form_message()}
                <button type="submit" class="button">{tr!("reply.post")}</button>
            </ActionForm>
        </details>
    }
}

/// 申请延期: the new date and its reason, public at once.
#[component]
fn ExtensionForm(id: i64, echo: Option<FormEcho>) -> impl IntoView {
    let action = ServerAction::<ExtendReply>::new();
    let key = format!("reply-{id}-extend");
    let e = Echoed::of(&echo, &key);
    let (t_id, r_id) = (format!("{key}-to"), format!("{key}-reason"));
    let open = e.any();
    view! {
        <details open=open>
            <summary>{tr!("reply.extend")}</summary>
            <ActionForm action attr:class="stack-form">
                <input type="hidden" name="reply_id" value=id.to_string()/>
                <label for=t_id.clone()>{tr!("reply.extend_to")}</label>
                <input id=t_id.clone() name="to" type="date" required value=e.text("to", String::new())
                    aria-invalid=e.invalid("to") aria-describedby=e.described("to", &t_id, None) autofocus=e.focus("to")/>
                {e.message("to", &t_id)}
                <label for=r_id.clone()>{tr!("reply.extend_reason")}</label>
                <textarea id=r_id.clone() name="reason" rows="3" required
                    minlength=REPLY_NOTE.start().to_string() maxlength=REPLY_NOTE.end().to_string()
                    aria-invalid=e.invalid("reason") aria-describedby=e.described("reason", &r_id, None)
                    autofocus=e.focus("reason") inner_html=text_box(e.text("reason", String::new()))></textarea>
                {e.message("reason", &r_id)}
                <p class="muted">{tr!("reply.extend_note")}</p>
                {e.form_message()}
                <button type="submit" class="button">{tr!("reply.extend_submit")}</button>
            </ActionForm>
        </details>
    }
}

/// 阶段性答复: where things stand, expected by half the time.
#[component]
fn InterimForm(id: i64, echo: Option<FormEcho>) -> impl IntoView {
    let action = ServerAction::<PostInterimReply>::new();
    let key = format!("reply-{id}-interim");
    let e = Echoed::of(&echo, &key);
    let n_id = format!("{key}-note");
    let open = e.any();
    view! {
        <details open=open>
            <summary>{tr!("reply.interim")}</summary>
            <ActionForm action attr:class="stack-form">
                <input type="hidden" name="reply_id" value=id.to_string()/>
                <label for=n_id.clone()>{tr!("reply.interim_field")}</label>
                <textarea id=n_id.clone() name="note" rows="3" required
                    minlength=REPLY_NOTE.start().to_string() maxlength=REPLY_NOTE.end().to_string()
                    aria-invalid=e.invalid("note") aria-describedby=e.described("note", &n_id, None)
                    autofocus=e.focus("note") inner_html=text_box(e.text("note", String::new()))></textarea>
                {e.message("note", &n_id)}
                {e.form_message()}
                <button type="submit" class="button">{tr!("reply.interim_submit")}</button>
            </ActionForm>
        </details>
    }
}

/// 经办人 and 交给同事: who handles the reply; department staff hand it to a colleague.
#[component]
fn Assign(id: i64, assignee: Option<String>, colleagues: Vec<(String, String)>) -> impl IntoView {
    let named = assignee.clone().map(|who| {
        let name = colleagues
            .iter()
            .find(|(u, _)| *u == who)
            .map_or(who.clone(), |(_, n)| n.clone());
        view! { <p class="muted">{tr!("reply.assignee", name = name)}</p> }
    });
    let form = (!colleagues.is_empty()).then(|| {
        let action = ServerAction::<AssignReply>::new();
        let select_id = format!("reply-{id}-assignee");
        let current = assignee.unwrap_or_default();
        view! {
            <ActionForm action attr:class="inline-form">
                <input type="hidden" name="reply_id" value=id.to_string()/>
                <label for=select_id.clone()>{tr!("reply.assign")}</label>
                <select id=select_id name="assignee">
                    <option value="">{tr!("reply.assign_none")}</option>
                    {colleagues.into_iter().map(|(u, n)| {
                        let selected = u == current;
                        view! { <option value=u selected=selected>{n}</option> }
                    }).collect_view()}
                </select>
                <button type="submit" class="button button-quiet">{tr!("staff.save")}</button>
            </ActionForm>
        }
    });
    view! { {named}{form} }
}
