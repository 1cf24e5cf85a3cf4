//! Starts the real server binary on a free port with its own SQLite file, and stops it.

// Shared by several test crates; not every crate uses every helper.
#![allow(dead_code)]

pub mod staff;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

pub struct TestServer {
    child: Child,
    pub base: String,
    /// The server's database, for running other subcommands against it.
    pub database_url: String,
    _dir: tempfile::TempDir,
}

/// A staff account to create before the server starts: (username, role, department, password).
pub type Account<'a> = (&'a str, &'a str, Option<&'a str>, &'a str);

impl TestServer {
    pub fn start() -> TestServer {
        Self::start_with_staff(&[])
    }

    /// Loads the demo data and creates the accounts with the real `staff-add` subcommand.
    pub fn start_with_staff(accounts: &[Account<'_>]) -> TestServer {
        Self::start_full(accounts, &[])
    }

    /// Starts with extra `serve` flags (e.g. `--trusted-proxy-hops 1`).
    pub fn start_with_args(serve_args: &[&str]) -> TestServer {
        Self::start_full(&[], serve_args)
    }

    /// Runs another subcommand on the server's database and returns what it printed.
    pub fn run(&self, args: &[&str]) -> String {
        run_on(&self.database_url, args)
    }

    /// Serves an existing database file (e.g. a restored backup) from its own temp folder.
    pub fn start_on(db: &std::path::Path) -> TestServer {
        Self::start_on_with_args(db, &[])
    }

    /// Serves an existing database file with extra `serve` flags; the file outlives the server.
    pub fn start_on_with_args(db: &std::path::Path, serve_args: &[&str]) -> TestServer {
        Self::start_at(
            tempfile::tempdir().expect("temp dir"),
            db.to_path_buf(),
            &[],
            serve_args,
        )
    }

    fn start_full(accounts: &[Account<'_>], serve_args: &[&str]) -> TestServer {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("portal.db");
        Self::start_at(dir, db, accounts, serve_args)
    }

    fn start_at(
        dir: tempfile::TempDir,
        db: std::path::PathBuf,
        accounts: &[Account<'_>],
        serve_args: &[&str],
    ) -> TestServer {
        let url = format!("sqlite://{}", db.display());
        if !accounts.is_empty() {
            demo_load(&url);
        }
        for (username, role, department, password) in accounts {
            let mut cmd = Command::new(env!("CARGO_BIN_EXE_server"));
            cmd.args(["staff-add", "--username", username, "--role", role])
                .env("DATABASE_URL", &url)
                .env("DIANCA_NEW_PASSWORD", password)
                .stdout(Stdio::null());
            if let Some(d) = department {
                cmd.args(["--department", d]);
            }
            assert!(
                cmd.status().expect("staff-add runs").success(),
                "created {username}"
            );
        }
        let mut child = Command::new(env!("CARGO_BIN_EXE_server"))
            .args(["serve", "--addr", "127.0.0.1:0"])
            .args(serve_args)
            .env("DATABASE_URL", &url)
            .env("DIANCA_DEMO_HOTLINE_PER_DAY", "60")
            .env("LEPTOS_SITE_ROOT", dir.path())
            .env("RUST_LOG", "info")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("server binary starts");
        let stdout = child.stdout.take().expect("stdout piped");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut sent = false;
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if !sent {
                    if let Some(rest) = line.split("listening on http://").nth(1) {
                        let addr = rest
                            .split_whitespace()
                            .next()
                            .unwrap_or_default()
                            .to_string();
                        let _ = tx.send(addr);
                        sent = true;
                    }
                }
            }
        });
        let addr = rx
            .recv_timeout(Duration::from_secs(30))
            .expect("server printed its address within 30 s");
        TestServer {
            child,
            base: format!("http://{addr}"),
            database_url: url,
            _dir: dir,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// Kills the server with SIGKILL, as an out-of-memory kill or a power cut would: no
    /// graceful shutdown, no WAL checkpoint. A database given to `start_on` stays for a restart.
    pub fn crash(mut self) {
        // `Child::kill` is SIGKILL on Unix.
        self.child.kill().expect("SIGKILL sent");
        let status = self.child.wait().expect("server reaped");
        assert!(!status.success(), "the server was killed, not stopped");
    }

    /// Sends SIGTERM and waits: the server must shut down by itself.
    pub fn terminate(mut self) -> std::process::ExitStatus {
        let pid = self.child.id().to_string();
        let _ = Command::new("kill").args(["-TERM", &pid]).status();
        for _ in 0..100 {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("server did not stop within 10 s of SIGTERM");
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs a subcommand on a database (which may have no server) and returns what it printed.
pub fn run_on(database_url: &str, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_server"))
        .args(args)
        .env("DATABASE_URL", database_url)
        .output()
        .expect("subcommand runs");
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// Loads the demo data with the real `demo-load` subcommand.
pub fn demo_load(database_url: &str) {
    let status = Command::new(env!("CARGO_BIN_EXE_server"))
        .arg("demo-load")
        .env("DATABASE_URL", database_url)
        // A debug build generates slowly; a few requests a day still rank every class.
        .env("DIANCA_DEMO_HOTLINE_PER_DAY", "60")
        .stdout(Stdio::null())
        .status()
        .expect("demo-load runs");
    assert!(status.success());
}
