//! The browser's words: the WebAssembly carries only the islands' strings
//! (`app/locales-islands/`), because rust-i18n compiles every string of its folder into the
//! binary and the islands show a handful of the portal's thousand. These checks keep that table
//! a faithful copy: every key an island can show is in it, with the very words the server
//! renders (else hydration would change the text the reader sees).

use std::path::Path;

/// Where the islands' words are looked up: each file, and the function within it (or the whole
/// file). A new island outside these files fails `every_island_is_listed`.
const ISLAND_SOURCES: [(&str, Option<&str>); 4] = [
    ("src/components/islands.rs", None),
    ("src/charts/upgrade.rs", None),
    ("src/charts/copy.rs", None),
    // `ProblemList` names each confidence through it.
    ("src/components/badges.rs", Some("pub fn confidence_label")),
];

fn crate_file(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap_or_default()
}

/// The keys of the `tr!("…")` literals in `text`.
fn literal_keys(text: &str) -> Vec<String> {
    text.split("tr!(\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_string)
        .collect()
}

/// `(key, value)` of a locale file in the two-level form the islands' files use.
fn island_table(locale: &str) -> Vec<(String, String)> {
    let text = crate_file(&format!("locales-islands/{locale}.yml"));
    let mut section = String::new();
    let mut out = Vec::new();
    for line in text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    {
        if let Some(name) = line.strip_suffix(':').filter(|_| !line.starts_with(' ')) {
            section = name.to_string();
            continue;
        }
        let (key, value) = line
            .trim()
            .split_once(": ")
            .unwrap_or_else(|| panic!("{locale}: not `key: \"value\"`: {line}"));
        let value = value
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .unwrap_or_else(|| panic!("{locale}: unquoted value: {line}"));
        assert!(!value.contains('\\'), "{locale}: keep escapes out: {line}");
        out.push((format!("{section}.{key}"), value.to_string()));
    }
    out
}

#[test]
fn island_words_match_the_full_tables() {
    for locale in ["zh-CN", "en"] {
        let table = island_table(locale);
        assert!(
            table.len() >= 10,
            "{locale}: the islands' table was not read"
        );
        for (key, value) in &table {
            assert_eq!(
                rust_i18n::t!(key.as_str(), locale = locale),
                value.as_str(),
                "{locale}: {key} differs from app/locales"
            );
        }
        for (file, function) in ISLAND_SOURCES {
            let text = crate_file(file);
            let text = match function {
                Some(f) => {
                    let at = text.find(f).unwrap_or_else(|| panic!("{f} in {file}"));
                    let end = text[at..].find("\n}\n").map_or(text.len(), |e| at + e);
                    text[at..end].to_string()
                }
                None => text,
            };
            let keys = literal_keys(&text);
            assert!(!keys.is_empty(), "{file}: no words found");
            for key in keys {
                assert!(
                    table.iter().any(|(k, _)| *k == key),
                    "{file} shows {key}, missing from app/locales-islands/{locale}.yml"
                );
            }
        }
    }
}

#[test]
fn every_island_is_listed() {
    let files = crate::source_files::app_sources();
    assert!(files.len() > 20, "the sources were not found");
    let marker = ["#[", "island]"].concat();
    for (path, text) in files {
        if text.contains(&marker) {
            assert!(
                ISLAND_SOURCES.iter().any(|(f, _)| path.ends_with(f)),
                "{path} has an island: list it in ISLAND_SOURCES and its words in app/locales-islands"
            );
        }
    }
}
