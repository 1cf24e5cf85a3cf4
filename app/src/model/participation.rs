//! 点菜: residents choose what the city works on next. A voting cycle (选题征集) offers
//! candidates (候选议题); a ballot (选票) approves up to N of them; every submission is kept,
//! the last accepted ballot of each voter counts, and tallies are always derived from ballots.

use super::suggestion::SuggestionState;
use super::{CandidateId, CycleId};
use serde::{Deserialize, Serialize};

/// 选题征集: rules are fixed once it opens.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Cycle {
    pub id: CycleId,
    pub slug: String,
    pub title: String,
    /// What the result decides, e.g. "2027 年度问题清单".
    pub target: String,
    /// UTC, ISO 8601.
    pub opens_at: String,
    pub closes_at: String,
    pub max_picks: u8,
    /// Live tallies while open, or hidden until close.
    pub live_tally: bool,
    pub phase: Phase,
    /// 待开始: created to open today, it waits for an editor's 现在开始投票.
    #[serde(default)]
    pub awaits_open: bool,
    pub is_sample: bool,
    /// 答复规则: who must answer what, by when; `None` for a cycle that states none.
    #[serde(default)]
    pub reply_rule: Option<super::ReplyRule>,
}

/// Where a cycle is in its life, from the server's clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum Phase {
    Upcoming,
    Open,
    Closed,
}

impl Phase {
    /// Where a phase comes in lists: open first, then upcoming, then closed.
    fn rank(self) -> u8 {
        match self {
            Phase::Open => 0,
            Phase::Upcoming => 1,
            Phase::Closed => 2,
        }
    }

    /// `awaits_open`: a cycle held for an editor's 现在开始投票 stays upcoming until then (and
    /// closes unopened if nobody opens it).
    pub fn of(opens_at: i64, closes_at: i64, awaits_open: bool, now: i64) -> Self {
        if awaits_open && now < closes_at {
            Phase::Upcoming
        } else {
            Self::at(opens_at, closes_at, now)
        }
    }

    pub fn at(opens_at: i64, closes_at: i64, now: i64) -> Self {
        if now < opens_at {
            Phase::Upcoming
        } else if now < closes_at {
            Phase::Open
        } else {
            Phase::Closed
        }
    }
}

/// The order residents see cycles in, everywhere: the open ones first (closing soonest
/// first), then the upcoming ones (opening soonest first), then the closed ones (latest first).
pub fn order_cycles(cycles: &mut [Cycle]) {
    cycles.sort_by(|a, b| {
        a.phase
            .rank()
            .cmp(&b.phase.rank())
            .then_with(|| match a.phase {
                Phase::Open => a.closes_at.cmp(&b.closes_at),
                Phase::Upcoming => a.opens_at.cmp(&b.opens_at),
                Phase::Closed => b.closes_at.cmp(&a.closes_at),
            })
    });
}

/// 投票人类别: verified ballots carry a one-time paper code; unverified ones a device token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum Tier {
    Verified,
    Unverified,
}

impl Tier {
    pub fn as_str(self) -> &'static str {
        match self {
            Tier::Verified => "verified",
            Tier::Unverified => "unverified",
        }
    }

    pub fn parse(token: &str) -> Option<Self> {
        [Tier::Verified, Tier::Unverified]
            .into_iter()
            .find(|t| t.as_str() == token)
    }
}

/// 候选议题 of a cycle, with its tally when the cycle's rule allows showing it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CycleCandidate {
    pub id: CandidateId,
    pub title: String,
    pub description: String,
    /// Hotline evidence summary: the engine's, when the candidate came from a ranked class;
    /// otherwise what staff wrote.
    pub evidence: String,
    /// The same evidence as figures, for the ballot's short card; `None` for staff-written
    /// evidence (and for candidates made before cards existed).
    #[serde(default)]
    pub card: Option<super::EvidenceCard>,
    /// The hotline class (`level1·level2`) its evidence charts come from, if any.
    pub hotline_class: Option<String>,
    pub tally: Option<Tally>,
    /// The topic this candidate became, `(year, month, theme)`, once the city used the result.
    pub became: Option<crate::model::TopicLabel>,
    /// 未入选理由, once a closed round's editor gave it.
    #[serde(default)]
    pub not_chosen: Option<super::NotChosen>,
    pub is_sample: bool,
}

