//! 答复评价 on the reply's page, checked like a "me too": the device token says who stands
//! behind the item (or the author's receipt does), a wrong proof of work is refused, the
//! per-network limit per minute applies, and beyond the daily allowance per network the rating
//! is held for a moderator.

use super::limits::Allowance;
use super::{identity, now, VoteService};
use crate::events::SecurityEvent;
use crate::store::{HereState, HereWritten, NewRating, StoreError};
use app::model::{RateHere, RatingOutcome, Scores};
use std::net::IpAddr;

/// A rating as the page's form sent it.
#[derive(Clone, Debug, Default)]
pub struct RatingInput<'a> {
    pub reply_id: i64,
    pub device_token: Option<&'a str>,
    pub receipt: Option<&'a str>,
    pub proof: Option<&'a str>,
    /// `(solved, attitude, speed)` as typed.
    pub scores: (&'a str, &'a str, &'a str),
}

impl VoteService {
    /// Where this device (or the receipt) stands with reply `id`'s rating; `None`: no reply.
    pub async fn rating_here(
        &self,
        id: i64,
        device_token: Option<&str>,
        receipt: Option<&str>,
    ) -> Result<Option<RateHere>, StoreError> {
        let voter = device_token.and_then(|t| self.device.voter(t));
        let state = self
            .store
            .rating_here(id, voter.as_deref(), receipt, now())
            .await?;
        Ok(match state {
            HereState::NotFound => None,
            HereState::NotYours => Some(RateHere::NotYours),
            HereState::Closed => Some(RateHere::Closed),
            HereState::Rated { scores, standing } => Some(RateHere::Rated { scores, standing }),
            HereState::Open => Some(RateHere::Open {
                challenge: VoteService::challenge(self)
                    .and_then(|c| serde_json::to_string(&c).ok()),
            }),
        })
    }

    /// Takes a rating from the reply's page; `None`: no such reply.
    pub async fn rate_here(
        &self,
        input: RatingInput<'_>,
        ip: IpAddr,
    ) -> Result<Option<RatingOutcome>, StoreError> {
        let network = identity::network(ip);
        let (solved, attitude, speed) = input.scores;
        let Some(scores) = Scores::parse(solved, attitude, speed) else {
            return Ok(Some(RatingOutcome::Incomplete));
        };
        let Ok(proof) = self.check_proof(input.proof) else {
            tracing::info!(event = %SecurityEvent::BadProof, %network, reply = input.reply_id, "rating with a bad proof of work refused");
            return Ok(Some(RatingOutcome::BadProof));
        };
        let allowance = match proof {
            Some(_) => Allowance::WithProof,
            None => Allowance::WithoutProof,
        };
        if !self
            .limits
            .allow(allowance, &format!("rate:{network}"))
            .await?
        {
            tracing::info!(event = %SecurityEvent::RateLimited, %network, what = "rating", "rating rate-limited");
            return Ok(Some(RatingOutcome::RateLimited));
        }
        let rating = NewRating {
            reply_id: input.reply_id,
            voter: input.device_token.and_then(|t| self.device.voter(t)),
            receipt: input.receipt.map(str::to_string),
            network: network.clone(),
            proof,
            scores,
        };
        let written = self
            .store
            .rate_reply_here(&rating, now(), i64::from(self.config.per_network_day))
            .await?;
        Ok(Some(match written {
            HereWritten::NotFound => return Ok(None),
            HereWritten::NotYours => RatingOutcome::NotYours,
            HereWritten::Counted => RatingOutcome::Counted,
            HereWritten::Already => RatingOutcome::Already,
            HereWritten::Closed => RatingOutcome::Closed,
            HereWritten::ReplayedProof => RatingOutcome::BadProof,
            HereWritten::Held => {
                tracing::info!(event = %SecurityEvent::RatingHeld, %network, reply = input.reply_id, "rating held for review");
                RatingOutcome::Held
            }
        }))
    }
}
