//! The parallel parse (并行解析): one thread reads (and, through `ingest::Tap`, hashes) the
//! bytes and cuts them into chunks of whole records; worker threads parse chunks into their own
//! aggregates; the reading thread merges the results in file order. Memory stays bounded: at
//! most `2 × workers` chunks are in flight, and their buffers are reused.
//!
//! Where a chunk may end: a CSV record may span lines when a quoted field holds a line break.
//! A chunk without any `"` has no quoted fields, so every line break in it ends a record and
//! the chunk is cut after its last one. A chunk with a `"` is cut after the last record that
//! csv-core (the same state machine the csv crate parses with) finds complete. Either way a
//! chunk starts at a record boundary, and the workers see exactly the records a single pass
//! would.

use super::aggregate::Aggregates;
use super::chunk::{check_header, parse_chunk, ImportError, Parsed, Report};
use std::collections::BTreeMap;
use std::io::Read;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{mpsc, Mutex};

/// Bytes a chunk aims at: large enough that the per-chunk work (a channel message, a merge of
/// a few hundred cells) vanishes next to its ~60,000 rows, small enough that the chunks in
/// flight stay a few tens of MB.
pub const CHUNK: usize = 8 << 20;

/// A header longer than this cannot be the documented one.
const MAX_HEADER: usize = 1 << 20;

/// One worker per core.
pub fn workers() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

struct Job {
    index: usize,
    bytes: Vec<u8>,
}

struct Done {
    index: usize,
    bytes: Vec<u8>,
    parsed: Result<Parsed, ImportError>,
}

/// Parses CSV text (header, then records) with `workers` threads and chunks of about `chunk`
/// bytes; the result is the same whatever the chunk size and the number of workers.
pub fn aggregate(
    mut input: impl Read,
    keep_bad: usize,
    chunk: usize,
    workers: usize,
) -> Result<(Aggregates, Report), ImportError> {
    let chunk = chunk.max(1);
    let mut buf = Vec::with_capacity(chunk.min(CHUNK));
    let mut eof = fill(&mut input, &mut buf, chunk, 1)?;
    let header_end = loop {
        if let Some(end) = first_record_end(&buf, eof) {
            break end;
        }
        if eof || buf.len() > MAX_HEADER {
            return Err(ImportError::Header);
        }
        let target = buf.len() + chunk;
        eof = fill(&mut input, &mut buf, target, 1)?;
    };
    check_header(&buf[..header_end])?;
    let mut merger = Merger {
        keep_bad,
        next: 0,
        lines_before: count_newlines(&buf[..header_end]),
        pending: BTreeMap::new(),
        aggregates: Aggregates::default(),
        report: Report::default(),
    };
    let carry = buf.split_off(header_end);
    let workers = workers.max(1);
    let max_in_flight = 2 * workers;
    let (work_tx, work_rx) = mpsc::sync_channel::<Job>(max_in_flight);
    let work_rx = Mutex::new(work_rx);
    let (done_tx, done_rx) = mpsc::channel::<Done>();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let done_tx = done_tx.clone();
            let work_rx = &work_rx;
            scope.spawn(move || work(work_rx, &done_tx, keep_bad));
        }
        drop(done_tx);
        let mut feed = Feed {
            work_tx,
            done_rx,
            in_flight: 0,
            max_in_flight,
            index: 0,
            pool: vec![buf],
        };
        read_chunks(&mut input, carry, eof, chunk, &mut feed, &mut merger)?;
        drop(feed.work_tx);
        while feed.in_flight > 0 {
            let done = feed.done_rx.recv().map_err(|_| stopped())?;
            feed.in_flight -= 1;
            merger.accept(done.index, done.parsed)?;
        }
        Ok::<_, ImportError>(())
    })?;
    Ok((merger.aggregates, merger.report))
}

/// The reading side of the pipeline.
struct Feed {
    work_tx: mpsc::SyncSender<Job>,
    done_rx: mpsc::Receiver<Done>,
    /// Chunks sent and not yet back.
    in_flight: usize,
    max_in_flight: usize,
    index: usize,
    /// Buffers of parsed chunks, for reuse.
    pool: Vec<Vec<u8>>,
}

impl Feed {
    fn send(&mut self, bytes: Vec<u8>, merger: &mut Merger) -> Result<(), ImportError> {
        // Wait while too many chunks are out, or while too many parsed ones wait for an
        // earlier one: either way memory stays bounded.
        while self.in_flight >= self.max_in_flight
            || (self.in_flight > 0 && merger.pending.len() >= self.max_in_flight)
        {
            let done = self.done_rx.recv().map_err(|_| stopped())?;
            self.in_flight -= 1;
            self.pool.push(done.bytes);
            merger.accept(done.index, done.parsed)?;
        }
        let job = Job {
            index: self.index,
            bytes,
        };
        self.work_tx.send(job).map_err(|_| stopped())?;
        self.index += 1;
        self.in_flight += 1;
        Ok(())
    }
}

