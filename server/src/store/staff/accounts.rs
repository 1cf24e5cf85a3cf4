//! Staff accounts, sessions, login failures and the audit log. Every change writes its audit
//! entry in the same transaction.

use crate::store::history::audit::audit;
use crate::store::{Store, StoreError, StoreResult};
use app::model::{AuditEntry, Department, Role, StaffMember};

#[derive(sqlx::FromRow)]
struct MemberRow {
    id: i64,
    username: String,
    display_name: String,
    role: String,
    department_id: Option<i64>,
    department_name: Option<String>,
}

impl MemberRow {
    fn into_member(self) -> StoreResult<StaffMember> {
        Ok(StaffMember {
            id: self.id,
            role: Role::parse(&self.role)
                .ok_or_else(|| StoreError::Corrupt(format!("unknown role {:?}", self.role)))?,
            username: self.username,
            display_name: self.display_name,
            department: self
                .department_id
                .zip(self.department_name)
                .map(|(id, name)| Department { id, name }),
            grants: Vec::new(),
        })
    }
}

const MEMBER_SELECT: &str = "SELECT s.id, s.username, s.display_name, s.role,
        d.id AS department_id, d.name AS department_name
    FROM staff s LEFT JOIN departments d ON d.id = s.department_id";

/// Recent sign-in failures (counted for throttling) seen from one sign-in attempt's point of view.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Failures {
    /// By this client for this name, and when the last was.
    pub pair: i64,
    pub pair_last: Option<i64>,
    /// By this client for any name, and when the last was.
    pub client: i64,
    pub client_last: Option<i64>,
    /// For this name from every client.
    pub name: i64,
}

/// A new staff account (工作人员), its password already hashed.
#[derive(Clone, Copy, Debug)]
pub struct NewStaff<'a> {
    pub username: &'a str,
    pub display_name: &'a str,
    pub password_hash: &'a str,
    pub role: Role,
    pub department: Option<&'a str>,
}

impl Store {
    /// Creates an account; `actor` is who did it, for the audit log.
    pub async fn add_staff(
        &self,
        account: &NewStaff<'_>,
        actor: &str,
        now: i64,
    ) -> StoreResult<i64> {
        let NewStaff {
            username,
            display_name,
            password_hash,
            role,
            department,
        } = *account;
        let mut tx = self.write_tx().await?;
        let department_id: Option<i64> = match department {
            Some(name) => Some(
                sqlx::query_scalar("SELECT id FROM departments WHERE name = $1")
                    .bind(name)
                    .fetch_optional(&mut *tx)
                    .await?
                    .ok_or_else(|| StoreError::Corrupt(format!("no department named {name:?}")))?,
            ),
            None => None,
        };
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO staff (username, display_name, password_hash, role, department_id, created_at)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(username)
        .bind(display_name)
        .bind(password_hash)
        .bind(role.as_str())
        .bind(department_id)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        audit(&mut tx, now, actor, "staff.create", username, role.as_str()).await?;
        self.commit(tx).await?;
        Ok(id)
    }

    /// The member and their password hash, for an enabled account.
    pub async fn staff_credentials(
        &self,
        username: &str,
    ) -> StoreResult<Option<(StaffMember, String)>> {
        let row: Option<(i64, String)> = sqlx::query_as(
            "SELECT id, password_hash FROM staff WHERE username = $1 AND disabled = 0",
        )
        .bind(username)
        .fetch_optional(&self.pool)
        .await?;
        let Some((id, hash)) = row else {
            return Ok(None);
        };
        let member: MemberRow = sqlx::query_as(&format!("{MEMBER_SELECT} WHERE s.id = $1"))
            .bind(id)
            .fetch_one(&self.pool)
            .await?;
        Ok(Some((member.into_member()?, hash)))
    }

