//! 编辑主题: one topic's fields and plan, its problems, task list and responsibility list, each
//! item with its own small form and revision history. Plain forms: no JavaScript needed.

use crate::api::authoring::{load_editor_topic, SaveProblem, SaveTopic};
use crate::api::hotline::LinkProblemClass;
use crate::components::badges::PublishBadge;
use crate::components::draft_delete::DraftDelete;
use crate::components::form_echo::{use_echo, Echoed};
use crate::components::loading::DataView;
use crate::components::staff_gate::{gate_view, HistoryLink, StaffNav};
use crate::components::staff_list_forms::{ResponsibilityEditor, TaskEditor};
use crate::model::{
    parse_id, DraftPart, EditorProblem, EditorTopic, Entity, FormEcho, PublishState,
};
use crate::pages::staff::Flash;
use crate::pages::staff_publish::{Item, PublishPanel};
use crate::pages::staff_topics::TopicFields;
use crate::pages::{month_name, NotFound};
use crate::tr;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

#[component]
pub fn StaffTopicEditPage() -> impl IntoView {
    let params = use_params_map();
    let id = params
        .read_untracked()
        .get("id")
        .as_deref()
        .and_then(parse_id);
    let Some(id) = id else {
        return Either::Left(view! { <NotFound/> });
    };
    let topic = Resource::new_blocking(move || id, load_editor_topic);
    let echo = use_echo();
    Either::Right(view! {
        <Title text=tr!("staff.edit_topic")/>
        <Meta name="robots" content="noindex"/>
        <StaffNav/>
        <DataView>
            {move || Suspend::new(async move {
                let echo = echo.await;
                topic.await.map(|gate| gate_view(gate, |topic| view! {
                    <Flash echo=echo.clone()/>
                    <Editor topic echo/>
                }))
            })}
        </DataView>
    })
}

#[component]
fn Editor(topic: EditorTopic, echo: Option<FormEcho>) -> impl IntoView {
    let save = ServerAction::<SaveTopic>::new();
    let public = crate::paths::topic(topic.year, topic.month);
    let published_policies: Vec<(i64, String)> = topic
        .policies
        .iter()
        .filter(|(_, _, state)| *state == PublishState::Published)
        .map(|(id, title, _)| (*id, title.clone()))
        .collect();
    let what = vec![
        tr!("editor.public_theme", theme = topic.theme.clone()),
        tr!(
            "editor.public_lists",
            problems = topic.problems.len(),
            tasks = topic.tasks.len(),
            responsibilities = topic.responsibilities.len()
        ),
        tr!("editor.public_lists_where"),
    ];
    let publish = view! {
        <PublishPanel
            item=Item::Topic(topic.id)
            state=topic.state
            editor_url=crate::paths::staff_topic(topic.id)
            public_url=public.clone()
            public=what
            echo=echo.clone()
            checks=crate::model::publish_checks(&topic)
            policies=published_policies
        />
    };
    let draft = topic.state == PublishState::Draft;
    let delete_topic = draft.then(|| view! {
        <DraftDelete topic_id=topic.id part=DraftPart::Topic id=topic.id.0 name=topic.theme.clone()/>
    });
    let topic_echo = Echoed::of(&echo, "topic");
    let preview_label = if topic.state == PublishState::Published {
        tr!("staff.public_page")
    } else {
        tr!("editor.preview_link")
    };
    let when = tr!(
        "topic.when",
        year = topic.year,
        month = month_name(topic.month)
    );
    let form_departments = topic.departments.clone();
    let task_departments = topic.departments.clone();
    let (theme, summary, plan) = (
        topic.theme.clone(),
        topic.summary.clone(),
        topic.plan_markdown.clone(),
    );
    view! {
        <h1>{topic.theme.clone()}</h1>
        <p>
            {when}" "<PublishBadge state=topic.state/>" · "
            <a href=public>{preview_label}</a>" · "
            <HistoryLink entity=Entity::Topic id=topic.id.0/>
        </p>
        {publish}
        {delete_topic}
        <section aria-labelledby="topic-fields">
            <h2 id="topic-fields">{tr!("staff.topic_fields")}</h2>
            <ActionForm action=save attr:class="stack-form">
                <input type="hidden" name="topic_id" value=topic.id.to_string()/>
                <input type="hidden" name="year" value=topic.year.to_string()/>
                <input type="hidden" name="month" value=topic.month.to_string()/>
                <TopicFields theme summary plan lead=topic.lead_id departments=form_departments echoed=topic_echo/>
                <button type="submit" class="button">{tr!("staff.save")}</button>
            </ActionForm>
        </section>
        <crate::components::roles::CooperatingForm topic_id=topic.id lead=topic.lead_id
            departments=topic.departments.clone() chosen=topic.cooperating.clone()/>
        <Problems topic_id=topic.id problems=topic.problems.clone() classes=topic.hotline_classes.clone() echo=echo.clone() draft/>
        <TaskEditor
            topic_id=topic.id
            tasks=topic.tasks.clone()
            problems=topic.problems.clone()
            departments=task_departments
            echo=echo.clone()
            draft
        />
        <ResponsibilityEditor topic_id=topic.id responsibilities=topic.responsibilities.clone() departments=topic.departments.clone() echo draft/>
        <Documents policies=topic.policies.clone() reports=topic.reports.clone()/>
    }
}

