//! Plain text (纯文本): the characters no stored or shown text may carry. A C0 control other
//! than tab, newline and return, DEL, a C1 control, or U+FFFE/U+FFFF is invisible on a page, is
//! not allowed in XML 1.0 at all (one U+0001 in a candidate's title made its cycle's SVG
//! unreadable and the PNG fail on every request; one U+000B broke the Atom feed — issue 34), and
//! no one types it on purpose: it comes pasted from a document. The edge drops them from every
//! form field before a handler reads it; every XML writer drops them again, for text that
//! reached the store another way (an import file, an old row).

use std::borrow::Cow;

/// Whether `c` is a character no text keeps (see the module comment).
pub fn is_stray_control(c: char) -> bool {
    matches!(
        c,
        '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
            | '\u{fffe}' | '\u{ffff}'
    )
}

/// `text` without its stray controls (borrowed when it has none, the common case).
pub fn without_controls(text: &str) -> Cow<'_, str> {
    if text.chars().any(is_stray_control) {
        Cow::Owned(text.chars().filter(|c| !is_stray_control(*c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_go_and_what_a_person_types_stays() {
        assert_eq!(
            without_controls("管线\u{b}冲洗\u{1}完成\u{7f}\u{85}"),
            "管线冲洗完成"
        );
        let kept = "第一行\n第二行\r\n\t缩进 — “引号” ① 🙂";
        assert!(matches!(without_controls(kept), Cow::Borrowed(_)));
        assert_eq!(without_controls("\u{fffe}a\u{ffff}"), "a");
    }
}
