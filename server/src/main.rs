//! 点菜 server: configuration, storage, HTTP, and the command-line subcommands.

// Words only the server says; app/locales holds everything a page shows.
rust_i18n::i18n!("locales", fallback = "zh-CN");

mod charts;
mod config;
mod demo;
mod events;
mod evidence;
mod hotline;
mod hotline_cli;
mod http;
#[cfg(test)]
mod layering;
mod list_paste;
mod listen;
mod page_cache;
mod portal;
mod richtext;
mod staff;
mod store;
mod vote;

use clap::Parser;
use config::{Cli, Command, LogFormat, ServeArgs};
use leptos::prelude::LeptosOptions;
use std::process::ExitCode;
use store::Store;
use tracing_subscriber::EnvFilter;

#[derive(Debug, thiserror::Error)]
enum ServerError {
    #[error("cannot create the database folder: {0}")]
    DataDir(std::io::Error),
    #[error(transparent)]
    Store(#[from] store::StoreError),
    #[error(transparent)]
    Demo(#[from] demo::DemoError),
    #[error("cannot read the facts file {path}: {source}")]
    Facts {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: std::net::SocketAddr,
        source: std::io::Error,
    },
    #[error("{0}")]
    Staff(String),
    #[error("server error: {0}")]
    Serve(std::io::Error),
    #[error("{0}")]
    Hotline(String),
}

/// Logs go to standard output, except for commands whose output is data (voting codes), where
/// they go to standard error so `server voting-codes … > codes.txt` holds only codes (and the
/// hotline import's report is alone on standard output).
fn init_tracing(format: LogFormat, to_stderr: bool) {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=info"));
    // Colour only on a terminal: log files and collectors get plain text.
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stdout()) && !to_stderr);
    match (format, to_stderr) {
        (LogFormat::Json, false) => builder.json().init(),
        (LogFormat::Text, false) => builder.init(),
        (LogFormat::Json, true) => builder.with_writer(std::io::stderr).json().init(),
        (LogFormat::Text, true) => builder.with_writer(std::io::stderr).init(),
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    if matches!(cli.command, Some(Command::ServerFns)) {
        for path in http::server_fn_paths() {
            println!("{path}");
        }
        return ExitCode::SUCCESS;
    }
    let data_on_stdout = matches!(
        cli.command,
        Some(
            Command::VotingCodes { .. }
                | Command::HotlineImport(_)
                | Command::HotlineStatus
                | Command::HotlineRank(_)
        )
    );
    init_tracing(cli.log_format, data_on_stdout);
    match run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            tracing::error!(error = %err, "stopped");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<(), ServerError> {
    config::ensure_sqlite_dir(&cli.database_url).map_err(ServerError::DataDir)?;
    let store = Store::open(&cli.database_url).await?;
    let result = match cli.command.unwrap_or(Command::Serve(ServeArgs::default())) {
        Command::Migrate => {
            tracing::info!("schema is up to date");
            Ok(())
        }
        Command::DemoLoad {
            facts,
            hotline_per_day,
        } => {
            let job = store.job_lock("first-start demo load").await?;
            let loaded = load_demo(&store, facts, hotline_per_day).await;
            job.release().await;
            loaded
        }
        Command::StaffAdd(args) => add_staff(&store, args).await,
        Command::Backup { output } => backup(&store, &output).await,
        Command::Check => check(&store).await,
        Command::VotingCodes {
            cycle,
            district,
            count,
        } => voting_codes(&store, &cycle, &district, count).await,
        Command::HotlineGenerate(args) => {
            hotline_cli::generate(&args).map_err(ServerError::Hotline)
        }
        Command::HotlineImport(args) => hotline_cli::import(&store, &args)
            .await
            .map_err(ServerError::Hotline),
        Command::HotlineStatus => hotline_cli::status(&store)
            .await
            .map_err(ServerError::Hotline),
        Command::HotlineRank(args) => hotline_cli::rank(&store, &args)
            .await
            .map_err(ServerError::Hotline),
        Command::Serve(args) => serve(store.clone(), args).await,
        Command::ServerFns => Ok(()),
    };
    store.close().await;
    result
}

async fn load_demo(
    store: &Store,
    facts: Option<std::path::PathBuf>,
    hotline_per_day: u64,
) -> Result<(), ServerError> {
    let text = match &facts {
        Some(path) => std::fs::read_to_string(path).map_err(|source| ServerError::Facts {
            path: path.display().to_string(),
            source,
        })?,
        None => demo::facts::BUNDLED.to_string(),
    };
    let data = demo::build(&text)?;
    store.replace_dataset(&data).await?;
    let now = jiff::Timestamp::now().as_second();
    let hotline = demo::hotline::load(
        store,
        (now + 8 * 3600).div_euclid(86_400) as i32 - 1,
        hotline_per_day,
        demo::topic_effects(&data),
    )
    .await?;
    match hotline {
        demo::hotline::Loaded::Imported { records, cells } => {
            tracing::info!(
                records,
                cells,
                "demo hotline records generated and imported"
            )
        }
        other => tracing::info!(?other, "demo hotline data"),
    }
    let cycles = demo::cycles::ensure(store, now).await?;
    tracing::info!(
        years = data.years.len(),
        problems = data.problems.len(),
        policies = data.policies.len(),
        sample_cycles_added = cycles,
        "demo dataset loaded"
    );
    Ok(())
}

/// Creates a staff account; the password comes from `DIANCA_NEW_PASSWORD` or standard input,
/// never from the command line (where `ps` would show it).
async fn add_staff(store: &Store, args: config::StaffAddArgs) -> Result<(), ServerError> {
    let password = match std::env::var("DIANCA_NEW_PASSWORD") {
        Ok(p) => p,
        Err(_) => {
            let mut line = String::new();
            std::io::stdin()
                .read_line(&mut line)
                .map_err(|e| ServerError::Staff(format!("cannot read the password: {e}")))?;
            line.trim_end_matches(['\r', '\n']).to_string()
        }
    };
    if password.chars().count() < staff::password::MIN_LENGTH {
        return Err(ServerError::Staff(format!(
            "the password must have at least {} characters",
            staff::password::MIN_LENGTH
        )));
    }
    if args.role == app::model::Role::Department && args.department.is_none() {
        return Err(ServerError::Staff(
            "department staff need --department".into(),
        ));
    }
    let hash = staff::password::hash(password)
        .await
        .map_err(|e| ServerError::Staff(e.to_string()))?;
    let display = args
        .display_name
        .clone()
        .unwrap_or_else(|| args.username.clone());
    store
        .add_staff(
            &store::NewStaff {
                username: &args.username,
                display_name: &display,
                password_hash: &hash,
                role: args.role,
                department: args.department.as_deref(),
            },
            "(command line)",
            staff::now(),
        )
        .await?;
    tracing::info!(username = %args.username, role = args.role.as_str(), "staff account created");
    Ok(())
}

/// An online backup: a consistent snapshot even while ballots are being written.
async fn backup(store: &Store, output: &std::path::Path) -> Result<(), ServerError> {
    if output.exists() {
        return Err(ServerError::Staff(format!(
            "{} exists already; choose a new file",
            output.display()
        )));
    }
    let path = output
        .to_str()
        .ok_or_else(|| ServerError::Staff("the backup path must be valid UTF-8".into()))?;
    store.backup_to(path).await?;
    if !store.backup_reads_back(path).await? {
        return Err(ServerError::Staff(
            "the backup failed its integrity check".into(),
        ));
    }
    tracing::info!(output = %output.display(), "backup written and checked");
    Ok(())
}

/// The database file's own consistency check, for operators after a crash or a restore.
async fn check(store: &Store) -> Result<(), ServerError> {
    if !store.integrity_ok().await? {
        return Err(ServerError::Staff(
            "the database failed its integrity check".into(),
        ));
    }
    tracing::info!("database integrity check: ok");
    Ok(())
}

/// Prints a new batch of paper codes; the database keeps only their hashes, and the audit log
/// records the batch under "command line".
async fn voting_codes(
    store: &Store,
    cycle: &str,
    district: &str,
    count: u32,
) -> Result<(), ServerError> {
    let made =
        vote::paper_codes::issue(store, "command line", cycle, district, count, staff::now())
            .await
            .map_err(|e| match e {
                vote::paper_codes::PaperCodeError::Store(e) => ServerError::Store(e),
                other => ServerError::Staff(other.to_string()),
            })?;
    tracing::info!(
        cycle,
        district,
        count,
        batch = made.batch,
        "voting codes made"
    );
    for code in made.codes {
        println!("{code}");
    }
    Ok(())
}

async fn serve(store: Store, args: ServeArgs) -> Result<(), ServerError> {
    if !args.no_demo && store.is_empty().await? {
        // Instances started together on an empty database: one loads, the others wait for it
        // and then find the data there.
        let job = store.job_lock("first-start demo load").await?;
        if store.is_empty().await? {
            tracing::info!("empty database: loading the demo dataset");
            load_demo(&store, None, args.demo_hotline_per_day).await?;
        }
        job.release().await;
    }
    app::cookies::serve_over_https(args.public_url.starts_with("https://"));
    let leptos_options = LeptosOptions::builder()
        .output_name("dianca")
        .site_root(args.site_root.as_str())
        .site_pkg_dir("pkg")
        .site_addr(args.addr)
        .env(leptos::config::Env::PROD)
        .build();
    let vote = vote::VoteService::start(store.clone(), args.vote_config()).await?;
    let fonts = charts::raster::Fonts::load(args.cjk_font.as_deref());
    let charts = charts::ChartService::new(
        store.clone(),
        fonts.clone(),
        args.public_url.clone(),
        args.charts.limits(),
    );
    let app = http::router(http::AppState {
        leptos_options,
        store,
        charts,
        fonts,
        public_url: args.public_url.clone(),
        vote,
    });
    let listener = tokio::net::TcpListener::bind(args.addr)
        .await
        .map_err(|source| ServerError::Bind {
            addr: args.addr,
            source,
        })?;
    // Tests and scripts read this line to learn the port when they ask for port 0.
    let local = listener.local_addr().map_err(ServerError::Serve)?;
    let shutdown = shutdown_signal();
    tracing::info!(addr = %local, "listening on http://{local}");
    listen::serve(listener, app, args.connections.limits(), shutdown).await;
    tracing::info!("shut down cleanly");
    Ok(())
}

/// Ctrl-C or SIGTERM: stop accepting, finish in-flight requests, close the database.
/// The handlers are installed here, before the server says it is listening — not when the
/// future is first polled, which under load came after a test's SIGTERM, and the default
/// action killed the process (seen in CI).
fn shutdown_signal() -> impl std::future::Future<Output = ()> {
    #[cfg(unix)]
    let signals = {
        use tokio::signal::unix::{signal, SignalKind};
        let install = |kind: SignalKind, name: &'static str| match signal(kind) {
            Ok(stream) => Some(stream),
            Err(err) => {
                tracing::error!(error = %err, signal = name, "cannot listen for the signal");
                None
            }
        };
        (
            install(SignalKind::interrupt(), "SIGINT"),
            install(SignalKind::terminate(), "SIGTERM"),
        )
    };
    async move {
        #[cfg(unix)]
        {
            let (interrupt, terminate) = signals;
            let wait = |stream: Option<tokio::signal::unix::Signal>| async move {
                match stream {
                    Some(mut stream) => {
                        stream.recv().await;
                    }
                    None => std::future::pending::<()>().await,
                }
            };
            tokio::select! {
                () = wait(interrupt) => {},
                () = wait(terminate) => {},
            }
        }
        #[cfg(not(unix))]
        if let Err(err) = tokio::signal::ctrl_c().await {
            tracing::error!(error = %err, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
        tracing::info!("shutdown signal received");
    }
}
