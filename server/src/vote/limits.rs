//! Per-network limits on ballots and suggestions (限流). With one server on an SQLite file they
//! live in memory (`governor`); with PostgreSQL, where several instances share the database,
//! they live in it, so a network cannot multiply its allowance by the number of instances.

use crate::store::{Engine, Store, StoreError};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::num::NonZeroU32;

/// Which allowance a submission draws on.
#[derive(Clone, Copy, Debug)]
pub enum Allowance {
    /// A ballot with a solved proof of work.
    WithProof,
    /// The no-JS path (no proof) and suggestions: limited harder.
    WithoutProof,
    /// Browsers' Content-Security-Policy violation reports.
    Reports,
}

/// CSP violation reports taken per network per minute; a page with a real violation sends a
/// few, a flood is dropped.
pub const REPORTS_PER_MINUTE: u32 = 20;

enum Backend {
    Memory {
        with_proof: DefaultKeyedRateLimiter<String>,
        without_proof: DefaultKeyedRateLimiter<String>,
        reports: Box<DefaultKeyedRateLimiter<String>>,
    },
    Database(Store),
}

pub struct Limits {
    backend: Backend,
    with_proof: u32,
    without_proof: u32,
}

fn quota(per_minute: u32) -> Quota {
    let n = NonZeroU32::new(per_minute.max(1)).unwrap_or(NonZeroU32::MIN);
    Quota::per_minute(n).allow_burst(n)
}

impl Limits {
    pub fn new(store: &Store, with_proof: u32, without_proof: u32) -> Limits {
        let backend = match store.engine() {
            Engine::Sqlite => Backend::Memory {
                with_proof: RateLimiter::keyed(quota(with_proof)),
                without_proof: RateLimiter::keyed(quota(without_proof)),
                reports: Box::new(RateLimiter::keyed(quota(REPORTS_PER_MINUTE))),
            },
            Engine::Postgres => Backend::Database(store.clone()),
        };
        Limits {
            backend,
            with_proof: with_proof.max(1),
            without_proof: without_proof.max(1),
        }
    }

    /// Takes one submission from `key`'s allowance; false when it is used up.
    pub async fn allow(&self, allowance: Allowance, key: &str) -> Result<bool, StoreError> {
        match &self.backend {
            Backend::Memory {
                with_proof,
                without_proof,
                reports,
            } => {
                let limiter = match allowance {
                    Allowance::WithProof => with_proof,
                    Allowance::WithoutProof => without_proof,
                    Allowance::Reports => reports.as_ref(),
                };
                Ok(limiter.check_key(&key.to_string()).is_ok())
            }
            Backend::Database(store) => {
                let (name, per_minute) = match allowance {
                    Allowance::WithProof => ("proof", self.with_proof),
                    Allowance::WithoutProof => ("plain", self.without_proof),
                    Allowance::Reports => ("report", REPORTS_PER_MINUTE),
                };
                let now_ms = jiff::Timestamp::now().as_millisecond();
                let interval_ms = 60_000 / i64::from(per_minute);
                store
                    .take_rate_token(
                        &format!("{name}:{key}"),
                        now_ms,
                        interval_ms.max(1),
                        i64::from(per_minute),
                    )
                    .await
            }
        }
    }

    /// Drops state that no longer limits anyone; run once a minute.
    pub async fn forget_idle(&self) {
        match &self.backend {
            Backend::Memory {
                with_proof,
                without_proof,
                reports,
            } => {
                with_proof.retain_recent();
                without_proof.retain_recent();
                reports.retain_recent();
            }
            Backend::Database(store) => {
                let now_ms = jiff::Timestamp::now().as_millisecond();
                if let Err(err) = store.forget_full_rate_buckets(now_ms).await {
                    tracing::warn!(error = %err, "could not prune rate-limit buckets");
                }
            }
        }
    }
}
