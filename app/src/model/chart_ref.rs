//! Chart ids (图表编号): stable, readable, and parsed before any query so a bad id is a 404.
//! Pages name a chart by building a [`ChartRef`] and printing it, so an id is spelled here only.

use std::fmt;

/// One chart the portal can draw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChartRef {
    ProblemsPerYear,
    PoliciesPerMonth,
    DepartmentsOnTime,
    HotlineCategories2020,
    TopicTasks {
        year: i32,
        month: u8,
    },
    CycleVotes {
        slug: String,
    },
    ProblemVolume {
        problem: super::ProblemId,
    },
    ProblemRates {
        problem: super::ProblemId,
    },
    /// A candidate's hotline evidence (证据): trend, districts, rates.
    Candidate {
        candidate: super::CandidateId,
        view: EvidenceChart,
    },
}

/// The three evidence charts of a candidate made from a hotline class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EvidenceChart {
    Trend,
    Districts,
    Rates,
}

impl EvidenceChart {
    pub const ALL: [EvidenceChart; 3] = [
        EvidenceChart::Trend,
        EvidenceChart::Districts,
        EvidenceChart::Rates,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EvidenceChart::Trend => "trend",
            EvidenceChart::Districts => "districts",
            EvidenceChart::Rates => "rates",
        }
    }
}

/// A positive id without leading zeros (so every chart has one spelling).
fn positive(num: &str) -> Option<i64> {
    if num.starts_with('0') {
        return None;
    }
    num.parse().ok().filter(|n: &i64| *n > 0)
}

impl ChartRef {
    pub fn parse(id: &str) -> Option<ChartRef> {
        if !super::valid_chart_id(id) {
            return None;
        }
        match id {
            "problems-per-year" => return Some(ChartRef::ProblemsPerYear),
            "policies-per-month" => return Some(ChartRef::PoliciesPerMonth),
            "departments-on-time" => return Some(ChartRef::DepartmentsOnTime),
            "hotline-categories-2020" => return Some(ChartRef::HotlineCategories2020),
            _ => {}
        }
        if let Some(rest) = id
            .strip_prefix("topic-")
            .and_then(|r| r.strip_suffix("-tasks"))
        {
            let key = super::TopicKey::parse(rest).filter(|_| rest.len() == 7)?;
            return Some(ChartRef::TopicTasks {
                year: key.year,
                month: key.month.get(),
            });
        }
        if let Some(slug) = id
            .strip_prefix("cycle-")
            .and_then(|r| r.strip_suffix("-votes"))
        {
            return (!slug.is_empty()).then(|| ChartRef::CycleVotes { slug: slug.into() });
        }
        if let Some(rest) = id.strip_prefix("candidate-") {
            let (num, what) = rest.split_once('-')?;
            let candidate = super::CandidateId(positive(num)?);
            let view = EvidenceChart::ALL
                .into_iter()
                .find(|e| e.as_str() == what)?;
            return Some(ChartRef::Candidate { candidate, view });
        }
        if let Some(rest) = id.strip_prefix("problem-") {
            let (num, what) = rest.split_once('-')?;
            let problem = super::ProblemId(positive(num)?);
            return match what {
                "volume" => Some(ChartRef::ProblemVolume { problem }),
                "rates" => Some(ChartRef::ProblemRates { problem }),
                _ => None,
            };
        }
        None
    }
}

impl fmt::Display for ChartRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChartRef::ProblemsPerYear => f.write_str("problems-per-year"),
            ChartRef::PoliciesPerMonth => f.write_str("policies-per-month"),
            ChartRef::DepartmentsOnTime => f.write_str("departments-on-time"),
            ChartRef::HotlineCategories2020 => f.write_str("hotline-categories-2020"),
            ChartRef::TopicTasks { year, month } => write!(f, "topic-{year}-{month:02}-tasks"),
            ChartRef::CycleVotes { slug } => write!(f, "cycle-{slug}-votes"),
            ChartRef::ProblemVolume { problem } => write!(f, "problem-{problem}-volume"),
            ChartRef::ProblemRates { problem } => write!(f, "problem-{problem}-rates"),
            ChartRef::Candidate { candidate, view } => {
                write!(f, "candidate-{candidate}-{}", view.as_str())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip() {
        for id in [
            "problems-per-year",
            "policies-per-month",
            "departments-on-time",
            "hotline-categories-2020",
            "topic-2024-03-tasks",
            "cycle-2026-winter-votes",
            "problem-12-volume",
            "problem-12-rates",
            "candidate-7-trend",
            "candidate-7-districts",
            "candidate-7-rates",
        ] {
            let parsed = ChartRef::parse(id).unwrap_or_else(|| panic!("{id} should parse"));
            assert_eq!(parsed.to_string(), id);
        }
    }

    #[test]
    fn bad_ids_are_rejected() {
        for id in [
            "",
            "topic-2024-13-tasks",
            "topic-2024-3-tasks",
            "problem-0-volume",
            "problem-012-volume",
            "problem-12-height",
            "candidate-7-volume",
            "candidate-07-trend",
            "cycle--votes",
            "Problems-Per-Year",
            "../etc/passwd",
        ] {
            assert_eq!(ChartRef::parse(id), None, "{id}");
        }
    }
}
