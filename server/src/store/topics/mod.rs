//! Reading the published record: years, problems, topics with their plan, lists and reports,
//! the archive, title search and each item's provenance.

pub(super) mod archive;
pub(super) mod chosen_by;
pub(super) mod departments;
pub(super) mod provenance;
pub(super) mod read;
pub(super) mod search;
#[cfg(test)]
mod tests_provenance;
pub(super) mod topic_page;
