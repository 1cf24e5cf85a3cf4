//! 留痕修改: the one shape of an edit to an item that exists — its version before, the change,
//! its new version and the audit entry, committed together in one write transaction. Status
//! changes, corrections and withdrawals go through [`Store::audited_edit`], so none can forget
//! the history or write the audit entry in a second transaction. The create-or-edit forms
//! (topic, problem, department, task, duty) and publishing a policy still call
//! `before_change`/`record_change` themselves: their item may not exist yet.

use super::revisions::{before_change, record_change, Change};
use crate::store::{Conn, Store, StoreResult};
use app::model::Entity;

/// Which item an edit changes, who changes it and the audit action it is recorded under.
pub(in crate::store) struct EditOf<'a> {
    pub actor: &'a str,
    pub entity: Entity,
    pub id: i64,
    pub action: &'a str,
    pub now: i64,
}

/// What an edit did: how the audit log names the item and what changed, and the caller's answer.
pub(in crate::store) struct Edited<T> {
    pub subject: String,
    pub detail: String,
    pub value: T,
}

impl<T> Edited<T> {
    pub fn new(subject: String, value: T) -> Edited<T> {
        Edited {
            subject,
            detail: String::new(),
            value,
        }
    }

    pub fn detail(mut self, detail: impl Into<String>) -> Edited<T> {
        self.detail = detail.into();
        self
    }
}

/// What an edit answers: `Ok` with what it did, or `Err` with the caller's answer when it
/// refuses (a title taken, an item not in the state it needs); a refusal writes nothing.
pub(in crate::store) type EditResult<T> = StoreResult<Result<Edited<T>, T>>;

impl Store {
    /// Runs `edit` on the item in one write transaction between its two versions. `None`: the
    /// item does not exist. A refusal or an error from `edit` rolls everything back.
    pub(in crate::store) async fn audited_edit<T>(
        &self,
        of: EditOf<'_>,
        edit: impl AsyncFnOnce(&mut Conn) -> EditResult<T>,
    ) -> StoreResult<Option<T>> {
        let mut tx = self.write_tx().await?;
        let Some(before) = before_change(&mut tx, of.entity, of.id, of.now).await? else {
            return Ok(None);
        };
        let done = match edit(&mut tx).await? {
            Ok(done) => done,
            Err(refused) => return Ok(Some(refused)),
        };
        let change = Change {
            entity: of.entity,
            id: of.id,
            action: of.action,
            subject: done.subject,
            detail: &done.detail,
        };
        record_change(&mut tx, of.actor, of.now, Some(&before), change).await?;
        self.commit(tx).await?;
        Ok(Some(done.value))
    }
}
