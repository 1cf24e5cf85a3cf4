//! 修订记录: every save of a topic (with its 配合部门), problem, task, responsibility, department, policy or
//! report appends a snapshot of the item's fields. An item that existed before it was first edited (the demo data, imports) gets
//! its original version recorded at that first edit, so the history always starts from how the
//! public first saw it. Snapshots are read back into "what changed" by `app::model::changes`.

use crate::store::Conn;
use crate::store::{Store, StoreResult};
use app::model::{Entity, Snapshot};

/// Reads the item's fields as text, in a stable order; `None` when it does not exist.
pub(in crate::store) async fn snapshot(
    tx: &mut Conn,
    entity: Entity,
    id: i64,
) -> StoreResult<Option<Snapshot>> {
    let (sql, fields): (&str, &[&str]) = match entity {
        Entity::Topic => (
            "SELECT CAST(t.year AS TEXT), CAST(t.month AS TEXT), t.theme, t.summary,
                    COALESCE(d.name, ''), t.plan_markdown,
                    CASE WHEN w.reason IS NULL THEN t.status ELSE 'withdrawn' END,
                    COALESCE(w.reason, '')
             FROM topics t LEFT JOIN departments d ON d.id = t.lead_department_id
             LEFT JOIN withdrawals w ON w.entity = 'topic' AND w.entity_id = t.id
             WHERE t.id = $1",
            &[
                "year",
                "month",
                "theme",
                "summary",
                "lead",
                "plan",
                "status",
                "withdrawn_reason",
            ],
        ),
        Entity::Problem => ("SELECT title FROM problems WHERE id = $1", &["title"]),
        Entity::Task => (
            "SELECT t.title, COALESCE(p.title, ''), d.name, t.level, t.due_date, t.state,
                    COALESCE(t.done_date, ''), t.delay_reason, COALESCE(t.delay_expected, '')
             FROM tasks t JOIN departments d ON d.id = t.owner_department_id
             LEFT JOIN problems p ON p.id = t.problem_id WHERE t.id = $1",
            &[
                "title",
                "problem",
                "owner",
                "level",
                "due",
                "state",
                "done_on",
                "delay_reason",
                "delay_expected",
            ],
        ),
        Entity::Responsibility => (
            "SELECT r.duty, d.name, r.level, CAST(r.batch AS TEXT), r.state
             FROM responsibilities r JOIN departments d ON d.id = r.department_id WHERE r.id = $1",
            &["duty", "department", "level", "batch", "state"],
        ),
        Entity::Department => ("SELECT name FROM departments WHERE id = $1", &["name"]),
        Entity::Policy => (
            "SELECT title, COALESCE(doc_no, ''), issuer, COALESCE(issued, ''), COALESCE(effective, ''),
                    COALESCE(source, ''),
                    CASE WHEN w.reason IS NULL THEN status ELSE 'withdrawn' END,
                    COALESCE(w.reason, '')
             FROM policies LEFT JOIN withdrawals w ON w.entity = 'policy' AND w.entity_id = id
             WHERE id = $1",
            &[
                "title",
                "doc_no",
                "issuer",
                "issued",
                "effective",
                "source",
                "status",
                "withdrawn_reason",
            ],
        ),
        Entity::Report => (
            "SELECT report_date, kind, title, author, body_markdown, COALESCE(withdrawn_reason, '')
             FROM reports WHERE id = $1",
            &["date", "kind", "title", "author", "body", "withdrawn_reason"],
        ),
        Entity::Cycle => (
            "SELECT title, COALESCE(CAST(reply_supporters AS TEXT), ''),
                    COALESCE(CAST(reply_support_days AS TEXT), ''),
                    COALESCE(CAST(reply_votes AS TEXT), ''),
                    COALESCE(CAST(reply_working_days AS TEXT), ''),
                    COALESCE(reply_department, '')
             FROM cycles WHERE id = $1",
            &[
                "title",
                "reply_supporters",
                "reply_support_days",
                "reply_votes",
                "reply_working_days",
                "reply_department",
            ],
        ),
        Entity::Reply => (
            "SELECT due_on, department, COALESCE(decision, ''), COALESCE(reason_code, ''),
                    COALESCE(body, ''), COALESCE(extended_to, ''), COALESCE(extension_reason, ''),
                    COALESCE(interim_note, ''), COALESCE(assignee, '')
             FROM replies WHERE id = $1",
            &[
                "due",
                "department",
                "decision",
                "reason",
                "body",
                "extended_to",
                "extension_reason",
                "interim",
                "assignee",
            ],
        ),
    };
    let row = sqlx::query(sql).bind(id).fetch_optional(&mut *tx).await?;
    let Some(row) = row else { return Ok(None) };
    let mut snap = Vec::with_capacity(fields.len() + 1);
    for (i, field) in fields.iter().enumerate() {
        let value: String = sqlx::Row::try_get(&row, i)?;
        snap.push((field.to_string(), value));
    }
    if entity == Entity::Topic {
        // 配合部门 are part of what the public sees of a topic, so part of its history. Joined
        // here rather than in SQL: the two engines spell string aggregation differently.
        let names: Vec<String> = sqlx::query_scalar(
            "SELECT d.name FROM topic_cooperating c JOIN departments d ON d.id = c.department_id
             WHERE c.topic_id = $1 ORDER BY d.name",
        )
        .bind(id)
        .fetch_all(&mut *tx)
        .await?;
        snap.push(("cooperating".to_string(), names.join("、")));
    }
    Ok(Some(snap))
}

