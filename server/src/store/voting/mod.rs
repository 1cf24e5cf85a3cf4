//! Voting cycles (选题征集) and their ballots (选票): cycle rules and candidates, the ballot
//! writer's SQL, tallies, receipts, paper codes and the demo cycles.

pub(super) mod ballot_batch;
pub(super) mod ballots;
pub(super) mod batch_state;
pub(super) mod candidate_edits;
pub(super) mod cycle_reads;
pub(super) mod cycle_rules;
pub(super) mod cycles;
pub(super) mod own_ballot;
pub(super) mod paper_codes;
pub(super) mod sample_cycles;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_batch;
#[cfg(test)]
mod tests_cycles;
pub(super) mod voter_networks;
