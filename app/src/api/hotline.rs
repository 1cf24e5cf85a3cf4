//! Hotline evidence (热线证据): the public ranking of problem classes, and the two staff actions
//! on it — set the ranking's weights, and turn a ranked class into a candidate of a cycle that
//! has not opened. Same shape as the other staff actions: plain forms, redirects with codes.

use crate::api::authoring::Gate;
use crate::model::{HotlineDesk, HotlineRanking};
#[cfg(feature = "ssr")]
use crate::model::{RankWeights, StaffMember};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::ports::{HotlineHandle, PromoteInput};

#[cfg(feature = "ssr")]
use super::staff::ssr::{back, me};

#[cfg(feature = "ssr")]
fn handle() -> Result<HotlineHandle, crate::api::StaffError> {
    use_context::<HotlineHandle>()
        .ok_or_else(|| crate::api::StaffError::Internal("no hotline handle".into()))
}

/// A window the ranking offers; anything else falls back to the first.
pub fn window(days: i32) -> i32 {
    if crate::model::RANK_WINDOWS.contains(&days) {
        days
    } else {
        crate::model::RANK_WINDOWS[0]
    }
}

#[server]
pub async fn get_hotline_ranking(days: i32) -> Result<Option<HotlineRanking>, ServerFnError> {
    let handle = handle().map_err(|_| ServerFnError::new(crate::api::UNAVAILABLE))?;
    handle.0.ranking(window(days)).await.map_err(|e| {
        tracing::error!(error = %e, "loading the hotline ranking failed");
        ServerFnError::new(crate::api::UNAVAILABLE)
    })
}

#[server]
pub async fn load_hotline_desk(days: i32) -> Result<Gate<HotlineDesk>, ServerFnError> {
    let member = me().await.map_err(|e| ServerFnError::new(e.code()))?;
    let Some(member) = member else {
        return Ok(Gate::SignInFirst);
    };
    let result = match handle() {
        Ok(h) => h.0.desk(&member, window(days)).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(desk) => Ok(Gate::Ok(desk)),
        Err(crate::api::StaffError::Forbidden) => Ok(Gate::Forbidden),
        Err(e) => Err(ServerFnError::new(e.code())),
    }
}

#[cfg(feature = "ssr")]
async fn act<F, Fut>(action: F) -> Result<(), crate::api::StaffError>
where
    F: FnOnce(HotlineHandle, StaffMember) -> Fut,
    Fut: std::future::Future<Output = Result<(), crate::api::StaffError>>,
{
    let member = me().await?.ok_or(crate::api::StaffError::NotSignedIn)?;
    action(handle()?, member).await
}

/// Weights arrive as text: a number that does not parse is "invalid_weights", like one out of
/// range, and the page keeps the saved ones.
#[server]
pub async fn save_hotline_weights(
    volume: String,
    growth: String,
    spread: String,
    dissatisfaction: String,
    reopen: String,
) -> Result<(), ServerFnError> {
    let parse = |s: &str| s.trim().parse::<f64>().ok();
    let weights = match (
        parse(&volume),
        parse(&growth),
        parse(&spread),
        parse(&dissatisfaction),
        parse(&reopen),
    ) {
        (Some(volume), Some(growth), Some(spread), Some(dissatisfaction), Some(reopen)) => {
            Some(RankWeights {
                volume,
                growth,
                spread,
                dissatisfaction,
                reopen,
            })
        }
        _ => None,
    };
    let outcome = match weights {
        Some(w) => act(|h, m| async move { h.0.set_weights(&m, w).await }).await,
        None => Err(crate::api::StaffError::Invalid(
            crate::model::Field::Weights,
        )),
    };
    back(
        "/staff/hotline",
        outcome.map(|()| crate::model::Done::WeightsSaved),
    );
    Ok(())
}

#[server]
pub async fn promote_hotline_class(
    cycle: String,
    level1: String,
    level2: String,
    title: String,
    description: String,
) -> Result<(), ServerFnError> {
    let input = PromoteInput {
        cycle,
        level1,
        level2,
        title,
        description,
    };
    let outcome = act(|h, m| async move { h.0.promote(&m, input).await }).await;
    back(
        "/staff/hotline",
        outcome.map(|()| crate::model::Done::CandidateAdded),
    );
    Ok(())
}

#[server]
pub async fn link_problem_class(
    topic_id: i64,
    problem_id: i64,
    class: String,
) -> Result<(), ServerFnError> {
    let outcome =
        act(|h, m| async move { h.0.link_problem(&m, topic_id, problem_id, &class).await }).await;
    back(
        &crate::paths::staff_topic(topic_id),
        outcome.map(|()| crate::model::Done::ItemSaved),
    );
    Ok(())
}
