//! Where a fact comes from (来源) and how sure we are of it (可信度).

use serde::{Deserialize, Serialize};

/// 可信度: the confidence levels of `shared/facts`, plus `Sample` for demo data we made up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// 已证实: stated directly by the cited source.
    Confirmed,
    /// 推断: implied by outcome reports, not stated as a problem title.
    Inferred,
    /// 存疑: sources conflict or only a repost was reachable.
    Uncertain,
    /// 示例数据: not from any source; invented for the demo and labelled as such.
    Sample,
}

impl Confidence {
    /// The stable token stored in the database and used in CSS classes.
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::Confirmed => "confirmed",
            Confidence::Inferred => "inferred",
            Confidence::Uncertain => "uncertain",
            Confidence::Sample => "sample",
        }
    }

    pub fn parse(token: &str) -> Option<Self> {
        match token {
            "confirmed" => Some(Confidence::Confirmed),
            "inferred" => Some(Confidence::Inferred),
            "uncertain" => Some(Confidence::Uncertain),
            "sample" => Some(Confidence::Sample),
            _ => None,
        }
    }
}

/// 来源: one citation. The facts file writes several in one string, separated by `;`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The address, when the citation has one.
    pub url: Option<String>,
    /// What the facts file says about the citation, e.g. "repost" or "seed article".
    pub note: Option<String>,
}

impl Source {
    /// Splits a facts-file source string into citations.
    ///
    /// `"http://a ; http://b (repost)"` becomes two sources, the second noted "repost".
    pub fn parse_list(raw: &str) -> Vec<Source> {
        raw.split(';')
            .map(str::trim)
            .filter(|part| !part.is_empty())
            .map(Source::parse_one)
            .collect()
    }

    fn parse_one(part: &str) -> Source {
        let mut url = None;
        let mut rest = Vec::new();
        for word in part.split_whitespace() {
            if url.is_none() && (word.starts_with("http://") || word.starts_with("https://")) {
                url = Some(word.to_string());
            } else {
                rest.push(word);
            }
        }
        let joined = rest.join(" ");
        let note = joined
            .strip_prefix('(')
            .and_then(|n| n.strip_suffix(')'))
            .unwrap_or(&joined)
            .trim();
        Source {
            url,
            note: (!note.is_empty()).then(|| note.to_string()),
        }
    }

    /// The host name, used as the link text so a reader sees where a link leads.
    pub fn host(&self) -> Option<&str> {
        let url = self.url.as_deref()?;
        let without_scheme = url.split_once("://").map(|(_, rest)| rest)?;
        without_scheme.split('/').next().filter(|h| !h.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn confidence_round_trips_through_its_token() {
        for c in [
            Confidence::Confirmed,
            Confidence::Inferred,
            Confidence::Uncertain,
            Confidence::Sample,
        ] {
            assert_eq!(Confidence::parse(c.as_str()), Some(c));
        }
        assert_eq!(Confidence::parse("maybe"), None);
    }

    #[test]
    fn source_lists_split_into_urls_and_notes() {
        let sources = Source::parse_list(
            "http://www.71.cn/2025/0710/1267011.shtml ; http://laiwandiao6.cn/x.html (repost of the announcement)",
        );
        assert_eq!(sources.len(), 2);
        assert_eq!(sources[0].host(), Some("www.71.cn"));
        assert_eq!(sources[0].note, None);
        assert_eq!(
            sources[1].note.as_deref(),
            Some("repost of the announcement")
        );
    }

    #[test]
    fn a_source_without_url_keeps_its_words() {
        let sources =
            Source::parse_list("seed article (the project's seed document); http://a.cn/x");
        assert_eq!(sources[0].url, None);
        assert_eq!(
            sources[0].note.as_deref(),
            Some("seed article (the project's seed document)")
        );
        assert_eq!(sources[1].host(), Some("a.cn"));
    }
}
