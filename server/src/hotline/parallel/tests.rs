use super::*;
use crate::hotline::aggregate::Counts;
use crate::hotline::generate;
use crate::hotline::record::{self, BadRow};

/// Cells keyed by names, so that results with different interned ids compare.
type Named = BTreeMap<(i32, [String; 3], String), Counts>;

fn named(a: &Aggregates) -> Named {
    a.cells
        .iter()
        .map(|((day, c, d), counts)| {
            let key = (
                *day,
                a.categories[*c as usize].clone(),
                a.districts[*d as usize].clone(),
            );
            (key, *counts)
        })
        .collect()
}

/// Generated rows with bad rows put in at known places; returns the lines (header, rows).
fn lines(records: u64) -> Vec<String> {
    let mut out = Vec::new();
    let plan = generate::Plan {
        records,
        seed: 7,
        start: (2025, 1, 1),
        per_day: generate::PER_DAY,
        effects: Vec::new(),
    };
    generate::write(&mut out, &plan).unwrap();
    let text = String::from_utf8(out).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    for (i, line) in lines.iter_mut().enumerate().skip(1) {
        match i % 397 {
            5 => *line = line.replace("2025-", "2025x"),
            11 => *line = line.replacen(',', ",,", 1),
            23 => *line = format!("{line},extra"),
            _ => {}
        }
    }
    lines
}

/// The lines (1-based, counting the header as line 1) that `lines` made bad, with why.
fn expected_bad(n: usize) -> Vec<(u64, BadRow)> {
    (1..n)
        .filter_map(|i| match i % 397 {
            5 => Some((i as u64 + 1, BadRow::ReceivedAt)),
            11 | 23 => Some((i as u64 + 1, BadRow::Columns)),
            _ => None,
        })
        .collect()
}

fn run(text: &[u8], chunk: usize, workers: usize) -> (Aggregates, Report) {
    aggregate(text, 1000, chunk, workers).unwrap()
}

fn assert_same(a: &(Aggregates, Report), b: &(Aggregates, Report), what: &str) {
    assert_eq!(named(&a.0), named(&b.0), "{what}: cells");
    assert_eq!(a.0.categories, b.0.categories, "{what}: category order");
    assert_eq!(a.0.districts, b.0.districts, "{what}: district order");
    let r = |r: &Report| {
        (
            r.rows,
            r.counted,
            r.bad,
            r.bad_by_reason.clone(),
            r.first_bad.clone(),
            r.first_day,
            r.last_day,
        )
    };
    assert_eq!(r(&a.1), r(&b.1), "{what}: report");
}

/// The import as it was before chunks: one csv reader over the whole text.
fn reference(text: &[u8]) -> (Aggregates, Report) {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(text);
    let mut row = csv::ByteRecord::new();
    let (mut agg, mut report) = (Aggregates::default(), Report::default());
    while reader.read_byte_record(&mut row).unwrap() {
        report.rows += 1;
        match record::parse(&row) {
            Ok(rec) => {
                report.counted += 1;
                report.first_day = Some(report.first_day.map_or(rec.day, |d| d.min(rec.day)));
                report.last_day = Some(report.last_day.map_or(rec.day, |d| d.max(rec.day)));
                agg.add(&rec);
            }
            Err(reason) => {
                report.bad += 1;
                *report.bad_by_reason.entry(reason).or_default() += 1;
                let line = row.position().map(|p| p.line()).unwrap_or(0);
                report.first_bad.push((line, reason));
            }
        }
    }
    (agg, report)
}

#[test]
fn any_chunking_gives_the_single_pass_result() {
    let lines = lines(5000);
    let text = format!("{}\n", lines.join("\n"));
    let single = reference(text.as_bytes());
    assert_eq!(single.1.first_bad, expected_bad(lines.len()));
    assert!(single.1.bad > 30 && single.1.counted > 4900);
    for chunk in [1, 7, 150, 4096, 100_000, usize::MAX / 4] {
        for workers in [1, 2, 3] {
            let chunked = run(text.as_bytes(), chunk, workers);
            assert_same(&chunked, &single, &format!("{chunk} bytes × {workers}"));
        }
    }
}

#[test]
fn bad_rows_in_different_chunks_keep_their_lines() {
    let lines = lines(3000);
    let expected = expected_bad(lines.len());
    // CRLF, a blank line and no final line break: lines still count from the file's start.
    let mut text = lines.join("\r\n");
    text.insert_str(lines[0].len() + 2, "\r\n");
    let expected: Vec<_> = expected.iter().map(|(l, r)| (l + 1, *r)).collect();
    for chunk in [64, 1000, 8192] {
        let (_, report) = aggregate(text.as_bytes(), 5, chunk, 2).unwrap();
        assert_eq!(report.first_bad, expected[..5], "{chunk} bytes");
        assert_eq!(report.bad, expected.len() as u64);
        let (_, all) = run(text.as_bytes(), chunk, 3);
        assert_eq!(all.first_bad, expected, "{chunk} bytes");
    }
}

