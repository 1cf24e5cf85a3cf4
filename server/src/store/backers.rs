//! 支持者 (Backers): who stands behind an item — a suggestion's author, a counted "me too", a
//! voter's latest counted ballot for a candidate. Below `voting` (which counts ballots by it)
//! and `replies` (whose ratings from a reply's page are open to an item's backers only).

use crate::store::{Conn, StoreResult};
use app::model::{CandidateId, CycleId};

/// A ballot's picks as stored (`"3,5"`).
pub(in crate::store) fn parse_picks(text: &str) -> Vec<CandidateId> {
    text.split(',')
        .filter_map(|p| p.parse().ok())
        .map(CandidateId)
        .collect()
}

/// The voter's ballot that counts now: `(id, tier, picks)` of their latest accepted ballot.
pub(in crate::store) async fn current_ballot(
    tx: &mut Conn,
    cycle_id: CycleId,
    voter: &str,
) -> StoreResult<Option<(i64, String, String)>> {
    Ok(sqlx::query_as(
        "SELECT b.id, b.tier, b.picks FROM ballots b
         LEFT JOIN ballot_reviews r ON r.ballot_id = b.id
         WHERE b.cycle_id = $1 AND b.voter = $2 AND COALESCE(r.decision, b.status) = 'counted'
         ORDER BY b.id DESC LIMIT 1",
    )
    .bind(cycle_id.0)
    .bind(voter)
    .fetch_optional(&mut *tx)
    .await?)
}

/// An item residents back: a suggestion, or a candidate of a cycle.
#[derive(Clone, Copy, Debug)]
pub(in crate::store) enum Backed {
    Suggestion(i64),
    Candidate { id: CandidateId, cycle: CycleId },
}

/// The suggestion behind the item: itself, or the one the candidate was made from.
pub(in crate::store) async fn source_suggestion(
    conn: &mut Conn,
    item: Backed,
) -> StoreResult<Option<i64>> {
    match item {
        Backed::Suggestion(id) => Ok(Some(id)),
        Backed::Candidate { id, .. } => Ok(sqlx::query_scalar(
            "SELECT suggestion_id FROM cycle_candidates WHERE id = $1",
        )
        .bind(id.0)
        .fetch_optional(&mut *conn)
        .await?
        .flatten()),
    }
}

/// The device key of the author of the suggestion behind `item` whose receipt is `receipt`.
pub(in crate::store) async fn author_by_receipt(
    conn: &mut Conn,
    item: Backed,
    receipt: &str,
) -> StoreResult<Option<String>> {
    let Some(source) = source_suggestion(conn, item).await? else {
        return Ok(None);
    };
    Ok(
        sqlx::query_scalar("SELECT voter FROM suggestions WHERE receipt = $1 AND id = $2")
            .bind(receipt.trim())
            .bind(source)
            .fetch_optional(&mut *conn)
            .await?,
    )
}

/// The picks of the voter's latest counted ballot cast by `at` (unix seconds).
async fn picks_as_of(
    conn: &mut Conn,
    cycle_id: CycleId,
    voter: &str,
    at: i64,
) -> StoreResult<Option<String>> {
    Ok(sqlx::query_scalar(
        "SELECT b.picks FROM ballots b
         LEFT JOIN ballot_reviews r ON r.ballot_id = b.id
         WHERE b.cycle_id = $1 AND b.voter = $2 AND b.created_at <= $3
           AND COALESCE(r.decision, b.status) = 'counted'
         ORDER BY b.id DESC LIMIT 1",
    )
    .bind(cycle_id.0)
    .bind(voter)
    .bind(at)
    .fetch_optional(&mut *conn)
    .await?)
}

/// Whether device key `voter` backed `item` by `cutoff` (unix seconds): wrote the suggestion
/// behind it, supported that suggestion (counted), or — for a candidate — picked it in its
/// latest counted ballot cast by then. Backing given after the cutoff (a reply's answer, say)
/// does not count: a new browser cannot become a backer to judge what it did not back.
pub(in crate::store) async fn backs(
    conn: &mut Conn,
    item: Backed,
    voter: &str,
    cutoff: i64,
) -> StoreResult<bool> {
    if let Some(source) = source_suggestion(conn, item).await? {
        let wrote: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM suggestions WHERE id = $1 AND voter = $2")
                .bind(source)
                .bind(voter)
                .fetch_one(&mut *conn)
                .await?;
        let supported: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM suggestion_supports
             WHERE suggestion_id = $1 AND voter = $2 AND status = 'counted' AND at <= $3",
        )
        .bind(source)
        .bind(voter)
        .bind(cutoff)
        .fetch_one(&mut *conn)
        .await?;
        if wrote + supported > 0 {
            return Ok(true);
        }
    }
    if let Backed::Candidate { id, cycle } = item {
        let picks = picks_as_of(conn, cycle, voter, cutoff).await?;
        return Ok(picks.is_some_and(|picks| parse_picks(&picks).contains(&id)));
    }
    Ok(false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::tests::loaded_store;
    use crate::store::{HoldRules, NewBallot};
    use app::model::{BallotStatus, Tier};

    fn ballot(cycle_id: CycleId, voter: &str, pick: CandidateId, receipt: &str) -> NewBallot {
        NewBallot {
            cycle_id,
            voter: voter.into(),
            tier: Tier::Unverified,
            picks: vec![pick],
            receipt: receipt.into(),
            status: BallotStatus::Counted,
            reason: None,
            network: "192.0.2.0/24".into(),
            code_hash: None,
            proof: None,
        }
    }

    #[tokio::test]
    async fn a_voter_backs_the_candidates_of_her_latest_counted_ballot_by_the_cutoff_only() {
        let (_dir, store) = loaded_store().await;
        let now = jiff::Timestamp::now().as_second();
        let (cycle, ids) = store
            .cycle_rules("2027-annual", now)
            .await
            .expect("read")
            .expect("sample cycle");
        let rules = HoldRules {
            burst_window: 60,
            burst_limit: 1000,
            per_network_day: 1000,
        };
        let first = ballot(cycle.id, "d:a", ids[0], "R-backers-1");
        store
            .record_ballots(&[first], now, rules)
            .await
            .expect("cast");
        let item = |n: usize| Backed::Candidate {
            id: ids[n],
            cycle: cycle.id,
        };
        let later = now + 100;
        let mut conn = store.pool.acquire().await.expect("conn");
        assert!(backs(&mut conn, item(0), "d:a", later).await.expect("read"));
        assert!(!backs(&mut conn, item(1), "d:a", later).await.expect("read"));
        assert!(!backs(&mut conn, item(0), "d:b", later).await.expect("read"));
        // Not as of before she voted.
        assert!(!backs(&mut conn, item(0), "d:a", now - 1)
            .await
            .expect("read"));
        drop(conn);

        // She changes her ballot: she backs what she picks now, not what she picked before.
        let second = ballot(cycle.id, "d:a", ids[1], "R-backers-2");
        store
            .record_ballots(&[second], now + 1, rules)
            .await
            .expect("cast");
        let mut conn = store.pool.acquire().await.expect("conn");
        assert!(!backs(&mut conn, item(0), "d:a", later).await.expect("read"));
        assert!(backs(&mut conn, item(1), "d:a", later).await.expect("read"));
        // As of the moment between her two ballots, she backed the first.
        assert!(backs(&mut conn, item(0), "d:a", now).await.expect("read"));
    }
}
