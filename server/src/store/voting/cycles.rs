//! Editors' writes to voting cycles: a new cycle with its rules, candidates added while it has
//! not opened, and, after it closes, which candidate became which month's topic. Rules are
//! frozen once a cycle opens: every write here checks the clock inside its transaction.

use crate::store::history::audit::audit;
use crate::store::notify::topic_notices::record_for_candidate;
use crate::store::{Store, StoreResult};
use app::model::StaffMember;

/// A cycle's rules as validated from the form.
#[derive(Clone, Debug)]
pub struct CycleFields {
    pub slug: String,
    pub title: String,
    pub target: String,
    pub opens_at: i64,
    pub closes_at: i64,
    pub max_picks: u8,
    pub live_tally: bool,
    /// Its opening date is today: it waits for 现在开始投票 rather than opening empty.
    pub awaits_open: bool,
}

/// How a cycle write ended, short of a storage failure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CycleWrite {
    Done,
    Missing,
    Duplicate,
    /// The cycle has opened: its rules and candidates no longer change.
    Frozen,
    /// Only a closed cycle's candidates can be marked as having become a topic.
    NotClosed,
    /// A ballot needs at least two candidates to choose between before it opens.
    TooFewCandidates,
}

/// Fewest candidates a cycle may open with: one candidate is no choice.
pub const MIN_CANDIDATES_TO_OPEN: i64 = 2;

/// A candidate (候选议题) as staff add it; `link` when it came from the hotline ranking.
#[derive(Clone, Copy, Debug)]
pub struct NewCandidate<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub evidence: &'a str,
    pub link: Option<&'a crate::store::EvidenceLink>,
}

/// A candidate with what its writes check: its cycle's clock and slug, and the topic it became.
#[derive(sqlx::FromRow)]
pub(super) struct CandidateInCycle {
    pub opens_at: i64,
    pub closes_at: i64,
    pub awaits_open: i64,
    pub title: String,
    pub slug: String,
    pub became_year: Option<i64>,
    pub became_month: Option<i64>,
}

/// Inside a write transaction: `candidate` with its cycle; `None`: no such candidate.
pub(super) async fn candidate_in_cycle(
    tx: &mut crate::store::Conn,
    candidate: app::model::CandidateId,
) -> StoreResult<Option<CandidateInCycle>> {
    Ok(sqlx::query_as(
        "SELECT c.opens_at, c.closes_at, c.awaits_open, k.title, c.slug, k.became_year,
                k.became_month
         FROM cycle_candidates k JOIN cycles c ON c.id = k.cycle_id WHERE k.id = $1",
    )
    .bind(candidate.0)
    .fetch_optional(&mut *tx)
    .await?)
}

