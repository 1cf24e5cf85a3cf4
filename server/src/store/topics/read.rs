//! Queries that assemble the domain types pages show.

use crate::store::{Store, StoreResult};
use app::model::{
    About, Candidate, Department, Home, HotlineFigure, Policy, ProblemDetail, Source, Topic,
    YearDetail, YearSummary,
};

#[derive(sqlx::FromRow)]
struct YearRecord {
    year: i64,
    problem_count: i64,
    named_count: i64,
    categories: Option<i64>,
    tasks: Option<i64>,
    policies: Option<i64>,
    satisfaction_pct: Option<f64>,
    announced: Option<String>,
    note: Option<String>,
    source: String,
}

impl From<YearRecord> for YearSummary {
    fn from(r: YearRecord) -> Self {
        let count = |v: i64| u32::try_from(v).unwrap_or(0);
        YearSummary {
            year: r.year as i32,
            problem_count: count(r.problem_count),
            named_count: count(r.named_count),
            categories: r.categories.map(count),
            tasks: r.tasks.map(count),
            policies: r.policies.map(count),
            satisfaction_pct: r.satisfaction_pct,
            announced: r.announced,
            note: r.note,
            sources: Source::parse_list(&r.source),
        }
    }
}

const YEAR_SELECT: &str = "SELECT y.year, y.problem_count, y.categories, y.tasks, y.policies,
        y.satisfaction_pct, y.announced, y.note, y.source,
        (SELECT COUNT(*) FROM problems p WHERE p.year = y.year AND p.confidence <> 'sample') AS named_count
    FROM years y";

/// Years the public may see: those of the facts file (each has its source) and those with a
/// published topic. The empty row a year gets when an editor drafts its first topic
/// (`clash::ensure_year`) stays private until a topic of that year is published (issue 31 §3).
const PUBLIC_YEAR: &str =
    "(y.source <> '' OR y.year IN (SELECT year FROM topics WHERE status = 'published'))";

pub(in crate::store) use crate::store::topics::provenance::{
    PolicyRecord, ProblemRecord, POLICY_COLUMNS,
};

/// Problem summaries; their provenance columns go through `provenance::Stored::decide`.
fn problem_select() -> String {
    format!(
        "SELECT {} FROM problems",
        crate::store::topics::provenance::PROBLEM_COLUMNS
    )
}

/// Problems the public may see: those of no topic yet, or of a published one (a draft topic's
/// problems stay with the draft).
pub(in crate::store) const PUBLIC_PROBLEM: &str =
    "(topic_id IS NULL OR topic_id IN (SELECT id FROM topics WHERE status = 'published'))";

/// Topics the public may see, for lists joined to them (tasks, responsibilities, reports).
pub(in crate::store) const PUBLISHED_TOPICS: &str =
    "(SELECT id FROM topics WHERE status = 'published')";

