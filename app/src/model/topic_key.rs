//! 主题键: which month's topic (每月一题 picks one per month). A topic is named by its year and
//! month everywhere — `/topics/2026/11` in addresses, `2026-11` in forms and chart ids — and
//! both spellings are parsed here, once, into a [`TopicKey`] whose [`Month`] is always 1–12.

use super::parse_year;
use serde::{Deserialize, Serialize};

/// A month of the year, 1 to 12: made only by [`Month::new`] or [`Month::parse`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Month(u8);

/// In the OpenAPI document: an integer from 1 to 12, as it is sent.
#[cfg(feature = "ssr")]
impl utoipa::PartialSchema for Month {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, Type};
        ObjectBuilder::new()
            .schema_type(Type::Integer)
            .minimum(Some(1))
            .maximum(Some(12))
            .into()
    }
}

#[cfg(feature = "ssr")]
impl utoipa::ToSchema for Month {}

impl Month {
    pub fn new(month: u8) -> Option<Month> {
        (1..=12).contains(&month).then_some(Month(month))
    }

    /// `"11"` or `"03"` (an address or form segment; at most two digits).
    pub fn parse(text: &str) -> Option<Month> {
        let text = text.trim();
        if text.is_empty() || text.len() > 2 || !text.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Month::new(text.parse().ok()?)
    }

    pub fn get(self) -> u8 {
        self.0
    }
}

/// The number, honouring width flags (`{:02}` gives `03`).
impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(&self.0, f)
    }
}

impl TryFrom<u8> for Month {
    type Error = String;
    fn try_from(month: u8) -> Result<Month, String> {
        Month::new(month).ok_or_else(|| format!("month {month} is not 1 to 12"))
    }
}

impl From<Month> for u8 {
    fn from(month: Month) -> u8 {
        month.0
    }
}

impl From<&Month> for u8 {
    fn from(month: &Month) -> u8 {
        month.0
    }
}

/// The year and month that name a topic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TopicKey {
    pub year: i32,
    pub month: Month,
}

impl TopicKey {
    pub fn new(year: i32, month: u8) -> Option<TopicKey> {
        Some(TopicKey {
            year,
            month: Month::new(month)?,
        })
    }

    /// The two address segments of `/topics/{year}/{month}`.
    pub fn from_segments(year: &str, month: &str) -> Option<TopicKey> {
        Some(TopicKey {
            year: parse_year(year)?,
            month: Month::parse(month)?,
        })
    }

    /// The form and chart-id spelling, `2026-11` (also `2026-3`).
    pub fn parse(text: &str) -> Option<TopicKey> {
        let (year, month) = text.trim().split_once('-')?;
        TopicKey::from_segments(year, month)
    }

    /// `/topics/2026/11`, the topic's page.
    pub fn path(self) -> String {
        crate::paths::topic(self.year, self.month.get())
    }
}

/// `2026-11`, what [`TopicKey::parse`] reads back.
impl std::fmt::Display for TopicKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{:02}", self.year, self.month.get())
    }
}

/// 主题标签: a topic named with its theme — enough to show and link it in a list, a form's
/// choices or a card, without its plan and lists.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TopicLabel {
    pub key: TopicKey,
    pub theme: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_topic_key_reads_both_spellings_and_refuses_what_is_not_a_month() {
        let key = TopicKey::new(2026, 11).expect("valid");
        assert_eq!(TopicKey::parse("2026-11"), Some(key));
        assert_eq!(TopicKey::parse(" 2026-11 "), Some(key));
        assert_eq!(TopicKey::from_segments("2026", "11"), Some(key));
        assert_eq!(TopicKey::parse(&key.to_string()), Some(key));
        assert_eq!(TopicKey::parse("2026-3").map(|k| k.month.get()), Some(3));
        for bad in [
            "2026-13", "2026-0", "2026-", "2026", "26-11", "2026-+1", "2026-011", "abcd-11",
        ] {
            assert_eq!(TopicKey::parse(bad), None, "{bad}");
        }
        assert_eq!(key.path(), "/topics/2026/11");
        assert_eq!(Month::new(0), None);
        #[cfg(feature = "ssr")]
        assert!(serde_json::from_str::<Month>("13").is_err());
    }
}
