//! 工作日: working days in mainland China, counted the way reply deadlines are
//! ("10 个工作日内答复"). Weekends are off, the State Council's public holidays and the days
//! off around them are off, and the weekend days worked instead (调休上班) are working days.
//! Pure calendar arithmetic on civil dates: the caller picks "today" in Beijing time.

use jiff::civil::{date, Date, Weekday};

/// One year's notice from the General Office of the State Council.
struct Schedule {
    year: i16,
    /// Days off as inclusive ranges (weekend days inside a range are listed with it).
    off: &'static [(Date, Date)],
    /// Weekend days that are worked (调休上班).
    makeup: &'static [Date],
}

/// 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号, 2024-11-12),
/// <https://www.gov.cn/zhengce/content/202411/content_6986383.htm>.
const Y2025: Schedule = Schedule {
    year: 2025,
    off: &[
        (date(2025, 1, 1), date(2025, 1, 1)),   // 元旦
        (date(2025, 1, 28), date(2025, 2, 4)),  // 春节
        (date(2025, 4, 4), date(2025, 4, 6)),   // 清明节
        (date(2025, 5, 1), date(2025, 5, 5)),   // 劳动节
        (date(2025, 5, 31), date(2025, 6, 2)),  // 端午节
        (date(2025, 10, 1), date(2025, 10, 8)), // 国庆节、中秋节
    ],
    makeup: &[
        date(2025, 1, 26),
        date(2025, 2, 8),
        date(2025, 4, 27),
        date(2025, 9, 28),
        date(2025, 10, 11),
    ],
};

/// 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04, text as carried by Xinhua that day);
/// gov.cn policy library, address not re-checked:
/// <https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm>.
const Y2026: Schedule = Schedule {
    year: 2026,
    off: &[
        (date(2026, 1, 1), date(2026, 1, 3)),   // 元旦
        (date(2026, 2, 15), date(2026, 2, 23)), // 春节
        (date(2026, 4, 4), date(2026, 4, 6)),   // 清明节
        (date(2026, 5, 1), date(2026, 5, 5)),   // 劳动节
        (date(2026, 6, 19), date(2026, 6, 21)), // 端午节
        (date(2026, 9, 25), date(2026, 9, 27)), // 中秋节
        (date(2026, 10, 1), date(2026, 10, 7)), // 国庆节
    ],
    makeup: &[
        date(2026, 1, 4),
        date(2026, 2, 14),
        date(2026, 2, 28),
        date(2026, 5, 9),
        date(2026, 9, 20),
        date(2026, 10, 10),
    ],
};

const SCHEDULES: &[Schedule] = &[Y2025, Y2026];

/// The last year whose schedule is in the table. The notice for a year comes out in
/// November of the year before, so this needs a yearly update. Beyond it only weekends
/// count as days off: a deadline computed there may fall on a holiday, and the caller
/// should say so ("节假日安排尚未公布，按周末计算") rather than present it as exact.
pub fn covered_through() -> i16 {
    SCHEDULES.iter().fold(0, |last, s| last.max(s.year))
}

/// Whether `day` is a working day: a make-up working day, or a Monday–Friday that is not
/// a public holiday.
pub fn is_working_day(day: Date) -> bool {
    let schedules = SCHEDULES.iter();
    if schedules.clone().flat_map(|s| s.makeup).any(|&d| d == day) {
        return true;
    }
    if schedules
        .flat_map(|s| s.off)
        .any(|&(start, end)| start <= day && day <= end)
    {
        return false;
    }
    !is_weekend(day)
}

fn is_weekend(day: Date) -> bool {
    matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday)
}

/// The date `n` working days after `start`, which itself is not counted: a request received
/// on a Friday with a 10-working-day limit is due on the 10th working day after it. The
/// result is a working day unless `n` is 0, which returns `start` unchanged. Saturates at
/// jiff's last date instead of panicking.
pub fn add_working_days(start: Date, n: u32) -> Date {
    let mut day = start;
    let mut left = n;
    while left > 0 {
        match day.tomorrow() {
            Ok(next) => day = next,
            Err(_) => return day,
        }
        if is_working_day(day) {
            left -= 1;
        }
    }
    day
}

/// Working days after `from` up to and including `to`; negative (the same count, negated)
/// when `to` is before `from`. With `from` = today and `to` = the due date, 3 reads
/// "3 working days left", 0 "due today" and -2 "2 working days overdue". Counted in closed
/// form (weekdays, then the table), so long spans cost nothing.
pub fn working_days_between(from: Date, to: Date) -> i64 {
    if to < from {
        return -working_days_between(to, from);
    }
    let (a, b) = (day_number(from), day_number(to));
    let inside = |d: i64| a < d && d <= b;
    let mut count = weekdays_before(b + 1) - weekdays_before(a + 1);
    for schedule in SCHEDULES {
        for &(start, end) in schedule.off {
            let weekdays_off = (day_number(start)..=day_number(end))
                .filter(|&d| inside(d) && is_weekday_number(d))
                .count();
            count -= i64::try_from(weekdays_off).unwrap_or(0);
        }
        for &d in schedule.makeup {
            if inside(day_number(d)) {
                count += 1;
            }
        }
    }
    count
}

