//! Title search with `LIKE`: substring matching works for Chinese without a tokenizer
//! ("电梯" finds 老楼加装电梯), and the data is small enough that no index is needed yet.
//! A query is searched in each of its synonyms' spellings (`search_terms`: 暖气 → 供暖).

use crate::store::topics::read::PUBLIC_PROBLEM;
use crate::store::{Store, StoreResult};
use app::model::{search_terms, HitKind, SearchHit};

/// Escapes LIKE wildcards so a query of "%" matches a percent sign, not everything.
fn like_pattern(query: &str) -> String {
    let mut out = String::with_capacity(query.len() + 2);
    out.push('%');
    for c in query.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('%');
    out
}

/// At most this many hits of each kind.
const LIMIT: i64 = 50;

impl Store {
    /// Public items whose titles hold the query or one of its synonyms' spellings; each item
    /// once, those matching the words as typed first.
    pub async fn search(&self, query: &str) -> StoreResult<Vec<SearchHit>> {
        let mut hits: Vec<SearchHit> = Vec::new();
        for term in search_terms(query) {
            for hit in self.search_term(&term).await? {
                if !hits
                    .iter()
                    .any(|h| h.href == hit.href && h.title == hit.title)
                {
                    hits.push(hit);
                }
            }
        }
        Ok(hits)
    }

    async fn search_term(&self, term: &str) -> StoreResult<Vec<SearchHit>> {
        let pattern = like_pattern(term);
        let mut hits = Vec::new();
        let topics: Vec<(i64, i64, String)> = sqlx::query_as(
            "SELECT year, month, theme FROM topics WHERE status = 'published' AND theme LIKE $1 ESCAPE '\\'
             ORDER BY year DESC, month DESC LIMIT $2",
        )
        .bind(&pattern)
        .bind(LIMIT)
        .fetch_all(&self.pool)
        .await?;
        hits.extend(topics.into_iter().map(|(year, month, theme)| SearchHit {
            kind: HitKind::Topic,
            title: theme,
            href: app::paths::topic(year, month),
            detail: format!("{year}-{month:02}"),
        }));
        let problems: Vec<(i64, i64, String)> = sqlx::query_as(&format!(
            "SELECT id, year, title FROM problems WHERE {PUBLIC_PROBLEM} AND title LIKE $1 ESCAPE '\\'
             ORDER BY year DESC, position LIMIT $2"
        ))
        .bind(&pattern)
        .bind(LIMIT)
        .fetch_all(&self.pool)
        .await?;
        hits.extend(problems.into_iter().map(|(id, year, title)| SearchHit {
            kind: HitKind::Problem,
            title,
            href: app::paths::problem(id),
            detail: year.to_string(),
        }));
        let policies: Vec<(i64, String, String)> = sqlx::query_as(
            "SELECT id, title, issuer FROM policies WHERE status = 'published' AND title LIKE $1 ESCAPE '\\'
             ORDER BY COALESCE(issued, passed, '') DESC LIMIT $2",
        )
        .bind(&pattern)
        .bind(LIMIT)
        .fetch_all(&self.pool)
        .await?;
        hits.extend(policies.into_iter().map(|(id, title, issuer)| SearchHit {
            kind: HitKind::Policy,
            title,
            href: app::paths::policy(id),
            detail: issuer,
        }));
        let tasks: Vec<(i64, i64, String, String)> = sqlx::query_as(
            "SELECT tp.year, tp.month, t.title, d.name FROM tasks t
             JOIN topics tp ON tp.id = t.topic_id
             JOIN departments d ON d.id = t.owner_department_id
             WHERE tp.status = 'published' AND t.title LIKE $1 ESCAPE '\\' ORDER BY t.due_date LIMIT $2",
        )
        .bind(&pattern)
        .bind(LIMIT)
        .fetch_all(&self.pool)
        .await?;
        hits.extend(
            tasks
                .into_iter()
                .map(|(year, month, title, owner)| SearchHit {
                    kind: HitKind::Task,
                    title,
                    href: app::paths::topic(year, month),
                    detail: owner,
                }),
        );
        let candidates: Vec<(i64, String, String, String)> = sqlx::query_as(
            "SELECT k.id, k.title, c.slug, c.title FROM cycle_candidates k
             JOIN cycles c ON c.id = k.cycle_id
             WHERE k.title LIKE $1 ESCAPE '\\' OR k.description LIKE $1 ESCAPE '\\'
             ORDER BY c.opens_at DESC, k.position LIMIT $2",
        )
        .bind(&pattern)
        .bind(LIMIT)
        .fetch_all(&self.pool)
        .await?;
        hits.extend(
            candidates
                .into_iter()
                .map(|(id, title, slug, cycle)| SearchHit {
                    kind: HitKind::Candidate,
                    title,
                    href: app::paths::candidate(slug, id),
                    detail: cycle,
                }),
        );
        // Only what a moderator published: pending and rejected suggestions stay private.
        let suggestions: Vec<(i64, String, String)> = sqlx::query_as(
            "SELECT id, title, district FROM suggestions
             WHERE status = 'published' AND (title LIKE $1 ESCAPE '\\' OR description LIKE $1 ESCAPE '\\')
             ORDER BY created_at DESC LIMIT $2",
        )
        .bind(&pattern)
        .bind(LIMIT)
        .fetch_all(&self.pool)
        .await?;
        hits.extend(
            suggestions
                .into_iter()
                .map(|(id, title, district)| SearchHit {
                    kind: HitKind::Suggestion,
                    title,
                    href: format!("/suggest#s-{id}"),
                    detail: district,
                }),
        );
        Ok(hits)
    }
}

#[cfg(test)]
mod tests {
    use super::like_pattern;

    #[test]
    fn wildcards_are_escaped() {
        assert_eq!(like_pattern("电梯"), "%电梯%");
        assert_eq!(like_pattern("100%_\\"), "%100\\%\\_\\\\%");
    }
}
