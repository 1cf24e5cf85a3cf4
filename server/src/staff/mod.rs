//! The staff service: login with throttling, database sessions, permission checks and audited
//! actions. Implements the app's `StaffPort`.

mod authoring;
mod cycles;
mod department;
mod editor;
mod hotline;
mod moderation;
pub mod password;
mod replies;
mod reply_rules;
mod reply_templates;
mod roles;
mod same_answer;
pub mod throttle;
mod validate;
pub(crate) mod validate_edit;
mod validate_progress;

use app::model::Field;
use validate::{parse_topic, validate_draft, validate_report};

use crate::events::SecurityEvent;
use crate::portal::today_in_beijing;
use crate::store::{Store, StoreError};
use app::api::{PolicyDraftInput, ReportInput, StaffError, StaffPort};
use app::model::{
    AuditEntry, ImportKind, ImportPreview, StaffDesk, StaffMember, StaffResponsibility, StaffTask,
};
use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};

/// A session ends after this long unused, and after this long in any case.
pub const IDLE_TIMEOUT_SECS: i64 = 2 * 3600;
pub const ABSOLUTE_TIMEOUT_SECS: i64 = 12 * 3600;

pub fn now() -> i64 {
    jiff::Timestamp::now().as_second()
}

fn token_hash(token: &str) -> String {
    let digest = Sha256::digest(token.as_bytes());
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(digest)
}

fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

pub(crate) fn internal(err: impl std::fmt::Display) -> StaffError {
    StaffError::Internal(err.to_string())
}

#[derive(Clone)]
pub struct StaffService {
    pub store: Store,
}

#[async_trait::async_trait]
impl StaffPort for StaffService {
    async fn login(
        &self,
        username: &str,
        password: &str,
        client: &str,
    ) -> Result<String, StaffError> {
        if username.is_empty() || username.chars().count() > 64 || password.len() > 1024 {
            return Err(StaffError::BadCredentials);
        }
        let now = now();
        let network = client
            .parse()
            .map(crate::vote::identity::network)
            .unwrap_or_else(|_| client.to_string());
        let who = crate::store::SignInAttempt {
            username,
            client,
            network: &network,
        };
        let (attempt, failures) = self
            .store
            .begin_login_attempt(who, now - throttle::FAILURE_WINDOW_SECS, now)
            .await
            .map_err(internal)?;
        if let Some(wait_secs) = throttle::wait(&failures, now) {
            self.store
                .forget_login_attempt(attempt)
                .await
                .map_err(internal)?;
            tracing::warn!(
                event = %SecurityEvent::SignInThrottled,
                username,
                client,
                wait_secs,
                "sign-in throttled"
            );
            return Err(StaffError::Throttled);
        }
        let found = self
            .store
            .staff_credentials(username)
            .await
            .map_err(internal)?;
        let (member, hash) = match found {
            Some((member, hash)) => (Some(member), Some(hash)),
            None => (None, None),
        };
        let ok = password::verify(password.to_string(), hash)
            .await
            .map_err(internal)?;
        match member {
            Some(member) if ok => {
                let token = new_token();
                self.store
                    .start_session(&member, &token_hash(&token), now, client)
                    .await
                    .map_err(internal)?;
                tracing::info!(username, "staff signed in");
                Ok(token)
            }
            _ => {
                // The attempt's row, written before the check, stays as its failure.
                tracing::warn!(
                    event = %SecurityEvent::SignInFailed,
                    username,
                    client,
                    "failed staff sign-in"
                );
                Err(StaffError::BadCredentials)
            }
        }
    }

    async fn member(&self, token: &str) -> Result<Option<StaffMember>, StaffError> {
        let now = now();
        self.store
            .session_member(
                &token_hash(token),
                now,
                now - IDLE_TIMEOUT_SECS,
                now - ABSOLUTE_TIMEOUT_SECS,
            )
            .await
            .map_err(internal)
    }

