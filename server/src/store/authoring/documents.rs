//! Editors' corrections to policies (政策) and progress reports (月度进展): a published document
//! is fixed in place, and each save keeps the earlier version in its revision history.

use crate::store::authoring::edits::Saved;
use crate::store::history::audited_edit::{EditOf, Edited};
use crate::store::{Store, StoreError, StoreResult};
use app::model::{EditorPolicy, EditorReport, Entity, PublishState, StaffMember};

/// A policy's fields as validated from the form.
#[derive(Clone, Debug)]
pub struct PolicyFields {
    pub title: String,
    pub doc_no: Option<String>,
    pub issuer: String,
    pub issued: Option<String>,
    pub effective: Option<String>,
    pub source: Option<String>,
}

/// A report's fields as validated from the form.
#[derive(Clone, Debug)]
pub struct ReportFields {
    pub date: String,
    pub kind: &'static str,
    pub title: String,
    pub author: String,
    /// The body from the list, when it is one (the public page links it).
    pub author_department: Option<i64>,
    pub body_markdown: String,
}

/// The topic a report belongs to (its month decides which bodies may be its author).
#[derive(Clone, Copy, Debug)]
pub struct ReportTopic {
    pub id: i64,
    pub year: i32,
    pub month: u8,
}

impl Store {
    pub async fn editor_policy(&self, id: i64) -> StoreResult<Option<EditorPolicy>> {
        #[derive(sqlx::FromRow)]
        struct Row {
            title: String,
            doc_no: Option<String>,
            issuer: String,
            issued: Option<String>,
            effective: Option<String>,
            source: Option<String>,
            status: String,
        }
        let row: Option<Row> = sqlx::query_as(
            "SELECT title, doc_no, issuer, issued, effective, source,
                    CASE WHEN w.reason IS NULL THEN status ELSE 'withdrawn' END AS status
             FROM policies LEFT JOIN withdrawals w ON w.entity = 'policy' AND w.entity_id = id
             WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| {
            Ok(EditorPolicy {
                id,
                title: r.title,
                doc_no: r.doc_no.unwrap_or_default(),
                issuer: r.issuer,
                issued: r.issued.unwrap_or_default(),
                effective: r.effective.unwrap_or_default(),
                source: r.source.unwrap_or_default(),
                state: crate::store::publish_state(&r.status)?,
                bodies: Vec::new(),
            })
        })
        .transpose()
    }

    pub async fn save_policy(
        &self,
        actor: &StaffMember,
        id: i64,
        f: &PolicyFields,
        now: i64,
    ) -> StoreResult<Saved> {
        let of = EditOf {
            actor: &actor.username,
            entity: Entity::Policy,
            id,
            action: "policy.edit",
            now,
        };
        let edited = self
            .audited_edit(of, async |tx| {
                let taken: i64 = sqlx::query_scalar(
                    "SELECT COUNT(*) FROM policies WHERE title = $1 AND id <> $2",
                )
                .bind(&f.title)
                .bind(id)
                .fetch_one(&mut *tx)
                .await?;
                if taken > 0 {
                    return Ok(Err(Saved::Duplicate));
                }
                sqlx::query(
                    "UPDATE policies SET title = $1, doc_no = $2, issuer = $3, issued = $4,
                            effective = $5, source = $6,
                            published_by = CASE WHEN origin = 'staff' THEN $3 ELSE NULL END,
                            published_on = CASE WHEN origin = 'staff' THEN $4 ELSE NULL END
                      WHERE id = $7",
                )
                .bind(&f.title)
                .bind(&f.doc_no)
                .bind(&f.issuer)
                .bind(&f.issued)
                .bind(&f.effective)
                .bind(&f.source)
                .bind(id)
                .execute(&mut *tx)
                .await?;
                Ok(Ok(Edited::new(
                    format!("policy {id}: {}", f.title),
                    Saved::Done(id),
                )))
            })
            .await?;
        Ok(edited.unwrap_or(Saved::Missing))
    }

