//! 我要点菜: residents' suggestions, their moderation (pending → published or rejected with a
//! reason the author reads by receipt) and promotion to a candidate of an upcoming cycle.

use crate::store::history::audit::audit;
use crate::store::notify::notice::record;
use crate::store::replies::crossing::collecting_cycle;
use crate::store::{Notice, Store, StoreError, StoreResult};
use app::model::{FollowKind, NotPublishedReason, StaffMember, Suggestion, SuggestionState};

/// A moderator's decision on a pending suggestion.
#[derive(Clone, Copy, Debug)]
pub enum Decision<'a> {
    /// 公开.
    Publish,
    /// 不公开: why, as a code, and the moderator's note beside it (required for `Other`).
    NotPublished {
        code: NotPublishedReason,
        note: Option<&'a str>,
    },
}

/// A suggestion as validated from the form.
#[derive(Clone, Debug)]
pub struct NewSuggestion {
    pub title: String,
    pub description: String,
    pub district: String,
    pub category: String,
    pub receipt: String,
    pub voter: String,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    title: String,
    description: String,
    district: String,
    category: String,
    status: String,
    reason: Option<String>,
    supporters: i64,
}

const SELECT: &str =
    "SELECT s.id, s.title, s.description, s.district, s.category, s.status, s.reason,
        (SELECT COUNT(*) FROM suggestion_supports p
         WHERE p.suggestion_id = s.id AND p.status = 'counted') AS supporters
    FROM suggestions s";

impl Row {
    /// An unknown stored status is a corrupt row, not a pending suggestion.
    fn into_suggestion(self) -> StoreResult<Suggestion> {
        let state = SuggestionState::parse(&self.status).ok_or_else(|| {
            StoreError::Corrupt(format!("unknown suggestion status {:?}", self.status))
        })?;
        Ok(Suggestion {
            id: self.id,
            title: self.title,
            description: self.description,
            district: self.district,
            category: self.category,
            state,
            reason: self.reason,
            supporters: u32::try_from(self.supporters).unwrap_or(0),
            reply: None,
        })
    }
}

