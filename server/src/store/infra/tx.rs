//! Transactions. A write is a [`WriteTx`], opened by [`Store::write_tx`] and finished only by
//! [`Store::commit`] (its inner transaction is private to this module), so every committed
//! write holds the write lock and moves the page-data stamp. Dropping one rolls it back.
//!
//! Statement helpers take a [`Conn`], which a `WriteTx` and a plain read connection both give,
//! so one helper serves a write and a read without owning either.
//!
//! The few writes that change no page (sessions, login failures, rate buckets, signing keys,
//! first-seen chart versions) are single statements on the pool, each its own transaction;
//! `tidy::writes_outside_write_tx` lists them and fails on any other.

use crate::store::{Db, Engine, Store, StoreResult, WRITE_LOCK};
use std::ops::{Deref, DerefMut};

/// The connection a statement helper runs on.
pub(crate) type Conn = sqlx::AnyConnection;

/// A write transaction holding the write lock; see the module doc.
pub(crate) struct WriteTx {
    inner: sqlx::Transaction<'static, Db>,
}

impl Deref for WriteTx {
    type Target = Conn;
    fn deref(&self) -> &Conn {
        &self.inner
    }
}

impl DerefMut for WriteTx {
    fn deref_mut(&mut self) -> &mut Conn {
        &mut self.inner
    }
}

impl Store {
    /// A transaction that holds the write lock from its first statement. On SQLite that is
    /// `BEGIN IMMEDIATE` (a deferred transaction that reads first cannot wait for the lock when
    /// it later writes: WAL answers "busy" at once); on PostgreSQL it is [`WRITE_LOCK`].
    pub(crate) async fn write_tx(&self) -> StoreResult<WriteTx> {
        let inner = match self.engine {
            Engine::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            Engine::Postgres => {
                let mut tx = self.pool.begin().await?;
                // Wrapped so no `void` column reaches the `Any` row decoder.
                sqlx::query("SELECT 1 FROM (SELECT pg_advisory_xact_lock($1)) AS locked")
                    .bind(WRITE_LOCK)
                    .execute(&mut *tx)
                    .await?;
                tx
            }
        };
        Ok(WriteTx { inner })
    }

    /// Commits a write that changes nothing a page shows — the notices' fan-out: outbox rows,
    /// the follows' told stamps, how far a notice or a round's closing was told — without
    /// moving the page-data stamp: 100,000 notices go out in 400 chunks, and each chunk would
    /// otherwise empty every kept page for every reader (docs/load.md, issue 33).
    pub(crate) async fn commit_unseen(&self, tx: WriteTx) -> StoreResult<()> {
        tx.inner.commit().await?;
        Ok(())
    }

    /// Commits a [`Store::write_tx`] transaction and counts it: page-data caches key on the
    /// count, so a reader never sees data older than this instance's own last write.
    pub(crate) async fn commit(&self, tx: WriteTx) -> StoreResult<()> {
        tx.inner.commit().await?;
        self.writes
            .fetch_add(1, std::sync::atomic::Ordering::Release);
        Ok(())
    }
}
