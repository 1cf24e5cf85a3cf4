//! Moderation (审核): moderators publish or reject residents' suggestions (with a reason the
//! author reads), promote published ones into an upcoming cycle, and decide on held ballots.
//! Same shape as the other staff actions: plain forms, redirects with outcome codes.

use crate::api::authoring::Gate;
#[cfg(feature = "ssr")]
use crate::model::StaffMember;
use crate::model::{CyclesAdmin, ModerationQueue};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::ports::{CycleHandle, ModerationHandle};

#[cfg(feature = "ssr")]
use super::staff::ssr::{back, me};

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
    /// Absent from older forms (a note alone is then the reason, coded "other").
    reason_code: Option<String>,
) -> Result<(), ServerFnError> {
    let publish = decision == "publish";
    let code = reason_code
        .as_deref()
        .and_then(crate::model::NotPublishedReason::parse);
    let outcome = run(|h, m| async move {
        h.0.moderate_suggestion(&m, suggestion_id, publish, (code, &reason))
            .await
    })
    .await;
    back(
        "/staff/moderation",
        outcome.map(|()| crate::model::Done::ItemSaved),
    );
    Ok(())
}

#[server]
pub async fn promote_suggestion(suggestion_id: i64, cycle: String) -> Result<(), ServerFnError> {
    let outcome = run(|h, m| async move { h.0.promote(&m, suggestion_id, &cycle).await }).await;
    back(
        "/staff/moderation",
        outcome.map(|()| crate::model::Done::ItemSaved),
    );
    Ok(())
}

/// Every held ballot from one network at once; `confirm` is the box that says they were looked
/// at (a bulk decision is never one stray click, and needs no JavaScript).
#[server]
pub async fn review_network_ballots(
    network: String,
    decision: String,
    confirm: Option<String>,
) -> Result<(), ServerFnError> {
    let accept = decision == "accept";
    let outcome = match confirm {
        Some(_) => {
            run(|h, m| async move { h.0.review_network_ballots(&m, &network, accept).await }).await
        }
        None => Err(crate::api::StaffError::Invalid(
            crate::model::Field::ConfirmReview,
        )),
    };
    back(
        "/staff/moderation",
        outcome.map(|_| crate::model::Done::ItemSaved),
    );
    Ok(())
}

#[server]
pub async fn review_ballot(ballot_id: i64, decision: String) -> Result<(), ServerFnError> {
    let accept = decision == "accept";
    let outcome = run(|h, m| async move { h.0.review_ballot(&m, ballot_id, accept).await }).await;
    back(
        "/staff/moderation",
        outcome.map(|()| crate::model::Done::ItemSaved),
    );
    Ok(())
}

/// Counts (or not) the ratings of reply `reply_id` from `network` held by the daily allowance.
#[server]
pub async fn review_ratings(
    reply_id: i64,
    network: String,
    decision: String,
) -> Result<(), ServerFnError> {
    let accept = decision == "accept";
    let outcome =
        run(|h, m| async move { h.0.review_ratings(&m, reply_id, &network, accept).await }).await;
    back(
        "/staff/moderation",
        outcome.map(|()| crate::model::Done::ItemSaved),
    );
    Ok(())
}

#[server]
pub async fn review_supports(
    suggestion_id: i64,
    network: String,
    decision: String,
) -> Result<(), ServerFnError> {
    let accept = decision == "accept";
    let outcome = run(|h, m| async move {
        h.0.review_supports(&m, suggestion_id, &network, accept)
            .await
    })
    .await;
    back(
        "/staff/moderation",
        outcome.map(|()| crate::model::Done::ItemSaved),
    );
    Ok(())
}

/// 答复留言: `decision` is `show` (public under the reply) or `withhold`.
#[server]
pub async fn review_reply_comment(comment_id: i64, decision: String) -> Result<(), ServerFnError> {
    let show = decision == "show";
    let outcome =
        run(|h, m| async move { h.0.review_reply_comment(&m, comment_id, show).await }).await;
    back(
        "/staff/moderation",
        outcome.map(|()| crate::model::Done::ItemSaved),
    );
    Ok(())
}

#[cfg(feature = "ssr")]
async fn run_cycles<T, F, Fut>(action: F) -> Result<T, crate::api::StaffError>
where
    F: FnOnce(CycleHandle, StaffMember) -> Fut,
    Fut: std::future::Future<Output = Result<T, crate::api::StaffError>>,
{
    let member = me().await?.ok_or(crate::api::StaffError::NotSignedIn)?;
    let handle = use_context::<CycleHandle>()
        .ok_or_else(|| crate::api::StaffError::Internal("no cycle handle".into()))?;
    action(handle, member).await
}

#[server]
pub async fn load_cycles_admin() -> Result<Gate<CyclesAdmin>, ServerFnError> {
    match run_cycles(|h, m| async move { h.0.cycles_admin(&m).await }).await {
        Ok(list) => Ok(Gate::Ok(list)),
        Err(crate::api::StaffError::NotSignedIn) => Ok(Gate::SignInFirst),
        Err(crate::api::StaffError::Forbidden) => Ok(Gate::Forbidden),
        Err(e) => Err(ServerFnError::new(e.code())),
    }
}

