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
        let mut list = self
            .store
            .suggestions(SuggestionState::Published)
            .await
            .map_err(log_only)?;
        // Each suggestion owed a reply says so on its card, judged today.
        let today = crate::store::beijing_today(now()).map_err(log_only)?;
        let mut replies: std::collections::HashMap<i64, app::model::Reply> = self
            .store
            .replies_of(app::model::ReplyItem::Suggestion)
            .await
            .map_err(log_only)?
            .into_iter()
            .map(|r| (r.item_id, r))
            .collect();
        for s in &mut list {
            s.reply = replies
                .remove(&s.id)
                .map(|r| app::model::ReplyEntry::judged(r, today));
        }
        Ok(list)
    }

    async fn own_suggestions(&self, device_token: &str) -> Result<OwnSuggestions, PortalError> {
        match self.device.voter(device_token) {
            Some(voter) => self.store.own_suggestions(&voter).await.map_err(log_only),
            None => Ok(OwnSuggestions::default()),
        }
    }

    async fn reply_board(&self) -> Result<app::model::ReplyBoard, PortalError> {
        self.store.reply_board(now()).await.map_err(log_only)
    }

    async fn league(&self, month: Option<String>) -> Result<app::model::League, PortalError> {
        let now = now();
        let month = match month {
            Some(month) => month,
            None => {
                // The latest month with replies judged, up to this one.
                let this = crate::store::beijing_today(now).map_err(log_only)?;
                let this = format!("{:04}-{:02}", this.year(), this.month());
                let months = self.store.league_months().await.map_err(log_only)?;
                months.into_iter().find(|m| *m <= this).unwrap_or(this)
            }
        };
        self.store.league(&month, now).await.map_err(log_only)
    }

    async fn reply(&self, id: i64) -> Result<Option<app::model::ReplyEntry>, PortalError> {
        self.store.reply_entry(id, now()).await.map_err(log_only)
    }

    async fn reply_of(
        &self,
        item: app::model::ReplyItem,
        id: i64,
    ) -> Result<Option<app::model::ReplyEntry>, PortalError> {
        let today = crate::store::beijing_today(now()).map_err(log_only)?;
        let reply = self.store.reply_of(item, id).await.map_err(log_only)?;
        Ok(reply.map(|r| app::model::ReplyEntry::judged(r, today)))
    }

    async fn rating_here(
        &self,
        id: i64,
        device_token: Option<&str>,
        receipt: Option<&str>,
    ) -> Result<Option<app::model::RateHere>, PortalError> {
        VoteService::rating_here(self, id, device_token, receipt)
            .await
            .map_err(log_only)
    }
}
