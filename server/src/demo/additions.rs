//! The second facts batch, `shared/facts/meiyue-yiti-additions.toml` (bundled beside the first):
//! lead departments, policies, measures and outcomes of 17 problems, more named problems, and
//! more policies — each with its own confidence and sources. Merged into the dataset built from
//! the first file; nothing here is invented, and nothing is rounded or reworded.
//!
//! The file's entries vary in shape (a key holds one table or a list of them), so it is read as
//! TOML tables and each known key is taken where present.

use crate::store::{Dataset, FactRow, PolicyRow, ProblemRow};
use toml::{Table, Value};

/// The additions as bundled into the binary; a test checks the copy against `shared/facts`.
pub const BUNDLED: &str = include_str!("../../data/meiyue-yiti-additions.toml");

/// Keys of a `[[problem]]` entry that hold reported facts, and the kind each becomes.
const FACT_KEYS: [(&str, &str); 10] = [
    ("measures", "measure"),
    ("measures_outcomes", "outcome"),
    ("outcomes", "outcome"),
    ("related_outcome", "outcome"),
    ("oversight", "oversight"),
    ("baseline", "baseline"),
    ("context", "context"),
    ("coop_depts_context", "context"),
    ("method", "context"),
    ("issues_named", "context"),
];

/// Keys of a `[[problem]]` entry that hold policies or plans answering it.
const POLICY_KEYS: [&str; 4] = ["plan", "policy", "policies", "related_policy"];

pub fn merge(data: &mut Dataset, text: &str) -> Result<(), toml::de::Error> {
    let file: Table = toml::from_str(text)?;
    for entry in tables(&file, "problem") {
        merge_problem(data, entry);
    }
    for entry in tables(&file, "year_named_additions") {
        merge_named(data, entry);
    }
    for entry in tables(&file, "policy") {
        upsert_policy(data, entry, None);
    }
    Ok(())
}

/// A key's value as tables: one table, or each table of a list.
fn tables<'a>(t: &'a Table, key: &str) -> Vec<&'a Table> {
    match t.get(key) {
        Some(Value::Table(one)) => vec![one],
        Some(Value::Array(many)) => many.iter().filter_map(Value::as_table).collect(),
        _ => Vec::new(),
    }
}

