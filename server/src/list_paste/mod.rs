//! Parsing and checking a pasted task or responsibility list. Tab-separated text (what Excel
//! puts on the clipboard) and comma-separated CSV are both accepted; every problem is reported
//! with its line and column, and the import is all or nothing.

mod dates;
mod names;

use app::model::{BodyKind, ImportKind, Level, RowError, TaskState};
use names::NameMatch;

/// The most rows one import may carry; longer lists are split by the sender.
pub const MAX_ROWS: usize = 2000;

/// A checked row, ready to write.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportRow {
    Task {
        title: String,
        owner: String,
        level: Level,
        due: String,
        state: TaskState,
    },
    Responsibility {
        duty: String,
        department: String,
        level: Level,
        batch: u8,
    },
}

pub struct Parsed {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub checked: Vec<ImportRow>,
    pub errors: Vec<RowError>,
}

fn err(line: usize, column: &str, reason: &str) -> RowError {
    RowError {
        line,
        column: column.to_string(),
        reason: reason.to_string(),
        suggestions: Vec::new(),
    }
}

fn level(text: &str) -> Option<Level> {
    match text.trim() {
        "市" | "市级" => Some(Level::City),
        "区" | "区级" => Some(Level::District),
        "街道" | "乡镇" | "街道（乡镇）" | "街道(乡镇)" | "街道级" | "街乡" => {
            Some(Level::Street)
        }
        other => Level::parse(&other.to_ascii_lowercase()),
    }
}

fn state(text: &str) -> Option<TaskState> {
    match text.trim() {
        "" | "未开始" => Some(TaskState::NotStarted),
        "进行中" => Some(TaskState::InProgress),
        "已完成" | "完成" => Some(TaskState::Done),
        other => TaskState::parse(&other.to_ascii_lowercase()),
    }
}

