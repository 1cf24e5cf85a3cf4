//! The editor's port (server-only): form echoes (表单回填), draft preview (草稿预览), deletion
//! of what was never public (删除草稿) and withdrawal (撤回) of published topics and policies. The two withdrawal reads are public: the
//! public page says 已撤回 with the reason instead of "not found".

use super::StaffError;
use crate::model::{DraftPart, FormEcho, Policy, StaffMember, TopicDetail, Withdrawal};
use std::sync::Arc;

/// What an editor may withdraw.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WithdrawTarget {
    /// 主题
    Topic,
    /// 政策
    Policy,
}

#[async_trait::async_trait]
pub trait EditorPort: Send + Sync + 'static {
    /// Keeps a refused form for the session holding `token`; returns the echo's id.
    async fn keep_echo(&self, token: &str, echo: &FormEcho) -> Result<i64, StaffError>;
    /// The echo `id`, only if it belongs to the session holding `token` and is still fresh.
    async fn echo(&self, token: &str, id: i64) -> Result<Option<FormEcho>, StaffError>;
    /// A month's topic as the public page would show it, published or not (members who author).
    async fn preview_topic(
        &self,
        me: &StaffMember,
        year: i32,
        month: u8,
    ) -> Result<Option<TopicDetail>, StaffError>;
    /// A draft policy as its public page would show it (members who author).
    async fn preview_policy(&self, me: &StaffMember, id: i64)
        -> Result<Option<Policy>, StaffError>;
    /// Takes a published topic or policy back from the public, with a reason.
    async fn withdraw(
        &self,
        me: &StaffMember,
        what: WithdrawTarget,
        id: i64,
        reason: &str,
    ) -> Result<(), StaffError>;
    /// 删除草稿: deletes a topic that has never been public, or one item of it (for the topic
    /// itself `id` is `topic_id`). Refused with `ever_public` once it has been public.
    async fn delete_draft(
        &self,
        me: &StaffMember,
        topic_id: i64,
        part: DraftPart,
        id: i64,
    ) -> Result<(), StaffError>;
    /// Why and when a month's topic was withdrawn (public).
    async fn topic_withdrawal(
        &self,
        year: i32,
        month: u8,
    ) -> Result<Option<Withdrawal>, StaffError>;
    /// Why and when a policy was withdrawn (public).
    async fn policy_withdrawal(&self, id: i64) -> Result<Option<Withdrawal>, StaffError>;
}

#[derive(Clone)]
pub struct EditorHandle(pub Arc<dyn EditorPort>);
