//! The store: the one place that holds SQL. Everything above it speaks the domain types of
//! `app::model`; swapping the engine (issue: PostgreSQL) happens here and nowhere else.

mod authoring;
mod backers;
mod charts;
mod history;
mod hotline;
mod infra;
mod moderation;
mod notify;
mod publication;
mod replies;
mod staff;
mod topics;
mod voting;

pub use authoring::deletions::Deletion;
pub use authoring::documents::{PolicyFields, ReportFields};
pub use authoring::drafts::{DraftPolicy, NewReport};
pub use authoring::edits::{Saved, TopicFields};
pub use authoring::lists::{ResponsibilityFields, TaskFields};
pub use authoring::task_progress::{DelayNote, NewTaskNote, RecordedMark, TaskMark, UNDO};
pub use hotline::aggregates::Applied;
pub use hotline::evidence::{ClassKey, EvidenceLink, PeriodFigures, RateFigures};
pub use infra::dialect::{sqlite_file, Engine};
pub(crate) use infra::tx::Conn;
pub use moderation::suggestions::{Decision, NewSuggestion};
pub use moderation::supports::{NewSupport, SupportOutcome};
pub use notify::follows::FollowAsked;
pub use notify::notice::{Compose, Notice};
pub use notify::outbox::{Leased, Mail};
pub use publication::dataset_rows::{
    Dataset, HotlineRow, PolicyRow, ProblemRow, ReportRow, ResponsibilityRow, TaskRow, TopicRow,
    YearRow,
};
pub use publication::staged::Staged;
pub use publication::withdrawals::{Withdrawable, WithdrawalRow};
pub use replies::comments::CommentWritten;
pub use replies::ratings::RatingWritten;
pub use replies::ratings_here::{HereState, HereWritten, NewRating};
pub use replies::reminders::Reminder;
pub use replies::templates::TemplateFields;
pub use replies::writes::{AnswerFields, ReplyWrite};
pub use staff::accounts::{Failures, NewStaff, SignInAttempt};
pub use staff::roles::Redacted;
pub use topics::provenance::FactRow;
pub use voting::ballots::{HoldRules, NewBallot};
pub use voting::candidate_edits::CandidateChange;
pub use voting::cycles::{CycleFields, CycleWrite, NewCandidate};
pub use voting::sample_cycles::{SampleCandidate, SampleCycle};

use sqlx::any::AnyPoolOptions;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
use sqlx::AnyPool;
use sqlx::{ConnectOptions, Connection, Executor};
use std::str::FromStr;

/// Every query runs through sqlx's `Any` driver, so one body of SQL serves both engines; the
/// few places where the engines differ ask [`Store::engine`].
pub(crate) type Db = sqlx::Any;

/// A failure of the storage layer. Never shown to residents; logged with its context.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error("stored data is inconsistent: {0}")]
    Corrupt(String),
    #[error("{0}")]
    Unsupported(String),
}

pub type StoreResult<T> = Result<T, StoreError>;

#[derive(Clone, Debug)]
pub struct Store {
    pool: AnyPool,
    engine: Engine,
    /// Kept for `pg_dump`; never logged (it may hold a password).
    url: String,
    /// Write transactions this process has committed: page-data caches key on it, so a reader
    /// never sees data older than this instance's own last write.
    writes: std::sync::Arc<std::sync::atomic::AtomicU64>,
    /// Reads that sum the daily hotline table (a class's days, months, districts or rates):
    /// counted so a test can tell that a page's figures came from a cache (issue 32).
    hotline_scans: std::sync::Arc<std::sync::atomic::AtomicU64>,
    /// Every class's sums over a window, by data version (`hotline::aggregates`): the ranking
    /// the `/hotline` page, its API and the staff desk read.
    class_sums: std::sync::Arc<hotline::ClassSums>,
    /// Cycles' rules for the ballot path, kept for the second (`voting::cycle_rules`).
    cycle_rules: std::sync::Arc<voting::cycle_rules::CycleRulesCache>,
}

/// One lock for every write transaction on PostgreSQL, taken inside the transaction and
/// released by its commit: writes are serialised exactly as SQLite's `BEGIN IMMEDIATE`
/// serialises them, across every server instance, so read-then-write checks (one ballot per
/// voter, a code used once) hold on both engines without per-query locking.
const WRITE_LOCK: i64 = 0x6469_616e_6361; // "dianca"

