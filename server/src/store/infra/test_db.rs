//! The engine the store tests run on. SQLite files in a temporary folder by default; with
//! `DIANCA_TEST_POSTGRES` set to a PostgreSQL URL (a role that may create databases), each test
//! gets a database of its own there instead, so the same suite checks both engines.
//! `scripts/postgres.sh` starts the server, sets the variable and drops the databases after.

use crate::store::{Engine, Store};

/// Keeps a test's database alive: the temporary folder of an SQLite file (PostgreSQL
/// databases are dropped by the script that made the server).
pub(crate) struct TestDb {
    _dir: tempfile::TempDir,
}

/// The engine chosen for this test run.
pub(in crate::store) fn engine() -> Engine {
    match std::env::var("DIANCA_TEST_POSTGRES") {
        Ok(url) if !url.is_empty() => Engine::Postgres,
        _ => Engine::Sqlite,
    }
}

/// A new, empty, migrated store on the engine of this run.
pub(in crate::store) async fn fresh_store() -> (TestDb, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = match std::env::var("DIANCA_TEST_POSTGRES") {
        Ok(base) if !base.is_empty() => new_postgres_database(&base).await,
        _ => format!("sqlite://{}", dir.path().join("test.db").display()),
    };
    let store = Store::open(&url).await.expect("open store");
    (TestDb { _dir: dir }, store)
}

/// Creates `t_<random>` beside the database of `base` and returns its URL.
async fn new_postgres_database(base: &str) -> String {
    use rand::Rng;
    use sqlx::Connection;
    let name = format!("dianca_t_{:016x}", rand::rng().random::<u64>());
    let mut admin = sqlx::PgConnection::connect(base)
        .await
        .expect("connect to the test PostgreSQL");
    sqlx::raw_sql(&format!("CREATE DATABASE {name}"))
        .execute(&mut admin)
        .await
        .expect("create a test database");
    admin.close().await.ok();
    let (server, _) = base.rsplit_once('/').expect("a URL ending in /database");
    format!("{server}/{name}")
}
