//! Who may speak for whom, stored: permissions granted to accounts (`staff_grants`), a topic's
//! cooperating departments (配合部门), and moderators' redactions of suggestions with the text
//! before them (`suggestion_revisions`, append-only, staff-only). Every change writes its audit
//! entry in the same transaction; a redaction's audit line carries the reason, never the text.

use crate::store::history::audit::audit;
use crate::store::history::audited_edit::{EditOf, Edited};
use crate::store::{Store, StoreResult};
use app::model::{redact, Department, Entity, Grant, StaffMember, SuggestionRevision};

/// What a redaction did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Redacted {
    Done,
    NoSuchSuggestion,
    /// The span occurs in neither the title nor the description.
    SpanNotFound,
}

impl Store {
    /// The grants an account holds.
    pub(in crate::store) async fn grants_of(&self, staff_id: i64) -> StoreResult<Vec<Grant>> {
        let kinds: Vec<String> =
            sqlx::query_scalar("SELECT grant_kind FROM staff_grants WHERE staff_id = $1")
                .bind(staff_id)
                .fetch_all(&self.pool)
                .await?;
        Ok(kinds.iter().filter_map(|k| Grant::parse(k)).collect())
    }

    /// Grants (`on`) or revokes a permission; `false` when the account does not exist.
    pub async fn set_grant(
        &self,
        actor: &StaffMember,
        staff_id: i64,
        grant: Grant,
        on: bool,
        now: i64,
    ) -> StoreResult<bool> {
        let mut tx = self.write_tx().await?;
        let username: Option<String> =
            sqlx::query_scalar("SELECT username FROM staff WHERE id = $1")
                .bind(staff_id)
                .fetch_optional(&mut *tx)
                .await?;
        let Some(username) = username else {
            return Ok(false);
        };
        sqlx::query("DELETE FROM staff_grants WHERE staff_id = $1 AND grant_kind = $2")
            .bind(staff_id)
            .bind(grant.as_str())
            .execute(&mut *tx)
            .await?;
        if on {
            sqlx::query(
                "INSERT INTO staff_grants (staff_id, grant_kind, granted_by, granted_at)
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(staff_id)
            .bind(grant.as_str())
            .bind(&actor.username)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        }
        let action = if on { "staff.grant" } else { "staff.revoke" };
        audit(
            &mut tx,
            now,
            &actor.username,
            action,
            &username,
            grant.as_str(),
        )
        .await?;
        self.commit(tx).await?;
        Ok(true)
    }

    /// The ids of a topic's lead and cooperating departments: who an editor may post for.
    pub async fn topic_bodies(&self, year: i32, month: u8) -> StoreResult<Vec<i64>> {
        let ids: Vec<i64> = sqlx::query_scalar(
            "SELECT lead_department_id FROM topics
             WHERE year = $1 AND month = $2 AND lead_department_id IS NOT NULL
             UNION
             SELECT c.department_id FROM topic_cooperating c JOIN topics t ON t.id = c.topic_id
             WHERE t.year = $1 AND t.month = $2",
        )
        .bind(year)
        .bind(i64::from(month))
        .fetch_all(&self.pool)
        .await?;
        Ok(ids)
    }

    /// A topic's cooperating departments (配合部门), by name.
    pub async fn topic_cooperating(&self, topic_id: i64) -> StoreResult<Vec<Department>> {
        let rows: Vec<(i64, String)> = sqlx::query_as(
            "SELECT d.id, d.name FROM topic_cooperating c JOIN departments d ON d.id = c.department_id
             WHERE c.topic_id = $1 ORDER BY d.name",
        )
        .bind(topic_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(id, name)| Department { id, name })
            .collect())
    }

