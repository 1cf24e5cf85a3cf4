//! What each in-process server logs, kept apart: one tracing subscriber for the whole test
//! process, in the binary's own text format, writing each line to the log of the server whose
//! thread emitted it. Every thread of a server's runtime is marked at its start, so events from
//! its workers and its blocking pool land in its log; events from test threads go nowhere.

use std::cell::RefCell;
use std::io::Write;
use std::sync::{Arc, Mutex, Once};

/// The lines one server has logged so far.
pub type Lines = Arc<Mutex<Vec<String>>>;

thread_local! {
    static CURRENT: RefCell<Option<Lines>> = const { RefCell::new(None) };
}

/// Marks the calling thread as one of the server's that owns `lines`.
pub fn attach(lines: Lines) {
    CURRENT.with(|current| *current.borrow_mut() = Some(lines));
}

/// Installs the process's subscriber once, with the filter the binary uses by default.
pub fn install() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let _ = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new(
                "info,sqlx=warn,tower_http=info,hotline_sums=debug",
            ))
            .with_ansi(false)
            .with_writer(ThreadLog::default)
            .try_init();
    });
}

/// One event's bytes, handed to the current thread's server log when the formatter is done.
#[derive(Default)]
struct ThreadLog(Vec<u8>);

impl Write for ThreadLog {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Drop for ThreadLog {
    fn drop(&mut self) {
        let text = String::from_utf8_lossy(&self.0);
        CURRENT.with(|current| {
            if let Some(lines) = current.borrow().as_ref() {
                if let Ok(mut lines) = lines.lock() {
                    lines.extend(text.lines().map(str::to_string));
                }
            }
        });
    }
}
