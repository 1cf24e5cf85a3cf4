//! One 12345 request record (诉求记录) as the import reads it: the documented CSV schema
//! (docs/hotline.md), parsed from bytes without allocating. Free text is not part of the schema:
//! the portal keeps aggregates only.

/// The columns, in order. A file must start with exactly this header.
pub const COLUMNS: [&str; 15] = [
    "id",
    "received_at",
    "channel",
    "request_type",
    "category_l1",
    "category_l2",
    "category_l3",
    "district",
    "street",
    "handling_unit",
    "status",
    "closed_at",
    "resolved",
    "satisfaction",
    "reopen_count",
];

/// 诉求类型, as《北京市接诉即办工作条例》names them.
pub const REQUEST_TYPES: [&str; 5] = ["咨询", "求助", "投诉", "举报", "建议"];

/// Why a row was not counted; the stable token is what the report and the tests show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum BadRow {
    Columns,
    NotUtf8,
    EmptyId,
    ReceivedAt,
    RequestType,
    Category,
    District,
    Status,
    ClosedAt,
    ClosedBeforeReceived,
    Resolved,
    Satisfaction,
    ReopenCount,
}

impl BadRow {
    pub fn as_str(self) -> &'static str {
        match self {
            BadRow::Columns => "wrong number of columns",
            BadRow::NotUtf8 => "not UTF-8",
            BadRow::EmptyId => "id is empty",
            BadRow::ReceivedAt => "received_at is not YYYY-MM-DD HH:MM:SS",
            BadRow::RequestType => "request_type is not 咨询/求助/投诉/举报/建议",
            BadRow::Category => "category_l1 is empty",
            BadRow::District => "district is empty",
            BadRow::Status => "status is not open/closed",
            BadRow::ClosedAt => "closed_at is not YYYY-MM-DD HH:MM:SS",
            BadRow::ClosedBeforeReceived => "closed_at is before received_at",
            BadRow::Resolved => "resolved is not yes/partly/no (or empty while open)",
            BadRow::Satisfaction => "satisfaction is not satisfied/basically/dissatisfied/none",
            BadRow::ReopenCount => "reopen_count is not a whole number",
        }
    }

    /// The 1-based column the problem is in (for "line N, column M").
    pub fn column(self) -> usize {
        match self {
            BadRow::Columns | BadRow::NotUtf8 | BadRow::EmptyId => 1,
            BadRow::ReceivedAt => 2,
            BadRow::RequestType => 4,
            BadRow::Category => 5,
            BadRow::District => 8,
            BadRow::Status => 11,
            BadRow::ClosedAt | BadRow::ClosedBeforeReceived => 12,
            BadRow::Resolved => 13,
            BadRow::Satisfaction => 14,
            BadRow::ReopenCount => 15,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolved {
    Yes,
    Partly,
    No,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Satisfaction {
    Satisfied,
    Basically,
    Dissatisfied,
    None,
}

/// A parsed row, borrowing its text from the CSV buffer.
#[derive(Debug)]
pub struct Record<'a> {
    /// Days since 1970-01-01 (Beijing calendar date of receipt).
    pub day: i32,
    pub complaint: bool,
    /// Category path and district; `None` when the caller knows them already (by their raw
    /// bytes, see `Aggregates::known`) and did not ask for them to be checked again.
    pub place: Option<Place<'a>>,
    /// Seconds from receipt to closing, when closed.
    pub close_seconds: Option<u64>,
    pub resolved: Option<Resolved>,
    pub satisfaction: Satisfaction,
    pub reopened: bool,
}

/// Where a request belongs: its three-level category and its district.
#[derive(Debug, Clone, Copy)]
pub struct Place<'a> {
    pub category: [&'a str; 3],
    pub district: &'a str,
}

/// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
pub fn days_from_civil(y: i32, m: u32, d: u32) -> i32 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = (y - era * 400) as u32;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe as i32 - 719_468
}

/// The calendar date of a day number.
pub fn civil_from_days(z: i32) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = (z - era * 146_097) as u32;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe as i32 + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

pub fn day_label(day: i32) -> String {
    let (y, m, d) = civil_from_days(day);
    format!("{y:04}-{m:02}-{d:02}")
}

fn digits(b: &[u8]) -> Option<u32> {
    if b.is_empty() || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0')))
}

/// `YYYY-MM-DD HH:MM:SS` (or with `T`) → (day number, seconds into the day).
pub fn timestamp(b: &[u8]) -> Option<(i32, u32)> {
    if b.len() != 19 || b[4] != b'-' || b[7] != b'-' || !(b[10] == b' ' || b[10] == b'T') {
        return None;
    }
    if b[13] != b':' || b[16] != b':' {
        return None;
    }
    let (y, m, d) = (digits(&b[0..4])?, digits(&b[5..7])?, digits(&b[8..10])?);
    let (hh, mm, ss) = (
        digits(&b[11..13])?,
        digits(&b[14..16])?,
        digits(&b[17..19])?,
    );
    let month_days = [
        31,
        if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) {
            29
        } else {
            28
        },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if !(1..=12).contains(&m)
        || d == 0
        || d > month_days[(m - 1) as usize]
        || hh > 23
        || mm > 59
        || ss > 59
    {
        return None;
    }
    Some((days_from_civil(y as i32, m, d), hh * 3600 + mm * 60 + ss))
}

/// The whitespace `str::trim` removes, where it is ASCII.
fn is_space(b: &u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r')
}

/// A field as trimmed text. ASCII (ids, codes, numbers) skips the UTF-8 check; the result is
/// the same as `str::trim` on it.
fn text(b: &[u8]) -> Result<&str, BadRow> {
    if b.is_ascii() {
        let start = b.iter().position(|c| !is_space(c)).unwrap_or(b.len());
        let end = b
            .iter()
            .rposition(|c| !is_space(c))
            .map_or(start, |i| i + 1);
        return std::str::from_utf8(&b[start..end]).map_err(|_| BadRow::NotUtf8);
    }
    std::str::from_utf8(b)
        .map(str::trim)
        .map_err(|_| BadRow::NotUtf8)
}

/// A field that should be one of a few ASCII or Chinese codes: the exact bytes are tried first,
/// and only a field that is none of them is decoded and trimmed (so " yes " still counts).
fn code<'a>(b: &'a [u8], codes: &[&'a str]) -> Result<&'a str, BadRow> {
    match codes.iter().find(|c| c.as_bytes() == b) {
        Some(c) => Ok(c),
        None => text(b),
    }
}

/// Parses one row; `fields` are the raw columns.
pub fn parse(fields: &csv::ByteRecord) -> Result<Record<'_>, BadRow> {
    if fields.len() != COLUMNS.len() {
        return Err(BadRow::Columns);
    }
    let mut f: [&[u8]; 15] = [&[]; 15];
    for (slot, field) in f.iter_mut().zip(fields) {
        *slot = field;
    }
    parse_fields(&f, true)
}

/// Parses the 15 raw columns of a row. Without `check_place`, the category and district
/// columns are not looked at (the caller knows them already: see `Record::place`).
pub fn parse_fields<'a>(f: &[&'a [u8]; 15], check_place: bool) -> Result<Record<'a>, BadRow> {
    if text(f[0])?.is_empty() {
        return Err(BadRow::EmptyId);
    }
    let (day, received) = timestamp(f[1]).ok_or(BadRow::ReceivedAt)?;
    let request_type = code(f[3], &REQUEST_TYPES)?;
    if !REQUEST_TYPES.contains(&request_type) {
        return Err(BadRow::RequestType);
    }
    let place = if check_place {
        let category = [text(f[4])?, text(f[5])?, text(f[6])?];
        if category[0].is_empty() {
            return Err(BadRow::Category);
        }
        let district = text(f[7])?;
        if district.is_empty() {
            return Err(BadRow::District);
        }
        Some(Place { category, district })
    } else {
        None
    };
    let closed = match code(f[10], &["closed", "open"])? {
        "closed" | "已办结" => true,
        "open" | "办理中" => false,
        _ => return Err(BadRow::Status),
    };
    let close_seconds = if closed {
        let (cday, csec) = timestamp(f[11]).ok_or(BadRow::ClosedAt)?;
        let seconds =
            (i64::from(cday) - i64::from(day)) * 86_400 + i64::from(csec) - i64::from(received);
        if seconds < 0 {
            return Err(BadRow::ClosedBeforeReceived);
        }
        Some(seconds as u64)
    } else {
        None
    };
    let resolved = match (code(f[12], &["yes", "partly", "no", ""])?, closed) {
        ("yes", _) => Some(Resolved::Yes),
        ("partly", _) => Some(Resolved::Partly),
        ("no", _) => Some(Resolved::No),
        ("", false) => None,
        _ => return Err(BadRow::Resolved),
    };
    let satisfaction = match code(f[13], &["satisfied", "none", "dissatisfied", "basically"])? {
        "satisfied" => Satisfaction::Satisfied,
        "basically" => Satisfaction::Basically,
        "dissatisfied" => Satisfaction::Dissatisfied,
        "none" | "" => Satisfaction::None,
        _ => return Err(BadRow::Satisfaction),
    };
    let reopen = match f[14] {
        b"0" => "0",
        raw => text(raw)?,
    };
    let reopened = if reopen.is_empty() {
        0
    } else {
        digits(reopen.as_bytes()).ok_or(BadRow::ReopenCount)?
    } > 0;
    Ok(Record {
        day,
        complaint: request_type == "投诉",
        place,
        close_seconds,
        resolved,
        satisfaction,
        reopened,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip() {
        for (y, m, d) in [(1970, 1, 1), (2000, 2, 29), (2025, 12, 31), (2026, 11, 28)] {
            assert_eq!(civil_from_days(days_from_civil(y, m, d)), (y, m, d));
        }
        assert_eq!(days_from_civil(1970, 1, 2), 1);
        assert_eq!(timestamp(b"2025-02-29 10:00:00"), None, "not a leap year");
        assert_eq!(timestamp(b"2024-02-29 10:00:00").map(|t| t.1), Some(36_000));
        assert_eq!(timestamp(b"2024-13-01 10:00:00"), None);
    }

    fn row(fields: &[&str]) -> csv::ByteRecord {
        csv::ByteRecord::from(fields.to_vec())
    }

    #[test]
    fn a_closed_request_parses() {
        let r = row(&[
            "1",
            "2025-01-06 09:00:00",
            "电话",
            "投诉",
            "城乡建设",
            "供暖",
            "室温不达标",
            "朝阳区",
            "x街道",
            "热力公司",
            "closed",
            "2025-01-07 09:30:00",
            "yes",
            "satisfied",
            "1",
        ]);
        let rec = parse(&r).unwrap();
        assert!(rec.complaint && rec.reopened);
        assert_eq!(rec.close_seconds, Some(24 * 3600 + 1800));
        let place = rec.place.unwrap();
        assert_eq!(place.category, ["城乡建设", "供暖", "室温不达标"]);
        assert_eq!(place.district, "朝阳区");
    }

    #[test]
    fn bad_rows_say_why() {
        let mut f = vec![
            "1",
            "2025-01-06 09:00:00",
            "电话",
            "投诉",
            "城乡建设",
            "供暖",
            "",
            "朝阳区",
            "",
            "",
            "closed",
            "2025-01-05 09:00:00",
            "yes",
            "none",
            "0",
        ];
        assert_eq!(parse(&row(&f)).unwrap_err(), BadRow::ClosedBeforeReceived);
        f[11] = "2025-01-07 09:00:00";
        f[3] = "抱怨";
        assert_eq!(parse(&row(&f)).unwrap_err(), BadRow::RequestType);
        f[3] = "咨询";
        f[12] = "maybe";
        assert_eq!(parse(&row(&f)).unwrap_err(), BadRow::Resolved);
        assert_eq!(parse(&row(&f[..14])).unwrap_err(), BadRow::Columns);
    }
}
