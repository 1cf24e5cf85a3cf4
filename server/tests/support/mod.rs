//! Starts the real server binary on a free port with a database of its own, and stops it.
//! The database is an SQLite file, or a new PostgreSQL database when `DIANCA_TEST_POSTGRES`
//! names a server (the test command runs the suite both ways).
// test support: a failure is a failed test
#![allow(clippy::unwrap_used, clippy::expect_used)]
// Shared by several test crates; not every crate uses every helper.
#![allow(dead_code)]

pub mod proof;
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
    /// Every line the server has printed so far.
    log: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
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

    /// Serves an existing SQLite file (e.g. a restored backup) from its own temp folder.
    pub fn start_on(db: &std::path::Path) -> TestServer {
        Self::start_on_url(&format!("sqlite://{}", db.display()), &[])
    }

    /// Serves a database by URL with extra `serve` flags, e.g. a second instance on the
    /// database of another server.
    pub fn start_on_url(url: &str, serve_args: &[&str]) -> TestServer {
        Self::start_at(
            tempfile::tempdir().expect("temp dir"),
            url.to_string(),
            &[],
            serve_args,
        )
    }

    /// Loads the demo data, creates the accounts and starts with extra `serve` flags.
    pub fn start_full(accounts: &[Account<'_>], serve_args: &[&str]) -> TestServer {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = new_database(dir.path());
        Self::start_at(dir, url, accounts, serve_args)
    }

    fn start_at(
        dir: tempfile::TempDir,
        url: String,
        accounts: &[Account<'_>],
        serve_args: &[&str],
    ) -> TestServer {
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
        let log = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let lines = log.clone();
        std::thread::spawn(move || {
            let mut sent = false;
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Ok(mut lines) = lines.lock() {
                    lines.push(line.clone());
                }
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
        let Ok(addr) = rx.recv_timeout(Duration::from_secs(30)) else {
            let printed = log.lock().map(|l| l.join("\n")).unwrap_or_default();
            panic!("the server printed no address within 30 s; it printed:\n{printed}");
        };
        TestServer {
            child,
            base: format!("http://{addr}"),
            database_url: url,
            log,
            _dir: dir,
        }
    }

    /// How many lines the server printed that contain `needle`.
    pub fn logged(&self, needle: &str) -> usize {
        self.log
            .lock()
            .map(|lines| lines.iter().filter(|l| l.contains(needle)).count())
            .unwrap_or(0)
    }

    /// Every line the server printed so far.
    pub fn log_lines(&self) -> Vec<String> {
        self.log
            .lock()
            .map(|lines| lines.clone())
            .unwrap_or_default()
    }

    /// Waits (up to 5 s) until at least `at_least` lines contain `needle`, then a moment more
    /// for stragglers, and returns the count: the server logs an event after it has answered,
    /// and its output reaches the test through a pipe, so a count read at once can be short.
    pub fn logged_eventually(&self, needle: &str, at_least: usize) -> usize {
        let deadline = std::time::Instant::now() + Duration::from_secs(5);
        while self.logged(needle) < at_least && std::time::Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(50));
        }
        std::thread::sleep(Duration::from_millis(200));
        self.logged(needle)
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// Kills the server with SIGKILL, as an out-of-memory kill or a power cut would: no
    /// graceful shutdown, no WAL checkpoint. A database given to `start_on`/`start_on_url` stays for a restart.
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

/// The URL of a new, empty database for one server: an SQLite file in `dir`, or a fresh
/// database on the PostgreSQL server named by `DIANCA_TEST_POSTGRES`.
pub fn new_database(dir: &std::path::Path) -> String {
    match std::env::var("DIANCA_TEST_POSTGRES") {
        Ok(base) if !base.is_empty() => {
            let name = format!("dianca_t_{:016x}", rand_u64());
            let status = Command::new("psql")
                .args(["-q", "-v", "ON_ERROR_STOP=1", &base, "-c"])
                .arg(format!("CREATE DATABASE {name}"))
                .status()
                .expect("psql runs");
            assert!(status.success(), "created the test database {name}");
            let (server, _) = base.rsplit_once('/').expect("a URL ending in /database");
            format!("{server}/{name}")
        }
        _ => format!("sqlite://{}", dir.join("portal.db").display()),
    }
}

/// True when this run's databases are PostgreSQL.
pub fn on_postgres() -> bool {
    std::env::var("DIANCA_TEST_POSTGRES").is_ok_and(|u| !u.is_empty())
}

fn rand_u64() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default(),
    );
    h.finish()
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
