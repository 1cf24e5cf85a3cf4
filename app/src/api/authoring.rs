//! Authoring server functions: editors create and edit topics, problems, tasks, responsibilities and
//! departments; department staff report responsibility status; administrators add accounts. Same shape as
//! `staff.rs`: plain form posts answered with a redirect carrying an outcome code.

use crate::model::{Department, EditorTopic, EditorTopicList, Revision};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::echo::ssr::{back_echo, Refused};
#[cfg(feature = "ssr")]
use super::staff::ssr::{back, me};

/// Where a topic form's checks point: the service's field tokens → the form's input names.
#[cfg(feature = "ssr")]
const TOPIC_NAMES: &[(&str, &str)] = &[("title", "theme"), ("department", "lead")];
#[cfg(feature = "ssr")]
const TASK_NAMES: &[(&str, &str)] = &[
    ("department", "owner"),
    ("date", "due"),
    ("due_outside_topic", "due"),
];

/// `new` for a new item's form, else the item's id: the form's key on its page.
#[cfg(feature = "ssr")]
fn form_key(kind: &str, id: &str) -> String {
    match id.trim() {
        "" => format!("{kind}-new"),
        id => format!("{kind}-{id}"),
    }
}

/// What an authoring page may show the visitor.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub enum Gate<T> {
    SignInFirst,
    Forbidden,
    NotFound,
    Ok(T),
}

#[cfg(feature = "ssr")]
fn author() -> Result<crate::api::AuthorHandle, ServerFnError> {
    use_context::<crate::api::AuthorHandle>().ok_or_else(|| {
        tracing::error!("AuthorHandle missing from the Leptos context");
        ServerFnError::new(crate::api::UNAVAILABLE)
    })
}

/// Runs a read for the signed-in member and sorts the outcome into what the page shows.
#[cfg(feature = "ssr")]
pub(super) async fn gated<T, F, Fut>(read: F) -> Result<Gate<T>, ServerFnError>
where
    F: FnOnce(crate::api::AuthorHandle, crate::model::StaffMember) -> Fut,
    Fut: std::future::Future<Output = Result<T, crate::api::StaffError>>,
{
    use crate::api::StaffError;
    let Some(member) = me().await.map_err(|e| ServerFnError::new(e.code()))? else {
        return Ok(Gate::SignInFirst);
    };
    match read(author()?, member).await {
        Ok(value) => Ok(Gate::Ok(value)),
        Err(StaffError::Forbidden) => Ok(Gate::Forbidden),
        Err(StaffError::NotFound) => Ok(Gate::NotFound),
        Err(e) => Err(ServerFnError::new(e.code())),
    }
}

/// Runs an action for the signed-in member.
#[cfg(feature = "ssr")]
pub(super) async fn act<T, F, Fut>(action: F) -> Result<T, crate::api::StaffError>
where
    F: FnOnce(crate::api::AuthorHandle, crate::model::StaffMember) -> Fut,
    Fut: std::future::Future<Output = Result<T, crate::api::StaffError>>,
{
    let member = me().await?.ok_or(crate::api::StaffError::NotSignedIn)?;
    let handle =
        author().map_err(|_| crate::api::StaffError::Internal("no author handle".into()))?;
    action(handle, member).await
}

/// A form's id field that must hold an id. A bad one is refused as an argument Leptos could not
/// decode (`Args`), exactly as an `i64` parameter was: the edge answers 400 and keeps the form.
#[cfg(feature = "ssr")]
pub(super) fn required_id(text: &str, field: &str) -> Result<i64, ServerFnError> {
    crate::model::parse_id(text.trim())
        .ok_or_else(|| ServerFnError::Args(format!("{field}: not an id")))
}

/// `""` → a new item; otherwise the id of the item being edited.
#[cfg(feature = "ssr")]
fn optional_id(text: &str) -> Result<Option<i64>, crate::api::StaffError> {
    match text.trim() {
        "" => Ok(None),
        t => crate::model::parse_id(t)
            .map(Some)
            .ok_or(crate::api::StaffError::NotFound),
    }
}

#[server]
pub async fn load_editor_topics() -> Result<Gate<EditorTopicList>, ServerFnError> {
    gated(|h, m| async move { h.0.topics(&m).await }).await
}

#[server]
pub async fn load_editor_topic(id: i64) -> Result<Gate<EditorTopic>, ServerFnError> {
    gated(|h, m| async move { h.0.topic(&m, id).await }).await
}

#[server]
pub async fn load_editor_departments() -> Result<Gate<Vec<Department>>, ServerFnError> {
    gated(|h, m| async move { h.0.departments(&m).await }).await
}

#[server]
pub async fn load_history(entity: String, id: i64) -> Result<Gate<Vec<Revision>>, ServerFnError> {
    let Some(entity) = crate::model::Entity::parse(&entity) else {
        return Ok(Gate::NotFound);
    };
    gated(|h, m| async move { h.0.history(&m, entity, id).await }).await
}

#[server]
pub async fn save_topic(
    #[server(flatten)] form: crate::api::forms::TopicForm,
) -> Result<(), ServerFnError> {
    let editing = !form.topic_id.trim().is_empty();
    let refused = Refused {
        form: if editing { "topic" } else { "topic-new" }.into(),
        anchor: if editing { "topic-fields" } else { "new-topic" }.into(),
        fields: form.echo(),
        names: TOPIC_NAMES,
    };
    let topic_id = form.topic_id.clone();
    let outcome = async {
        let input = crate::api::TopicInput {
            id: optional_id(&topic_id)?,
            form,
        };
        act(|h, m| async move { h.0.save_topic(&m, input).await }).await
    }
    .await;
    match outcome {
        Ok(id) => back(
            &crate::paths::staff_topic(id),
            Ok(crate::model::Done::TopicSaved),
        ),
        Err(err) => {
            let path = match optional_id(&topic_id) {
                Ok(Some(id)) => crate::paths::staff_topic(id),
                _ => "/staff/topics".to_string(),
            };
            back_echo(&path, refused, Err(err)).await;
        }
    }
    Ok(())
}

