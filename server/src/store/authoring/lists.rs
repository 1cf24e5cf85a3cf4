//! Editors' writes to a topic's task list (任务清单) and responsibility list (责任清单), and
//! department staff's responsibility status reports. Each records its revision and audit entry.

use crate::store::authoring::edits::Saved;
use crate::store::authoring::task_record::{self, ChangeLine};
use crate::store::history::audited_edit::{EditOf, Edited, SaveOf};
use crate::store::topics::provenance::beijing_date;
use crate::store::{Store, StoreResult};
use app::model::{Entity, Level, StaffMember, TaskChangeKind, TaskState};

/// A task's fields as validated from the form.
#[derive(Clone, Debug)]
pub struct TaskFields {
    pub title: String,
    pub problem_id: Option<i64>,
    pub owner_id: i64,
    pub level: Level,
    pub due: String,
    /// Why a published task's due date moves (required then; shown publicly).
    pub change_reason: String,
}

/// A responsibility's fields as validated from the form.
#[derive(Clone, Debug)]
pub struct ResponsibilityFields {
    pub duty: String,
    pub department_id: i64,
    pub level: Level,
    pub batch: u8,
}

type Tx = crate::store::Conn;

async fn exists(tx: &mut Tx, sql: &str, a: i64, b: Option<i64>) -> StoreResult<bool> {
    let n: i64 = sqlx::query_scalar(sql)
        .bind(a)
        .bind(b)
        .fetch_one(&mut *tx)
        .await?;
    Ok(n > 0)
}

/// The topic exists and the department (and the problem, if any, within this topic) too.
async fn references_ok(
    tx: &mut Tx,
    topic_id: i64,
    department_id: i64,
    problem_id: Option<i64>,
) -> StoreResult<bool> {
    Ok(exists(
        tx,
        "SELECT COUNT(*) FROM topics WHERE id = $1 AND $2 IS NULL",
        topic_id,
        None,
    )
    .await?
        && exists(
            tx,
            "SELECT COUNT(*) FROM departments WHERE id = $1 AND $2 IS NULL",
            department_id,
            None,
        )
        .await?
        && match problem_id {
            Some(p) => {
                exists(
                    tx,
                    "SELECT COUNT(*) FROM problems WHERE id = $1 AND topic_id = $2",
                    p,
                    Some(topic_id),
                )
                .await?
            }
            None => true,
        })
}

/// The first "not done" date of a new task: the day it was created, or the first day of its
/// topic's month when that is earlier (a task list entered after the work began, or a past
/// month entered now, may be completed within its month).
async fn created_floor(tx: &mut Tx, topic_id: i64, now: i64) -> StoreResult<String> {
    let (year, month): (i64, i64) = sqlx::query_as("SELECT year, month FROM topics WHERE id = $1")
        .bind(topic_id)
        .fetch_one(&mut *tx)
        .await?;
    let month_start = format!("{year:04}-{month:02}-01");
    Ok(month_start.min(beijing_date(now)))
}

/// A task as it was before an edit: what its public record compares against.
#[derive(sqlx::FromRow)]
struct Before {
    title: String,
    owner: String,
    due_date: String,
    judged: String,
}

/// After an editor's edit: on a published topic, a dated public line for each of the title,
/// owner and due date that changed (a moved due date also keeps the original and decides the
/// date judged); on a draft, the due date is simply the due date.
async fn record_task_edit(
    tx: &mut Tx,
    id: i64,
    before: &Before,
    f: &TaskFields,
    username: &str,
    now: i64,
) -> StoreResult<()> {
    if !task_record::topic_published(tx, id).await? {
        sqlx::query(
            "UPDATE tasks SET original_due_date = NULL, judged_due_date = NULL WHERE id = $1",
        )
        .bind(id)
        .execute(&mut *tx)
        .await?;
        return Ok(());
    }
    if before.title != f.title {
        let line = ChangeLine {
            kind: TaskChangeKind::Title,
            from: &before.title,
            to: &f.title,
            reason: &f.change_reason,
            after_deadline: false,
        };
        task_record::append_line(tx, id, line, username, now).await?;
    }
    let owner: String = sqlx::query_scalar("SELECT name FROM departments WHERE id = $1")
        .bind(f.owner_id)
        .fetch_one(&mut *tx)
        .await?;
    if before.owner != owner {
        let line = ChangeLine {
            kind: TaskChangeKind::Owner,
            from: &before.owner,
            to: &owner,
            reason: &f.change_reason,
            after_deadline: false,
        };
        task_record::append_line(tx, id, line, username, now).await?;
    }
    if before.due_date != f.due {
        let dates = (
            before.due_date.as_str(),
            f.due.as_str(),
            before.judged.as_str(),
        );
        task_record::move_due_date(tx, id, dates, &f.change_reason, username, now).await?;
    }
    Ok(())
}

