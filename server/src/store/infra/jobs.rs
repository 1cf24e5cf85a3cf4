//! Jobs that must run once however many instances start at the same moment (the first-start
//! demo load): each holds a lock for its whole length, and checks after taking it whether the
//! work is still to do.

use crate::store::{Engine, Store, StoreError, StoreResult};
use sha2::{Digest, Sha256};

/// Held while a job runs; released when dropped (or by [`JobLock::release`]).
pub struct JobLock {
    held: Held,
}

enum Held {
    /// A PostgreSQL session advisory lock lives as long as its connection, so the connection
    /// is taken out of the pool: a crash mid-job closes it and frees the lock.
    Postgres(sqlx::AnyConnection),
    /// An SQLite database's lock file beside it (`<file>-jobs.lock`, an OS advisory lock).
    File(#[allow(dead_code)] std::fs::File),
    /// An in-memory SQLite database has one process by definition.
    Nothing,
}

impl JobLock {
    pub async fn release(self) {
        if let Held::Postgres(conn) = self.held {
            use sqlx::Connection;
            let _ = conn.close().await;
        }
    }
}

/// A stable 64-bit key for a job name.
fn job_key(job: &str) -> i64 {
    let digest = Sha256::digest(job.as_bytes());
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(&digest[..8]);
    i64::from_be_bytes(bytes)
}

/// Waits for the OS lock on `<file>-jobs.lock` beside an SQLite file and holds it while the
/// returned file is open; `None` for an in-memory database.
pub(in crate::store) async fn lock_sqlite_file(url: &str) -> StoreResult<Option<std::fs::File>> {
    let Some(path) = crate::store::infra::dialect::sqlite_file(url) else {
        return Ok(None);
    };
    let lock_path = format!("{path}-jobs.lock");
    let file = tokio::task::spawn_blocking(move || {
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)?;
        file.lock()?;
        Ok::<_, std::io::Error>(file)
    })
    .await
    .map_err(|e| StoreError::Unsupported(format!("job lock task: {e}")))?
    .map_err(|e| StoreError::Unsupported(format!("job lock file: {e}")))?;
    Ok(Some(file))
}

impl Store {
    /// Waits until no other process runs `job`, then holds it.
    pub async fn job_lock(&self, job: &str) -> StoreResult<JobLock> {
        let held = match self.engine {
            Engine::Postgres => {
                let mut conn = self.pool.acquire().await?.detach();
                sqlx::query("SELECT 1 FROM (SELECT pg_advisory_lock($1)) AS locked")
                    .bind(job_key(job))
                    .execute(&mut conn)
                    .await?;
                Held::Postgres(conn)
            }
            Engine::Sqlite => match lock_sqlite_file(&self.url).await? {
                Some(file) => Held::File(file),
                None => Held::Nothing,
            },
        };
        Ok(JobLock { held })
    }
}