impl Store {
    pub async fn add_suggestion(&self, s: &NewSuggestion, now: i64) -> StoreResult<()> {
        let mut tx = self.write_tx().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO suggestions (title, description, district, category, receipt, status, voter, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(&s.title)
        .bind(&s.description)
        .bind(&s.district)
        .bind(&s.category)
        .bind(&s.receipt)
        .bind(SuggestionState::Pending.as_str())
        .bind(&s.voter)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        // The author supports their own suggestion.
        sqlx::query(
            "INSERT INTO suggestion_supports (suggestion_id, voter, at) VALUES ($1, $2, $3)",
        )
        .bind(id)
        .bind(&s.voter)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        self.commit(tx).await?;
        Ok(())
    }

    /// What one voter (a device) sent, newest first (the last 20), and which published
    /// suggestions it supported, its own included.
    pub async fn own_suggestions(&self, voter: &str) -> StoreResult<app::model::OwnSuggestions> {
        let rows: Vec<(i64, String, String, String, i64)> = sqlx::query_as(
            "SELECT id, receipt, title, status, created_at FROM suggestions
             WHERE voter = $1 ORDER BY id DESC LIMIT 20",
        )
        .bind(voter)
        .fetch_all(&self.pool)
        .await?;
        let sent = rows
            .into_iter()
            .map(|(id, receipt, title, status, at)| {
                Ok(app::model::OwnSuggestion {
                    id,
                    receipt,
                    title,
                    state: SuggestionState::parse(&status)
                        .ok_or_else(|| StoreError::Corrupt(format!("suggestion state {status}")))?,
                    at: crate::store::iso(at),
                })
            })
            .collect::<StoreResult<_>>()?;
        let supported: Vec<i64> = sqlx::query_scalar(
            "SELECT suggestion_id FROM suggestion_supports WHERE voter = $1 ORDER BY suggestion_id",
        )
        .bind(voter)
        .fetch_all(&self.pool)
        .await?;
        Ok(app::model::OwnSuggestions { sent, supported })
    }

    /// Published suggestions, most supported first; or pending ones, oldest first (moderators).
    pub async fn suggestions(&self, state: SuggestionState) -> StoreResult<Vec<Suggestion>> {
        let order = match state {
            SuggestionState::Pending => "s.id",
            _ => "supporters DESC, s.id DESC",
        };
        let rows: Vec<Row> = sqlx::query_as(&format!(
            "{SELECT} WHERE s.status = $1 ORDER BY {order} LIMIT 200"
        ))
        .bind(state.as_str())
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(Row::into_suggestion).collect()
    }

    /// Suggestion `id` in any state, with its receipt code (a follow's mail links to it).
    pub async fn suggestion(&self, id: i64) -> StoreResult<Option<(Suggestion, String)>> {
        let receipt: Option<String> =
            sqlx::query_scalar("SELECT receipt FROM suggestions WHERE id = $1")
                .bind(id)
                .fetch_optional(&self.pool)
                .await?;
        let Some(receipt) = receipt else {
            return Ok(None);
        };
        Ok(self
            .suggestion_by_receipt(&receipt)
            .await?
            .map(|s| (s, receipt)))
    }

    pub async fn suggestion_by_receipt(&self, receipt: &str) -> StoreResult<Option<Suggestion>> {
        let row: Option<Row> = sqlx::query_as(&format!("{SELECT} WHERE s.receipt = $1"))
            .bind(receipt)
            .fetch_optional(&self.pool)
            .await?;
        row.map(Row::into_suggestion).transpose()
    }

    /// Publishes a pending suggestion or decides not to (with a coded reason and the note, if
    /// any), recording the notice to its followers in the same transaction; false if it is
    /// not pending.
    pub async fn moderate_suggestion(
        &self,
        actor: &StaffMember,
        (id, decision): (i64, Decision<'_>),
        now: i64,
    ) -> StoreResult<bool> {
        let (publish, code, reason) = match decision {
            Decision::Publish => (true, None, None),
            Decision::NotPublished { code, note } => (false, Some(code), note),
        };
        let mut tx = self.write_tx().await?;
        let found: Option<(String, String)> = sqlx::query_as(
            "UPDATE suggestions SET status = $1, reason = $2, reason_code = $3, decided_at = $4
             WHERE id = $5 AND status = $6
             RETURNING title, receipt",
        )
        .bind(
            if publish {
                SuggestionState::Published
            } else {
                SuggestionState::Rejected
            }
            .as_str(),
        )
        .bind(reason)
        .bind(code.map(NotPublishedReason::as_str))
        .bind(now)
        .bind(id)
        .bind(SuggestionState::Pending.as_str())
        .fetch_optional(&mut *tx)
        .await?;
        let Some((title, receipt)) = found else {
            return Ok(false);
        };
        if publish {
            // Collected for the next round: its reply rule decides whether it is owed an answer.
            let cycle = collecting_cycle(&mut tx, now).await?;
            sqlx::query("UPDATE suggestions SET cycle_id = $1 WHERE id = $2")
                .bind(cycle)
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        let notice = match code {
            None => Notice::SuggestionPublished {
                title: title.clone(),
                path: app::paths::suggestion(id),
            },
            Some(code) => Notice::SuggestionNotPublished {
                title: title.clone(),
                code,
                reason: reason.unwrap_or_default().to_string(),
                // Only its author could follow it (by receipt): the receipt page says why.
                path: app::paths::receipt(&receipt),
            },
        };
        record(
            &mut tx,
            (FollowKind::Suggestion, &id.to_string()),
            &notice,
            now,
        )
        .await?;
        let action = if publish {
            "suggestion.publish"
        } else {
            "suggestion.reject"
        };
        audit(
            &mut tx,
            now,
            &actor.username,
            action,
            &format!("suggestion {id}: {title}"),
            &code
                .map(|c| {
                    format!("{} {}", c.as_str(), reason.unwrap_or(""))
                        .trim()
                        .to_string()
                })
                .unwrap_or_default(),
        )
        .await?;
        self.commit(tx).await?;
        Ok(true)
    }

    /// Makes a published suggestion a candidate of a cycle that has not opened yet, telling
    /// its followers in the same transaction; once (a second promotion, a double submit or a
    /// second moderator, is refused).
    pub async fn promote_suggestion(
        &self,
        actor: &StaffMember,
        (id, cycle_slug): (i64, &str),
        now: i64,
    ) -> StoreResult<bool> {
        let mut tx = self.write_tx().await?;
        let cycle: Option<(i64, String)> = sqlx::query_as(
            "SELECT id, title FROM cycles WHERE slug = $1 AND (opens_at > $2 OR awaits_open = 1)",
        )
        .bind(cycle_slug)
        .bind(now)
        .fetch_optional(&mut *tx)
        .await?;
        let suggestion: Option<(String, String, i64)> = sqlx::query_as(
            "SELECT s.title, s.description,
                    (SELECT COUNT(*) FROM suggestion_supports p
                     WHERE p.suggestion_id = s.id AND p.status = 'counted')
             FROM suggestions s WHERE s.id = $1 AND s.status = $2
               AND NOT EXISTS (SELECT 1 FROM cycle_candidates k WHERE k.suggestion_id = s.id)",
        )
        .bind(id)
        .bind(SuggestionState::Published.as_str())
        .fetch_optional(&mut *tx)
        .await?;
        let (Some((cycle, cycle_title)), Some((title, description, supporters))) =
            (cycle, suggestion)
        else {
            return Ok(false);
        };
        let candidate: i64 = sqlx::query_scalar(
            "INSERT INTO cycle_candidates (cycle_id, position, title, description, evidence, suggestion_id, is_sample)
             SELECT $1, COALESCE(MAX(position), 0) + 1, $2, $3, $4, $5, 0 FROM cycle_candidates WHERE cycle_id = $1
             RETURNING id",
        )
        .bind(cycle)
        .bind(&title)
        .bind(&description)
        .bind(format!("市民建议，{supporters} 人支持。热线数据摘要待补充。"))
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query("UPDATE suggestions SET promoted_at = $1 WHERE id = $2")
            .bind(now)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        record(
            &mut tx,
            (FollowKind::Suggestion, &id.to_string()),
            &Notice::SuggestionPromoted {
                title: title.clone(),
                cycle: cycle_title,
                path: app::paths::candidate(cycle_slug, candidate),
            },
            now,
        )
        .await?;
        audit(
            &mut tx,
            now,
            &actor.username,
            "suggestion.promote",
            &format!("suggestion {id}: {title}"),
            cycle_slug,
        )
        .await?;
        self.commit(tx).await?;
        Ok(true)
    }
}
