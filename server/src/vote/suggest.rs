//! 我要点菜: taking a resident's suggestion or "me too". Checked like ballots: one device token
//! per browser, a per-network limit, a honeypot; nothing is public until a moderator publishes it.

use super::limits::Allowance;
use super::{identity, now, VoteService};
use crate::events::SecurityEvent;
use crate::store::{NewSuggestion, NewSupport, StoreError, SupportOutcome};
use app::model::{
    SuggestRefusal, CATEGORIES, DISTRICTS, SUGGESTION_TEXT_MAX, SUGGESTION_TEXT_MIN,
    SUGGESTION_TITLE_MAX, SUGGESTION_TITLE_MIN,
};
use std::net::IpAddr;

/// A suggestion as the form sent it.
#[derive(Clone, Debug, Default)]
pub struct SuggestionInput {
    pub title: String,
    pub description: String,
    pub district: String,
    pub category: String,
    pub honeypot: String,
}

/// Why a suggestion was not taken: a refusal the resident reads, or a storage failure.
#[derive(Debug, thiserror::Error)]
pub enum SuggestError {
    #[error("{0}")]
    Invalid(SuggestRefusal),
    /// Every field at fault, in the form's order, so she can put them all right at once.
    #[error("fields at fault: {0:?}")]
    Fields(Vec<SuggestRefusal>),
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn checked(input: &SuggestionInput) -> Result<NewSuggestion, SuggestError> {
    let title = input.title.trim().to_string();
    let description = input.description.trim().to_string();
    let faults: Vec<SuggestRefusal> = [
        (
            !(SUGGESTION_TITLE_MIN..=SUGGESTION_TITLE_MAX).contains(&title.chars().count()),
            SuggestRefusal::Title,
        ),
        (
            !(SUGGESTION_TEXT_MIN..=SUGGESTION_TEXT_MAX).contains(&description.chars().count()),
            SuggestRefusal::Description,
        ),
        (
            !DISTRICTS.contains(&input.district.as_str()),
            SuggestRefusal::District,
        ),
        (
            !CATEGORIES.contains(&input.category.as_str()),
            SuggestRefusal::Category,
        ),
    ]
    .into_iter()
    .filter_map(|(wrong, field)| wrong.then_some(field))
    .collect();
    if !faults.is_empty() {
        return Err(SuggestError::Fields(faults));
    }
    Ok(NewSuggestion {
        title,
        description,
        district: input.district.clone(),
        category: input.category.clone(),
        receipt: String::new(),
        voter: String::new(),
    })
}

impl VoteService {
    /// The voter key of a browser's device token, if it carries a valid one (none is issued).
    pub fn known_voter(&self, token: Option<&str>) -> Option<String> {
        token.and_then(|t| self.device.voter(t))
    }

    /// The voter key for this browser, issuing a token if it has none: `(voter, new token)`.
    pub fn voter_for(&self, token: Option<&str>) -> (String, Option<String>) {
        match token.and_then(|t| self.device.voter(t)) {
            Some(voter) => (voter, None),
            None => {
                let token = self.device.issue();
                let voter = self.device.voter(&token).unwrap_or_default();
                (voter, Some(token))
            }
        }
    }

    /// Stores a pending suggestion; returns its receipt and a new device token if one was made.
    pub async fn suggest(
        &self,
        input: SuggestionInput,
        device_token: Option<&str>,
        ip: IpAddr,
    ) -> Result<(String, Option<String>), SuggestError> {
        let mut suggestion = checked(&input)?;
        let key = format!("suggest:{}", identity::network(ip));
        if !self.limits.allow(Allowance::WithoutProof, &key).await? {
            tracing::info!(event = %SecurityEvent::RateLimited, network = %identity::network(ip), what = "suggestion", "suggestion rate-limited");
            return Err(SuggestError::Invalid(SuggestRefusal::RateLimited));
        }
        let (voter, token) = self.voter_for(device_token);
        suggestion.receipt = format!("S-{}", identity::new_code());
        suggestion.voter = voter;
        if !input.honeypot.trim().is_empty() {
            // Looks automated: answer as usual, keep nothing.
            tracing::info!("suggestion honeypot filled; not stored");
            return Ok((suggestion.receipt, token));
        }
        self.store.add_suggestion(&suggestion, now()).await?;
        Ok((suggestion.receipt, token))
    }