fn read_chunks(
    input: &mut impl Read,
    mut carry: Vec<u8>,
    mut eof: bool,
    chunk: usize,
    feed: &mut Feed,
    merger: &mut Merger,
) -> Result<(), ImportError> {
    loop {
        let mut buf = feed.pool.pop().unwrap_or_default();
        buf.clear();
        buf.extend_from_slice(&carry);
        carry.clear();
        let lines = merger.lines_before + 1;
        let mut target = chunk.max(buf.len());
        let cut = loop {
            if !eof {
                eof = fill(input, &mut buf, target, lines)?;
            }
            if eof {
                break buf.len();
            }
            if let Some(end) = last_record_end(&buf) {
                break end;
            }
            // One record longer than a chunk: read on until it ends.
            target = buf.len() + chunk;
        };
        carry.extend_from_slice(&buf[cut..]);
        buf.truncate(cut);
        if !buf.is_empty() {
            feed.send(buf, merger)?;
        }
        if eof && carry.is_empty() {
            return Ok(());
        }
    }
}

/// Reads until `buf` holds `target` bytes or the input ends; true at the end. A read error
/// is reported as the csv crate reported it ("line N: the CSV is malformed"), N being the first
/// line not yet merged: the reader runs ahead of the merge, so the failing line may be later.
fn fill(
    input: &mut impl Read,
    buf: &mut Vec<u8>,
    target: usize,
    line: u64,
) -> Result<bool, ImportError> {
    let want = target.saturating_sub(buf.len());
    buf.reserve(want.min(CHUNK));
    let n = input
        .take(want as u64)
        .read_to_end(buf)
        .map_err(|e| ImportError::Csv(line, e.to_string()))?;
    Ok(n < want)
}

fn work(work_rx: &Mutex<mpsc::Receiver<Job>>, done_tx: &mpsc::Sender<Done>, keep_bad: usize) {
    loop {
        let job = match work_rx.lock() {
            Ok(rx) => rx.recv(),
            Err(_) => return,
        };
        let Ok(Job { index, bytes }) = job else {
            return;
        };
        // A panic becomes an error for this chunk, so the reader never waits for it forever.
        let parsed = catch_unwind(AssertUnwindSafe(|| parse_chunk(&bytes, keep_bad)))
            .unwrap_or_else(|_| Err(ImportError::Worker("it panicked".into())));
        if done_tx
            .send(Done {
                index,
                bytes,
                parsed,
            })
            .is_err()
        {
            return;
        }
    }
}

fn stopped() -> ImportError {
    ImportError::Worker("its channel closed".into())
}

/// Merges chunk results in file order, numbering their lines.
struct Merger {
    keep_bad: usize,
    next: usize,
    /// Line feeds before chunk `next`.
    lines_before: u64,
    pending: BTreeMap<usize, Result<Parsed, ImportError>>,
    aggregates: Aggregates,
    report: Report,
}

impl Merger {
    fn accept(
        &mut self,
        index: usize,
        parsed: Result<Parsed, ImportError>,
    ) -> Result<(), ImportError> {
        self.pending.insert(index, parsed);
        while let Some(parsed) = self.pending.remove(&self.next) {
            let parsed = parsed.map_err(|e| match e {
                ImportError::Csv(line, why) => ImportError::Csv(line + self.lines_before, why),
                e => e,
            })?;
            self.aggregates.merge(parsed.aggregates);
            self.report
                .absorb(parsed.report, self.lines_before, self.keep_bad);
            self.lines_before += parsed.newlines;
            self.next += 1;
        }
        Ok(())
    }
}

fn count_newlines(bytes: &[u8]) -> u64 {
    bytes.iter().filter(|b| **b == b'\n').count() as u64
}

/// Where the last complete record of `buf` (which starts at a record boundary) ends.
fn last_record_end(buf: &[u8]) -> Option<usize> {
    if !buf.contains(&b'"') {
        // No quoted field: every CR or LF ends a record (or is a skipped blank line).
        return buf
            .iter()
            .rposition(|b| matches!(b, b'\n' | b'\r'))
            .map(|i| i + 1);
    }
    record_ends(buf, false).last()
}

/// Where the first record ends; at the end of the input, an unterminated record ends there.
fn first_record_end(buf: &[u8], eof: bool) -> Option<usize> {
    record_ends(buf, eof).next()
}

/// The ends of the complete records of `buf`, found by csv-core configured as the csv crate
/// configures it by default. With `eof`, a last unterminated record counts as complete.
fn record_ends(buf: &[u8], eof: bool) -> impl Iterator<Item = usize> + '_ {
    let mut core = csv_core::Reader::new();
    // Field bytes are not needed, only where records end: the scratch is overwritten.
    let mut out = vec![0u8; 1 << 12];
    let mut ends = [0usize; 64];
    let mut pos = 0;
    let mut done = false;
    std::iter::from_fn(move || {
        use csv_core::ReadRecordResult as R;
        while !done {
            if pos == buf.len() && !eof {
                return None;
            }
            let (res, nin, _, _) = core.read_record(&buf[pos..], &mut out, &mut ends);
            pos += nin;
            match res {
                R::Record => return Some(pos),
                R::End => done = true,
                R::InputEmpty | R::OutputFull | R::OutputEndsFull => {}
            }
        }
        None
    })
}

#[cfg(test)]
mod tests;