#[server]
pub async fn create_cycle(
    #[server(flatten)] form: crate::api::forms::CycleForm,
) -> Result<(), ServerFnError> {
    use crate::api::echo::ssr::{back_echo, Refused};
    // A refused cycle comes back as typed, the field at fault marked (表单回填).
    let refused = Refused {
        form: "cycle-new".into(),
        anchor: "new-cycle".into(),
        fields: form.echo(),
        names: &[
            ("name", "target"),
            ("date", "closes"),
            ("opens_past", "opens"),
            ("duplicate", "slug"),
        ],
    };
    let outcome = run_cycles(|h, m| async move { h.0.create_cycle(&m, form).await }).await;
    back_echo(
        "/staff/cycles",
        refused,
        outcome.map(|()| crate::model::Done::ItemSaved),
    )
    .await;
    Ok(())
}

/// 答复规则: a cycle's thresholds and reply deadline, changed only before it opens; a refused
/// form comes back as typed, in the cycle's own card.
#[server]
pub async fn set_reply_rule(
    #[server(flatten)] form: crate::api::forms::ReplyRuleForm,
) -> Result<(), ServerFnError> {
    use crate::api::echo::ssr::{back_echo, Refused};
    let refused = Refused {
        form: format!("reply-rule-{}", form.cycle),
        anchor: format!("reply-rule-{}", form.cycle),
        fields: form.echo(),
        names: &[
            ("reply_supporters", "supporters"),
            ("reply_support_days", "support_days"),
            ("reply_votes", "votes"),
            ("reply_working_days", "working_days"),
        ],
    };
    let outcome = run_cycles(|h, m| async move { h.0.set_reply_rule(&m, form).await }).await;
    back_echo(
        "/staff/cycles",
        refused,
        outcome.map(|()| crate::model::Done::ReplyRuleSaved),
    )
    .await;
    Ok(())
}

#[server]
pub async fn add_cycle_candidate(
    cycle: String,
    title: String,
    description: String,
    evidence: String,
) -> Result<(), ServerFnError> {
    let outcome = run_cycles(|h, m| async move {
        h.0.add_candidate(&m, &cycle, &title, &description, &evidence)
            .await
    })
    .await;
    back(
        "/staff/cycles",
        outcome.map(|()| crate::model::Done::ItemSaved),
    );
    Ok(())
}

/// 现在开始投票. `confirm` is the checkbox that says the candidates were checked: opening
/// freezes them, so it is never one stray click (and needs no JavaScript).
#[server]
pub async fn open_cycle_now(cycle: String, confirm: Option<String>) -> Result<(), ServerFnError> {
    let outcome = match confirm {
        Some(_) => run_cycles(|h, m| async move { h.0.open_now(&m, &cycle).await }).await,
        None => Err(crate::api::StaffError::Invalid(
            crate::model::Field::ConfirmOpen,
        )),
    };
    back(
        "/staff/cycles",
        outcome.map(|()| crate::model::Done::CycleOpened),
    );
    Ok(())
}

#[server]
pub async fn set_candidate_became(
    candidate_id: crate::model::CandidateId,
    topic: String,
) -> Result<(), ServerFnError> {
    let outcome =
        run_cycles(|h, m| async move { h.0.set_became(&m, candidate_id, &topic).await }).await;
    back(
        "/staff/cycles",
        outcome.map(|()| crate::model::Done::ItemSaved),
    );
    Ok(())
}

/// 未入选理由: why a closed round's candidate did not become a topic.
#[server]
pub async fn set_candidate_not_chosen(
    candidate_id: crate::model::CandidateId,
    #[server(default)] reason: String,
    #[server(default)] note: String,
) -> Result<(), ServerFnError> {
    let outcome =
        run_cycles(
            |h, m| async move { h.0.set_not_chosen(&m, candidate_id, &reason, &note).await },
        )
        .await;
    back(
        "/staff/cycles",
        outcome.map(|()| crate::model::Done::ItemSaved),
    );
    Ok(())
}

/// 修改候选议题: new words for a candidate while its cycle has not opened; a refused form
/// comes back as typed, in the candidate's own card.
#[server]
pub async fn edit_cycle_candidate(
    candidate_id: crate::model::CandidateId,
    #[server(flatten)] form: crate::api::forms::CandidateForm,
) -> Result<(), ServerFnError> {
    use crate::api::echo::ssr::{back_echo, Refused};
    let refused = Refused {
        form: format!("candidate-{candidate_id}"),
        anchor: format!("candidate-{candidate_id}"),
        fields: form.echo(),
        names: &[("body", "description")],
    };
    let outcome =
        run_cycles(|h, m| async move { h.0.edit_candidate(&m, candidate_id, form).await }).await;
    back_echo(
        "/staff/cycles",
        refused,
        outcome.map(|()| crate::model::Done::CandidateEdited),
    )
    .await;
    Ok(())
}

/// 撤下候选议题: off the ballot before its cycle opens, with a reason the audit log keeps.
#[server]
pub async fn withdraw_cycle_candidate(
    candidate_id: crate::model::CandidateId,
    reason: String,
) -> Result<(), ServerFnError> {
    use crate::api::echo::ssr::{back_echo, Refused};
    let refused = Refused {
        form: format!("candidate-{candidate_id}-withdraw"),
        anchor: format!("candidate-{candidate_id}"),
        fields: vec![("reason", reason.clone())],
        names: &[("withdraw_reason", "reason")],
    };
    let outcome =
        run_cycles(|h, m| async move { h.0.withdraw_candidate(&m, candidate_id, &reason).await })
            .await;
    back_echo(
        "/staff/cycles",
        refused,
        outcome.map(|()| crate::model::Done::CandidateWithdrawn),
    )
    .await;
    Ok(())
}