/// 发布, in two steps: without `confirm` it only opens the confirmation (what becomes public);
/// the confirmation's own form posts again with `confirm=1`.
#[server]
pub async fn publish_topic(topic_id: i64, confirm: Option<String>) -> Result<(), ServerFnError> {
    if confirm.as_deref() != Some("1") {
        leptos_axum::redirect(&format!(
            "{}?confirm=publish#publish",
            crate::paths::staff_topic(topic_id)
        ));
        return Ok(());
    }
    let outcome = act(|h, m| async move { h.0.publish_topic(&m, topic_id).await }).await;
    back(
        &crate::paths::staff_topic(topic_id),
        outcome.map(|()| crate::model::Done::TopicPublished),
    );
    Ok(())
}

#[server]
pub async fn save_problem(
    topic_id: i64,
    problem_id: String,
    title: String,
) -> Result<(), ServerFnError> {
    let refused = Refused {
        form: form_key("problem", &problem_id),
        anchor: "topic-problems".into(),
        fields: vec![("title", title.clone())],
        names: &[],
    };
    let outcome = async {
        let input = crate::api::ProblemInput {
            topic_id,
            id: optional_id(&problem_id)?,
            title,
        };
        act(|h, m| async move { h.0.save_problem(&m, input).await }).await
    }
    .await;
    back_echo(
        &crate::paths::staff_topic(topic_id),
        refused,
        outcome.map(|()| crate::model::Done::ItemSaved),
    )
    .await;
    Ok(())
}

#[server]
pub async fn save_task(
    #[server(flatten)] form: crate::api::forms::TaskForm,
) -> Result<(), ServerFnError> {
    let topic_id = required_id(&form.topic_id, "topic_id")?;
    let refused = Refused {
        form: form_key("task", &form.task_id),
        anchor: match form.task_id.trim() {
            "" => "new-task".into(),
            id => format!("task-{id}"),
        },
        fields: form.echo(),
        names: TASK_NAMES,
    };
    let outcome = async {
        let input = crate::api::TaskInput {
            topic_id,
            id: optional_id(&form.task_id)?,
            form,
        };
        act(|h, m| async move { h.0.save_task(&m, input).await }).await
    }
    .await;
    back_echo(
        &crate::paths::staff_topic(topic_id),
        refused,
        outcome.map(|()| crate::model::Done::ItemSaved),
    )
    .await;
    Ok(())
}

#[server]
pub async fn save_responsibility(
    topic_id: i64,
    responsibility_id: String,
    duty: String,
    department: String,
    level: String,
    batch: String,
) -> Result<(), ServerFnError> {
    let refused = Refused {
        form: form_key("responsibility", &responsibility_id),
        anchor: match responsibility_id.trim() {
            "" => "new-responsibility".into(),
            id => format!("responsibility-{id}"),
        },
        fields: vec![
            ("duty", duty.clone()),
            ("department", department.clone()),
            ("level", level.clone()),
            ("batch", batch.clone()),
        ],
        names: &[("title", "duty")],
    };
    let outcome = async {
        let input = crate::api::ResponsibilityInput {
            topic_id,
            id: optional_id(&responsibility_id)?,
            duty,
            department,
            level,
            batch,
        };
        act(|h, m| async move { h.0.save_responsibility(&m, input).await }).await
    }
    .await;
    back_echo(
        &crate::paths::staff_topic(topic_id),
        refused,
        outcome.map(|()| crate::model::Done::ItemSaved),
    )
    .await;
    Ok(())
}

#[server]
pub async fn save_department(department_id: String, name: String) -> Result<(), ServerFnError> {
    let refused = Refused {
        form: form_key("department", &department_id),
        anchor: "departments".into(),
        fields: vec![("name", name.clone())],
        names: &[],
    };
    let outcome = async {
        let id = optional_id(&department_id)?;
        act(|h, m| async move { h.0.save_department(&m, id, name).await }).await
    }
    .await;
    back_echo(
        "/staff/departments",
        refused,
        outcome.map(|()| crate::model::Done::ItemSaved),
    )
    .await;
    Ok(())
}

#[server]
pub async fn set_responsibility_state(
    responsibility_id: i64,
    state: String,
) -> Result<(), ServerFnError> {
    let outcome = act(|h, m| async move {
        h.0.set_responsibility_state(&m, responsibility_id, &state)
            .await
    })
    .await;
    if matches!(outcome, Err(crate::api::StaffError::Forbidden)) {
        tracing::warn!(
            responsibility_id,
            "refused a responsibility update outside the member's department"
        );
    }
    back(
        "/staff",
        outcome.map(|()| crate::model::Done::ResponsibilityUpdated),
    );
    Ok(())
}

#[server]
pub async fn create_account(
    username: String,
    display_name: String,
    role: String,
    department: String,
    password: String,
) -> Result<(), ServerFnError> {
    let input = crate::api::AccountInput {
        username,
        display_name,
        role,
        department,
        password,
    };
    let outcome = act(|h, m| async move { h.0.create_account(&m, input).await }).await;
    back(
        "/staff/accounts",
        outcome.map(|()| crate::model::Done::AccountCreated),
    );
    Ok(())
}
