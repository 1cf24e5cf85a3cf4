//! Mail to followers (issue 33): the words of each mail (`compose.rs`), the signed links in
//! them (`links.rs`), the two together for whatever queues a mail (`letters.rs`), and the
//! sender that delivers the outbox over SMTP (`sender.rs`). With no SMTP server configured,
//! nothing is sent and every notification waits in the outbox.

pub mod compose;
pub mod letters;
pub mod links;
pub mod sender;

/// The sender address when none is given.
pub const DEFAULT_FROM: &str = "点菜 <noreply@dianca.localhost>";

/// Where mail goes and whom it is from (`serve --smtp-url`, `--mail-from`).
#[derive(Debug, Clone, clap::Args)]
pub struct MailArgs {
    /// The SMTP server mail is handed to, e.g. `smtp://127.0.0.1:25` (a local relay). Unset:
    /// notifications are recorded and wait; nothing is sent.
    #[arg(long, env = "DIANCA_SMTP_URL")]
    pub smtp_url: Option<String>,

    /// The sender address of every mail.
    #[arg(long, env = "DIANCA_MAIL_FROM", default_value = DEFAULT_FROM)]
    pub mail_from: String,
}

/// The nice value of the threads notices are written and sent on (0 is a request thread's).
const BACKGROUND_NICE: i32 = 10;

/// Runs `work` on a thread of its own, with its own single-threaded runtime, at a lower
/// priority: readers first. On Linux the nice value is the calling thread's, so writing and
/// sending 100,000 notices yields the CPU to the request threads and still has what is idle
/// (docs/load.md, issue 33).
pub fn spawn_low(
    name: &str,
    work: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let name = name.to_string();
    std::thread::Builder::new()
        .name(name.clone())
        .spawn(move || {
            if let Err(err) = rustix::process::setpriority_process(None, BACKGROUND_NICE) {
                tracing::warn!(thread = %name, error = %err, "priority not lowered");
            }
            match tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            {
                Ok(runtime) => runtime.block_on(work),
                Err(err) => tracing::error!(thread = %name, error = %err, "no runtime: not run"),
            }
        })
        .map(|_| ())
}
