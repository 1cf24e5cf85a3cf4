//! The notices of a month's topic and of the candidates that become one, recorded by the state
//! changes of the editors' and departments' desks in their own transactions: a candidate made
//! the topic of a month, a topic published, its report, policy or lists published, a task
//! overdue (the last from the teller's daily look, `tell_overdue_tasks`).

use super::notice::{record, Notice};
use crate::store::{Conn, Store, StoreResult};
use app::model::{topic_subject, FollowKind};

/// A topic as its notices name it.
pub(in crate::store) struct TopicNamed {
    pub theme: String,
    pub year: i32,
    pub month: u8,
}

impl TopicNamed {
    pub fn path(&self) -> String {
        app::paths::topic(self.year, self.month)
    }
}

/// The topic `topic_id`, if it is published (a draft has no page and no followers).
async fn published_topic(tx: &mut Conn, topic_id: i64) -> StoreResult<Option<TopicNamed>> {
    let row: Option<(String, i64, i64)> = sqlx::query_as(
        "SELECT theme, year, month FROM topics WHERE id = $1 AND status = 'published'",
    )
    .bind(topic_id)
    .fetch_optional(&mut *tx)
    .await?;
    Ok(row.and_then(|(theme, year, month)| {
        Some(TopicNamed {
            theme,
            year: i32::try_from(year).ok()?,
            month: u8::try_from(month).ok()?,
        })
    }))
}

/// Records `notice` for the followers of topic `topic_id`, if it is published.
pub(in crate::store) async fn record_for_topic(
    tx: &mut Conn,
    topic_id: i64,
    now: i64,
    notice: impl FnOnce(&TopicNamed) -> Notice,
) -> StoreResult<()> {
    if let Some(topic) = published_topic(tx, topic_id).await? {
        let subject = topic_subject(topic.year, topic.month);
        record(tx, (FollowKind::Topic, &subject), &notice(&topic), now).await?;
    }
    Ok(())
}

/// Records `notice` for the followers of candidate `candidate` and of the suggestion it came
/// from, if any: whoever backed it from the start hears where it went.
pub(in crate::store) async fn record_for_candidate(
    tx: &mut Conn,
    candidate: i64,
    notice: &Notice,
    now: i64,
) -> StoreResult<()> {
    record(
        tx,
        (FollowKind::Candidate, &candidate.to_string()),
        notice,
        now,
    )
    .await?;
    let suggestion: Option<Option<i64>> =
        sqlx::query_scalar("SELECT suggestion_id FROM cycle_candidates WHERE id = $1")
            .bind(candidate)
            .fetch_optional(&mut *tx)
            .await?;
    if let Some(Some(suggestion)) = suggestion {
        record(
            tx,
            (FollowKind::Suggestion, &suggestion.to_string()),
            notice,
            now,
        )
        .await?;
    }
    Ok(())
}

/// Records "the plan is published" for the followers of every candidate that became topic
/// `topic_id` (called as it is published).
pub(in crate::store) async fn record_topic_published(
    tx: &mut Conn,
    topic_id: i64,
    now: i64,
) -> StoreResult<()> {
    let Some(topic) = published_topic(tx, topic_id).await? else {
        return Ok(());
    };
    let candidates: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM cycle_candidates WHERE became_year = $1 AND became_month = $2 ORDER BY id",
    )
    .bind(i64::from(topic.year))
    .bind(i64::from(topic.month))
    .fetch_all(&mut *tx)
    .await?;
    let notice = Notice::TopicPublished {
        topic: topic.theme.clone(),
        year: topic.year,
        month: topic.month,
        path: topic.path(),
    };
    for candidate in candidates {
        record_for_candidate(tx, candidate, &notice, now).await?;
    }
    Ok(())
}

impl Store {
    /// Records "task overdue" once for each unfinished task of a published topic whose due
    /// date passed on or after `since` and before `today` (Beijing dates, `YYYY-MM-DD`); a task
    /// whose due date moves is told again when the new one passes. Older tasks were overdue
    /// before anyone could follow them, and stay quiet. Returns how many were recorded.
    pub async fn tell_overdue_tasks(
        &self,
        (since, today): (&str, &str),
        now: i64,
    ) -> StoreResult<usize> {
        const OVERDUE: &str = "SELECT t.id, t.topic_id, t.title, t.due_date FROM tasks t
             JOIN topics p ON p.id = t.topic_id
             WHERE p.status = 'published' AND t.state <> 'done'
               AND t.due_date >= $1 AND t.due_date < $2
               AND (t.overdue_told_on IS NULL OR t.overdue_told_on <> t.due_date)
             ORDER BY t.id";
        // A look without the write lock first: on most days there is nothing to tell.
        let any: Vec<(i64, i64, String, String)> = sqlx::query_as(OVERDUE)
            .bind(since)
            .bind(today)
            .fetch_all(&self.pool)
            .await?;
        if any.is_empty() {
            return Ok(0);
        }
        let mut tx = self.write_tx().await?;
        let tasks: Vec<(i64, i64, String, String)> = sqlx::query_as(OVERDUE)
            .bind(since)
            .bind(today)
            .fetch_all(&mut *tx)
            .await?;
        for (task, topic, title, due) in &tasks {
            record_for_topic(&mut tx, *topic, now, |named| Notice::TaskOverdue {
                topic: named.theme.clone(),
                title: title.clone(),
                due: due.clone(),
                path: format!("{}#tasks-heading", named.path()),
            })
            .await?;
            sqlx::query("UPDATE tasks SET overdue_told_on = due_date WHERE id = $1")
                .bind(task)
                .execute(&mut *tx)
                .await?;
        }
        self.commit(tx).await?;
        Ok(tasks.len())
    }
}
