//! 证据卡片: a ballot candidate's hotline evidence as a resident reads it on a phone — one
//! number, one direction and one plain sentence — with the full summary one tap away. The card
//! keeps the figures, not words, so every language says the same thing, and the words claim only
//! what the figures support (the margins below, shared with the hotline ranking).

use super::{RankBaseline, MIN_PREVIOUS};
use serde::{Deserialize, Serialize};

/// A change is called "more" or "fewer" only from this much (0.1 = 10 %) on at least
/// [`MIN_PREVIOUS`] earlier requests; anything smaller reads as "about the same".
pub const DIRECTION_MARGIN: f64 = 0.1;

/// The figures behind a candidate's evidence, over the window `from`–`to` of `days` days.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct EvidenceCard {
    pub from: String,
    pub to: String,
    pub days: i32,
    /// Requests in the window, and in the window before it.
    pub volume: i64,
    pub previous: i64,
    /// Rated requests, and the dissatisfied share of them (0–1).
    pub rated: i64,
    pub dissatisfaction_rate: f64,
    /// Closed requests, and the reopened share of them (0–1).
    pub closed: i64,
    pub reopen_rate: f64,
    /// The averages over every class in the same window.
    pub baseline: RankBaseline,
    /// Its place in the ranking, of `of` classes.
    pub place: usize,
    pub of: usize,
    /// Aggregates made (at least partly) from generated sample records.
    pub sample: bool,
}

/// Which way requests went against the window before.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// None at all in the window before.
    New,
    More,
    Fewer,
    /// Within the margin, or too few earlier requests to say.
    Same,
}

/// What stands out against the average, if anything (by [`RankBaseline::rate_is_high`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standout {
    Dissatisfied,
    Reopened,
    Nothing,
}

impl EvidenceCard {
    /// The change against the window before, as a fraction (0.25 = +25 %).
    pub fn change(&self) -> Option<f64> {
        (self.previous > 0).then(|| (self.volume - self.previous) as f64 / self.previous as f64)
    }

    pub fn direction(&self) -> Direction {
        match self.change() {
            None if self.volume > 0 => Direction::New,
            None => Direction::Same,
            Some(_) if self.previous < MIN_PREVIOUS => Direction::Same,
            Some(c) if c >= DIRECTION_MARGIN => Direction::More,
            Some(c) if c <= -DIRECTION_MARGIN => Direction::Fewer,
            Some(_) => Direction::Same,
        }
    }

    /// The one thing worth a sentence: dissatisfaction first, as residents feel it most.
    pub fn standout(&self) -> Standout {
        let b = &self.baseline;
        if RankBaseline::rate_is_high(
            self.dissatisfaction_rate,
            self.rated,
            b.dissatisfaction_rate,
        ) {
            Standout::Dissatisfied
        } else if RankBaseline::rate_is_high(self.reopen_rate, self.closed, b.reopen_rate) {
            Standout::Reopened
        } else {
            Standout::Nothing
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(volume: i64, previous: i64, dissatisfaction: f64, reopen: f64) -> EvidenceCard {
        EvidenceCard {
            from: "2026-10-02".into(),
            to: "2026-10-31".into(),
            days: 30,
            volume,
            previous,
            rated: 200,
            dissatisfaction_rate: dissatisfaction,
            closed: 200,
            reopen_rate: reopen,
            baseline: RankBaseline {
                volume_mean: 100.0,
                dissatisfaction_rate: 0.115,
                reopen_rate: 0.05,
            },
            place: 1,
            of: 12,
            sample: true,
        }
    }

    #[test]
    fn direction_is_claimed_only_beyond_the_margin_on_enough_requests() {
        assert_eq!(card(120, 100, 0.1, 0.0).direction(), Direction::More);
        assert_eq!(card(80, 100, 0.1, 0.0).direction(), Direction::Fewer);
        assert_eq!(card(105, 100, 0.1, 0.0).direction(), Direction::Same);
        assert_eq!(
            card(8, 4, 0.1, 0.0).direction(),
            Direction::Same,
            "4 → 8 is too few"
        );
        assert_eq!(card(8, 0, 0.1, 0.0).direction(), Direction::New);
    }

    #[test]
    fn a_rate_just_over_the_average_is_not_called_high() {
        // 11.9 % against an 11.5 % average is not "high" (issue 13, point 3).
        assert_eq!(card(100, 100, 0.119, 0.0).standout(), Standout::Nothing);
        assert_eq!(card(100, 100, 0.2, 0.0).standout(), Standout::Dissatisfied);
        assert_eq!(card(100, 100, 0.1, 0.09).standout(), Standout::Reopened);
    }
}
