//! Residents' suggestions (我要点菜) and "me too" support, their moderation, and
//! moderators' decisions on held ballots.

pub(super) mod ballot_reviews;
pub(super) mod open_suggestions;
pub(super) mod suggestion_timeline;
pub(super) mod suggestions;
pub(super) mod supports;
