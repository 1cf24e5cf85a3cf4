//! The hotline import as a user runs it: the real binary on a throwaway database — known
//! answers, bad rows by line, idempotent re-import, and an import killed half-way that leaves
//! nothing behind.
// a test crate: a failure is a failed test
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::Duration;

const HEADER: &str = "id,received_at,channel,request_type,category_l1,category_l2,category_l3,district,street,handling_unit,status,closed_at,resolved,satisfaction,reopen_count";

fn server(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_server"))
        .args(args)
        .env("DATABASE_URL", format!("sqlite://{}", db.display()))
        .env("RUST_LOG", "warn")
        .output()
        .expect("the binary runs")
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).expect("utf-8")
}

#[test]
fn a_small_file_imports_with_known_answers_and_bad_rows_by_line() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("p.db");
    let file = dir.path().join("records.csv");
    let rows = [
        "1,2025-01-06 09:00:00,电话,投诉,城乡建设,供暖,室温不达标,朝阳区,,热力,closed,2025-01-06 21:00:00,yes,satisfied,0",
        "2,2025-01-06 10:00:00,电话,求助,城乡建设,供暖,室温不达标,朝阳区,,热力,closed,2025-01-09 10:00:00,partly,dissatisfied,2",
        "3,2025-01-06 11:00:00,网络,咨询,城乡建设,供暖,室温不达标,海淀区,,热力,open,,,none,0",
        "4,2025-13-07 11:00:00,网络,咨询,城乡建设,供暖,室温不达标,海淀区,,热力,open,,,none,0",
        "5,2025-01-07 11:00:00,网络,咨询,城乡建设,供暖,室温不达标,,,热力,open,,,none,0",
        "6,2025-01-07 12:00:00,网络,咨询,住房,物业管理,物业服务,东城区,,物业,closed,2025-01-07 13:00:00,yes,basically,0",
    ];
    std::fs::write(&file, format!("{HEADER}\n{}\n", rows.join("\n"))).expect("write");
    let out = stdout(&server(
        &db,
        &["hotline-import", file.to_str().expect("path")],
    ));
    assert!(out.contains("6 rows, 4 counted, 2 bad"), "{out}");
    assert!(out.contains("line 5, column 2: received_at"), "{out}");
    assert!(out.contains("line 6, column 8: district is empty"), "{out}");
    assert!(
        out.contains("imported as #1: 3 day × category × district cells"),
        "{out}"
    );

    let again = stdout(&server(
        &db,
        &["hotline-import", file.to_str().expect("path")],
    ));
    assert!(again.contains("already imported as #1"), "{again}");
    let status = stdout(&server(&db, &["hotline-status"]));
    assert_eq!(
        status.trim(),
        "imports: 1, cells: 3, requests: 4",
        "re-import added nothing"
    );

    let ranking = stdout(&server(&db, &["hotline-rank", "--days", "7"]));
    assert!(
        ranking.starts_with("2025-01-01 – 2025-01-07 against 2024-12-25 – 2024-12-31"),
        "{ranking}"
    );
    let first = ranking.lines().nth(1).unwrap_or("");
    let second = ranking.lines().nth(2).unwrap_or("");
    assert!(
        first.starts_with(" 1. 城乡建设 › 供暖") && first.contains("volume 3"),
        "{ranking}"
    );
    assert!(
        first.contains("districts 2") && first.contains("dissatisfied 50.0%"),
        "{ranking}"
    );
    assert!(second.starts_with(" 2. 住房 › 物业管理"), "{ranking}");
}

#[test]
fn a_wrong_header_is_refused_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("p.db");
    let file = dir.path().join("bad.csv");
    std::fs::write(&file, "id,time,category\n1,2025-01-01,x\n").expect("write");
    let out = server(&db, &["hotline-import", file.to_str().expect("path")]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 1: the header must be exactly"), "{err}");
    let status = stdout(&server(&db, &["hotline-status"]));
    assert_eq!(status.trim(), "imports: 0, cells: 0, requests: 0");
}

#[test]
fn an_import_killed_half_way_leaves_no_aggregates() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("p.db");
    let big = dir.path().join("big.csv");
    let small = dir.path().join("small.csv");
    stdout(&server(
        &db,
        &[
            "hotline-generate",
            "--records",
            "600000",
            "--output",
            big.to_str().expect("p"),
        ],
    ));
    stdout(&server(
        &db,
        &[
            "hotline-generate",
            "--records",
            "1000",
            "--seed",
            "2",
            "--output",
            small.to_str().expect("p"),
        ],
    ));
    // The import reads a named pipe that gets only part of the file, so it is certainly still
    // running (with some records aggregated) when it is killed, however fast the build is.
    let fifo = dir.path().join("records.fifo");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    let bytes = std::fs::read(&big).expect("read the file");
    let (fed, done) = (std::sync::mpsc::channel(), std::sync::mpsc::channel::<()>());
    let feeder = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            use std::io::Write;
            let mut pipe = std::fs::OpenOptions::new()
                .write(true)
                .open(&fifo)
                .expect("open the pipe");
            pipe.write_all(&bytes[..bytes.len() * 2 / 3])
                .expect("feed part of the file");
            let _ = fed.0.send(());
            // Hold the pipe open (no end of file) until the import is dead.
            let _ = done.1.recv_timeout(Duration::from_secs(60));
        })
    };
    let mut child = Command::new(env!("CARGO_BIN_EXE_server"))
        .args(["hotline-import", fifo.to_str().expect("p"), "--sample"])
        .env("DATABASE_URL", format!("sqlite://{}", db.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    fed.1
        .recv_timeout(Duration::from_secs(60))
        .expect("the import read the first part");
    std::thread::sleep(Duration::from_millis(300));
    child.kill().expect("kill -9");
    let _ = done.0.send(());
    feeder.join().expect("feeder");
    let status = child.wait().expect("wait");
    assert!(
        !status.success(),
        "the import was still running when killed"
    );
    // The next import is the first one: nothing of the killed import was written.
    let out = stdout(&server(
        &db,
        &["hotline-import", small.to_str().expect("p"), "--sample"],
    ));
    assert!(out.contains("imported as #1"), "{out}");
    assert!(out.contains("1000 rows, 1000 counted, 0 bad"), "{out}");
    let status = stdout(&server(&db, &["hotline-status"]));
    assert!(
        status.contains("imports: 1,") && status.contains("requests: 1000"),
        "{status}"
    );
}
