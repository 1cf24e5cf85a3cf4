//! The store: the one place that holds SQL. Everything above it speaks the domain types of
//! `app::model`; swapping the engine (issue: PostgreSQL) happens here and nowhere else.

mod archive;
mod authoring;
mod authoring_docs;
mod authoring_lists;
mod ballots;
mod charts;
mod hotline;
mod hotline_evidence;
pub use hotline::Applied;
pub use hotline_evidence::{ClassKey, EvidenceLink, PeriodFigures, RateFigures};
mod cycles;
mod feed;
mod imports;
mod participation;
mod participation_seed;
mod read;
mod read_topic;
mod revisions;
mod search;
mod staff;
mod staff_actions;
mod suggestions;
mod write;
mod write_topic;

pub use authoring::{Saved, TopicFields};
pub use authoring_docs::{PolicyFields, ReportFields};
pub use authoring_lists::{DutyFields, TaskFields};
pub use ballots::NewBallot;
pub use cycles::{CycleFields, CycleWrite, NewCandidate};
pub use imports::Staged;
pub use participation_seed::{SampleCandidate, SampleCycle};
pub use staff::NewStaff;
pub use staff_actions::{DraftPolicy, NewReport};
pub use suggestions::NewSuggestion;
pub use write::{
    Dataset, HotlineRow, PolicyRow, ProblemRow, ReportRow, ResponsibilityRow, TaskRow, TopicRow,
    YearRow,
};

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;
use std::str::FromStr;
use std::time::Duration;

/// A failure of the storage layer. Never shown to residents; logged with its context.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error("stored data is inconsistent: {0}")]
    Corrupt(String),
}

pub type StoreResult<T> = Result<T, StoreError>;

#[derive(Clone, Debug)]
pub struct Store {
    pool: SqlitePool,
}

impl Store {
    /// Opens (creating if needed) the database and brings its schema up to date.
    ///
    /// WAL with `synchronous=FULL`: a receipt the server returned survives a power cut.
    pub async fn open(url: &str) -> StoreResult<Self> {
        let options = SqliteConnectOptions::from_str(url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5));
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options)
            .await?;
        sqlx::migrate!("./migrations").run(&pool).await?;
        Ok(Store { pool })
    }

    /// True when no dataset has been loaded yet (first start).
    pub async fn is_empty(&self) -> StoreResult<bool> {
        let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM years")
            .fetch_one(&self.pool)
            .await?;
        Ok(count == 0)
    }

    /// Cheap liveness probe for `/healthz`.
    pub async fn ping(&self) -> StoreResult<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    /// A transaction that takes the write lock at once (`BEGIN IMMEDIATE`). A deferred
    /// transaction that reads first cannot wait for the lock when it later writes (WAL answers
    /// "busy" at once); this one waits up to the busy timeout instead.
    pub(crate) async fn write_tx(&self) -> StoreResult<sqlx::Transaction<'static, sqlx::Sqlite>> {
        Ok(self.pool.begin_with("BEGIN IMMEDIATE").await?)
    }

    /// Writes a consistent copy of the database to `path` (a new file).
    pub async fn backup_to(&self, path: &str) -> StoreResult<()> {
        sqlx::query("VACUUM INTO $1")
            .bind(path)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// `PRAGMA integrity_check` says "ok".
    pub async fn integrity_ok(&self) -> StoreResult<bool> {
        let result: String = sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_one(&self.pool)
            .await?;
        Ok(result == "ok")
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

fn confidence(token: &str) -> StoreResult<app::model::Confidence> {
    app::model::Confidence::parse(token)
        .ok_or_else(|| StoreError::Corrupt(format!("unknown confidence {token:?}")))
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_authoring;
#[cfg(test)]
mod tests_hotline;
#[cfg(test)]
mod tests_participation;
