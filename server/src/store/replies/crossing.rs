//! 过线: items that crossed their cycle's threshold get a reply owed — due dates in working days
//! from the Beijing day they crossed, the rule's department — and their followers hear of it,
//! all in the transaction that records the crossing. A candidate of a cycle whose tally is hidden
//! until close crosses only once it closed: an earlier crossing would give the tally away.

use crate::store::notify::notice::record;
use crate::store::{Conn, Notice, StoreError, StoreResult};
use app::model::{due_dates, FollowKind, ReplyItem};

/// An item over its threshold without a reply row: `(item id, title, cycle id, cycle slug,
/// working days, department)`.
type Crossed = (i64, String, i64, String, i64, String);

/// The Beijing date of the instant `now`.
pub(in crate::store) fn beijing_date(now: i64) -> StoreResult<jiff::civil::Date> {
    Ok(jiff::Timestamp::from_second(now)
        .map_err(|err| StoreError::Corrupt(format!("clock: {err}")))?
        .to_zoned(app::i18n::when::beijing())
        .date())
}

/// The cycle a suggestion published at `now` is collected for: the next to open (its
/// candidates are chosen from suggestions), else the open one closing soonest; `None` if
/// neither exists.
pub(in crate::store) async fn collecting_cycle(
    tx: &mut Conn,
    now: i64,
) -> StoreResult<Option<i64>> {
    let upcoming: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM cycles WHERE opens_at > $1 OR (awaits_open = 1 AND closes_at > $2)
         ORDER BY opens_at, id LIMIT 1",
    )
    .bind(now)
    .bind(now)
    .fetch_optional(&mut *tx)
    .await?;
    if upcoming.is_some() {
        return Ok(upcoming);
    }
    Ok(sqlx::query_scalar(
        "SELECT id FROM cycles WHERE opens_at <= $1 AND closes_at > $2
         ORDER BY closes_at, id LIMIT 1",
    )
    .bind(now)
    .bind(now)
    .fetch_optional(&mut *tx)
    .await?)
}

impl crate::store::Store {
    /// The teller's look for candidates over their threshold (ballots are written in batches,
    /// and a hidden tally's candidates cross at close): records what crossed, committing only
    /// when something did, so an idle look moves no page's stamp.
    pub async fn record_reply_crossings(&self, now: i64) -> StoreResult<usize> {
        let mut tx = self.write_tx().await?;
        let recorded = record_crossings(&mut tx, now).await?;
        if recorded > 0 {
            self.commit(tx).await?;
        }
        Ok(recorded)
    }
}

/// Records a reply owed for every item over its threshold that has none; returns how many.
pub(in crate::store) async fn record_crossings(tx: &mut Conn, now: i64) -> StoreResult<usize> {
    let suggestions: Vec<Crossed> = sqlx::query_as(
        "SELECT s.id, s.title, c.id, c.slug, c.reply_working_days, c.reply_department
         FROM suggestions s JOIN cycles c ON c.id = s.cycle_id
         WHERE s.status = 'published' AND c.reply_supporters IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM replies r
                           WHERE r.item_kind = 'suggestion' AND r.item_id = s.id)
           AND (SELECT COUNT(*) FROM suggestion_supports p
                WHERE p.suggestion_id = s.id AND p.status = 'counted'
                  AND p.at <= COALESCE(s.decided_at, s.created_at)
                              + c.reply_support_days * 86400) >= c.reply_supporters",
    )
    .fetch_all(&mut *tx)
    .await?;
    let candidates: Vec<Crossed> = sqlx::query_as(
        "SELECT k.id, k.title, c.id, c.slug, c.reply_working_days, c.reply_department
         FROM cycle_candidates k JOIN cycles c ON c.id = k.cycle_id
         WHERE c.reply_votes IS NOT NULL AND (c.live_tally = 1 OR c.closes_at <= $1)
           AND NOT EXISTS (SELECT 1 FROM replies r
                           WHERE r.item_kind = 'candidate' AND r.item_id = k.id)
           AND (SELECT CAST(COALESCE(SUM(t.approvals), 0) AS BIGINT) FROM tallies t
                WHERE t.candidate_id = k.id) >= c.reply_votes",
    )
    .bind(now)
    .fetch_all(&mut *tx)
    .await?;
    let day = beijing_date(now)?;
    let mut recorded = 0;
    for (kind, rows) in [
        (ReplyItem::Suggestion, suggestions),
        (ReplyItem::Candidate, candidates),
    ] {
        for (id, title, cycle, slug, days, department) in rows {
            let days = u32::try_from(days)
                .map_err(|_| StoreError::Corrupt(format!("cycle {cycle} working days {days}")))?;
            let (due, interim) = due_dates(day, days);
            let reply: i64 = sqlx::query_scalar(
                "INSERT INTO replies (cycle_id, item_kind, item_id, crossed_at, due_on, interim_on,
                                      department)
                 VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
            )
            .bind(cycle)
            .bind(kind.as_str())
            .bind(id)
            .bind(now)
            .bind(due.to_string())
            .bind(interim.to_string())
            .bind(&department)
            .fetch_one(&mut *tx)
            .await?;
            let follow = match kind {
                ReplyItem::Suggestion => FollowKind::Suggestion,
                ReplyItem::Candidate => FollowKind::Candidate,
            };
            let notice = Notice::ReplyDue {
                title,
                cycle: slug,
                department,
                due: due.to_string(),
                path: app::paths::reply(reply),
            };
            record(tx, (follow, &id.to_string()), &notice, now).await?;
            recorded += 1;
        }
    }
    Ok(recorded)
}
