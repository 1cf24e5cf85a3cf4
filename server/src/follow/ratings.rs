//! 答复评价 as the follow service offers it: from the same signed page as her comment, a
//! follower grades the reply to the item she follows on the three counts, once, within fifteen
//! days of it.

use super::FollowService;
use crate::store::{RatingWritten, StoreError};
use app::model::{RatingOutcome, Scores};

impl FollowService {
    /// Her scores and whether she may still rate; `None`: forged or stopped link, or no reply.
    /// `device`: the reading browser's key, whose rating on the reply's page counts as hers.
    pub async fn my_rating(
        &self,
        (id, signature): (i64, &str),
        device: Option<&str>,
    ) -> Result<Option<(Option<Scores>, bool)>, StoreError> {
        if !self.letters.verify(id, signature) {
            return Ok(None);
        }
        self.store.my_rating(id, device, crate::staff::now()).await
    }

    /// Counts her scores as the form sent them; `None`: forged or stopped link, or no reply.
    /// `voter`: the key of the device she sends them from, if it has one, so the same phone
    /// cannot rate again on the reply's page.
    pub async fn rate(
        &self,
        (id, signature): (i64, &str),
        (solved, attitude, speed): (&str, &str, &str),
        voter: Option<&str>,
    ) -> Result<Option<RatingOutcome>, StoreError> {
        if !self.letters.verify(id, signature) {
            return Ok(None);
        }
        let Some(scores) = Scores::parse(solved, attitude, speed) else {
            return Ok(Some(RatingOutcome::Incomplete));
        };
        let written = self
            .store
            .rate_reply(id, scores, voter, crate::staff::now())
            .await?;
        Ok(written.map(|w| match w {
            RatingWritten::Counted => RatingOutcome::Counted,
            RatingWritten::Already => RatingOutcome::Already,
            RatingWritten::Closed => RatingOutcome::Closed,
        }))
    }
}
