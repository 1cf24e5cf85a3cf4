//! The schema keeps its promises on both engines: append-only tables refuse changes, and the
//! SQLite and PostgreSQL migrations build the same tables, columns, indexes and triggers.

use crate::store::infra::test_db::{engine, fresh_store};
use crate::store::tests::loaded_store;
use crate::store::{Engine, Store};
use std::collections::BTreeSet;

/// The tables whose rows are a record (ballots and their reviews, the audit log, revisions,
/// first-shown chart data): never updated, never deleted.
const APPEND_ONLY: [(&str, &str); 6] = [
    ("audit_log", "detail"),
    ("ballot_reviews", "moderator"),
    ("ballots", "voter"),
    ("chart_versions", "data"),
    ("revisions", "action"),
    ("suggestion_revisions", "reason"),
];

async fn count(store: &Store, table: &str) -> i64 {
    sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(&store.pool)
        .await
        .expect("count")
}

async fn one_row_in_each(store: &Store) {
    let exec = |sql: &'static str| {
        let pool = store.pool.clone();
        async move { sqlx::query(sql).execute(&pool).await.expect(sql) }
    };
    exec("INSERT INTO audit_log (at, username, action, subject, detail) VALUES (1, 't', 'a', 's', 'd')").await;
    exec(
        "INSERT INTO ballot_reviews (ballot_id, decision, moderator, at)
         SELECT MIN(id), 'counted', 't', 1 FROM ballots",
    )
    .await;
    exec(
        "INSERT INTO suggestions (title, description, district, category, receipt, status, voter, created_at)
         VALUES ('t', 'd', '朝阳区', 'c', 'S-TEST', 'pending', 'v', 1)",
    )
    .await;
    exec(
        "INSERT INTO suggestion_revisions (suggestion_id, at, username, reason, title_before, description_before)
         SELECT MIN(id), 1, 't', 'r', 't', 'd' FROM suggestions",
    )
    .await;
    exec(
        "INSERT INTO revisions (entity, entity_id, at, username, action, snapshot)
         VALUES ('topic', 1, 1, 't', 'original', '{}')",
    )
    .await;
    store
        .remember_chart_version("topic-1", "v1", "{}", "2026-12-01")
        .await
        .expect("chart version");
}

#[tokio::test]
async fn every_append_only_table_refuses_update_and_delete() {
    let (_db, store) = loaded_store().await;
    one_row_in_each(&store).await;
    for (table, column) in APPEND_ONLY {
        assert!(count(&store, table).await > 0, "{table} has a row to test");
        let update = format!("UPDATE {table} SET {column} = {column}");
        assert!(
            sqlx::query(&update).execute(&store.pool).await.is_err(),
            "{table}: update refused"
        );
        let delete = format!("DELETE FROM {table}");
        assert!(
            sqlx::query(&delete).execute(&store.pool).await.is_err(),
            "{table}: delete refused"
        );
        assert!(count(&store, table).await > 0, "{table} kept its rows");
    }
    // No table is append-only by trigger without being in the list (and so tested).
    let guarded: BTreeSet<String> = triggers(&store)
        .await
        .into_iter()
        .filter(|(name, _)| name.ends_with("_no_update") || name.ends_with("_no_delete"))
        .map(|(_, table)| table)
        .collect();
    let listed: BTreeSet<String> = APPEND_ONLY.iter().map(|(t, _)| t.to_string()).collect();
    assert_eq!(guarded, listed);
}

/// (trigger, table) pairs.
async fn triggers(store: &Store) -> BTreeSet<(String, String)> {
    let sql = match store.engine() {
        Engine::Sqlite => "SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger'",
        Engine::Postgres => {
            "SELECT DISTINCT trigger_name::text, event_object_table::text
             FROM information_schema.triggers WHERE trigger_schema = current_schema()"
        }
    };
    sqlx::query_as::<_, (String, String)>(sql)
        .fetch_all(&store.pool)
        .await
        .expect("triggers")
        .into_iter()
        .collect()
}

/// Everything the two migration sets must agree on, as comparable lines.
async fn shape(store: &Store) -> BTreeSet<String> {
    let mut lines = BTreeSet::new();
    let (columns, indexes) = match store.engine() {
        Engine::Sqlite => (
            "SELECT m.name, p.name, p.type, p.\"notnull\" + p.pk
             FROM sqlite_master m JOIN pragma_table_info(m.name) p
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_sqlx%'",
            "SELECT name, tbl_name FROM sqlite_master
             WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex%'",
        ),
        Engine::Postgres => (
            "SELECT table_name::text, column_name::text, data_type::text,
                    CASE WHEN is_nullable = 'NO' THEN 1 ELSE 0 END
             FROM information_schema.columns
             WHERE table_schema = current_schema() AND table_name NOT LIKE '_sqlx%'",
            "SELECT indexname::text, tablename::text FROM pg_indexes
             WHERE schemaname = current_schema()
               AND indexname NOT IN (SELECT conname::text FROM pg_constraint)",
        ),
    };
    let rows: Vec<(String, String, String, i64)> = sqlx::query_as(columns)
        .fetch_all(&store.pool)
        .await
        .expect("columns");
    for (table, column, declared, required) in rows {
        let kind = column_kind(&declared);
        let null = if required > 0 { "not null" } else { "null" };
        lines.insert(format!("column {table}.{column} {kind} {null}"));
    }
    let rows: Vec<(String, String)> = sqlx::query_as(indexes)
        .fetch_all(&store.pool)
        .await
        .expect("indexes");
    for (index, table) in rows {
        lines.insert(format!("index {index} on {table}"));
    }
    for (trigger, table) in triggers(store).await {
        lines.insert(format!("trigger {trigger} on {table}"));
    }
    lines
}

/// The value kind a declared type stores, in words both engines map to.
fn column_kind(declared: &str) -> &'static str {
    let t = declared.to_ascii_lowercase();
    if t.contains("int") || t == "bigserial" || t == "serial" {
        "integer"
    } else if t.contains("char") || t == "text" {
        "text"
    } else if t.contains("real") || t.contains("double") || t.contains("numeric") {
        "real"
    } else if t.contains("blob") || t == "bytea" {
        "bytes"
    } else if t.contains("bool") {
        "boolean"
    } else {
        "other"
    }
}

/// Runs in the PostgreSQL stage of the test command, where both engines are at hand.
#[tokio::test]
async fn the_sqlite_and_postgresql_schemas_agree() {
    if engine() != Engine::Postgres {
        eprintln!("the schema comparison runs in the PostgreSQL stage (DIANCA_TEST_POSTGRES)");
        return;
    }
    let (_pg_db, pg) = fresh_store().await;
    let dir = tempfile::tempdir().expect("temp dir");
    let sqlite = Store::open(&format!("sqlite://{}", dir.path().join("s.db").display()))
        .await
        .expect("sqlite");
    let (lite, post) = (shape(&sqlite).await, shape(&pg).await);
    assert!(
        lite.len() > 100,
        "the SQLite schema was read: {}",
        lite.len()
    );
    let only_lite: Vec<_> = lite.difference(&post).collect();
    let only_pg: Vec<_> = post.difference(&lite).collect();
    assert!(
        only_lite.is_empty() && only_pg.is_empty(),
        "only in SQLite: {only_lite:#?}\nonly in PostgreSQL: {only_pg:#?}"
    );
}
