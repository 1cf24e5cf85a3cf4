//! Staff server functions. Each is posted by a plain HTML form and answers with a redirect
//! (post/redirect/get), so it works the same with JavaScript off; outcomes travel as message
//! codes in the query string (`?done=…` / `?error=…`) and are worded by the page in the reader's
//! language. Permissions are checked here, on the server, whatever the page offered.

use crate::model::{AuditEntry, ImportPreview, StaffDesk, StaffMember};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
pub(crate) use super::staff_request::ssr;
pub use super::staff_request::SESSION_COOKIE;

/// Who is signed in, if anyone.
#[server]
pub async fn current_staff() -> Result<Option<StaffMember>, ServerFnError> {
    ssr::me().await.map_err(|e| ServerFnError::new(e.code()))
}

#[server]
pub async fn load_staff_desk() -> Result<Option<StaffDesk>, ServerFnError> {
    let Some(me) = ssr::me().await.map_err(|e| ServerFnError::new(e.code()))? else {
        return Ok(None);
    };
    ssr::staff()?
        .0
        .desk(&me)
        .await
        .map(Some)
        .map_err(|e| ServerFnError::new(e.code()))
}

/// What the audit page may show the visitor.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub enum AuditView {
    SignInFirst,
    Forbidden,
    Entries(Vec<AuditEntry>),
}

/// Accounts as an administrator sees them: (member, disabled).
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub enum AccountsView {
    SignInFirst,
    Forbidden,
    Accounts(Vec<(StaffMember, bool)>),
}

#[server]
pub async fn load_accounts() -> Result<AccountsView, ServerFnError> {
    let Some(me) = ssr::me().await.map_err(|e| ServerFnError::new(e.code()))? else {
        return Ok(AccountsView::SignInFirst);
    };
    match ssr::staff()?.0.accounts(&me).await {
        Ok(list) => Ok(AccountsView::Accounts(list)),
        Err(crate::api::StaffError::Forbidden) => Ok(AccountsView::Forbidden),
        Err(e) => Err(ServerFnError::new(e.code())),
    }
}

/// 停用 / 启用 an account (administrators). Disabling ends its sessions at once.
#[server]
pub async fn set_account_disabled(staff_id: i64, disabled: String) -> Result<(), ServerFnError> {
    let disable = disabled == "1";
    let outcome = match ssr::me().await {
        Ok(Some(me)) => {
            ssr::staff()?
                .0
                .set_account_disabled(&me, staff_id, disable)
                .await
        }
        Ok(None) => Err(crate::api::StaffError::NotSignedIn),
        Err(e) => Err(e),
    };
    ssr::back(
        "/staff/accounts",
        outcome.map(|()| crate::model::Done::AccountUpdated),
    );
    Ok(())
}

#[server]
pub async fn audit_log() -> Result<AuditView, ServerFnError> {
    let Some(me) = ssr::me().await.map_err(|e| ServerFnError::new(e.code()))? else {
        return Ok(AuditView::SignInFirst);
    };
    match ssr::staff()?.0.audit_log(&me).await {
        Ok(entries) => Ok(AuditView::Entries(entries)),
        Err(crate::api::StaffError::Forbidden) => Ok(AuditView::Forbidden),
        Err(e) => Err(ServerFnError::new(e.code())),
    }
}

/// 登录. A failed attempt returns to the form with the username kept (never the password).
#[server]
pub async fn login(
    username: String,
    password: String,
    next: Option<String>,
) -> Result<(), ServerFnError> {
    let next = crate::paths::after_sign_in(next.as_deref());
    let handle = ssr::staff()?;
    match handle
        .0
        .login(username.trim(), &password, &ssr::client())
        .await
    {
        Ok(token) => {
            ssr::set_cookie(&token, 12 * 3600);
            leptos_axum::redirect(next);
        }
        Err(err) => {
            let mut target = format!(
                "/staff/login?username={}",
                crate::paths::query_value(username.trim())
            );
            if next != "/staff" {
                target.push_str(&format!("&next={}", crate::paths::query_value(next)));
            }
            target.push_str(&format!("&error={}", err.code()));
            leptos_axum::redirect(&target);
        }
    }
    Ok(())
}

