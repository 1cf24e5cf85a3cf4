//! Reading voting cycles (选题征集): candidates with their tallies, receipt checks and the
//! integrity report. Tallies count the latest accepted ballot of each voter.

use crate::store::backers::parse_picks;
use crate::store::{iso, Store, StoreError, StoreResult};
use app::model::{
    BallotReason, BallotStatus, CandidateId, Cycle, CycleCandidate, CycleDetail, CycleId,
    IntegrityReport, NetworkConcentration, Phase, ReceiptStatus, Tally, Tier,
};
use std::collections::HashMap;

#[derive(Clone, Debug, sqlx::FromRow)]
pub(in crate::store) struct CycleRow {
    id: i64,
    slug: String,
    title: String,
    target: String,
    opens_at: i64,
    closes_at: i64,
    max_picks: i64,
    live_tally: i64,
    awaits_open: i64,
    is_sample: i64,
    reply_supporters: Option<i64>,
    reply_support_days: Option<i64>,
    reply_votes: Option<i64>,
    reply_working_days: Option<i64>,
    reply_department: Option<String>,
}

/// A cycle row's columns, in [`CycleRow`]'s order (a macro, so statements are joined at
/// compile time).
macro_rules! cycle_columns {
    () => {
        "id, slug, title, target, opens_at, closes_at, max_picks, live_tally, awaits_open, \
         is_sample, reply_supporters, reply_support_days, reply_votes, reply_working_days, \
         reply_department"
    };
}
pub(in crate::store) use cycle_columns;

const CYCLE_SELECT: &str = concat!("SELECT ", cycle_columns!(), " FROM cycles");

impl CycleRow {
    pub(super) fn into_cycle(self, now: i64) -> StoreResult<Cycle> {
        Ok(Cycle {
            id: CycleId(self.id),
            slug: self.slug,
            title: self.title,
            target: self.target,
            opens_at: iso(self.opens_at),
            closes_at: iso(self.closes_at),
            max_picks: crate::store::small(self.max_picks, "cycle max_picks")?,
            live_tally: self.live_tally != 0,
            phase: Phase::of(self.opens_at, self.closes_at, self.awaits_open != 0, now),
            awaits_open: self.awaits_open != 0,
            is_sample: self.is_sample != 0,
            reply_rule: reply_rule(
                (self.reply_supporters, self.reply_support_days),
                self.reply_votes,
                self.reply_working_days,
                self.reply_department,
            )?,
        })
    }
}

/// The stored rule: all of it or none (a days count without its department is a corrupt row).
fn reply_rule(
    (supporters, support_days): (Option<i64>, Option<i64>),
    votes: Option<i64>,
    working_days: Option<i64>,
    department: Option<String>,
) -> StoreResult<Option<app::model::ReplyRule>> {
    let count = |n: i64, what: &str| {
        u32::try_from(n).map_err(|_| StoreError::Corrupt(format!("cycle {what} {n}")))
    };
    match (working_days, department) {
        (None, None) => Ok(None),
        (Some(days), Some(department)) => Ok(Some(app::model::ReplyRule {
            supporters: supporters
                .map(|n| count(n, "reply_supporters"))
                .transpose()?,
            support_days: count(support_days.unwrap_or(0), "reply_support_days")?,
            votes: votes.map(|n| count(n, "reply_votes")).transpose()?,
            working_days: count(days, "reply_working_days")?,
            department,
        })),
        _ => Err(StoreError::Corrupt("cycle reply rule half stored".into())),
    }
}

/// The current ballot of each voter, as `(tier, picks)`, recomputed from the records.
const CURRENT_BALLOTS: &str = "
    SELECT b.tier, b.picks FROM ballots b
    JOIN (SELECT b2.voter, MAX(b2.id) AS id FROM ballots b2
          LEFT JOIN ballot_reviews r2 ON r2.ballot_id = b2.id
          WHERE b2.cycle_id = $1 AND COALESCE(r2.decision, b2.status) = 'counted'
          GROUP BY b2.voter) cur ON cur.id = b.id";

impl Store {
    /// Every cycle in the order residents see them: open ones first (`order_cycles`).
    pub async fn cycles(&self, now: i64) -> StoreResult<Vec<Cycle>> {
        let rows: Vec<CycleRow> = sqlx::query_as(&format!("{CYCLE_SELECT} ORDER BY opens_at DESC"))
            .fetch_all(&self.pool)
            .await?;
        let mut cycles: Vec<Cycle> = rows
            .into_iter()
            .map(|r| r.into_cycle(now))
            .collect::<StoreResult<_>>()?;
        app::model::order_cycles(&mut cycles);
        Ok(cycles)
    }