/// Approvals by tier; the two are never added together in the UI without both shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Tally {
    pub verified: u32,
    pub unverified: u32,
}

impl Tally {
    pub fn total(self) -> u32 {
        self.verified + self.unverified
    }
}

/// A cycle's page: its rules, candidates (ranked after close) and the visitor's own ballot.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CycleDetail {
    pub cycle: Cycle,
    pub candidates: Vec<CycleCandidate>,
    /// Whether tallies are shown now.
    pub tallies_shown: bool,
    /// Ballots counted so far, by tier (shown with the tallies).
    pub counted: Tally,
}

/// What a receipt check finds (回执查询).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum ReceiptStatus {
    /// The ballot is the voter's current one and is in the tally. The picks are not part of
    /// the public answer: only the device that cast the ballot sees them (`OwnBallot`).
    Counted {
        cycle: String,
        tier: Tier,
        at: String,
    },
    /// The voter cast a later ballot, which counts instead.
    Superseded {
        cycle: String,
        at: String,
        replaced_at: String,
    },
    /// Held for a moderator's review; not in the tally until accepted.
    Quarantined {
        cycle: String,
        reason: String,
        at: String,
    },
    /// Not counted, with the reason.
    Rejected {
        cycle: String,
        reason: String,
        at: String,
    },
    /// The receipt of a suggestion: its timeline (received, published or not, promoted), each
    /// step dated where the record has the date.
    Suggestion {
        title: String,
        moderation: SuggestionState,
        /// Why not published, as a code (older decisions have only the note).
        reason_code: Option<super::NotPublishedReason>,
        /// The moderator's note beside the code.
        reason: Option<String>,
        received_at: String,
        decided_at: Option<String>,
        promoted: Option<super::Promoted>,
        /// The reply it (or the candidate made from it) is owed or got.
        #[serde(default)]
        replied: Option<super::SuggestionReply>,
    },
    Unknown,
}

/// A ballot held for a moderator's decision.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HeldBallot {
    pub id: i64,
    pub cycle: String,
    pub tier: String,
    pub reason: String,
    pub network: String,
    pub at: String,
}

/// Beijing's sixteen districts, for the suggestion form.
pub const DISTRICTS: [&str; 16] = [
    "东城区",
    "西城区",
    "朝阳区",
    "海淀区",
    "丰台区",
    "石景山区",
    "门头沟区",
    "房山区",
    "通州区",
    "顺义区",
    "昌平区",
    "大兴区",
    "怀柔区",
    "平谷区",
    "密云区",
    "延庆区",
];

/// 诚信报告: what happened to every ballot of a cycle.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct IntegrityReport {
    pub cycle: String,
    /// Every submission recorded.
    pub cast: u32,
    /// Voters whose current ballot is in the tally, by tier.
    pub counted: Tally,
    /// Earlier ballots replaced by the same voter's later one.
    pub superseded: u32,
    pub quarantined: Vec<(String, u32)>,
    pub rejected: Vec<(String, u32)>,
    /// Tallies recomputed from the ballot records agree with the stored counts.
    pub recomputed_matches: bool,
    /// 网络集中度: networks by how many devices sent unverified ballots from each (no addresses).
    #[serde(default)]
    pub networks: super::NetworkConcentration,
    /// The rule in force: devices per network per Beijing day whose unverified ballots count
    /// at once; later ones from that network that day are held for review.
    #[serde(default)]
    pub per_network_day: u32,
}

/// Why a submission was refused outright (nothing written); the code is the message key
/// `vote.error.<code>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BallotProblem {
    NoPicks,
    TooManyPicks,
    UnknownCandidate,
    NotOpen,
    CodeUsed,
    CodeUnknown,
    ReplayedProof,
    /// The proof of work is present but wrong or expired: refused, never stored.
    BadProof,
    RateLimited,
    Busy,
}