/// Parses `text` as `kind` against the `departments` known by their official names. Short
/// names are read through `names` and dates through `dates`; the preview shows
/// the cells as they will be written (official name, ISO date).
pub fn parse(kind: ImportKind, text: &str, departments: &[String]) -> Parsed {
    let text = text.trim_start_matches('\u{feff}');
    let first_line = text.lines().next().unwrap_or_default();
    let delimiter = if first_line.contains('\t') {
        b'\t'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let mut parsed = Parsed {
        header: Vec::new(),
        rows: Vec::new(),
        checked: Vec::new(),
        errors: Vec::new(),
    };
    let columns = kind.columns();
    match records.next() {
        Some(Ok(header)) => {
            parsed.header = header.iter().map(|h| h.trim().to_string()).collect();
            let expected_ok = parsed.header.len() == columns.len()
                && parsed
                    .header
                    .iter()
                    .zip(columns)
                    .all(|(h, (en, zh))| h.eq_ignore_ascii_case(en) || h == zh);
            if !expected_ok {
                parsed.errors.push(err(1, "", "header"));
                return parsed;
            }
        }
        _ => {
            parsed.errors.push(err(1, "", "empty"));
            return parsed;
        }
    }
    for (index, record) in records.enumerate() {
        let line = index + 2;
        if parsed.rows.len() >= MAX_ROWS {
            parsed.errors.push(err(line, "", "too_many_rows"));
            break;
        }
        let record = match record {
            Ok(r) => r,
            Err(_) => {
                parsed.errors.push(err(line, "", "unreadable"));
                continue;
            }
        };
        let mut cells: Vec<String> = record.iter().map(|c| c.trim().to_string()).collect();
        if cells.iter().all(String::is_empty) {
            continue;
        }
        let name = |i: usize| parsed.header.get(i).cloned().unwrap_or_default();
        if cells.len() != columns.len() {
            parsed.errors.push(err(line, "", "column_count"));
            parsed.rows.push(cells);
            continue;
        }
        let before = parsed.errors.len();
        // NUL, escapes, line breaks inside a cell: never part of a title or a name.
        for (i, c) in cells.iter().enumerate() {
            if c.chars().any(char::is_control) {
                parsed.errors.push(err(line, &name(i), "control"));
            }
        }
        let text_ok = |i: usize, max: usize, errors: &mut Vec<RowError>| {
            let n = cells[i].chars().count();
            if n == 0 {
                errors.push(err(line, &name(i), "required"));
            } else if n > max {
                errors.push(err(line, &name(i), "too_long"));
            }
        };
        text_ok(0, 200, &mut parsed.errors);
        let body = match names::resolve(&cells[1], departments) {
            NameMatch::Known(official) => {
                cells[1] = official;
                Some(BodyKind::of(&cells[1]))
            }
            NameMatch::Unknown(near) => {
                let mut e = err(line, &name(1), "unknown_department");
                e.suggestions = near;
                parsed.errors.push(e);
                None
            }
        };
        let lvl = level(&cells[2]);
        match (lvl, body) {
            (None, _) => parsed.errors.push(err(line, &name(2), "level")),
            (Some(l), Some(kind)) if !kind.fits(l) => {
                parsed.errors.push(err(line, &name(2), "level_for_body"))
            }
            _ => {}
        }
        let row = match kind {
            ImportKind::Tasks => {
                let due = dates::parse(&cells[3]);
                match &due {
                    Some(iso) => cells[3] = iso.clone(),
                    None => parsed.errors.push(err(line, &name(3), "date")),
                }
                let st = state(&cells[4]);
                if st.is_none() {
                    parsed.errors.push(err(line, &name(4), "state"));
                }
                match (lvl, due, st) {
                    (Some(level), Some(due), Some(state)) => Some(ImportRow::Task {
                        title: cells[0].clone(),
                        owner: cells[1].clone(),
                        level,
                        due,
                        state,
                    }),
                    _ => None,
                }
            }
            ImportKind::Responsibilities => {
                let batch = cells[3].parse::<u8>().ok().filter(|b| (1..=5).contains(b));
                if batch.is_none() {
                    parsed.errors.push(err(line, &name(3), "batch"));
                }
                match (lvl, batch) {
                    (Some(level), Some(batch)) => Some(ImportRow::Responsibility {
                        duty: cells[0].clone(),
                        department: cells[1].clone(),
                        level,
                        batch,
                    }),
                    _ => None,
                }
            }
        };
        if let (Some(row), true) = (row, parsed.errors.len() == before) {
            parsed.checked.push(row);
        }
        parsed.rows.push(cells);
    }
    if parsed.rows.is_empty() && parsed.errors.is_empty() {
        parsed.errors.push(err(1, "", "no_rows"));
    }
    parsed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> Vec<String> {
        ["市城市管理委", "朝阳区政府", "市住房城乡建设委"]
            .map(String::from)
            .to_vec()
    }

    #[test]
    fn excel_paste_and_csv_both_parse() {
        let tsv = "任务\t责任单位\t层级\t完成时限\t状态\n清理管线\t朝阳区政府\t区级\t2026-12-01\t进行中\n";
        let p = parse(ImportKind::Tasks, tsv, &known());
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        assert_eq!(p.checked.len(), 1);
        let csv = "\u{feff}duty,department,level,batch\n\"统筹, 督导\",市城市管理委,city,2\n";
        let p = parse(ImportKind::Responsibilities, csv, &known());
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        assert!(
            matches!(&p.checked[0], ImportRow::Responsibility { duty, batch: 2, .. } if duty == "统筹, 督导")
        );
    }

    #[test]
    fn every_bad_cell_is_reported_with_line_and_column() {
        let text = "title,owner,level,due,state\n\
                    好任务,市城市管理委,city,2026-12-01,done\n\
                    坏任务,不存在的局,省级,2026-13-01,maybe\n\
                    ,市城市管理委,city,2026-12-01,\n\
                    只有两列,市城市管理委\n";
        let p = parse(ImportKind::Tasks, text, &known());
        let found: Vec<(usize, &str, &str)> = p
            .errors
            .iter()
            .map(|e| (e.line, e.column.as_str(), e.reason.as_str()))
            .collect();
        assert_eq!(
            found,
            vec![
                (3, "owner", "unknown_department"),
                (3, "level", "level"),
                (3, "due", "date"),
                (3, "state", "state"),
                (4, "title", "required"),
                (5, "", "column_count"),
            ]
        );
        assert_eq!(p.checked.len(), 1, "only the good row is checked");
    }

    #[test]
    fn slashed_dates_and_short_names_are_read_as_written() {
        let text = "任务,责任单位,层级,完成时限,状态\n\
                    改造计划,市住建委,市级,2026/12/20,\n\
                    排查,市住建局,市级,2026年1月5日,\n";
        let p = parse(ImportKind::Tasks, text, &known());
        assert_eq!(p.rows[0][1], "市住房城乡建设委");
        assert_eq!(p.rows[0][3], "2026-12-20");
        assert!(matches!(&p.checked[0], ImportRow::Task { owner, due, .. }
            if owner == "市住房城乡建设委" && due == "2026-12-20"));
        assert_eq!(p.errors.len(), 1, "{:?}", p.errors);
        assert_eq!(p.errors[0].reason, "unknown_department");
        assert_eq!(
            p.errors[0].suggestions.first().map(String::as_str),
            Some("市住房城乡建设委")
        );
        assert_eq!(p.rows[1][3], "2026-01-05");
    }

    #[test]
    fn a_street_level_for_a_district_government_is_refused() {
        let text = "任务,责任单位,层级,完成时限,状态\n清理管线,朝阳区政府,街道,2026-12-01,\n";
        let p = parse(ImportKind::Tasks, text, &known());
        assert_eq!(
            p.errors
                .iter()
                .map(|e| e.reason.as_str())
                .collect::<Vec<_>>(),
            vec!["level_for_body"]
        );
    }

    #[test]
    fn nul_and_control_characters_are_refused_in_every_cell() {
        let text = "任务,责任单位,层级,完成时限,状态\n\
                    清理\u{0}管线,市城市管理委,市级,2026-12-01,\n\
                    \"换\n行\u{1b}[31m\",市城市管理委,市级,2026-12-01,\n";
        let p = parse(ImportKind::Tasks, text, &known());
        let found: Vec<(usize, &str)> = p
            .errors
            .iter()
            .map(|e| (e.line, e.reason.as_str()))
            .collect();
        assert_eq!(found, vec![(2, "control"), (3, "control")]);
        assert!(
            p.checked.is_empty(),
            "no row with a control character is checked"
        );
    }

    #[test]
    fn a_wrong_header_stops_at_line_one() {
        let p = parse(ImportKind::Tasks, "a,b,c\n1,2,3\n", &known());
        assert_eq!(p.errors, vec![err(1, "", "header")]);
        assert_eq!(
            parse(ImportKind::Tasks, "", &known()).errors,
            vec![err(1, "", "empty")]
        );
    }
}
