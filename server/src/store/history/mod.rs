//! The append-only records of what changed and who did it: the audit log (操作日志) and the
//! revisions of every edited item (修订记录). Below every folder that writes.

pub(super) mod audit;
pub(super) mod audited_edit;
pub(super) mod revisions;
