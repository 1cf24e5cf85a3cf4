//! Plugs the ballot box into the app's `VotePort`.

use super::{now, VoteService};
use app::api::{PortalError, VotePort};
use app::model::{
    Cycle, CycleDetail, IntegrityReport, OwnBallot, OwnSuggestions, ReceiptStatus, Suggestion,
    SuggestionState,
};

fn log_only(err: crate::store::StoreError) -> PortalError {
    PortalError(err.to_string())
}

#[async_trait::async_trait]
impl VotePort for VoteService {
    async fn cycles(&self) -> Result<Vec<Cycle>, PortalError> {
        self.store.cycles(now()).await.map_err(log_only)
    }

    async fn cycle(&self, slug: &str) -> Result<Option<CycleDetail>, PortalError> {
        self.store.cycle_detail(slug, now()).await.map_err(log_only)
    }

    fn challenge(&self) -> Option<String> {
        // The ballot page's script reads it as JSON, the same shape the API answers with.
        serde_json::to_string(&VoteService::challenge(self)?).ok()
    }

    async fn own_ballot(&self, slug: &str, sealed: &str) -> Result<Option<OwnBallot>, PortalError> {
        VoteService::own_ballot(self, slug, sealed)
            .await
            .map_err(log_only)
    }

    async fn public_ballot(
        &self,
        slug: &str,
        receipt: &str,
    ) -> Result<Option<OwnBallot>, PortalError> {
        let found = self
            .store
            .own_ballot(slug, receipt)
            .await
            .map_err(log_only)?;
        // Anyone may hold a receipt: its state and time, never its picks.
        Ok(found.map(|b| OwnBallot {
            picks: Vec::new(),
            pick_titles: Vec::new(),
            ..b
        }))
    }

    async fn receipt(&self, receipt: &str) -> Result<ReceiptStatus, PortalError> {
        self.store.receipt(receipt).await.map_err(log_only)
    }

    async fn integrity(&self, slug: &str) -> Result<Option<IntegrityReport>, PortalError> {
        VoteService::integrity(self, slug).await.map_err(log_only)
    }

    async fn suggestions(&self) -> Result<Vec<Suggestion>, PortalError> {
        self.store
            .suggestions(SuggestionState::Published)
            .await
            .map_err(log_only)
    }

    async fn own_suggestions(&self, device_token: &str) -> Result<OwnSuggestions, PortalError> {
        match self.device.voter(device_token) {
            Some(voter) => self.store.own_suggestions(&voter).await.map_err(log_only),
            None => Ok(OwnSuggestions::default()),
        }
    }
}
