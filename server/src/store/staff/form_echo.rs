//! 表单回填: a refused staff form's input, kept a few minutes for the session that typed it.

use crate::store::{Store, StoreResult};

impl Store {
    /// Keeps a refused form (JSON already encoded) and prunes echoes older than `max_age`.
    pub async fn keep_echo(
        &self,
        session_hash: &str,
        form: &str,
        fields_json: &str,
        error_json: &str,
        now: i64,
        max_age: i64,
    ) -> StoreResult<i64> {
        let mut tx = self.write_tx().await?;
        sqlx::query("DELETE FROM form_echo WHERE created_at < $1")
            .bind(now - max_age)
            .execute(&mut *tx)
            .await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO form_echo (session_hash, form, fields_json, error_json, created_at)
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(session_hash)
        .bind(form)
        .bind(fields_json)
        .bind(error_json)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        self.commit(tx).await?;
        Ok(id)
    }

    /// `(form, fields_json, error_json)` of an echo of this session, if still fresh.
    pub async fn echo(
        &self,
        session_hash: &str,
        id: i64,
        now: i64,
        max_age: i64,
    ) -> StoreResult<Option<(String, String, String)>> {
        let row = sqlx::query_as(
            "SELECT form, fields_json, error_json FROM form_echo
             WHERE id = $1 AND session_hash = $2 AND created_at >= $3",
        )
        .bind(id)
        .bind(session_hash)
        .bind(now - max_age)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row)
    }
}

#[cfg(test)]
mod tests {
    use crate::store::tests::loaded_store;

    #[tokio::test]
    async fn a_form_echo_answers_only_its_own_session_while_fresh() {
        let (_dir, store) = loaded_store().await;
        let id = store
            .keep_echo("session-a", "topic-new", "[]", "{}", 1_000, 900)
            .await
            .expect("keep");
        assert!(store
            .echo("session-a", id, 1_100, 900)
            .await
            .expect("read")
            .is_some());
        assert!(store
            .echo("session-b", id, 1_100, 900)
            .await
            .expect("read")
            .is_none());
        assert!(
            store
                .echo("session-a", id, 2_000, 900)
                .await
                .expect("read")
                .is_none(),
            "stale"
        );
    }
}
