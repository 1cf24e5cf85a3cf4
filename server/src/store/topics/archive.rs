//! 往期: the calendar of months with their problems and topics, and the filtered task and responsibility
//! lists across every published topic. Status is filtered after reading because "overdue" is
//! computed from today's date, never stored.

use crate::store::topics::provenance::PROBLEM_COLUMNS;
use crate::store::topics::read::{ProblemRecord, PUBLIC_PROBLEM};
use crate::store::{Store, StoreResult};
use app::model::{Archive, ArchiveMonth, ArchiveQuery, Progress, TaskStatus};

impl Store {
    pub async fn archive(&self, q: ArchiveQuery, today: &str) -> StoreResult<Archive> {
        let problems: Vec<ProblemRecord> = sqlx::query_as(&format!(
            "SELECT {PROBLEM_COLUMNS} FROM problems
             WHERE {PUBLIC_PROBLEM} AND ($1 IS NULL OR year = $1)
               AND ($2 IS NULL OR lead_department_id = $2)
             ORDER BY year DESC, month DESC, position"
        ))
        .bind(q.year)
        .bind(q.department)
        .fetch_all(&self.pool)
        .await?;
        let topics: Vec<(i64, i64, i64, String)> = sqlx::query_as(
            "SELECT t.id, t.year, t.month, t.theme FROM topics t
             WHERE t.status = 'published' AND ($1 IS NULL OR t.year = $1)
               AND ($2 IS NULL OR t.lead_department_id = $2
                    OR EXISTS (SELECT 1 FROM tasks k WHERE k.topic_id = t.id AND k.owner_department_id = $2)
                    OR EXISTS (SELECT 1 FROM responsibilities r WHERE r.topic_id = t.id AND r.department_id = $2))
             ORDER BY t.year DESC, t.month DESC",
        )
        .bind(q.year)
        .bind(q.department)
        .fetch_all(&self.pool)
        .await?;

        let mut months: Vec<ArchiveMonth> = Vec::new();
        let mut unassigned = 0;
        for record in problems {
            let problem = record.into_summary()?;
            let Some(month) = problem.month else {
                unassigned += 1;
                continue;
            };
            match months
                .iter_mut()
                .find(|m| m.year == problem.year && m.month == month)
            {
                Some(m) => m.problems.push(problem),
                None => months.push(ArchiveMonth {
                    year: problem.year,
                    month,
                    topic: None,
                    problems: vec![problem],
                }),
            }
        }
        for (id, year, month, theme) in topics {
            let tasks = self
                .tasks_where("t.topic_id = $1 ORDER BY t.position", id, today)
                .await?;
            let topic = Some((theme, Progress::of(&tasks)));
            let key = crate::store::topic_key(year, month)?;
            let (year, month) = (key.year, key.month.get());
            match months
                .iter_mut()
                .find(|m| m.year == year && m.month == month)
            {
                Some(m) => m.topic = topic,
                None => months.push(ArchiveMonth {
                    year,
                    month,
                    topic,
                    problems: Vec::new(),
                }),
            }
        }
        months.sort_by_key(|m| std::cmp::Reverse((m.year, m.month)));

        let (tasks, responsibilities) = if q.filters_lists() {
            self.filtered_lists(q, today).await?
        } else {
            (Vec::new(), Vec::new())
        };
        Ok(Archive {
            query: q,
            months,
            unassigned,
            tasks,
            responsibilities,
            years: self.year_numbers().await?,
            departments: self.all_departments().await?,
        })
    }

    async fn filtered_lists(
        &self,
        q: ArchiveQuery,
        today: &str,
    ) -> StoreResult<(
        Vec<app::model::InTopic<app::model::Task>>,
        Vec<app::model::InTopic<app::model::Responsibility>>,
    )> {
        let in_scope = |t: &app::model::TopicLabel| q.year.is_none_or(|y| y == t.key.year);
        let tasks = self
            .tasks_with_topic(q.department, true, today)
            .await?
            .into_iter()
            .filter(|(topic, task)| {
                in_scope(topic)
                    && q.level.is_none_or(|l| l == task.level)
                    && q.status.is_none_or(|s| s == task.status)
            })
            .collect();
        // Responsibilities have no due date: "overdue" matches none of them.
        let responsibilities = self
            .responsibilities_with_topic(q.department, true)
            .await?
            .into_iter()
            .filter(|(topic, responsibility)| {
                in_scope(topic)
                    && q.level.is_none_or(|l| l == responsibility.level)
                    && q.status
                        .is_none_or(|s| s == TaskStatus::recorded(responsibility.state))
            })
            .collect();
        Ok((tasks, responsibilities))
    }
}