    pub async fn editor_report(&self, id: i64) -> StoreResult<Option<EditorReport>> {
        #[derive(sqlx::FromRow)]
        struct Row {
            topic_id: i64,
            report_date: String,
            kind: String,
            title: String,
            author: String,
            body_markdown: String,
            author_department_id: Option<i64>,
            withdrawn_reason: Option<String>,
        }
        let row: Option<Row> = sqlx::query_as(
            "SELECT topic_id, report_date, kind, title, author, body_markdown, author_department_id,
                    withdrawn_reason
             FROM reports WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|r| EditorReport {
            id,
            topic_id: app::model::TopicId(r.topic_id),
            date: r.report_date,
            kind: r.kind,
            title: r.title,
            author: r.author,
            body_markdown: r.body_markdown,
            author_department: r.author_department_id,
            bodies: Vec::new(),
            role: app::model::Role::Editor,
            withdrawn_reason: r.withdrawn_reason,
        }))
    }

    /// A report's current author `(name, department)` and its topic, for a correction.
    pub async fn report_topic(
        &self,
        id: i64,
    ) -> StoreResult<Option<((String, Option<i64>), ReportTopic)>> {
        let row: Option<(String, Option<i64>, i64, i64, i64)> = sqlx::query_as(
            "SELECT r.author, r.author_department_id, t.id, t.year, t.month
             FROM reports r JOIN topics t ON t.id = r.topic_id WHERE r.id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|(author, department, id, year, month)| {
            let month =
                u8::try_from(month).map_err(|_| StoreError::Corrupt("topic month".into()))?;
            let year = i32::try_from(year).map_err(|_| StoreError::Corrupt("topic year".into()))?;
            Ok(((author, department), ReportTopic { id, year, month }))
        })
        .transpose()
    }

    pub async fn save_report(
        &self,
        actor: &StaffMember,
        id: i64,
        f: &ReportFields,
        now: i64,
    ) -> StoreResult<Saved> {
        let of = EditOf {
            actor: &actor.username,
            entity: Entity::Report,
            id,
            action: "report.edit",
            now,
        };
        let edited = self
            .audited_edit(of, async |tx| {
                sqlx::query(
                    "UPDATE reports SET report_date = $1, kind = $2, title = $3, author = $4,
                            body_markdown = $5, body_html = $6, author_department_id = $7
                      WHERE id = $8",
                )
                .bind(&f.date)
                .bind(f.kind)
                .bind(&f.title)
                .bind(&f.author)
                .bind(&f.body_markdown)
                .bind(crate::richtext::to_safe_html(&f.body_markdown))
                .bind(f.author_department)
                .bind(id)
                .execute(&mut *tx)
                .await?;
                Ok(Ok(Edited::new(
                    format!("report {id}: {}", f.title),
                    Saved::Done(id),
                )))
            })
            .await?;
        Ok(edited.unwrap_or(Saved::Missing))
    }

    /// A topic's policies (drafts included) and reports, for links from the topic editor.
    pub async fn topic_documents(
        &self,
        topic_id: i64,
    ) -> StoreResult<(Vec<(i64, String, PublishState)>, Vec<(i64, String, String)>)> {
        let policies: Vec<(i64, String, String)> = sqlx::query_as(
            "SELECT po.id, po.title, CASE WHEN w.reason IS NULL THEN po.status ELSE 'withdrawn' END
             FROM topic_policies tp JOIN policies po ON po.id = tp.policy_id
             LEFT JOIN withdrawals w ON w.entity = 'policy' AND w.entity_id = po.id
             WHERE tp.topic_id = $1 ORDER BY po.id",
        )
        .bind(topic_id)
        .fetch_all(&self.pool)
        .await?;
        let reports: Vec<(i64, String, String)> = sqlx::query_as(
            "SELECT id, report_date, title FROM reports WHERE topic_id = $1
             ORDER BY report_date DESC, id DESC",
        )
        .bind(topic_id)
        .fetch_all(&self.pool)
        .await?;
        Ok((
            policies
                .into_iter()
                .map(|(id, title, status)| Ok((id, title, crate::store::publish_state(&status)?)))
                .collect::<StoreResult<_>>()?,
            reports,
        ))
    }
}
