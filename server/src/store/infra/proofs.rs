//! Proofs of work spent once (`used_proofs`): a solved challenge that is sent again — a replay,
//! or a second form with the same solution — is refused by whoever checks it.

use crate::store::{Conn, StoreResult};

/// Spends `proof` in the write's transaction; `false` when it had been spent already.
pub(in crate::store) async fn spend_proof(
    tx: &mut Conn,
    proof: &str,
    now: i64,
) -> StoreResult<bool> {
    let fresh =
        sqlx::query("INSERT INTO used_proofs (proof, at) VALUES ($1, $2) ON CONFLICT DO NOTHING")
            .bind(proof)
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected();
    Ok(fresh > 0)
}
