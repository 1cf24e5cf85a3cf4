//! 隐去: a moderator replaces a span of a resident's suggestion (a phone number, a name, an
//! address) with 【已隐去】, giving a reason. The text before it is kept only in the
//! staff-visible revision history (`SuggestionRevision`); the public reads the redacted text.

use serde::{Deserialize, Serialize};

/// What the public reads in place of a redacted span.
pub const REDACTED: &str = "【已隐去】";
/// Longest span one redaction may cover, in characters.
pub const MAX_REDACT_SPAN: usize = 100;

/// One redaction as staff see it in the history: who, when (RFC 3339), why, and the text
/// before it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SuggestionRevision {
    pub suggestion_id: i64,
    pub at: String,
    pub username: String,
    pub reason: String,
    pub title_before: String,
    pub description_before: String,
}

/// Replaces every occurrence of `span` in `text`; `None` when it does not occur.
pub fn redact(text: &str, span: &str) -> Option<String> {
    (!span.is_empty() && text.contains(span)).then(|| text.replace(span, REDACTED))
}

/// Spans that look like a phone number (a mobile 1xx xxxx xxxx, a landline 010-xxxxxxxx, with
/// spaces or dashes inside): the moderator's hint, never applied without them.
pub fn phone_like(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !is_digit(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        let mut digits = 0;
        let mut j = i;
        while j < chars.len() && (is_digit(chars[j]) || matches!(chars[j], ' ' | '-' | '－')) {
            if is_digit(chars[j]) {
                digits += 1;
                end = j;
            }
            j += 1;
        }
        if (7..=13).contains(&digits) {
            let span: String = chars[start..=end].iter().collect();
            if !found.contains(&span) {
                found.push(span);
            }
        }
        i = j.max(i + 1);
    }
    found
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phone_number_is_suggested_and_replaced() {
        let text = "楼道灯坏了，请联系我 138 1234 5678，或者打 010-64001234。";
        assert_eq!(phone_like(text), vec!["138 1234 5678", "010-64001234"]);
        let out = redact(text, "138 1234 5678").expect("found");
        assert!(out.contains(REDACTED) && !out.contains("5678"));
    }

    #[test]
    fn short_numbers_and_missing_spans_are_left_alone() {
        assert!(phone_like("3号楼2单元，共12户，2026年").is_empty());
        assert_eq!(redact("没有电话", "138"), None);
        assert_eq!(redact("text", ""), None);
    }
}
