//! What the outcome charts read, and the versions of chart data the portal has shown.

use super::topics::read::{PUBLIC_PROBLEM, PUBLISHED_TOPICS};
use super::{Store, StoreResult};
use app::model::Task;

/// A problem of a published topic: the subject of the before/after hotline charts.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TopicProblem {
    pub id: i64,
    pub title: String,
    pub year: i64,
    pub month: i64,
}

/// One month's count of published policies.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PolicyMonth {
    pub month: String,
    pub count: i64,
    /// 1 when any of the month's policies is sample data.
    pub sample: i64,
}

impl Store {
    /// Published policies per month of issue (or of passing, when no issue date is known).
    pub async fn policies_per_month(&self) -> StoreResult<Vec<PolicyMonth>> {
        Ok(sqlx::query_as(
            "SELECT substr(COALESCE(issued, passed), 1, 7) AS month, COUNT(*) AS count,
                    MAX(CASE WHEN confidence = 'sample' THEN 1 ELSE 0 END) AS sample
             FROM policies
             WHERE status = 'published' AND COALESCE(issued, passed) IS NOT NULL
             GROUP BY month ORDER BY month",
        )
        .fetch_all(&self.pool)
        .await?)
    }

    /// Every public task, for the per-department on-time chart.
    pub async fn public_tasks(&self, today: &str) -> StoreResult<Vec<Task>> {
        // `tasks_where` binds one id; `$1 = $1` keeps the clause valid without filtering on it.
        self.tasks_where(
            &format!("$1 = $1 AND t.topic_id IN {PUBLISHED_TOPICS} ORDER BY t.id"),
            0,
            today,
        )
        .await
    }

    /// `(year, month)` of every published topic that has tasks, oldest first.
    pub async fn published_topic_months(&self) -> StoreResult<Vec<(i64, i64)>> {
        Ok(sqlx::query_as(
            // A topic with no tasks yet has no task chart to offer (an empty chart says nothing).
            "SELECT t.year, t.month FROM topics t
             WHERE t.status = 'published' AND EXISTS (SELECT 1 FROM tasks k WHERE k.topic_id = t.id)
             ORDER BY t.year, t.month",
        )
        .fetch_all(&self.pool)
        .await?)
    }

    /// Problems of published topics, with the month their topic started.
    pub async fn topic_problems(&self) -> StoreResult<Vec<TopicProblem>> {
        Ok(sqlx::query_as(&format!(
            "SELECT id, title, year, month FROM problems
             WHERE month IS NOT NULL AND topic_id IS NOT NULL AND {PUBLIC_PROBLEM}
             ORDER BY year, month, position"
        ))
        .fetch_all(&self.pool)
        .await?)
    }

    pub async fn topic_problem(&self, id: i64) -> StoreResult<Option<TopicProblem>> {
        Ok(sqlx::query_as(&format!(
            "SELECT id, title, year, month FROM problems
             WHERE id = $1 AND month IS NOT NULL AND topic_id IS NOT NULL AND {PUBLIC_PROBLEM}"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Records a version of a chart's data the first time it is shown; later calls are no-ops.
    pub async fn remember_chart_version(
        &self,
        chart_id: &str,
        version: &str,
        data: &str,
        now: &str,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO chart_versions (chart_id, version, data, first_seen) VALUES ($1, $2, $3, $4)
             ON CONFLICT (chart_id, version) DO NOTHING",
        )
        .bind(chart_id)
        .bind(version)
        .bind(data)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The data of a pinned version, as it was first shown.
    pub async fn chart_version(
        &self,
        chart_id: &str,
        version: &str,
    ) -> StoreResult<Option<String>> {
        Ok(sqlx::query_scalar(
            "SELECT data FROM chart_versions WHERE chart_id = $1 AND version = $2",
        )
        .bind(chart_id)
        .bind(version)
        .fetch_optional(&self.pool)
        .await?)
    }
}
