//! The streaming import (热线数据导入): one pass over a CSV (optionally gzip) file, constant
//! memory, every bad row counted by reason and the first few reported by line; the file's
//! SHA-256 makes re-importing it a no-op. Writing is the store's job, in one transaction.

use super::aggregate::Aggregates;
use super::parallel;
use super::record::{self, BadRow, COLUMNS};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Read};
use std::path::Path;
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

/// Hashes and counts the raw bytes as the parser pulls them.
struct Tap<R> {
    inner: R,
    hash: Sha256,
    bytes: u64,
    progress: Option<indicatif::ProgressBar>,
}

impl<R: Read> Read for Tap<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hash.update(&buf[..n]);
        self.bytes += n as u64;
        if let Some(bar) = &self.progress {
            bar.set_position(self.bytes);
        }
        Ok(n)
    }
}

fn progress_bar(total: u64) -> Option<indicatif::ProgressBar> {
    if !io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(total);
    let style = indicatif::ProgressStyle::with_template(
        "{bar:40} {bytes}/{total_bytes} {binary_bytes_per_sec} ETA {eta}",
    )
    .ok()?;
    bar.set_style(style);
    Some(bar)
}

/// Reads a file (gzip detected by its magic bytes) into aggregates. `keep_bad` is how many bad
/// rows to list by line; all are counted.
pub fn read_file(path: &Path, keep_bad: usize) -> Result<(Aggregates, Report), ImportError> {
    let name = path.display().to_string();
    let file = File::open(path).map_err(|e| ImportError::Io(name.clone(), e))?;
    let total = file.metadata().map(|m| m.len()).unwrap_or(0);
    let progress = progress_bar(total);
    let tap = Tap {
        inner: file,
        hash: Sha256::new(),
        bytes: 0,
        progress: progress.clone(),
    };
    let mut buffered = BufReader::with_capacity(1 << 20, tap);
    let gzip = buffered
        .fill_buf()
        .map(|b| b.starts_with(&[0x1f, 0x8b]))
        .map_err(|e| ImportError::Io(name.clone(), e))?;
    let result = if gzip {
        let decoder = flate2::bufread::MultiGzDecoder::new(&mut buffered);
        aggregate(decoder, keep_bad)
    } else {
        aggregate(&mut buffered, keep_bad)
    };
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    let (aggregates, mut report) = result?;
    // Whatever the parser did not pull (nothing, for a well-formed file) still counts.
    let mut rest = Vec::new();
    buffered
        .read_to_end(&mut rest)
        .map_err(|e| ImportError::Io(name, e))?;
    let tap = buffered.into_inner();
    report.sha256 = tap
        .hash
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Ok((aggregates, report))
}

/// Parses CSV text from any reader: the header, then the records in parallel (see
/// `parallel`), with the default chunk size and one worker per core.
pub fn aggregate(input: impl Read, keep_bad: usize) -> Result<(Aggregates, Report), ImportError> {
    parallel::aggregate(input, keep_bad, parallel::CHUNK, parallel::workers())
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

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "id,received_at,channel,request_type,category_l1,category_l2,category_l3,district,street,handling_unit,status,closed_at,resolved,satisfaction,reopen_count\n";

    #[test]
    fn known_answers_for_a_small_file() {
        let csv = format!(
            "{HEADER}\
1,2025-01-06 09:00:00,电话,投诉,城乡建设,供暖,室温不达标,朝阳区,,热力,closed,2025-01-06 21:00:00,yes,satisfied,0\n\
2,2025-01-06 10:00:00,电话,求助,城乡建设,供暖,室温不达标,朝阳区,,热力,closed,2025-01-09 10:00:00,partly,dissatisfied,2\n\
3,2025-01-06 11:00:00,网络,咨询,城乡建设,供暖,室温不达标,海淀区,,热力,open,,,none,0\n\
4,2025-01-07 11:00:00,网络,抱怨,城乡建设,供暖,室温不达标,海淀区,,热力,open,,,none,0\n\
5,2025-01-07 12:00:00,网络,咨询,城乡建设,供暖,室温不达标,海淀区,,热力\n"
        );
        let (agg, report) = aggregate(csv.as_bytes(), 10).unwrap();
        assert_eq!((report.rows, report.counted, report.bad), (5, 3, 2));
        assert_eq!(
            report.first_bad,
            vec![(5, BadRow::RequestType), (6, BadRow::Columns)]
        );
        assert_eq!(agg.cells.len(), 2, "朝阳区 and 海淀区 on one day");
        let chaoyang = agg.cells.values().find(|c| c.requests == 2).unwrap();
        assert_eq!(
            (
                chaoyang.complaints,
                chaoyang.closed,
                chaoyang.resolved,
                chaoyang.partly_resolved
            ),
            (1, 2, 1, 1)
        );
        assert_eq!(
            (
                chaoyang.satisfied,
                chaoyang.dissatisfied,
                chaoyang.rated,
                chaoyang.reopened
            ),
            (1, 1, 2, 1)
        );
        assert_eq!(chaoyang.close_hours_sum(), 12.0 + 72.0);
        assert_eq!(
            (chaoyang.close_within_24h, chaoyang.close_within_72h),
            (1, 2)
        );
    }

    #[test]
    fn a_wrong_header_is_refused() {
        let err = aggregate("id,when\n1,2\n".as_bytes(), 10).unwrap_err();
        assert!(matches!(err, ImportError::Header));
    }
}
