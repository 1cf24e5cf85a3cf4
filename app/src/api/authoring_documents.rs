//! The editor's forms for a published policy (政策) and a progress report (进展): corrections in
//! place, with history, answered like every authoring form (a redirect with an outcome code, and
//! what was typed kept on a refusal).

use super::authoring::Gate;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::authoring::{act, gated};
#[cfg(feature = "ssr")]
use super::echo::ssr::{back_echo, Refused};

#[server]
pub async fn load_editor_policy(
    id: i64,
) -> Result<Gate<crate::model::EditorPolicy>, ServerFnError> {
    gated(|h, m| async move { h.0.policy(&m, id).await }).await
}

#[server]
pub async fn save_policy(
    #[server(flatten)] form: crate::api::forms::PolicyForm,
) -> Result<(), ServerFnError> {
    let policy_id = super::authoring::required_id(&form.policy_id, "policy_id")?;
    let refused = Refused {
        form: "policy".into(),
        anchor: "policy-form".into(),
        fields: form.echo(),
        names: &[
            ("date", "issued"),
            ("issued_future", "issued"),
            ("issuer_not_listed", "issuer"),
        ],
    };
    let input = crate::api::PolicyEditInput {
        id: policy_id,
        form,
    };
    let outcome = act(|h, m| async move { h.0.save_policy(&m, input).await }).await;
    back_echo(
        &crate::paths::staff_policy(policy_id),
        refused,
        outcome.map(|()| crate::model::Done::ItemSaved),
    )
    .await;
    Ok(())
}

#[server]
pub async fn load_editor_report(
    id: i64,
) -> Result<Gate<crate::model::EditorReport>, ServerFnError> {
    gated(|h, m| async move { h.0.report(&m, id).await }).await
}

#[server]
pub async fn save_report(
    report_id: i64,
    date: String,
    kind: String,
    title: String,
    author: String,
    body: String,
) -> Result<(), ServerFnError> {
    let refused = Refused {
        form: "report".into(),
        anchor: "report-form".into(),
        fields: vec![
            ("date", date.clone()),
            ("kind", kind.clone()),
            ("title", title.clone()),
            ("author", author.clone()),
            ("body", body.clone()),
        ],
        names: &[
            ("report_author", "author"),
            ("supervision_author", "author"),
        ],
    };
    let input = crate::api::ReportEditInput {
        id: report_id,
        date,
        kind,
        title,
        author,
        body,
    };
    let outcome = act(|h, m| async move { h.0.save_report(&m, input).await }).await;
    back_echo(
        &crate::paths::staff_report(report_id),
        refused,
        outcome.map(|_| crate::model::Done::ItemSaved),
    )
    .await;
    Ok(())
}
