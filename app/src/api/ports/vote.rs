//! The ballot box port (server-only): what the voting pages read. Submitting a ballot is not
//! here: ballots are posted to a plain HTTP handler in the server (`http/vote.rs`), so the form
//! works without JavaScript and the JSON API shares the same checks.

use super::PortalError;
use crate::model::{
    Cycle, CycleDetail, IntegrityReport, OwnBallot, OwnSuggestions, ReceiptStatus, Suggestion,
};
use std::sync::Arc;

#[async_trait::async_trait]
pub trait VotePort: Send + Sync + 'static {
    async fn cycles(&self) -> Result<Vec<Cycle>, PortalError>;
    async fn cycle(&self, slug: &str) -> Result<Option<CycleDetail>, PortalError>;
    /// A fresh proof-of-work challenge (JSON) for a ballot form.
    fn challenge(&self) -> Option<String>;
    /// The ballot this device cast in `slug`, named by the sealed value of its ballot cookie
    /// (picks included: only that device holds the seal).
    async fn own_ballot(&self, slug: &str, sealed: &str) -> Result<Option<OwnBallot>, PortalError>;
    /// The ballot with `receipt` (already normalised) in `slug`, without its picks.
    async fn public_ballot(
        &self,
        slug: &str,
        receipt: &str,
    ) -> Result<Option<OwnBallot>, PortalError>;
    async fn receipt(&self, receipt: &str) -> Result<ReceiptStatus, PortalError>;
    async fn integrity(&self, slug: &str) -> Result<Option<IntegrityReport>, PortalError>;
    /// Published suggestions, most supported first.
    async fn suggestions(&self) -> Result<Vec<Suggestion>, PortalError>;
    /// What the device holding `device_token` (its device cookie) sent and supported; nothing
    /// for a token the server did not sign.
    async fn own_suggestions(&self, device_token: &str) -> Result<OwnSuggestions, PortalError>;
    /// 等待答复: the replies owed, longest waiting first, and the latest given.
    async fn reply_board(&self) -> Result<crate::model::ReplyBoard, PortalError>;
    /// 答复排行榜 of `month` (`YYYY-MM`), or of the latest month with replies judged by now.
    async fn league(&self, month: Option<String>) -> Result<crate::model::League, PortalError>;
    /// One reply, judged today.
    async fn reply(&self, id: i64) -> Result<Option<crate::model::ReplyEntry>, PortalError>;
    /// The reply an item is owed or got, judged today.
    async fn reply_of(
        &self,
        item: crate::model::ReplyItem,
        id: i64,
    ) -> Result<Option<crate::model::ReplyEntry>, PortalError>;
    /// Where the reader stands with reply `id`'s rating on its page, by her device token and
    /// the receipt in the address; `None`: no such reply.
    async fn rating_here(
        &self,
        id: i64,
        device_token: Option<&str>,
        receipt: Option<&str>,
    ) -> Result<Option<crate::model::RateHere>, PortalError>;
}

#[derive(Clone)]
pub struct VoteHandle(pub Arc<dyn VotePort>);
