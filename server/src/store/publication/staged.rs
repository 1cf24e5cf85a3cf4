//! Staged imports and their all-or-nothing application.

use crate::list_paste::ImportRow;
use crate::store::history::audit::audit;
use crate::store::notify::topic_notices::record_for_topic;
use crate::store::{Notice, Store, StoreResult};
use app::model::{ImportKind, StaffMember};

/// A staged import as stored, with its topic.
pub struct Staged {
    pub id: i64,
    pub staff_id: i64,
    pub kind: ImportKind,
    pub content: String,
    pub topic: app::model::TopicLabel,
    pub topic_id: i64,
}

impl Store {
    pub async fn department_names(&self) -> StoreResult<Vec<String>> {
        Ok(
            sqlx::query_scalar("SELECT name FROM departments ORDER BY name")
                .fetch_all(&self.pool)
                .await?,
        )
    }

    /// Stages pasted content for a topic; `None` when the topic does not exist.
    pub async fn stage_import(
        &self,
        actor: &StaffMember,
        year: i32,
        month: u8,
        kind: ImportKind,
        content: &str,
        now: i64,
    ) -> StoreResult<Option<i64>> {
        let topic: Option<i64> =
            sqlx::query_scalar("SELECT id FROM topics WHERE year = $1 AND month = $2")
                .bind(year)
                .bind(i64::from(month))
                .fetch_optional(&self.pool)
                .await?;
        let Some(topic_id) = topic else {
            return Ok(None);
        };
        let mut tx = self.write_tx().await?;
        let id = sqlx::query_scalar(
            "INSERT INTO staged_imports (staff_id, topic_id, kind, content, created_at)
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(actor.id)
        .bind(topic_id)
        .bind(kind.as_str())
        .bind(content)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        self.commit(tx).await?;
        Ok(Some(id))
    }

    pub async fn staged_import(&self, id: i64) -> StoreResult<Option<Staged>> {
        #[derive(sqlx::FromRow)]
        struct Row {
            id: i64,
            staff_id: i64,
            kind: String,
            content: String,
            topic_id: i64,
            year: i64,
            month: i64,
            theme: String,
        }
        let row: Option<Row> = sqlx::query_as(
            "SELECT s.id, s.staff_id, s.kind, s.content, s.topic_id, t.year, t.month, t.theme
             FROM staged_imports s JOIN topics t ON t.id = s.topic_id WHERE s.id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| {
            Ok(Staged {
                id: r.id,
                staff_id: r.staff_id,
                kind: ImportKind::parse(&r.kind).ok_or_else(|| {
                    crate::store::StoreError::Corrupt(format!("import kind {:?}", r.kind))
                })?,
                content: r.content,
                topic: crate::store::topic_label(r.year, r.month, r.theme)?,
                topic_id: r.topic_id,
            })
        })
        .transpose()
    }

    /// Writes every row in one transaction, removes the staged copy and audits the import.
    pub async fn apply_import(
        &self,
        actor: &StaffMember,
        staged: &Staged,
        rows: &[ImportRow],
        today: &str,
        now: i64,
    ) -> StoreResult<()> {
        let mut tx = self.write_tx().await?;
        let table = match staged.kind {
            ImportKind::Tasks => "tasks",
            ImportKind::Responsibilities => "responsibilities",
        };
        let start: i64 = sqlx::query_scalar(&format!(
            "SELECT COALESCE(MAX(position), -1) + 1 FROM {table} WHERE topic_id = $1"
        ))
        .bind(staged.topic_id)
        .fetch_one(&mut *tx)
        .await?;
        for (offset, row) in rows.iter().enumerate() {
            let position = start + offset as i64;
            match row {
                ImportRow::Task {
                    title,
                    owner,
                    level,
                    due,
                    state,
                } => {
                    let done = (*state == app::model::TaskState::Done).then_some(today);
                    sqlx::query(
                        "INSERT INTO tasks (topic_id, problem_id, position, title, owner_department_id, level, due_date, state, done_date, is_sample)
                         SELECT $1, NULL, $2, $3, d.id, $4, $5, $6, $7, 0 FROM departments d WHERE d.name = $8",
                    )
                    .bind(staged.topic_id)
                    .bind(position)
                    .bind(title)
                    .bind(level.as_str())
                    .bind(due)
                    .bind(state.as_str())
                    .bind(done)
                    .bind(owner)
                    .execute(&mut *tx)
                    .await?;
                }
                ImportRow::Responsibility {
                    duty,
                    department,
                    level,
                    batch,
                } => {
                    sqlx::query(
                        "INSERT INTO responsibilities (topic_id, position, duty, department_id, level, batch, is_sample)
                         SELECT $1, $2, $3, d.id, $4, $5, 0 FROM departments d WHERE d.name = $6",
                    )
                    .bind(staged.topic_id)
                    .bind(position)
                    .bind(duty)
                    .bind(level.as_str())
                    .bind(i64::from(*batch))
                    .bind(department)
                    .execute(&mut *tx)
                    .await?;
                }
            }
        }
        sqlx::query("DELETE FROM staged_imports WHERE id = $1")
            .bind(staged.id)
            .execute(&mut *tx)
            .await?;
        let anchor = match staged.kind {
            ImportKind::Tasks => "#tasks-heading",
            ImportKind::Responsibilities => "#duties",
        };
        record_for_topic(&mut tx, staged.topic_id, now, |named| Notice::TopicLists {
            topic: named.theme.clone(),
            path: format!("{}{anchor}", named.path()),
        })
        .await?;
        let (year, month) = (staged.topic.key.year, staged.topic.key.month);
        audit(
            &mut tx,
            now,
            &actor.username,
            "import.apply",
            &format!("topic {year}-{month:02} {table}"),
            &format!("{} rows", rows.len()),
        )
        .await?;
        self.commit(tx).await?;
        Ok(())
    }
}
