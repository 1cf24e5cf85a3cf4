//! The store's machinery, which knows no domain: the engine and its SQL dialect, write
//! transactions, once-only jobs, backups and health, shared rate limits.

pub(super) mod dialect;
pub(super) mod jobs;
pub(super) mod maintenance;
pub(super) mod proofs;
pub(super) mod rate_buckets;
#[cfg(test)]
pub(super) mod test_db;
#[cfg(test)]
mod tests_schema;
#[cfg(test)]
mod tidy;
pub(super) mod tx;
