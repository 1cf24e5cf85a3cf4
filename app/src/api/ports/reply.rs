//! The reply port (答复, server-only): the desk of replies a member may act on, and the three
//! things a department does with one — reply, ask for an extension in public, post an interim
//! note. Editors act for any department.

use crate::api::forms::{ExtensionForm, InterimForm, ReplyForm, TemplateForm};
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
    /// 同样答复: posts reply `from`'s answer on other waiting replies of its department (each
    /// its own audited write, its followers told); how many were answered.
    async fn answer_alike(
        &self,
        me: &StaffMember,
        from: &str,
        targets: &[String],
    ) -> Result<usize, StaffError>;
    /// 答复模板: saves one under its name (its department's, or the one an editor names).
    async fn save_template(&self, me: &StaffMember, form: TemplateForm) -> Result<(), StaffError>;
    async fn delete_template(&self, me: &StaffMember, id: &str) -> Result<(), StaffError>;
    /// 答复提醒邮箱: the member's department names (or, empty, clears) its reminder mailbox.
    async fn set_reply_address(&self, me: &StaffMember, address: &str) -> Result<(), StaffError>;
}

#[derive(Clone)]
pub struct ReplyHandle(pub std::sync::Arc<dyn ReplyPort>);
