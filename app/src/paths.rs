//! 站内地址: every internal address the portal builds from data, spelled once. Pages, server
//! functions, feeds and the search index call these instead of writing `format!("/topics/…")`,
//! so a route and the links to it cannot drift apart. The routes themselves are declared in
//! `lib.rs`; a unit test below fails on an address of these kinds built anywhere else.

use std::fmt::Display;

/// Encodes text for a query value (`?next=…`, `?q=…`): only the characters that would break
/// the query; `/` stays readable.
pub fn query_value(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// A path on this site, safe to send a reader back to: never an open redirect (`//host`,
/// backslashes, control characters).
pub fn is_local(path: &str) -> bool {
    path.starts_with('/')
        && !path.starts_with("//")
        && !path.contains('\\')
        && !path.chars().any(char::is_control)
}

/// Where a staff member goes after signing in: the staff page she came from, else the desk.
pub fn after_sign_in(next: Option<&str>) -> &str {
    match next {
        Some(path) if is_local(path) && path.starts_with("/staff/") => {
            if path.starts_with("/staff/login") {
                "/staff"
            } else {
                path
            }
        }
        _ => "/staff",
    }
}

/// A month's topic page, `/topics/2026/11`.
pub fn topic(year: impl Display, month: impl Display) -> String {
    format!("/topics/{year}/{month}")
}

/// A problem's page.
pub fn problem(id: impl Display) -> String {
    format!("/problems/{id}")
}

/// A policy's page.
pub fn policy(id: impl Display) -> String {
    format!("/policies/{id}")
}

/// A department's record.
pub fn department(id: impl Display) -> String {
    format!("/departments/{id}")
}

/// A year of the mechanism.
pub fn year(year: impl Display) -> String {
    format!("/years/{year}")
}

/// A voting cycle's page, with its ballot.
pub fn cycle(slug: impl Display) -> String {
    format!("/vote/{slug}")
}

/// A candidate of a cycle.
pub fn candidate(slug: impl Display, id: impl Display) -> String {
    format!("/vote/{slug}/candidates/{id}")
}

/// 回执查询: where a ballot's or a suggestion's receipt code is checked.
pub const RECEIPT: &str = "/receipt";

/// The receipt page with a code filled in: a ballot's status, or a suggestion's timeline.
pub fn receipt(code: &str) -> String {
    format!("/receipt?code={}", query_value(code))
}

/// A followable item's Atom feed, `/feeds/topic/2026-11.atom` (`kind` and `subject` as the
/// follow form posts them).
pub fn feed(kind: &str, subject: &str) -> String {
    format!("/feeds/{kind}/{}.atom", query_value(subject))
}

/// A published suggestion on the suggestions page.
pub fn suggestion(id: impl Display) -> String {
    format!("/suggest#s-{id}")
}

/// A reply's rating form, for the author of the suggestion behind it with her receipt.
pub fn rate_with_receipt(reply_id: impl Display, code: &str) -> String {
    format!("/replies/{reply_id}?receipt={}#rate", query_value(code))
}

/// 等待答复: the replies owed and given.
pub const REPLIES: &str = "/replies";

/// 答复排行榜: the latest month's league.
pub const LEAGUE: &str = "/replies/league";

/// 答复排行榜 of one month (`YYYY-MM`).
pub fn league(month: &str) -> String {
    format!("/replies/league/{month}")
}

/// The league as open data (JSON; `.csv` for a spreadsheet).
pub fn league_api(month: &str) -> String {
    format!("/api/v1/replies/league/{month}")
}

/// One reply (答复): the item, its due date, extension, interim note and the answer.
pub fn reply(id: impl Display) -> String {
    format!("/replies/{id}")
}

/// A chart's page.
pub fn chart(id: impl Display) -> String {
    format!("/charts/{id}")
}

/// The editor's page of a topic.
pub fn staff_topic(id: impl Display) -> String {
    format!("/staff/topics/{id}")
}

/// The editor's page of a policy.
pub fn staff_policy(id: impl Display) -> String {
    format!("/staff/policies/{id}")
}

/// The editor's page of a report.
pub fn staff_report(id: impl Display) -> String {
    format!("/staff/reports/{id}")
}

/// A dataset import's review page.
pub fn staff_import(id: impl Display) -> String {
    format!("/staff/import/{id}")
}

#[cfg(test)]
mod tests {
    // a test module: a failure is a failed test
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    #[test]
    fn query_characters_are_encoded() {
        assert_eq!(
            super::query_value("/years/2024?c=x&y"),
            "/years/2024%3Fc%3Dx%26y"
        );
        assert_eq!(super::query_value("供暖 a"), "%E4%BE%9B%E6%9A%96%20a");
    }

    #[test]
    fn sign_in_returns_only_to_a_staff_page() {
        use super::after_sign_in;
        assert_eq!(
            after_sign_in(Some("/staff/topics/3?x=1")),
            "/staff/topics/3?x=1"
        );
        for away in [
            None,
            Some("https://evil.example/staff/"),
            Some("//evil.example/staff/"),
            Some("/staff/\\evil"),
            Some("/topics/2026/11"),
            Some("/staff/login?next=/staff/audit"),
        ] {
            assert_eq!(after_sign_in(away), "/staff", "{away:?}");
        }
    }

    use std::path::Path;

    /// The address kinds above, as they begin inside a `format!`.
    const BUILT_HERE: &[&str] = &[
        "format!(\"/topics/{",
        "format!(\"/problems/{",
        "format!(\"/policies/{",
        "format!(\"/departments/{",
        "format!(\"/years/{",
        "format!(\"/vote/{",
        "format!(\"/charts/{",
        "format!(\"/staff/topics/{",
        "format!(\"/staff/policies/{",
        "format!(\"/staff/reports/{",
        "format!(\"/staff/import/{",
    ];

    fn scan(dir: &Path, found: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).expect("source folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                scan(&path, found);
            } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("paths.rs") {
                let text = std::fs::read_to_string(&path).expect("source file");
                for line in text.lines() {
                    if BUILT_HERE.iter().any(|kind| line.contains(kind)) {
                        found.push(format!("{}: {}", path.display(), line.trim()));
                    }
                }
            }
        }
    }

    #[test]
    fn internal_addresses_are_built_only_here() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut found = Vec::new();
        scan(&root.join("src"), &mut found);
        scan(&root.join("../server/src"), &mut found);
        assert!(found.is_empty(), "use app::paths:\n{}", found.join("\n"));
    }

    #[test]
    fn addresses_match_the_routes() {
        assert_eq!(super::topic(2026, 11), "/topics/2026/11");
        assert_eq!(
            super::candidate("2027-annual", 3),
            "/vote/2027-annual/candidates/3"
        );
        assert_eq!(super::staff_topic(7), "/staff/topics/7");
    }
}