impl Store {
    pub async fn create_cycle(
        &self,
        actor: &StaffMember,
        f: &CycleFields,
        now: i64,
    ) -> StoreResult<CycleWrite> {
        let mut tx = self.write_tx().await?;
        let taken: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM cycles WHERE slug = $1")
            .bind(&f.slug)
            .fetch_one(&mut *tx)
            .await?;
        if taken > 0 {
            return Ok(CycleWrite::Duplicate);
        }
        if f.opens_at <= now && !f.awaits_open {
            return Ok(CycleWrite::Frozen);
        }
        sqlx::query(
            "INSERT INTO cycles (slug, title, target, opens_at, closes_at, max_picks, live_tally,
                                 awaits_open, is_sample)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0)",
        )
        .bind(&f.slug)
        .bind(&f.title)
        .bind(&f.target)
        .bind(f.opens_at)
        .bind(f.closes_at)
        .bind(i64::from(f.max_picks))
        .bind(i64::from(f.live_tally))
        .bind(i64::from(f.awaits_open))
        .execute(&mut *tx)
        .await?;
        audit(
            &mut tx,
            now,
            &actor.username,
            "cycle.create",
            &format!("cycle {}: {}", f.slug, f.title),
            "",
        )
        .await?;
        self.commit(tx).await?;
        Ok(CycleWrite::Done)
    }

    /// Adds a candidate to a cycle that has not opened.
    pub async fn add_candidate(
        &self,
        actor: &StaffMember,
        slug: &str,
        candidate: NewCandidate<'_>,
        now: i64,
    ) -> StoreResult<CycleWrite> {
        let NewCandidate {
            title,
            description,
            evidence,
            link,
        } = candidate;
        let mut tx = self.write_tx().await?;
        let cycle: Option<(i64, i64, i64)> =
            sqlx::query_as("SELECT id, opens_at, awaits_open FROM cycles WHERE slug = $1")
                .bind(slug)
                .fetch_optional(&mut *tx)
                .await?;
        let Some((id, opens_at, awaits_open)) = cycle else {
            return Ok(CycleWrite::Missing);
        };
        if opens_at <= now && awaits_open == 0 {
            return Ok(CycleWrite::Frozen);
        }
        sqlx::query(
            "INSERT INTO cycle_candidates (cycle_id, position, title, description, evidence,
                                           hotline_level1, hotline_level2, evidence_from,
                                           evidence_to, evidence_card, is_sample)
             SELECT $1, COALESCE(MAX(position), 0) + 1, $2, $3, $4, $5, $6, $7, $8, $9, 0
             FROM cycle_candidates WHERE cycle_id = $1",
        )
        .bind(id)
        .bind(title)
        .bind(description)
        .bind(evidence)
        .bind(link.map(|l| &l.level1))
        .bind(link.map(|l| &l.level2))
        .bind(link.map(|l| &l.from))
        .bind(link.map(|l| &l.to))
        .bind(link.and_then(|l| l.card_json()))
        .execute(&mut *tx)
        .await?;
        audit(
            &mut tx,
            now,
            &actor.username,
            "cycle.candidate",
            &format!("cycle {slug}: {title}"),
            "",
        )
        .await?;
        self.commit(tx).await?;
        Ok(CycleWrite::Done)
    }

    /// 现在开始投票: an upcoming cycle opens at `now` (its rules freeze from then on). Only with
    /// at least [`MIN_CANDIDATES_TO_OPEN`] candidates, and never once it has opened or closed.
    pub async fn open_cycle_now(
        &self,
        actor: &StaffMember,
        slug: &str,
        now: i64,
    ) -> StoreResult<CycleWrite> {
        let mut tx = self.write_tx().await?;
        let cycle: Option<(i64, i64, i64, i64, String)> = sqlx::query_as(
            "SELECT id, opens_at, closes_at, awaits_open, title FROM cycles WHERE slug = $1",
        )
        .bind(slug)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((id, opens_at, closes_at, awaits_open, title)) = cycle else {
            return Ok(CycleWrite::Missing);
        };
        let upcoming = app::model::Phase::of(opens_at, closes_at, awaits_open != 0, now)
            == app::model::Phase::Upcoming;
        if !upcoming {
            return Ok(CycleWrite::Frozen);
        }
        let candidates: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM cycle_candidates WHERE cycle_id = $1")
                .bind(id)
                .fetch_one(&mut *tx)
                .await?;
        if candidates < MIN_CANDIDATES_TO_OPEN {
            return Ok(CycleWrite::TooFewCandidates);
        }
        sqlx::query("UPDATE cycles SET opens_at = $1, awaits_open = 0 WHERE id = $2")
            .bind(now)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        audit(
            &mut tx,
            now,
            &actor.username,
            "cycle.open_now",
            &format!("cycle {slug}: {title}"),
            &format!("planned opening {opens_at}"),
        )
        .await?;
        self.commit(tx).await?;
        Ok(CycleWrite::Done)
    }

    /// Records how the city used a closed cycle's result: the candidate became the topic of
    /// `(year, month)` (or of none).
    pub async fn set_became(
        &self,
        actor: &StaffMember,
        candidate: app::model::CandidateId,
        month: Option<(i32, u8)>,
        now: i64,
    ) -> StoreResult<CycleWrite> {
        let mut tx = self.write_tx().await?;
        let row = candidate_in_cycle(&mut tx, candidate).await?;
        let Some(row) = row else {
            return Ok(CycleWrite::Missing);
        };
        let (closes_at, title, slug) = (row.closes_at, row.title, row.slug);
        let (was_year, was_month) = (row.became_year, row.became_month);
        if closes_at > now {
            return Ok(CycleWrite::NotClosed);
        }
        sqlx::query(
            "UPDATE cycle_candidates SET became_year = $1, became_month = $2 WHERE id = $3",
        )
        .bind(month.map(|(y, _)| y))
        .bind(month.map(|(_, m)| i64::from(m)))
        .bind(candidate.0)
        .execute(&mut *tx)
        .await?;
        // Its followers hear the news once, not again when an editor saves the same month.
        let was = was_year.zip(was_month);
        if let Some((year, m)) = month.filter(|(y, m)| was != Some((i64::from(*y), i64::from(*m))))
        {
            let published: Option<i64> = sqlx::query_scalar(
                "SELECT id FROM topics WHERE year = $1 AND month = $2 AND status = 'published'",
            )
            .bind(i64::from(year))
            .bind(i64::from(m))
            .fetch_optional(&mut *tx)
            .await?;
            let notice = crate::store::Notice::CandidateBecameTopic {
                title: title.clone(),
                year,
                month: m,
                path: match published {
                    Some(_) => app::paths::topic(year, m),
                    None => app::paths::candidate(&slug, candidate.0),
                },
            };
            record_for_candidate(&mut tx, candidate.0, &notice, now).await?;
        }
        let detail = month
            .map(|(y, m)| format!("{y}-{m:02}"))
            .unwrap_or_default();
        audit(
            &mut tx,
            now,
            &actor.username,
            "cycle.became",
            &format!("candidate {candidate}: {title}"),
            &detail,
        )
        .await?;
        self.commit(tx).await?;
        Ok(CycleWrite::Done)
    }
}