fn text(t: &Table, key: &str) -> Option<String> {
    t.get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// A source string only when it has an address ("(none found)" is no source).
fn source(t: &Table, key: &str) -> Option<String> {
    text(t, key).filter(|s| s.contains("http://") || s.contains("https://"))
}

/// The facts file's confidence, when it is one of its three levels.
fn level(t: &Table, key: &str) -> Option<String> {
    text(t, key).filter(|c| matches!(c.as_str(), "confirmed" | "inferred" | "uncertain"))
}

fn fact(kind: &str, t: &Table) -> Option<FactRow> {
    Some(FactRow {
        kind: kind.to_string(),
        text: text(t, "text")?,
        confidence: level(t, "confidence")?,
        source: source(t, "source"),
        source_title: text(t, "source_title"),
        repost_of: text(t, "repost_of"),
    })
}

/// "title (note)" → "title": the facts file annotates names in parentheses after a space.
fn bare(name: &str) -> &str {
    name.split_once(" (").map_or(name, |(head, _)| head).trim()
}

fn merge_problem(data: &mut Dataset, p: &Table) {
    let (Some(year), Some(title)) = (p.get("year").and_then(Value::as_integer), text(p, "title"))
    else {
        return;
    };
    let year = year as i32;
    let mut facts = problem_facts(p);
    // "other 2022 outcomes …": outcomes of the year whose problem titles are not given.
    if title.starts_with("other ") {
        if let Some(y) = data.years.iter_mut().find(|y| y.year == year) {
            y.reported
                .extend(facts.into_iter().filter(|f| f.kind == "outcome"));
        }
        return;
    }
    let confidence = level(p, "title_confidence").unwrap_or_else(|| "uncertain".into());
    let own = source(p, "title_source");
    let own_titles = text(p, "title_source_title");
    let index = find_problem(&data.problems, year, &title).unwrap_or_else(|| {
        data.problems.push(new_problem(year, &title, &confidence));
        data.problems.len() - 1
    });
    let problem = &mut data.problems[index];
    problem.confidence = confidence;
    if let Some(own) = own {
        add_sources(
            &mut problem.source,
            &mut problem.source_title,
            &own,
            own_titles.as_deref(),
        );
    }
    problem.facts.append(&mut facts);
    let problem_title = problem.title.clone();
    for key in POLICY_KEYS {
        for policy in tables(p, key) {
            upsert_policy(data, policy, Some(&problem_title));
        }
    }
}

/// The lead department, cooperating departments, measures, outcomes and notes of one entry.
fn problem_facts(p: &Table) -> Vec<FactRow> {
    let mut facts = Vec::new();
    let lead_source = source(p, "lead_source");
    let lead_titles = text(p, "lead_source_title");
    let lead_level = level(p, "lead_confidence").unwrap_or_else(|| "uncertain".into());
    if let Some(lead) = text(p, "lead_dept").filter(|l| l != "not stated") {
        facts.push(FactRow {
            kind: "lead".into(),
            text: lead,
            confidence: lead_level.clone(),
            source: lead_source.clone(),
            source_title: lead_titles.clone(),
            repost_of: None,
        });
    }
    if let Some(Value::Array(names)) = p.get("coop_depts") {
        let names: Vec<&str> = names.iter().filter_map(Value::as_str).collect();
        if !names.is_empty() {
            facts.push(FactRow {
                kind: "cooperating".into(),
                text: names.join("、"),
                confidence: level(p, "coop_confidence").unwrap_or(lead_level),
                source: lead_source.clone(),
                source_title: lead_titles.clone(),
                repost_of: None,
            });
        }
    }
    for (key, kind) in FACT_KEYS {
        if let Some(Value::Array(words)) = p.get(key) {
            // A list of plain names (e.g. the four kinds of park problems named).
            let words: Vec<&str> = words.iter().filter_map(Value::as_str).collect();
            if !words.is_empty() {
                facts.push(FactRow {
                    kind: kind.into(),
                    text: words.join("、"),
                    confidence: level(p, "lead_confidence").unwrap_or_else(|| "uncertain".into()),
                    source: lead_source.clone(),
                    source_title: lead_titles.clone(),
                    repost_of: None,
                });
            }
        }
        facts.extend(tables(p, key).into_iter().filter_map(|t| fact(kind, t)));
    }
    // The compiler's note, e.g. figures that conflict: both figures are listed above with their
    // sources; the note says how they differ.
    if let Some(note) = text(p, "note") {
        facts.push(FactRow {
            kind: "note".into(),
            text: note,
            confidence: "uncertain".into(),
            source: None,
            source_title: None,
            repost_of: None,
        });
    }
    facts
}

/// The year's problem with this title: the same words, or one inside the other.
fn find_problem(problems: &[ProblemRow], year: i32, title: &str) -> Option<usize> {
    let candidates = || {
        problems
            .iter()
            .enumerate()
            .filter(|(_, p)| p.year == year && p.confidence != "sample")
    };
    candidates()
        .find(|(_, p)| p.title == title)
        .or_else(|| {
            candidates().find(|(_, p)| p.title.contains(title) || title.contains(p.title.as_str()))
        })
        .map(|(i, _)| i)
}

/// A problem the first file does not name. The sources give it no month or departments, so none
/// are shown (and none are invented).
fn new_problem(year: i32, title: &str, confidence: &str) -> ProblemRow {
    ProblemRow {
        year,
        title: title.to_string(),
        confidence: confidence.to_string(),
        source: None,
        source_title: None,
        repost_of: None,
        month: None,
        topic: None,
        lead: None,
        cooperating: Vec::new(),
        assignment_is_sample: false,
        hotline_class: None,
        facts: Vec::new(),
    }
}

/// `[[year_named_additions]]`: more titles per year ("a / b / c" names several), each with the
/// source that names it.
fn merge_named(data: &mut Dataset, entry: &Table) {
    let Some(year) = entry.get("year").and_then(Value::as_integer) else {
        return;
    };
    let year = year as i32;
    for named in tables(entry, "named") {
        let (Some(titles), Some(confidence)) = (text(named, "title"), level(named, "confidence"))
        else {
            continue;
        };
        let own = source(named, "source");
        let own_titles = text(named, "source_title");
        for title in titles.split(" / ").map(bare) {
            let index = find_problem(&data.problems, year, title).unwrap_or_else(|| {
                data.problems.push(new_problem(year, title, &confidence));
                data.problems.len() - 1
            });
            let problem = &mut data.problems[index];
            // A stronger source upgrades the title (e.g. 农村供水保障, now named by 千龙网).
            if confidence == "confirmed" {
                problem.confidence = confidence.clone();
            }
            if let Some(own) = &own {
                add_sources(
                    &mut problem.source,
                    &mut problem.source_title,
                    own,
                    own_titles.as_deref(),
                );
            }
        }
    }
}

/// Appends citations (and their titles, kept parallel) to an item's, skipping known addresses.
fn add_sources(
    sources: &mut Option<String>,
    titles: &mut Option<String>,
    more: &str,
    more_titles: Option<&str>,
) {
    let mut urls: Vec<String> = sources
        .as_deref()
        .map(|s| s.split(';').map(|p| p.trim().to_string()).collect())
        .unwrap_or_default();
    let mut names: Vec<String> = titles
        .as_deref()
        .map(|t| t.split(" ; ").map(|p| p.trim().to_string()).collect())
        .unwrap_or_default();
    names.resize(urls.len(), String::new());
    let added: Vec<&str> = more
        .split(';')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let added_names: Vec<&str> = more_titles
        .map(|t| t.split(" ; ").map(str::trim).collect())
        .unwrap_or_default();
    for (i, part) in added.iter().enumerate() {
        let name = added_names
            .get(i)
            .or(added_names.last().filter(|_| added_names.len() == 1))
            .copied()
            .unwrap_or("");
        let address = part.split_whitespace().find(|w| w.starts_with("http"));
        match urls
            .iter()
            .position(|u| u.split_whitespace().find(|w| w.starts_with("http")) == address)
        {
            // A known address gains the title it lacked.
            Some(known) if names[known].is_empty() => names[known] = name.to_string(),
            Some(_) => {}
            None => {
                urls.push(part.to_string());
                names.push(name.to_string());
            }
        }
    }
    *sources = Some(urls.join(" ; "));
    *titles = names
        .iter()
        .any(|n| !n.is_empty())
        .then(|| names.join(" ; "));
}

/// Adds a policy, or adds what a second source says to the one the first file already has.
fn upsert_policy(data: &mut Dataset, t: &Table, problem: Option<&str>) {
    let Some(title) = text(t, "title") else {
        return;
    };
    let title = bare(&title).to_string();
    let confidence = level(t, "confidence").unwrap_or_else(|| "uncertain".into());
    let answers = text(t, "answers").unwrap_or_else(|| problem.unwrap_or_default().to_string());
    let mut linked = super::linked_problems(bare(&answers), &data.problems);
    linked.extend(problem.map(str::to_string));
    let issuer = text(t, "issuer").filter(|i| !i.starts_with("not stated"));
    // Only a date the charts can place (YYYY-MM…); "2024 (date not given)" is no date.
    let issued = text(t, "issued")
        .map(|d| bare(&d).to_string())
        .filter(|d| d.len() >= 7 && d.as_bytes()[4] == b'-' && d[..4].parse::<u32>().is_ok());
    let index = match data.policies.iter().position(|p| bare(&p.title) == title) {
        Some(i) => i,
        None => {
            data.policies.push(PolicyRow {
                title,
                doc_no: None,
                issuer: issuer.clone().unwrap_or_default(),
                passed: None,
                issued: None,
                effective: None,
                answers: answers.clone(),
                confidence: confidence.clone(),
                source: None,
                source_title: None,
                repost_of: None,
                problem_titles: Vec::new(),
                is_sample: false,
                topic: None,
            });
            data.policies.len() - 1
        }
    };
    let policy = &mut data.policies[index];
    policy.confidence = confidence;
    if let Some(issuer) = issuer.filter(|i| i.chars().count() > policy.issuer.chars().count()) {
        policy.issuer = issuer;
    }
    policy.doc_no = policy.doc_no.take().or_else(|| text(t, "doc_no"));
    policy.issued = policy.issued.take().or(issued);
    if let Some(more) = source(t, "source") {
        // The outlet a repost credits goes with its own citation, not the policy's others.
        let titles = match (text(t, "source_title"), text(t, "repost_of")) {
            (Some(title), Some(outlet)) => Some(format!("{title} (repost of {outlet})")),
            (None, Some(outlet)) => Some(format!("repost of {outlet}")),
            (title, None) => title,
        };
        add_sources(
            &mut policy.source,
            &mut policy.source_title,
            &more,
            titles.as_deref(),
        );
    }
    for title in linked {
        if !policy.problem_titles.contains(&title) {
            policy.problem_titles.push(title);
        }
    }
}

#[cfg(test)]
#[path = "additions_tests.rs"]
mod tests;
