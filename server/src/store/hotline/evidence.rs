//! Reading hotline aggregates back as evidence: a class's days, districts and rates over a
//! window, the ranking's weights, and the classes linked to problems and candidates.

use crate::store::history::audit::audit;
use crate::store::{Store, StoreResult};
use app::model::RankWeights;

/// A hotline class: level 1 × level 2, optionally narrowed to one level 3.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClassKey {
    pub level1: String,
    pub level2: String,
    pub level3: Option<String>,
}

/// What a candidate made from the ranking keeps: its class, its evidence window (days) and the
/// figures of its ballot card.
#[derive(Clone, Debug, PartialEq)]
pub struct EvidenceLink {
    pub level1: String,
    pub level2: String,
    pub from: String,
    pub to: String,
    pub card: Option<app::model::EvidenceCard>,
}

impl EvidenceLink {
    /// The card as stored (JSON), or NULL.
    pub(crate) fn card_json(&self) -> Option<String> {
        self.card
            .as_ref()
            .and_then(|c| serde_json::to_string(c).ok())
    }
}

/// Sums over a set of aggregate cells, for rates.
#[derive(Clone, Copy, Debug, Default, PartialEq, sqlx::FromRow)]
pub struct RateFigures {
    pub requests: i64,
    pub closed: i64,
    pub resolved: i64,
    pub rated: i64,
    pub satisfied: i64,
    pub basically_satisfied: i64,
    pub dissatisfied: i64,
    pub reopened: i64,
}

/// One period's sums (a day `YYYY-MM-DD` or a month `YYYY-MM`).
#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct PeriodFigures {
    pub period: String,
    #[sqlx(flatten)]
    pub figures: RateFigures,
}

/// A candidate's link to the hotline: its class and the window its evidence covers.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct CandidateLink {
    pub candidate_id: i64,
    pub title: String,
    pub level1: String,
    pub level2: String,
    pub evidence_from: String,
    pub evidence_to: String,
}

const SUMS: &str = "CAST(COALESCE(SUM(d.requests), 0) AS BIGINT) AS requests, CAST(COALESCE(SUM(d.closed), 0) AS BIGINT) AS closed,
     CAST(COALESCE(SUM(d.resolved), 0) AS BIGINT) AS resolved, CAST(COALESCE(SUM(d.rated), 0) AS BIGINT) AS rated,
     CAST(COALESCE(SUM(d.satisfied), 0) AS BIGINT) AS satisfied,
     CAST(COALESCE(SUM(d.basically_satisfied), 0) AS BIGINT) AS basically_satisfied,
     CAST(COALESCE(SUM(d.dissatisfied), 0) AS BIGINT) AS dissatisfied, CAST(COALESCE(SUM(d.reopened), 0) AS BIGINT) AS reopened";

/// `$1..$3` select the class (`$3` NULL: every level 3); the window is `$4..$5`.
const CLASS_WINDOW: &str = "FROM hotline_daily d JOIN hotline_categories c ON c.id = d.category_id
     WHERE c.level1 = $1 AND c.level2 = $2 AND ($3 IS NULL OR c.level3 = $3)
       AND d.day BETWEEN $4 AND $5";

/// A query over [`CLASS_WINDOW`], its five parameters bound.
fn class_query<'q, O>(
    sql: &'q str,
    class: &'q ClassKey,
    (from, to): (&'q str, &'q str),
) -> sqlx::query::QueryAs<'q, crate::store::Db, O, sqlx::any::AnyArguments<'q>>
where
    O: for<'r> sqlx::FromRow<'r, sqlx::any::AnyRow>,
{
    sqlx::query_as(sql)
        .bind(&class.level1)
        .bind(&class.level2)
        .bind(&class.level3)
        .bind(from)
        .bind(to)
}

