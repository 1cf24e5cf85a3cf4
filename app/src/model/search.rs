//! 搜索: one box over topic, problem, policy and task titles.

use serde::{Deserialize, Serialize};

/// Longest query accepted, in characters (a Chinese title is rarely over 30).
pub const MAX_QUERY_CHARS: usize = 100;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum HitKind {
    Topic,
    Problem,
    Policy,
    Task,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SearchHit {
    pub kind: HitKind,
    pub title: String,
    pub href: String,
    /// Year, issuer or owner: enough to tell two similar titles apart.
    pub detail: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum QueryProblem {
    Empty,
    TooLong,
}

/// Trims the query and checks its length; the caller keeps the raw text to show it back.
pub fn validate_query(raw: &str) -> Result<String, QueryProblem> {
    let q = raw.trim();
    if q.is_empty() {
        Err(QueryProblem::Empty)
    } else if q.chars().count() > MAX_QUERY_CHARS {
        Err(QueryProblem::TooLong)
    } else {
        Ok(q.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_trimmed_and_bounded() {
        assert_eq!(validate_query("  电梯 "), Ok("电梯".to_string()));
        assert_eq!(validate_query("   "), Err(QueryProblem::Empty));
        assert_eq!(
            validate_query(&"梯".repeat(101)),
            Err(QueryProblem::TooLong)
        );
        assert!(
            validate_query(&"梯".repeat(100)).is_ok(),
            "the limit counts characters, not bytes"
        );
    }
}