/// The topic's policies and reports, each opening its own edit page.
#[component]
fn Documents(
    policies: Vec<(i64, String, PublishState)>,
    reports: Vec<(i64, String, String)>,
) -> impl IntoView {
    view! {
        <section aria-labelledby="topic-documents">
            <h2 id="topic-documents">{tr!("staff.documents")}</h2>
            <h3>{tr!("topic.policies")}</h3>
            <ul class="plain-list">
                {policies
                    .into_iter()
                    .map(|(id, title, state)| view! {
                        <li><a href=crate::paths::staff_policy(id)>{title}</a>" "<PublishBadge state/></li>
                    })
                    .collect_view()}
            </ul>
            <h3>{tr!("topic.reports")}</h3>
            <ul class="plain-list">
                {reports
                    .into_iter()
                    .map(|(id, date, title)| view! {
                        <li><a href=crate::paths::staff_report(id)>{format!("{date} {title}")}</a></li>
                    })
                    .collect_view()}
            </ul>
            <p class="muted">{tr!("staff.documents_note")}</p>
        </section>
    }
}

#[component]
fn Problems(
    topic_id: crate::model::TopicId,
    problems: Vec<EditorProblem>,
    classes: Vec<String>,
    echo: Option<FormEcho>,
    /// Never public: each problem may be deleted.
    draft: bool,
) -> impl IntoView {
    let rows = problems
        .into_iter()
        .map(|p| {
            let e = Echoed::of(&echo, &format!("problem-{}", p.id));
            let field = format!("problem-{}", p.id);
            let marker = e.marker();
            let (value, invalid, described, focus, message) = (
                e.text("title", p.title.clone()),
                e.invalid("title"),
                e.described("title", &field, None),
                e.focus("title"),
                e.message("title", &field),
            );
            let action = ServerAction::<SaveProblem>::new();
            let link = ServerAction::<LinkProblemClass>::new();
            let class_field = format!("problem-{}-class", p.id);
            let current = p.hotline_class.clone().unwrap_or_default();
            let options = classes
                .iter()
                .map(|c| view! { <option value=c.clone() selected=*c == current>{c.clone()}</option> })
                .collect_view();
            view! {
                <li class="card">
                    <ActionForm action attr:class="inline-form">
                        <input type="hidden" name="topic_id" value=topic_id.to_string()/>
                        <input type="hidden" name="problem_id" value=p.id.to_string()/>
                        {marker}
                        <label for=field.clone() class="visually-hidden">{tr!("staff.problem_title")}</label>
                        <input id=field.clone() name="title" type="text" required minlength="2" maxlength="200" value=value
                            aria-invalid=invalid aria-describedby=described autofocus=focus/>
                        <button type="submit" class="button button-quiet">{tr!("staff.save")}</button>
                    </ActionForm>
                    {message}
                    <ActionForm action=link attr:class="inline-form">
                        <input type="hidden" name="topic_id" value=topic_id.to_string()/>
                        <input type="hidden" name="problem_id" value=p.id.to_string()/>
                        <label for=class_field.clone()>{tr!("hotline.problem_class")}</label>
                        <select id=class_field name="class">
                            <option value="" selected=current.is_empty()>{tr!("hotline.no_class")}</option>
                            {options}
                        </select>
                        <button type="submit" class="button button-quiet">{tr!("staff.save")}</button>
                    </ActionForm>
                    <HistoryLink entity=Entity::Problem id=p.id.0/>
                    {draft.then(|| view! {
                        <DraftDelete topic_id part=DraftPart::Problem id=p.id.0 name=p.title.clone()/>
                    })}
                </li>
            }
        })
        .collect_view();
    let add = ServerAction::<SaveProblem>::new();
    let e = Echoed::of(&echo, "problem-new");
    view! {
        <section aria-labelledby="topic-problems">
            <h2 id="topic-problems">{tr!("staff.problems")}</h2>
            <ul class="plain-list">{rows}</ul>
            <ActionForm action=add attr:class="stack-form">
                <input type="hidden" name="topic_id" value=topic_id.to_string()/>
                <input type="hidden" name="problem_id" value=""/>
                {e.marker()}
                <label for="new-problem">{tr!("staff.new_problem")}</label>
                <input id="new-problem" name="title" type="text" required minlength="2" maxlength="200" value=e.text("title", String::new())
                    aria-invalid=e.invalid("title") aria-describedby=e.described("title", "new-problem", None) autofocus=e.focus("title")/>
                {e.message("title", "new-problem")}
                <button type="submit" class="button">{tr!("staff.add")}</button>
            </ActionForm>
        </section>
    }
}
