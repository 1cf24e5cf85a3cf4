//! 进展记录: what a department reports about its own task — a dated note, with a link to the
//! evidence (证明材料) where there is one. Notes are public: the topic page and the API show
//! them under the task, with the department that posted them.

use super::Department;
use serde::{Deserialize, Serialize};

/// Longest progress note, delay reason and evidence title accepted, in characters; the forms
/// repeat these as `maxlength`.
pub const MAX_NOTE_CHARS: usize = 1000;
pub const MAX_DELAY_REASON_CHARS: usize = 500;
pub const MAX_EVIDENCE_TITLE_CHARS: usize = 200;
pub const MAX_URL_CHARS: usize = 2000;

/// 证明材料: a public page or file that shows the work (a notice, a photo on a public site).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Evidence {
    pub url: String,
    /// What the link is, as the department described it; the address when left blank.
    pub title: String,
}

/// 进展记录: one dated note on a task.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TaskNote {
    pub id: i64,
    /// The day the note is about (ISO date), as the department typed it.
    pub date: String,
    pub note: String,
    pub evidence: Option<Evidence>,
    /// Who posted it: always the department of the posting account.
    pub department: Department,
    /// 已撤回: when (UTC, RFC 3339) its department took it back; its text is then not shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawn_at: Option<String>,
    /// Why, in its department's words (public).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawn_reason: Option<String>,
    /// 已更正: when (UTC, RFC 3339) its department last corrected it in place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corrected_at: Option<String>,
}

/// An evidence address is accepted only as an absolute `http(s)` link without spaces, so what
/// the page links to is a web page and never a script.
pub fn evidence_url_ok(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    url.chars().count() <= MAX_URL_CHARS
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
        && rest.is_some_and(|r| r.split('/').next().is_some_and(|host| host.contains('.')))
}

#[cfg(test)]
mod tests {
    use super::evidence_url_ok;

    #[test]
    fn only_web_links_count_as_evidence() {
        assert!(evidence_url_ok("https://zjw.beijing.gov.cn/notice/1.html"));
        assert!(evidence_url_ok("http://example.cn/photo.jpg"));
        assert!(!evidence_url_ok("javascript:alert(1)"));
        assert!(!evidence_url_ok("https://"));
        assert!(!evidence_url_ok("https://localhost/x"));
        assert!(!evidence_url_ok("https://a.cn/x y"));
        assert!(!evidence_url_ok("zjw.beijing.gov.cn"));
    }
}
