//! What the editor pages read: every topic with its state (drafts included), one topic with its
//! problems and lists for its form, the departments and the years to choose from.

use crate::store::{Store, StoreResult};
use app::model::{Department, EditorProblem, EditorTopic, EditorTopicRow};

/// A stored topic state; an unknown token is a corrupt row, not a draft.
use crate::store::publish_state;

impl Store {
    pub async fn editor_topics(&self) -> StoreResult<Vec<EditorTopicRow>> {
        let rows: Vec<(i64, i64, i64, String, String)> = sqlx::query_as(
            "SELECT id, year, month, theme, CASE WHEN w.reason IS NULL THEN status ELSE 'withdrawn' END
             FROM topics LEFT JOIN withdrawals w ON w.entity = 'topic' AND w.entity_id = id
             ORDER BY year DESC, month DESC",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(id, year, month, theme, status)| {
                let key = crate::store::topic_key(year, month)?;
                Ok(EditorTopicRow {
                    id: app::model::TopicId(id),
                    year: key.year,
                    month: key.month.get(),
                    theme,
                    state: publish_state(&status)?,
                })
            })
            .collect()
    }

    pub async fn all_departments(&self) -> StoreResult<Vec<Department>> {
        let rows: Vec<(i64, String)> =
            sqlx::query_as("SELECT id, name FROM departments ORDER BY name")
                .fetch_all(&self.pool)
                .await?;
        Ok(rows
            .into_iter()
            .map(|(id, name)| Department { id, name })
            .collect())
    }

    /// Years the dataset knows, newest first.
    pub async fn year_numbers(&self) -> StoreResult<Vec<i32>> {
        let rows: Vec<i64> = sqlx::query_scalar("SELECT year FROM years ORDER BY year DESC")
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.into_iter().map(|y| y as i32).collect())
    }

    /// Years a topic may be created in, newest first: from the first year known to `last`.
    pub async fn topic_years(&self, last: i32) -> StoreResult<Vec<i32>> {
        let first: Option<i64> = sqlx::query_scalar("SELECT MIN(year) FROM years")
            .fetch_one(&self.pool)
            .await?;
        let first = first.map(|y| y as i32).unwrap_or(last).min(last);
        Ok((first..=last).rev().collect())
    }

    pub async fn editor_topic(&self, id: i64, today: &str) -> StoreResult<Option<EditorTopic>> {
        #[derive(sqlx::FromRow)]
        struct Row {
            year: i64,
            month: i64,
            theme: String,
            summary: String,
            lead_department_id: Option<i64>,
            plan_markdown: String,
            status: String,
        }
        let row: Option<Row> = sqlx::query_as(
            "SELECT year, month, theme, summary, lead_department_id, plan_markdown,
                    CASE WHEN w.reason IS NULL THEN status ELSE 'withdrawn' END AS status
             FROM topics LEFT JOIN withdrawals w ON w.entity = 'topic' AND w.entity_id = id
             WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let (policies, reports) = self.topic_documents(id).await?;
        let problems: Vec<(i64, String, Option<String>)> = sqlx::query_as(
            "SELECT id, title,
                    hotline_level1 || '·' || hotline_level2
                      || COALESCE('·' || hotline_level3, '') AS class
             FROM problems WHERE topic_id = $1 ORDER BY position",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        let tasks = self
            .tasks_where("t.topic_id = $1 ORDER BY t.position", id, today)
            .await?;
        let responsibilities = self
            .responsibilities_where("r.topic_id = $1 ORDER BY r.level, r.batch, r.position", id)
            .await?;
        Ok(Some(EditorTopic {
            id: app::model::TopicId(id),
            year: crate::store::topic_key(row.year, row.month)?.year,
            month: crate::store::topic_key(row.year, row.month)?.month.get(),
            theme: row.theme,
            summary: row.summary,
            lead_id: row.lead_department_id,
            plan_markdown: row.plan_markdown,
            state: publish_state(&row.status)?,
            problems: problems
                .into_iter()
                .map(|(id, title, hotline_class)| EditorProblem {
                    id: app::model::ProblemId(id),
                    title,
                    hotline_class,
                })
                .collect(),
            tasks,
            responsibilities,
            departments: self.all_departments().await?,
            policies,
            reports,
            hotline_classes: self.hotline_class_names().await?,
            cooperating: self
                .topic_cooperating(id)
                .await?
                .into_iter()
                .map(|d| d.id)
                .collect(),
        }))
    }
}
