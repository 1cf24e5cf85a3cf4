//! What the public sees arriving and leaving as a whole: the atomic dataset load, staged
//! imports, withdrawals and the Atom feed.

pub(super) mod dataset;
pub(super) mod dataset_rows;
pub(super) mod dataset_topic;
pub(super) mod feed;
pub(super) mod staged;
pub(super) mod withdrawals;
