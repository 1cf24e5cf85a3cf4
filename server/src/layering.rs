//! Source check (rust-analyzer's `tidy` manner): no two sibling modules import each other. When
//! two files need each other, what both need belongs in a module below both; a cycle between
//! siblings is how a folder stops meaning one thing. Checked over `server/src` and `app/src`;
//! test modules (`tests*.rs`, `test_*.rs`, `tidy.rs`) may reach anywhere and are left out.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// A module's path inside its crate (`store::voting::ballots`), from its file.
fn module_of(root: &Path, file: &Path) -> Option<Vec<String>> {
    let rel = file.strip_prefix(root).ok()?;
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "main" | "lib")
    ) {
        parts.pop();
    }
    Some(parts)
}

fn is_test_file(file: &Path) -> bool {
    let name = file.file_stem().map(|s| s.to_string_lossy().to_string());
    name.is_some_and(|n| n.starts_with("tests") || n.starts_with("test_") || n == "tidy")
        || file.components().any(|c| c.as_os_str() == "tests")
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module paths a file names, resolved to crate paths. Lines inside an inline test module
/// (indented `use super::`) name the file's own items and are skipped.
fn references(module: &[String], text: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let body = text
        .split("#[cfg(test)]\nmod tests {")
        .next()
        .unwrap_or(text);
    for (at, _) in body.match_indices("super::") {
        let before = &body[..at];
        if before.ends_with("super::") || before.ends_with(char::is_alphanumeric) {
            continue;
        }
        // `super` of `a/b.rs` is `a`; of `a/b/mod.rs` (module a::b) it is `a` as well.
        let base = &module[..module.len().saturating_sub(1)];
        for rest in paths_after(&body[at + "super::".len()..]) {
            let mut full = base.to_vec();
            full.extend(rest);
            out.push(full);
        }
    }
    for (at, _) in body.match_indices("crate::") {
        let before = &body[..at];
        if !before.ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == ':') {
            out.extend(paths_after(&body[at + "crate::".len()..]));
        }
    }
    out
}

/// Every path a `use` names, groups included: `store::{self, Store}, demo` after `crate::{`.
fn paths_after(text: &str) -> Vec<Vec<String>> {
    let prefix = path_after(text);
    let consumed: usize = prefix.iter().map(|p| p.len() + 2).sum();
    let Some(group) = text.get(consumed..).and_then(|t| t.strip_prefix('{')) else {
        return vec![prefix];
    };
    let (mut depth, mut start, mut out) = (0usize, 0usize, Vec::new());
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                out.extend(group_item(&prefix, &group[start..i]));
                break;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                out.extend(group_item(&prefix, &group[start..i]));
                start = i + 1;
            }
            _ => {}
        }
    }
    out
}

fn group_item(prefix: &[String], item: &str) -> Vec<Vec<String>> {
    paths_after(item.trim())
        .into_iter()
        .map(|rest| {
            let mut full = prefix.to_vec();
            full.extend(rest.into_iter().filter(|p| p != "self"));
            full
        })
        .collect()
}

/// The lower-case segments of a path (`voting::ballots::X` → `[voting, ballots]`).
fn path_after(text: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut rest = text;
    loop {
        let end = rest
            .find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'))
            .unwrap_or(rest.len());
        if end == 0 {
            break;
        }
        parts.push(rest[..end].to_string());
        match rest[end..].strip_prefix("::") {
            Some(r) => rest = r,
            None => break,
        }
    }
    parts
}

/// Edges between sibling modules: (parent, from, to).
fn sibling_edges(krate: &str, root: &Path) -> BTreeSet<(String, String, String)> {
    let mut found = Vec::new();
    files(root, &mut found);
    assert!(found.len() > 20, "the sources of {krate} were not found");
    let modules: BTreeSet<Vec<String>> = found.iter().filter_map(|f| module_of(root, f)).collect();
    let mut edges = BTreeSet::new();
    for file in found.iter().filter(|f| !is_test_file(f)) {
        let Some(module) = module_of(root, file) else {
            continue;
        };
        let text = std::fs::read_to_string(file).unwrap_or_default();
        for target in references(&module, &text) {
            // The longest prefix that is a module of this crate (the rest names an item).
            let Some(len) = (1..=target.len())
                .rev()
                .find(|n| modules.contains(&target[..*n]))
            else {
                continue;
            };
            let target = &target[..len];
            let common = module
                .iter()
                .zip(target)
                .take_while(|(a, b)| a == b)
                .count();
            if common < module.len() && common < target.len() {
                edges.insert((
                    module[..common].join("::"),
                    module[common].clone(),
                    target[common].clone(),
                ));
            }
        }
    }
    edges
}

fn two_way(edges: &BTreeSet<(String, String, String)>) -> Vec<String> {
    edges
        .iter()
        .filter(|(p, a, b)| a < b && edges.contains(&(p.clone(), b.clone(), a.clone())))
        .map(|(p, a, b)| format!("{p}: {a} <-> {b}"))
        .collect()
}

#[test]
fn no_two_sibling_modules_import_each_other() {
    let server = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let app = Path::new(env!("CARGO_MANIFEST_DIR")).join("../app/src");
    let mut cycles = two_way(&sibling_edges("server", &server));
    cycles.extend(
        two_way(&sibling_edges("app", &app))
            .into_iter()
            .map(|c| format!("app {c}")),
    );
    assert!(
        cycles.is_empty(),
        "sibling modules that import each other (move what both need below both): {cycles:#?}"
    );
}

#[test]
fn the_check_sees_a_cycle() {
    let mut edges = BTreeSet::new();
    edges.insert(("store".into(), "write".into(), "write_topic".into()));
    edges.insert(("store".into(), "write_topic".into(), "write".into()));
    edges.insert(("store".into(), "read".into(), "write".into()));
    assert_eq!(
        two_way(&edges),
        vec!["store: write <-> write_topic".to_string()]
    );
    let module: Vec<String> = vec!["store".into(), "write_topic".into()];
    let refs = references(&module, "use super::write::{department_id, TopicRow};");
    let names: Vec<String> = refs.iter().map(|r| r.join("::")).collect();
    assert_eq!(names, ["store::write::department_id", "store::write"]);
    // Grouped imports name each module they reach, however nested.
    let refs = references(
        &["commands".to_string()],
        "use crate::{demo, store::{self, Store}, start};",
    );
    let names: Vec<String> = refs.iter().map(|r| r.join("::")).collect();
    assert_eq!(names, ["demo", "store", "store", "start"]);
}
