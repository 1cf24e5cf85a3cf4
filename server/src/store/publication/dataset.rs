//! Loading a whole dataset in one transaction: readers see the old data or the new, never half.

use crate::store::publication::dataset_rows::{Dataset, PolicyRow, ProblemRow, TopicRow, YearRow};
use crate::store::publication::dataset_topic::{department_id, insert_topic_lists};
use crate::store::topics::provenance::{insert_problem_facts, insert_year_facts};
use crate::store::Conn;
use crate::store::{Store, StoreResult};

/// Tables in delete order (children first).
const TABLES: [&str; 18] = [
    "problem_facts",
    "year_facts",
    "reports",
    "responsibilities",
    "tasks",
    "topic_policies",
    "problem_policies",
    "problem_cooperating",
    "topic_cooperating",
    "policies",
    "problems",
    "topics",
    "candidates",
    "hotline_figures",
    "year_outcomes",
    "years",
    "departments",
    "dataset_meta",
];

impl Store {
    /// Replaces everything with `data`, atomically.
    pub async fn replace_dataset(&self, data: &Dataset) -> StoreResult<()> {
        let mut tx = self.write_tx().await?;
        for table in TABLES {
            sqlx::query(&format!("DELETE FROM {table}"))
                .execute(&mut *tx)
                .await?;
        }
        for (key, value) in &data.meta {
            sqlx::query("INSERT INTO dataset_meta (key, value) VALUES ($1, $2)")
                .bind(key)
                .bind(value)
                .execute(&mut *tx)
                .await?;
        }
        // Revision history counts from here: the reload reuses item ids.
        sqlx::query(
            "INSERT INTO dataset_meta (key, value) VALUES ('loaded_at', $1)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        )
        .bind(jiff::Timestamp::now().as_second().to_string())
        .execute(&mut *tx)
        .await?;
        for name in &data.departments {
            sqlx::query("INSERT INTO departments (name) VALUES ($1)")
                .bind(name)
                .execute(&mut *tx)
                .await?;
        }
        for y in &data.years {
            insert_year(&mut tx, y).await?;
        }
        for t in &data.topics {
            insert_topic(&mut tx, t).await?;
        }
        for (position, p) in data.problems.iter().enumerate() {
            insert_problem(&mut tx, position as i64, p).await?;
        }
        for t in &data.topics {
            insert_topic_lists(&mut tx, t).await?;
        }
        for p in &data.policies {
            insert_policy(&mut tx, p).await?;
        }
        for (position, h) in data.hotline.iter().enumerate() {
            sqlx::query(
                "INSERT INTO hotline_figures (position, period, requests, resolution_rate, satisfaction_rate, source)
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(position as i64)
            .bind(&h.period)
            .bind(&h.requests)
            .bind(&h.resolution_rate)
            .bind(&h.satisfaction_rate)
            .bind(&h.source)
            .execute(&mut *tx)
            .await?;
        }
        self.commit(tx).await?;
        Ok(())
    }
}

async fn insert_year(tx: &mut Conn, y: &YearRow) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO years (year, problem_count, categories, tasks, policies, satisfaction_pct, announced, note, source)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(y.year)
    .bind(i64::from(y.problem_count))
    .bind(y.categories.map(i64::from))
    .bind(y.tasks.map(i64::from))
    .bind(y.policies.map(i64::from))
    .bind(y.satisfaction_pct)
    .bind(&y.announced)
    .bind(&y.note)
    .bind(&y.source)
    .execute(&mut *tx)
    .await?;
    for (position, text) in y.outcomes.iter().enumerate() {
        sqlx::query("INSERT INTO year_outcomes (year, position, text) VALUES ($1, $2, $3)")
            .bind(y.year)
            .bind(position as i64)
            .bind(text)
            .execute(&mut *tx)
            .await?;
    }
    insert_year_facts(tx, y.year, &y.reported).await
}

async fn insert_topic(tx: &mut Conn, t: &TopicRow) -> StoreResult<()> {
    let lead = department_id(tx, &t.lead).await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO topics (year, month, theme, summary, lead_department_id, is_sample, plan_markdown, plan_html)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(t.year)
    .bind(i64::from(t.month))
    .bind(&t.theme)
    .bind(&t.summary)
    .bind(lead)
    .bind(i64::from(t.is_sample))
    .bind(&t.plan_markdown)
    .bind(crate::richtext::to_safe_html(&t.plan_markdown))
    .fetch_one(&mut *tx)
    .await?;
    for name in &t.cooperating {
        let dept = department_id(tx, name).await?;
        sqlx::query("INSERT INTO topic_cooperating (topic_id, department_id) VALUES ($1, $2)")
            .bind(id)
            .bind(dept)
            .execute(&mut *tx)
            .await?;
    }
    Ok(())
}

async fn insert_problem(tx: &mut Conn, position: i64, p: &ProblemRow) -> StoreResult<()> {
    let lead = match &p.lead {
        Some(name) => Some(department_id(tx, name).await?),
        None => None,
    };
    let topic: Option<i64> = match p.topic {
        Some((year, month)) => Some(
            sqlx::query_scalar("SELECT id FROM topics WHERE year = $1 AND month = $2")
                .bind(year)
                .bind(i64::from(month))
                .fetch_one(&mut *tx)
                .await?,
        ),
        None => None,
    };
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO problems (year, position, title, confidence, source, month, topic_id,
                               lead_department_id, assignment_is_sample, hotline_level1,
                               hotline_level2, hotline_level3, source_title, repost_of)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id",
    )
    .bind(p.year)
    .bind(position)
    .bind(&p.title)
    .bind(&p.confidence)
    .bind(&p.source)
    .bind(p.month.map(i64::from))
    .bind(topic)
    .bind(lead)
    .bind(i64::from(p.assignment_is_sample))
    .bind(p.hotline_class.as_ref().map(|c| &c.level1))
    .bind(p.hotline_class.as_ref().map(|c| &c.level2))
    .bind(p.hotline_class.as_ref().and_then(|c| c.level3.as_ref()))
    .bind(&p.source_title)
    .bind(&p.repost_of)
    .fetch_one(&mut *tx)
    .await?;
    insert_problem_facts(tx, id, &p.facts).await?;
    for name in &p.cooperating {
        let dept = department_id(tx, name).await?;
        sqlx::query("INSERT INTO problem_cooperating (problem_id, department_id) VALUES ($1, $2)")
            .bind(id)
            .bind(dept)
            .execute(&mut *tx)
            .await?;
    }
    Ok(())
}

