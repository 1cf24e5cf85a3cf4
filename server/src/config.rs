//! Configuration: command-line flags with environment fallbacks and safe local defaults.
//! The environment names shared with cargo-leptos (`LEPTOS_SITE_*`) let `cargo leptos serve` work.

use clap::{Parser, Subcommand, ValueEnum};
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(name = "server", about = "点菜 · Problem of the Month portal", version)]
pub struct Cli {
    /// Database URL; SQLite by default, in the untracked `data/` folder.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite://data/dianca.db",
        global = true
    )]
    pub database_url: String,

    /// Log format: human-readable text, or JSON lines for log collectors.
    #[arg(long, env = "DIANCA_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text, global = true)]
    pub log_format: LogFormat,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the portal (the default).
    Serve(ServeArgs),
    /// Replace the database content with the demo dataset built from a facts file.
    DemoLoad {
        /// A facts file in the format of `shared/facts/meiyue-yiti.toml`; the bundled copy if omitted.
        #[arg(long)]
        facts: Option<PathBuf>,
    },
    /// Create or upgrade the database schema and exit.
    Migrate,
    /// Create a staff account (the first administrator, editors, department staff). The password
    /// is read from DIANCA_NEW_PASSWORD or standard input.
    StaffAdd(StaffAddArgs),
}

#[derive(Debug, Clone, clap::Args)]
pub struct StaffAddArgs {
    #[arg(long)]
    pub username: String,
    /// admin, editor, department or moderator.
    #[arg(long, value_parser = parse_role)]
    pub role: app::model::Role,
    /// The department a department-staff account acts for, by its name (e.g. 市城市管理委).
    #[arg(long)]
    pub department: Option<String>,
    #[arg(long)]
    pub display_name: Option<String>,
}

fn parse_role(token: &str) -> Result<app::model::Role, String> {
    app::model::Role::parse(token)
        .ok_or_else(|| "one of admin, editor, department, moderator".into())
}

#[derive(Debug, Clone, clap::Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "LEPTOS_SITE_ADDR", default_value = "127.0.0.1:3000")]
    pub addr: SocketAddr,

    /// Folder with the built site (`pkg/` and the public assets), as cargo-leptos writes it.
    #[arg(long, env = "LEPTOS_SITE_ROOT", default_value = "target/site")]
    pub site_root: String,

    /// The address readers use to reach the portal (for absolute links in the Atom feed).
    #[arg(
        long,
        env = "DIANCA_PUBLIC_URL",
        default_value = "http://127.0.0.1:3000"
    )]
    pub public_url: String,

    /// Do not load the demo dataset into an empty database on start.
    #[arg(long, env = "DIANCA_NO_DEMO")]
    pub no_demo: bool,
}

impl Default for ServeArgs {
    fn default() -> Self {
        ServeArgs {
            addr: SocketAddr::from(([127, 0, 0, 1], 3000)),
            site_root: "target/site".into(),
            public_url: "http://127.0.0.1:3000".into(),
            no_demo: false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

/// Makes sure the folder of a `sqlite://path` database exists, so a fresh clone just works.
pub fn ensure_sqlite_dir(url: &str) -> std::io::Result<()> {
    let Some(rest) = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
    else {
        return Ok(());
    };
    let path = rest.split('?').next().unwrap_or(rest);
    if path.is_empty() || path == ":memory:" {
        return Ok(());
    }
    match std::path::Path::new(path).parent() {
        Some(dir) if !dir.as_os_str().is_empty() => std::fs::create_dir_all(dir),
        _ => Ok(()),
    }
}
