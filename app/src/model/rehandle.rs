//! 重办 (Rehandle): a reply most of its raters judge unsolved is handled again, by a new date.
//! The rule is published on the replies page, like the 好差评 rules that call back a bad
//! rating and ask for a fix within working days; both answers stay on the reply's page.

use serde::{Deserialize, Serialize};

use super::{Answer, RatingTally};

/// Raters a reply needs before its ratings can reopen it: one unhappy resident is a complaint,
/// three agreeing are a verdict.
pub const REHANDLE_MIN_RATERS: u32 = 3;

/// Working days the department has for the second answer, counted from the day after it
/// reopened (the 好差评 rules ask for a fix within 5–15 working days).
pub const REHANDLE_WORKING_DAYS: u32 = 10;

/// 重办: when the ratings reopened the reply, the new date judged, and the first answer kept
/// with how it was rated.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Rehandle {
    /// The Beijing date it reopened.
    pub reopened_on: String,
    /// The new due date (Beijing, `YYYY-MM-DD`).
    pub due_on: String,
    /// The first answer, as residents rated it.
    pub first: Answer,
    /// How the first answer was rated (read with one reply, not with lists).
    #[serde(default)]
    pub ratings: RatingTally,
}

/// 重办率: of the replies answered at least once, how many their ratings reopened.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RehandleRate {
    /// Replies answered at least once.
    pub answered: u32,
    /// Of them, reopened by their ratings.
    pub reopened: u32,
}

impl RehandleRate {
    /// The rate in whole percent, `None` with nothing answered.
    pub fn percent(&self) -> Option<u32> {
        (self.answered > 0).then(|| (self.reopened * 100 + self.answered / 2) / self.answered)
    }
}

/// Whether a tally of one answer's counted ratings calls for 重办: at least
/// [`REHANDLE_MIN_RATERS`] raters and a median 解决程度 of 2 or less — more than half of them
/// said 1 (未解决) or 2.
pub fn calls_for_rehandle(tally: &RatingTally) -> bool {
    let unsolved = tally.solved[0] + tally.solved[1];
    tally.raters >= REHANDLE_MIN_RATERS && unsolved * 2 > tally.raters
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Scores;

    fn tally(solved: &[u8]) -> RatingTally {
        let mut tally = RatingTally::default();
        for s in solved {
            tally.add(Scores {
                solved: *s,
                attitude: 3,
                speed: 3,
            });
        }
        tally
    }

    #[test]
    fn a_reply_reopens_when_most_of_at_least_three_raters_say_unsolved() {
        assert!(calls_for_rehandle(&tally(&[1, 2, 5])));
        assert!(calls_for_rehandle(&tally(&[1, 1, 1])));
        assert!(calls_for_rehandle(&tally(&[2, 2, 5, 5, 1])));
    }

    #[test]
    fn too_few_raters_or_half_or_less_unsolved_never_reopen() {
        assert!(!calls_for_rehandle(&tally(&[1, 1])));
        assert!(!calls_for_rehandle(&tally(&[1, 2, 3, 4])));
        assert!(!calls_for_rehandle(&tally(&[1, 3, 5])));
        assert!(!calls_for_rehandle(&tally(&[])));
    }
}
