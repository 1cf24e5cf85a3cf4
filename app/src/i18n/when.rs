//! 北京时间: every date and time a person sees, in Asia/Shanghai and in the reader's language.
//!
//! The store keeps instants as Unix seconds and hands them out as RFC 3339 text (any offset);
//! staff type civil dates ("2026-12-05") that mean a Beijing calendar day. Pages never slice
//! those strings: slicing a UTC instant shows the day before for anything between 00:00 and
//! 08:00 Beijing time. Asia/Shanghai has kept UTC+8 without daylight saving since 1991, so a
//! fixed offset is exact for every date the portal shows and needs no time-zone database in
//! the browser build.

use crate::i18n::Locale;
use jiff::civil::{Date, DateTime};
use jiff::tz::{Offset, TimeZone};
use jiff::Timestamp;

/// UTC+8, Beijing's offset all year.
pub fn beijing() -> TimeZone {
    TimeZone::fixed(Offset::constant(8))
}

/// An instant written as RFC 3339 (`2026-12-01T09:05:51Z`, `…+08:00`), as Beijing wall time.
pub fn parse_instant(text: &str) -> Option<DateTime> {
    let at: Timestamp = text.trim().parse().ok()?;
    Some(at.to_zoned(beijing()).datetime())
}

/// A civil date as staff typed it (`2026-12-05`), or the date part of an RFC 3339 instant
/// read in Beijing time.
pub fn parse_day(text: &str) -> Option<Date> {
    let text = text.trim();
    if text.len() == 10 {
        return text.parse().ok();
    }
    parse_instant(text).map(|dt| dt.date())
}

const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "11月" / "November". Out-of-range months (never stored) fall back to the number.
pub fn month_name(month: u8, locale: Locale) -> String {
    match locale {
        Locale::ZhCn => format!("{month}月"),
        Locale::En => EN_MONTHS
            .get(usize::from(month).wrapping_sub(1))
            .map_or_else(|| month.to_string(), |m| (*m).to_string()),
    }
}

/// "2026年11月" / "November 2026".
pub fn year_month(year: i32, month: u8, locale: Locale) -> String {
    match locale {
        Locale::ZhCn => format!("{year}年{month}月"),
        Locale::En => format!("{} {year}", month_name(month, locale)),
    }
}

/// "2026年12月5日" / "5 December 2026".
pub fn format_day(day: Date, locale: Locale) -> String {
    let (y, m, d) = (i32::from(day.year()), day.month() as u8, day.day());
    match locale {
        Locale::ZhCn => format!("{y}年{m}月{d}日"),
        Locale::En => format!("{d} {} {y}", month_name(m, locale)),
    }
}

/// "2026年12月1日 17:05" / "1 December 2026, 17:05 Beijing time".
pub fn format_date_time(at: DateTime, locale: Locale) -> String {
    let day = format_day(at.date(), locale);
    let clock = format!("{:02}:{:02}", at.hour(), at.minute());
    match locale {
        Locale::ZhCn => format!("{day} {clock}"),
        Locale::En => format!("{day}, {clock} Beijing time"),
    }
}

/// A stored date or instant shown as a Beijing day; unreadable text is shown as it is
/// rather than dropped, so a corrupt value is visible instead of silently wrong.
pub fn day_text(text: &str, locale: Locale) -> String {
    parse_day(text).map_or_else(|| text.to_string(), |d| format_day(d, locale))
}

/// A stored instant shown as Beijing date and time (see [`day_text`] for unreadable text).
pub fn date_time_text(text: &str, locale: Locale) -> String {
    parse_instant(text).map_or_else(|| text.to_string(), |t| format_date_time(t, locale))
}

/// [`day_text`] in the locale of the current render.
pub fn day(text: &str) -> String {
    day_text(text, crate::i18n::use_locale())
}

/// [`date_time_text`] in the locale of the current render.
pub fn date_time(text: &str) -> String {
    date_time_text(text, crate::i18n::use_locale())
}

/// The last day a cycle is open: it closes at the Beijing midnight that ends that day.
pub fn last_open_day(closes_at: &str) -> Option<Date> {
    let end = parse_instant(closes_at)?;
    end.checked_sub(jiff::Span::new().seconds(1))
        .ok()
        .map(|t| t.date())
}

