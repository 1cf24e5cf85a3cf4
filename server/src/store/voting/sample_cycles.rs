//! Sample voting cycles for the demo: one open now, one closed whose winner became this
//! month's topic. Cycles and ballots are live data, not part of the reloadable dataset: they are
//! added once (by slug) and never replaced, and every one of them is flagged sample.

use crate::store::voting::ballots::move_tally;
use crate::store::{EvidenceLink, Store, StoreResult};

/// A sample candidate (示例候选议题).
#[derive(Clone, Debug)]
pub struct SampleCandidate {
    pub title: &'static str,
    pub description: &'static str,
    /// The evidence summary, computed by the hotline engine when the demo loads.
    pub evidence: String,
    /// The month it became a topic.
    pub became: Option<(i32, u8)>,
    /// The hotline class and window its evidence comes from.
    pub link: Option<EvidenceLink>,
}

/// A sample cycle to add if its slug is new.
pub struct SampleCycle {
    pub slug: &'static str,
    pub title: &'static str,
    pub target: &'static str,
    pub opens_at: i64,
    pub closes_at: i64,
    pub max_picks: i64,
    pub live_tally: bool,
    /// 答复规则 it states.
    pub reply_rule: Option<app::model::ReplyRule>,
    pub candidates: Vec<SampleCandidate>,
    /// Sample ballots: `(verified, picks by candidate position)`, cast inside the voting window.
    pub ballots: Vec<(bool, Vec<usize>)>,
}

impl Store {
    /// Adds the cycle unless one with its slug exists; returns whether it was added.
    pub async fn add_sample_cycle(&self, c: &SampleCycle) -> StoreResult<bool> {
        let mut tx = self.write_tx().await?;
        let exists: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM cycles WHERE slug = $1")
            .bind(c.slug)
            .fetch_one(&mut *tx)
            .await?;
        if exists > 0 {
            return Ok(false);
        }
        let cycle_id: i64 = sqlx::query_scalar(
            "INSERT INTO cycles (slug, title, target, opens_at, closes_at, max_picks, live_tally,
                                 reply_supporters, reply_support_days, reply_votes,
                                 reply_working_days, reply_department, is_sample)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 1) RETURNING id",
        )
        .bind(c.slug)
        .bind(c.title)
        .bind(c.target)
        .bind(c.opens_at)
        .bind(c.closes_at)
        .bind(c.max_picks)
        .bind(i64::from(c.live_tally))
        .bind(
            c.reply_rule
                .as_ref()
                .and_then(|r| r.supporters)
                .map(i64::from),
        )
        .bind(c.reply_rule.as_ref().map(|r| i64::from(r.support_days)))
        .bind(c.reply_rule.as_ref().and_then(|r| r.votes).map(i64::from))
        .bind(c.reply_rule.as_ref().map(|r| i64::from(r.working_days)))
        .bind(c.reply_rule.as_ref().map(|r| r.department.as_str()))
        .fetch_one(&mut *tx)
        .await?;
        let mut ids = Vec::new();
        for (position, candidate) in c.candidates.iter().enumerate() {
            let link = candidate.link.as_ref();
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO cycle_candidates (cycle_id, position, title, description, evidence,
                                               became_year, became_month, hotline_level1,
                                               hotline_level2, evidence_from, evidence_to,
                                               evidence_card, is_sample)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 1) RETURNING id",
            )
            .bind(cycle_id)
            .bind(position as i64)
            .bind(candidate.title)
            .bind(candidate.description)
            .bind(&candidate.evidence)
            .bind(candidate.became.map(|(y, _)| y))
            .bind(candidate.became.map(|(_, m)| i64::from(m)))
            .bind(link.map(|l| &l.level1))
            .bind(link.map(|l| &l.level2))
            .bind(link.map(|l| &l.from))
            .bind(link.map(|l| &l.to))
            .bind(link.and_then(|l| l.card_json()))
            .fetch_one(&mut *tx)
            .await?;
            ids.push(id);
        }
        let span = (c.closes_at - c.opens_at).max(1);
        let count = c.ballots.len().max(1) as i64;
        for (n, (verified, positions)) in c.ballots.iter().enumerate() {
            let mut picks: Vec<app::model::CandidateId> = positions
                .iter()
                .filter_map(|p| ids.get(*p).copied())
                .map(app::model::CandidateId)
                .collect();
            picks.sort_unstable();
            let tier = if *verified { "verified" } else { "unverified" };
            let text = picks
                .iter()
                .map(app::model::CandidateId::to_string)
                .collect::<Vec<_>>()
                .join(",");
            sqlx::query(
                "INSERT INTO ballots (cycle_id, voter, tier, picks, receipt, status, reason, network, created_at)
                 VALUES ($1, $2, $3, $4, $5, 'counted', NULL, 'sample', $6)",
            )
            .bind(cycle_id)
            .bind(format!("sample:{}:{n}", c.slug))
            .bind(tier)
            .bind(&text)
            .bind(format!("SAMPLE-{}-{n:04}", c.slug.to_uppercase()))
            .bind(c.opens_at + span * (n as i64) / count)
            .execute(&mut *tx)
            .await?;
            move_tally(&mut tx, app::model::CycleId(cycle_id), tier, &picks, 1).await?;
        }
        self.commit(tx).await?;
        Ok(true)
    }

    /// The signing key called `name`, made on first use. Every instance on this database reads
    /// the same key, so a token signed by one is valid on all.
    pub async fn secret(&self, name: &str) -> StoreResult<String> {
        use base64::Engine;
        use rand::RngCore;
        let mut bytes = [0u8; 32];
        rand::rng().fill_bytes(&mut bytes);
        let fresh = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
        sqlx::query(
            "INSERT INTO secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
        )
        .bind(name)
        .bind(&fresh)
        .execute(&self.pool)
        .await?;
        Ok(
            sqlx::query_scalar("SELECT value FROM secrets WHERE name = $1")
                .bind(name)
                .fetch_one(&self.pool)
                .await?,
        )
    }
}