    /// Recent failed sign-ins as the throttle sees them: by this client for this name, by
    /// this client for any name, and for this name from anyone, since `since` (unix seconds).
    pub async fn login_failures(
        &self,
        username: &str,
        client: &str,
        since: i64,
    ) -> StoreResult<Failures> {
        let (pair, pair_last): (i64, Option<i64>) = sqlx::query_as(
            "SELECT COUNT(*), MAX(at) FROM login_failures
             WHERE username = $1 AND client = $2 AND at >= $3",
        )
        .bind(username)
        .bind(client)
        .bind(since)
        .fetch_one(&self.pool)
        .await?;
        let (by_client, client_last): (i64, Option<i64>) = sqlx::query_as(
            "SELECT COUNT(*), MAX(at) FROM login_failures WHERE client = $1 AND at >= $2",
        )
        .bind(client)
        .bind(since)
        .fetch_one(&self.pool)
        .await?;
        let name: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM login_failures WHERE username = $1 AND at >= $2",
        )
        .bind(username)
        .bind(since)
        .fetch_one(&self.pool)
        .await?;
        Ok(Failures {
            pair,
            pair_last,
            client: by_client,
            client_last,
            name,
        })
    }

    pub async fn record_login_failure(
        &self,
        username: &str,
        client: &str,
        now: i64,
    ) -> StoreResult<()> {
        sqlx::query("INSERT INTO login_failures (username, client, at) VALUES ($1, $2, $3)")
            .bind(username)
            .bind(client)
            .bind(now)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Starts a session: this client's failures for the name are cleared (others' guesses
    /// stay counted) and the login is audited.
    pub async fn start_session(
        &self,
        member: &StaffMember,
        token_hash: &str,
        now: i64,
        client: &str,
    ) -> StoreResult<()> {
        let mut tx = self.write_tx().await?;
        sqlx::query("DELETE FROM login_failures WHERE username = $1 AND client = $2")
            .bind(&member.username)
            .bind(client)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO sessions (token_hash, staff_id, created_at, last_seen_at) VALUES ($1, $2, $3, $3)",
        )
        .bind(token_hash)
        .bind(member.id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        audit(
            &mut tx,
            now,
            &member.username,
            "session.login",
            &member.username,
            "",
        )
        .await?;
        self.commit(tx).await?;
        Ok(())
    }

    /// The member behind a session that is neither idle since `idle_since` nor older than
    /// `created_since`; touches it. Expired sessions are removed.
    pub async fn session_member(
        &self,
        token_hash: &str,
        now: i64,
        idle_since: i64,
        created_since: i64,
    ) -> StoreResult<Option<StaffMember>> {
        let row: Option<(i64, i64, i64)> = sqlx::query_as(
            "SELECT staff_id, created_at, last_seen_at FROM sessions WHERE token_hash = $1",
        )
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await?;
        let Some((staff_id, created_at, last_seen_at)) = row else {
            return Ok(None);
        };
        if created_at < created_since || last_seen_at < idle_since {
            self.end_session(token_hash).await?;
            return Ok(None);
        }
        sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2")
            .bind(now)
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        let member: Option<MemberRow> = sqlx::query_as(&format!(
            "{MEMBER_SELECT} WHERE s.id = $1 AND s.disabled = 0"
        ))
        .bind(staff_id)
        .fetch_optional(&self.pool)
        .await?;
        let mut member = member.map(MemberRow::into_member).transpose()?;
        if let Some(m) = member.as_mut() {
            m.grants = self.grants_of(m.id).await?;
        }
        Ok(member)
    }

    pub async fn end_session(&self, token_hash: &str) -> StoreResult<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// 全部退出: ends every session of the member, on every device.
    pub async fn end_all_sessions(&self, member: &StaffMember, now: i64) -> StoreResult<()> {
        let mut tx = self.write_tx().await?;
        sqlx::query("DELETE FROM sessions WHERE staff_id = $1")
            .bind(member.id)
            .execute(&mut *tx)
            .await?;
        audit(
            &mut tx,
            now,
            &member.username,
            "session.logout_everywhere",
            &member.username,
            "",
        )
        .await?;
        self.commit(tx).await?;
        Ok(())
    }

    pub async fn audit_entries(&self, limit: i64) -> StoreResult<Vec<AuditEntry>> {
        let rows: Vec<(i64, String, String, String, String)> = sqlx::query_as(
            "SELECT at, username, action, subject, detail FROM audit_log ORDER BY id DESC LIMIT $1",
        )
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(at, username, action, subject, detail)| AuditEntry {
                at: jiff::Timestamp::from_second(at)
                    .map(|t| t.to_string())
                    .unwrap_or_else(|_| at.to_string()),
                username,
                action,
                subject,
                detail,
            })
            .collect())
    }
}

impl Store {
    /// Every account, for administrators: the member and whether it is disabled.
    pub async fn staff_accounts(&self) -> StoreResult<Vec<(StaffMember, bool)>> {
        let rows: Vec<MemberRow> = sqlx::query_as(&format!("{MEMBER_SELECT} ORDER BY s.username"))
            .fetch_all(&self.pool)
            .await?;
        let disabled: Vec<(i64, i64)> = sqlx::query_as("SELECT id, disabled FROM staff")
            .fetch_all(&self.pool)
            .await?;
        let mut accounts = Vec::with_capacity(rows.len());
        for r in rows {
            let off = disabled.iter().any(|(id, d)| *id == r.id && *d != 0);
            let mut member = r.into_member()?;
            member.grants = self.grants_of(member.id).await?;
            accounts.push((member, off));
        }
        Ok(accounts)
    }

    /// Disables or re-enables an account; disabling also ends its sessions.
    pub async fn set_staff_disabled(
        &self,
        actor: &StaffMember,
        id: i64,
        disabled: bool,
        now: i64,
    ) -> StoreResult<bool> {
        let mut tx = self.write_tx().await?;
        let name: Option<String> =
            sqlx::query_scalar("UPDATE staff SET disabled = $1 WHERE id = $2 RETURNING username")
                .bind(i64::from(disabled))
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
        let Some(name) = name else { return Ok(false) };
        if disabled {
            sqlx::query("DELETE FROM sessions WHERE staff_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        let action = if disabled {
            "staff.disable"
        } else {
            "staff.enable"
        };
        audit(&mut tx, now, &actor.username, action, &name, "").await?;
        self.commit(tx).await?;
        Ok(true)
    }
}
