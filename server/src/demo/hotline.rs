//! The demo's hotline data (示例数据): records from the deterministic generator, streamed through
//! the real import (parse → aggregate → one transaction) without touching the disk, so every
//! figure the demo shows about the hotline is computed by the engine. Fewer requests a day than
//! the real ~70,000, so the demo loads in seconds; the pages say the figures are sample.

use super::DemoError;
use crate::hotline::generate::{self, Effect, Plan};
use crate::hotline::ingest;
use crate::hotline::record::{civil_from_days, days_from_civil};
use crate::store::{Applied, Store};
use sha2::{Digest, Sha256};
use std::io::{BufReader, BufWriter, Write};

/// The sample records cover this many whole months before the current one, so a topic that
/// starts now has a year of "before".
const MONTHS_BACK: i32 = 13;

/// What was loaded.
#[derive(Debug)]
pub enum Loaded {
    Imported {
        records: u64,
        cells: usize,
    },
    /// Real records were imported before: the demo never mixes sample data into them.
    RealDataKept,
    Skipped,
}

/// Replaces the sample hotline aggregates with `per_day` generated requests a day up to
/// `yesterday` (days since 1970), with the effects of the demo's topics.
pub async fn load(
    store: &Store,
    yesterday: i32,
    per_day: u64,
    effects: Vec<Effect>,
) -> Result<Loaded, DemoError> {
    if per_day == 0 {
        return Ok(Loaded::Skipped);
    }
    if !store.clear_sample_hotline().await? {
        return Ok(Loaded::RealDataKept);
    }
    let (y, m, _) = civil_from_days(yesterday);
    let months = y * 12 + m as i32 - 1 - MONTHS_BACK;
    let start = (months.div_euclid(12), months.rem_euclid(12) as u32 + 1, 1);
    let first = days_from_civil(start.0, start.1, start.2);
    let plan = Plan {
        records: generate::records_between(per_day, first, yesterday),
        seed: 12345,
        start,
        per_day,
        effects,
    };
    let records = plan.records;
    let (aggregates, report) = tokio::task::spawn_blocking(move || generate_and_aggregate(plan))
        .await
        .map_err(|e| DemoError::Hotline(format!("the generator stopped: {e}")))??;
    let applied = store
        .apply_hotline_import(
            "demo sample records",
            &aggregates,
            &report,
            true,
            &jiff::Timestamp::now().to_string(),
        )
        .await?;
    Ok(match applied {
        Applied::New { cells, .. } => Loaded::Imported { records, cells },
        Applied::AlreadyImported { .. } => Loaded::Skipped,
    })
}

/// The generator writes into a pipe on its own thread while the importer reads the other end:
/// memory stays that of the aggregates, whatever the size.
fn generate_and_aggregate(
    plan: Plan,
) -> Result<(crate::hotline::aggregate::Aggregates, ingest::Report), DemoError> {
    let io = |e: std::io::Error| DemoError::Hotline(format!("sample records: {e}"));
    let (reader, writer) = std::io::pipe().map_err(io)?;
    // A sample file is known by its plan: the same plan makes the same records.
    let sha256: String = Sha256::digest(format!("{plan:?}").as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let writer_thread = std::thread::spawn(move || {
        let mut out = BufWriter::with_capacity(1 << 16, writer);
        generate::write(&mut out, &plan).and_then(|()| out.flush())
    });
    let result = ingest::aggregate(BufReader::with_capacity(1 << 16, reader), 5);
    let written = writer_thread
        .join()
        .map_err(|_| DemoError::Hotline("the generator panicked".into()))?;
    let (aggregates, mut report) =
        result.map_err(|e| DemoError::Hotline(format!("sample records: {e}")))?;
    written.map_err(io)?;
    if report.bad > 0 {
        return Err(DemoError::Hotline(format!(
            "{} generated rows did not parse",
            report.bad
        )));
    }
    report.sha256 = sha256;
    Ok((aggregates, report))
}
