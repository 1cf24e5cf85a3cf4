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
