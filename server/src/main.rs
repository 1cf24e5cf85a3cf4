//! The `server` command: reads the command line, sets up logging, and runs the subcommand.

use clap::Parser;
use server::{Cli, Command, LogFormat};
use std::process::ExitCode;
use tracing_subscriber::EnvFilter;

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
        for path in server::server_fn_paths() {
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
    match server::run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            tracing::error!(error = %err, "stopped");
            ExitCode::FAILURE
        }
    }
}
