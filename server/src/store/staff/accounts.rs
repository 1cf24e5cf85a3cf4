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
    /// From this client's network (IPv4 /24, IPv6 /48) for this name, and the last.
    pub network_pair: i64,
    pub network_pair_last: Option<i64>,
    /// From this client's network for any name, and the last.
    pub network: i64,
    pub network_last: Option<i64>,
}

/// Which failures an attempt counts (see `Failures`).
#[derive(Clone, Copy, Debug)]
enum Scope {
    Pair,
    Client,
    Name,
    NetworkPair,
    Network,
}

/// Who is trying to sign in: the name, the client's address and its network.
#[derive(Clone, Copy, Debug)]
pub struct SignInAttempt<'a> {
    pub username: &'a str,
    pub client: &'a str,
    pub network: &'a str,
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

    /// Counts this attempt as a failure before its password is checked, and reads the
    /// failures before it as the throttle sees them (since `since`, unix seconds). Written
    /// first, so attempts sent at once cannot all read the same count: the n-th to be written
    /// sees at least n − 1 before it, and only the first few are checked (issue 34). A correct
    /// password clears it with the client's other failures (`start_session`); a throttled
    /// attempt gives it back (`forget_login_attempt`).
    pub async fn begin_login_attempt(
        &self,
        who: SignInAttempt<'_>,
        since: i64,
        now: i64,
    ) -> StoreResult<(i64, Failures)> {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO login_failures (username, client, network, at) VALUES ($1, $2, $3, $4)
             RETURNING id",
        )
        .bind(who.username)
        .bind(who.client)
        .bind(who.network)
        .bind(now)
        .fetch_one(&self.pool)
        .await?;
        let count = |scope| self.failures_in(scope, who, since, id);
        let (pair, pair_last) = count(Scope::Pair).await?;
        let (client, client_last) = count(Scope::Client).await?;
        let (name, _) = count(Scope::Name).await?;
        let (network_pair, network_pair_last) = count(Scope::NetworkPair).await?;
        let (network, network_last) = count(Scope::Network).await?;
        Ok((
            id,
            Failures {
                pair,
                pair_last,
                client,
                client_last,
                name,
                network_pair,
                network_pair_last,
                network,
                network_last,
            },
        ))
    }

    /// Failures in `scope` of `who` other than `own`, since `since`: how many, and the last
    /// one's time.
    async fn failures_in(
        &self,
        scope: Scope,
        who: SignInAttempt<'_>,
        since: i64,
        own: i64,
    ) -> StoreResult<(i64, Option<i64>)> {
        const COUNT: &str = "SELECT COUNT(*), MAX(at) FROM login_failures WHERE ";
        let (sql, first, second) = match scope {
            Scope::Pair => (
                "username = $1 AND client = $2 AND at >= $3 AND id <> $4",
                who.username,
                Some(who.client),
            ),
            Scope::NetworkPair => (
                "username = $1 AND network = $2 AND at >= $3 AND id <> $4",
                who.username,
                Some(who.network),
            ),
            Scope::Client => ("client = $1 AND at >= $2 AND id <> $3", who.client, None),
            Scope::Name => (
                "username = $1 AND at >= $2 AND id <> $3",
                who.username,
                None,
            ),
            Scope::Network => ("network = $1 AND at >= $2 AND id <> $3", who.network, None),
        };
        let sql = [COUNT, sql].concat();
        let mut query = sqlx::query_as(&sql).bind(first);
        if let Some(second) = second {
            query = query.bind(second);
        }
        Ok(query.bind(since).bind(own).fetch_one(&self.pool).await?)
    }

    /// An attempt the throttle refused is not a failure: its row goes.
    pub async fn forget_login_attempt(&self, id: i64) -> StoreResult<()> {
        sqlx::query("DELETE FROM login_failures WHERE id = $1")
            .bind(id)
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