    async fn logout(&self, token: &str, everywhere: bool) -> Result<(), StaffError> {
        let hash = token_hash(token);
        if everywhere {
            if let Some(me) = self.member(token).await? {
                self.store
                    .end_all_sessions(&me, now())
                    .await
                    .map_err(internal)?;
            }
        }
        self.store.end_session(&hash).await.map_err(internal)
    }

    async fn desk(&self, me: &StaffMember) -> Result<StaffDesk, StaffError> {
        let department = match me.role {
            app::model::Role::Department => {
                Some(me.department.as_ref().map(|d| d.id).unwrap_or(-1))
            }
            _ => None,
        };
        let tasks = self
            .store
            .tasks_with_topic(department, false, &today_in_beijing())
            .await
            .map_err(internal)?
            .into_iter()
            .map(|(topic, task)| StaffTask {
                editable: me.may_update_task(task.owner.id),
                may_note: me.may_report_on_task(task.owner.id),
                undo: None,
                topic,
                task,
            })
            .collect::<Vec<_>>();
        let mut tasks = tasks;
        for t in tasks.iter_mut().filter(|t| t.editable) {
            t.undo = self
                .store
                .undoable_mark(t.task.id.0, &me.username)
                .await
                .map_err(internal)?
                .map(|m| (m.state, m.done_on));
        }
        let (report_topics, reports) = match (me.role, &me.department) {
            (app::model::Role::Department, Some(d)) => (
                self.store
                    .department_task_topics(d.id)
                    .await
                    .map_err(internal)?,
                self.store
                    .department_reports(d.id)
                    .await
                    .map_err(internal)?,
            ),
            _ => (Vec::new(), Vec::new()),
        };
        let responsibilities = self
            .store
            .responsibilities_with_topic(department, false)
            .await
            .map_err(internal)?
            .into_iter()
            .map(|(topic, responsibility)| StaffResponsibility {
                editable: me.may_update_task(responsibility.department.id),
                topic,
                responsibility,
            })
            .collect();
        let (drafts, topics, bodies) = if me.may_author() {
            (
                self.store.draft_policies().await.map_err(internal)?,
                self.store.topic_list().await.map_err(internal)?,
                self.store.all_departments().await.map_err(internal)?,
            )
        } else {
            (Vec::new(), Vec::new(), Vec::new())
        };
        Ok(StaffDesk {
            me: me.clone(),
            tasks,
            responsibilities,
            drafts,
            topics,
            report_topics,
            today: today_in_beijing(),
            bodies,
            reports,
            replies_pressing: self.pressing_replies(me).await?,
        })
    }

    async fn draft_policy(
        &self,
        me: &StaffMember,
        input: PolicyDraftInput,
    ) -> Result<i64, StaffError> {
        if !me.may_author() {
            return Err(StaffError::Forbidden);
        }
        let draft = validate_draft(input)?;
        self.check_issuer(&draft.issuer).await?;
        validate_edit::issued_not_future(draft.issued.as_deref(), &today_in_beijing())?;
        self.store
            .create_draft_policy(me, &draft, now())
            .await
            .map_err(internal)
    }

    async fn publish_policy(&self, me: &StaffMember, id: i64) -> Result<(), StaffError> {
        if !me.may_author() {
            return Err(StaffError::Forbidden);
        }
        match self.store.publish_policy(me, id, now()).await {
            Ok(true) => Ok(()),
            Ok(false) => Err(StaffError::NotFound),
            Err(err) => Err(internal(err)),
        }
    }

    async fn add_report(&self, me: &StaffMember, input: ReportInput) -> Result<(), StaffError> {
        if !me.may_author() {
            return Err(StaffError::Forbidden);
        }
        let choice = roles::parse_author_choice(&input.author)?;
        let mut report = validate_report(input)?;
        let kind = if report.kind == "supervision" {
            app::model::ReportKind::Supervision
        } else {
            app::model::ReportKind::Progress
        };
        (report.author, report.author_department) =
            self.report_author(me, kind, choice, report.topic).await?;
        match self.store.add_report(me, &report, now()).await {
            Ok(true) => Ok(()),
            Ok(false) => Err(StaffError::Invalid(Field::Topic)),
            Err(err) => Err(internal(err)),
        }
    }

