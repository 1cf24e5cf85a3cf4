//! 答复模板 (ReplyTemplate): a department's standing answer — the decision, a reason code for
//! 不予采纳, the words and a link — that its staff start a reply from and then fit to the item
//! (FixMyStreet's response templates). Staff only; never shown to the public as such.

use super::{NotAdoptedReason, ReplyDecision};
use serde::{Deserialize, Serialize};

/// A template's name, in characters: what the desk's list and the 套用 links show.
pub const TEMPLATE_TITLE: std::ops::RangeInclusive<usize> = 2..=40;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplyTemplate {
    pub id: i64,
    /// The department whose template it is (by name, like the replies it serves).
    pub department: String,
    pub title: String,
    pub decision: ReplyDecision,
    pub reason: Option<NotAdoptedReason>,
    pub body: String,
    pub link: Option<String>,
    /// Who saved it last, and when (RFC 3339).
    pub updated_by: String,
    pub updated_at: String,
}
