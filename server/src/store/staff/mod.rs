//! Staff accounts, sessions, the audit log, role grants and refused forms kept for re-display.

pub(super) mod accounts;
pub(super) mod form_echo;
pub(super) mod roles;
