//! Writing a topic's three lists and its reports (part of the atomic dataset load).

use crate::store::publication::dataset_rows::TopicRow;
use crate::store::Conn;
use crate::store::{StoreError, StoreResult};
use app::model::{Level, TaskState};

fn check_level(token: &str) -> StoreResult<&str> {
    Level::parse(token)
        .map(Level::as_str)
        .ok_or_else(|| StoreError::Corrupt(format!("unknown level {token:?}")))
}

pub(in crate::store) async fn insert_topic_lists(tx: &mut Conn, t: &TopicRow) -> StoreResult<()> {
    let topic_id: i64 = sqlx::query_scalar("SELECT id FROM topics WHERE year = $1 AND month = $2")
        .bind(t.year)
        .bind(i64::from(t.month))
        .fetch_one(&mut *tx)
        .await?;
    for (position, task) in t.tasks.iter().enumerate() {
        let owner = department_id(tx, &task.owner).await?;
        let state = TaskState::parse(&task.state)
            .ok_or_else(|| StoreError::Corrupt(format!("unknown task state {:?}", task.state)))?;
        let problem: Option<i64> = match &task.problem_title {
            Some(title) => Some(
                sqlx::query_scalar("SELECT id FROM problems WHERE topic_id = $1 AND title = $2")
                    .bind(topic_id)
                    .bind(title)
                    .fetch_one(&mut *tx)
                    .await?,
            ),
            None => None,
        };
        sqlx::query(
            "INSERT INTO tasks (topic_id, problem_id, position, title, owner_department_id, level, due_date, state, done_date, is_sample)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(topic_id)
        .bind(problem)
        .bind(position as i64)
        .bind(&task.title)
        .bind(owner)
        .bind(check_level(&task.level)?)
        .bind(&task.due)
        .bind(state.as_str())
        .bind(&task.done_on)
        .bind(i64::from(task.is_sample))
        .execute(&mut *tx)
        .await?;
    }
    for (position, responsibility) in t.responsibilities.iter().enumerate() {
        let department = department_id(tx, &responsibility.department).await?;
        let state = TaskState::parse(&responsibility.state).ok_or_else(|| {
            StoreError::Corrupt(format!(
                "unknown responsibility state {:?}",
                responsibility.state
            ))
        })?;
        sqlx::query(
            "INSERT INTO responsibilities (topic_id, position, duty, department_id, level, batch, state, is_sample)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(topic_id)
        .bind(position as i64)
        .bind(&responsibility.duty)
        .bind(department)
        .bind(check_level(&responsibility.level)?)
        .bind(i64::from(responsibility.batch))
        .bind(state.as_str())
        .bind(i64::from(responsibility.is_sample))
        .execute(&mut *tx)
        .await?;
    }
    for report in &t.reports {
        sqlx::query(
            "INSERT INTO reports (topic_id, report_date, kind, title, body_markdown, body_html, author, is_sample)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(topic_id)
        .bind(&report.date)
        .bind(&report.kind)
        .bind(&report.title)
        .bind(&report.body_markdown)
        .bind(crate::richtext::to_safe_html(&report.body_markdown))
        .bind(&report.author)
        .bind(i64::from(report.is_sample))
        .execute(&mut *tx)
        .await?;
    }
    Ok(())
}

/// A department's id by its name, within the load's transaction.
pub(in crate::store) async fn department_id(tx: &mut Conn, name: &str) -> StoreResult<i64> {
    Ok(
        sqlx::query_scalar("SELECT id FROM departments WHERE name = $1")
            .bind(name)
            .fetch_one(&mut *tx)
            .await?,
    )
}