async fn insert_policy(tx: &mut Conn, p: &PolicyRow) -> StoreResult<()> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO policies (title, doc_no, issuer, passed, issued, effective, answers, confidence,
                               source, is_sample, source_title, repost_of)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
    )
    .bind(&p.title)
    .bind(&p.doc_no)
    .bind(&p.issuer)
    .bind(&p.passed)
    .bind(&p.issued)
    .bind(&p.effective)
    .bind(&p.answers)
    .bind(&p.confidence)
    .bind(&p.source)
    .bind(i64::from(p.is_sample))
    .bind(&p.source_title)
    .bind(&p.repost_of)
    .fetch_one(&mut *tx)
    .await?;
    if let Some((year, month)) = p.topic {
        sqlx::query(
            "INSERT INTO topic_policies (topic_id, policy_id)
             SELECT id, $1 FROM topics WHERE year = $2 AND month = $3",
        )
        .bind(id)
        .bind(year)
        .bind(i64::from(month))
        .execute(&mut *tx)
        .await?;
    }
    for title in &p.problem_titles {
        sqlx::query(
            "INSERT INTO problem_policies (problem_id, policy_id)
             SELECT id, $1 FROM problems WHERE title = $2",
        )
        .bind(id)
        .bind(title)
        .execute(&mut *tx)
        .await?;
    }
    Ok(())
}
