//! The `EditorPort` service: form echoes for the session that typed them, draft preview for
//! members who author, deletion of what was never public, and withdrawal (撤回) with a
//! required reason.

use super::{internal, now, token_hash, StaffService};
use crate::portal::today_in_beijing;
use crate::store::{Deletion, Withdrawable, WithdrawalRow};
use app::api::{EditorPort, StaffError, WithdrawTarget};
use app::model::{DraftPart, Field};
use app::model::{
    EchoError, FormEcho, Policy, StaffMember, TopicDetail, Withdrawal, ECHO_SECS, REASON_MAX,
    REASON_MIN,
};

/// Largest echo kept, in bytes of JSON (a topic's plan is the longest field).
const MAX_ECHO_BYTES: usize = 256 * 1024;

fn target(what: WithdrawTarget) -> Withdrawable {
    match what {
        WithdrawTarget::Topic => Withdrawable::Topic,
        WithdrawTarget::Policy => Withdrawable::Policy,
    }
}

fn shown((title, at, reason): WithdrawalRow) -> Withdrawal {
    Withdrawal {
        title,
        at: jiff::Timestamp::from_second(at)
            .map(|t| t.to_string())
            .unwrap_or_default(),
        reason,
    }
}

/// A withdrawal's reason: trimmed, `REASON_MIN..=REASON_MAX` characters.
pub(super) fn reason(text: &str) -> Result<String, StaffError> {
    super::validate_edit::text(text, REASON_MIN, REASON_MAX, Field::WithdrawReason)
}

#[async_trait::async_trait]
impl EditorPort for StaffService {
    async fn keep_echo(&self, token: &str, echo: &FormEcho) -> Result<i64, StaffError> {
        let fields = serde_json::to_string(&echo.fields).map_err(internal)?;
        let error = serde_json::to_string(&echo.error).map_err(internal)?;
        if fields.len() + error.len() > MAX_ECHO_BYTES {
            return Err(StaffError::Invalid(Field::Size));
        }
        self.store
            .keep_echo(
                &token_hash(token),
                &echo.form,
                &fields,
                &error,
                now(),
                ECHO_SECS,
            )
            .await
            .map_err(internal)
    }

    async fn echo(&self, token: &str, id: i64) -> Result<Option<FormEcho>, StaffError> {
        let row = self
            .store
            .echo(&token_hash(token), id, now(), ECHO_SECS)
            .await
            .map_err(internal)?;
        let Some((form, fields, error)) = row else {
            return Ok(None);
        };
        let fields: Vec<(String, String)> = serde_json::from_str(&fields).map_err(internal)?;
        let error: EchoError = serde_json::from_str(&error).map_err(internal)?;
        Ok(Some(FormEcho {
            form,
            fields,
            error,
        }))
    }

    async fn preview_topic(
        &self,
        me: &StaffMember,
        year: i32,
        month: u8,
    ) -> Result<Option<TopicDetail>, StaffError> {
        if !me.may_author() {
            return Err(StaffError::Forbidden);
        }
        self.store
            .topic_preview(year, month, &today_in_beijing())
            .await
            .map_err(internal)
    }

    async fn preview_policy(
        &self,
        me: &StaffMember,
        id: i64,
    ) -> Result<Option<Policy>, StaffError> {
        if !me.may_author() {
            return Err(StaffError::Forbidden);
        }
        self.store.policy_preview(id).await.map_err(internal)
    }

    async fn withdraw(
        &self,
        me: &StaffMember,
        what: WithdrawTarget,
        id: i64,
        text: &str,
    ) -> Result<(), StaffError> {
        if !me.may_author() {
            return Err(StaffError::Forbidden);
        }
        let reason = reason(text)?;
        match self
            .store
            .withdraw(me, target(what), id, &reason, now())
            .await
        {
            Ok(true) => {
                tracing::info!(id, by = %me.username, ?what, "withdrawn");
                Ok(())
            }
            Ok(false) => Err(StaffError::NotFound),
            Err(err) => Err(internal(err)),
        }
    }

    async fn delete_draft(
        &self,
        me: &StaffMember,
        topic_id: i64,
        part: DraftPart,
        id: i64,
    ) -> Result<(), StaffError> {
        if !me.may_author() {
            return Err(StaffError::Forbidden);
        }
        match self
            .store
            .delete_draft_part(me, topic_id, part, id, now())
            .await
            .map_err(internal)?
        {
            Deletion::Deleted => {
                tracing::info!(topic_id, id, by = %me.username, %part, "draft deleted");
                Ok(())
            }
            Deletion::Missing => Err(StaffError::NotFound),
            Deletion::EverPublic => Err(StaffError::Invalid(Field::EverPublic)),
        }
    }

    async fn topic_withdrawal(
        &self,
        year: i32,
        month: u8,
    ) -> Result<Option<Withdrawal>, StaffError> {
        let row = self
            .store
            .withdrawn_topic(year, month)
            .await
            .map_err(internal)?;
        Ok(row.map(shown))
    }

    async fn policy_withdrawal(&self, id: i64) -> Result<Option<Withdrawal>, StaffError> {
        let row = self
            .store
            .withdrawal(Withdrawable::Policy, id)
            .await
            .map_err(internal)?;
        Ok(row.map(shown))
    }
}
