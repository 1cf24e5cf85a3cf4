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

/// The demo's sample hotline requests a day: about a year and a month of them load in a few
/// seconds.
pub const DEMO_HOTLINE_PER_DAY: u64 = 2_000;

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the portal (the default).
    Serve(ServeArgs),
    /// Replace the database content with the demo dataset built from a facts file.
    DemoLoad {
        /// A facts file in the format of `shared/facts/meiyue-yiti.toml`; the bundled copy if omitted.
        #[arg(long)]
        facts: Option<PathBuf>,
        /// Sample hotline requests generated per day for the demo's evidence (the real figure
        /// is about 70,000; fewer load faster). 0: no hotline data.
        #[arg(long, env = "DIANCA_DEMO_HOTLINE_PER_DAY", default_value_t = DEMO_HOTLINE_PER_DAY)]
        hotline_per_day: u64,
    },
    /// Create or upgrade the database schema and exit.
    Migrate,
    /// Create a staff account (the first administrator, editors, department staff). The password
    /// is read from DIANCA_NEW_PASSWORD or standard input.
    StaffAdd(StaffAddArgs),
    /// Write a consistent copy of the live database to a new file (SQLite `VACUUM INTO`), while
    /// the portal keeps serving. Restore: stop the server and put the copy in place of the
    /// database file (see README).
    Backup {
        /// Where to write the copy; must not exist yet.
        #[arg(long)]
        output: PathBuf,
    },
    /// Check the database file (SQLite `PRAGMA integrity_check`) and exit: success when it is
    /// sound, failure when it is damaged. Run it after a crash or a restore, before serving.
    Check,
    /// Make a batch of one-time paper voting codes (投票码) for a cycle and a district, and print
    /// them one per line for printing. Only their hashes are stored.
    VotingCodes {
        /// The cycle's short name, as in /vote/{cycle}.
        #[arg(long)]
        cycle: String,
        /// Where community workers will hand them out (e.g. 朝阳区).
        #[arg(long)]
        district: String,
        #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u32).range(1..=10_000))]
        count: u32,
    },
    /// Write deterministic sample 12345 records (CSV, or gzip when the name ends in .gz) whose
    /// totals and category shares follow the published figures. Everything in it is sample data.
    HotlineGenerate(crate::hotline_cli::GenerateArgs),
    /// Import 12345 records (CSV, optionally gzip) into aggregates per day × category × district.
    /// Streaming, constant memory, one transaction; importing the same file again changes nothing.
    HotlineImport(crate::hotline_cli::ImportArgs),
    /// Print how many imports, aggregate cells and requests the hotline tables hold.
    HotlineStatus,
    /// Rank problem classes (level-1 × level-2 categories) over a window: volume, growth,
    /// spread, dissatisfaction and reopen rates, weighted; with the reasons in plain words.
    HotlineRank(crate::hotline_cli::RankArgs),
    /// Print the path of every server function (`/api/…`), one a line: what a probe or a test
    /// of bad input posts to. Needs no database.
    ServerFns,
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

    /// Sample hotline requests a day in that demo dataset (see `demo-load`).
    #[arg(long, env = "DIANCA_DEMO_HOTLINE_PER_DAY", default_value_t = DEMO_HOTLINE_PER_DAY)]
    pub demo_hotline_per_day: u64,

    /// Reverse proxies in front of the server whose `X-Forwarded-For` entries are trusted
    /// (0: use the connection's address; a client's own header is never believed).
    #[arg(long, env = "DIANCA_TRUSTED_PROXY_HOPS", default_value_t = 0)]
    pub trusted_proxy_hops: usize,

    /// Proof-of-work difficulty for ballots: the largest number a browser may have to try.
    #[arg(long, env = "DIANCA_POW_MAX_NUMBER", default_value_t = 20_000)]
    pub pow_max_number: u64,

    /// Ballots per minute from one network, with a solved proof of work and without it.
    #[arg(long, env = "DIANCA_BALLOTS_PER_MINUTE", default_value_t = 120)]
    pub ballots_per_minute: u32,
    #[arg(long, env = "DIANCA_BALLOTS_PER_MINUTE_NO_JS", default_value_t = 12)]
    pub ballots_per_minute_no_js: u32,

    /// 每网络每日限额: devices per network (IPv4 /24, IPv6 /48) per Beijing day whose unverified
    /// ballot counts at once, per cycle (and "me too" supports per suggestion, ratings per
    /// reply from its page); later ones from
    /// that network that day are held for a moderator. Paper-code ballots are never held by it.
    #[arg(long, env = "DIANCA_PER_NETWORK_DAY", default_value_t = app::model::DEFAULT_PER_NETWORK_DAY)]
    pub per_network_day: u32,

    /// CJK font file for PNG charts (default: the first of Debian's WenQuanYi / Noto CJK found).
    #[arg(long, env = "DIANCA_CJK_FONT")]
    pub cjk_font: Option<std::path::PathBuf>,

    #[command(flatten)]
    pub connections: ConnectionArgs,

    #[command(flatten)]
    pub mail: crate::mail::MailArgs,

    #[command(flatten)]
    pub charts: ChartArgs,
}

