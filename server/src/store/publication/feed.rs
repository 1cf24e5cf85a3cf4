//! What the Atom feed lists: newly published topics, policies and progress reports.

use crate::store::{Store, StoreResult};

/// One feed entry; `date` is an ISO date (`YYYY-MM-DD`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedItem {
    pub date: String,
    pub title: String,
    pub path: String,
    pub summary: String,
}

impl Store {
    /// Newest first, at most `limit` entries.
    pub async fn feed_items(&self, limit: usize) -> StoreResult<Vec<FeedItem>> {
        let mut items = Vec::new();
        let topics: Vec<(i64, i64, String, String)> = sqlx::query_as(
            "SELECT year, month, theme, summary FROM topics WHERE status = 'published'",
        )
        .fetch_all(&self.pool)
        .await?;
        items.extend(
            topics
                .into_iter()
                .map(|(year, month, theme, summary)| FeedItem {
                    date: format!("{year}-{month:02}-01"),
                    title: format!("每月一题 {year}年{month}月：{theme}"),
                    path: app::paths::topic(year, month),
                    summary,
                }),
        );
        let policies: Vec<(i64, String, String, String)> = sqlx::query_as(
            "SELECT id, title, issuer, COALESCE(issued, passed, effective) AS date FROM policies
             WHERE status = 'published' AND COALESCE(issued, passed, effective) IS NOT NULL",
        )
        .fetch_all(&self.pool)
        .await?;
        items.extend(
            policies
                .into_iter()
                .map(|(id, title, issuer, date)| FeedItem {
                    date,
                    title: format!("政策：{title}"),
                    path: app::paths::policy(id),
                    summary: issuer,
                }),
        );
        let reports: Vec<(i64, i64, String, String, String)> = sqlx::query_as(
            "SELECT t.year, t.month, r.report_date, r.title, r.author FROM reports r
             JOIN topics t ON t.id = r.topic_id
             WHERE t.status = 'published' AND r.withdrawn_at IS NULL",
        )
        .fetch_all(&self.pool)
        .await?;
        items.extend(
            reports
                .into_iter()
                .map(|(year, month, date, title, author)| FeedItem {
                    date,
                    title: format!("进展：{title}"),
                    path: format!("{}#reports-heading", app::paths::topic(year, month)),
                    summary: author,
                }),
        );
        items.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.title.cmp(&b.title)));
        items.truncate(limit);
        Ok(items)
    }
}
