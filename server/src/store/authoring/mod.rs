//! Editors' and departments' writes to the record, each with its revision and audit entry:
//! topics, problems, departments, lists, policies, reports, drafts and task progress.

pub(super) mod clash;
pub(super) mod deletions;
pub(super) mod documents;
pub(super) mod drafts;
pub(super) mod editor_reads;
pub(super) mod edits;
pub(super) mod lists;
pub(super) mod note_withdrawal;
pub(super) mod report_withdrawal;
pub(super) mod task_progress;
pub(super) mod task_record;
#[cfg(test)]
mod tests;
