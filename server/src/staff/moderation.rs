//! The moderation service behind the app's `ModerationPort`: moderators, administrators and
//! editors granted the permission (`StaffMember::may_moderate`).

use super::{internal, now, StaffService};
use app::api::ModerationPort;
use app::api::StaffError;
use app::model::Field;
use app::model::ModerationQueue;
use app::model::{StaffMember, SuggestionState};

fn moderator(me: &StaffMember) -> Result<(), StaffError> {
    if me.may_moderate() {
        Ok(())
    } else {
        Err(StaffError::Forbidden)
    }
}

#[async_trait::async_trait]
impl ModerationPort for StaffService {
    async fn queue(&self, me: &StaffMember) -> Result<ModerationQueue, StaffError> {
        moderator(me)?;
        let upcoming = self.upcoming_cycles().await?;
        Ok(ModerationQueue {
            pending: self
                .store
                .suggestions(SuggestionState::Pending)
                .await
                .map_err(internal)?,
            published: self
                .store
                .suggestions(SuggestionState::Published)
                .await
                .map_err(internal)?,
            held: self.store.held_ballots().await.map_err(internal)?,
            upcoming,
            history: self.store.suggestion_revisions().await.map_err(internal)?,
            held_supports: self.store.held_supports().await.map_err(internal)?,
            outbox: self.store.outbox_summary(now()).await.map_err(internal)?,
        })
    }

    async fn moderate_suggestion(
        &self,
        me: &StaffMember,
        id: i64,
        publish: bool,
        reason: &str,
    ) -> Result<(), StaffError> {
        moderator(me)?;
        let reason = reason.trim();
        if !publish && !(2..=200).contains(&reason.chars().count()) {
            // The author is owed a reason they can read.
            return Err(StaffError::Invalid(Field::Reason));
        }
        let reason = (!publish).then_some(reason);
        match self
            .store
            .moderate_suggestion(me, (id, publish, reason), now())
            .await
        {
            Ok(true) => Ok(()),
            Ok(false) => Err(StaffError::NotFound),
            Err(err) => Err(internal(err)),
        }
    }

    async fn promote(&self, me: &StaffMember, id: i64, cycle: &str) -> Result<(), StaffError> {
        moderator(me)?;
        match self.store.promote_suggestion(me, (id, cycle), now()).await {
            Ok(true) => Ok(()),
            Ok(false) => Err(StaffError::NotFound),
            Err(err) => Err(internal(err)),
        }
    }

    async fn review_ballot(
        &self,
        me: &StaffMember,
        id: i64,
        accept: bool,
    ) -> Result<(), StaffError> {
        moderator(me)?;
        match self.store.review_ballot(me, id, accept, now()).await {
            Ok(true) => Ok(()),
            Ok(false) => Err(StaffError::NotFound),
            Err(err) => Err(internal(err)),
        }
    }

    async fn review_supports(
        &self,
        me: &StaffMember,
        suggestion_id: i64,
        network: &str,
        accept: bool,
    ) -> Result<(), StaffError> {
        moderator(me)?;
        if network.len() > 64 {
            return Err(StaffError::NotFound);
        }
        match self
            .store
            .review_supports(me, suggestion_id, network, accept, now())
            .await
        {
            Ok(0) => Err(StaffError::NotFound),
            Ok(_) => Ok(()),
            Err(err) => Err(internal(err)),
        }
    }
}
