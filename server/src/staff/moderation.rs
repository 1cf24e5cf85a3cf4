//! The moderation service behind the app's `ModerationPort`: moderators, administrators and
//! editors granted the permission (`StaffMember::may_moderate`).

use super::{internal, now, StaffService};
use crate::store::Decision;
use app::api::ModerationPort;
use app::api::StaffError;
use app::model::Field;
use app::model::ModerationQueue;
use app::model::{NotPublishedReason, StaffMember, SuggestionState};

fn moderator(me: &StaffMember) -> Result<(), StaffError> {
    if me.may_moderate() {
        Ok(())
    } else {
        Err(StaffError::Forbidden)
    }
}

/// A held group is named by its network (a /24 or /48); anything longer is not one.
fn held_group(network: &str) -> Result<(), StaffError> {
    if network.len() > 64 {
        Err(StaffError::NotFound)
    } else {
        Ok(())
    }
}

/// A decision on a held group that decided nothing found nothing to decide.
fn some_decided(decided: Result<u64, crate::store::StoreError>) -> Result<(), StaffError> {
    match decided {
        Ok(0) => Err(StaffError::NotFound),
        Ok(_) => Ok(()),
        Err(err) => Err(internal(err)),
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
            held_ratings: self.store.held_ratings().await.map_err(internal)?,
            outbox: self.store.outbox_summary(now()).await.map_err(internal)?,
            reply_comments: self
                .store
                .pending_reply_comments()
                .await
                .map_err(internal)?,
        })
    }

    async fn moderate_suggestion(
        &self,
        me: &StaffMember,
        id: i64,
        publish: bool,
        (code, note): (Option<NotPublishedReason>, &str),
    ) -> Result<(), StaffError> {
        moderator(me)?;
        let decision = if publish {
            Decision::Publish
        } else {
            not_published(code, note)?
        };
        match self
            .store
            .moderate_suggestion(me, (id, decision), now())
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

    async fn review_network_ballots(
        &self,
        me: &StaffMember,
        network: &str,
        accept: bool,
    ) -> Result<usize, StaffError> {
        moderator(me)?;
        let held = self.store.held_ballots().await.map_err(internal)?;
        let mut decided = 0;
        for ballot in held.iter().filter(|b| b.network == network) {
            // Each is decided as one would be (its own transaction and audit entry).
            if self
                .store
                .review_ballot(me, ballot.id, accept, now())
                .await
                .map_err(internal)?
            {
                decided += 1;
            }
        }
        if decided == 0 {
            return Err(StaffError::NotFound);
        }
        Ok(decided)
    }

    async fn review_supports(
        &self,
        me: &StaffMember,
        suggestion_id: i64,
        network: &str,
        accept: bool,
    ) -> Result<(), StaffError> {
        moderator(me)?;
        held_group(network)?;
        some_decided(
            self.store
                .review_supports(me, suggestion_id, network, accept, now())
                .await,
        )
    }

    async fn review_ratings(
        &self,
        me: &StaffMember,
        reply_id: i64,
        network: &str,
        accept: bool,
    ) -> Result<(), StaffError> {
        moderator(me)?;
        held_group(network)?;
        some_decided(
            self.store
                .review_ratings(me, (reply_id, network), accept, now())
                .await,
        )
    }

    async fn review_reply_comment(
        &self,
        me: &StaffMember,
        id: i64,
        show: bool,
    ) -> Result<(), StaffError> {
        moderator(me)?;
        match self.store.review_reply_comment(me, id, show, now()).await {
            Ok(true) => Ok(()),
            Ok(false) => Err(StaffError::NotFound),
            Err(err) => Err(internal(err)),
        }
    }
}

/// A decision not to publish as the form sent it: the author is owed a reason she can read —
/// a code, and for "other" a note of 2 to 200 characters; a note alone (older forms) is coded
/// "other".
fn not_published(code: Option<NotPublishedReason>, note: &str) -> Result<Decision<'_>, StaffError> {
    let note = note.trim();
    let chars = note.chars().count();
    let code = match code {
        Some(code) => code,
        None if chars >= 2 => NotPublishedReason::Other,
        None => return Err(StaffError::Invalid(Field::Reason)),
    };
    if chars > 200 || (code == NotPublishedReason::Other && chars < 2) {
        return Err(StaffError::Invalid(Field::Reason));
    }
    Ok(Decision::NotPublished {
        code,
        note: (!note.is_empty()).then_some(note),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_decision_not_to_publish_carries_a_reason_she_can_read() {
        use NotPublishedReason::*;
        let code = |d: Result<Decision<'_>, StaffError>| match d {
            Ok(Decision::NotPublished { code, note }) => Some((code, note.map(str::to_string))),
            _ => None,
        };
        assert_eq!(
            code(not_published(Some(Duplicate), "  ")),
            Some((Duplicate, None))
        );
        assert_eq!(
            code(not_published(Some(Personal), "请拨打12345")),
            Some((Personal, Some("请拨打12345".into())))
        );
        assert_eq!(
            code(not_published(None, "属于个案")),
            Some((Other, Some("属于个案".into())))
        );
        assert_eq!(code(not_published(None, "")), None, "no reason at all");
        assert_eq!(
            code(not_published(Some(Other), "x")),
            None,
            "other needs words"
        );
        assert_eq!(
            code(not_published(Some(Unclear), &"字".repeat(201))),
            None,
            "too long"
        );
    }
}
