//! The roles port (职责授权): moderation grants, redactions of a suggestion, a topic's
//! cooperating departments.

/// The roles port (server-only).
#[async_trait::async_trait]
pub trait RolesPort: Send + Sync + 'static {
    async fn set_grant(
        &self,
        me: &crate::model::StaffMember,
        staff_id: i64,
        grant: crate::model::Grant,
        on: bool,
    ) -> Result<(), crate::api::StaffError>;
    async fn redact_suggestion(
        &self,
        me: &crate::model::StaffMember,
        id: i64,
        span: &str,
        reason: &str,
    ) -> Result<(), crate::api::StaffError>;
    async fn set_topic_cooperating(
        &self,
        me: &crate::model::StaffMember,
        topic_id: i64,
        department_ids: Vec<i64>,
    ) -> Result<(), crate::api::StaffError>;
}

#[derive(Clone)]
pub struct RolesHandle(pub std::sync::Arc<dyn RolesPort>);
