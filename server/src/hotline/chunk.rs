//! Parsing whole CSV records of hotline requests: the header check, a chunk of records (with
//! the csv crate, or the quote-free fast path), and the report every chunk adds to. Both the
//! file reader (`ingest.rs`) and the parallel parse (`parallel.rs`) stand on it.

use super::aggregate::Aggregates;
use super::record::{self, BadRow, COLUMNS};
use std::collections::BTreeMap;
use std::io;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum ImportError {
    #[error("cannot read {0}: {1}")]
    Io(String, io::Error),
    #[error("line 1: the header must be exactly: {}", COLUMNS.join(","))]
    Header,
    #[error("line {0}: the CSV is malformed: {1}")]
    Csv(u64, String),
    #[error("a parsing thread stopped: {0}")]
    Worker(String),
}

/// What an import found, for the terminal and the `hotline_imports` table.
#[derive(Debug, Default)]
pub struct Report {
    pub sha256: String,
    pub rows: u64,
    pub counted: u64,
    pub bad: u64,
    pub bad_by_reason: BTreeMap<BadRow, u64>,
    /// The first bad rows: (line, reason).
    pub first_bad: Vec<(u64, BadRow)>,
    pub first_day: Option<i32>,
    pub last_day: Option<i32>,
}
fn csv_reader(bytes: &[u8]) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .buffer_capacity(1 << 16)
        .from_reader(bytes)
}

fn csv_error(e: &csv::Error) -> ImportError {
    let line = e.position().map(|p| p.line()).unwrap_or(0);
    ImportError::Csv(line, e.to_string())
}

/// Checks the header record (the first record of `bytes`); a UTF-8 byte-order mark before it
/// is allowed.
pub(crate) fn check_header(bytes: &[u8]) -> Result<(), ImportError> {
    let mut reader = csv_reader(bytes);
    let mut row = csv::ByteRecord::new();
    if !reader
        .read_byte_record(&mut row)
        .map_err(|e| csv_error(&e))?
    {
        return Err(ImportError::Header);
    }
    let header: Vec<&[u8]> = row.iter().collect();
    let expected: Vec<&[u8]> = COLUMNS.iter().map(|c| c.as_bytes()).collect();
    let header_ok = header.len() == expected.len()
        && header.iter().zip(&expected).enumerate().all(|(i, (h, e))| {
            let h = if i == 0 {
                h.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(h)
            } else {
                h
            };
            h == *e
        });
    if header_ok {
        Ok(())
    } else {
        Err(ImportError::Header)
    }
}

/// What one chunk of whole records held. Lines (of bad rows and errors) count the chunk's
/// first line as 1; the caller adds the lines before the chunk.
#[derive(Debug, Default)]
pub(crate) struct Parsed {
    pub aggregates: Aggregates,
    pub report: Report,
    /// Line feeds in the chunk, to number the next chunk's lines.
    pub newlines: u64,
}

/// Parses a chunk of whole records (no header). Up to `keep_bad` bad rows are kept by line.
pub(crate) fn parse_chunk(chunk: &[u8], keep_bad: usize) -> Result<Parsed, ImportError> {
    if memchr::memchr(b'"', chunk).is_none() {
        Ok(parse_plain(chunk, keep_bad))
    } else {
        parse_csv(chunk, keep_bad)
    }
}

/// Parses a chunk with the csv crate (quoted fields and all).
pub(crate) fn parse_csv(chunk: &[u8], keep_bad: usize) -> Result<Parsed, ImportError> {
    let mut reader = csv_reader(chunk);
    let mut row = csv::ByteRecord::new();
    let mut parsed = Parsed::default();
    while reader
        .read_byte_record(&mut row)
        .map_err(|e| csv_error(&e))?
    {
        let result = record::parse(&row);
        if let Ok(rec) = &result {
            parsed.aggregates.add(rec);
        }
        let line = || record_line(chunk, &row);
        count(
            &mut parsed.report,
            result.as_ref().map(|r| r.day),
            line,
            keep_bad,
        );
    }
    parsed.newlines = reader.position().line().saturating_sub(1);
    Ok(parsed)
}

