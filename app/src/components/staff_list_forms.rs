//! Editing a topic's task list and responsibility list one item at a time. Each item folds into
//! a `<details>` (no JavaScript) holding a form prefilled with its current values; a last form
//! adds a new item. Field limits match the server's checks.

use crate::api::authoring::{SaveResponsibility, SaveTask};
use crate::components::draft_delete::DraftDelete;
use crate::components::form_echo::Echoed;
use crate::components::raw_text::text_box;
use crate::components::staff_gate::{department_options, level_options, HistoryLink};
use crate::components::topic_lists::{level_label, responsibility_status, StatusBadge};
use crate::model::{
    Department, DraftPart, EditorProblem, Entity, Field, FormEcho, Level, Refusal, Responsibility,
    Task,
};
use crate::tr;
use leptos::prelude::*;

/// The fields of a task form; `key` keeps element ids unique on the page.
#[component]
fn TaskFields(
    key: String,
    task: Option<Task>,
    problems: Vec<EditorProblem>,
    departments: Vec<Department>,
    echoed: Echoed,
) -> impl IntoView {
    let e = echoed;
    let id = |f: &str| format!("{key}-{f}");
    let problem = e
        .id(
            "problem",
            task.as_ref().and_then(|t| t.problem_id).map(|p| p.0),
        )
        .map(crate::model::ProblemId);
    let owner = e.id("owner", task.as_ref().map(|t| t.owner.id));
    let level = Level::parse(&e.text("level", String::new())).or(task.as_ref().map(|t| t.level));
    let title = e.text(
        "title",
        task.as_ref().map(|t| t.title.clone()).unwrap_or_default(),
    );
    let due = e.text(
        "due",
        task.as_ref().map(|t| t.due.clone()).unwrap_or_default(),
    );
    let existing = task.is_some();
    let change_reason = e.text("change_reason", String::new());
    let hint_id = id("change_reason-hint");
    view! {
        <label for=id("title")>{tr!("staff.task_title")}</label>
        <input id=id("title") name="title" type="text" required minlength="2" maxlength="200" value=title
            aria-invalid=e.invalid("title") aria-describedby=e.described("title", &id("title"), None) autofocus=e.focus("title")/>
        {e.message("title", &id("title"))}
        <label for=id("problem")>{tr!("staff.task_problem")}</label>
        <select id=id("problem") name="problem">
            <option value="">{tr!("staff.no_problem")}</option>
            {problems
                .into_iter()
                .map(|p| view! { <option value=p.id.to_string() selected=problem == Some(p.id)>{p.title}</option> })
                .collect_view()}
        </select>
        <label for=id("owner")>{tr!("staff.task_owner")}</label>
        <select id=id("owner") name="owner" required
            aria-invalid=e.invalid("owner") aria-describedby=e.described("owner", &id("owner"), None) autofocus=e.focus("owner")>
            {department_options(&departments, owner)}
        </select>
        {e.message("owner", &id("owner"))}
        <label for=id("level")>{tr!("staff.level")}</label>
        <select id=id("level") name="level">{level_options(level)}</select>
        <label for=id("due")>{tr!("staff.task_due")}</label>
        <input id=id("due") name="due" type="date" required value=due
            aria-invalid=e.invalid("due") aria-describedby=e.described("due", &id("due"), None) autofocus=e.focus("due")/>
        {e.message("due", &id("due"))}
        {e.refused(Refusal::Invalid(Field::DueOutsideTopic)).then(|| view! {
            <label class="check">
                <input type="checkbox" name="confirm_dates" value="1"/>
                " "{tr!("staff.confirm_dates")}
            </label>
        })}
        {existing.then(|| view! {
            <label for=id("change_reason")>{tr!("staff.task_change_reason")}</label>
            <p class="muted" id=hint_id.clone()>{tr!("staff.task_change_reason_hint")}</p>
            <textarea id=id("change_reason") name="change_reason" rows="2" maxlength="500"
                aria-invalid=e.invalid("change_reason")
                aria-describedby=e.described("change_reason", &id("change_reason"), Some(&hint_id))
                autofocus=e.focus("change_reason") inner_html=text_box(&change_reason)></textarea>
            {e.message("change_reason", &id("change_reason"))}
        })}
        {e.form_message()}
    }
}

