//! The reply desk's server functions (答复工作台): a department's replies, the reply itself, an
//! extension asked for in public, an interim note. Plain form posts, answered with a redirect
//! carrying an outcome code; a refused form comes back as typed, in the reply's own card.

use crate::api::authoring::Gate;
use crate::api::forms::{ExtensionForm, InterimForm, ReplyForm, TemplateForm};
use crate::model::ReplyDesk;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
mod ssr {
    use crate::api::{ReplyHandle, StaffError};
    use crate::model::StaffMember;
    use leptos::prelude::*;

    pub const DESK: &str = "/staff/replies";

    /// Runs an action for the signed-in member.
    pub async fn act<T, F, Fut>(action: F) -> Result<T, StaffError>
    where
        F: FnOnce(ReplyHandle, StaffMember) -> Fut,
        Fut: std::future::Future<Output = Result<T, StaffError>>,
    {
        let member = crate::api::staff::ssr::me()
            .await?
            .ok_or(StaffError::NotSignedIn)?;
        let handle = use_context::<ReplyHandle>().ok_or_else(|| {
            tracing::error!("ReplyHandle missing from the Leptos context");
            StaffError::Internal("no reply handle".into())
        })?;
        action(handle, member).await
    }

    /// What a refused form of reply `id` sends back: the form `kind`, its fields, and which
    /// field each refusal names.
    pub fn refused(
        id: &str,
        kind: &str,
        fields: Vec<(&'static str, String)>,
        names: &'static [(&'static str, &'static str)],
    ) -> crate::api::echo::ssr::Refused {
        let id: String = id.chars().filter(char::is_ascii_digit).take(18).collect();
        crate::api::echo::ssr::Refused {
            form: format!("reply-{id}-{kind}"),
            anchor: format!("reply-{id}"),
            fields,
            names,
        }
    }
}

#[server]
pub async fn load_reply_desk() -> Result<Gate<ReplyDesk>, ServerFnError> {
    match ssr::act(|h, me| async move { h.0.reply_desk(&me).await }).await {
        Ok(desk) => Ok(Gate::Ok(desk)),
        Err(crate::api::StaffError::NotSignedIn) => Ok(Gate::SignInFirst),
        Err(crate::api::StaffError::Forbidden) => Ok(Gate::Forbidden),
        Err(e) => Err(ServerFnError::new(e.code())),
    }
}

/// 答复: the department's decision and words (a second posting corrects the words; the date
/// judged stays the first).
#[server]
pub async fn answer_reply(#[server(flatten)] form: ReplyForm) -> Result<(), ServerFnError> {
    let refused = ssr::refused(
        &form.reply_id,
        "answer",
        form.echo(),
        &[
            ("reply_decision", "decision"),
            ("reply_reason", "reason"),
            ("reply_body", "body"),
            ("reply_link", "link"),
        ],
    );
    let outcome = ssr::act(|h, me| async move { h.0.answer(&me, form).await }).await;
    crate::api::echo::ssr::back_echo(
        ssr::DESK,
        refused,
        outcome.map(|()| crate::model::Done::ReplyPosted),
    )
    .await;
    Ok(())
}

/// 申请延期: a new date and its reason, shown on the item and the waiting list.
#[server]
pub async fn extend_reply(#[server(flatten)] form: ExtensionForm) -> Result<(), ServerFnError> {
    let refused = ssr::refused(
        &form.reply_id,
        "extend",
        form.echo(),
        &[("extend_to", "to"), ("extend_reason", "reason")],
    );
    let outcome = ssr::act(|h, me| async move { h.0.extend(&me, form).await }).await;
    crate::api::echo::ssr::back_echo(
        ssr::DESK,
        refused,
        outcome.map(|()| crate::model::Done::ReplyExtended),
    )
    .await;
    Ok(())
}

/// 阶段性答复: where things stand, expected by half the time.
#[server]
pub async fn post_interim_reply(#[server(flatten)] form: InterimForm) -> Result<(), ServerFnError> {
    let refused = ssr::refused(
        &form.reply_id,
        "interim",
        form.echo(),
        &[("interim", "note")],
    );
    let outcome = ssr::act(|h, me| async move { h.0.interim(&me, form).await }).await;
    crate::api::echo::ssr::back_echo(
        ssr::DESK,
        refused,
        outcome.map(|()| crate::model::Done::InterimPosted),
    )
    .await;
    Ok(())
}

/// 交给同事: hand a reply to a colleague of its department (empty: to no one in particular).
#[server]
pub async fn assign_reply(
    reply_id: String,
    #[server(default)] assignee: String,
) -> Result<(), ServerFnError> {
    let outcome =
        ssr::act(|h, me| async move { h.0.assign(&me, &reply_id, &assignee).await }).await;
    crate::api::staff::ssr::back(
        ssr::DESK,
        outcome.map(|()| crate::model::Done::ReplyAssigned),
    );
    Ok(())
}

/// 同样答复: reply `reply_id`'s answer, posted as it is on the waiting replies ticked (`also[]`).
#[server]
pub async fn answer_alike(
    reply_id: String,
    #[server(default)] also: Vec<String>,
) -> Result<(), ServerFnError> {
    let outcome =
        ssr::act(|h, me| async move { h.0.answer_alike(&me, &reply_id, &also).await }).await;
    crate::api::staff::ssr::back(
        ssr::DESK,
        outcome.map(|_| crate::model::Done::SameReplyPosted),
    );
    Ok(())
}

/// 答复模板: saved under its name (a name the department already has is replaced).
#[server]
pub async fn save_reply_template(
    #[server(flatten)] form: TemplateForm,
) -> Result<(), ServerFnError> {
    let refused = crate::api::echo::ssr::Refused {
        form: "template-new".into(),
        anchor: "templates".into(),
        fields: form.echo(),
        names: &[
            ("department", "department"),
            ("template_title", "title"),
            ("reply_decision", "decision"),
            ("reply_reason", "reason"),
            ("reply_body", "body"),
            ("reply_link", "link"),
        ],
    };
    let outcome = ssr::act(|h, me| async move { h.0.save_template(&me, form).await }).await;
    crate::api::echo::ssr::back_echo(
        ssr::DESK,
        refused,
        outcome.map(|()| crate::model::Done::TemplateSaved),
    )
    .await;
    Ok(())
}

#[server]
pub async fn delete_reply_template(template_id: String) -> Result<(), ServerFnError> {
    let outcome =
        ssr::act(|h, me| async move { h.0.delete_template(&me, &template_id).await }).await;
    crate::api::staff::ssr::back(
        ssr::DESK,
        outcome.map(|()| crate::model::Done::TemplateDeleted),
    );
    Ok(())
}

/// 答复提醒邮箱: the department's office mailbox for reminders (empty: none).
#[server]
pub async fn set_reply_address(#[server(default)] address: String) -> Result<(), ServerFnError> {
    let refused = crate::api::echo::ssr::Refused {
        form: "reply-address".into(),
        anchor: "reminders".into(),
        fields: vec![("address", address.clone())],
        names: &[("reply_address", "address")],
    };
    let outcome = ssr::act(|h, me| async move { h.0.set_reply_address(&me, &address).await }).await;
    crate::api::echo::ssr::back_echo(
        ssr::DESK,
        refused,
        outcome.map(|()| crate::model::Done::ReplyAddressSaved),
    )
    .await;
    Ok(())
}
