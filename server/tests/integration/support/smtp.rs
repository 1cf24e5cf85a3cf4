//! A real SMTP server for the mail tests: `scripts/test-smtp.py` (aiosmtpd from PyPI, installed
//! by `scripts/setup.sh`) on a free port, writing each message it accepts, decoded, as a JSON
//! file; stopped when the test ends.

use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct TestSmtp {
    child: Child,
    dir: tempfile::TempDir,
    /// `smtp://127.0.0.1:PORT`, for `serve --smtp-url`.
    pub url: String,
}

impl TestSmtp {
    pub fn start() -> TestSmtp {
        let dir = tempfile::tempdir().expect("a mail folder");
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../scripts/test-smtp.py");
        let mut child = Command::new("python3")
            .arg(script)
            .arg(dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("python3 runs scripts/test-smtp.py (aiosmtpd: scripts/setup.sh installs it)");
        let stdout = child.stdout.take().expect("its output");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("the SMTP server says where it listens");
        let addr = line
            .trim()
            .strip_prefix("listening on ")
            .unwrap_or_else(|| panic!("test SMTP server did not start: {line:?}"))
            .to_string();
        TestSmtp {
            child,
            dir,
            url: format!("smtp://{addr}"),
        }
    }

    /// Every mail received so far, in arrival order.
    pub fn mails(&self) -> Vec<Value> {
        let mut names: Vec<_> = std::fs::read_dir(self.dir.path())
            .expect("the mail folder")
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        names.sort();
        names
            .iter()
            .map(|p| {
                serde_json::from_str(&std::fs::read_to_string(p).expect("a mail")).expect("json")
            })
            .collect()
    }

    /// Waits (up to 15 s) until at least `n` mails have arrived, and returns them all.
    pub fn wait_for(&self, n: usize) -> Vec<Value> {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let mails = self.mails();
            if mails.len() >= n || Instant::now() > deadline {
                return mails;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for TestSmtp {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The site path of the first link in a mail's `text` that contains `part` and ends in `end`
/// (a link runs to the next whitespace, as mail programs read it).
pub fn link(text: &str, part: &str, end: &str) -> String {
    text.split_whitespace()
        .find(|w| w.contains(part) && w.ends_with(end))
        .and_then(|url| url.split_once("://").map(|(_, rest)| rest))
        .and_then(|rest| rest.find('/').map(|at| rest[at..].to_string()))
        .unwrap_or_else(|| panic!("a …{part}…{end} link in {text}"))
}

/// A client that shows redirects instead of following them (a form's answer is its redirect).
pub fn no_redirects() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("a client")
}
