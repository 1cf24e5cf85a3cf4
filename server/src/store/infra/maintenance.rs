//! Backups and health checks, the operations whose SQL (or tool) differs by engine.

use crate::store::{Engine, Store, StoreError, StoreResult};

impl Store {
    /// Writes a consistent copy of the database to `path` (a new file) while the portal runs:
    /// SQLite's `VACUUM INTO` (one read transaction), or `pg_dump`'s custom format (one
    /// repeatable-read snapshot) for PostgreSQL. Restoring is in the README.
    pub async fn backup_to(&self, path: &str) -> StoreResult<()> {
        match self.engine {
            Engine::Sqlite => {
                sqlx::query("VACUUM INTO $1")
                    .bind(path)
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }
            Engine::Postgres => {
                let status = tokio::process::Command::new("pg_dump")
                    .arg("--format=custom")
                    .arg("--no-owner")
                    .arg(format!("--file={path}"))
                    .arg(format!("--dbname={}", self.url))
                    .status()
                    .await
                    .map_err(|e| StoreError::Unsupported(format!("could not run pg_dump: {e}")))?;
                if status.success() {
                    Ok(())
                } else {
                    Err(StoreError::Unsupported(format!(
                        "pg_dump failed ({status})"
                    )))
                }
            }
        }
    }

    /// The backup at `path` opens and checks out: an SQLite copy passes its integrity check;
    /// a `pg_dump` archive's table of contents reads (`pg_restore --list`).
    pub async fn backup_reads_back(&self, path: &str) -> StoreResult<bool> {
        match self.engine {
            Engine::Sqlite => {
                let copy = Store::open(&format!("sqlite://{path}")).await?;
                let ok = copy.integrity_ok().await?;
                copy.close().await;
                Ok(ok)
            }
            Engine::Postgres => {
                let out = tokio::process::Command::new("pg_restore")
                    .arg("--list")
                    .arg(path)
                    .output()
                    .await
                    .map_err(|e| {
                        StoreError::Unsupported(format!("could not run pg_restore: {e}"))
                    })?;
                let listing = String::from_utf8_lossy(&out.stdout);
                Ok(out.status.success() && listing.contains("TABLE DATA public ballots"))
            }
        }
    }

    /// SQLite: `PRAGMA integrity_check` says "ok". PostgreSQL checksums and recovers its own
    /// pages, so there the check is that the server answers and the schema is fully migrated.
    pub async fn integrity_ok(&self) -> StoreResult<bool> {
        match self.engine {
            Engine::Sqlite => {
                let result: String = sqlx::query_scalar("PRAGMA integrity_check")
                    .fetch_one(&self.pool)
                    .await?;
                Ok(result == "ok")
            }
            Engine::Postgres => {
                let failed: i64 =
                    sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations WHERE NOT success")
                        .fetch_one(&self.pool)
                        .await?;
                Ok(failed == 0)
            }
        }
    }
}
