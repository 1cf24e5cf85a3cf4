//! Published suggestions as open data (`/api/v1/suggestions`): each with its supporters, the
//! date it was published (Beijing) and the candidate it became, if it did.

use crate::store::{Store, StoreResult};
use app::model::{OpenSuggestion, Promoted, SuggestionStage, SuggestionState};

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    title: String,
    description: String,
    district: String,
    category: String,
    decided_at: Option<i64>,
    promoted_at: Option<i64>,
    supporters: i64,
    cycle_title: Option<String>,
    cycle_slug: Option<String>,
    candidate: Option<i64>,
}

/// The Beijing date of a stored Unix second.
fn beijing_date(at: i64) -> Option<String> {
    let beijing = jiff::tz::TimeZone::fixed(jiff::tz::Offset::constant(8));
    jiff::Timestamp::from_second(at)
        .ok()
        .map(|t| t.to_zoned(beijing).date().to_string())
}

impl Store {
    /// Every published suggestion, most supported first; `base` is the portal's address.
    pub async fn open_suggestions(&self, base: &str) -> StoreResult<Vec<OpenSuggestion>> {
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT s.id, s.title, s.description, s.district, s.category, s.decided_at,
                    s.promoted_at,
                    (SELECT COUNT(*) FROM suggestion_supports p
                     WHERE p.suggestion_id = s.id AND p.status = 'counted') AS supporters,
                    c.title AS cycle_title, c.slug AS cycle_slug, k.id AS candidate
             FROM suggestions s
             LEFT JOIN cycle_candidates k ON k.suggestion_id = s.id
             LEFT JOIN cycles c ON c.id = k.cycle_id
             WHERE s.status = $1
             ORDER BY supporters DESC, s.id DESC",
        )
        .bind(SuggestionState::Published.as_str())
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| {
                let candidate = match (r.cycle_title, r.cycle_slug, r.candidate) {
                    (Some(cycle), Some(slug), Some(id)) => Some(Promoted {
                        cycle,
                        path: app::paths::candidate(&slug, id),
                        at: r.promoted_at.map(crate::store::iso),
                    }),
                    _ => None,
                };
                OpenSuggestion {
                    id: r.id,
                    title: r.title,
                    description: r.description,
                    district: r.district,
                    category: r.category,
                    supporters: u32::try_from(r.supporters).unwrap_or(0),
                    stage: if candidate.is_some() {
                        SuggestionStage::Candidate
                    } else {
                        SuggestionStage::Published
                    },
                    published_on: r.decided_at.and_then(beijing_date),
                    url: format!("{base}{}", app::paths::suggestion(r.id)),
                    candidate,
                }
            })
            .collect())
    }
}
