//! 答复模板 on the reply desk: the department's standing answers, each deletable, and the form
//! that saves one (a name it already has is replaced: how a template is corrected). A waiting
//! reply's card offers them as links (`?template=<id>&for=<reply>`), which fill its answer form
//! in to be fitted to the item — no JavaScript needed.

use crate::api::reply_desk::{DeleteReplyTemplate, SaveReplyTemplate};
use crate::components::form_echo::Echoed;
use crate::components::reply_fields::{ReplyFields, Saved};
use crate::i18n::when::date_time;
use crate::model::{FormEcho, ReplyTemplate, TEMPLATE_TITLE};
use crate::tr;
use leptos::prelude::*;

/// The 套用模板 links on a waiting reply's card: its department's templates.
#[component]
pub fn TemplateLinks(
    reply: i64,
    department: String,
    templates: Vec<ReplyTemplate>,
) -> impl IntoView {
    let links: Vec<_> = templates
        .into_iter()
        .filter(|t| t.department == department)
        .map(|t| {
            let href = format!("?template={}&for={reply}#reply-{reply}", t.id);
            view! { <li><a href=href>{t.title}</a></li> }
        })
        .collect();
    (!links.is_empty()).then(|| {
        view! {
            <div class="template-links">
                <p>{tr!("reply.template_use")}</p>
                <ul class="inline-list">{links}</ul>
            </div>
        }
    })
}

#[component]
pub fn Templates(
    templates: Vec<ReplyTemplate>,
    departments: Vec<String>,
    echo: Option<FormEcho>,
) -> impl IntoView {
    let list = if templates.is_empty() {
        view! { <p class="muted">{tr!("reply.templates_none")}</p> }.into_any()
    } else {
        view! { <ul class="plain-list">{templates.into_iter().map(|t| view! { <Template t/> }).collect_view()}</ul> }
            .into_any()
    };
    view! {
        <section id="templates" aria-labelledby="templates-h">
            <h2 id="templates-h">{tr!("reply.templates_heading")}</h2>
            <p class="muted">{tr!("reply.templates_intro")}</p>
            {list}
            <NewTemplate departments echo/>
        </section>
    }
}

#[component]
fn Template(t: ReplyTemplate) -> impl IntoView {
    let delete = ServerAction::<DeleteReplyTemplate>::new();
    let decision = t.decision.message_key();
    let reason = t.reason.map(|r| {
        let key = r.message_key();
        view! { " · "{tr!(key.as_str())} }
    });
    view! {
        <li class="card" id=format!("template-{}", t.id)>
            <h3>{t.title.clone()}</h3>
            <p class="muted">{t.department.clone()}" · "{tr!(decision.as_str())}{reason}</p>
            <p class="reply-body">{t.body.clone()}</p>
            <p class="muted">{tr!("reply.template_saved_by", name = t.updated_by.clone(), date = date_time(&t.updated_at))}</p>
            <ActionForm action=delete attr:class="inline-form">
                <input type="hidden" name="template_id" value=t.id.to_string()/>
                <button type="submit" class="button button-quiet">{tr!("reply.template_delete")}</button>
            </ActionForm>
        </li>
    }
}

#[component]
fn NewTemplate(departments: Vec<String>, echo: Option<FormEcho>) -> impl IntoView {
    let action = ServerAction::<SaveReplyTemplate>::new();
    let key = "template-new";
    let e = Echoed::of(&echo, key);
    let (dep_id, t_id) = (format!("{key}-department"), format!("{key}-title"));
    let department = e.text("department", String::new());
    let department_field = (!departments.is_empty()).then(|| {
        view! {
            <label for=dep_id.clone()>{tr!("reply.template_department")}</label>
            <select id=dep_id.clone() name="department" required aria-invalid=e.invalid("department")
                aria-describedby=e.described("department", &dep_id, None) autofocus=e.focus("department")>
                <option value="">{tr!("reply.choose")}</option>
                {departments.into_iter().map(|d| {
                    let selected = d == department;
                    view! { <option value=d.clone() selected=selected>{d.clone()}</option> }
                }).collect_view()}
            </select>
            {e.message("department", &dep_id)}
        }
    });
    let (open, title) = (e.any(), e.text("title", String::new()));
    view! {
        <details open=open>
            <summary>{tr!("reply.template_new")}</summary>
            <ActionForm action attr:class="stack-form">
                {department_field}
                <label for=t_id.clone()>{tr!("reply.template_title")}</label>
                <input id=t_id.clone() name="title" type="text" required
                    minlength=TEMPLATE_TITLE.start().to_string() maxlength=TEMPLATE_TITLE.end().to_string()
                    value=title aria-invalid=e.invalid("title")
                    aria-describedby=e.described("title", &t_id, None) autofocus=e.focus("title")/>
                {e.message("title", &t_id)}
                <ReplyFields key=key.to_string() e=e.clone() saved=Saved::default()/>
                <p class="muted">{tr!("reply.template_note")}</p>
                {e.form_message()}
                <button type="submit" class="button">{tr!("reply.template_save")}</button>
            </ActionForm>
        </details>
    }
}