impl Store {
    /// What figures computed from the hotline aggregates depend on, as one value: the imports
    /// (their number and the newest one's hash), the latest audited edit (a problem's or a
    /// candidate's class link) and the last dataset load. Equal stamps, equal figures: caches of
    /// such figures key on it, so they are computed once per data version, on every instance
    /// (each reads the stamp from the shared database).
    pub async fn derived_stamp(&self) -> StoreResult<String> {
        let (imports, newest, audited, loaded): (i64, String, i64, String) = sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM hotline_imports),
                    COALESCE((SELECT sha256 FROM hotline_imports ORDER BY id DESC LIMIT 1), ''),
                    (SELECT COALESCE(MAX(id), 0) FROM audit_log),
                    COALESCE((SELECT value FROM dataset_meta WHERE key = 'loaded_at'), '')",
        )
        .fetch_one(&self.pool)
        .await?;
        Ok(format!("{imports}:{newest}:{audited}:{loaded}"))
    }

    /// True when any import was sample data: everything computed from the aggregates is then
    /// labelled 示例数据.
    pub async fn hotline_is_sample(&self) -> StoreResult<bool> {
        let sample: Option<i64> = sqlx::query_scalar("SELECT MAX(is_sample) FROM hotline_imports")
            .fetch_one(&self.pool)
            .await?;
        Ok(sample.unwrap_or(0) != 0)
    }

    /// Removes every hotline aggregate if all of them came from sample imports (the demo
    /// regenerates its own); returns false, touching nothing, when real data is there.
    pub async fn clear_sample_hotline(&self) -> StoreResult<bool> {
        let mut tx = self.write_tx().await?;
        let real: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM hotline_imports WHERE is_sample = 0")
                .fetch_one(&mut *tx)
                .await?;
        if real > 0 {
            return Ok(false);
        }
        for table in ["hotline_daily", "hotline_categories", "hotline_imports"] {
            sqlx::query(&format!("DELETE FROM {table}"))
                .execute(&mut *tx)
                .await?;
        }
        self.commit(tx).await?;
        Ok(true)
    }

    /// Per-day sums of a class over `[from, to]` (days without requests are absent).
    pub async fn hotline_class_days(
        &self,
        class: &ClassKey,
        (from, to): (&str, &str),
    ) -> StoreResult<Vec<PeriodFigures>> {
        self.class_periods(class, (from, to), "d.day").await
    }

    /// Per-month sums of a class over `[from, to]`.
    pub async fn hotline_class_months(
        &self,
        class: &ClassKey,
        (from, to): (&str, &str),
    ) -> StoreResult<Vec<PeriodFigures>> {
        self.class_periods(class, (from, to), "substr(d.day, 1, 7)")
            .await
    }

    async fn class_periods(
        &self,
        class: &ClassKey,
        (from, to): (&str, &str),
        period: &str,
    ) -> StoreResult<Vec<PeriodFigures>> {
        self.count_hotline_scan("class periods");
        let sql = format!("SELECT {period} AS period, {SUMS} {CLASS_WINDOW} GROUP BY 1 ORDER BY 1");
        Ok(class_query(&sql, class, (from, to))
            .fetch_all(&self.pool)
            .await?)
    }

    /// Requests of a class per district over `[from, to]`, most first.
    pub async fn hotline_class_districts(
        &self,
        class: &ClassKey,
        (from, to): (&str, &str),
    ) -> StoreResult<Vec<(String, i64)>> {
        self.count_hotline_scan("class districts");
        let sql = format!(
            "SELECT d.district, CAST(SUM(d.requests) AS BIGINT) AS n {CLASS_WINDOW}
             GROUP BY d.district ORDER BY n DESC, d.district"
        );
        Ok(class_query(&sql, class, (from, to))
            .fetch_all(&self.pool)
            .await?)
    }

    /// Sums of a class (or, with `None`, of every request) over `[from, to]`.
    pub async fn hotline_rates(
        &self,
        class: Option<&ClassKey>,
        (from, to): (&str, &str),
    ) -> StoreResult<RateFigures> {
        self.count_hotline_scan("rates");
        Ok(match class {
            Some(class) => {
                let sql = format!("SELECT {SUMS} {CLASS_WINDOW}");
                class_query(&sql, class, (from, to))
                    .fetch_one(&self.pool)
                    .await?
            }
            None => {
                sqlx::query_as(&format!(
                    "SELECT {SUMS} FROM hotline_daily d WHERE d.day BETWEEN $1 AND $2"
                ))
                .bind(from)
                .bind(to)
                .fetch_one(&self.pool)
                .await?
            }
        })
    }

    /// The ranking's weights: staff's, or the defaults until staff set them.
    pub async fn hotline_weights(&self) -> StoreResult<RankWeights> {
        let row: Option<(f64, f64, f64, f64, f64)> = sqlx::query_as(
            "SELECT volume, growth, spread, dissatisfaction, reopen FROM hotline_weights WHERE id = 1",
        )
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map_or_else(RankWeights::default, |w| RankWeights {
            volume: w.0,
            growth: w.1,
            spread: w.2,
            dissatisfaction: w.3,
            reopen: w.4,
        }))
    }

    /// Saves the weights (checked by the caller) and audits who changed them.
    pub async fn set_hotline_weights(
        &self,
        actor: &str,
        w: &RankWeights,
        now: i64,
    ) -> StoreResult<()> {
        let mut tx = self.write_tx().await?;
        sqlx::query(
            "INSERT INTO hotline_weights (id, volume, growth, spread, dissatisfaction, reopen, updated_by, updated_at)
             VALUES (1, $1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT (id) DO UPDATE SET volume = excluded.volume, growth = excluded.growth,
               spread = excluded.spread, dissatisfaction = excluded.dissatisfaction,
               reopen = excluded.reopen, updated_by = excluded.updated_by,
               updated_at = excluded.updated_at",
        )
        .bind(w.volume)
        .bind(w.growth)
        .bind(w.spread)
        .bind(w.dissatisfaction)
        .bind(w.reopen)
        .bind(actor)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        let detail = format!(
            "volume {} growth {} spread {} dissatisfaction {} reopen {}",
            w.volume, w.growth, w.spread, w.dissatisfaction, w.reopen
        );
        audit(&mut tx, now, actor, "hotline.weights", "ranking", &detail).await?;
        self.commit(tx).await?;
        Ok(())
    }

    /// The class linked to a problem, for its outcome charts.
    pub async fn problem_hotline_class(&self, problem: i64) -> StoreResult<Option<ClassKey>> {
        let row: Option<(Option<String>, Option<String>, Option<String>)> = sqlx::query_as(
            "SELECT hotline_level1, hotline_level2, hotline_level3 FROM problems WHERE id = $1",
        )
        .bind(problem)
        .fetch_optional(&self.pool)
        .await?;
        Ok(match row {
            Some((Some(level1), Some(level2), level3)) => Some(ClassKey {
                level1,
                level2,
                level3,
            }),
            _ => None,
        })
    }

    /// Candidates that came from a ranked class, in cycle order.
    pub async fn linked_candidates(&self) -> StoreResult<Vec<app::model::CandidateId>> {
        let ids: Vec<i64> = sqlx::query_scalar(
            "SELECT c.id FROM cycle_candidates c JOIN cycles y ON y.id = c.cycle_id
             WHERE c.hotline_level1 IS NOT NULL AND c.evidence_to IS NOT NULL
             ORDER BY y.opens_at DESC, c.position",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(ids.into_iter().map(app::model::CandidateId).collect())
    }

    /// Every class a problem can be linked to: each level 1 × level 2, and each with its level 3.
    pub async fn hotline_class_names(&self) -> StoreResult<Vec<String>> {
        Ok(sqlx::query_scalar(
            "SELECT level1 || '·' || level2 FROM hotline_categories
             UNION SELECT level1 || '·' || level2 || '·' || level3 FROM hotline_categories
             ORDER BY 1",
        )
        .fetch_all(&self.pool)
        .await?)
    }

    /// Links a topic's problem to a class (or unlinks it); false when the problem is not the
    /// topic's. The class must be one [`Store::hotline_class_names`] lists (checked by caller).
    pub async fn link_problem_class(
        &self,
        actor: &str,
        (topic, problem): (i64, i64),
        class: Option<&ClassKey>,
        now: i64,
    ) -> StoreResult<bool> {
        let mut tx = self.write_tx().await?;
        let done = sqlx::query(
            "UPDATE problems SET hotline_level1 = $1, hotline_level2 = $2, hotline_level3 = $3
             WHERE id = $4 AND topic_id = $5",
        )
        .bind(class.map(|c| &c.level1))
        .bind(class.map(|c| &c.level2))
        .bind(class.and_then(|c| c.level3.as_ref()))
        .bind(problem)
        .bind(topic)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if done {
            let detail = class.map_or_else(String::new, |c| {
                format!(
                    "{}·{}·{}",
                    c.level1,
                    c.level2,
                    c.level3.as_deref().unwrap_or("")
                )
            });
            audit(
                &mut tx,
                now,
                actor,
                "problem.hotline",
                &format!("problem {problem}"),
                &detail,
            )
            .await?;
            self.commit(tx).await?;
        }
        Ok(done)
    }

    /// A candidate's hotline link, when it came from the ranking.
    pub async fn candidate_link(
        &self,
        candidate: app::model::CandidateId,
    ) -> StoreResult<Option<CandidateLink>> {
        Ok(sqlx::query_as(
            "SELECT id AS candidate_id, title, hotline_level1 AS level1, hotline_level2 AS level2,
                    evidence_from, evidence_to
             FROM cycle_candidates
             WHERE id = $1 AND hotline_level1 IS NOT NULL AND hotline_level2 IS NOT NULL
               AND evidence_from IS NOT NULL AND evidence_to IS NOT NULL",
        )
        .bind(candidate.0)
        .fetch_optional(&self.pool)
        .await?)
    }
}
