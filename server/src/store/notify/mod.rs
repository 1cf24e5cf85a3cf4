//! 关注 and the outbox (issue 33): follows by email address, and the notifications waiting to be
//! delivered, each written in the transaction of what caused it.

pub(super) mod fanout;
pub(super) mod follows;
pub(super) mod notice;
pub(super) mod outbox;
pub(super) mod tell;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_topics;
pub(super) mod topic_notices;