/// 退出; with `everywhere` set, every session of the account on every device ends.
#[server]
pub async fn logout(everywhere: Option<String>) -> Result<(), ServerFnError> {
    if let Some(token) = ssr::session_token() {
        let result = ssr::staff()?.0.logout(&token, everywhere.is_some()).await;
        if let Err(err) = result {
            ssr::back("/staff", Err(err));
            return Ok(());
        }
    }
    ssr::set_cookie("", 0);
    leptos_axum::redirect("/staff/login?done=logged_out");
    Ok(())
}

/// 更新状态 with its completion date. Reopening a done task (which clears its date) first asks
/// for confirmation: the desk shows the question at the task and posts again with `confirm`.
#[server]
pub async fn set_task_state(
    task_id: i64,
    state: String,
    done_on: Option<String>,
    confirm: Option<String>,
) -> Result<(), ServerFnError> {
    use crate::api::{DepartmentHandle, StaffError, TaskStateInput, TaskStateOutcome};
    let input = TaskStateInput {
        task_id,
        state: state.clone(),
        done_on: done_on.unwrap_or_default(),
        confirmed: confirm.as_deref() == Some("1"),
    };
    let outcome = match ssr::me().await {
        Ok(Some(me)) => match use_context::<DepartmentHandle>() {
            Some(handle) => handle.0.set_task_state(&me, input).await,
            None => Err(StaffError::Internal("no department handle".into())),
        },
        Ok(None) => Err(StaffError::NotSignedIn),
        Err(e) => Err(e),
    };
    match outcome {
        Ok(TaskStateOutcome::NeedsConfirmation) => {
            let state = crate::model::TaskState::parse(&state)
                .map(|s| s.as_str())
                .unwrap_or("in_progress");
            leptos_axum::redirect(&format!(
                "/staff?confirm={task_id}&state={state}#task-{task_id}"
            ));
        }
        Ok(TaskStateOutcome::Saved) => {
            ssr::back_to_task(task_id, Ok(crate::model::Done::TaskUpdated))
        }
        Err(err) => {
            if matches!(err, StaffError::Forbidden) {
                tracing::warn!(
                    task_id,
                    "refused a task update outside the member's department"
                );
            }
            ssr::back_to_task(task_id, Err(err));
        }
    }
    Ok(())
}

#[server]
pub async fn draft_policy(
    title: String,
    issuer: String,
    issued: String,
    topic: String,
) -> Result<(), ServerFnError> {
    let refused = crate::api::echo::ssr::Refused {
        form: "policy-new".into(),
        anchor: "drafts-heading".into(),
        fields: vec![
            ("title", title.clone()),
            ("issuer", issuer.clone()),
            ("issued", issued.clone()),
            ("topic", topic.clone()),
        ],
        names: &[
            ("date", "issued"),
            ("issued_future", "issued"),
            ("issuer_not_listed", "issuer"),
        ],
    };
    let outcome = match ssr::me().await {
        Ok(Some(me)) => {
            let input = crate::api::PolicyDraftInput {
                title,
                issuer,
                issued,
                topic,
            };
            ssr::staff()?
                .0
                .draft_policy(&me, input)
                .await
                .map(|_| crate::model::Done::PolicyDrafted)
        }
        Ok(None) => Err(crate::api::StaffError::NotSignedIn),
        Err(e) => Err(e),
    };
    crate::api::echo::ssr::back_echo("/staff", refused, outcome).await;
    Ok(())
}

