//! A suggestion's timeline as its receipt code shows it (查询码): received, published or not
//! (with the moderator's reason), made a candidate — each dated where the record has the date.

use crate::store::{beijing_today, iso, Store, StoreError, StoreResult};
use app::model::{NotPublishedReason, Promoted, ReceiptStatus, SuggestionReply, SuggestionState};

#[derive(sqlx::FromRow)]
struct Row {
    title: String,
    status: String,
    reason: Option<String>,
    reason_code: Option<String>,
    created_at: i64,
    decided_at: Option<i64>,
    promoted_at: Option<i64>,
    cycle_title: Option<String>,
    cycle_slug: Option<String>,
    candidate: Option<i64>,
    id: i64,
}

impl Store {
    /// The timeline of the suggestion with receipt `receipt`, if there is one.
    pub async fn suggestion_timeline(&self, receipt: &str) -> StoreResult<Option<ReceiptStatus>> {
        let row: Option<Row> = sqlx::query_as(
            "SELECT s.title, s.status, s.reason, s.reason_code, s.created_at, s.decided_at, s.promoted_at,
                    c.title AS cycle_title, c.slug AS cycle_slug, k.id AS candidate, s.id
             FROM suggestions s
             LEFT JOIN cycle_candidates k ON k.suggestion_id = s.id
             LEFT JOIN cycles c ON c.id = k.cycle_id
             WHERE s.receipt = $1
             ORDER BY k.id LIMIT 1",
        )
        .bind(receipt)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let moderation = SuggestionState::parse(&row.status).ok_or_else(|| {
            StoreError::Corrupt(format!("unknown suggestion status {:?}", row.status))
        })?;
        // Her own suggestion's reply first, else the reply to the candidate made from it.
        let reply: Option<(i64, Option<i64>)> = sqlx::query_as(
            "SELECT id, replied_at FROM replies
             WHERE (item_kind = 'suggestion' AND item_id = $1)
                OR (item_kind = 'candidate' AND item_id = $2)
             ORDER BY item_kind DESC LIMIT 1",
        )
        .bind(row.id)
        .bind(row.candidate.unwrap_or(-1))
        .fetch_optional(&self.pool)
        .await?;
        let replied = match reply {
            Some((id, at)) => Some(SuggestionReply {
                id,
                answered_on: at.map(beijing_today).transpose()?.map(|d| d.to_string()),
            }),
            None => None,
        };
        let promoted = match (row.cycle_title, row.cycle_slug, row.candidate) {
            (Some(cycle), Some(slug), Some(candidate)) => Some(Promoted {
                cycle,
                path: app::paths::candidate(&slug, candidate),
                at: row.promoted_at.map(iso),
            }),
            _ => None,
        };
        Ok(Some(ReceiptStatus::Suggestion {
            title: row.title,
            moderation,
            reason_code: row
                .reason_code
                .as_deref()
                .and_then(NotPublishedReason::parse),
            reason: row.reason,
            received_at: iso(row.created_at),
            decided_at: row.decided_at.map(iso),
            promoted,
            replied,
        }))
    }
}
