//! The cycle port (选题征集): the administrators' view of every cycle, new cycles, their
//! candidates (added, corrected or taken off before opening), opening one now and recording
//! which topic a candidate became.

use crate::model::{CyclesAdmin, StaffMember};

/// Editors' cycle authoring (server-only).
#[async_trait::async_trait]
pub trait CyclePort: Send + Sync + 'static {
    async fn cycles_admin(&self, me: &StaffMember) -> Result<CyclesAdmin, crate::api::StaffError>;
    async fn create_cycle(
        &self,
        me: &StaffMember,
        input: crate::api::forms::CycleForm,
    ) -> Result<(), crate::api::StaffError>;
    async fn add_candidate(
        &self,
        me: &StaffMember,
        cycle: &str,
        title: &str,
        description: &str,
        evidence: &str,
    ) -> Result<(), crate::api::StaffError>;
    async fn set_became(
        &self,
        me: &StaffMember,
        candidate: crate::model::CandidateId,
        topic: &str,
    ) -> Result<(), crate::api::StaffError>;
    /// 修改候选议题: new words for a candidate of a cycle that has not opened.
    async fn edit_candidate(
        &self,
        me: &StaffMember,
        candidate: crate::model::CandidateId,
        form: crate::api::forms::CandidateForm,
    ) -> Result<(), crate::api::StaffError>;
    /// 撤下候选议题: takes a candidate off the ballot before its cycle opens, with a reason.
    async fn withdraw_candidate(
        &self,
        me: &StaffMember,
        candidate: crate::model::CandidateId,
        reason: &str,
    ) -> Result<(), crate::api::StaffError>;
    /// 答复规则: state or change the reply rule of a cycle that has not opened.
    async fn set_reply_rule(
        &self,
        me: &StaffMember,
        form: crate::api::forms::ReplyRuleForm,
    ) -> Result<(), crate::api::StaffError>;
    /// 未入选理由: why a closed round's candidate did not become a topic (`reason` empty: none).
    async fn set_not_chosen(
        &self,
        me: &StaffMember,
        candidate: crate::model::CandidateId,
        reason: &str,
        note: &str,
    ) -> Result<(), crate::api::StaffError>;
    /// 现在开始投票: open an upcoming cycle now.
    async fn open_now(&self, me: &StaffMember, cycle: &str) -> Result<(), crate::api::StaffError>;
}

#[derive(Clone)]
pub struct CycleHandle(pub std::sync::Arc<dyn CyclePort>);
