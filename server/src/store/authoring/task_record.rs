//! 任务的公开记录: every change to a task of a published topic is written as a dated line
//! (`task_changes`) in the same transaction as the change, and read back under the task. A due
//! date moved after publication keeps the original (`original_due_date`) and decides the date
//! on-time is judged against (`judged_due_date`): the new date when the extension is granted
//! before the date then judged has passed, the earlier date otherwise.

use crate::store::topics::provenance::beijing_date;
use crate::store::{Conn, Store, StoreError, StoreResult};
use app::model::{Task, TaskChange, TaskChangeKind};
use std::collections::HashMap;

/// One line of a task's public record, before it is written.
pub(in crate::store) struct ChangeLine<'a> {
    pub kind: TaskChangeKind,
    pub from: &'a str,
    pub to: &'a str,
    pub reason: &'a str,
    pub after_deadline: bool,
}

/// Whether the task's topic is published: only then do its changes go on the public record.
pub(in crate::store) async fn topic_published(tx: &mut Conn, task_id: i64) -> StoreResult<bool> {
    let status: Option<String> = sqlx::query_scalar(
        "SELECT tp.status FROM tasks t JOIN topics tp ON tp.id = t.topic_id WHERE t.id = $1",
    )
    .bind(task_id)
    .fetch_optional(&mut *tx)
    .await?;
    Ok(status.as_deref() == Some("published"))
}

/// Appends a line to the task's public record, dated the Beijing day of `now`.
pub(in crate::store) async fn append_line(
    tx: &mut Conn,
    task_id: i64,
    line: ChangeLine<'_>,
    username: &str,
    now: i64,
) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO task_changes (task_id, changed_on, kind, from_value, to_value, reason,
                                   after_deadline, username, changed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(task_id)
    .bind(beijing_date(now))
    .bind(line.kind.as_str())
    .bind(line.from)
    .bind(line.to)
    .bind(line.reason)
    .bind(i64::from(line.after_deadline))
    .bind(username)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// A published task's due date moved from `from` to `to`: keeps the original, decides the date
/// judged and writes the public line. `judged_before` is the date judged until now.
pub(in crate::store) async fn move_due_date(
    tx: &mut Conn,
    task_id: i64,
    (from, to, judged_before): (&str, &str, &str),
    reason: &str,
    username: &str,
    now: i64,
) -> StoreResult<()> {
    let today = beijing_date(now);
    // Granted after the date judged had passed: shown, but it does not make the task on time.
    let after_deadline = today.as_str() > judged_before;
    let judged = if after_deadline { judged_before } else { to };
    sqlx::query(
        "UPDATE tasks SET original_due_date = COALESCE(original_due_date, $1),
                          judged_due_date = $2 WHERE id = $3",
    )
    .bind(from)
    .bind(judged)
    .bind(task_id)
    .execute(&mut *tx)
    .await?;
    let line = ChangeLine {
        kind: TaskChangeKind::Due,
        from,
        to,
        reason,
        after_deadline,
    };
    append_line(tx, task_id, line, username, now).await
}

/// Where each of a list of tasks sits, and the id range that covers them: what one query for
/// the whole list's notes or change lines is asked for and sorted back by.
pub(in crate::store) struct TaskIndex {
    pub low: i64,
    pub high: i64,
    pub index: HashMap<i64, usize>,
}

impl TaskIndex {
    pub fn of(tasks: &[Task]) -> Option<Self> {
        let low = tasks.iter().map(|t| t.id.0).min()?;
        let high = tasks.iter().map(|t| t.id.0).max()?;
        let index = tasks.iter().enumerate().map(|(i, t)| (t.id.0, i)).collect();
        Some(TaskIndex { low, high, index })
    }
}

#[derive(sqlx::FromRow)]
struct ChangeRecord {
    task_id: i64,
    changed_on: String,
    kind: String,
    from_value: String,
    to_value: String,
    reason: String,
    after_deadline: i64,
}

impl Store {
    /// Fills in each task's public record, oldest first (one query for the lot).
    pub(in crate::store) async fn attach_changes(&self, tasks: &mut [Task]) -> StoreResult<()> {
        let Some(TaskIndex { low, high, index }) = TaskIndex::of(tasks) else {
            return Ok(());
        };
        let rows: Vec<ChangeRecord> = sqlx::query_as(
            "SELECT task_id, changed_on, kind, from_value, to_value, reason, after_deadline
             FROM task_changes WHERE task_id BETWEEN $1 AND $2 ORDER BY id",
        )
        .bind(low)
        .bind(high)
        .fetch_all(&self.pool)
        .await?;
        for r in rows {
            let Some(&i) = index.get(&r.task_id) else {
                continue;
            };
            let kind = TaskChangeKind::parse(&r.kind)
                .ok_or_else(|| StoreError::Corrupt(format!("unknown task change {:?}", r.kind)))?;
            tasks[i].changes.push(TaskChange {
                date: r.changed_on,
                kind,
                from: r.from_value,
                to: r.to_value,
                reason: Some(r.reason).filter(|r| !r.trim().is_empty()),
                after_deadline: r.after_deadline != 0,
            });
        }
        Ok(())
    }
}
