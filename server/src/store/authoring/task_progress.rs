//! 任务进展: what a department records about its own tasks — status with an explicit
//! completion date, undo of its last status change, the delay reason (延期原因) and dated
//! progress notes (进展记录) with evidence links. Every write records its revision and audit
//! entry in the same transaction.

use crate::store::authoring::task_record::{self, ChangeLine, TaskIndex};
use crate::store::history::audit::audit;
use crate::store::history::audited_edit::{EditOf, Edited};
use crate::store::topics::provenance::beijing_date;
use crate::store::{Store, StoreResult};
use app::model::{
    Department, Entity, Evidence, MarkText, StaffMember, Task, TaskChangeKind, TaskNote, TaskState,
};

/// The audit action of an undone status change: it also takes back the "not done" it stated.
pub const UNDO: &str = "task.undo";

/// A task's recorded state and completion date: what a status change sets and undo restores.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaskMark {
    pub state: TaskState,
    /// Required with `Done`, ignored otherwise.
    pub done_on: Option<String>,
}

/// A task's mark as stored, with its owner and earlier completion date.
#[derive(Clone, Debug)]
pub struct RecordedMark {
    pub owner: i64,
    pub mark: TaskMark,
    pub previous_done_on: Option<String>,
    /// The last Beijing date the record said "not done" (created, not started, in progress),
    /// when known: a completion date may not be earlier.
    pub state_since: Option<String>,
}

/// A progress note as the department typed it (already validated).
/// 延期说明: why a task is late, the Beijing day that was said, and the new date expected.
/// An empty reason clears all three.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DelayNote {
    pub reason: String,
    pub on: String,
    pub expected: Option<String>,
}

#[derive(Clone, Debug)]
pub struct NewTaskNote {
    pub date: String,
    pub note: String,
    pub evidence: Option<Evidence>,
}

#[derive(sqlx::FromRow)]
struct NoteRecord {
    id: i64,
    task_id: i64,
    department_id: i64,
    department_name: String,
    note_date: String,
    note: String,
    evidence_url: Option<String>,
    evidence_title: Option<String>,
    withdrawn_at: Option<i64>,
    withdrawn_reason: Option<String>,
    corrected_at: Option<i64>,
}

