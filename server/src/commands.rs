//! The subcommands (`demo-load`, `staff-add`, `backup`, `check`, `voting-codes`, the hotline
//! tools), run by `main` and, in process, by the integration tests.

use crate::config::{self, Cli, Command, ServeArgs};
use crate::error::ServerError;
use crate::store::{self, Store};
use crate::{hotline_cli, staff, start, vote};

/// Runs one subcommand (serving is the default) on the database the command line names.
pub async fn run(cli: Cli) -> Result<(), ServerError> {
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
            let loaded = start::load_demo(&store, facts, hotline_per_day).await;
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
        Command::Serve(args) => start::bind_and_serve(store.clone(), args).await,
        Command::ServerFns => Ok(()),
    };
    store.close().await;
    result
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
    create_staff(store, args, password).await
}

/// Creates a staff account with the password given, checked as `staff-add` checks it; the tests
/// create their accounts this way, in process.
pub async fn add_staff_to(
    database_url: &str,
    args: config::StaffAddArgs,
    password: String,
) -> Result<(), ServerError> {
    let store = Store::open(database_url).await?;
    let created = create_staff(&store, args, password).await;
    store.close().await;
    created
}

async fn create_staff(
    store: &Store,
    args: config::StaffAddArgs,
    password: String,
) -> Result<(), ServerError> {
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
    // The same checks as the web form's (issue 34: look-alike names — Cyrillic, zero-width,
    // full-width letters — were refused there and accepted here).
    let username = staff::validate_edit::username(&args.username).map_err(|_| {
        ServerError::Staff(
            "a username has 3 to 64 characters: ASCII letters, digits, '-', '_' or '.'".into(),
        )
    })?;
    let display = staff::validate_edit::name(args.display_name.as_deref().unwrap_or(&username))
        .map_err(|_| ServerError::Staff("the display name is empty or too long".into()))?;
    let hash = staff::password::hash(password)
        .await
        .map_err(|e| ServerError::Staff(e.to_string()))?;
    store
        .add_staff(
            &store::NewStaff {
                username: &username,
                display_name: &display,
                password_hash: &hash,
                role: args.role,
                department: args.department.as_deref(),
            },
            "(command line)",
            staff::now(),
        )
        .await?;
    tracing::info!(%username, role = args.role.as_str(), "staff account created");
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
