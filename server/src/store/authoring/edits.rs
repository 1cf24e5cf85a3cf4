//! Editors' writes to topics, problems and departments, and the reads of the editor pages
//! (drafts included). Every write records its revision and audit entry in its transaction.

use crate::store::history::audited_edit::{EditOf, Edited, SaveOf};
use crate::store::notify::topic_notices::record_topic_published;
use crate::store::{Conn, Store, StoreResult};
use app::model::Entity;
use app::model::StaffMember;

/// A topic's fields as validated from the form (year and month are fixed once created).
#[derive(Clone, Debug)]
pub struct TopicFields {
    pub year: i32,
    pub month: u8,
    pub theme: String,
    pub summary: String,
    pub lead_id: Option<i64>,
    pub plan_markdown: String,
}

/// How a save ended, short of a storage failure.
#[derive(Clone, Debug, PartialEq)]
pub enum Saved {
    Done(i64),
    /// The item (or the topic or department it points to) does not exist.
    Missing,
    /// Another item already has this name, title or month.
    Duplicate,
    /// As `Duplicate`, naming the record it clashed with.
    Clash(app::model::Clash),
}

impl Store {
    /// The editor's create-or-edit forms: [`Store::audited_save`], answered as a `Saved`.
    pub(in crate::store) async fn save_form(
        &self,
        of: SaveOf<'_>,
        save: impl AsyncFnOnce(&mut Conn) -> StoreResult<Result<Edited<i64>, Saved>>,
    ) -> StoreResult<Saved> {
        let saved = self.audited_save(of, Saved::Missing, save).await?;
        Ok(saved.map_or_else(|refused| refused, Saved::Done))
    }

