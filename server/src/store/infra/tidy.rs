//! Source checks for the store's invariants (rust-analyzer's `tidy` manner): the build fails
//! when a change breaks a rule the compiler cannot see.

use std::path::Path;

/// Tables whose rows no page shows, written by single statements straight on the pool
/// (see `tx.rs`): a session touch or a rate-bucket take must not empty the page cache.
const BOOKKEEPING: [&str; 6] = [
    "rate_buckets",
    "login_failures",
    "sessions",
    "secrets",
    "chart_versions",
    // The sender's lease and delivery marks; a notice itself is queued in its cause's write_tx.
    "outbox",
];

fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            out.push((path.display().to_string(), text));
        }
    }
}

/// The table a write statement changes, if the statement is a write.
fn written_table(statement: &str) -> Option<String> {
    let upper = statement.to_ascii_uppercase();
    let words: Vec<&str> = upper.split_whitespace().collect();
    let at = |verb: &str, skip: usize| {
        words
            .iter()
            .position(|w| w.trim_start_matches(['"', '(']) == verb)
            .and_then(|i| words.get(i + skip))
            .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric() && c != '_'))
            .map(str::to_ascii_lowercase)
    };
    at("INSERT", 2)
        .or_else(|| at("UPDATE", 1))
        .or_else(|| at("DELETE", 2))
}

#[test]
fn writes_outside_write_tx() {
    let mut files = Vec::new();
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    assert!(files.len() > 50, "the sources were not found");
    let mut offences = Vec::new();
    for (path, text) in &files {
        for statement in text.split("sqlx::query").skip(1) {
            let statement = statement.split(".await").next().unwrap_or_default();
            if !statement.contains("(&self.pool)") {
                continue;
            }
            if let Some(table) = written_table(statement) {
                if !BOOKKEEPING.contains(&table.as_str()) {
                    offences.push(format!("{path}: writes {table} on the pool"));
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "content writes must go through Store::write_tx: {offences:#?}"
    );
}

/// History is written only by `Store::audited_edit` and `Store::audited_save`: a store function
/// calling the revision steps itself could commit its audit entry apart from its change.
#[test]
fn only_the_audited_helpers_write_history() {
    let mut files = Vec::new();
    let store = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/store");
    sources(&store, &mut files);
    assert!(files.len() > 20, "the store's sources were not found");
    let steps = [
        "before_change(",
        "after_change(",
        "record_change(",
        "record_deletion(",
    ];
    let offences: Vec<&String> = files
        .iter()
        .filter(|(path, _)| {
            !path.ends_with("audited_edit.rs")
                && !path.ends_with("revisions.rs")
                && !path.ends_with("tidy.rs")
        })
        .filter(|(_, text)| steps.iter().any(|step| text.contains(step)))
        .map(|(path, _)| path)
        .collect();
    assert!(
        offences.is_empty(),
        "history written outside the audited helpers: {offences:#?}"
    );
}

#[test]
fn the_check_sees_a_write_and_its_table() {
    assert_eq!(
        written_table(r#"("INSERT INTO topics (a) VALUES ($1)").execute(&self.pool)"#).as_deref(),
        Some("topics")
    );
    assert_eq!(
        written_table(r#"("UPDATE sessions SET x = 1")"#).as_deref(),
        Some("sessions")
    );
    assert_eq!(
        written_table(r#"("DELETE FROM ballot_reviews WHERE id = $1")"#).as_deref(),
        Some("ballot_reviews")
    );
    assert_eq!(written_table(r#"("SELECT title FROM topics")"#), None);
}
