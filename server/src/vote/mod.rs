//! The ballot box (投票箱): checks a submission (rules, rate limits, proof of work, honeypot,
//! token reuse), decides whether it counts or is held for review, and hands it to the writer,
//! which writes many ballots per transaction. Refused submissions write nothing.

pub mod identity;
mod limits;
pub mod paper_codes;
mod port;
pub mod rating;
pub mod suggest;
mod writer;

use crate::events::SecurityEvent;
use crate::store::{HoldRules, NewBallot, Store, StoreError};
use app::model::{check_picks, BallotProblem, BallotReason, BallotStatus, Phase, Tier};
use identity::DeviceKey;
use limits::{Allowance, Limits};
use std::net::IpAddr;
use std::sync::Arc;

/// Limits and difficulty, from the command line.
#[derive(Clone, Debug)]
pub struct VoteConfig {
    /// Proxies in front of the server whose `X-Forwarded-For` entries are trusted.
    pub trusted_proxy_hops: usize,
    /// Proof-of-work difficulty: the largest number a browser may have to try.
    pub pow_max_number: u64,
    /// Ballots per minute from one network: with a solved proof, and without (no-JS path).
    pub per_minute_with_proof: u32,
    pub per_minute_without_proof: u32,
    /// More unverified ballots than this from one network within `burst_window` seconds are
    /// held for review.
    pub burst_limit: i64,
    pub burst_window: i64,
    /// 每网络每日限额: devices per network per Beijing day whose unverified ballot (or "me
    /// too") counts at once; later ones from that network that day are held for review.
    pub per_network_day: u32,
}

impl Default for VoteConfig {
    fn default() -> Self {
        VoteConfig {
            trusted_proxy_hops: 0,
            pow_max_number: 50_000,
            per_minute_with_proof: 120,
            per_minute_without_proof: 12,
            burst_limit: 30,
            burst_window: 60,
            per_network_day: app::model::DEFAULT_PER_NETWORK_DAY,
        }
    }
}

impl VoteConfig {
    /// What the ballot writer checks against the records.
    pub fn hold_rules(&self) -> HoldRules {
        HoldRules {
            burst_window: self.burst_window,
            burst_limit: self.burst_limit,
            per_network_day: i64::from(self.per_network_day),
        }
    }
}

/// A submission as it arrived (form or JSON).
#[derive(Clone, Debug, Default)]
pub struct Submission {
    pub picks: Vec<app::model::CandidateId>,
    pub code: Option<String>,
    /// The ALTCHA payload (base64 JSON), absent on the no-JS path.
    pub proof: Option<String>,
    /// A field people never see; bots fill it.
    pub honeypot: String,
    pub device_token: Option<String>,
    pub ip: Option<IpAddr>,
}

/// What the voter gets back.
#[derive(Clone, Debug)]
pub struct Accepted {
    pub receipt: String,
    pub status: BallotStatus,
    pub reason: Option<BallotReason>,
    /// Set when the device had no (valid) token yet.
    pub new_device_token: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum VoteError {
    #[error("no such cycle")]
    NotFound,
    #[error("refused: {0:?}")]
    Refused(BallotProblem),
    #[error("storage: {0}")]
    Store(#[from] StoreError),
}

pub struct VoteService {
    pub store: Store,
    device: DeviceKey,
    pow_key: String,
    config: VoteConfig,
    limits: Limits,
    writer: writer::Writer,
}

pub(crate) fn now() -> i64 {
    jiff::Timestamp::now().as_second()
}

impl VoteService {
    /// Loads (or makes) the keys and starts the ballot writer.
    pub async fn start(store: Store, config: VoteConfig) -> Result<Arc<Self>, StoreError> {
        let device = DeviceKey::new(store.secret("device_token_key").await?.as_bytes());
        let pow_key = store.secret("proof_of_work_key").await?;
        let service = Arc::new(VoteService {
            writer: writer::Writer::spawn(store.clone(), config.hold_rules()),
            limits: Limits::new(
                &store,
                config.per_minute_with_proof,
                config.per_minute_without_proof,
            ),
            store,
            device,
            pow_key,
            config,
        });
        let weak = Arc::downgrade(&service);
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(std::time::Duration::from_secs(60));
            loop {
                tick.tick().await;
                let Some(service) = weak.upgrade() else { break };
                service.limits.forget_idle().await;
            }
        });
        Ok(service)
    }

    pub fn config(&self) -> &VoteConfig {
        &self.config
    }

    /// Takes one request from `network`'s no-proof allowance (a follow request); false when it
    /// is used up.
    pub async fn allow_plain(&self, network: &str) -> Result<bool, StoreError> {
        self.limits.allow(Allowance::WithoutProof, network).await
    }

    /// Takes one CSP violation report from `network`'s allowance; false when it is used up.
    pub async fn allow_report(&self, network: &str) -> Result<bool, StoreError> {
        self.limits.allow(Allowance::Reports, network).await
    }

    /// 诚信报告 of a cycle, with the rule in force stated in it.
    pub async fn integrity(
        &self,
        slug: &str,
    ) -> Result<Option<app::model::IntegrityReport>, StoreError> {
        let report = self.store.integrity(slug, now()).await?;
        Ok(report.map(|mut r| {
            r.per_network_day = self.config.per_network_day;
            r
        }))
    }

