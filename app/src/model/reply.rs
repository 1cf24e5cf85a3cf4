//! 答复 (Reply): enough support obliges the city to answer, by a date everyone can see. A cycle
//! states its rule (答复规则) before it opens; an item that crosses it gets a due date in working
//! days and a department that owes the answer.

use serde::{Deserialize, Serialize};

/// 答复规则: what a cycle promises, stated before it opens and frozen once it opens. A published
/// suggestion with at least `supporters` supporters (its author included) within `support_days`
/// days of being published, or a candidate with at least `votes` approvals, gets a reply from
/// `department` within `working_days` working days (Beijing's public holidays and make-up
/// working days counted).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ReplyRule {
    /// Supporters a suggestion needs; `None`: suggestions have no threshold in this cycle.
    pub supporters: Option<u32>,
    /// Days after publication within which the supporters count.
    pub support_days: u32,
    /// Approvals a candidate needs (verified and unverified together); `None`: no threshold.
    pub votes: Option<u32>,
    /// Working days the department has to reply, counted from the day after the crossing.
    pub working_days: u32,
    /// 答复单位: the department that owes the reply (an editor may hand an item to another).
    pub department: String,
}

/// The limits a rule's numbers keep, stated by the form before anyone types: a threshold of
/// one is no threshold, and a promise beyond two months of working days is no promise.
pub const RULE_SUPPORTERS: std::ops::RangeInclusive<u32> = 2..=100_000;
pub const RULE_SUPPORT_DAYS: std::ops::RangeInclusive<u32> = 1..=365;
pub const RULE_VOTES: std::ops::RangeInclusive<u32> = 2..=1_000_000;
pub const RULE_WORKING_DAYS: std::ops::RangeInclusive<u32> = 1..=60;