/// Since when revisions of `entity` count: a dataset reload replaces every item it loads (ids
/// are reused), so their history from before it describes other items; live data (cycles,
/// replies) keeps all of it.
async fn epoch(tx: &mut Conn, entity: Entity) -> StoreResult<i64> {
    if !entity.reloaded_with_dataset() {
        return Ok(0);
    }
    let loaded: Option<String> =
        sqlx::query_scalar("SELECT value FROM dataset_meta WHERE key = 'loaded_at'")
            .fetch_optional(&mut *tx)
            .await?;
    Ok(loaded.and_then(|v| v.parse().ok()).unwrap_or(0))
}

async fn append(
    tx: &mut Conn,
    entity: Entity,
    id: i64,
    username: &str,
    action: &str,
    now: i64,
    snap: &Snapshot,
) -> StoreResult<()> {
    let json = serde_json::to_string(snap)
        .map_err(|e| crate::store::StoreError::Corrupt(e.to_string()))?;
    sqlx::query(
        "INSERT INTO revisions (entity, entity_id, at, username, action, snapshot)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(entity.as_str())
    .bind(id)
    .bind(now)
    .bind(username)
    .bind(action)
    .bind(json)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Call before changing an item: records its original version if it has no history yet and
/// returns its current fields (`None`: no such item).
pub(in crate::store) async fn before_change(
    tx: &mut Conn,
    entity: Entity,
    id: i64,
    now: i64,
) -> StoreResult<Option<Snapshot>> {
    let Some(current) = snapshot(tx, entity, id).await? else {
        return Ok(None);
    };
    let since = epoch(tx, entity).await?;
    let known: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM revisions WHERE entity = $1 AND entity_id = $2 AND at >= $3",
    )
    .bind(entity.as_str())
    .bind(id)
    .bind(since)
    .fetch_one(&mut *tx)
    .await?;
    if known == 0 {
        append(tx, entity, id, "", "original", now, &current).await?;
    }
    Ok(Some(current))
}

/// Call after creating or changing an item: records the new version when something changed.
pub(in crate::store) async fn after_change(
    tx: &mut Conn,
    entity: Entity,
    id: i64,
    username: &str,
    action: &str,
    now: i64,
    before: Option<&Snapshot>,
) -> StoreResult<bool> {
    let Some(after) = snapshot(tx, entity, id).await? else {
        return Ok(false);
    };
    if before == Some(&after) {
        return Ok(false);
    }
    append(tx, entity, id, username, action, now, &after).await?;
    Ok(true)
}

/// A change to record: which item, the audit action and how the audit log names it.
pub(in crate::store) struct Change<'a> {
    pub entity: Entity,
    pub id: i64,
    pub action: &'a str,
    pub subject: String,
    pub detail: &'a str,
}

/// After changing an item: records its new version and, when something did change, the audit
/// entry — the pair every editor's save writes in its transaction.
pub(in crate::store) async fn record_change(
    tx: &mut Conn,
    actor: &str,
    now: i64,
    before: Option<&Snapshot>,
    change: Change<'_>,
) -> StoreResult<()> {
    if after_change(
        tx,
        change.entity,
        change.id,
        actor,
        change.action,
        now,
        before,
    )
    .await?
    {
        audit_change(tx, actor, now, &change).await?;
    }
    Ok(())
}

/// The audit entry of a recorded change.
async fn audit_change(
    tx: &mut Conn,
    actor: &str,
    now: i64,
    change: &Change<'_>,
) -> StoreResult<()> {
    crate::store::history::audit::audit(
        tx,
        now,
        actor,
        change.action,
        &change.subject,
        change.detail,
    )
    .await
}

/// After deleting an item: its last version is kept once more under the deleting action, so
/// its history ends with who deleted it and what it held, and the audit entry is written.
pub(in crate::store) async fn record_deletion(
    tx: &mut Conn,
    actor: &str,
    now: i64,
    last: &Snapshot,
    change: Change<'_>,
) -> StoreResult<()> {
    append(
        tx,
        change.entity,
        change.id,
        actor,
        change.action,
        now,
        last,
    )
    .await?;
    audit_change(tx, actor, now, &change).await
}

/// One stored version: when, who, what kind of save, and the fields.
pub struct StoredRevision {
    pub at: i64,
    pub username: String,
    pub action: String,
    pub snapshot: Snapshot,
}

impl Store {
    /// Versions of an item since the dataset was loaded, oldest first.
    pub async fn revisions(&self, entity: Entity, id: i64) -> StoreResult<Vec<StoredRevision>> {
        // A read: one connection, no transaction to commit (a commit would count as a write
        // and empty the page cache on every view of the history page).
        let mut conn = self.pool.acquire().await?;
        let since = epoch(&mut conn, entity).await?;
        let rows: Vec<(i64, String, String, String)> = sqlx::query_as(
            "SELECT at, username, action, snapshot FROM revisions
             WHERE entity = $1 AND entity_id = $2 AND at >= $3 ORDER BY id",
        )
        .bind(entity.as_str())
        .bind(id)
        .bind(since)
        .fetch_all(&mut *conn)
        .await?;
        drop(conn);
        // SQLite may give a deleted draft's id to the next new item: an id's history is its
        // last life, from after the deletion before it (a deletion ends the life it closes).
        let last = rows.len().saturating_sub(1);
        let start = rows[..last]
            .iter()
            .rposition(|(_, _, action, _)| action.ends_with(".delete"))
            .map_or(0, |at| at + 1);
        rows.into_iter()
            .skip(start)
            .map(|(at, username, action, json)| {
                let snapshot = serde_json::from_str(&json).map_err(|e| {
                    crate::store::StoreError::Corrupt(format!("revision snapshot: {e}"))
                })?;
                Ok(StoredRevision {
                    at,
                    username,
                    action,
                    snapshot,
                })
            })
            .collect()
    }
}
