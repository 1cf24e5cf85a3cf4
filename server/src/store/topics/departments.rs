//! 部门: a department's public record — the topics and problems it leads, its tasks with the
//! on-time share, and its responsibilities — read from published topics only.

use crate::store::topics::provenance::PROBLEM_COLUMNS;
use crate::store::topics::read::{ProblemRecord, PUBLIC_PROBLEM, PUBLISHED_TOPICS};
use crate::store::{topic_label, Store, StoreResult};
use app::model::{Department, DepartmentDetail, OnTime};

impl Store {
    /// `today` (an ISO date in Beijing time) decides which tasks are overdue.
    pub async fn department_detail(
        &self,
        id: i64,
        today: &str,
    ) -> StoreResult<Option<DepartmentDetail>> {
        let name: Option<String> = sqlx::query_scalar("SELECT name FROM departments WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        let Some(name) = name else { return Ok(None) };
        let topics_led: Vec<(i64, i64, String)> = sqlx::query_as(
            "SELECT year, month, theme FROM topics WHERE lead_department_id = $1 AND status = 'published'
             ORDER BY year DESC, month DESC",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        let problems: Vec<ProblemRecord> = sqlx::query_as(&format!(
            "SELECT {} FROM problems
             WHERE lead_department_id = $1 AND {PUBLIC_PROBLEM} ORDER BY year DESC, position",
            PROBLEM_COLUMNS
        ))
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        let tasks = self
            .tasks_where(
                &format!(
                    "t.owner_department_id = $1 AND t.topic_id IN {PUBLISHED_TOPICS}
                     ORDER BY t.due_date, t.id"
                ),
                id,
                today,
            )
            .await?;
        let responsibilities = self
            .responsibilities_where(
                &format!(
                    "r.department_id = $1 AND r.topic_id IN {PUBLISHED_TOPICS} ORDER BY r.batch, r.id"
                ),
                id,
            )
            .await?;
        // Replies are owed by name (cycles outlive the dataset's department ids).
        let replies = match today.parse::<jiff::civil::Date>() {
            Ok(day) => {
                let entries: Vec<app::model::ReplyEntry> = self
                    .department_replies(&name)
                    .await?
                    .into_iter()
                    .map(|r| app::model::ReplyEntry::judged(r, day))
                    .collect();
                app::model::ReplyRecord::of(&entries)
            }
            Err(_) => {
                return Err(crate::store::StoreError::Corrupt(format!(
                    "today {today:?}"
                )))
            }
        };
        let league = match today.parse::<jiff::civil::Date>() {
            Ok(day) => self.department_league(&name, day).await?,
            Err(_) => Vec::new(),
        };
        Ok(Some(DepartmentDetail {
            replies,
            league,
            department: Department { id, name },
            topics_led: topics_led
                .into_iter()
                .map(|(y, m, theme)| topic_label(y, m, theme))
                .collect::<StoreResult<_>>()?,
            problems_led: problems
                .into_iter()
                .map(ProblemRecord::into_summary)
                .collect::<StoreResult<_>>()?,
            on_time: OnTime::of(&tasks),
            tasks,
            responsibilities,
        }))
    }
}
