//! The hotline port (热线证据): the public ranking, and the staff's weights, promotions of a class to
//! a candidate and links of a topic problem to a class.

use crate::model::{HotlineDesk, HotlineRanking, RankWeights, StaffMember};

/// A class to turn into a candidate, as typed into the form.
#[derive(Clone, Debug)]
pub struct PromoteInput {
    pub cycle: String,
    pub level1: String,
    pub level2: String,
    pub title: String,
    pub description: String,
}

/// The hotline port (server-only).
#[async_trait::async_trait]
pub trait HotlinePort: Send + Sync + 'static {
    /// `days` is one of [`crate::model::RANK_WINDOWS`]; `None` when no data is imported.
    async fn ranking(&self, days: i32) -> Result<Option<HotlineRanking>, crate::api::PortalError>;
    async fn desk(
        &self,
        me: &StaffMember,
        days: i32,
    ) -> Result<HotlineDesk, crate::api::StaffError>;
    async fn set_weights(
        &self,
        me: &StaffMember,
        weights: RankWeights,
    ) -> Result<(), crate::api::StaffError>;
    async fn promote(
        &self,
        me: &StaffMember,
        input: PromoteInput,
    ) -> Result<(), crate::api::StaffError>;
    /// Links a topic's problem to a class (`level1·level2[·level3]`; empty unlinks), so its
    /// outcome charts come from the hotline.
    async fn link_problem(
        &self,
        me: &StaffMember,
        topic: i64,
        problem: i64,
        class: &str,
    ) -> Result<(), crate::api::StaffError>;
}

#[derive(Clone)]
pub struct HotlineHandle(pub std::sync::Arc<dyn HotlinePort>);
