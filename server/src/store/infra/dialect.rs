//! Which database engine a store runs on, and the little SQL that differs between them.

/// The two engines: SQLite embedded in the server (one machine), PostgreSQL shared by several
/// server instances (scale-out).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

impl Engine {
    /// The engine a database URL names, or `None` for any other scheme.
    pub fn of_url(url: &str) -> Option<Engine> {
        if url.starts_with("sqlite:") {
            Some(Engine::Sqlite)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Some(Engine::Postgres)
        } else {
            None
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Engine::Sqlite => "SQLite",
            Engine::Postgres => "PostgreSQL",
        }
    }

    /// The `n`th bind parameter (1-based). SQLite's `?` binds in order and, unlike `$N`, costs
    /// the same however many a statement has, which the hotline import's wide inserts need.
    pub fn param(self, n: usize) -> String {
        match self {
            Engine::Sqlite => "?".to_string(),
            Engine::Postgres => format!("${n}"),
        }
    }
}

/// The file of an `sqlite:` URL, or `None` for other engines and in-memory databases.
pub fn sqlite_file(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or(rest);
    (!path.is_empty() && path != ":memory:").then_some(path)
}

#[cfg(test)]
mod tests {
    use super::Engine;

    #[test]
    fn the_url_scheme_picks_the_engine() {
        assert_eq!(Engine::of_url("sqlite://data/x.db"), Some(Engine::Sqlite));
        assert_eq!(Engine::of_url("sqlite::memory:"), Some(Engine::Sqlite));
        assert_eq!(
            Engine::of_url("postgres://u:p@h/db"),
            Some(Engine::Postgres)
        );
        assert_eq!(Engine::of_url("postgresql://h/db"), Some(Engine::Postgres));
        assert_eq!(Engine::of_url("mysql://h/db"), None);
        assert_eq!(Engine::Postgres.param(3), "$3");
        assert_eq!(Engine::Sqlite.param(3), "?");
        assert_eq!(
            crate::store::sqlite_file("sqlite://data/x.db?mode=rwc"),
            Some("data/x.db")
        );
        assert_eq!(crate::store::sqlite_file("sqlite::memory:"), None);
        assert_eq!(crate::store::sqlite_file("postgres://h/db"), None);
    }
}
