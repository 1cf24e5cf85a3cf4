//! Reading a topic's plan, lists, policies and reports. `today` (an ISO date
//! in Beijing time) is passed in so overdue status is computed, never stored.

use crate::store::topics::read::{PolicyRecord, POLICY_COLUMNS};
use crate::store::{Store, StoreError, StoreResult};
use app::model::{
    Completion, Department, Level, Policy, ProblemProgress, Progress, Report, ReportKind,
    Responsibility, Task, TaskState, TaskStatus, TopicDetail,
};

#[derive(sqlx::FromRow)]
struct TaskRecord {
    id: i64,
    title: String,
    problem_id: Option<i64>,
    owner_id: i64,
    owner_name: String,
    level: String,
    due_date: String,
    state: String,
    done_date: Option<String>,
    is_sample: i64,
    delay_reason: String,
    delay_on: Option<String>,
    delay_expected: Option<String>,
    previous_done_date: Option<String>,
    original_due_date: Option<String>,
    judged_due_date: Option<String>,
    done_recorded_on: Option<String>,
    done_first_on: Option<String>,
}

const TASK_SELECT: &str =
    "SELECT t.id, t.title, t.problem_id, d.id AS owner_id, d.name AS owner_name,
        t.level, t.due_date, t.state, t.done_date, t.is_sample, t.delay_reason, t.delay_on, t.delay_expected,
        t.previous_done_date, t.original_due_date, t.judged_due_date, t.done_recorded_on, t.done_first_on
    FROM tasks t JOIN departments d ON d.id = t.owner_department_id";

fn level(token: &str) -> StoreResult<Level> {
    Level::parse(token).ok_or_else(|| StoreError::Corrupt(format!("unknown level {token:?}")))
}

impl TaskRecord {
    fn into_task(self, today: &str) -> StoreResult<Task> {
        let state = TaskState::parse(&self.state)
            .ok_or_else(|| StoreError::Corrupt(format!("unknown task state {:?}", self.state)))?;
        let original_due = self
            .original_due_date
            .clone()
            .filter(|d| *d != self.due_date);
        let judged_due = self.judged_due_date.clone().filter(|d| *d != self.due_date);
        Ok(Task {
            id: app::model::TaskId(self.id),
            status: TaskStatus::on(
                state,
                self.judged_due_date.as_deref().unwrap_or(&self.due_date),
                self.done_date.as_deref().map(|on| Completion {
                    on,
                    recorded_on: self.done_recorded_on.as_deref(),
                    first_on: self.done_first_on.as_deref(),
                }),
                today,
            ),
            title: self.title,
            problem_id: self.problem_id.map(app::model::ProblemId),
            owner: Department {
                id: self.owner_id,
                name: self.owner_name,
            },
            level: level(&self.level)?,
            due: self.due_date,
            done_on: self.done_date,
            state,
            is_sample: self.is_sample != 0,
            delay_reason: Some(self.delay_reason).filter(|r| !r.trim().is_empty()),
            delay_on: self.delay_on,
            delay_expected: self.delay_expected,
            previous_done_on: self.previous_done_date,
            notes: Vec::new(),
            original_due,
            judged_due,
            done_recorded_on: self.done_recorded_on,
            changes: Vec::new(),
        })
    }
}

#[derive(sqlx::FromRow)]
struct ResponsibilityRecord {
    id: i64,
    duty: String,
    department_id: i64,
    department_name: String,
    level: String,
    batch: i64,
    state: String,
    is_sample: i64,
}

const RESPONSIBILITY_SELECT: &str =
    "SELECT r.id, r.duty, d.id AS department_id, d.name AS department_name,
        r.level, r.batch, r.state, r.is_sample
    FROM responsibilities r JOIN departments d ON d.id = r.department_id";

impl ResponsibilityRecord {
    fn into_responsibility(self) -> StoreResult<Responsibility> {
        Ok(Responsibility {
            id: self.id,
            duty: self.duty,
            department: Department {
                id: self.department_id,
                name: self.department_name,
            },
            level: level(&self.level)?,
            batch: crate::store::small(self.batch, "responsibility batch")?,
            state: TaskState::parse(&self.state).ok_or_else(|| {
                StoreError::Corrupt(format!("unknown responsibility state {:?}", self.state))
            })?,
            is_sample: self.is_sample != 0,
        })
    }
}