/// When a cycle opens: the day alone when it opens at Beijing midnight (as staff set it), the
/// minute otherwise.
pub fn opening_text(opens_at: &str, locale: Locale) -> String {
    match parse_instant(opens_at) {
        Some(t) if is_midnight(t) => format_day(t.date(), locale),
        Some(t) => format_date_time(t, locale),
        None => opens_at.to_string(),
    }
}

/// When a cycle closes. Staff type the last day of voting; it closes at the midnight that ends
/// it, which reads "20 December, 24:00", never "21 December", so no one thinks the 20th is shut.
pub fn closing_text(closes_at: &str, locale: Locale) -> String {
    let Some(t) = parse_instant(closes_at) else {
        return closes_at.to_string();
    };
    match (is_midnight(t), last_open_day(closes_at)) {
        (true, Some(last)) => match locale {
            Locale::ZhCn => format!("{} 24:00", format_day(last, locale)),
            Locale::En => format!("the end of {} (Beijing time)", format_day(last, locale)),
        },
        _ => format_date_time(t, locale),
    }
}

fn is_midnight(t: DateTime) -> bool {
    t.hour() == 0 && t.minute() == 0 && t.second() == 0
}

/// The Beijing calendar month `(year, month)` of an instant, for "this month".
pub fn month_of(at: Timestamp) -> (i32, u8) {
    let d = at.to_zoned(beijing()).date();
    (i32::from(d.year()), d.month() as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_instant_before_8am_beijing_is_the_next_utc_day() {
        // 2026-12-04 16:00 UTC is midnight opening 5 December in Beijing.
        assert_eq!(
            day_text("2026-12-04T16:00:00Z", Locale::ZhCn),
            "2026年12月5日"
        );
        assert_eq!(
            day_text("2026-12-04T16:00:00Z", Locale::En),
            "5 December 2026"
        );
        assert_eq!(
            date_time_text("2026-12-01T09:05:51Z", Locale::ZhCn),
            "2026年12月1日 17:05"
        );
        assert_eq!(
            date_time_text("2026-12-01T09:05:51Z", Locale::En),
            "1 December 2026, 17:05 Beijing time"
        );
    }

    #[test]
    fn a_typed_date_is_the_date_shown() {
        assert_eq!(day_text("2026-12-20", Locale::ZhCn), "2026年12月20日");
        assert_eq!(day_text("2026-12-20", Locale::En), "20 December 2026");
    }

    #[test]
    fn a_cycle_closing_at_midnight_is_open_through_the_day_before() {
        // Closes at 2026-12-21 00:00 Beijing = 2026-12-20 16:00 UTC.
        let last = last_open_day("2026-12-20T16:00:00Z").map(|d| format_day(d, Locale::ZhCn));
        assert_eq!(last.as_deref(), Some("2026年12月20日"));
    }

    #[test]
    fn cycle_edges_read_as_staff_typed_them() {
        // Opens 5 December 00:00 Beijing; closes when 20 December ends.
        assert_eq!(
            opening_text("2026-12-04T16:00:00Z", Locale::ZhCn),
            "2026年12月5日"
        );
        assert_eq!(
            closing_text("2026-12-20T16:00:00Z", Locale::ZhCn),
            "2026年12月20日 24:00"
        );
        assert_eq!(
            closing_text("2026-12-20T16:00:00Z", Locale::En),
            "the end of 20 December 2026 (Beijing time)"
        );
        // A demo cycle closing mid-afternoon shows its minute.
        assert_eq!(
            closing_text("2026-12-20T06:30:00Z", Locale::ZhCn),
            "2026年12月20日 14:30"
        );
    }

    #[test]
    fn months_read_in_each_language() {
        assert_eq!(year_month(2026, 11, Locale::En), "November 2026");
        assert_eq!(year_month(2026, 11, Locale::ZhCn), "2026年11月");
        assert_eq!(month_name(13, Locale::En), "13");
        assert_eq!(month_name(0, Locale::En), "0");
    }

    #[test]
    fn this_month_follows_the_beijing_calendar() {
        // 30 November 2026, 16:30 UTC is already 1 December in Beijing.
        let at: Timestamp = "2026-11-30T16:30:00Z".parse().unwrap();
        assert_eq!(month_of(at), (2026, 12));
        let at: Timestamp = "2026-11-30T15:59:59Z".parse().unwrap();
        assert_eq!(month_of(at), (2026, 11));
    }

    #[test]
    fn unreadable_text_is_shown_as_it_is() {
        assert_eq!(day_text("soon", Locale::En), "soon");
    }
}
