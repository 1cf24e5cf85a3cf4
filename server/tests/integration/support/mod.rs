//! Test servers: the real server, started on a free port with a database of its own, and
//! stopped when the test ends. Most run in this test process, each on a runtime of its own,
//! through the library's `serve_database` (the same code `server serve` runs); the tests whose
//! point is the process itself (a crash, SIGTERM, several instances, https-only cookies, which
//! are one policy per process) start the binary with `TestServer::process_*`.
// test support: a failure is a failed test
#![allow(clippy::unwrap_used, clippy::expect_used)]
// Shared by many test modules; not every module uses every helper.
#![allow(dead_code)]

pub mod databases;
pub mod logs;
pub mod proof;
pub mod smtp;
pub mod staff;

pub use databases::{loaded_database, new_database, on_postgres};

use clap::Parser;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// Sample hotline requests a day in test data: a debug build generates slowly, and a few a day
/// still rank every class.
pub const HOTLINE_PER_DAY: &str = "60";

pub struct TestServer {
    running: Running,
    pub base: String,
    /// The server's database, for running other subcommands against it.
    pub database_url: String,
    /// Every line the server has logged so far.
    log: logs::Lines,
    _dir: tempfile::TempDir,
}

enum Running {
    /// A runtime on a thread of this process, stopped by dropping the sender.
    InProcess {
        stop: Option<tokio::sync::oneshot::Sender<()>>,
        thread: Option<std::thread::JoinHandle<()>>,
    },
    Process(Child),
}

/// A staff account to create before the server starts: (username, role, department, password).
pub type Account<'a> = (&'a str, &'a str, Option<&'a str>, &'a str);

impl TestServer {
    /// The demo data, no staff.
    pub fn start() -> TestServer {
        Self::start_with_staff(&[])
    }

