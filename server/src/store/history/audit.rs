//! 操作日志: the audit log entry every staff action writes, in the transaction of the change
//! it records (the table refuses updates and deletes).

use crate::store::{Conn, StoreResult};

pub(in crate::store) async fn audit(
    tx: &mut Conn,
    now: i64,
    username: &str,
    action: &str,
    subject: &str,
    detail: &str,
) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO audit_log (at, username, action, subject, detail) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(now)
    .bind(username)
    .bind(action)
    .bind(subject)
    .bind(detail)
    .execute(&mut *tx)
    .await?;
    Ok(())
}
