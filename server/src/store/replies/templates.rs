//! 答复模板: a department's standing answers, saved by name (saving under a name it already has
//! replaces that one: how a template is corrected), deleted by its department; each change in
//! the audit log, in the same transaction.

use crate::store::history::audit::audit;
use crate::store::{iso, Store, StoreError, StoreResult};
use app::model::{NotAdoptedReason, ReplyDecision, ReplyTemplate, StaffMember};

/// A template as validated.
#[derive(Clone, Debug)]
pub struct TemplateFields<'a> {
    pub department: &'a str,
    pub title: &'a str,
    pub decision: ReplyDecision,
    pub reason: Option<NotAdoptedReason>,
    pub body: &'a str,
    pub link: Option<&'a str>,
}

type Row = (
    i64,
    String,
    String,
    String,
    Option<String>,
    String,
    Option<String>,
    String,
    i64,
);

fn template(row: Row) -> StoreResult<ReplyTemplate> {
    let (id, department, title, decision, reason, body, link, updated_by, updated_at) = row;
    let corrupt = |what: &str, v: &str| StoreError::Corrupt(format!("template {what} {v:?}"));
    Ok(ReplyTemplate {
        id,
        department,
        title,
        decision: ReplyDecision::parse(&decision).ok_or_else(|| corrupt("decision", &decision))?,
        reason: reason
            .map(|r| NotAdoptedReason::parse(&r).ok_or_else(|| corrupt("reason", &r)))
            .transpose()?,
        body,
        link,
        updated_by,
        updated_at: iso(updated_at),
    })
}

impl Store {
    /// The templates of `department` (every department's for `None`), by department and name.
    pub async fn reply_templates(
        &self,
        department: Option<&str>,
    ) -> StoreResult<Vec<ReplyTemplate>> {
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT id, department, title, decision, reason_code, body, link, updated_by,
                    updated_at
             FROM reply_templates WHERE $1 IS NULL OR department = $2
             ORDER BY department, title",
        )
        .bind(department)
        .bind(department)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(template).collect()
    }

    /// Saves a template under its name (replacing the department's template of that name).
    pub async fn save_reply_template(
        &self,
        actor: &StaffMember,
        t: &TemplateFields<'_>,
        now: i64,
    ) -> StoreResult<()> {
        let mut tx = self.write_tx().await?;
        sqlx::query(
            "INSERT INTO reply_templates
                 (department, title, decision, reason_code, body, link, updated_by, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
             ON CONFLICT (department, title) DO UPDATE SET
                 decision = excluded.decision, reason_code = excluded.reason_code,
                 body = excluded.body, link = excluded.link,
                 updated_by = excluded.updated_by, updated_at = excluded.updated_at",
        )
        .bind(t.department)
        .bind(t.title)
        .bind(t.decision.as_str())
        .bind(t.reason.map(NotAdoptedReason::as_str))
        .bind(t.body)
        .bind(t.link)
        .bind(&actor.username)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        let subject = format!("{}: {}", t.department, t.title);
        audit(
            &mut tx,
            now,
            &actor.username,
            "reply_template.save",
            &subject,
            t.decision.as_str(),
        )
        .await?;
        self.commit(tx).await
    }

    /// Deletes template `id` of `department` (any department's for `None`); `false`: none such.
    pub async fn delete_reply_template(
        &self,
        actor: &StaffMember,
        id: i64,
        department: Option<&str>,
        now: i64,
    ) -> StoreResult<bool> {
        let mut tx = self.write_tx().await?;
        let gone: Option<(String, String)> = sqlx::query_as(
            "DELETE FROM reply_templates WHERE id = $1 AND ($2 IS NULL OR department = $3)
             RETURNING department, title",
        )
        .bind(id)
        .bind(department)
        .bind(department)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((department, title)) = gone else {
            return Ok(false);
        };
        let subject = format!("{department}: {title}");
        audit(
            &mut tx,
            now,
            &actor.username,
            "reply_template.delete",
            &subject,
            "",
        )
        .await?;
        self.commit(tx).await?;
        Ok(true)
    }
}
