//! 过线: items that crossed their cycle's threshold get a reply owed — due dates in working days
//! from the Beijing day they crossed, the rule's department — and their followers hear of it,
//! all in the transaction that records the crossing. A candidate of a cycle whose tally is hidden
//! until close crosses only once it closed: an earlier crossing would give the tally away.

use crate::store::notify::notice::{record, record_told};
use crate::store::{Conn, Notice, StoreError, StoreResult};
use app::model::{due_dates, FollowKind, ReplyItem};

/// An item over its threshold without a reply row: `(item id, title, cycle id, cycle slug,
/// working days, department, crossed at)`.
type Crossed = (i64, String, i64, String, i64, String, i64);

/// How old a crossing may be and still be mailed as news: a fortnight, as for overdue tasks.
const STALE_CROSSING_SECS: i64 = 14 * 86_400;

/// The sample winner's reply (示例): what an adopting department writes.
const SAMPLE_ADOPTED: &str =
    "（示例答复）这一问题得票最多，已列为每月一题，由牵头部门会同配合部门制定方案和任务清单，\
进展在主题页面上公开。";

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
    /// Demo data: the sample closed rounds' winners were answered five days after the close —
    /// adopted, pointing to the topic each became (the cycle is sample data, so is the reply).
    pub async fn answer_sample_winners(&self, now: i64) -> StoreResult<u64> {
        let winners: Vec<(i64, i64, i64, i64)> = sqlx::query_as(
            "SELECT r.id, k.became_year, k.became_month, c.closes_at
             FROM replies r JOIN cycle_candidates k ON r.item_kind = 'candidate' AND k.id = r.item_id
             JOIN cycles c ON c.id = k.cycle_id
             WHERE c.is_sample = 1 AND c.closes_at <= $1 AND r.replied_at IS NULL
               AND k.became_year IS NOT NULL AND k.became_month IS NOT NULL",
        )
        .bind(now)
        .fetch_all(&self.pool)
        .await?;
        if winners.is_empty() {
            return Ok(0);
        }
        let mut tx = self.write_tx().await?;
        for (id, year, month, closed) in &winners {
            let (year, month) = (
                i32::try_from(*year).map_err(|_| StoreError::Corrupt(format!("year {year}")))?,
                u8::try_from(*month).map_err(|_| StoreError::Corrupt(format!("month {month}")))?,
            );
            sqlx::query(
                "UPDATE replies SET decision = 'adopted', body = $1, link = $2, replied_at = $3
                 WHERE id = $4",
            )
            .bind(SAMPLE_ADOPTED)
            .bind(app::paths::topic(year, month))
            .bind((closed + 5 * 86_400).min(now))
            .bind(id)
            .execute(&mut *tx)
            .await?;
        }
        self.commit(tx).await?;
        Ok(winners.len() as u64)
    }

    /// The teller's look for candidates over their threshold (ballots are written in batches,
    /// and a hidden tally's candidates cross at close): records what crossed, committing only
    /// when something did, so an idle look moves no page's stamp.
    pub async fn record_reply_crossings(&self, now: i64) -> StoreResult<usize> {
        let mut tx = self.write_tx().await?;
        let recorded = record_crossings(&mut tx, now, None).await?;
        if recorded > 0 {
            self.commit(tx).await?;
        }
        Ok(recorded)
    }
}

/// Records a reply owed for every item over its threshold that has none — or, with `only`, for
/// that suggestion alone; returns how many.
pub(in crate::store) async fn record_crossings(
    tx: &mut Conn,
    now: i64,
    only: Option<i64>,
) -> StoreResult<usize> {
    // A support checks only its own suggestion: the look over every item is the teller's.
    let only_one = match only {
        Some(_) => " AND s.id = $2",
        None => "",
    };
    let sql = format!(
        "SELECT s.id, s.title, c.id, c.slug, c.reply_working_days, c.reply_department,
                CAST($1 AS BIGINT)
         FROM suggestions s JOIN cycles c ON c.id = s.cycle_id
         WHERE s.status = 'published' AND c.reply_supporters IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM replies r
                           WHERE r.item_kind = 'suggestion' AND r.item_id = s.id)
           AND (SELECT COUNT(*) FROM suggestion_supports p
                WHERE p.suggestion_id = s.id AND p.status = 'counted'
                  AND p.at <= COALESCE(s.decided_at, s.created_at)
                              + c.reply_support_days * 86400) >= c.reply_supporters{only_one}"
    );
    let mut query = sqlx::query_as::<_, Crossed>(&sql).bind(now);
    if let Some(id) = only {
        query = query.bind(id);
    }
    let suggestions = query.fetch_all(&mut *tx).await?;
    if only.is_some() {
        return owe(tx, now, [(ReplyItem::Suggestion, suggestions)]).await;
    }
    let candidates: Vec<Crossed> = sqlx::query_as(
        "SELECT k.id, k.title, c.id, c.slug, c.reply_working_days, c.reply_department,
                CASE WHEN c.live_tally = 1 THEN $1 ELSE c.closes_at END
         FROM cycle_candidates k JOIN cycles c ON c.id = k.cycle_id
         WHERE c.reply_votes IS NOT NULL AND (c.live_tally = 1 OR c.closes_at <= $2)
           AND NOT EXISTS (SELECT 1 FROM replies r
                           WHERE r.item_kind = 'candidate' AND r.item_id = k.id)
           AND (SELECT CAST(COALESCE(SUM(t.approvals), 0) AS BIGINT) FROM tallies t
                WHERE t.candidate_id = k.id) >= c.reply_votes",
    )
    .bind(now)
    .bind(now)
    .fetch_all(&mut *tx)
    .await?;
    owe(
        tx,
        now,
        [
            (ReplyItem::Suggestion, suggestions),
            (ReplyItem::Candidate, candidates),
        ],
    )
    .await
}

/// Writes the replies owed by `crossed` items, with their followers' notices.
async fn owe<const N: usize>(
    tx: &mut Conn,
    now: i64,
    crossed: [(ReplyItem, Vec<Crossed>); N],
) -> StoreResult<usize> {
    let mut recorded = 0;
    for (kind, rows) in crossed {
        for (id, title, cycle, slug, days, department, crossed_at) in rows {
            // A hidden tally's candidate crossed when the round closed and its count was known.
            let day = beijing_date(crossed_at.min(now))?;
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
            .bind(crossed_at.min(now))
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
            // A crossing found long after it happened (a round that closed before a long stop,
            // the demo's past round) is history in the item's feed, not news to mail.
            if now - crossed_at > STALE_CROSSING_SECS {
                record_told(tx, (follow, &id.to_string()), &notice, now).await?;
            } else {
                record(tx, (follow, &id.to_string()), &notice, now).await?;
            }
            recorded += 1;
        }
    }
    Ok(recorded)
}