impl Store {
    pub async fn years(&self) -> StoreResult<Vec<YearSummary>> {
        let rows: Vec<YearRecord> = sqlx::query_as(&format!(
            "{YEAR_SELECT} WHERE {PUBLIC_YEAR} ORDER BY y.year"
        ))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(YearSummary::from).collect())
    }

    pub async fn year(&self, year: i32) -> StoreResult<Option<YearDetail>> {
        let row: Option<YearRecord> = sqlx::query_as(&format!(
            "{YEAR_SELECT} WHERE y.year = $1 AND {PUBLIC_YEAR}"
        ))
        .bind(year)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let problems: Vec<ProblemRecord> = sqlx::query_as(&format!(
            "{} WHERE year = $1 AND {PUBLIC_PROBLEM} ORDER BY position",
            problem_select()
        ))
        .bind(year)
        .fetch_all(&self.pool)
        .await?;
        let outcomes: Vec<String> =
            sqlx::query_scalar("SELECT text FROM year_outcomes WHERE year = $1 ORDER BY position")
                .bind(year)
                .fetch_all(&self.pool)
                .await?;
        Ok(Some(YearDetail {
            summary: row.into(),
            problems: problems
                .into_iter()
                .map(ProblemRecord::into_summary)
                .collect::<StoreResult<_>>()?,
            outcomes,
            reported: self.year_facts(year).await?,
        }))
    }

    pub async fn problem(&self, id: app::model::ProblemId) -> StoreResult<Option<ProblemDetail>> {
        let id = id.0;
        #[derive(sqlx::FromRow)]
        struct Extra {
            year_source: String,
            assignment_is_sample: i64,
            lead_id: Option<i64>,
            lead_name: Option<String>,
            topic_year: Option<i64>,
            topic_month: Option<i64>,
            topic_theme: Option<String>,
        }
        let summary: Option<ProblemRecord> = sqlx::query_as(&format!(
            "{} WHERE id = $1 AND {PUBLIC_PROBLEM}",
            problem_select()
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        let Some(summary) = summary else {
            return Ok(None);
        };
        let extra: Extra = sqlx::query_as(
            "SELECT y.source AS year_source, p.assignment_is_sample,
                    d.id AS lead_id, d.name AS lead_name,
                    t.year AS topic_year, t.month AS topic_month, t.theme AS topic_theme
             FROM problems p
             JOIN years y ON y.year = p.year
             LEFT JOIN departments d ON d.id = p.lead_department_id
             LEFT JOIN topics t ON t.id = p.topic_id
             WHERE p.id = $1",
        )
        .bind(id)
        .fetch_one(&self.pool)
        .await?;
        let cooperating = self
            .departments(
                "SELECT d.id, d.name FROM problem_cooperating c JOIN departments d ON d.id = c.department_id
                 WHERE c.problem_id = $1 ORDER BY d.name",
                id,
            )
            .await?;
        let policies = self.policies_for_problem(id).await?;
        let topic = match (extra.topic_year, extra.topic_month, extra.topic_theme) {
            (Some(y), Some(m), Some(theme)) => Some(crate::store::topic_label(y, m, theme)?),
            _ => None,
        };
        let (problem, sources, published) = summary.into_parts()?;
        Ok(Some(ProblemDetail {
            problem,
            // The problem's own sources only: an editor's problem does not borrow the year's.
            sources,
            published,
            year_sources: Source::ordered(Source::parse_list(&extra.year_source)),
            facts: self.problem_facts(id).await?,
            lead: extra
                .lead_id
                .zip(extra.lead_name)
                .map(|(id, name)| Department { id, name }),
            cooperating,
            assignment_is_sample: extra.assignment_is_sample != 0,
            policies,
            topic,
        }))
    }

    async fn departments(&self, sql: &str, id: i64) -> StoreResult<Vec<Department>> {
        let rows: Vec<(i64, String)> = sqlx::query_as(sql).bind(id).fetch_all(&self.pool).await?;
        Ok(rows
            .into_iter()
            .map(|(id, name)| Department { id, name })
            .collect())
    }

    async fn policies_for_problem(&self, problem_id: i64) -> StoreResult<Vec<Policy>> {
        let rows: Vec<PolicyRecord> = sqlx::query_as(&format!(
            "SELECT {POLICY_COLUMNS}
             FROM problem_policies pp JOIN policies po ON po.id = pp.policy_id
             WHERE pp.problem_id = $1 AND po.status = 'published'
             ORDER BY COALESCE(po.issued, po.passed, po.effective, ''), po.title"
        ))
        .bind(problem_id)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(PolicyRecord::into_policy).collect()
    }

    /// The latest published topic of `as_of` (a Beijing calendar month) or before it. The home
    /// page calls it "this month's" only when its month is `as_of`; a topic published ahead
    /// for next month does not replace this month's.
    pub async fn current_topic(&self, as_of: (i32, u8)) -> StoreResult<Option<Topic>> {
        let newest: Option<(i64, i64)> = sqlx::query_as(
            "SELECT year, month FROM topics WHERE status = 'published' AND year * 100 + month <= $1
                 ORDER BY year DESC, month DESC LIMIT 1",
        )
        .bind(i64::from(as_of.0) * 100 + i64::from(as_of.1))
        .fetch_optional(&self.pool)
        .await?;
        match newest {
            Some((year, month)) => self.topic_at(year as i32, month as u8).await,
            None => Ok(None),
        }
    }

    /// 主题 of a month, with its problems and departments.
    pub async fn topic_at(&self, year: i32, month: u8) -> StoreResult<Option<Topic>> {
        self.topic_in(year, month, false).await
    }

    /// As `topic_at`; with `drafts`, an unpublished topic too (草稿预览, for editors only).
    pub(in crate::store) async fn topic_in(
        &self,
        year: i32,
        month: u8,
        drafts: bool,
    ) -> StoreResult<Option<Topic>> {
        #[derive(sqlx::FromRow)]
        struct Row {
            id: i64,
            year: i64,
            month: i64,
            theme: String,
            summary: String,
            lead_id: Option<i64>,
            lead_name: Option<String>,
            is_sample: i64,
        }
        let row: Option<Row> = sqlx::query_as(
            "SELECT t.id, t.year, t.month, t.theme, t.summary, d.id AS lead_id, d.name AS lead_name, t.is_sample
             FROM topics t LEFT JOIN departments d ON d.id = t.lead_department_id
             WHERE t.year = $1 AND t.month = $2 AND ($3 = 1 OR t.status = 'published')",
        )
        .bind(year)
        .bind(i64::from(month))
        .bind(i64::from(drafts))
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let problems: Vec<ProblemRecord> = sqlx::query_as(&format!(
            "{} WHERE topic_id = $1 ORDER BY position",
            problem_select()
        ))
        .bind(row.id)
        .fetch_all(&self.pool)
        .await?;
        let cooperating = self
            .departments(
                "SELECT d.id, d.name FROM topic_cooperating c JOIN departments d ON d.id = c.department_id
                 WHERE c.topic_id = $1 ORDER BY d.name",
                row.id,
            )
            .await?;
        Ok(Some(Topic {
            id: app::model::TopicId(row.id),
            year: crate::store::topic_key(row.year, row.month)?.year,
            month: crate::store::topic_key(row.year, row.month)?.month.get(),
            theme: row.theme,
            summary: row.summary,
            lead: row
                .lead_id
                .zip(row.lead_name)
                .map(|(id, name)| Department { id, name }),
            cooperating,
            problems: problems
                .into_iter()
                .map(ProblemRecord::into_summary)
                .collect::<StoreResult<_>>()?,
            is_sample: row.is_sample != 0,
        }))
    }

    /// The open voting cycle (the one closing soonest) and its candidates.
    pub async fn open_cycle(
        &self,
        now: i64,
    ) -> StoreResult<Option<((String, String), Vec<Candidate>)>> {
        let cycle: Option<(i64, String, String)> = sqlx::query_as(
            "SELECT id, slug, title FROM cycles
             WHERE opens_at <= $1 AND closes_at > $1 AND awaits_open = 0
             ORDER BY closes_at LIMIT 1",
        )
        .bind(now)
        .fetch_optional(&self.pool)
        .await?;
        let Some((id, slug, title)) = cycle else {
            return Ok(None);
        };
        let rows: Vec<(i64, String, String, i64)> = sqlx::query_as(
            "SELECT id, title, description, is_sample FROM cycle_candidates
             WHERE cycle_id = $1 ORDER BY position",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        let candidates = rows
            .into_iter()
            .map(|(id, title, summary, is_sample)| Candidate {
                id,
                title,
                summary,
                is_sample: is_sample != 0,
            })
            .collect();
        Ok(Some(((slug, title), candidates)))
    }

    pub async fn home(&self) -> StoreResult<Home> {
        let now = jiff::Timestamp::now();
        let (vote, candidates) = match self.open_cycle(now.as_second()).await? {
            Some((cycle, candidates)) => (Some(cycle), candidates),
            None => (None, Vec::new()),
        };
        let this_month = app::i18n::when::month_of(now);
        Ok(Home {
            this_month,
            current: self.current_topic(this_month).await?,
            vote,
            candidates,
            years: self.years().await?,
        })
    }

    pub async fn about(&self) -> StoreResult<About> {
        let meta = |key: &'static str| {
            sqlx::query_scalar::<_, String>("SELECT value FROM dataset_meta WHERE key = $1")
                .bind(key)
                .fetch_optional(&self.pool)
        };
        let mechanism_source = meta("mechanism_source").await?.unwrap_or_default();
        let policies_total = meta("policies_issued").await?;
        let responsibility_total = meta("responsibility_assignments").await?;
        #[derive(sqlx::FromRow)]
        struct Row {
            period: String,
            requests: String,
            resolution_rate: Option<String>,
            satisfaction_rate: Option<String>,
            source: String,
        }
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT period, requests, resolution_rate, satisfaction_rate, source
             FROM hotline_figures ORDER BY position",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(About {
            mechanism_sources: Source::parse_list(&mechanism_source),
            hotline: rows
                .into_iter()
                .map(|r| HotlineFigure {
                    sources: Source::parse_list(&r.source),
                    period: r.period,
                    requests: r.requests,
                    resolution_rate: r.resolution_rate,
                    satisfaction_rate: r.satisfaction_rate,
                })
                .collect(),
            policies_total,
            responsibility_total,
        })
    }
}