    /// Stored running tallies by candidate.
    async fn stored_tallies(&self, cycle_id: CycleId) -> StoreResult<HashMap<CandidateId, Tally>> {
        let rows: Vec<(i64, String, i64)> =
            sqlx::query_as("SELECT candidate_id, tier, approvals FROM tallies WHERE cycle_id = $1")
                .bind(cycle_id.0)
                .fetch_all(&self.pool)
                .await?;
        let mut out: HashMap<CandidateId, Tally> = HashMap::new();
        for (candidate, tier, n) in rows {
            let entry = out.entry(CandidateId(candidate)).or_default();
            let n =
                u32::try_from(n).map_err(|_| StoreError::Corrupt(format!("negative tally {n}")))?;
            match Tier::parse(&tier) {
                Some(Tier::Verified) => entry.verified = n,
                Some(Tier::Unverified) => entry.unverified = n,
                None => return Err(StoreError::Corrupt(format!("unknown tier {tier:?}"))),
            }
        }
        Ok(out)
    }

    /// Tallies and counted voters recomputed from the ballot records alone.
    async fn recomputed(
        &self,
        cycle_id: CycleId,
    ) -> StoreResult<(HashMap<CandidateId, Tally>, Tally)> {
        let rows: Vec<(String, String)> = sqlx::query_as(CURRENT_BALLOTS)
            .bind(cycle_id.0)
            .fetch_all(&self.pool)
            .await?;
        let mut tallies: HashMap<CandidateId, Tally> = HashMap::new();
        let mut voters = Tally::default();
        for (tier, picks) in rows {
            let verified = tier == "verified";
            if verified {
                voters.verified += 1;
            } else {
                voters.unverified += 1;
            }
            for pick in parse_picks(&picks) {
                let t = tallies.entry(pick).or_default();
                if verified {
                    t.verified += 1;
                } else {
                    t.unverified += 1;
                }
            }
        }
        Ok((tallies, voters))
    }