/// How much chart drawing readers may cause (see `charts::budget`).
#[derive(Debug, Clone, clap::Args)]
pub struct ChartArgs {
    /// New chart drawings (SVG or PNG, not cached ones) per network per minute.
    #[arg(long, env = "DIANCA_CHART_RENDERS_PER_MINUTE", default_value_t = crate::charts::budget::ChartLimits::default().renders_per_minute, value_parser = clap::value_parser!(u32).range(1..))]
    pub chart_renders_per_minute: u32,
    /// Drawings that may wait for the chart engine (and PNGs for a rasteriser); more are 503.
    #[arg(long, env = "DIANCA_CHART_QUEUE", default_value_t = crate::charts::budget::ChartLimits::default().queue, value_parser = clap::value_parser!(u32).range(1..=10_000))]
    pub chart_queue: u32,
    /// Seconds between checks that redraw, ahead of readers, the charts readers asked for
    /// whose data changed (`charts::warm`).
    #[arg(long, env = "DIANCA_CHART_REDRAW_SECS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=86_400))]
    pub chart_redraw_secs: u64,
}

impl Default for ChartArgs {
    fn default() -> Self {
        let limits = crate::charts::budget::ChartLimits::default();
        ChartArgs {
            chart_renders_per_minute: limits.renders_per_minute,
            chart_queue: limits.queue,
            chart_redraw_secs: 30,
        }
    }
}

impl ChartArgs {
    pub fn limits(&self) -> crate::charts::budget::ChartLimits {
        crate::charts::budget::ChartLimits {
            renders_per_minute: self.chart_renders_per_minute,
            queue: self.chart_queue,
            ..crate::charts::budget::ChartLimits::default()
        }
    }
}

/// How long a client may take and how many connections it may hold (see `listen`).
#[derive(Debug, Clone, clap::Args)]
pub struct ConnectionArgs {
    /// Seconds a client may take to send a request's head, and a kept-alive connection may idle.
    #[arg(long, env = "DIANCA_HEADER_READ_TIMEOUT_SECS", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=600))]
    pub header_read_timeout_secs: u64,
    /// Seconds reading a request's body may take.
    #[arg(long, env = "DIANCA_BODY_READ_TIMEOUT_SECS", default_value_t = 20, value_parser = clap::value_parser!(u64).range(1..=600))]
    pub body_read_timeout_secs: u64,
    /// Open connections one client address may hold (0: no cap). Behind a reverse proxy every
    /// connection comes from the proxy: raise it there, or let the proxy cap per client.
    /// The default leaves room for a household or an office (or a mobile carrier's shared
    /// address) with several phones open at once.
    #[arg(long, env = "DIANCA_CONNECTIONS_PER_CLIENT", default_value_t = 64)]
    pub connections_per_client: usize,
}

impl Default for ConnectionArgs {
    fn default() -> Self {
        let limits = crate::listen::ConnectionLimits::default();
        ConnectionArgs {
            header_read_timeout_secs: limits.header_read.as_secs(),
            body_read_timeout_secs: limits.body_read.as_secs(),
            connections_per_client: limits.per_client,
        }
    }
}

impl ConnectionArgs {
    pub fn limits(&self) -> crate::listen::ConnectionLimits {
        crate::listen::ConnectionLimits {
            header_read: std::time::Duration::from_secs(self.header_read_timeout_secs),
            body_read: std::time::Duration::from_secs(self.body_read_timeout_secs),
            per_client: self.connections_per_client,
            ..crate::listen::ConnectionLimits::default()
        }
    }
}

impl ServeArgs {
    pub fn vote_config(&self) -> crate::vote::VoteConfig {
        crate::vote::VoteConfig {
            trusted_proxy_hops: self.trusted_proxy_hops,
            pow_max_number: self.pow_max_number,
            per_minute_with_proof: self.ballots_per_minute,
            per_minute_without_proof: self.ballots_per_minute_no_js,
            per_network_day: self.per_network_day,
            ..crate::vote::VoteConfig::default()
        }
    }
}

impl Default for ServeArgs {
    fn default() -> Self {
        ServeArgs {
            addr: SocketAddr::from(([127, 0, 0, 1], 3000)),
            site_root: "target/site".into(),
            public_url: "http://127.0.0.1:3000".into(),
            no_demo: false,
            demo_hotline_per_day: DEMO_HOTLINE_PER_DAY,
            trusted_proxy_hops: 0,
            pow_max_number: 20_000,
            ballots_per_minute: 120,
            ballots_per_minute_no_js: 12,
            per_network_day: app::model::DEFAULT_PER_NETWORK_DAY,
            cjk_font: None,
            connections: ConnectionArgs::default(),
            charts: ChartArgs::default(),
            mail: crate::mail::MailArgs {
                smtp_url: None,
                mail_from: crate::mail::DEFAULT_FROM.into(),
            },
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
    let Some(path) = crate::store::sqlite_file(url) else {
        return Ok(());
    };
    match std::path::Path::new(path).parent() {
        Some(dir) if !dir.as_os_str().is_empty() => std::fs::create_dir_all(dir),
        _ => Ok(()),
    }
}
