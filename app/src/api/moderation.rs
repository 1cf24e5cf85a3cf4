//! Moderation (审核): moderators publish or reject residents' suggestions (with a reason the
//! author reads), promote published ones into an upcoming cycle, and decide on held ballots.
//! Same shape as the other staff actions: plain forms, redirects with outcome codes.

use crate::api::authoring::Gate;
#[cfg(feature = "ssr")]
use crate::model::StaffMember;
use crate::model::{HeldBallot, Suggestion};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::staff::ssr::{back, me};

/// What the moderation page shows.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct ModerationQueue {
    pub pending: Vec<Suggestion>,
    pub published: Vec<Suggestion>,
    pub held: Vec<HeldBallot>,
    /// Cycles not yet open, `(slug, title)`: where suggestions can be promoted.
    pub upcoming: Vec<(String, String)>,
}

/// The moderation port (server-only).
#[cfg(feature = "ssr")]
#[async_trait::async_trait]
pub trait ModerationPort: Send + Sync + 'static {
    async fn queue(&self, me: &StaffMember) -> Result<ModerationQueue, crate::api::StaffError>;
    async fn moderate_suggestion(
        &self,
        me: &StaffMember,
        id: i64,
        publish: bool,
        reason: &str,
    ) -> Result<(), crate::api::StaffError>;
    async fn promote(
        &self,
        me: &StaffMember,
        id: i64,
        cycle: &str,
    ) -> Result<(), crate::api::StaffError>;
    async fn review_ballot(
        &self,
        me: &StaffMember,
        id: i64,
        accept: bool,
    ) -> Result<(), crate::api::StaffError>;
}

#[cfg(feature = "ssr")]
#[derive(Clone)]
pub struct ModerationHandle(pub std::sync::Arc<dyn ModerationPort>);

#[cfg(feature = "ssr")]
async fn run<T, F, Fut>(action: F) -> Result<T, crate::api::StaffError>
where
    F: FnOnce(ModerationHandle, StaffMember) -> Fut,
    Fut: std::future::Future<Output = Result<T, crate::api::StaffError>>,
{
    let member = me().await?.ok_or(crate::api::StaffError::NotSignedIn)?;
    let handle = use_context::<ModerationHandle>()
        .ok_or_else(|| crate::api::StaffError::Internal("no moderation handle".into()))?;
    action(handle, member).await
}

#[server]
pub async fn load_moderation() -> Result<Gate<ModerationQueue>, ServerFnError> {
    match run(|h, m| async move { h.0.queue(&m).await }).await {
        Ok(queue) => Ok(Gate::Ok(queue)),
        Err(crate::api::StaffError::NotSignedIn) => Ok(Gate::SignInFirst),
        Err(crate::api::StaffError::Forbidden) => Ok(Gate::Forbidden),
        Err(e) => Err(ServerFnError::new(e.code())),
    }
}

#[server]
pub async fn moderate_suggestion(
    suggestion_id: i64,
    decision: String,
    reason: String,
) -> Result<(), ServerFnError> {
    let publish = decision == "publish";
    let outcome = run(|h, m| async move {
        h.0.moderate_suggestion(&m, suggestion_id, publish, &reason)
            .await
    })
    .await;
    back("/staff/moderation", outcome.map(|()| "item_saved"));
    Ok(())
}

#[server]
pub async fn promote_suggestion(suggestion_id: i64, cycle: String) -> Result<(), ServerFnError> {
    let outcome = run(|h, m| async move { h.0.promote(&m, suggestion_id, &cycle).await }).await;
    back("/staff/moderation", outcome.map(|()| "item_saved"));
    Ok(())
}

#[server]
pub async fn review_ballot(ballot_id: i64, decision: String) -> Result<(), ServerFnError> {
    let accept = decision == "accept";
    let outcome = run(|h, m| async move { h.0.review_ballot(&m, ballot_id, accept).await }).await;
    back("/staff/moderation", outcome.map(|()| "item_saved"));
    Ok(())
}
