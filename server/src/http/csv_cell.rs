//! CSV formula injection (公式注入): a spreadsheet runs a cell that begins with `=`, `+`, `-`,
//! `@`, a tab or a carriage return as a formula, so a task titled `=HYPERLINK(…)` would become a
//! live link in the reader's Excel. Every CSV the portal writes goes through [`cell`], OWASP's
//! rule: such a cell is prefixed with a single quote and reads as text. A plain number (`-3.5`,
//! `+12`) is left as it is: it cannot be a formula, and the data stays numeric.

use std::borrow::Cow;

/// Whether `text` is a plain decimal number: sign, digits, at most one point, an exponent.
fn is_number(text: &str) -> bool {
    let body = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (mantissa, exponent) = match body.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e.strip_prefix(['-', '+']).unwrap_or(e))),
        None => (body, None),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    !(int.is_empty() && frac.is_empty())
        && digits(int)
        && digits(frac)
        && exponent.is_none_or(|e| !e.is_empty() && digits(e))
}

/// The cell as written to a CSV: neutralised when a spreadsheet would read it as a formula.
pub fn cell(text: &str) -> Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') if !is_number(text) => {
            Cow::Owned(format!("'{text}"))
        }
        _ => Cow::Borrowed(text),
    }
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn formulas_become_text_and_numbers_stay_numbers() {
        assert_eq!(
            cell("=HYPERLINK(\"http://x\",\"点我\")"),
            "'=HYPERLINK(\"http://x\",\"点我\")"
        );
        for risky in [
            "+1+cmd|' /C calc'!A0",
            "-2+3",
            "@SUM(A1)",
            "\tx",
            "\r=1",
            "-",
            "+",
        ] {
            assert!(cell(risky).starts_with('\''), "{risky:?}");
        }
        for safe in ["-3.5", "+12", "1e5", "-0.25E-3", "供暖", "", "2026-11-01"] {
            assert_eq!(cell(safe), safe);
        }
    }
}