impl Store {
    pub async fn topic_detail(
        &self,
        year: i32,
        month: u8,
        today: &str,
    ) -> StoreResult<Option<TopicDetail>> {
        self.topic_detail_in(year, month, today, false).await
    }

    /// 草稿预览: a month's topic as its public page would show it, published or not (editors).
    pub async fn topic_preview(
        &self,
        year: i32,
        month: u8,
        today: &str,
    ) -> StoreResult<Option<TopicDetail>> {
        self.topic_detail_in(year, month, today, true).await
    }

    async fn topic_detail_in(
        &self,
        year: i32,
        month: u8,
        today: &str,
        drafts: bool,
    ) -> StoreResult<Option<TopicDetail>> {
        let Some(topic) = self.topic_in(year, month, drafts).await? else {
            return Ok(None);
        };
        let topic_id = topic.id.0;
        let plan_html: String = sqlx::query_scalar("SELECT plan_html FROM topics WHERE id = $1")
            .bind(topic_id)
            .fetch_one(&self.pool)
            .await?;
        let tasks = self
            .tasks_where("t.topic_id = $1 ORDER BY t.position", topic_id, today)
            .await?;
        let responsibilities = self
            .responsibilities_where(
                "r.topic_id = $1 ORDER BY CASE r.level WHEN 'city' THEN 1 WHEN 'district' THEN 2 ELSE 3 END, r.batch, r.position",
                topic_id,
            )
            .await?;
        let problems = topic
            .problems
            .iter()
            .map(|p| ProblemProgress {
                problem: p.clone(),
                progress: Progress::of(tasks.iter().filter(|t| t.problem_id == Some(p.id))),
            })
            .collect();
        // Whether a round's tally is public yet is read on the clock, as its own page does.
        let now = jiff::Timestamp::now().as_second();
        Ok(Some(TopicDetail {
            chosen_by: self.chosen_by(year, month, now).await?,
            progress: Progress::of(&tasks),
            policies: self.topic_policies(topic_id).await?,
            reports: self.reports(topic_id).await?,
            topic,
            plan_html,
            problems,
            tasks,
            responsibilities,
        }))
    }

