//! The streaming import (热线数据导入): one pass over a CSV (optionally gzip) file, constant
//! memory, every bad row counted by reason and the first few reported by line; the file's
//! SHA-256 makes re-importing it a no-op. Writing is the store's job, in one transaction.

use super::aggregate::Aggregates;
pub use super::chunk::{ImportError, Report};
use super::parallel;
use sha2::{Digest, Sha256};
use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Read};
use std::path::Path;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hotline::record::BadRow;

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
