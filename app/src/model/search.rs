//! 搜索: one box over topic, problem, policy, task, candidate and suggestion titles, with the
//! words residents use for the words officials write (暖气 for 供暖), and the portal's own
//! sections (投票, 回执) for people who search for a place rather than a title.

use serde::{Deserialize, Serialize};

/// Longest query accepted, in characters (a Chinese title is rarely over 30).
pub const MAX_QUERY_CHARS: usize = 100;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum HitKind {
    Topic,
    Problem,
    Policy,
    Task,
    /// 候选议题 of a voting cycle.
    Candidate,
    /// 市民建议, once a moderator published it.
    Suggestion,
}

/// Words that mean the same thing to a resident. Each group is searched as one: a query that
/// contains one of its words is also searched with each other word in its place.
const SYNONYMS: &[&[&str]] = &[
    &["供暖", "暖气", "供热", "取暖"],
    &["停车", "车位"],
    &["噪音", "噪声", "扰民"],
    &["漏水", "渗水"],
    &["路灯", "照明"],
    &["上学", "入学", "学位"],
    &["养老", "助餐", "老年"],
    &["快递", "外卖"],
];

/// At most this many spellings of one query are searched.
const MAX_TERMS: usize = 6;

/// The query and its synonyms' spellings, the query first, without repeats.
pub fn search_terms(query: &str) -> Vec<String> {
    let mut terms = vec![query.to_string()];
    for group in SYNONYMS {
        for word in group.iter().filter(|w| query.contains(*w)) {
            for other in group.iter().filter(|o| *o != word) {
                let term = query.replace(word, other);
                if !terms.contains(&term) && terms.len() < MAX_TERMS {
                    terms.push(term);
                }
            }
        }
    }
    terms
}

/// A section of the portal, found by the words people use for it.
pub struct SitePage {
    pub href: &'static str,
    /// Locale key of its name.
    pub name_key: &'static str,
    /// Locale key of one line saying what is there.
    pub about_key: &'static str,
    words: &'static [&'static str],
}

pub const SITE_PAGES: &[SitePage] = &[
    SitePage {
        href: "/vote",
        name_key: "search.page_vote",
        about_key: "search.page_vote_about",
        words: &["投票", "选票", "点菜", "候选", "vote", "ballot"],
    },
    SitePage {
        href: "/receipt",
        name_key: "search.page_receipt",
        about_key: "search.page_receipt_about",
        words: &["回执", "查票", "receipt"],
    },
    SitePage {
        href: "/suggest",
        name_key: "search.page_suggest",
        about_key: "search.page_suggest_about",
        words: &["建议", "点菜", "提议", "suggest"],
    },
    SitePage {
        href: "/hotline",
        name_key: "search.page_hotline",
        about_key: "search.page_hotline_about",
        words: &["热线", "12345", "hotline"],
    },
    SitePage {
        href: "/charts",
        name_key: "search.page_charts",
        about_key: "search.page_charts_about",
        words: &["图表", "成效", "chart"],
    },
];

/// The sections whose words the query contains (case-insensitive for Latin letters).
pub fn site_pages(query: &str) -> Vec<&'static SitePage> {
    let q = query.to_lowercase();
    SITE_PAGES
        .iter()
        .filter(|p| p.words.iter().any(|w| q.contains(w)))
        .collect()
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
    fn residents_words_find_officials_words() {
        let terms = search_terms("暖气");
        assert_eq!(terms[0], "暖气");
        assert!(terms.contains(&"供暖".to_string()));
        assert!(search_terms("暖气费").contains(&"供暖费".to_string()));
        assert_eq!(search_terms("电梯"), vec!["电梯".to_string()]);
        assert!(search_terms("供暖暖气取暖供热").len() <= MAX_TERMS);
    }

    #[test]
    fn sections_are_found_by_their_words() {
        let hrefs = |q: &str| site_pages(q).iter().map(|p| p.href).collect::<Vec<_>>();
        assert_eq!(hrefs("投票"), vec!["/vote"]);
        assert_eq!(hrefs("我的回执"), vec!["/receipt"]);
        assert_eq!(hrefs("Receipt"), vec!["/receipt"]);
        assert!(hrefs("电梯").is_empty());
    }

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
