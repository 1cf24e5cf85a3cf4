//! Roles server functions (see `model::roles`): an administrator grants or revokes an editor's
//! moderation permission, a moderator redacts a span of a suggestion, an editor sets a topic's
//! cooperating departments (配合部门). Plain form posts answered with a redirect carrying an
//! outcome code, like every staff action.

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::ports::RolesHandle;

#[cfg(feature = "ssr")]
async fn act<F, Fut>(action: F) -> Result<(), crate::api::StaffError>
where
    F: FnOnce(RolesHandle, crate::model::StaffMember) -> Fut,
    Fut: std::future::Future<Output = Result<(), crate::api::StaffError>>,
{
    let member = crate::api::staff::ssr::me()
        .await?
        .ok_or(crate::api::StaffError::NotSignedIn)?;
    let handle = use_context::<RolesHandle>().ok_or_else(|| {
        tracing::error!("RolesHandle missing from the Leptos context");
        crate::api::StaffError::Internal("no roles handle".into())
    })?;
    action(handle, member).await
}

/// 授予 / 收回: `on` is "1" to grant, anything else to revoke.
#[server]
pub async fn set_staff_grant(
    staff_id: i64,
    grant: String,
    on: String,
) -> Result<(), ServerFnError> {
    let outcome = match crate::model::Grant::parse(&grant) {
        Some(grant) => {
            let on = on == "1";
            act(|h, me| async move { h.0.set_grant(&me, staff_id, grant, on).await }).await
        }
        None => Err(crate::api::StaffError::Invalid(crate::model::Field::Grant)),
    };
    crate::api::staff::ssr::back(
        "/staff/accounts",
        outcome.map(|()| crate::model::Done::GrantSaved),
    );
    Ok(())
}

/// 隐去: replaces `span` with 【已隐去】; the text before is kept for staff only.
#[server]
pub async fn redact_suggestion(
    suggestion_id: i64,
    span: String,
    reason: String,
) -> Result<(), ServerFnError> {
    let outcome = act(|h, me| async move {
        h.0.redact_suggestion(&me, suggestion_id, &span, &reason)
            .await
    })
    .await;
    crate::api::staff::ssr::back(
        "/staff/moderation",
        outcome.map(|()| crate::model::Done::Redacted),
    );
    Ok(())
}

/// 配合部门: the checked departments (ids); the form always sends one empty entry, so an
/// empty list still arrives.
#[server]
pub async fn set_topic_cooperating(
    topic_id: i64,
    cooperating: Vec<String>,
) -> Result<(), ServerFnError> {
    let ids: Option<Vec<i64>> = cooperating
        .iter()
        .filter(|c| !c.trim().is_empty())
        .map(|c| crate::model::parse_id(c.trim()))
        .collect();
    let outcome = match ids {
        Some(ids) => {
            act(|h, me| async move { h.0.set_topic_cooperating(&me, topic_id, ids).await }).await
        }
        None => Err(crate::api::StaffError::Invalid(
            crate::model::Field::Department,
        )),
    };
    crate::api::staff::ssr::back(
        &crate::paths::staff_topic(topic_id),
        outcome.map(|()| crate::model::Done::CooperatingSaved),
    );
    Ok(())
}
