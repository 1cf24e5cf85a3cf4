//! 答复评价 on the reply's own page: the device that stood behind the item — its suggestion,
//! its counted "me too", or its counted ballot for the candidate — or the suggestion's author
//! with her receipt, grades the reply once per answer. Checked like a "me too": a spent proof of
//! work cannot be used again, and beyond the daily allowance per network a rating is written as
//! held for a moderator (never dropped, never counted until one decides).

use crate::store::backers::{author_by_receipt, backs, Backed};
use crate::store::infra::proofs::spend_proof;
use crate::store::{Conn, Store, StoreError, StoreResult};
use app::model::{rating_open, BallotReason, CandidateId, CycleId, RatingStanding, Scores};

/// A rating from the reply's page, ready to be written.
#[derive(Clone, Debug)]
pub struct NewRating {
    pub reply_id: i64,
    /// The sending device's keyed id, if it has a token.
    pub voter: Option<String>,
    /// The receipt typed in the address, if any (the suggestion's author).
    pub receipt: Option<String>,
    pub network: String,
    /// The spent proof of work, if any.
    pub proof: Option<String>,
    pub scores: Scores,
}

/// Where a reader stands with a reply's rating on its page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HereState {
    /// No such reply.
    NotFound,
    /// Neither the device nor the receipt stands behind the item.
    NotYours,
    Open,
    Rated {
        scores: Scores,
        standing: RatingStanding,
    },
    /// Not answered yet, or fifteen days have passed.
    Closed,
}

/// What rating on the page did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HereWritten {
    NotFound,
    NotYours,
    Counted,
    Held,
    Already,
    Closed,
    ReplayedProof,
}

/// The reply as rating needs it: item kind and id, the cycle, when the answer rated now was
/// posted, its round (1, or 2 after 重办), and when its first answer was posted (backing given
/// after that does not make a rater).
type ReplyRow = (String, i64, i64, Option<i64>, i64, Option<i64>);