    /// Creates a draft topic, or updates one (`id` given).
    pub async fn save_topic(
        &self,
        actor: &StaffMember,
        id: Option<i64>,
        fields: &TopicFields,
        now: i64,
    ) -> StoreResult<Saved> {
        let of = SaveOf::new(
            &actor.username,
            Entity::Topic,
            id,
            ["topic.create", "topic.edit"],
            now,
        );
        self.save_form(of, async |tx| {
            if let Some(lead) = fields.lead_id {
                let known: i64 =
                    sqlx::query_scalar("SELECT COUNT(*) FROM departments WHERE id = $1")
                        .bind(lead)
                        .fetch_one(&mut *tx)
                        .await?;
                if known == 0 {
                    return Ok(Err(Saved::Missing));
                }
            }
            let html = crate::richtext::to_safe_html(&fields.plan_markdown);
            let id = match id {
                None => {
                    let clash =
                        crate::store::authoring::clash::topic(tx, fields.year, fields.month);
                    if let Some(clash) = clash.await? {
                        return Ok(Err(Saved::Clash(clash)));
                    }
                    crate::store::authoring::clash::ensure_year(tx, fields.year).await?;
                    sqlx::query_scalar(
                        "INSERT INTO topics (year, month, theme, summary, lead_department_id,
                                                 is_sample, plan_markdown, plan_html, status)
                             VALUES ($1, $2, $3, $4, $5, 0, $6, $7, 'draft') RETURNING id",
                    )
                    .bind(fields.year)
                    .bind(i64::from(fields.month))
                    .bind(&fields.theme)
                    .bind(&fields.summary)
                    .bind(fields.lead_id)
                    .bind(&fields.plan_markdown)
                    .bind(&html)
                    .fetch_one(&mut *tx)
                    .await?
                }
                Some(id) => {
                    sqlx::query(
                        "UPDATE topics SET theme = $1, summary = $2, lead_department_id = $3,
                                    plan_markdown = $4, plan_html = $5 WHERE id = $6",
                    )
                    .bind(&fields.theme)
                    .bind(&fields.summary)
                    .bind(fields.lead_id)
                    .bind(&fields.plan_markdown)
                    .bind(&html)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                    id
                }
            };
            Ok(Ok(Edited::new(format!("topic {id}: {}", fields.theme), id)))
        })
        .await
    }

    pub async fn publish_topic(&self, actor: &StaffMember, id: i64, now: i64) -> StoreResult<bool> {
        let of = EditOf {
            actor: &actor.username,
            entity: Entity::Topic,
            id,
            action: "topic.publish",
            now,
        };
        let edited = self
            .audited_edit(of, async |tx| {
                // A draft never public before (not one withdrawn and now restored).
                let first: Option<i64> = sqlx::query_scalar(
                    "SELECT t.id FROM topics t WHERE t.id = $1 AND t.status = 'draft'
                       AND NOT EXISTS (SELECT 1 FROM withdrawals w
                                       WHERE w.entity = $2 AND w.entity_id = t.id)",
                )
                .bind(id)
                .bind(crate::store::Withdrawable::Topic.token())
                .fetch_optional(&mut *tx)
                .await?;
                let theme: String = sqlx::query_scalar(
                    "UPDATE topics SET status = 'published' WHERE id = $1 RETURNING theme",
                )
                .bind(id)
                .fetch_one(&mut *tx)
                .await?;
                Store::clear_withdrawal(tx, crate::store::Withdrawable::Topic, id).await?;
                // Whoever followed the candidate it came from hears it is out.
                if first.is_some() {
                    record_topic_published(tx, id, now).await?;
                }
                Ok(Ok(Edited::new(format!("topic {id}: {theme}"), ())))
            })
            .await?;
        Ok(edited.is_some())
    }

    /// Adds a problem to a topic (in the topic's year and month) or retitles one of its problems.
    pub async fn save_problem(
        &self,
        actor: &StaffMember,
        topic_id: i64,
        id: Option<i64>,
        title: &str,
        now: i64,
    ) -> StoreResult<Saved> {
        let of = SaveOf::new(
            &actor.username,
            Entity::Problem,
            id,
            ["problem.create", "problem.edit"],
            now,
        );
        self.save_form(of, async |tx| {
                let topic: Option<(i64, i64, Option<i64>)> = sqlx::query_as(
                    "SELECT year, month, lead_department_id FROM topics WHERE id = $1",
                )
                .bind(topic_id)
                .fetch_optional(&mut *tx)
                .await?;
                let Some((year, month, lead)) = topic else {
                    return Ok(Err(Saved::Missing));
                };
                let clash =
                    crate::store::authoring::clash::problem(tx, year, title, id.unwrap_or(0));
                if let Some(clash) = clash.await? {
                    return Ok(Err(Saved::Clash(clash)));
                }
                let id = match id {
                    None => {
                        sqlx::query_scalar(
                            // An editor's problem has no source of its own (it never borrows the
                            // year's): 官方发布 by the topic's lead department on the day it was added.
                            "INSERT INTO problems (year, position, title, confidence, source, month,
                                                   topic_id, lead_department_id, assignment_is_sample,
                                                   origin, published_by, published_on)
                             SELECT $1, COALESCE(MAX(position), 0) + 1, $2, 'uncertain', NULL, $3, $4,
                                    $5, 0, 'staff', (SELECT name FROM departments WHERE id = $5), $6
                             FROM problems WHERE year = $1 RETURNING id",
                        )
                        .bind(year)
                        .bind(title)
                        .bind(month)
                        .bind(topic_id)
                        .bind(lead)
                        .bind(crate::store::topics::provenance::beijing_date(now))
                        .fetch_one(&mut *tx)
                        .await?
                    }
                    Some(id) => {
                        let owned: i64 = sqlx::query_scalar(
                            "SELECT COUNT(*) FROM problems WHERE id = $1 AND topic_id = $2",
                        )
                        .bind(id)
                        .bind(topic_id)
                        .fetch_one(&mut *tx)
                        .await?;
                        if owned == 0 {
                            return Ok(Err(Saved::Missing));
                        }
                        sqlx::query("UPDATE problems SET title = $1 WHERE id = $2")
                            .bind(title)
                            .bind(id)
                            .execute(&mut *tx)
                            .await?;
                        id
                    }
                };
                Ok(Ok(Edited::new(format!("problem {id}: {title}"), id)))
        })
        .await
    }

    /// Adds a department or renames one.
    pub async fn save_department(
        &self,
        actor: &StaffMember,
        id: Option<i64>,
        name: &str,
        now: i64,
    ) -> StoreResult<Saved> {
        let of = SaveOf::new(
            &actor.username,
            Entity::Department,
            id,
            ["department.create", "department.edit"],
            now,
        );
        self.save_form(of, async |tx| {
            let clash = crate::store::authoring::clash::department(tx, name, id.unwrap_or(0));
            if let Some(clash) = clash.await? {
                return Ok(Err(Saved::Clash(clash)));
            }
            let id = match id {
                None => {
                    sqlx::query_scalar("INSERT INTO departments (name) VALUES ($1) RETURNING id")
                        .bind(name)
                        .fetch_one(&mut *tx)
                        .await?
                }
                Some(id) => {
                    sqlx::query("UPDATE departments SET name = $1 WHERE id = $2")
                        .bind(name)
                        .bind(id)
                        .execute(&mut *tx)
                        .await?;
                    id
                }
            };
            Ok(Ok(Edited::new(format!("department {id}: {name}"), id)))
        })
        .await
    }
}