impl Store {
    /// Whether a task's topic is published and its due date: a published task's due date
    /// moves only with a reason. `None`: no such task.
    pub async fn task_due_on_record(&self, task_id: i64) -> StoreResult<Option<(bool, String)>> {
        let row: Option<(String, String)> = sqlx::query_as(
            "SELECT tp.status, t.due_date FROM tasks t JOIN topics tp ON tp.id = t.topic_id
             WHERE t.id = $1",
        )
        .bind(task_id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|(status, due)| (status == "published", due)))
    }

    /// A topic's `(year, month)`: the range its tasks' due dates are checked against.
    pub async fn topic_month_of(&self, topic_id: i64) -> StoreResult<Option<(i64, i64)>> {
        Ok(
            sqlx::query_as("SELECT year, month FROM topics WHERE id = $1")
                .bind(topic_id)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    pub async fn save_task(
        &self,
        actor: &StaffMember,
        topic_id: i64,
        id: Option<i64>,
        f: &TaskFields,
        now: i64,
    ) -> StoreResult<Saved> {
        let of = SaveOf::new(
            &actor.username,
            Entity::Task,
            id,
            ["task.create", "task.edit"],
            now,
        );
        self.save_form(of, async |tx| {
            if !references_ok(tx, topic_id, f.owner_id, f.problem_id).await? {
                return Ok(Err(Saved::Missing));
            }
            let id = match id {
                None => {
                    sqlx::query_scalar(
                        "INSERT INTO tasks (topic_id, problem_id, position, title,
                                                owner_department_id, level, due_date, state,
                                                done_date, is_sample, state_since)
                             SELECT $1, $2, COALESCE(MAX(position), 0) + 1, $3, $4, $5, $6,
                                    'not_started', NULL, 0, $7
                             FROM tasks WHERE topic_id = $1 RETURNING id",
                    )
                    .bind(topic_id)
                    .bind(f.problem_id)
                    .bind(&f.title)
                    .bind(f.owner_id)
                    .bind(f.level.as_str())
                    .bind(&f.due)
                    .bind(created_floor(tx, topic_id, now).await?)
                    .fetch_one(&mut *tx)
                    .await?
                }
                Some(id) => {
                    let before: Option<Before> = sqlx::query_as(
                        "SELECT t.title, d.name AS owner, t.due_date,
                                COALESCE(t.judged_due_date, t.due_date) AS judged
                         FROM tasks t JOIN departments d ON d.id = t.owner_department_id
                         WHERE t.id = $1 AND t.topic_id = $2",
                    )
                    .bind(id)
                    .bind(topic_id)
                    .fetch_optional(&mut *tx)
                    .await?;
                    let Some(before) = before else {
                        return Ok(Err(Saved::Missing));
                    };
                    sqlx::query(
                        "UPDATE tasks SET title = $1, problem_id = $2, owner_department_id = $3,
                                    level = $4, due_date = $5 WHERE id = $6",
                    )
                    .bind(&f.title)
                    .bind(f.problem_id)
                    .bind(f.owner_id)
                    .bind(f.level.as_str())
                    .bind(&f.due)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                    record_task_edit(tx, id, &before, f, &actor.username, now).await?;
                    id
                }
            };
            Ok(Ok(Edited::new(format!("task {id}: {}", f.title), id)))
        })
        .await
    }

    /// The audit actions keep their first spelling (`duty.create`, `duty.edit`, `duty.state`):
    /// the audit log is append-only and read by action, so old and new entries must agree.
    pub async fn save_responsibility(
        &self,
        actor: &StaffMember,
        topic_id: i64,
        id: Option<i64>,
        f: &ResponsibilityFields,
        now: i64,
    ) -> StoreResult<Saved> {
        let of = SaveOf::new(
            &actor.username,
            Entity::Responsibility,
            id,
            ["duty.create", "duty.edit"],
            now,
        );
        self.save_form(of, async |tx| {
            if !references_ok(tx, topic_id, f.department_id, None).await? {
                return Ok(Err(Saved::Missing));
            }
            let id = match id {
                None => {
                    sqlx::query_scalar(
                        "INSERT INTO responsibilities (topic_id, position, duty, department_id,
                                                           level, batch, state, is_sample)
                             SELECT $1, COALESCE(MAX(position), 0) + 1, $2, $3, $4, $5,
                                    'not_started', 0
                             FROM responsibilities WHERE topic_id = $1 RETURNING id",
                    )
                    .bind(topic_id)
                    .bind(&f.duty)
                    .bind(f.department_id)
                    .bind(f.level.as_str())
                    .bind(i64::from(f.batch))
                    .fetch_one(&mut *tx)
                    .await?
                }
                Some(id) => {
                    let sql =
                        "SELECT COUNT(*) FROM responsibilities WHERE id = $1 AND topic_id = $2";
                    if !exists(tx, sql, id, Some(topic_id)).await? {
                        return Ok(Err(Saved::Missing));
                    }
                    sqlx::query(
                        "UPDATE responsibilities SET duty = $1, department_id = $2, level = $3,
                                    batch = $4 WHERE id = $5",
                    )
                    .bind(&f.duty)
                    .bind(f.department_id)
                    .bind(f.level.as_str())
                    .bind(i64::from(f.batch))
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                    id
                }
            };
            Ok(Ok(Edited::new(format!("duty {id}: {}", f.duty), id)))
        })
        .await
    }

    /// The department carrying a responsibility, for the permission check.
    pub async fn responsibility_department(
        &self,
        responsibility_id: i64,
    ) -> StoreResult<Option<i64>> {
        Ok(
            sqlx::query_scalar("SELECT department_id FROM responsibilities WHERE id = $1")
                .bind(responsibility_id)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    pub async fn set_responsibility_state(
        &self,
        actor: &StaffMember,
        responsibility_id: i64,
        state: TaskState,
        now: i64,
    ) -> StoreResult<bool> {
        let of = EditOf {
            actor: &actor.username,
            entity: Entity::Responsibility,
            id: responsibility_id,
            action: "duty.state",
            now,
        };
        let edited = self
            .audited_edit(of, async |tx| {
                let duty: String = sqlx::query_scalar(
                    "UPDATE responsibilities SET state = $1 WHERE id = $2 RETURNING duty",
                )
                .bind(state.as_str())
                .bind(responsibility_id)
                .fetch_one(&mut *tx)
                .await?;
                Ok(Ok(Edited::new(
                    format!("duty {responsibility_id}: {duty}"),
                    (),
                )
                .detail(state.as_str())))
            })
            .await?;
        Ok(edited.is_some())
    }
}