#[component]
pub fn TaskEditor(
    topic_id: crate::model::TopicId,
    tasks: Vec<Task>,
    problems: Vec<EditorProblem>,
    departments: Vec<Department>,
    echo: Option<FormEcho>,
    /// Never public: each item may be deleted.
    #[prop(optional)]
    draft: bool,
) -> impl IntoView {
    let rows = tasks
        .into_iter()
        .map(|task| {
            let (problems, departments) = (problems.clone(), departments.clone());
            let action = ServerAction::<SaveTask>::new();
            let task_id = task.id;
            let title = task.title.clone();
            let echoed = Echoed::of(&echo, &format!("task-{task_id}"));
            let open = echoed.any();
            let summary = format!(
                "{} · {} · {}",
                task.owner.name,
                level_label(task.level),
                tr!("task.due", date = crate::i18n::when::day(&task.due))
            );
            view! {
                <li class="card" data-task-id=task_id.0 id=format!("task-{task_id}")>
                    <details open=open>
                        <summary>
                            <strong>{task.title.clone()}</strong>" "<StatusBadge status=task.status/>
                            <br/><span class="muted">{summary}</span>
                        </summary>
                        <ActionForm action attr:class="stack-form">
                            <input type="hidden" name="topic_id" value=topic_id.to_string()/>
                            <input type="hidden" name="task_id" value=task_id.to_string()/>
                            <TaskFields key=format!("task-{task_id}") task=Some(task) problems departments echoed/>
                            <button type="submit" class="button">{tr!("staff.save")}</button>
                        </ActionForm>
                        <HistoryLink entity=Entity::Task id=task_id.0/>
                        {draft.then(|| view! {
                            <DraftDelete topic_id part=DraftPart::Task id=task_id.0 name=title.clone()/>
                        })}
                    </details>
                </li>
            }
        })
        .collect_view();
    let add = ServerAction::<SaveTask>::new();
    view! {
        <section aria-labelledby="edit-tasks">
            <h2 id="edit-tasks">{tr!("topic.tasks")}</h2>
            <ul class="plain-list">{rows}</ul>
            <h3 id="new-task">{tr!("staff.new_task")}</h3>
            <ActionForm action=add attr:class="stack-form" attr:aria-labelledby="new-task">
                <input type="hidden" name="topic_id" value=topic_id.to_string()/>
                <input type="hidden" name="task_id" value=""/>
                <TaskFields key="new-task".to_string() task=None problems departments echoed=Echoed::of(&echo, "task-new")/>
                <button type="submit" class="button">{tr!("staff.add")}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn ResponsibilityFields(
    key: String,
    responsibility: Option<Responsibility>,
    departments: Vec<Department>,
    echoed: Echoed,
) -> impl IntoView {
    let e = echoed;
    let id = |f: &str| format!("{key}-{f}");
    let text = e.text(
        "duty",
        responsibility
            .as_ref()
            .map(|d| d.duty.clone())
            .unwrap_or_default(),
    );
    let department = e.id(
        "department",
        responsibility.as_ref().map(|d| d.department.id),
    );
    let level: Option<Level> =
        Level::parse(&e.text("level", String::new())).or(responsibility.as_ref().map(|d| d.level));
    let batch = e
        .text("batch", String::new())
        .parse::<u8>()
        .ok()
        .or(responsibility.as_ref().map(|d| d.batch))
        .unwrap_or(1);
    view! {
        <label for=id("duty")>{tr!("staff.duty_text")}</label>
        <input id=id("duty") name="duty" type="text" required minlength="2" maxlength="200" value=text
            aria-invalid=e.invalid("duty") aria-describedby=e.described("duty", &id("duty"), None) autofocus=e.focus("duty")/>
        {e.message("duty", &id("duty"))}
        <label for=id("department")>{tr!("staff.duty_department")}</label>
        <select id=id("department") name="department" required
            aria-invalid=e.invalid("department") aria-describedby=e.described("department", &id("department"), None) autofocus=e.focus("department")>
            {department_options(&departments, department)}
        </select>
        {e.message("department", &id("department"))}
        <label for=id("level")>{tr!("staff.level")}</label>
        <select id=id("level") name="level">{level_options(level)}</select>
        <label for=id("batch")>{tr!("staff.batch")}</label>
        <select id=id("batch") name="batch">
            {(1u8..=5).map(|b| view! { <option value=b.to_string() selected=b == batch>{tr!("responsibility.batch", batch = b)}</option> }).collect_view()}
        </select>
        {e.form_message()}
    }
}

#[component]
pub fn ResponsibilityEditor(
    topic_id: crate::model::TopicId,
    responsibilities: Vec<Responsibility>,
    departments: Vec<Department>,
    echo: Option<FormEcho>,
    /// Never public: each item may be deleted.
    #[prop(optional)]
    draft: bool,
) -> impl IntoView {
    let rows = responsibilities
        .into_iter()
        .map(|responsibility| {
            let departments = departments.clone();
            let action = ServerAction::<SaveResponsibility>::new();
            let responsibility_id = responsibility.id;
            let duty = responsibility.duty.clone();
            let echoed = Echoed::of(&echo, &format!("responsibility-{responsibility_id}"));
            let open = echoed.any();
            let summary = format!(
                "{} · {} · {}",
                responsibility.department.name,
                level_label(responsibility.level),
                tr!("responsibility.batch", batch = responsibility.batch)
            );
            view! {
                <li class="card" data-responsibility-id=responsibility_id id=format!("responsibility-{responsibility_id}")>
                    <details open=open>
                        <summary>
                            <strong>{responsibility.duty.clone()}</strong>" "<StatusBadge status=responsibility_status(responsibility.state)/>
                            <br/><span class="muted">{summary}</span>
                        </summary>
                        <ActionForm action attr:class="stack-form">
                            <input type="hidden" name="topic_id" value=topic_id.to_string()/>
                            <input type="hidden" name="responsibility_id" value=responsibility_id.to_string()/>
                            <ResponsibilityFields key=format!("responsibility-{responsibility_id}") responsibility=Some(responsibility) departments echoed/>
                            <button type="submit" class="button">{tr!("staff.save")}</button>
                        </ActionForm>
                        <HistoryLink entity=Entity::Responsibility id=responsibility_id/>
                        {draft.then(|| view! {
                            <DraftDelete topic_id part=DraftPart::Responsibility id=responsibility_id name=duty.clone()/>
                        })}
                    </details>
                </li>
            }
        })
        .collect_view();
    let add = ServerAction::<SaveResponsibility>::new();
    view! {
        <section aria-labelledby="edit-duties">
            <h2 id="edit-duties">{tr!("topic.responsibilities")}</h2>
            <ul class="plain-list">{rows}</ul>
            <h3 id="new-responsibility">{tr!("staff.new_responsibility")}</h3>
            <ActionForm action=add attr:class="stack-form" attr:aria-labelledby="new-responsibility">
                <input type="hidden" name="topic_id" value=topic_id.to_string()/>
                <input type="hidden" name="responsibility_id" value=""/>
                <ResponsibilityFields key="new-responsibility".to_string() responsibility=None departments echoed=Echoed::of(&echo, "responsibility-new")/>
                <button type="submit" class="button">{tr!("staff.add")}</button>
            </ActionForm>
        </section>
    }
}
