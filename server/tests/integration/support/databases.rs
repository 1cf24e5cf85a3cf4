//! Databases for test servers: an SQLite file in the test's folder, or a new database on the
//! PostgreSQL server named by `DIANCA_TEST_POSTGRES` (the test command runs the suite both ways).
//! The demo dataset is loaded once per test process into a template, with the real `demo-load`
//! code, and each test gets a copy: a file copy on SQLite, `CREATE DATABASE … TEMPLATE` on
//! PostgreSQL. Loading it took most of each test's time when every test loaded its own.

use std::process::Command;
use std::sync::{Mutex, OnceLock};

/// The URL of a new, empty database for one server.
pub fn new_database(dir: &std::path::Path) -> String {
    match postgres_base() {
        Some(base) => create_postgres(&base, None),
        None => format!("sqlite://{}", dir.join("portal.db").display()),
    }
}

/// The URL of a new database holding the demo dataset, as `demo-load` leaves it.
pub fn loaded_database(dir: &std::path::Path) -> String {
    let template = template();
    match postgres_base() {
        Some(base) => create_postgres(&base, Some(template)),
        None => {
            let target = dir.join("portal.db");
            std::fs::copy(template, &target).expect("copied the demo template");
            format!("sqlite://{}", target.display())
        }
    }
}

/// True when this run's databases are PostgreSQL.
pub fn on_postgres() -> bool {
    postgres_base().is_some()
}

fn postgres_base() -> Option<String> {
    std::env::var("DIANCA_TEST_POSTGRES")
        .ok()
        .filter(|u| !u.is_empty())
}

/// The template: an SQLite file path, or a PostgreSQL database name.
fn template() -> &'static str {
    static TEMPLATE: OnceLock<String> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        let (url, template) = match postgres_base() {
            Some(base) => {
                let url = create_postgres(&base, None);
                let name = url.rsplit('/').next().expect("a database name").to_string();
                (url, name)
            }
            None => {
                let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
                    .join(format!("demo-template-{}.db", std::process::id()));
                let _ = std::fs::remove_file(&path);
                (
                    format!("sqlite://{}", path.display()),
                    path.display().to_string(),
                )
            }
        };
        super::block_on_own_thread(async move {
            let cli = super::cli(
                &url,
                &["demo-load", "--hotline-per-day", super::HOTLINE_PER_DAY],
            );
            server::run(cli).await.expect("demo-load on the template");
        });
        if postgres_base().is_none() {
            settled(std::path::Path::new(&template));
        }
        template
    })
}

/// Waits until SQLite has folded the template's write-ahead log into the file and removed it.
/// The pool's close returns before its connection thread has closed the file, and a copy taken
/// during that last checkpoint was torn ("database disk image is malformed", seen once).
fn settled(path: &std::path::Path) {
    let wal = path.with_file_name(format!(
        "{}-wal",
        path.file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
    ));
    for _ in 0..200 {
        if !wal.exists() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(25));
    }
}

/// Creates a database (from `template` when given) and returns its URL. One at a time: a
/// template may not be copied while another session is connected to it.
fn create_postgres(base: &str, template: Option<&str>) -> String {
    static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());
    let _guard = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let name = format!("dianca_t_{:016x}", rand_u64());
    let sql = match template {
        Some(t) => format!("CREATE DATABASE {name} TEMPLATE {t}"),
        None => format!("CREATE DATABASE {name}"),
    };
    let status = Command::new("psql")
        .args(["-q", "-v", "ON_ERROR_STOP=1", base, "-c", &sql])
        .status()
        .expect("psql runs");
    assert!(status.success(), "created the test database {name}");
    let (server, _) = base.rsplit_once('/').expect("a URL ending in /database");
    format!("{server}/{name}")
}

fn rand_u64() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default(),
    );
    h.finish()
}