    /// The cookie value that lets the device that cast a ballot see it again (`OwnBallot`).
    pub fn seal_receipt(&self, receipt: &str) -> String {
        self.device.seal_receipt(receipt)
    }

    /// The device's own ballot in `slug`, from its sealed cookie value; a forged or stale seal
    /// finds nothing.
    pub async fn own_ballot(
        &self,
        slug: &str,
        sealed: &str,
    ) -> Result<Option<app::model::OwnBallot>, StoreError> {
        match self.device.open_receipt(sealed) {
            Some(receipt) => self.store.own_ballot(slug, &receipt).await,
            None => Ok(None),
        }
    }

    /// A fresh proof-of-work challenge for a ballot, valid for 30 minutes.
    pub fn challenge(&self) -> Option<altcha_lib_rs::Challenge> {
        let expires = chrono::Utc::now() + chrono::Duration::minutes(30);
        altcha_lib_rs::create_challenge(altcha_lib_rs::ChallengeOptions {
            hmac_key: &self.pow_key,
            max_number: Some(self.config.pow_max_number),
            expires: Some(expires),
            ..Default::default()
        })
        .ok()
    }

    /// Checks a proof: `Ok(Some(id))` when solved (the id guards against replay),
    /// `Ok(None)` when absent, `Err(())` when present but wrong or expired.
    pub(crate) fn check_proof(&self, proof: Option<&str>) -> Result<Option<String>, ()> {
        use base64::Engine;
        let Some(raw) = proof.map(str::trim).filter(|p| !p.is_empty()) else {
            return Ok(None);
        };
        let json = base64::engine::general_purpose::STANDARD
            .decode(raw)
            .map_err(|_| ())?;
        let payload: altcha_lib_rs::Payload = serde_json::from_slice(&json).map_err(|_| ())?;
        altcha_lib_rs::verify_solution(&payload, &self.pow_key, true).map_err(|_| ())?;
        Ok(Some(payload.challenge))
    }

    pub async fn submit(&self, slug: &str, s: Submission) -> Result<Accepted, VoteError> {
        let now = now();
        let (cycle, known) = self
            .store
            .cycle_rules(slug, now)
            .await?
            .ok_or(VoteError::NotFound)?;
        if cycle.phase != Phase::Open {
            return Err(VoteError::Refused(BallotProblem::NotOpen));
        }
        let picks = check_picks(&s.picks, cycle.max_picks, &known).map_err(VoteError::Refused)?;
        let ip = s.ip.unwrap_or(IpAddr::from([0, 0, 0, 0]));
        let network = identity::network(ip);
        // A wrong or expired proof is refused, never stored: held ballots are for a
        // moderator's judgement, not for puzzles anyone can fail on purpose.
        let Ok(proof_id) = self.check_proof(s.proof.as_deref()) else {
            tracing::info!(event = %SecurityEvent::BadProof, %network, "ballot with a bad proof of work refused");
            return Err(VoteError::Refused(BallotProblem::BadProof));
        };
        let allowance = match proof_id {
            Some(_) => Allowance::WithProof,
            None => Allowance::WithoutProof,
        };
        if !self.limits.allow(allowance, &network).await? {
            tracing::info!(event = %SecurityEvent::RateLimited, %network, what = "ballot", "ballot rate-limited");
            return Err(VoteError::Refused(BallotProblem::RateLimited));
        }

        let mut new_device_token = None;
        let (tier, voter, code_hash) =
            match s.code.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
                Some(typed) => {
                    let code = identity::normalize_code(typed)
                        .ok_or(VoteError::Refused(BallotProblem::CodeUnknown))?;
                    let hash = identity::code_hash(&code);
                    (Tier::Verified, format!("c:{hash}"), Some(hash))
                }
                None => {
                    let voter = s.device_token.as_deref().and_then(|t| self.device.voter(t));
                    let voter = match voter {
                        Some(v) => v,
                        None => {
                            let token = self.device.issue();
                            let v = self.device.voter(&token).unwrap_or_default();
                            new_device_token = Some(token);
                            v
                        }
                    };
                    (Tier::Unverified, voter, None)
                }
            };

        let (mut status, mut reason) = (BallotStatus::Counted, None);
        if !s.honeypot.trim().is_empty() {
            (status, reason) = (BallotStatus::Quarantined, Some(BallotReason::Honeypot));
        }
        // A token issued just now has voted nowhere yet: nothing to look up.
        if status == BallotStatus::Counted && tier == Tier::Unverified && new_device_token.is_none()
        {
            let networks = self.store.voter_networks(cycle.id, &voter).await?;
            if networks.len() >= 3 && !networks.contains(&network) {
                (status, reason) = (BallotStatus::Quarantined, Some(BallotReason::TokenReuse));
            }
        }
        let ballot = NewBallot {
            cycle_id: cycle.id,
            voter,
            tier,
            picks,
            receipt: identity::new_code(),
            status,
            reason,
            network: network.clone(),
            code_hash,
            proof: proof_id,
        };
        let receipt = ballot.receipt.clone();
        let (status, reason) = self.writer.write(ballot).await?;
        if status != BallotStatus::Counted {
            tracing::info!(
                event = %SecurityEvent::BallotHeld,
                %network,
                reason = reason.map(BallotReason::as_str).unwrap_or_default(),
                cycle = slug,
                "ballot held for review"
            );
        }
        Ok(Accepted {
            receipt,
            status,
            reason,
            new_device_token,
        })
    }
}