    /// "Me too" from this browser: one per device per suggestion, checked like a ballot (a
    /// wrong proof of work is refused, the per-network limit per minute, and beyond the daily
    /// allowance per network the support is held for a moderator).
    pub async fn support(
        &self,
        id: i64,
        device_token: Option<&str>,
        ip: IpAddr,
        proof: Option<&str>,
    ) -> Result<(Supported, Option<String>), SupportError> {
        let network = identity::network(ip);
        let Ok(proof) = self.check_proof(proof) else {
            tracing::info!(event = %SecurityEvent::BadProof, %network, suggestion = id, "support with a bad proof of work refused");
            return Err(SupportError::Refused(SuggestRefusal::BadProof));
        };
        let allowance = match proof {
            Some(_) => Allowance::WithProof,
            None => Allowance::WithoutProof,
        };
        if !self
            .limits
            .allow(allowance, &format!("support:{network}"))
            .await?
        {
            tracing::info!(event = %SecurityEvent::RateLimited, %network, what = "support", "support rate-limited");
            return Err(SupportError::Refused(SuggestRefusal::RateLimited));
        }
        let (voter, token) = self.voter_for(device_token);
        let support = NewSupport {
            suggestion_id: id,
            voter,
            network: network.clone(),
            proof,
        };
        let outcome = self
            .store
            .support_suggestion(&support, now(), i64::from(self.config.per_network_day))
            .await?;
        let supported = match outcome {
            SupportOutcome::NotFound => return Err(SupportError::NotFound),
            SupportOutcome::ReplayedProof => {
                return Err(SupportError::Refused(SuggestRefusal::ReplayedProof))
            }
            SupportOutcome::Counted => Supported::Counted,
            SupportOutcome::Already => Supported::Already,
            SupportOutcome::Held => {
                tracing::info!(event = %SecurityEvent::SupportHeld, %network, suggestion = id, reason = app::model::BallotReason::NetworkDay.as_str(), "support held for review");
                Supported::Held
            }
        };
        Ok((supported, token))
    }
}

/// A "me too" taken: counted now, held for a moderator, or already counted before.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Supported {
    Counted,
    Held,
    Already,
}

/// Why a "me too" was not taken.
#[derive(Debug, thiserror::Error)]
pub enum SupportError {
    #[error("no such published suggestion")]
    NotFound,
    #[error("refused: {0}")]
    Refused(SuggestRefusal),
    #[error(transparent)]
    Store(#[from] StoreError),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(title: &str, district: &str) -> SuggestionInput {
        SuggestionInput {
            title: title.into(),
            description: "小区门口的路灯坏了三个月，晚上很黑。".into(),
            district: district.into(),
            category: "市容环境".into(),
            honeypot: String::new(),
        }
    }

    #[test]
    fn suggestions_are_checked_field_by_field() {
        assert!(checked(&input("路灯长期不亮", "朝阳区")).is_ok());
        // A three-character problem is a whole problem.
        assert!(checked(&input("楼道灯", "朝阳区")).is_ok());
        assert!(matches!(
            checked(&input("灯", "朝阳区")),
            Err(SuggestError::Fields(f)) if f == [SuggestRefusal::Title]
        ));
        assert!(matches!(
            checked(&input("路灯长期不亮", "火星区")),
            Err(SuggestError::Fields(f)) if f == [SuggestRefusal::District]
        ));
        // "请选择" posts an empty district: refused, never defaulted to the first one.
        assert!(matches!(
            checked(&input("路灯长期不亮", "")),
            Err(SuggestError::Fields(f)) if f == [SuggestRefusal::District]
        ));
        // Every field at fault is named, not only the first.
        let mut empty = input("", "");
        empty.description = String::new();
        empty.category = String::new();
        assert!(matches!(
            checked(&empty),
            Err(SuggestError::Fields(f)) if f.len() == 4
        ));
        let long = "长".repeat(SUGGESTION_TITLE_MAX + 1);
        assert!(matches!(
            checked(&input(&long, "朝阳区")),
            Err(SuggestError::Fields(f)) if f == [SuggestRefusal::Title]
        ));
    }
}
