//! 回执码: the code a voter keeps to check their ballot (选票), and what the device that cast a
//! ballot may see of it. Codes are read the way people type them: any case, with spaces, dashes
//! or full-width characters from a Chinese input method.

use serde::{Deserialize, Serialize};

/// The letters and digits codes are made of: none that can be mistaken for another.
pub const CODE_ALPHABET: &str = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
/// Characters people type for a code's letters that codes never contain (0/O, 1/I/L).
pub const LOOK_ALIKES: &str = "0O1IL";

/// A receipt in its stored form: `XXXX-XXXX-XX` for a ballot, `S-XXXX-XXXX-XX` for a suggestion.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ReceiptCode(String);

/// Why typed text is not a receipt code; each has its own message (`vote.code_problem.<code>`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CodeProblem {
    /// Nothing typed.
    Empty,
    /// A 0, O, 1, I or L: never part of a code, so a misread character.
    LookAlike,
    /// Too short, too long or with characters codes never have.
    Malformed,
}

impl CodeProblem {
    pub fn code(self) -> &'static str {
        match self {
            CodeProblem::Empty => "empty",
            CodeProblem::LookAlike => "look_alike",
            CodeProblem::Malformed => "malformed",
        }
    }
}

/// Folds full-width forms (Ｐ, ７, －, 全角空格) to ASCII and drops separators; `None` for a
/// separator, the character otherwise.
fn fold(c: char) -> Option<char> {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        other => other,
    };
    match c {
        ' ' | '\u{3000}' | '\t' | '-' | '_' | '.' | '·' | '‐' | '‑' | '–' | '—' | '、' => {
            None
        }
        c => Some(c.to_ascii_uppercase()),
    }
}

/// Normalises typed text to the code's characters only (no separators), checked against the
/// alphabet. The length is the caller's to check.
pub fn normalize_chars(typed: &str) -> Result<String, CodeProblem> {
    let mut out = String::with_capacity(12);
    for c in typed.chars().filter_map(fold) {
        if CODE_ALPHABET.contains(c) {
            out.push(c);
        } else if LOOK_ALIKES.contains(c) {
            return Err(CodeProblem::LookAlike);
        } else {
            return Err(CodeProblem::Malformed);
        }
        if out.len() > 16 {
            return Err(CodeProblem::Malformed);
        }
    }
    if out.is_empty() {
        return Err(CodeProblem::Empty);
    }
    Ok(out)
}

impl ReceiptCode {
    /// Reads a receipt as typed: "prx7 d2tn g9", "PRX7D2TNG9" and "prx7-d2tn-g9" are one code.
    pub fn parse(typed: &str) -> Result<ReceiptCode, CodeProblem> {
        if typed.chars().count() > 60 {
            return Err(CodeProblem::Malformed);
        }
        let chars = normalize_chars(typed)?;
        let ballot = |c: &str| format!("{}-{}-{}", &c[..4], &c[4..8], &c[8..]);
        match chars.len() {
            10 => Ok(ReceiptCode(ballot(&chars))),
            11 if chars.starts_with('S') => Ok(ReceiptCode(format!("S-{}", ballot(&chars[1..])))),
            _ => Err(CodeProblem::Malformed),
        }
    }

    /// The stored form, as printed for the voter.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for ReceiptCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where a device's own ballot stands, from the server's record (never from the URL).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OwnBallotState {
    Counted,
    /// Held for review (待复核).
    Held,
    Rejected,
    /// A later ballot by the same voter counts instead.
    Superseded,
}

/// 您的选票: the ballot this device cast in a cycle, with its picks. Shown only to the device
/// that cast it (a server-signed cookie names it); the public receipt check never shows picks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OwnBallot {
    pub receipt: String,
    pub state: OwnBallotState,
    /// Candidate ids, sorted.
    pub picks: Vec<super::CandidateId>,
    /// Candidate titles, in the same order.
    pub pick_titles: Vec<String>,
    /// A paper code was used (核验): such a ballot cannot be changed.
    pub verified: bool,
    /// When it was cast (UTC, ISO 8601, as the other voting times).
    pub at: String,
}

/// What a receipt check answers (回执查询): the code as read, what the records say, and the
/// picks only when the asking device cast that ballot.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReceiptAnswer {
    /// The code in its printed form, when the typed text was one.
    pub code: Option<String>,
    pub status: super::ReceiptStatus,
    /// Why the typed text is not a code.
    pub problem: Option<CodeProblem>,
    pub own_picks: Option<Vec<String>>,
}

impl ReceiptAnswer {
    pub fn problem(problem: CodeProblem) -> Self {
        ReceiptAnswer {
            code: None,
            status: super::ReceiptStatus::Unknown,
            problem: Some(problem),
            own_picks: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn receipts_are_read_the_way_people_type_them() {
        let want = Ok(ReceiptCode("PRX7-D2TN-G9".into()));
        for typed in [
            "prx7 d2tn g9",
            "PRX7D2TNG9",
            "prx7-d2tn-g9",
            " PRX7—D2TN—G9 ",
            "ＰＲＸ７　Ｄ２ＴＮ　Ｇ９",
            "prx7－d2tn－g9",
        ] {
            assert_eq!(ReceiptCode::parse(typed), want, "{typed:?}");
        }
        assert_eq!(
            ReceiptCode::parse("s-prx7 d2tn g9").map(|c| c.to_string()),
            Ok("S-PRX7-D2TN-G9".into())
        );
    }

    #[test]
    fn what_is_not_a_code_says_why() {
        assert_eq!(ReceiptCode::parse("  "), Err(CodeProblem::Empty));
        assert_eq!(
            ReceiptCode::parse("PRX7-D2TN-G0"),
            Err(CodeProblem::LookAlike)
        );
        assert_eq!(ReceiptCode::parse("假票"), Err(CodeProblem::Malformed));
        assert_eq!(ReceiptCode::parse("PRX7"), Err(CodeProblem::Malformed));
        assert_eq!(
            ReceiptCode::parse("<script>x</script>"),
            Err(CodeProblem::Malformed)
        );
    }
}