#[test]
fn quoted_line_breaks_never_split_a_record() {
    let lines = lines(2000);
    // Every 50th row has a street with a comma and a line break in quotes; later lines move.
    let mut text = String::new();
    let mut expected = Vec::new();
    let mut line = 1u64;
    for (i, l) in lines.iter().enumerate() {
        let mut fields: Vec<String> = l.split(',').map(str::to_string).collect();
        if i > 0 && i % 50 == 0 && fields.len() == 15 {
            fields[8] = "\"东街,\n\"\"北\"\"口\"".into();
        }
        if i > 0 && i % 397 == 5 {
            expected.push((line, BadRow::ReceivedAt));
        }
        let row = fields.join(",");
        line += 1 + row.matches('\n').count() as u64;
        text.push_str(&row);
        text.push('\n');
    }
    let single = reference(text.as_bytes());
    let received: Vec<_> = single
        .1
        .first_bad
        .iter()
        .filter(|b| b.1 == BadRow::ReceivedAt)
        .copied()
        .collect();
    assert_eq!(received, expected);
    for chunk in [1, 33, 500, 20_000] {
        assert_same(
            &run(text.as_bytes(), chunk, 2),
            &single,
            &format!("{chunk}"),
        );
    }
}

#[test]
fn headers_and_ends() {
    let header = record::COLUMNS.join(",");
    for chunk in [1, 10, 1000] {
        let (_, r) = run(header.as_bytes(), chunk, 2);
        assert_eq!(r.rows, 0, "a header alone, no line break");
        let bom = format!("\u{feff}{header}\r\n");
        assert_eq!(run(bom.as_bytes(), chunk, 2).1.rows, 0);
        assert!(matches!(
            aggregate(&b""[..], 5, chunk, 2),
            Err(ImportError::Header)
        ));
        assert!(matches!(
            aggregate(&b"id,when\n1,2\n"[..], 5, chunk, 2),
            Err(ImportError::Header)
        ));
    }
}

#[test]
fn a_read_error_stops_the_import() {
    struct Failing(usize);
    impl Read for Failing {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let header = format!("{}\n", record::COLUMNS.join(","));
            if self.0 == 0 {
                self.0 = 1;
                buf[..header.len()].copy_from_slice(header.as_bytes());
                return Ok(header.len());
            }
            Err(std::io::Error::other("disk gone"))
        }
    }
    let err = aggregate(Failing(0), 5, 1 << 16, 2).unwrap_err();
    assert!(matches!(err, ImportError::Csv(_, ref why) if why.contains("disk gone")));
}

#[test]
fn the_plain_splitter_reads_what_the_csv_crate_reads() {
    use crate::hotline::chunk::{parse_csv, parse_plain};
    let good = "1,2025-01-06 09:00:00,电话,投诉,城乡建设,供暖,室温不达标,朝阳区,,热力,closed,2025-01-06 21:00:00,yes,satisfied,0";
    let odd = [
        // Padded codes and names, Unicode spaces: trimmed like str::trim.
        "2,2025-01-06 10:00:00,电话, 求助 ,城乡建设,供暖 ,室温不达标,\u{3000}朝阳区,,热力, closed,2025-01-07 10:00:00, partly,dissatisfied , 2",
        "3,2025-01-06 11:00:00,网络,咨询,城乡建设,供暖,室温不达标,朝阳区\u{a0},,热力,办理中,,,none,",
        // Bare CR inside a line: two records on one line.
        "4,2025-01-06 11:00:00,网络,咨询,城乡建设,供暖,室温不达标,海淀区,,热力,open,,,none,0\r5,x",
        "6,2025-01-06 11:00:00,网络,咨询,城乡建设,供暖,室温不达标,海淀区,,热力,open,,,none,0,",
        "7,2025-01-06 11:00:00,网络,咨询,\u{ff}\u{fe},供暖,室温不达标,海淀区,,热力,open,,,none,0",
        ",,,,,,,,,,,,,,",
        " ,2025-01-06 11:00:00,网络,咨询,城乡建设,供暖,室温不达标,海淀区,,热力,open,,,none,0",
        "8,2025-01-06 11:00:00,网络,咨询,,供暖,室温不达标,海淀区,,热力,open,,,none,0",
        "9,2025-01-06 11:00:00,网络,咨询,城乡建设,供暖,室温不达标, ,,热力,open,,,none,0",
        "10,2025-01-06 11:00:00,网络,咨询,城乡建设,供暖,室温不达标,海淀区,,热力,open,,no,none,x",
    ];
    let mut text = String::new();
    for (i, line) in odd.iter().enumerate() {
        text.push_str(good);
        text.push_str(if i % 2 == 0 { "\r\n" } else { "\n\n" });
        text.push_str(line);
        text.push('\n');
    }
    let mut bytes = text.into_bytes();
    // Not UTF-8 in a category column.
    let at = bytes.windows(2).position(|w| w == "ÿ".as_bytes()).unwrap();
    bytes[at] = 0xff;
    bytes.extend_from_slice(good.as_bytes()); // no final line break
    let plain = parse_plain(&bytes, 100);
    let csv = parse_csv(&bytes, 100).unwrap();
    assert_eq!(plain.report.bad, 8, "{:?}", plain.report.first_bad);
    let pair = |p: Parsed| (p.aggregates, p.report);
    assert_eq!(plain.newlines, csv.newlines);
    assert_same(&pair(plain), &pair(csv), "plain and csv");
}