    async fn accounts(&self, me: &StaffMember) -> Result<Vec<(StaffMember, bool)>, StaffError> {
        if !me.may_read_audit() {
            return Err(StaffError::Forbidden);
        }
        self.store.staff_accounts().await.map_err(internal)
    }

    async fn set_account_disabled(
        &self,
        me: &StaffMember,
        id: i64,
        disabled: bool,
    ) -> Result<(), StaffError> {
        if !me.may_read_audit() {
            return Err(StaffError::Forbidden);
        }
        if disabled && id == me.id {
            // An administrator cannot lock themselves out (and perhaps everyone with them).
            return Err(StaffError::Invalid(Field::Self_));
        }
        match self.store.set_staff_disabled(me, id, disabled, now()).await {
            Ok(true) => Ok(()),
            Ok(false) => Err(StaffError::NotFound),
            Err(err) => Err(internal(err)),
        }
    }

    async fn audit_log(&self, me: &StaffMember) -> Result<Vec<AuditEntry>, StaffError> {
        if !me.may_read_audit() {
            return Err(StaffError::Forbidden);
        }
        self.store.audit_entries(500).await.map_err(internal)
    }

    async fn stage_import(
        &self,
        me: &StaffMember,
        topic: &str,
        kind: &str,
        content: String,
    ) -> Result<i64, StaffError> {
        if !me.may_author() {
            return Err(StaffError::Forbidden);
        }
        let kind = ImportKind::parse(kind).ok_or(StaffError::Invalid(Field::Kind))?;
        let (year, month) = parse_topic(topic)?.ok_or(StaffError::Invalid(Field::Topic))?;
        self.store
            .stage_import(me, year, month, kind, &content, now())
            .await
            .map_err(internal)?
            .ok_or(StaffError::Invalid(Field::Topic))
    }

    async fn import_preview(&self, me: &StaffMember, id: i64) -> Result<ImportPreview, StaffError> {
        let (staged, parsed) = self.checked_import(me, id).await?;
        Ok(ImportPreview {
            id: staged.id,
            kind: staged.kind,
            topic: staged.topic,
            header: parsed.header,
            rows: parsed.rows,
            errors: parsed.errors,
        })
    }

    async fn confirm_import(&self, me: &StaffMember, id: i64) -> Result<usize, StaffError> {
        let (staged, parsed) = self.checked_import(me, id).await?;
        if !parsed.errors.is_empty() || parsed.checked.is_empty() {
            return Err(StaffError::Invalid(Field::Import));
        }
        self.store
            .apply_import(me, &staged, &parsed.checked, &today_in_beijing(), now())
            .await
            .map_err(internal)?;
        Ok(parsed.checked.len())
    }
}

impl StaffService {
    /// Loads a staged import of this member and checks it against today's departments.
    async fn checked_import(
        &self,
        me: &StaffMember,
        id: i64,
    ) -> Result<(crate::store::Staged, crate::list_paste::Parsed), StaffError> {
        if !me.may_author() {
            return Err(StaffError::Forbidden);
        }
        let staged = self
            .store
            .staged_import(id)
            .await
            .map_err(internal)?
            .filter(|s| s.staff_id == me.id)
            .ok_or(StaffError::NotFound)?;
        let departments = self.store.department_names().await.map_err(internal)?;
        let kind = staged.kind;
        let content = staged.content.clone();
        let parsed = tokio::task::spawn_blocking(move || {
            crate::list_paste::parse(kind, &content, &departments)
        })
        .await
        .map_err(internal)?;
        Ok((staged, parsed))
    }
}

impl From<StoreError> for StaffError {
    fn from(err: StoreError) -> Self {
        internal(err)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_stored_hashed() {
        let a = new_token();
        assert_ne!(a, new_token());
        assert_ne!(token_hash(&a), a);
        assert_eq!(token_hash(&a), token_hash(&a));
    }
}