/// Counts a row in the report: its day if good, its reason (and maybe its line) if bad.
fn count(
    report: &mut Report,
    result: Result<i32, &BadRow>,
    line: impl FnOnce() -> u64,
    keep_bad: usize,
) {
    report.rows += 1;
    match result {
        Ok(day) => {
            report.counted += 1;
            report.first_day = Some(report.first_day.map_or(day, |d| d.min(day)));
            report.last_day = Some(report.last_day.map_or(day, |d| d.max(day)));
        }
        Err(&reason) => {
            report.bad += 1;
            *report.bad_by_reason.entry(reason).or_default() += 1;
            if report.first_bad.len() < keep_bad {
                report.first_bad.push((line(), reason));
            }
        }
    }
}

/// Parses a chunk with no quote character. Without quotes CSV is simple: every CR or LF ends
/// a record, empty records are skipped, every comma ends a field — exactly what the csv crate
/// (csv-core) does with such input, found here with one vectorised scan and no copying.
pub(crate) fn parse_plain(chunk: &[u8], keep_bad: usize) -> Parsed {
    let mut parsed = Parsed::default();
    let mut row = |fields: &[&[u8]; 15], n: usize, place_start: usize, line: u64| {
        let (result, span, known) = if n == COLUMNS.len() {
            // Columns 5–8 and the three commas between them.
            let len = fields[4..8].iter().map(|f| f.len()).sum::<usize>() + 3;
            let span = chunk
                .get(place_start..place_start + len)
                .unwrap_or_default();
            let known = parsed.aggregates.known(span);
            (record::parse_fields(fields, known.is_none()), span, known)
        } else {
            (Err(BadRow::Columns), &[][..], None)
        };
        if let Ok(rec) = &result {
            parsed.aggregates.add_spanned(span, known, rec);
        }
        let day = result.as_ref().map(|r| r.day);
        count(&mut parsed.report, day, || line, keep_bad);
    };
    let mut fields: [&[u8]; 15] = [&[]; 15];
    // Fields so far, where the current field and the record's place columns start, the line.
    let (mut n, mut start, mut place_start, mut line) = (0usize, 0usize, 0usize, 1u64);
    for i in memchr::memchr3_iter(b',', b'\n', b'\r', chunk) {
        let field = &chunk[start..i];
        if let Some(slot) = fields.get_mut(n) {
            *slot = field;
        }
        start = i + 1;
        if chunk[i] == b',' {
            n += 1;
            if n == 4 {
                place_start = start;
            }
            continue;
        }
        if n > 0 || !field.is_empty() {
            row(&fields, n + 1, place_start, line);
        }
        line += u64::from(chunk[i] == b'\n');
        n = 0;
    }
    if n > 0 || start < chunk.len() {
        if let Some(slot) = fields.get_mut(n) {
            *slot = &chunk[start..];
        }
        row(&fields, n + 1, place_start, line);
    }
    parsed.newlines = line - 1;
    parsed
}

/// The line a record starts on. The csv crate's position is where it began reading, which is
/// before the line feed of a CRLF terminator (csv-core ends a record at the CR) and before any
/// blank lines it skips; counting the line feeds in between gives the record's own line.
fn record_line(chunk: &[u8], row: &csv::ByteRecord) -> u64 {
    let Some(pos) = row.position() else {
        return 0;
    };
    let skipped = chunk
        .get(pos.byte() as usize..)
        .unwrap_or_default()
        .iter()
        .take_while(|b| matches!(b, b'\r' | b'\n'))
        .filter(|b| **b == b'\n')
        .count();
    pos.line() + skipped as u64
}

impl Report {
    /// Adds the report of the next chunk, whose lines start after `lines_before` lines.
    pub(crate) fn absorb(&mut self, chunk: Report, lines_before: u64, keep_bad: usize) {
        self.rows += chunk.rows;
        self.counted += chunk.counted;
        self.bad += chunk.bad;
        for (reason, n) in chunk.bad_by_reason {
            *self.bad_by_reason.entry(reason).or_default() += n;
        }
        let room = keep_bad.saturating_sub(self.first_bad.len());
        self.first_bad.extend(
            chunk
                .first_bad
                .into_iter()
                .take(room)
                .map(|(line, reason)| (line + lines_before, reason)),
        );
        self.first_day = match (self.first_day, chunk.first_day) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        self.last_day = match (self.last_day, chunk.last_day) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
    }
}
