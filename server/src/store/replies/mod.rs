//! 答复 (issue 35): a cycle's reply rule, the items that crossed it and the replies owed — due
//! dates in working days, extensions, interim notes and the reply itself — and who is late.

pub(super) mod comments;
pub(super) mod crossing;
pub(super) mod held_ratings;
pub(super) mod league;
pub(super) mod not_chosen;
pub(super) mod ratings;
pub(super) mod ratings_here;
pub(super) mod reads;
pub(super) mod rehandle;
pub(super) mod reminders;
pub(super) mod rule;
pub(super) mod sample;
pub(super) mod tally;
pub(super) mod templates;
pub(super) mod writes;