    /// Replaces a topic's cooperating departments (the lead is never one of them); `false`
    /// when the topic does not exist.
    pub async fn set_topic_cooperating(
        &self,
        actor: &StaffMember,
        topic_id: i64,
        department_ids: &[i64],
        now: i64,
    ) -> StoreResult<bool> {
        let of = EditOf {
            actor: &actor.username,
            entity: Entity::Topic,
            id: topic_id,
            action: "topic.cooperating",
            now,
        };
        let saved = self
            .audited_edit(of, async |tx| {
                let (theme, lead): (String, Option<i64>) =
                    sqlx::query_as("SELECT theme, lead_department_id FROM topics WHERE id = $1")
                        .bind(topic_id)
                        .fetch_one(&mut *tx)
                        .await?;
                sqlx::query("DELETE FROM topic_cooperating WHERE topic_id = $1")
                    .bind(topic_id)
                    .execute(&mut *tx)
                    .await?;
                let mut names = Vec::new();
                for id in department_ids.iter().filter(|id| Some(**id) != lead) {
                    let name: Option<String> =
                        sqlx::query_scalar("SELECT name FROM departments WHERE id = $1")
                            .bind(id)
                            .fetch_optional(&mut *tx)
                            .await?;
                    let Some(name) = name else { continue };
                    if names.contains(&name) {
                        continue;
                    }
                    sqlx::query(
                        "INSERT INTO topic_cooperating (topic_id, department_id) VALUES ($1, $2)",
                    )
                    .bind(topic_id)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                    names.push(name);
                }
                let subject = format!("topic {topic_id}: {theme}");
                Ok(Ok(Edited::new(subject, ()).detail(names.join("、"))))
            })
            .await?;
        Ok(saved.is_some())
    }

    /// Replaces `span` with 【已隐去】 in a suggestion's title and description, keeping the text
    /// before it in `suggestion_revisions`.
    pub async fn redact_suggestion(
        &self,
        actor: &StaffMember,
        id: i64,
        span: &str,
        reason: &str,
        now: i64,
    ) -> StoreResult<Redacted> {
        let mut tx = self.write_tx().await?;
        let row: Option<(String, String)> =
            sqlx::query_as("SELECT title, description FROM suggestions WHERE id = $1")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
        let Some((title, description)) = row else {
            return Ok(Redacted::NoSuchSuggestion);
        };
        let new_title = redact(&title, span);
        let new_description = redact(&description, span);
        if new_title.is_none() && new_description.is_none() {
            return Ok(Redacted::SpanNotFound);
        }
        sqlx::query(
            "INSERT INTO suggestion_revisions
                 (suggestion_id, at, username, reason, title_before, description_before)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(id)
        .bind(now)
        .bind(&actor.username)
        .bind(reason)
        .bind(&title)
        .bind(&description)
        .execute(&mut *tx)
        .await?;
        let shown_title = new_title.unwrap_or(title);
        sqlx::query("UPDATE suggestions SET title = $1, description = $2 WHERE id = $3")
            .bind(&shown_title)
            .bind(new_description.unwrap_or(description))
            .bind(id)
            .execute(&mut *tx)
            .await?;
        audit(
            &mut tx,
            now,
            &actor.username,
            "suggestion.redact",
            &format!("suggestion {id}: {shown_title}"),
            reason,
        )
        .await?;
        self.commit(tx).await?;
        Ok(Redacted::Done)
    }

    /// Every redaction, newest first, for the moderation page (staff only).
    pub async fn suggestion_revisions(&self) -> StoreResult<Vec<SuggestionRevision>> {
        let rows: Vec<(i64, i64, String, String, String, String)> = sqlx::query_as(
            "SELECT suggestion_id, at, username, reason, title_before, description_before
             FROM suggestion_revisions ORDER BY id DESC LIMIT 200",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(
                |(suggestion_id, at, username, reason, title_before, description_before)| {
                    SuggestionRevision {
                        suggestion_id,
                        at: jiff::Timestamp::from_second(at)
                            .map(|t| t.to_string())
                            .unwrap_or_default(),
                        username,
                        reason,
                        title_before,
                        description_before,
                    }
                },
            )
            .collect())
    }
}
