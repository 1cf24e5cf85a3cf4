//! Backups: `server backup` copies the live database while the portal serves, and a server
//! started on the copy answers exactly as the original did. On PostgreSQL the copy is a
//! `pg_dump` archive restored with `pg_restore`.
// a test crate: a failure is a failed test
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support;

use serde_json::{json, Value};
use support::TestServer;

async fn get(server: &TestServer, path: &str) -> Value {
    reqwest::get(server.url(path))
        .await
        .expect("r")
        .json()
        .await
        .expect("json")
}

#[tokio::test]
async fn a_restored_backup_has_every_ballot_and_the_same_data() {
    let server = TestServer::start();
    let cycle = get(&server, "/api/v1/cycles/2027-annual").await;
    let pick = cycle["candidates"][1]["id"].as_i64().expect("id");
    let client = reqwest::Client::new();
    let mut receipts = Vec::new();
    for _ in 0..5 {
        let res: Value = client
            .post(server.url("/api/v1/cycles/2027-annual/ballots"))
            .json(&json!({ "picks": [pick] }))
            .send()
            .await
            .expect("post")
            .json()
            .await
            .expect("json");
        receipts.push(res["receipt"].as_str().expect("receipt").to_string());
    }
    let dir = tempfile::tempdir().expect("dir");
    let copy = dir.path().join("backup.db");
    server.run(&["backup", "--output", copy.to_str().expect("utf-8")]);
    assert!(copy.exists());

    let restored = if support::on_postgres() {
        // The documented restore: pg_restore into a new, empty database.
        let target = support::new_database(dir.path());
        let status = std::process::Command::new("pg_restore")
            .args(["--no-owner", "--exit-on-error", "--dbname", &target])
            .arg(&copy)
            .status()
            .expect("pg_restore runs");
        assert!(status.success(), "pg_restore");
        TestServer::start_on_url(&target, &[])
    } else {
        TestServer::start_on(&copy)
    };
    for path in [
        "/api/v1/cycles/2027-annual",
        "/api/v1/cycles/2027-annual/integrity",
        "/api/v1/topics/2026/11",
        "/api/v1/years",
    ] {
        assert_eq!(
            get(&server, path).await,
            get(&restored, path).await,
            "{path}"
        );
    }
    for receipt in &receipts {
        let check = get(&restored, &format!("/api/v1/receipts/{receipt}")).await;
        assert_eq!(check["state"], "counted", "{receipt} survives the backup");
    }
    // Refuses to overwrite an existing file.
    let again = std::process::Command::new(env!("CARGO_BIN_EXE_server"))
        .args(["backup", "--output", copy.to_str().expect("utf-8")])
        .env("DATABASE_URL", &server.database_url)
        .output()
        .expect("runs");
    assert!(!again.status.success());
}
