//! Hotline evidence (热线数据): 12345 request records in, aggregates per day × category ×
//! district out. Records are never stored (residents' privacy); see docs/hotline.md.

pub mod aggregate;
pub mod chunk;
mod figures;
pub mod generate;
pub mod ingest;
pub mod parallel;
pub mod rank;
pub mod record;