impl BallotProblem {
    pub fn code(self) -> &'static str {
        match self {
            BallotProblem::NoPicks => "no_picks",
            BallotProblem::TooManyPicks => "too_many_picks",
            BallotProblem::UnknownCandidate => "unknown_candidate",
            BallotProblem::NotOpen => "not_open",
            BallotProblem::CodeUsed => "code_used",
            BallotProblem::CodeUnknown => "code_unknown",
            BallotProblem::ReplayedProof => "replayed_proof",
            BallotProblem::BadProof => "bad_proof",
            BallotProblem::RateLimited => "rate_limited",
            BallotProblem::Busy => "busy",
        }
    }
}

/// Checks a ballot's picks against the cycle's rule: at least one, at most `max`, no repeats,
/// each one of `known`. Returns them sorted, the form in which they are stored.
pub fn check_picks(
    picks: &[CandidateId],
    max: u8,
    known: &[CandidateId],
) -> Result<Vec<CandidateId>, BallotProblem> {
    let mut sorted = picks.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    if sorted.is_empty() {
        return Err(BallotProblem::NoPicks);
    }
    if sorted.len() > usize::from(max) {
        return Err(BallotProblem::TooManyPicks);
    }
    if sorted.iter().any(|p| !known.contains(p)) {
        return Err(BallotProblem::UnknownCandidate);
    }
    Ok(sorted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_follow_the_cycle_rule() {
        let ids = |n: &[i64]| n.iter().copied().map(CandidateId).collect::<Vec<_>>();
        let known = ids(&[1, 2, 3, 4]);
        assert_eq!(check_picks(&ids(&[3, 1, 3]), 3, &known), Ok(ids(&[1, 3])));
        assert_eq!(check_picks(&[], 3, &known), Err(BallotProblem::NoPicks));
        assert_eq!(
            check_picks(&ids(&[1, 2, 3, 4]), 3, &known),
            Err(BallotProblem::TooManyPicks)
        );
        assert_eq!(
            check_picks(&ids(&[9]), 3, &known),
            Err(BallotProblem::UnknownCandidate)
        );
    }

    #[test]
    fn open_cycles_come_first() {
        let cycle = |slug: &str, opens: &str, closes: &str, phase| Cycle {
            id: CycleId(0),
            slug: slug.into(),
            title: slug.into(),
            target: String::new(),
            opens_at: opens.into(),
            closes_at: closes.into(),
            max_picks: 3,
            live_tally: true,
            phase,
            awaits_open: false,
            is_sample: false,
            reply_rule: None,
        };
        let mut cycles = vec![
            cycle("later", "2027-09-01", "2027-10-01", Phase::Upcoming),
            cycle("old", "2025-01-01", "2025-02-01", Phase::Closed),
            cycle("soon", "2027-03-01", "2027-04-01", Phase::Upcoming),
            cycle("recent", "2026-01-01", "2026-02-01", Phase::Closed),
            cycle("now", "2026-11-01", "2027-01-01", Phase::Open),
        ];
        order_cycles(&mut cycles);
        let slugs: Vec<&str> = cycles.iter().map(|c| c.slug.as_str()).collect();
        assert_eq!(slugs, ["now", "soon", "later", "recent", "old"]);
    }

    #[test]
    fn phases_follow_the_clock() {
        assert_eq!(Phase::at(10, 20, 5), Phase::Upcoming);
        assert_eq!(Phase::at(10, 20, 10), Phase::Open);
        assert_eq!(Phase::at(10, 20, 20), Phase::Closed);
        // Held for 现在开始投票: upcoming past its opening date, closed unopened at its end.
        assert_eq!(Phase::of(10, 20, true, 15), Phase::Upcoming);
        assert_eq!(Phase::of(10, 20, true, 20), Phase::Closed);
        assert_eq!(Phase::of(10, 20, false, 15), Phase::Open);
    }
}
