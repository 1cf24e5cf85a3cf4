//! 留痕修改: the one shape of a staff write to an item — its version before, the change, its new
//! version and the audit entry, committed together in one write transaction. Status changes,
//! corrections, publishing and withdrawals go through [`Store::audited_edit`]; the create-or-edit
//! forms (topic, problem, department, task, responsibility) through [`Store::audited_save`]. So
//! none can forget the history or write the audit entry in a second transaction, and these two
//! are the only callers of `before_change`, `after_change` and `record_change` (test
//! `only_the_audited_helpers_write_history`).

use super::revisions::{before_change, record_change, record_deletion, Change};
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

/// What an audited change keeps in the history after it.
enum Recorded {
    /// The item's new version (an edit).
    NewVersion,
    /// Its last version once more, under the deleting action (a deletion).
    LastVersion,
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
        self.audited(of, edit, Recorded::NewVersion).await
    }

    /// Runs `delete` on the item in one write transaction: its last version is kept under the
    /// deleting action, with the audit entry. `None`: the item does not exist.
    pub(in crate::store) async fn audited_delete<T>(
        &self,
        of: EditOf<'_>,
        delete: impl AsyncFnOnce(&mut Conn) -> EditResult<T>,
    ) -> StoreResult<Option<T>> {
        self.audited(of, delete, Recorded::LastVersion).await
    }

    /// The shape both share: the version before, the change, then what `recorded` keeps.
    async fn audited<T>(
        &self,
        of: EditOf<'_>,
        change: impl AsyncFnOnce(&mut Conn) -> EditResult<T>,
        recorded: Recorded,
    ) -> StoreResult<Option<T>> {
        let mut tx = self.write_tx().await?;
        let Some(before) = before_change(&mut tx, of.entity, of.id, of.now).await? else {
            return Ok(None);
        };
        let done = match change(&mut tx).await? {
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
        match recorded {
            Recorded::NewVersion => {
                record_change(&mut tx, of.actor, of.now, Some(&before), change).await?
            }
            Recorded::LastVersion => {
                record_deletion(&mut tx, of.actor, of.now, &before, change).await?
            }
        }
        self.commit(tx).await?;
        Ok(Some(done.value))
    }

    /// Runs a create-or-edit form's `save` in one write transaction. For an edit, the item's
    /// version before is kept first (`missing` is the answer when there is no such item); `save`
    /// inserts or updates and answers the item's id, or refuses (a refusal or an error rolls
    /// everything back); then the new version and the audit entry are written.
    pub(in crate::store) async fn audited_save<T>(
        &self,
        of: SaveOf<'_>,
        missing: T,
        save: impl AsyncFnOnce(&mut Conn) -> StoreResult<Result<Edited<i64>, T>>,
    ) -> StoreResult<Result<i64, T>> {
        let mut tx = self.write_tx().await?;
        let before = match of.id {
            None => None,
            Some(id) => match before_change(&mut tx, of.entity, id, of.now).await? {
                Some(before) => Some(before),
                None => return Ok(Err(missing)),
            },
        };
        let done = match save(&mut tx).await? {
            Ok(done) => done,
            Err(refused) => return Ok(Err(refused)),
        };
        let [create, edit] = of.actions;
        let change = Change {
            entity: of.entity,
            id: done.value,
            action: if of.id.is_some() { edit } else { create },
            subject: done.subject,
            detail: &done.detail,
        };
        record_change(&mut tx, of.actor, of.now, before.as_ref(), change).await?;
        self.commit(tx).await?;
        Ok(Ok(done.value))
    }
}

/// Which item a create-or-edit form saves (`id` is `None` for a new one), who saves it, and
/// the audit actions for a new item and for an edit (`["task.create", "task.edit"]`).
pub(in crate::store) struct SaveOf<'a> {
    pub actor: &'a str,
    pub entity: Entity,
    pub id: Option<i64>,
    pub actions: [&'a str; 2],
    pub now: i64,
}

impl<'a> SaveOf<'a> {
    pub fn new(
        actor: &'a str,
        entity: Entity,
        id: Option<i64>,
        actions: [&'a str; 2],
        now: i64,
    ) -> SaveOf<'a> {
        SaveOf {
            actor,
            entity,
            id,
            actions,
            now,
        }
    }
}