    /// The demo data and the accounts.
    pub fn start_with_staff(accounts: &[Account<'_>]) -> TestServer {
        Self::start_full(accounts, &[])
    }

    /// Starts with extra `serve` flags (e.g. `--trusted-proxy-hops 1`).
    pub fn start_with_args(serve_args: &[&str]) -> TestServer {
        Self::start_full(&[], serve_args)
    }

    /// The demo data, the accounts and extra `serve` flags.
    pub fn start_full(accounts: &[Account<'_>], serve_args: &[&str]) -> TestServer {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = loaded_database(dir.path());
        add_accounts(&url, accounts);
        Self::serve(dir, url, serve_args)
    }

    /// Serves an existing SQLite file (e.g. a restored backup) from its own temp folder.
    pub fn start_on(db: &std::path::Path) -> TestServer {
        Self::start_on_url(&format!("sqlite://{}", db.display()), &[])
    }

    /// Serves a database by URL (an empty one gets the demo data, as `serve` does).
    pub fn start_on_url(url: &str, serve_args: &[&str]) -> TestServer {
        let dir = tempfile::tempdir().expect("temp dir");
        Self::serve(dir, url.to_string(), serve_args)
    }

    /// In this process, on a runtime of its own. (The page requests that once went unanswered
    /// here were leptos-rs/leptos#4773: see `ROUTES` in `server/src/http/mod.rs` and
    /// `in_process::pages_keep_answering_while_another_server_starts`.)
    fn serve(dir: tempfile::TempDir, url: String, serve_args: &[&str]) -> TestServer {
        Self::in_process(dir, url, serve_args)
    }

    /// The binary as its own process: the demo data, the accounts and extra `serve` flags.
    pub fn process_full(accounts: &[Account<'_>], serve_args: &[&str]) -> TestServer {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = loaded_database(dir.path());
        add_accounts(&url, accounts);
        Self::process(dir, url, serve_args)
    }

    /// The binary as its own process, serving a database by URL, e.g. a second instance on the
    /// database of another server.
    pub fn process_on_url(url: &str, serve_args: &[&str]) -> TestServer {
        Self::process(
            tempfile::tempdir().expect("temp dir"),
            url.to_string(),
            serve_args,
        )
    }

    /// Runs another subcommand on the server's database and returns what it printed.
    pub fn run(&self, args: &[&str]) -> String {
        run_on(&self.database_url, args)
    }

    fn in_process(dir: tempfile::TempDir, url: String, serve_args: &[&str]) -> TestServer {
        assert!(
            !serve_args.iter().any(|a| a.starts_with("https://")),
            "https cookies are one policy per process: use TestServer::process_*"
        );
        logs::install();
        let log = logs::Lines::default();
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
        let addr = listener.local_addr().expect("bound");
        let mut argv = vec!["serve", "--addr", "127.0.0.1:0"];
        let site_root = dir.path().display().to_string();
        argv.extend(["--site-root", &site_root]);
        argv.extend(["--demo-hotline-per-day", HOTLINE_PER_DAY]);
        argv.extend(serve_args);
        let Some(server::Command::Serve(args)) = cli(&url, &argv).command else {
            unreachable!("parsed as serve")
        };
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let (thread_log, worker_log, database) = (log.clone(), log.clone(), url.clone());
        let thread = std::thread::spawn(move || {
            logs::attach(thread_log);
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .on_thread_start(move || logs::attach(worker_log.clone()))
                .build()
                .expect("a runtime for the server");
            // Stopped as a killed process stops, not gracefully: some tests leave slow
            // connections open on purpose, and draining them would only make the test wait.
            runtime.block_on(async move {
                let serving =
                    server::serve_database(&database, args, listener, std::future::pending::<()>());
                tokio::select! {
                    served = serving => if let Err(err) = served {
                        tracing::error!(error = %err, "stopped");
                    },
                    _ = stopped => {}
                }
            });
            runtime.shutdown_timeout(Duration::from_secs(2));
        });
        let server = TestServer {
            running: Running::InProcess {
                stop: Some(stop),
                thread: Some(thread),
            },
            base: format!("http://{addr}"),
            database_url: url,
            log,
            _dir: dir,
        };
        server.wait_until_listening();
        server
    }

    /// Waits for the line the server logs once it accepts requests (after migrations and, on
    /// an empty database, the demo load).
    fn wait_until_listening(&self) {
        let deadline = std::time::Instant::now() + Duration::from_secs(60);
        while self.logged("listening on http://") == 0 {
            let ended = matches!(&self.running, Running::InProcess { thread: Some(t), .. } if t.is_finished());
            if ended || std::time::Instant::now() > deadline {
                panic!(
                    "the server did not start; it logged:\n{}",
                    self.log_lines().join("\n")
                );
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn process(dir: tempfile::TempDir, url: String, serve_args: &[&str]) -> TestServer {
        let mut child = Command::new(env!("CARGO_BIN_EXE_server"))
            .args(["serve", "--addr", "127.0.0.1:0"])
            .args(serve_args)
            .env("DATABASE_URL", &url)
            .env("DIANCA_DEMO_HOTLINE_PER_DAY", HOTLINE_PER_DAY)
            .env("LEPTOS_SITE_ROOT", dir.path())
            .env("RUST_LOG", "info")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("server binary starts");
        let stdout = child.stdout.take().expect("stdout piped");
        let (tx, rx) = std::sync::mpsc::channel();
        let log = logs::Lines::default();
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
            running: Running::Process(child),
            base: format!("http://{addr}"),
            database_url: url,
            log,
            _dir: dir,
        }
    }

    fn child(&mut self) -> &mut Child {
        match &mut self.running {
            Running::Process(child) => child,
            Running::InProcess { .. } => panic!("only a TestServer::process_* server is a process"),
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
        let child = self.child();
        // `Child::kill` is SIGKILL on Unix.
        child.kill().expect("SIGKILL sent");
        let status = child.wait().expect("server reaped");
        assert!(!status.success(), "the server was killed, not stopped");
    }

    /// Sends SIGTERM and waits: the server must shut down by itself.
    pub fn terminate(mut self) -> std::process::ExitStatus {
        let child = self.child();
        let pid = child.id().to_string();
        let _ = Command::new("kill").args(["-TERM", &pid]).status();
        for _ in 0..100 {
            if let Ok(Some(status)) = child.try_wait() {
                return status;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("server did not stop within 10 s of SIGTERM");
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        match &mut self.running {
            Running::Process(child) => {
                let _ = child.kill();
                let _ = child.wait();
            }
            Running::InProcess { stop, thread } => {
                drop(stop.take());
                if let Some(thread) = thread.take() {
                    let _ = thread.join();
                }
            }
        }
    }
}

/// The command line `server --database-url <url> <args…>`, parsed as the binary parses it.
pub fn cli(database_url: &str, args: &[&str]) -> server::Cli {
    let argv = ["server", "--database-url", database_url]
        .into_iter()
        .chain(args.iter().copied());
    server::Cli::try_parse_from(argv).expect("a valid command line")
}

/// Runs `work` to completion on a runtime of its own, on a thread of its own: test support is
/// called from inside the tests' own runtimes, where blocking on another future would panic.
pub fn block_on_own_thread(work: impl std::future::Future<Output = ()> + Send + 'static) {
    std::thread::spawn(move || {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("a runtime")
            .block_on(work)
    })
    .join()
    .expect("the work finished");
}

/// Creates the accounts with the code `staff-add` runs.
fn add_accounts(database_url: &str, accounts: &[Account<'_>]) {
    for (username, role, department, password) in accounts {
        let mut argv = vec!["staff-add", "--username", username, "--role", role];
        if let Some(d) = department {
            argv.extend(["--department", d]);
        }
        let Some(server::Command::StaffAdd(args)) = cli(database_url, &argv).command else {
            unreachable!("parsed as staff-add")
        };
        let (url, password) = (database_url.to_string(), password.to_string());
        block_on_own_thread(async move {
            server::add_staff_to(&url, args, password)
                .await
                .expect("created the account");
        });
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

/// The text a reader sees: the page without its tags (and so without attribute values such as
/// the proof-of-work challenge, whose random hex may contain any run of digits).
pub fn visible_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}
