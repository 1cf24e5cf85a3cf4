//! The staff actions that change published data: policy drafts and publication, progress
//! reports (task status is in `task_progress.rs`). Each writes its audit entry in the same transaction as the change.

use crate::store::history::audited_edit::{EditOf, Edited, SaveOf};
use crate::store::notify::topic_notices::record_for_topic;
use crate::store::topics::read::{PolicyRecord, POLICY_COLUMNS};
use crate::store::{Notice, Store, StoreResult};
use app::model::{Entity, Policy, PublishState, StaffMember};

/// A new draft policy as an editor typed it (already validated).
#[derive(Clone, Debug)]
pub struct DraftPolicy {
    pub title: String,
    pub issuer: String,
    pub issued: Option<String>,
    pub topic: Option<(i32, u8)>,
}

impl Store {
    /// The department owning a task, for the permission check.
    pub async fn task_owner(&self, task_id: i64) -> StoreResult<Option<i64>> {
        Ok(
            sqlx::query_scalar("SELECT owner_department_id FROM tasks WHERE id = $1")
                .bind(task_id)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    pub async fn create_draft_policy(
        &self,
        actor: &StaffMember,
        draft: &DraftPolicy,
        now: i64,
    ) -> StoreResult<i64> {
        let of = SaveOf::new(
            &actor.username,
            Entity::Policy,
            None,
            ["policy.draft", "policy.draft"],
            now,
        );
        let saved = self
            .audited_save(of, (), async |tx| {
                let id: i64 = sqlx::query_scalar(
                    // An editor's policy is 官方发布 by its issuer on its date, never 已证实 on its
                    // own word: `confidence` stays 'uncertain' until a source of its own is added.
                    "INSERT INTO policies (title, issuer, issued, answers, confidence, is_sample,
                                           status, origin, published_by, published_on)
                     VALUES ($1, $2, $3, '', 'uncertain', 0, 'draft', 'staff', $2, $3) RETURNING id",
                )
                .bind(&draft.title)
                .bind(&draft.issuer)
                .bind(&draft.issued)
                .fetch_one(&mut *tx)
                .await?;
                if let Some((year, month)) = draft.topic {
                    sqlx::query(
                        "INSERT INTO topic_policies (topic_id, policy_id)
                         SELECT id, $1 FROM topics WHERE year = $2 AND month = $3",
                    )
                    .bind(id)
                    .bind(year)
                    .bind(i64::from(month))
                    .execute(&mut *tx)
                    .await?;
                }
                Ok(Ok(Edited::new(format!("policy {id}: {}", draft.title), id)))
            })
            .await?;
        // A new item has no version to miss and this save never refuses.
        saved.map_err(|()| crate::store::StoreError::Corrupt("a new draft was refused".into()))
    }

    /// Publishes a draft; false when there is no such draft.
    pub async fn publish_policy(
        &self,
        actor: &StaffMember,
        id: i64,
        now: i64,
    ) -> StoreResult<bool> {
        let of = EditOf {
            actor: &actor.username,
            entity: Entity::Policy,
            id,
            action: "policy.publish",
            now,
        };
        let published = self
            .audited_edit(of, async |tx| {
                let title: Option<String> = sqlx::query_scalar(
                    "UPDATE policies SET status = 'published' WHERE id = $1 AND status = 'draft'
                     RETURNING title",
                )
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
                let Some(title) = title else {
                    return Ok(Err(false));
                };
                let restored: Option<i64> = sqlx::query_scalar(
                    "SELECT entity_id FROM withdrawals WHERE entity = $1 AND entity_id = $2",
                )
                .bind(crate::store::Withdrawable::Policy.token())
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
                Store::clear_withdrawal(tx, crate::store::Withdrawable::Policy, id).await?;
                // The followers of each topic it is listed under, the first time it is out.
                let topics: Vec<i64> = sqlx::query_scalar(
                    "SELECT topic_id FROM topic_policies WHERE policy_id = $1 ORDER BY topic_id",
                )
                .bind(id)
                .fetch_all(&mut *tx)
                .await?;
                for topic in topics.into_iter().filter(|_| restored.is_none()) {
                    record_for_topic(tx, topic, now, |named| Notice::TopicPolicy {
                        topic: named.theme.clone(),
                        title: title.clone(),
                        path: app::paths::policy(id),
                    })
                    .await?;
                }
                Ok(Ok(Edited::new(format!("policy {id}: {title}"), true)))
            })
            .await?;
        Ok(published.unwrap_or(false))
    }

    /// Policies not public: drafts and withdrawn ones (撤回), each with its state, newest first.
    pub async fn draft_policies(&self) -> StoreResult<Vec<(Policy, PublishState)>> {
        let rows: Vec<PolicyRecord> = sqlx::query_as(&format!(
            "SELECT {POLICY_COLUMNS} FROM policies po WHERE po.status = 'draft' ORDER BY po.id DESC"
        ))
        .fetch_all(&self.pool)
        .await?;
        let withdrawn: Vec<(i64,)> =
            sqlx::query_as("SELECT entity_id FROM withdrawals WHERE entity = 'policy'")
                .fetch_all(&self.pool)
                .await?;
        rows.into_iter()
            .map(|row| {
                let policy = row.into_policy()?;
                let state = if withdrawn.iter().any(|(id,)| *id == policy.id) {
                    PublishState::Withdrawn
                } else {
                    PublishState::Draft
                };
                Ok((policy, state))
            })
            .collect()
    }

    /// A draft policy as its public page would show it, for the 草稿预览 of members who author.
    /// A withdrawn policy is not previewed: its public page says 已撤回.
    pub async fn policy_preview(&self, id: i64) -> StoreResult<Option<Policy>> {
        let row: Option<PolicyRecord> = sqlx::query_as(&format!(
            "SELECT {POLICY_COLUMNS} FROM policies po WHERE po.id = $1 AND po.status = 'draft'
               AND NOT EXISTS (SELECT 1 FROM withdrawals w
                               WHERE w.entity = 'policy' AND w.entity_id = po.id)"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.map(PolicyRecord::into_policy).transpose()
    }

    pub async fn topic_list(&self) -> StoreResult<Vec<app::model::TopicLabel>> {
        let rows: Vec<(i64, i64, String)> =
            sqlx::query_as("SELECT year, month, theme FROM topics ORDER BY year DESC, month DESC")
                .fetch_all(&self.pool)
                .await?;
        rows.into_iter()
            .map(|(y, m, t)| crate::store::topic_label(y, m, t))
            .collect()
    }
}

/// A progress report or supervision note as an editor wrote it (already validated).
#[derive(Clone, Debug)]
pub struct NewReport {
    pub topic: (i32, u8),
    pub date: String,
    pub kind: &'static str,
    pub title: String,
    pub author: String,
    pub body_markdown: String,
    /// The department or body it speaks for (`None`: the editorial office).
    pub author_department: Option<i64>,
}

impl Store {
    /// Publishes a report on a topic's timeline; `false` when the topic does not exist.
    pub async fn add_report(
        &self,
        actor: &StaffMember,
        report: &NewReport,
        now: i64,
    ) -> StoreResult<bool> {
        let of = SaveOf::new(
            &actor.username,
            Entity::Report,
            None,
            ["report.publish", "report.publish"],
            now,
        );
        let (year, month) = report.topic;
        let saved = self
            .audited_save(of, (), async |tx| {
                let inserted: Option<(i64, i64)> = sqlx::query_as(
                    "INSERT INTO reports (topic_id, report_date, kind, title, body_markdown,
                                          body_html, author, is_sample, author_department_id,
                                          entered_by)
                     SELECT id, $1, $2, $3, $4, $5, $6, 0, $9, $10 FROM topics
                     WHERE year = $7 AND month = $8
                     RETURNING id, topic_id",
                )
                .bind(&report.date)
                .bind(report.kind)
                .bind(&report.title)
                .bind(&report.body_markdown)
                .bind(crate::richtext::to_safe_html(&report.body_markdown))
                .bind(&report.author)
                .bind(year)
                .bind(i64::from(month))
                .bind(report.author_department)
                .bind(app::model::EnteredBy::of(actor.role).map(|e| e.as_str()))
                .fetch_optional(&mut *tx)
                .await?;
                let Some((id, topic)) = inserted else {
                    return Ok(Err(()));
                };
                record_for_topic(tx, topic, now, |named| Notice::TopicReport {
                    topic: named.theme.clone(),
                    title: report.title.clone(),
                    path: format!("{}#reports-heading", named.path()),
                })
                .await?;
                let subject = format!("report {id}: {}", report.title);
                Ok(Ok(Edited::new(subject, id).detail(report.kind)))
            })
            .await?;
        Ok(saved.is_ok())
    }
}
