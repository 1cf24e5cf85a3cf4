//! 答复排行榜 as stored: the replies whose first date judged falls in a month, with the
//! counted ratings of their answers, handed to the model's league (which does the counting,
//! so the page, the CSV and the API share one table).

use crate::store::topics::read::PUBLISHED_TOPICS;
use crate::store::{beijing_today, Store, StoreError, StoreResult};
use app::model::{league_lines, League, LeagueMonth, LeagueReply, OnTime, Scores};
use std::collections::HashMap;

/// `(id, department, district, crossed at, date judged, first answered at, reopened at,
/// sample)`.
type Row = (
    i64,
    String,
    Option<String>,
    i64,
    String,
    Option<i64>,
    Option<i64>,
    i64,
);

/// The first date judged: the extension's, else the due date (重办's new date is judged as
/// its own measure, the 重办率).
const JUDGED: &str = "COALESCE(r.extended_to, r.due_on)";

fn date(text: &str) -> StoreResult<jiff::civil::Date> {
    text.parse()
        .map_err(|_| StoreError::Corrupt(format!("reply date {text:?}")))
}

impl Store {
    /// Months (`YYYY-MM`) with replies judged in them, newest first.
    pub async fn league_months(&self) -> StoreResult<Vec<String>> {
        let sql = format!(
            "SELECT DISTINCT substr({JUDGED}, 1, 7) AS month FROM replies r ORDER BY month DESC"
        );
        Ok(sqlx::query_scalar(&sql).fetch_all(&self.pool).await?)
    }

    /// The league of `month` (`YYYY-MM`), judged on the Beijing day of `now`.
    pub async fn league(&self, month: &str, now: i64) -> StoreResult<League> {
        self.league_on(month, beijing_today(now)?).await
    }

    /// `department`'s line in every month's league it owed replies in, oldest first.
    pub async fn department_league(
        &self,
        department: &str,
        today: jiff::civil::Date,
    ) -> StoreResult<Vec<LeagueMonth>> {
        let mut months = self.league_months().await?;
        months.reverse();
        let mut history = Vec::new();
        for month in months {
            let league = self.league_on(&month, today).await?;
            if let Some(line) = league
                .departments
                .into_iter()
                .find(|l| l.name == department)
            {
                history.push(LeagueMonth { month, line });
            }
        }
        Ok(history)
    }

    /// The on-time record of `department`'s tasks in published topics due in `month`.
    async fn tasks_due_in(
        &self,
        department: &str,
        month: &str,
        today: jiff::civil::Date,
    ) -> StoreResult<OnTime> {
        let id: Option<i64> = sqlx::query_scalar("SELECT id FROM departments WHERE name = $1")
            .bind(department)
            .fetch_optional(&self.pool)
            .await?;
        let Some(id) = id else {
            return Ok(OnTime::default());
        };
        let tasks = self
            .tasks_where(
                &format!("t.owner_department_id = $1 AND t.topic_id IN {PUBLISHED_TOPICS}"),
                id,
                &today.to_string(),
            )
            .await?;
        Ok(OnTime::of(
            tasks.iter().filter(|t| t.due.starts_with(month)),
        ))
    }

    async fn league_on(&self, month: &str, today: jiff::civil::Date) -> StoreResult<League> {
        let pattern = format!("{month}-%");
        let sql = format!(
            "SELECT r.id, r.department, s.district, r.crossed_at, {JUDGED},
                    COALESCE(r.first_replied_at, r.replied_at), r.reopened_at, c.is_sample
             FROM replies r JOIN cycles c ON c.id = r.cycle_id
             LEFT JOIN suggestions s ON r.item_kind = 'suggestion' AND s.id = r.item_id
             WHERE {JUDGED} LIKE $1 ORDER BY r.id"
        );
        let rows: Vec<Row> = sqlx::query_as(&sql)
            .bind(&pattern)
            .fetch_all(&self.pool)
            .await?;
        let sql = format!(
            "SELECT g.reply_id, g.solved, g.attitude, g.speed
             FROM reply_ratings g JOIN replies r ON r.id = g.reply_id
             WHERE g.state = 'counted' AND {JUDGED} LIKE $1"
        );
        let rated: Vec<(i64, i64, i64, i64)> = sqlx::query_as(&sql)
            .bind(&pattern)
            .fetch_all(&self.pool)
            .await?;
        let mut ratings: HashMap<i64, Vec<Scores>> = HashMap::new();
        for (reply, solved, attitude, speed) in rated {
            let n = |v: i64| u8::try_from(v).unwrap_or(0);
            ratings.entry(reply).or_default().push(Scores {
                solved: n(solved),
                attitude: n(attitude),
                speed: n(speed),
            });
        }
        let mut is_sample = false;
        let mut replies = Vec::with_capacity(rows.len());
        for (id, department, district, crossed, judged, answered, reopened, sample) in rows {
            is_sample |= sample != 0;
            replies.push(LeagueReply {
                department,
                district,
                crossed_on: crate::store::replies::crossing::beijing_date(crossed)?,
                judged_on: date(&judged)?,
                answered_on: answered
                    .map(crate::store::replies::crossing::beijing_date)
                    .transpose()?,
                reopened: reopened.is_some(),
                ratings: ratings.remove(&id).unwrap_or_default(),
            });
        }
        let mut departments = Vec::new();
        for line in league_lines(&replies, |r| Some(r.department.as_str())) {
            let record = self.tasks_due_in(&line.name, month, today).await?;
            departments.push(line.with_tasks(record));
        }
        Ok(League {
            month: month.to_string(),
            today: today.to_string(),
            departments,
            districts: league_lines(&replies, |r| r.district.as_deref()),
            months: self.league_months().await?,
            is_sample,
        })
    }
}