/// 发布 a draft policy, in two steps like a topic: without `confirm` it opens the confirmation
/// on the policy's page.
#[server]
pub async fn publish_policy(policy_id: i64, confirm: Option<String>) -> Result<(), ServerFnError> {
    if confirm.as_deref() != Some("1") {
        leptos_axum::redirect(&format!(
            "/staff/policies/{policy_id}?confirm=publish#publish"
        ));
        return Ok(());
    }
    let outcome = match ssr::me().await {
        Ok(Some(me)) => ssr::staff()?.0.publish_policy(&me, policy_id).await,
        Ok(None) => Err(crate::api::StaffError::NotSignedIn),
        Err(e) => Err(e),
    };
    ssr::back(
        "/staff",
        outcome.map(|()| crate::model::Done::PolicyPublished),
    );
    Ok(())
}

/// Largest pasted list accepted, in bytes (about 2,000 rows).
pub const MAX_IMPORT_BYTES: usize = 512 * 1024;

/// Step one of a bulk import: stage the pasted list and show its preview.
#[server]
pub async fn stage_import(
    topic: String,
    kind: String,
    content: String,
) -> Result<(), ServerFnError> {
    let outcome = match ssr::me().await {
        Ok(Some(_)) if content.len() > MAX_IMPORT_BYTES => {
            Err(crate::api::StaffError::Invalid(crate::model::Field::Size))
        }
        Ok(Some(me)) => {
            ssr::staff()?
                .0
                .stage_import(&me, &topic, &kind, content)
                .await
        }
        Ok(None) => Err(crate::api::StaffError::NotSignedIn),
        Err(e) => Err(e),
    };
    match outcome {
        Ok(id) => leptos_axum::redirect(&crate::paths::staff_import(id)),
        Err(err) => ssr::back("/staff", Err(err)),
    }
    Ok(())
}

#[server]
pub async fn load_import_preview(id: i64) -> Result<Option<ImportPreview>, ServerFnError> {
    let Some(me) = ssr::me().await.map_err(|e| ServerFnError::new(e.code()))? else {
        return Ok(None);
    };
    match ssr::staff()?.0.import_preview(&me, id).await {
        Ok(preview) => Ok(Some(preview)),
        Err(crate::api::StaffError::NotFound) => Ok(None),
        Err(e) => Err(ServerFnError::new(e.code())),
    }
}

/// Step two: write every row, or nothing.
#[server]
pub async fn confirm_import(import_id: i64) -> Result<(), ServerFnError> {
    let outcome = match ssr::me().await {
        Ok(Some(me)) => ssr::staff()?.0.confirm_import(&me, import_id).await,
        Ok(None) => Err(crate::api::StaffError::NotSignedIn),
        Err(e) => Err(e),
    };
    match outcome {
        Ok(_) => ssr::back("/staff", Ok(crate::model::Done::ImportDone)),
        Err(err) => ssr::back(&crate::paths::staff_import(import_id), Err(err)),
    }
    Ok(())
}

/// Largest report body accepted, in characters.
pub const MAX_REPORT_CHARS: usize = 20_000;

#[server]
pub async fn add_report(
    topic: String,
    date: String,
    kind: String,
    title: String,
    author: String,
    body: String,
) -> Result<(), ServerFnError> {
    let refused = crate::api::echo::ssr::Refused {
        form: "report-new".into(),
        anchor: "report-heading".into(),
        fields: vec![
            ("topic", topic.clone()),
            ("date", date.clone()),
            ("kind", kind.clone()),
            ("title", title.clone()),
            ("author", author.clone()),
            ("body", body.clone()),
        ],
        names: &[("issuer", "author")],
    };
    let outcome = match ssr::me().await {
        Ok(Some(me)) => {
            let input = crate::api::ReportInput {
                topic,
                date,
                kind,
                title,
                author,
                body,
            };
            ssr::staff()?.0.add_report(&me, input).await
        }
        Ok(None) => Err(crate::api::StaffError::NotSignedIn),
        Err(e) => Err(e),
    };
    crate::api::echo::ssr::back_echo(
        "/staff",
        refused,
        outcome.map(|()| crate::model::Done::ReportPublished),
    )
    .await;
    Ok(())
}