impl Store {
    /// Opens the database named by `url` (`sqlite:` or `postgres:`), creating an SQLite file if
    /// needed, and brings its schema up to date with that engine's migrations.
    ///
    /// SQLite runs in WAL with `synchronous=FULL`: a receipt the server returned survives a
    /// power cut. PostgreSQL keeps its default durable settings (`fsync`, `synchronous_commit`).
    pub async fn open(url: &str) -> StoreResult<Self> {
        sqlx::any::install_default_drivers();
        let engine = Engine::of_url(url).ok_or_else(|| {
            StoreError::Unsupported(format!(
                "the database URL must start with sqlite: or postgres: (got {:?})",
                url.split(':').next().unwrap_or_default()
            ))
        })?;
        // SQLite: processes opening a new file together take turns, from creating the file
        // and switching it to WAL to the last migration (sqlx locks PostgreSQL's migrations).
        let opening = match engine {
            Engine::Sqlite => infra::jobs::lock_sqlite_file(url).await?,
            Engine::Postgres => None,
        };
        let pool = match engine {
            Engine::Sqlite => {
                // The native driver creates the file and switches it to WAL once (the mode is
                // stored in the file); every pooled connection then sets its own pragmas.
                SqliteConnectOptions::from_str(url)?
                    .create_if_missing(true)
                    .journal_mode(SqliteJournalMode::Wal)
                    .synchronous(SqliteSynchronous::Full)
                    .connect()
                    .await?
                    .close()
                    .await?;
                AnyPoolOptions::new()
                    .max_connections(8)
                    .after_connect(|conn, _| {
                        Box::pin(async move {
                            conn.execute(
                                "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; \
                                 PRAGMA busy_timeout = 5000",
                            )
                            .await?;
                            Ok(())
                        })
                    })
                    .connect(url)
                    .await?
            }
            Engine::Postgres => {
                AnyPoolOptions::new()
                    .max_connections(16)
                    .connect(url)
                    .await?
            }
        };
        let store = Store {
            pool,
            engine,
            url: url.to_string(),
            writes: Default::default(),
            hotline_scans: Default::default(),
            class_sums: Default::default(),
            cycle_rules: Default::default(),
        };
        match engine {
            Engine::Sqlite => sqlx::migrate!("./migrations").run(&store.pool).await?,
            Engine::Postgres => sqlx::migrate!("./migrations_pg").run(&store.pool).await?,
        }
        drop(opening);
        Ok(store)
    }

    pub fn engine(&self) -> Engine {
        self.engine
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
        self.pool.acquire().await?.ping().await?;
        Ok(())
    }

    /// How many reads of this process summed the daily hotline table.
    pub fn hotline_scans(&self) -> u64 {
        self.hotline_scans
            .load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Counts a read that sums the daily hotline table, and says so at `debug` under the
    /// `hotline_sums` target (the tests' servers show it: a page request must never log it).
    pub(in crate::store) fn count_hotline_scan(&self, what: &'static str) {
        tracing::debug!(target: "hotline_sums", what, "summed the daily hotline table");
        self.hotline_scans
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }

    /// How many write transactions this process has committed so far.
    pub fn writes_committed(&self) -> u64 {
        self.writes.load(std::sync::atomic::Ordering::Acquire)
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// A stored topic's year and month. One rule for corrupt rows: a value the schema should never
/// hold is `StoreError::Corrupt` (logged with its context, a 500 page), never a silent default.
/// A stored Unix second as the RFC 3339 instant the pages and the API carry (pages write it in
/// Beijing time); an out-of-range value is shown as stored.
pub(crate) fn iso(at: i64) -> String {
    jiff::Timestamp::from_second(at)
        .map(|t| t.to_string())
        .unwrap_or_else(|_| at.to_string())
}

/// The Beijing date of the instant `now` (seconds).
pub fn beijing_today(now: i64) -> StoreResult<jiff::civil::Date> {
    replies::crossing::beijing_date(now)
}

/// The Beijing date (`YYYY-MM-DD`) of a stored instant: what a person sees as "the day".
pub(crate) fn iso_day(at: i64) -> StoreResult<String> {
    Ok(replies::crossing::beijing_date(at)?.to_string())
}

pub(crate) fn topic_key(year: i64, month: i64) -> StoreResult<app::model::TopicKey> {
    i32::try_from(year)
        .ok()
        .zip(u8::try_from(month).ok())
        .and_then(|(y, m)| app::model::TopicKey::new(y, m))
        .ok_or_else(|| StoreError::Corrupt(format!("topic month {year}-{month}")))
}

/// A topic label from its stored year, month and theme.
fn topic_label(year: i64, month: i64, theme: String) -> StoreResult<app::model::TopicLabel> {
    Ok(app::model::TopicLabel {
        key: topic_key(year, month)?,
        theme,
    })
}

/// A small stored count (a batch 1–5, a pick limit 1–10) that must fit its type.
fn small(value: i64, what: &str) -> StoreResult<u8> {
    u8::try_from(value).map_err(|_| StoreError::Corrupt(format!("{what} {value}")))
}

/// A stored ballot or support status; an unknown token is a corrupt row.
fn ballot_status(token: &str) -> StoreResult<app::model::BallotStatus> {
    app::model::BallotStatus::parse(token)
        .ok_or_else(|| StoreError::Corrupt(format!("unknown ballot status {token:?}")))
}

/// A stored publish state (draft, published, withdrawn); an unknown token is a corrupt row.
pub(crate) fn publish_state(token: &str) -> StoreResult<app::model::PublishState> {
    app::model::PublishState::parse(token)
        .ok_or_else(|| StoreError::Corrupt(format!("unknown publish state {token:?}")))
}

/// A stored voter tier; an unknown token is a corrupt row.
fn tier(token: &str) -> StoreResult<app::model::Tier> {
    app::model::Tier::parse(token)
        .ok_or_else(|| StoreError::Corrupt(format!("unknown tier {token:?}")))
}

fn confidence(token: &str) -> StoreResult<app::model::Confidence> {
    app::model::Confidence::parse(token)
        .ok_or_else(|| StoreError::Corrupt(format!("unknown confidence {token:?}")))
}

#[cfg(test)]
pub(crate) mod tests;
