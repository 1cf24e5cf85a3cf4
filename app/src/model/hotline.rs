//! Hotline evidence (热线证据) as residents and staff see it: the ranking of problem classes over
//! a window, its weights, and the reasons a class ranks high. Computed on the server from
//! aggregates of 12345 records (never the records themselves).

use serde::{Deserialize, Serialize};

/// 权重: how much each measure counts. They need not sum to one; the score divides by the sum.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RankWeights {
    pub volume: f64,
    pub growth: f64,
    pub spread: f64,
    pub dissatisfaction: f64,
    pub reopen: f64,
}

impl Default for RankWeights {
    fn default() -> Self {
        RankWeights {
            volume: 0.35,
            growth: 0.2,
            spread: 0.15,
            dissatisfaction: 0.2,
            reopen: 0.1,
        }
    }
}

/// The largest weight a form accepts; weights are relative, so a bound only stops nonsense.
pub const WEIGHT_MAX: f64 = 10.0;

impl RankWeights {
    pub fn as_array(&self) -> [f64; 5] {
        [
            self.volume,
            self.growth,
            self.spread,
            self.dissatisfaction,
            self.reopen,
        ]
    }

    /// Weights a form may save: each in 0..=[`WEIGHT_MAX`], and not all zero (a ranking by
    /// nothing would order classes by name).
    pub fn is_valid(&self) -> bool {
        let w = self.as_array();
        w.iter()
            .all(|x| x.is_finite() && (0.0..=WEIGHT_MAX).contains(x))
            && w.iter().any(|x| *x > 0.0)
    }
}

/// The measures, in the order of [`RankWeights`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum Measure {
    Volume,
    Growth,
    Spread,
    Dissatisfaction,
    Reopen,
}

impl Measure {
    pub const ALL: [Measure; 5] = [
        Measure::Volume,
        Measure::Growth,
        Measure::Spread,
        Measure::Dissatisfaction,
        Measure::Reopen,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Measure::Volume => "volume",
            Measure::Growth => "growth",
            Measure::Spread => "spread",
            Measure::Dissatisfaction => "dissatisfaction",
            Measure::Reopen => "reopen",
        }
    }
}

/// 问题类别 in a ranking: a level-1 × level-2 category with its figures over the window.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RankedClass {
    pub level1: String,
    pub level2: String,
    pub volume: i64,
    /// Growth against the previous window (0.25 = +25%); `None` when the class is new.
    pub growth: Option<f64>,
    pub districts: i64,
    pub dissatisfaction_rate: f64,
    pub reopen_rate: f64,
    /// 0–1.
    pub score: f64,
    /// The measures that lift it most, strongest first (at most two).
    pub reasons: Vec<Measure>,
}

/// 排名: every class over a window of `days` ending `to`, against the window before it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct HotlineRanking {
    pub from: String,
    pub to: String,
    pub previous_from: String,
    pub previous_to: String,
    pub days: i32,
    pub weights: RankWeights,
    pub total_districts: i64,
    pub classes: Vec<RankedClass>,
    /// The averages the reasons compare with.
    #[serde(default)]
    pub baseline: RankBaseline,
    /// The aggregates came (at least partly) from generated sample records.
    pub sample: bool,
}

/// 基准: what "high" is measured against — the averages over every class in the window. A reason
/// names a measure only when the class stands clear of these by the margins below, and its words
/// show the average, so "高于平均" is never said of 11.9 % against 11.5 %.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RankBaseline {
    /// Requests per class.
    pub volume_mean: f64,
    /// Dissatisfied among rated requests of all classes (0–1).
    pub dissatisfaction_rate: f64,
    /// Reopened among closed requests of all classes (0–1).
    pub reopen_rate: f64,
}

/// A rate is "high" only when at least this much above the average (0.2 = two tenths above)…
pub const RATE_MARGIN: f64 = 0.2;
/// …and counted over at least this many rated (or closed) requests.
pub const MIN_RATED: i64 = 30;
/// Volume is "large" only at this many times the average class.
pub const VOLUME_FACTOR: f64 = 2.0;
/// Growth is a reason only from this much (0.2 = +20 %) on at least this many earlier requests.
pub const MIN_GROWTH: f64 = 0.2;
pub const MIN_PREVIOUS: i64 = 10;

impl RankBaseline {
    /// Whether `rate` over `base` requests is high against `average` by the stated margin.
    pub fn rate_is_high(rate: f64, base: i64, average: f64) -> bool {
        base >= MIN_RATED && rate > 0.0 && rate >= average * (1.0 + RATE_MARGIN)
    }
}

/// The windows a ranking may use, in days.
pub const RANK_WINDOWS: [i32; 3] = [30, 90, 365];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_must_be_in_range_and_not_all_zero() {
        assert!(RankWeights::default().is_valid());
        let zero = RankWeights {
            volume: 0.0,
            growth: 0.0,
            spread: 0.0,
            dissatisfaction: 0.0,
            reopen: 0.0,
        };
        assert!(!zero.is_valid());
        assert!(!RankWeights {
            volume: -1.0,
            ..RankWeights::default()
        }
        .is_valid());
        assert!(!RankWeights {
            reopen: f64::NAN,
            ..RankWeights::default()
        }
        .is_valid());
        assert!(!RankWeights {
            growth: 11.0,
            ..RankWeights::default()
        }
        .is_valid());
    }
}