async fn reply_row(conn: &mut Conn, id: i64) -> StoreResult<Option<ReplyRow>> {
    Ok(sqlx::query_as(
        "SELECT item_kind, item_id, cycle_id, replied_at,
                CASE WHEN reopened_at IS NULL THEN 1 ELSE 2 END,
                COALESCE(first_replied_at, replied_at)
         FROM replies WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?)
}

/// The item the reply answers, as its backers back it.
fn backed(row: &ReplyRow) -> Backed {
    if row.0 == "suggestion" {
        Backed::Suggestion(row.1)
    } else {
        Backed::Candidate {
            id: CandidateId(row.1),
            cycle: CycleId(row.2),
        }
    }
}

/// The key she rates under: the author's device key when the receipt is her suggestion's (so
/// the receipt and the device she wrote on are one rater), else the device's own when it
/// backed the item before its first answer; `None` when neither does.
async fn rater(
    conn: &mut Conn,
    row: &ReplyRow,
    (voter, receipt): (Option<&str>, Option<&str>),
    now: i64,
) -> StoreResult<Option<String>> {
    let item = backed(row);
    if let Some(receipt) = receipt {
        if let Some(author) = author_by_receipt(conn, item, receipt).await? {
            return Ok(Some(author));
        }
    }
    match voter {
        Some(voter) if backs(conn, item, voter, row.5.unwrap_or(now)).await? => {
            Ok(Some(voter.to_string()))
        }
        _ => Ok(None),
    }
}

/// Her earlier rating of the answer rated now, under her rater key or sent from this device
/// (by any path: mail link, this page, her receipt): scores and state.
async fn earlier(
    conn: &mut Conn,
    (id, round): (i64, i64),
    rater: &str,
    device: Option<&str>,
) -> StoreResult<Option<(Scores, String)>> {
    let device = device.unwrap_or(rater);
    let row: Option<(i64, i64, i64, String)> = sqlx::query_as(
        "SELECT solved, attitude, speed, state FROM reply_ratings
         WHERE reply_id = $1 AND round = $2
           AND (voter = $3 OR voter = $4 OR device = $5 OR device = $6)
         ORDER BY id LIMIT 1",
    )
    .bind(id)
    .bind(round)
    .bind(rater)
    .bind(device)
    .bind(rater)
    .bind(device)
    .fetch_optional(&mut *conn)
    .await?;
    let n = |v: i64| u8::try_from(v).unwrap_or(0);
    Ok(row.map(|(a, b, c, state)| {
        (
            Scores {
                solved: n(a),
                attitude: n(b),
                speed: n(c),
            },
            state,
        )
    }))
}

/// A stored rating state, as a standing; anything else is a corrupt row.
fn standing(state: &str) -> StoreResult<RatingStanding> {
    RatingStanding::parse(state)
        .ok_or_else(|| StoreError::Corrupt(format!("unknown rating state {state:?}")))
}

impl Store {
    /// Where the reader stands with reply `id`'s rating, by her device's key and the receipt
    /// in the address.
    pub async fn rating_here(
        &self,
        id: i64,
        voter: Option<&str>,
        receipt: Option<&str>,
        now: i64,
    ) -> StoreResult<HereState> {
        let mut conn = self.pool.acquire().await?;
        let Some(row) = reply_row(&mut conn, id).await? else {
            return Ok(HereState::NotFound);
        };
        let Some(rater) = rater(&mut conn, &row, (voter, receipt), now).await? else {
            return Ok(HereState::NotYours);
        };
        if let Some((scores, state)) = earlier(&mut conn, (id, row.4), &rater, voter).await? {
            return Ok(HereState::Rated {
                scores,
                standing: standing(&state)?,
            });
        }
        Ok(match row.3 {
            Some(at) if rating_open(at, now) => HereState::Open,
            _ => HereState::Closed,
        })
    }

    /// Writes a rating from the reply's page; `per_network_day` is the daily allowance of
    /// counted ratings of one reply from one network.
    pub async fn rate_reply_here(
        &self,
        r: &NewRating,
        now: i64,
        per_network_day: i64,
    ) -> StoreResult<HereWritten> {
        let mut tx = self.write_tx().await?;
        let Some(row) = reply_row(&mut tx, r.reply_id).await? else {
            return Ok(HereWritten::NotFound);
        };
        let keys = (r.voter.as_deref(), r.receipt.as_deref());
        let Some(rater) = rater(&mut tx, &row, keys, now).await? else {
            return Ok(HereWritten::NotYours);
        };
        if let Some((_, state)) =
            earlier(&mut tx, (r.reply_id, row.4), &rater, r.voter.as_deref()).await?
        {
            return Ok(if state == "held" {
                HereWritten::Held
            } else {
                HereWritten::Already
            });
        }
        if !row.3.is_some_and(|at| rating_open(at, now)) {
            return Ok(HereWritten::Closed);
        }
        if let Some(proof) = &r.proof {
            if !spend_proof(&mut tx, proof, now).await? {
                return Ok(HereWritten::ReplayedProof);
            }
        }
        let others: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM reply_ratings
             WHERE reply_id = $1 AND network = $2 AND created_at >= $3 AND state = 'counted'",
        )
        .bind(r.reply_id)
        .bind(&r.network)
        .bind(app::model::beijing_day_start(now))
        .fetch_one(&mut *tx)
        .await?;
        let held = others >= per_network_day;
        sqlx::query(
            "INSERT INTO reply_ratings
                 (reply_id, round, voter, solved, attitude, speed, created_at, state, network,
                  reason, device)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(r.reply_id)
        .bind(row.4)
        .bind(&rater)
        .bind(i64::from(r.scores.solved))
        .bind(i64::from(r.scores.attitude))
        .bind(i64::from(r.scores.speed))
        .bind(now)
        .bind(if held { "held" } else { "counted" })
        .bind(&r.network)
        .bind(held.then_some(BallotReason::NetworkDay.as_str()))
        .bind(r.voter.as_deref())
        .execute(&mut *tx)
        .await?;
        if !held && row.4 == 1 {
            super::rehandle::reopen_if_unsolved(&mut tx, r.reply_id, now).await?;
        }
        self.commit(tx).await?;
        Ok(if held {
            HereWritten::Held
        } else {
            HereWritten::Counted
        })
    }
}
