//! 答复评价 (Rating): the residents a reply answers grade it on the three counts 人民网's 领导留言板
//! publishes — 解决程度 (was it solved), 办理态度 (attitude), 办理速度 (speed) — each 1 to 5, once,
//! within a window after it is posted. The public sees how many rated and how the scores
//! spread, never who rated.

use serde::{Deserialize, Serialize};

/// How long after a reply is first posted it may be rated, in seconds (15 days: long enough to
/// see whether what it promised happened, short enough to judge this reply and not the next).
pub const RATING_WINDOW_SECONDS: i64 = 15 * 24 * 3600;

codes! {
    /// The three counts a reply is rated on.
    RatingAspect {
        /// 解决程度: was the problem solved.
        Solved => "solved",
        /// 办理态度.
        Attitude => "attitude",
        /// 办理速度.
        Speed => "speed",
    }
}

impl RatingAspect {
    pub fn message_key(self) -> String {
        format!("rating.aspect.{}", self.as_str())
    }

    /// The words of score `n` (1–5) on this count.
    pub fn score_key(self, n: u8) -> String {
        format!("rating.score.{}.s{n}", self.as_str())
    }
}

/// One resident's scores, each 1 to 5.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scores {
    pub solved: u8,
    pub attitude: u8,
    pub speed: u8,
}

impl Scores {
    /// The scores as a form sent them, if each is a whole number from 1 to 5.
    pub fn parse(solved: &str, attitude: &str, speed: &str) -> Option<Scores> {
        let one = |typed: &str| {
            typed
                .trim()
                .parse::<u8>()
                .ok()
                .filter(|n| (1..=5).contains(n))
        };
        Some(Scores {
            solved: one(solved)?,
            attitude: one(attitude)?,
            speed: one(speed)?,
        })
    }

    pub fn of(&self, aspect: RatingAspect) -> u8 {
        match aspect {
            RatingAspect::Solved => self.solved,
            RatingAspect::Attitude => self.attitude,
            RatingAspect::Speed => self.speed,
        }
    }
}

/// How a reply's ratings spread: the number of raters and, for each count, how many gave
/// 1, 2, 3, 4 and 5.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RatingTally {
    pub raters: u32,
    pub solved: [u32; 5],
    pub attitude: [u32; 5],
    pub speed: [u32; 5],
}

impl RatingTally {
    /// Adds one resident's scores.
    pub fn add(&mut self, s: Scores) {
        self.raters += 1;
        for aspect in RatingAspect::ALL {
            let n = usize::from(s.of(*aspect).clamp(1, 5)) - 1;
            self.counts_mut(*aspect)[n] += 1;
        }
    }

    pub fn counts(&self, aspect: RatingAspect) -> &[u32; 5] {
        match aspect {
            RatingAspect::Solved => &self.solved,
            RatingAspect::Attitude => &self.attitude,
            RatingAspect::Speed => &self.speed,
        }
    }

    fn counts_mut(&mut self, aspect: RatingAspect) -> &mut [u32; 5] {
        match aspect {
            RatingAspect::Solved => &mut self.solved,
            RatingAspect::Attitude => &mut self.attitude,
            RatingAspect::Speed => &mut self.speed,
        }
    }
}

/// Whether a reply first posted at `replied_at` may still be rated at `now` (seconds).
pub fn rating_open(replied_at: i64, now: i64) -> bool {
    now <= replied_at + RATING_WINDOW_SECONDS
}

codes! {
    /// What became of a rating (`follow.rate.outcome.<code>` on the page she is shown).
    RatingOutcome {
        /// Counted.
        Counted => "counted",
        /// She has rated this reply already.
        Already => "already",
        /// The window has closed.
        Closed => "closed",
        /// A count left without a score.
        Incomplete => "incomplete",
        /// Taken, but beyond its network's daily allowance: a moderator decides.
        Held => "held",
        /// Not this device's (nor this receipt's) item: it neither supported nor wrote it.
        NotYours => "not_yours",
        /// A proof of work that does not check out, or one spent already.
        BadProof => "bad_proof",
        /// Too many from this network just now.
        RateLimited => "rate_limited",
        /// The record could not be written; nothing was taken.
        Busy => "busy",
    }
}

codes! {
    /// Where a rating stands: counted, waiting for a moderator, or not counted by one.
    RatingStanding {
        Counted => "counted",
        Held => "held",
        Rejected => "rejected",
    }
}

/// What the reader of a reply's page may do with its rating there, by the device she reads on
/// (the one that supported, wrote or voted for the item) or the receipt of the suggestion she
/// wrote, given in the address.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RateHere {
    /// Neither this device nor the receipt stands behind the item: the page says who may rate.
    NotYours,
    /// She may rate now; the proof-of-work challenge the page's script solves (JSON).
    Open { challenge: Option<String> },
    /// Rated already: her scores, and whether they count, wait for a moderator or did not count.
    Rated {
        scores: Scores,
        standing: RatingStanding,
    },
    /// No answer to rate yet, or its fifteen days have passed.
    Closed,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_are_whole_numbers_from_one_to_five_on_all_three_counts() {
        assert_eq!(
            Scores::parse("1", " 5 ", "3"),
            Some(Scores {
                solved: 1,
                attitude: 5,
                speed: 3
            })
        );
        for bad in [
            ("0", "3", "3"),
            ("3", "6", "3"),
            ("3", "3", ""),
            ("2.5", "3", "3"),
        ] {
            assert_eq!(Scores::parse(bad.0, bad.1, bad.2), None, "{bad:?}");
        }
    }

    #[test]
    fn a_tally_counts_each_score_under_its_count() {
        let mut tally = RatingTally::default();
        tally.add(Scores {
            solved: 1,
            attitude: 5,
            speed: 3,
        });
        tally.add(Scores {
            solved: 1,
            attitude: 4,
            speed: 3,
        });
        assert_eq!(tally.raters, 2);
        assert_eq!(tally.solved, [2, 0, 0, 0, 0]);
        assert_eq!(tally.attitude, [0, 0, 0, 1, 1]);
        assert_eq!(tally.speed, [0, 0, 2, 0, 0]);
    }

    #[test]
    fn a_reply_may_be_rated_for_fifteen_days() {
        assert!(rating_open(0, 15 * 86_400));
        assert!(!rating_open(0, 15 * 86_400 + 1));
    }
}