    /// Tasks with their topic, for the staff desk: one department's, or every task.
    pub async fn tasks_with_topic(
        &self,
        department: Option<i64>,
        published_only: bool,
        today: &str,
    ) -> StoreResult<Vec<(app::model::TopicLabel, Task)>> {
        #[derive(sqlx::FromRow)]
        struct Row {
            #[sqlx(flatten)]
            task: TaskRecord,
            year: i64,
            month: i64,
            theme: String,
        }
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT t.id, t.title, t.problem_id, d.id AS owner_id, d.name AS owner_name,
                    t.level, t.due_date, t.state, t.done_date, t.is_sample, t.delay_reason,
                    t.delay_on, t.delay_expected, t.previous_done_date, t.original_due_date, t.judged_due_date,
                    t.done_recorded_on, t.done_first_on, tp.year, tp.month, tp.theme
             FROM tasks t JOIN departments d ON d.id = t.owner_department_id
             JOIN topics tp ON tp.id = t.topic_id
             WHERE ($1 IS NULL OR t.owner_department_id = $1) AND ($2 = 0 OR tp.status = 'published')
             ORDER BY tp.year DESC, tp.month DESC, t.due_date, t.id",
        )
        .bind(department)
        .bind(i64::from(published_only))
        .fetch_all(&self.pool)
        .await?;
        let (topics, mut tasks): (Vec<_>, Vec<_>) = rows
            .into_iter()
            .map(|r| {
                let topic = crate::store::topic_label(r.year, r.month, r.theme)?;
                Ok((topic, r.task.into_task(today)?))
            })
            .collect::<StoreResult<Vec<_>>>()?
            .into_iter()
            .unzip();
        self.attach_notes(&mut tasks).await?;
        self.attach_changes(&mut tasks).await?;
        Ok(topics.into_iter().zip(tasks).collect())
    }

    /// Responsibilities with their topic, for the staff desk: one department's, or every responsibility.
    pub async fn responsibilities_with_topic(
        &self,
        department: Option<i64>,
        published_only: bool,
    ) -> StoreResult<Vec<(app::model::TopicLabel, Responsibility)>> {
        #[derive(sqlx::FromRow)]
        struct Row {
            #[sqlx(flatten)]
            duty: ResponsibilityRecord,
            year: i64,
            month: i64,
            theme: String,
        }
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT r.id, r.duty, d.id AS department_id, d.name AS department_name,
                    r.level, r.batch, r.state, r.is_sample, tp.year, tp.month, tp.theme
             FROM responsibilities r JOIN departments d ON d.id = r.department_id
             JOIN topics tp ON tp.id = r.topic_id
             WHERE ($1 IS NULL OR r.department_id = $1) AND ($2 = 0 OR tp.status = 'published')
             ORDER BY tp.year DESC, tp.month DESC, r.batch, r.id",
        )
        .bind(department)
        .bind(i64::from(published_only))
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|r| {
                let topic = crate::store::topic_label(r.year, r.month, r.theme)?;
                Ok((topic, r.duty.into_responsibility()?))
            })
            .collect()
    }

    pub(in crate::store) async fn tasks_where(
        &self,
        clause: &str,
        id: i64,
        today: &str,
    ) -> StoreResult<Vec<Task>> {
        let rows: Vec<TaskRecord> = sqlx::query_as(&format!("{TASK_SELECT} WHERE {clause}"))
            .bind(id)
            .fetch_all(&self.pool)
            .await?;
        let mut tasks = rows
            .into_iter()
            .map(|r| r.into_task(today))
            .collect::<StoreResult<Vec<_>>>()?;
        self.attach_notes(&mut tasks).await?;
        self.attach_changes(&mut tasks).await?;
        Ok(tasks)
    }

    pub(in crate::store) async fn responsibilities_where(
        &self,
        clause: &str,
        id: i64,
    ) -> StoreResult<Vec<Responsibility>> {
        let rows: Vec<ResponsibilityRecord> =
            sqlx::query_as(&format!("{RESPONSIBILITY_SELECT} WHERE {clause}"))
                .bind(id)
                .fetch_all(&self.pool)
                .await?;
        rows.into_iter()
            .map(ResponsibilityRecord::into_responsibility)
            .collect()
    }

    async fn topic_policies(&self, topic_id: i64) -> StoreResult<Vec<Policy>> {
        let rows: Vec<PolicyRecord> = sqlx::query_as(&format!(
            "SELECT {POLICY_COLUMNS}
             FROM topic_policies tp JOIN policies po ON po.id = tp.policy_id
             WHERE tp.topic_id = $1 AND po.status = 'published' ORDER BY COALESCE(po.issued, po.passed, ''), po.title"
        ))
        .bind(topic_id)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(PolicyRecord::into_policy).collect()
    }

    pub async fn policy(&self, id: i64) -> StoreResult<Option<Policy>> {
        let row: Option<PolicyRecord> = sqlx::query_as(&format!(
            "SELECT {POLICY_COLUMNS} FROM policies po WHERE po.id = $1 AND po.status = 'published'"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.map(PolicyRecord::into_policy).transpose()
    }

    async fn reports(&self, topic_id: i64) -> StoreResult<Vec<Report>> {
        #[derive(sqlx::FromRow)]
        struct Row {
            id: i64,
            report_date: String,
            kind: String,
            title: String,
            body_html: String,
            author: String,
            is_sample: i64,
            author_department_id: Option<i64>,
            entered_by: Option<String>,
            withdrawn_at: Option<i64>,
            withdrawn_reason: Option<String>,
        }
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT id, report_date, kind, title, body_html, author, is_sample,
                    author_department_id, entered_by, withdrawn_at, withdrawn_reason FROM reports
             WHERE topic_id = $1 ORDER BY report_date DESC, id DESC",
        )
        .bind(topic_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| Report {
                id: r.id,
                date: r.report_date,
                kind: if r.kind == "supervision" {
                    ReportKind::Supervision
                } else {
                    ReportKind::Progress
                },
                title: r.title,
                // A withdrawn report keeps its line and says why, without its text.
                body_html: if r.withdrawn_at.is_some() {
                    String::new()
                } else {
                    r.body_html
                },
                withdrawn_at: r
                    .withdrawn_at
                    .and_then(|at| jiff::Timestamp::from_second(at).ok())
                    .map(|t| t.to_string()),
                withdrawn_reason: r.withdrawn_reason.filter(|_| r.withdrawn_at.is_some()),
                author: r.author,
                is_sample: r.is_sample != 0,
                author_department: r.author_department_id,
                entered_by: r
                    .entered_by
                    .as_deref()
                    .and_then(app::model::EnteredBy::parse),
            })
            .collect())
    }
}
