//! The reply port (答复, server-only): the desk of replies a member may act on, and the three
//! things a department does with one — reply, ask for an extension in public, post an interim
//! note. Editors act for any department.

use crate::api::forms::{ExtensionForm, InterimForm, ReplyForm};
use crate::api::StaffError;
use crate::model::{ReplyDesk, StaffMember};

#[async_trait::async_trait]
pub trait ReplyPort: Send + Sync + 'static {
    async fn reply_desk(&self, me: &StaffMember) -> Result<ReplyDesk, StaffError>;
    async fn answer(&self, me: &StaffMember, form: ReplyForm) -> Result<(), StaffError>;
    async fn extend(&self, me: &StaffMember, form: ExtensionForm) -> Result<(), StaffError>;
    async fn interim(&self, me: &StaffMember, form: InterimForm) -> Result<(), StaffError>;
    /// 交给同事: hand a reply to a colleague of its department (empty: to no one).
    async fn assign(&self, me: &StaffMember, reply: &str, assignee: &str)
        -> Result<(), StaffError>;
}

#[derive(Clone)]
pub struct ReplyHandle(pub std::sync::Arc<dyn ReplyPort>);