    pub async fn cycle_detail(&self, slug: &str, now: i64) -> StoreResult<Option<CycleDetail>> {
        let Some((cycle, _)) = self.cycle_rules(slug, now).await? else {
            return Ok(None);
        };
        #[derive(sqlx::FromRow)]
        struct Row {
            id: i64,
            title: String,
            description: String,
            evidence: String,
            evidence_card: Option<String>,
            hotline_class: Option<String>,
            is_sample: i64,
            year: Option<i64>,
            month: Option<i64>,
            theme: Option<String>,
            not_chosen_code: Option<String>,
            not_chosen_note: Option<String>,
        }
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT c.id, c.title, c.description, c.evidence, c.evidence_card, c.is_sample,
                    t.year, t.month, t.theme, c.not_chosen_code, c.not_chosen_note,
                    CASE WHEN c.evidence_to IS NOT NULL
                         THEN c.hotline_level1 || '·' || c.hotline_level2 END AS hotline_class
             FROM cycle_candidates c
             LEFT JOIN topics t ON t.year = c.became_year AND t.month = c.became_month
                                 AND t.status = 'published'
             WHERE c.cycle_id = $1 ORDER BY c.position",
        )
        .bind(cycle.id.0)
        .fetch_all(&self.pool)
        .await?;
        let shown =
            cycle.phase == Phase::Closed || (cycle.phase == Phase::Open && cycle.live_tally);
        let tallies = self.stored_tallies(cycle.id).await?;
        let (_, counted) = self.recomputed(cycle.id).await?;
        let mut candidates: Vec<CycleCandidate> = rows
            .into_iter()
            .map(|r| {
                Ok(CycleCandidate {
                    tally: shown.then(|| {
                        let id = CandidateId(r.id);
                        tallies.get(&id).copied().unwrap_or_default()
                    }),
                    became: match (r.year, r.month, r.theme) {
                        (Some(y), Some(m), Some(theme)) => {
                            Some(crate::store::topic_label(y, m, theme)?)
                        }
                        _ => None,
                    },
                    not_chosen: crate::store::replies::not_chosen::read(
                        r.not_chosen_code,
                        r.not_chosen_note,
                    )?,
                    id: CandidateId(r.id),
                    title: r.title,
                    description: r.description,
                    evidence: r.evidence,
                    // A card that no longer reads (an older shape) falls back to the summary text.
                    card: r
                        .evidence_card
                        .as_deref()
                        .and_then(|j| serde_json::from_str(j).ok()),
                    hotline_class: r.hotline_class,
                    is_sample: r.is_sample != 0,
                })
            })
            .collect::<StoreResult<_>>()?;
        if cycle.phase == Phase::Closed {
            // Final ranking: most approvals first, verified approvals breaking ties.
            candidates.sort_by_key(|c| {
                let t = c.tally.unwrap_or_default();
                std::cmp::Reverse((t.total(), t.verified))
            });
        }
        Ok(Some(CycleDetail {
            tallies_shown: shown,
            counted: if shown { counted } else { Tally::default() },
            cycle,
            candidates,
        }))
    }

    pub async fn receipt(&self, receipt: &str) -> StoreResult<ReceiptStatus> {
        #[derive(sqlx::FromRow)]
        struct Row {
            id: i64,
            cycle_id: i64,
            voter: String,
            tier: String,
            status: String,
            reason: Option<String>,
            created_at: i64,
            title: String,
        }
        let row: Option<Row> = sqlx::query_as(
            "SELECT b.id, b.cycle_id, b.voter, b.tier,
                    COALESCE(r.decision, b.status) AS status, b.reason, b.created_at, c.title
             FROM ballots b JOIN cycles c ON c.id = b.cycle_id
             LEFT JOIN ballot_reviews r ON r.ballot_id = b.id
             WHERE b.receipt = $1",
        )
        .bind(receipt)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else {
            return Ok(self
                .suggestion_timeline(receipt)
                .await?
                .unwrap_or(ReceiptStatus::Unknown));
        };
        let at = iso(row.created_at);
        match crate::store::ballot_status(&row.status)? {
            BallotStatus::Quarantined => Ok(ReceiptStatus::Quarantined {
                cycle: row.title,
                reason: row.reason.unwrap_or_default(),
                at,
            }),
            BallotStatus::Rejected => Ok(ReceiptStatus::Rejected {
                cycle: row.title,
                reason: row
                    .reason
                    .unwrap_or_else(|| BallotReason::Moderator.as_str().into()),
                at,
            }),
            BallotStatus::Counted => {
                let mut conn = self.pool.acquire().await?;
                let current = crate::store::backers::current_ballot(
                    &mut conn,
                    CycleId(row.cycle_id),
                    &row.voter,
                )
                .await?;
                drop(conn);
                match current {
                    Some((id, _, _)) if id != row.id => {
                        let later: i64 =
                            sqlx::query_scalar("SELECT created_at FROM ballots WHERE id = $1")
                                .bind(id)
                                .fetch_one(&self.pool)
                                .await?;
                        Ok(ReceiptStatus::Superseded {
                            cycle: row.title,
                            at,
                            replaced_at: iso(later),
                        })
                    }
                    _ => Ok(ReceiptStatus::Counted {
                        cycle: row.title,
                        tier: crate::store::tier(&row.tier)?,
                        at,
                    }),
                }
            }
        }
    }

    pub async fn integrity(&self, slug: &str, now: i64) -> StoreResult<Option<IntegrityReport>> {
        let Some((cycle, _)) = self.cycle_rules(slug, now).await? else {
            return Ok(None);
        };
        let rows: Vec<(String, Option<String>, i64)> = sqlx::query_as(
            "SELECT COALESCE(r.decision, b.status), COALESCE(b.reason, CASE WHEN r.decision = 'rejected' THEN 'moderator' END), COUNT(*)
             FROM ballots b LEFT JOIN ballot_reviews r ON r.ballot_id = b.id
             WHERE b.cycle_id = $1 GROUP BY 1, 2 ORDER BY 1, 2",
        )
        .bind(cycle.id.0)
        .fetch_all(&self.pool)
        .await?;
        let (recomputed, counted) = self.recomputed(cycle.id).await?;
        let stored = self.stored_tallies(cycle.id).await?;
        let agree = recomputed
            .iter()
            .all(|(k, v)| stored.get(k).copied().unwrap_or_default() == *v)
            && stored
                .iter()
                .all(|(k, v)| recomputed.get(k).copied().unwrap_or_default() == *v);
        let mut report = IntegrityReport {
            cycle: cycle.title,
            counted,
            recomputed_matches: agree,
            ..IntegrityReport::default()
        };
        let mut accepted = 0u32;
        for (status, reason, n) in rows {
            let n = u32::try_from(n).unwrap_or(0);
            report.cast += n;
            let reason = reason.unwrap_or_default();
            match crate::store::ballot_status(&status)? {
                BallotStatus::Counted => accepted += n,
                BallotStatus::Quarantined => report.quarantined.push((reason, n)),
                BallotStatus::Rejected => report.rejected.push((reason, n)),
            }
        }
        report.superseded = accepted.saturating_sub(counted.total());
        report.networks = self.network_concentration(cycle.id).await?;
        Ok(Some(report))
    }

    /// 网络集中度: how many networks sent unverified ballots from how many devices. Only counts
    /// leave the store, never a network.
    async fn network_concentration(&self, cycle_id: CycleId) -> StoreResult<NetworkConcentration> {
        let rows: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT per.devices, COUNT(*) FROM
               (SELECT COUNT(DISTINCT voter) AS devices FROM ballots
                WHERE cycle_id = $1 AND tier = 'unverified' GROUP BY network) per
             GROUP BY per.devices",
        )
        .bind(cycle_id.0)
        .fetch_all(&self.pool)
        .await?;
        let mut out = NetworkConcentration::default();
        for (devices, networks) in rows {
            out.add(
                u32::try_from(devices).unwrap_or(u32::MAX),
                u32::try_from(networks).unwrap_or(u32::MAX),
            );
        }
        Ok(out)
    }
}

impl Store {
    /// A candidate's title and its round's slug (a follow names a candidate by its id alone).
    pub async fn candidate_label(&self, id: i64) -> StoreResult<Option<(String, String)>> {
        Ok(sqlx::query_as(
            "SELECT k.title, c.slug FROM cycle_candidates k JOIN cycles c ON c.id = k.cycle_id
             WHERE k.id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?)
    }
}