impl Store {
    /// A task's owner, recorded mark and the completion date it had before it was last
    /// reopened: for the permission check, the reopening question and the date's default.
    pub async fn task_mark(&self, task_id: i64) -> StoreResult<Option<RecordedMark>> {
        type Row = (i64, String, Option<String>, Option<String>, Option<String>);
        let row: Option<Row> = sqlx::query_as(
            "SELECT owner_department_id, state, done_date, previous_done_date, state_since
             FROM tasks WHERE id = $1",
        )
        .bind(task_id)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|(owner, state, done_on, previous_done_on, state_since)| {
            let state = TaskState::parse(&state).ok_or_else(|| {
                crate::store::StoreError::Corrupt(format!("unknown task state {state:?}"))
            })?;
            Ok(RecordedMark {
                owner,
                mark: TaskMark { state, done_on },
                previous_done_on,
                state_since,
            })
        })
        .transpose()
    }

    /// Fills in each task's progress notes, newest first (one query for the lot).
    pub(in crate::store) async fn attach_notes(&self, tasks: &mut [Task]) -> StoreResult<()> {
        let Some(TaskIndex { low, high, index }) = TaskIndex::of(tasks) else {
            return Ok(());
        };
        let rows: Vec<NoteRecord> = sqlx::query_as(
            "SELECT n.id, n.task_id, d.id AS department_id, d.name AS department_name,
                    n.note_date, n.note, n.evidence_url, n.evidence_title, n.withdrawn_at,
                    n.withdrawn_reason, n.corrected_at
             FROM task_notes n JOIN departments d ON d.id = n.department_id
             WHERE n.task_id BETWEEN $1 AND $2 ORDER BY n.note_date DESC, n.id DESC",
        )
        .bind(low)
        .bind(high)
        .fetch_all(&self.pool)
        .await?;
        for r in rows {
            let Some(&i) = index.get(&r.task_id) else {
                continue;
            };
            // A withdrawn note keeps its date and department and says why, without its text.
            let instant = |at: Option<i64>| {
                at.map(|at| jiff::Timestamp::from_second(at).map(|t| t.to_string()))
                    .transpose()
                    .map_err(|e| crate::store::StoreError::Corrupt(format!("note time: {e}")))
            };
            let withdrawn_at = instant(r.withdrawn_at)?;
            let corrected_at = instant(r.corrected_at)?;
            let shown = withdrawn_at.is_none();
            let evidence = r.evidence_url.filter(|_| shown).map(|url| Evidence {
                title: r
                    .evidence_title
                    .filter(|t| !t.is_empty())
                    .unwrap_or_else(|| url.clone()),
                url,
            });
            tasks[i].notes.push(TaskNote {
                id: r.id,
                date: r.note_date,
                note: if shown { r.note } else { String::new() },
                evidence,
                withdrawn_reason: r.withdrawn_reason.filter(|_| !shown),
                withdrawn_at,
                corrected_at,
                department: Department {
                    id: r.department_id,
                    name: r.department_name,
                },
            });
        }
        Ok(())
    }

    /// Records a task's state and completion date. Reopening a done task keeps its date as the
    /// previous completion date, which the form offers again. `false`: no such task.
    pub async fn set_task_mark(
        &self,
        actor: &StaffMember,
        task_id: i64,
        mark: &TaskMark,
        action: &str,
        now: i64,
    ) -> StoreResult<bool> {
        let done_date = match mark.state {
            TaskState::Done => mark.done_on.as_deref(),
            _ => None,
        };
        let of = EditOf {
            actor: &actor.username,
            entity: Entity::Task,
            id: task_id,
            action,
            now,
        };
        let edited = self
            .audited_edit(of, async |tx| {
                let before: (String, Option<String>) =
                    sqlx::query_as("SELECT state, done_date FROM tasks WHERE id = $1")
                        .bind(task_id)
                        .fetch_one(&mut *tx)
                        .await?;
                // The day a completion was recorded and the date it was first recorded with
                // stay through corrections of its date (back-dating a completion reported late
                // does not make it on time) and when the date on record before a reopening is
                // set again; a new completion is recorded today. `state_since` is the last day
                // the record said "not done" (undoing that statement restores the one before):
                // a completion date may not be earlier (checked by the department service).
                let title: String = sqlx::query_scalar(
                    "UPDATE tasks SET
                        previous_done_date = CASE WHEN $1 IS NULL AND done_date IS NOT NULL
                                                  THEN done_date ELSE previous_done_date END,
                        done_recorded_on = CASE
                            WHEN $1 IS NULL THEN done_recorded_on
                            WHEN state = 'done' OR $1 = previous_done_date THEN done_recorded_on
                            ELSE $4 END,
                        done_first_on = CASE
                            WHEN $1 IS NULL THEN done_first_on
                            WHEN state = 'done' OR $1 = previous_done_date THEN done_first_on
                            ELSE $1 END,
                        state_since = CASE
                            WHEN $5 = 1 AND state <> 'done' THEN prior_state_since
                            WHEN $5 = 0 AND $2 <> 'done' AND $2 <> state THEN $4
                            ELSE state_since END,
                        prior_state_since = CASE
                            WHEN $5 = 0 AND $2 <> 'done' AND $2 <> state THEN state_since
                            ELSE prior_state_since END,
                        state = $2, done_date = $1
                     WHERE id = $3 RETURNING title",
                )
                .bind(done_date)
                .bind(mark.state.as_str())
                .bind(task_id)
                .bind(beijing_date(now))
                .bind(i64::from(action == UNDO))
                .fetch_one(&mut *tx)
                .await?;
                let from = MarkText::write(
                    TaskState::parse(&before.0).unwrap_or(TaskState::NotStarted),
                    before.1.as_deref(),
                );
                let to = MarkText::write(mark.state, done_date);
                if from != to && task_record::topic_published(tx, task_id).await? {
                    let kind = match action {
                        UNDO => TaskChangeKind::Undo,
                        _ => TaskChangeKind::State,
                    };
                    let line = ChangeLine {
                        kind,
                        from: &from,
                        to: &to,
                        reason: "",
                        after_deadline: false,
                    };
                    task_record::append_line(tx, task_id, line, &actor.username, now).await?;
                }
                let detail = match done_date {
                    Some(date) => format!("{} {date}", mark.state.as_str()),
                    None => mark.state.as_str().to_string(),
                };
                Ok(Ok(
                    Edited::new(format!("task {task_id}: {title}"), ()).detail(detail)
                ))
            })
            .await?;
        Ok(edited.is_some())
    }

    /// What undoing this member's last status change of a task would restore: the state and
    /// date of the version before it. `None` when the task's latest version is not a status
    /// change by this member (someone changed it since, or it was already undone).
    pub async fn undoable_mark(
        &self,
        task_id: i64,
        username: &str,
    ) -> StoreResult<Option<TaskMark>> {
        let versions = self.revisions(Entity::Task, task_id).await?;
        let [.., previous, last] = versions.as_slice() else {
            return Ok(None);
        };
        if last.username != username || last.action != "task.state" {
            return Ok(None);
        }
        let field = |name: &str| {
            previous
                .snapshot
                .iter()
                .find(|(f, _)| f == name)
                .map(|(_, v)| v.clone())
        };
        let Some(state) = field("state").as_deref().and_then(TaskState::parse) else {
            return Ok(None);
        };
        let done_on = field("done_on").filter(|d| !d.is_empty());
        if state == TaskState::Done && done_on.is_none() {
            return Ok(None);
        }
        Ok(Some(TaskMark { state, done_on }))
    }

    /// Sets (or clears, with `""`) a task's delay reason, with the day it is given and the
    /// date expected (both cleared with it). `false`: no such task.
    pub async fn set_delay_reason(
        &self,
        actor: &StaffMember,
        task_id: i64,
        delay: &DelayNote,
        now: i64,
    ) -> StoreResult<bool> {
        let of = EditOf {
            actor: &actor.username,
            entity: Entity::Task,
            id: task_id,
            action: "task.delay_reason",
            now,
        };
        let edited = self
            .audited_edit(of, async |tx| {
                let given = !delay.reason.is_empty();
                let title: String = sqlx::query_scalar(
                    "UPDATE tasks SET delay_reason = $1, delay_on = $2, delay_expected = $3
                     WHERE id = $4 RETURNING title",
                )
                .bind(&delay.reason)
                .bind(given.then_some(delay.on.as_str()))
                .bind(delay.expected.as_deref().filter(|_| given))
                .bind(task_id)
                .fetch_one(&mut *tx)
                .await?;
                Ok(Ok(Edited::new(format!("task {task_id}: {title}"), ())))
            })
            .await?;
        Ok(edited.is_some())
    }

    /// Adds a progress note to a task, posted as `department`. `false`: no such task.
    pub async fn add_task_note(
        &self,
        actor: &StaffMember,
        department_id: i64,
        task_id: i64,
        note: &NewTaskNote,
        now: i64,
    ) -> StoreResult<bool> {
        let mut tx = self.write_tx().await?;
        let id: Option<i64> = sqlx::query_scalar(
            "INSERT INTO task_notes (task_id, department_id, note_date, note, evidence_url,
                                     evidence_title, username, posted_at)
             SELECT id, $1, $2, $3, $4, $5, $6, $7 FROM tasks WHERE id = $8 RETURNING id",
        )
        .bind(department_id)
        .bind(&note.date)
        .bind(&note.note)
        .bind(note.evidence.as_ref().map(|e| e.url.as_str()))
        .bind(note.evidence.as_ref().map(|e| e.title.as_str()))
        .bind(&actor.username)
        .bind(now)
        .bind(task_id)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(id) = id else { return Ok(false) };
        audit(
            &mut tx,
            now,
            &actor.username,
            "task.note",
            &format!("task {task_id}: note {id}"),
            &note.date,
        )
        .await?;
        self.commit(tx).await?;
        Ok(true)
    }

    /// Topics in which a department carries a task: where it may post progress reports.
    pub async fn department_task_topics(
        &self,
        department_id: i64,
    ) -> StoreResult<Vec<app::model::TopicLabel>> {
        let rows: Vec<(i64, i64, String)> = sqlx::query_as(
            "SELECT tp.year, tp.month, tp.theme FROM topics tp
             WHERE EXISTS (SELECT 1 FROM tasks t WHERE t.topic_id = tp.id AND t.owner_department_id = $1)
             ORDER BY tp.year DESC, tp.month DESC",
        )
        .bind(department_id)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(y, m, t)| crate::store::topic_label(y, m, t))
            .collect()
    }
}
