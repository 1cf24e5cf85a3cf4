//! The editor's journey after drafting: preview (草稿预览) — signed-in members who author see a
//! draft's public page —, and withdrawal (撤回) with a reason, which the public page then shows.

use crate::model::{Policy, TopicDetail, Withdrawal};
use leptos::prelude::*;

/// What the public topic page shows for a month.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub enum TopicPageView {
    /// The published topic.
    Public(TopicDetail),
    /// An unpublished topic, for a member who may author: marked 草稿预览 · 尚未公开.
    Preview(TopicDetail),
    /// A topic taken back from the public: 已撤回, when and why.
    Withdrawn(Withdrawal),
    Missing,
}

#[cfg(feature = "ssr")]
fn editor() -> Result<crate::api::EditorHandle, ServerFnError> {
    use_context::<crate::api::EditorHandle>().ok_or_else(|| {
        tracing::error!("EditorHandle missing from the Leptos context");
        ServerFnError::new(crate::api::UNAVAILABLE)
    })
}

/// The topic page of a month: published, else a preview for an author, else withdrawn, else
/// nothing. Only the server decides which; a preview is never cached and never indexed.
#[server]
pub async fn get_topic_page(year: i32, month: u8) -> Result<TopicPageView, ServerFnError> {
    if let Some(detail) = crate::api::get_topic(year, month).await? {
        return Ok(TopicPageView::Public(detail));
    }
    let failed = |e: crate::api::StaffError| ServerFnError::new(e.code());
    let me = crate::api::staff::ssr::me().await.map_err(failed)?;
    if let Some(me) = me.filter(|m| m.may_author()) {
        if let Some(detail) = editor()?
            .0
            .preview_topic(&me, year, month)
            .await
            .map_err(failed)?
        {
            private_answer();
            return Ok(TopicPageView::Preview(detail));
        }
    }
    match editor()?
        .0
        .topic_withdrawal(year, month)
        .await
        .map_err(failed)?
    {
        Some(w) => Ok(TopicPageView::Withdrawn(w)),
        None => Ok(TopicPageView::Missing),
    }
}

/// What the public page of a policy shows: the same four cases as a topic's.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub enum PolicyPageView {
    Public(Policy),
    /// A draft, for a member who may author: marked 草稿预览 · 尚未公开.
    Preview(Policy),
    Withdrawn(Withdrawal),
    Missing,
}

/// Marks an answer that shows unpublished content: never cached, never stored.
#[cfg(feature = "ssr")]
fn private_answer() {
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.insert_header(
            http::header::CACHE_CONTROL,
            http::HeaderValue::from_static("private, no-store"),
        );
    }
}

/// The public page of a policy: published, else a preview for an author, else withdrawn, else
/// nothing.
#[server]
pub async fn get_policy_page(id: i64) -> Result<PolicyPageView, ServerFnError> {
    if let Some(policy) = crate::api::get_policy(id).await? {
        return Ok(PolicyPageView::Public(policy));
    }
    let failed = |e: crate::api::StaffError| ServerFnError::new(e.code());
    let me = crate::api::staff::ssr::me().await.map_err(failed)?;
    if let Some(me) = me.filter(|m| m.may_author()) {
        if let Some(policy) = editor()?.0.preview_policy(&me, id).await.map_err(failed)? {
            private_answer();
            return Ok(PolicyPageView::Preview(policy));
        }
    }
    match editor()?.0.policy_withdrawal(id).await.map_err(failed)? {
        Some(w) => Ok(PolicyPageView::Withdrawn(w)),
        None => Ok(PolicyPageView::Missing),
    }
}

#[cfg(feature = "ssr")]
async fn withdraw(
    what: crate::api::WithdrawTarget,
    id: i64,
    reason: &str,
) -> Result<(), crate::api::StaffError> {
    use crate::api::StaffError;
    let me = crate::api::staff::ssr::me()
        .await?
        .ok_or(StaffError::NotSignedIn)?;
    let handle = use_context::<crate::api::EditorHandle>()
        .ok_or_else(|| StaffError::Internal("no editor handle".into()))?;
    handle.0.withdraw(&me, what, id, reason).await
}

/// 撤回 a published topic; the reason is required and shown on the public page. The form
/// offers the topic's published policies (`policies[]`): those ticked are withdrawn with it,
/// under the same reason.
#[server]
pub async fn withdraw_topic(
    topic_id: i64,
    reason: String,
    #[server(default)] policies: Vec<String>,
) -> Result<(), ServerFnError> {
    use crate::api::echo::ssr::{back_echo, Refused};
    use crate::api::WithdrawTarget;
    let mut outcome = withdraw(WithdrawTarget::Topic, topic_id, &reason).await;
    if outcome.is_ok() {
        let ids = policies
            .iter()
            .filter_map(|p| crate::model::parse_id(p.trim()));
        for policy in ids {
            // One already withdrawn (or never published) has nothing more to take back.
            match withdraw(WithdrawTarget::Policy, policy, &reason).await {
                Ok(()) | Err(crate::api::StaffError::NotFound) => {}
                Err(e) => {
                    outcome = Err(e);
                    break;
                }
            }
        }
    }
    let refused = Refused {
        form: "withdraw".into(),
        anchor: "withdraw".into(),
        fields: vec![("reason", reason)],
        names: &[("withdraw_reason", "reason")],
    };
    back_echo(
        &crate::paths::staff_topic(topic_id),
        refused,
        outcome.map(|()| crate::model::Done::TopicWithdrawn),
    )
    .await;
    Ok(())
}

/// 删除草稿: deletes a topic that has never been public (`part=topic`, `id` its own), or one
/// problem, task or responsibility of it. A deleted topic goes back to the topic list.
#[server]
pub async fn delete_draft(topic_id: i64, part: String, id: i64) -> Result<(), ServerFnError> {
    use crate::api::StaffError;
    use crate::model::{Done, DraftPart};
    let Some(part) = DraftPart::parse(part.trim()) else {
        return Err(ServerFnError::Args(format!("part: {part:?}")));
    };
    let outcome = async {
        let me = crate::api::staff::ssr::me()
            .await?
            .ok_or(StaffError::NotSignedIn)?;
        let handle = use_context::<crate::api::EditorHandle>()
            .ok_or_else(|| StaffError::Internal("no editor handle".into()))?;
        handle.0.delete_draft(&me, topic_id, part, id).await
    }
    .await;
    use crate::api::staff::ssr::back;
    match (part, outcome) {
        (DraftPart::Topic, Ok(())) => back("/staff/topics", Ok(Done::TopicDeleted)),
        (_, outcome) => back(
            &crate::paths::staff_topic(topic_id),
            outcome.map(|()| Done::DraftDeleted),
        ),
    }
    Ok(())
}

/// 撤回 a published policy, with a reason.
#[server]
pub async fn withdraw_policy(policy_id: i64, reason: String) -> Result<(), ServerFnError> {
    use crate::api::echo::ssr::{back_echo, Refused};
    let outcome = withdraw(crate::api::WithdrawTarget::Policy, policy_id, &reason).await;
    let refused = Refused {
        form: "withdraw".into(),
        anchor: "withdraw".into(),
        fields: vec![("reason", reason)],
        names: &[("withdraw_reason", "reason")],
    };
    back_echo(
        &crate::paths::staff_policy(policy_id),
        refused,
        outcome.map(|()| crate::model::Done::PolicyWithdrawn),
    )
    .await;
    Ok(())
}
