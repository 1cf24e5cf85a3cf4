//! 删除草稿: a topic that has never been public, and its problems, tasks and responsibilities,
//! can be deleted. Once a topic has been public (published, or withdrawn since) nothing in it is
//! deleted: the public record is withdrawn (撤回) instead and never loses a line. Each deletion
//! keeps the item's last version in its history and writes an audit entry.

use crate::store::history::audited_edit::{EditOf, Edited};
use crate::store::{Conn, Store, StoreResult, Withdrawable};
use app::model::{DraftPart, StaffMember};

/// How a deletion ended, short of a storage failure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Deletion {
    Deleted,
    /// No such item in that topic.
    Missing,
    /// The topic has been public: withdraw instead.
    EverPublic,
}

/// Whether topic `id` exists, and whether it has never been public.
async fn never_public(tx: &mut Conn, topic_id: i64) -> StoreResult<Option<bool>> {
    let row: Option<(String, i64)> = sqlx::query_as(
        "SELECT t.status, (SELECT COUNT(*) FROM withdrawals w
                            WHERE w.entity = $1 AND w.entity_id = t.id)
         FROM topics t WHERE t.id = $2",
    )
    .bind(Withdrawable::Topic.token())
    .bind(topic_id)
    .fetch_optional(&mut *tx)
    .await?;
    Ok(row.map(|(status, withdrawn)| status == "draft" && withdrawn == 0))
}

impl Store {
    /// Deletes `part` `id` of draft topic `topic_id` (for the topic itself, `id` is the topic's).
    pub async fn delete_draft_part(
        &self,
        actor: &StaffMember,
        topic_id: i64,
        part: DraftPart,
        id: i64,
        now: i64,
    ) -> StoreResult<Deletion> {
        let of = EditOf {
            actor: &actor.username,
            entity: part.entity(),
            id,
            action: match part {
                DraftPart::Topic => "topic.delete",
                DraftPart::Problem => "problem.delete",
                DraftPart::Task => "task.delete",
                DraftPart::Responsibility => "responsibility.delete",
            },
            now,
        };
        let done = self
            .audited_delete(of, async |tx| {
                match never_public(tx, topic_id).await? {
                    None => return Ok(Err(Deletion::Missing)),
                    Some(false) => return Ok(Err(Deletion::EverPublic)),
                    Some(true) => {}
                }
                let title = match part {
                    DraftPart::Topic if id == topic_id => delete_topic(tx, id).await?,
                    DraftPart::Topic => None,
                    DraftPart::Problem => delete_problem(tx, topic_id, id).await?,
                    DraftPart::Task => {
                        sqlx::query_scalar(
                            "DELETE FROM tasks WHERE id = $1 AND topic_id = $2 RETURNING title",
                        )
                        .bind(id)
                        .bind(topic_id)
                        .fetch_optional(&mut *tx)
                        .await?
                    }
                    DraftPart::Responsibility => {
                        sqlx::query_scalar(
                            "DELETE FROM responsibilities WHERE id = $1 AND topic_id = $2
                             RETURNING duty",
                        )
                        .bind(id)
                        .bind(topic_id)
                        .fetch_optional(&mut *tx)
                        .await?
                    }
                };
                let Some(title) = title else {
                    return Ok(Err(Deletion::Missing));
                };
                let subject = format!("{} {id}: {title}", part.as_str());
                Ok(Ok(Edited::new(subject, Deletion::Deleted)))
            })
            .await?;
        Ok(done.unwrap_or(Deletion::Missing))
    }
}

/// A problem of the topic; the tasks that pointed to it keep their place, without a problem.
async fn delete_problem(tx: &mut Conn, topic_id: i64, id: i64) -> StoreResult<Option<String>> {
    sqlx::query("UPDATE tasks SET problem_id = NULL WHERE problem_id = $1 AND topic_id = $2")
        .bind(id)
        .bind(topic_id)
        .execute(&mut *tx)
        .await?;
    Ok(
        sqlx::query_scalar("DELETE FROM problems WHERE id = $1 AND topic_id = $2 RETURNING title")
            .bind(id)
            .bind(topic_id)
            .fetch_optional(&mut *tx)
            .await?,
    )
}

/// The topic with everything in it: its lists, reports and links go with it (ON DELETE
/// CASCADE); its problems point to it without a cascade, so they go first.
async fn delete_topic(tx: &mut Conn, id: i64) -> StoreResult<Option<String>> {
    sqlx::query("UPDATE tasks SET problem_id = NULL WHERE topic_id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM problems WHERE topic_id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    Ok(
        sqlx::query_scalar("DELETE FROM topics WHERE id = $1 RETURNING theme")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?,
    )
}
