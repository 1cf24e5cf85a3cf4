//! The staff port (server-only): sign-in, the desk, policies, progress reports and imports, and
//! the one error type every staff action ends in.

use crate::model::{AuditEntry, ImportPreview, StaffDesk, StaffMember};
use std::sync::Arc;

/// Why a staff action did not happen. The code doubles as the message key
/// (`staff.error.<code>`), so residents' language decides the wording, not the server.
#[derive(Debug, thiserror::Error)]
pub enum StaffError {
    #[error("bad_credentials")]
    BadCredentials,
    #[error("throttled")]
    Throttled,
    #[error("not_signed_in")]
    NotSignedIn,
    #[error("forbidden")]
    Forbidden,
    #[error("not_found")]
    NotFound,
    #[error("invalid_{0}")]
    Invalid(crate::model::Field),
    /// The item would duplicate an existing record (same month, name or title); `field` is the
    /// checked field's token, `record` the record it clashed with.
    #[error("invalid_duplicate")]
    Clash {
        field: crate::model::Field,
        record: crate::model::Clash,
    },
    #[error("unavailable")]
    Internal(String),
}

impl StaffError {
    pub fn code(&self) -> String {
        self.to_string()
    }

    /// The field at fault, if the error names one.
    pub fn field(&self) -> Option<crate::model::Field> {
        match self {
            StaffError::Invalid(field) | StaffError::Clash { field, .. } => Some(*field),
            _ => None,
        }
    }
}

/// A new draft policy as typed into the form.
#[derive(Clone, Debug)]
pub struct PolicyDraftInput {
    pub title: String,
    pub issuer: String,
    pub issued: String,
    pub topic: String,
}

/// A progress report or supervision note as typed into the form.
#[derive(Clone, Debug)]
pub struct ReportInput {
    pub topic: String,
    pub date: String,
    pub kind: String,
    pub title: String,
    pub author: String,
    pub body: String,
}

/// Staff accounts, sessions and the actions that change published data (server-only).
#[async_trait::async_trait]
pub trait StaffPort: Send + Sync + 'static {
    /// Checks the password (throttled) and returns a new session token.
    async fn login(
        &self,
        username: &str,
        password: &str,
        client: &str,
    ) -> Result<String, StaffError>;
    async fn member(&self, token: &str) -> Result<Option<StaffMember>, StaffError>;
    async fn logout(&self, token: &str, everywhere: bool) -> Result<(), StaffError>;
    async fn desk(&self, me: &StaffMember) -> Result<StaffDesk, StaffError>;
    async fn draft_policy(
        &self,
        me: &StaffMember,
        draft: PolicyDraftInput,
    ) -> Result<i64, StaffError>;
    async fn publish_policy(&self, me: &StaffMember, id: i64) -> Result<(), StaffError>;
    /// Adds a dated report to a topic's timeline (月度进展) or its supervision stream.
    async fn add_report(&self, me: &StaffMember, report: ReportInput) -> Result<(), StaffError>;
    async fn audit_log(&self, me: &StaffMember) -> Result<Vec<AuditEntry>, StaffError>;
    /// Every account and whether it is disabled (administrators).
    async fn accounts(&self, me: &StaffMember) -> Result<Vec<(StaffMember, bool)>, StaffError>;
    async fn set_account_disabled(
        &self,
        me: &StaffMember,
        id: i64,
        disabled: bool,
    ) -> Result<(), StaffError>;
    /// Stores pasted list content for preview; returns the staged import's id.
    async fn stage_import(
        &self,
        me: &StaffMember,
        topic: &str,
        kind: &str,
        content: String,
    ) -> Result<i64, StaffError>;
    async fn import_preview(&self, me: &StaffMember, id: i64) -> Result<ImportPreview, StaffError>;
    /// Writes a staged import if every row is valid; returns how many rows were written.
    async fn confirm_import(&self, me: &StaffMember, id: i64) -> Result<usize, StaffError>;
}

#[derive(Clone)]
pub struct StaffHandle(pub Arc<dyn StaffPort>);