/// Days since 1970-01-01 (proleptic Gregorian; H. Hinnant's `days_from_civil`).
fn day_number(day: Date) -> i64 {
    let (m, d) = (i64::from(day.month()), i64::from(day.day()));
    let y = i64::from(day.year()) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Monday–Friday, by day number (day 0, 1970-01-01, was a Thursday).
fn is_weekday_number(n: i64) -> bool {
    (n + 3).rem_euclid(7) < 5
}

/// Monday–Friday days with a day number below `n`, counted from the Monday 1969-12-29;
/// only differences are meaningful.
fn weekdays_before(n: i64) -> i64 {
    let k = n + 3;
    5 * k.div_euclid(7) + k.rem_euclid(7).min(5)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spring_festival_2026() {
        assert!(!is_working_day(date(2026, 2, 15)));
        assert!(!is_working_day(date(2026, 2, 16)));
        assert!(!is_working_day(date(2026, 2, 23)));
        assert!(is_working_day(date(2026, 2, 24)));
        assert_eq!(add_working_days(date(2026, 2, 13), 1), date(2026, 2, 14));
        assert_eq!(add_working_days(date(2026, 2, 13), 2), date(2026, 2, 24));
    }

    #[test]
    fn makeup_weekend_days_count() {
        assert!(is_working_day(date(2025, 2, 8))); // Saturday
        assert!(is_working_day(date(2025, 9, 28))); // Sunday
        assert!(is_working_day(date(2026, 10, 10))); // Saturday
        assert!(!is_working_day(date(2026, 10, 11))); // an ordinary Sunday
    }

    #[test]
    fn national_day_week() {
        for d in 1..=8 {
            assert!(!is_working_day(date(2025, 10, d)), "2025-10-{d}");
        }
        assert!(is_working_day(date(2025, 10, 9)));
        assert!(!is_working_day(date(2026, 10, 7)));
        assert!(is_working_day(date(2026, 10, 8)));
    }

    #[test]
    fn ten_working_days_across_national_day_2025() {
        // Fri 26 Sep: 28 Sep (make-up), 29, 30, 9, 10, 11 (make-up), 13, 14, 15, 16 Oct.
        assert_eq!(add_working_days(date(2025, 9, 26), 10), date(2025, 10, 16));
        assert_eq!(add_working_days(date(2025, 3, 7), 10), date(2025, 3, 21));
        assert_eq!(add_working_days(date(2025, 10, 1), 1), date(2025, 10, 9));
    }

    #[test]
    fn zero_returns_start_even_on_a_holiday() {
        assert_eq!(add_working_days(date(2025, 10, 1), 0), date(2025, 10, 1));
        assert_eq!(add_working_days(date(2026, 3, 2), 0), date(2026, 3, 2));
    }

    #[test]
    fn between_is_antisymmetric() {
        let (a, b) = (date(2025, 9, 26), date(2025, 10, 16));
        assert_eq!(working_days_between(a, b), 10);
        assert_eq!(working_days_between(b, a), -10);
        assert_eq!(working_days_between(a, a), 0);
        // Due Fri 13 Feb 2026; on Wed 25 Feb it is 3 working days late (14, 24, 25 Feb).
        let (due, today) = (date(2026, 2, 13), date(2026, 2, 25));
        assert_eq!(working_days_between(today, due), -3);
    }

    #[test]
    fn beyond_the_table_only_weekends_are_off() {
        assert!(covered_through() < 2027);
        assert!(is_working_day(date(2027, 10, 1))); // a Friday; no 2027 notice in the table
        assert!(!is_working_day(date(2027, 10, 2)));
    }

    #[test]
    fn table_is_consistent() {
        assert_eq!(covered_through(), 2026);
        for s in SCHEDULES {
            for &d in s.makeup {
                assert_eq!(d.year(), s.year);
                assert!(is_weekend(d), "{d}");
                assert!(s.off.iter().all(|&(a, b)| d < a || b < d), "{d}");
            }
            assert!(s.off.iter().all(|&(a, b)| a <= b && b.year() == s.year));
        }
    }

    #[test]
    fn closed_form_agrees_with_day_by_day() {
        let from = date(2024, 12, 20);
        let mut day = from;
        let mut expected = 0;
        while day < date(2027, 1, 10) {
            day = day.tomorrow().unwrap();
            expected += i64::from(is_working_day(day));
            assert_eq!(working_days_between(from, day), expected, "{day}");
            let n = u32::try_from(expected).unwrap();
            let due = add_working_days(from, n);
            assert_eq!(working_days_between(from, due), expected);
        }
    }
}
