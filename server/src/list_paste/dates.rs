//! Dates as people type them in spreadsheets: 2026-12-20, 2026/12/20, 2026.12.20,
//! 2026年12月20日, with or without leading zeros (2026/1/5). Anything else, or a day that does
//! not exist, is refused.

/// The date as ISO `YYYY-MM-DD`, or `None`.
pub fn parse(text: &str) -> Option<String> {
    let text = text.trim();
    let body = text.strip_suffix('日').unwrap_or(text);
    let parts: Vec<&str> = body.split(['-', '/', '.', '年', '月']).collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    // One kind of separator (or the 年月日 form), not a mix such as 2026/12-20.
    let separators: Vec<char> = body.chars().filter(|c| !c.is_ascii_digit()).collect();
    let consistent = matches!(separators.as_slice(), [a, b] if a == b)
        || (separators == ['年', '月'] && text.ends_with('日'));
    if !consistent || text.ends_with('日') && separators != ['年', '月'] {
        return None;
    }
    let number = |s: &str, max_len: usize| -> Option<i16> {
        (!s.is_empty() && s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (year, month, day) = (number(y, 4)?, number(m, 2)?, number(d, 2)?);
    if y.len() != 4 {
        return None;
    }
    let date =
        jiff::civil::Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()?;
    Some(date.to_string())
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn common_forms_are_read() {
        for typed in [
            "2026-12-20",
            "2026/12/20",
            "2026.12.20",
            "2026年12月20日",
            " 2026/12/20 ",
        ] {
            assert_eq!(parse(typed).as_deref(), Some("2026-12-20"), "{typed}");
        }
        assert_eq!(parse("2026/1/5").as_deref(), Some("2026-01-05"));
        assert_eq!(parse("2026年1月5日").as_deref(), Some("2026-01-05"));
        assert_eq!(parse("2026-1-05").as_deref(), Some("2026-01-05"));
    }

    #[test]
    fn nonsense_and_impossible_days_are_refused() {
        for typed in [
            "",
            "2026-13-01",
            "2026/02/30",
            "20/12/2026",
            "2026/12-20",
            "2026年12月20",
            "2026-12-20日",
            "26-12-20",
            "2026-12",
            "明年",
        ] {
            assert_eq!(parse(typed), None, "{typed}");
        }
    }
}
