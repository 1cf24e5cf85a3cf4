//! Hotline aggregates (12345 热线数据): imports that land whole, and evidence read back.

pub(super) mod aggregates;
pub(super) mod evidence;

pub(super) use aggregates::ClassSums;
#[cfg(test)]
mod tests;
