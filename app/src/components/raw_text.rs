//! Text in the two places the framework writes it unescaped (原样输出的文本): the document's
//! `<title>` (leptos_meta pushes the title string into the head as it is) and a `<textarea>`'s
//! content (tachys treats textarea children as raw text). A title or a text box that comes from
//! data — a suggestion, a cycle, a department, a topic's summary or plan, a reflected query —
//! could otherwise close the element and add markup (`</title><meta http-equiv=refresh …>`).
//!
//! One helper, [`escape_html`], escapes both: the shell installs [`title_formatter`] once for
//! every `<Title/>`, and every textarea takes its content through [`text_box`]
//! (`<textarea … inner_html=text_box(value)></textarea>`; as `inner_html` the escaped text is
//! also right when an island sets it in the browser). A unit test below reads every source file
//! and fails on a textarea that takes children instead.

/// `text` with `& < > " '` replaced by character references: safe as element text and as a
/// quoted attribute value. The server's hand-written pages (embeds, the code sheet) use it too.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The content of a `<textarea>`, for its `inner_html`.
pub fn text_box(value: impl AsRef<str>) -> String {
    escape_html(value.as_ref())
}

/// The formatter the shell gives leptos_meta's root `<Title/>`: every page title is escaped
/// once, whoever wrote it.
pub fn title_formatter() -> leptos_meta::Formatter {
    leptos_meta::Formatter::from(|text: String| escape_html(&text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_becomes_text() {
        assert_eq!(
            escape_html("</title><meta http-equiv=refresh content=\"0;url=/about\">&'"),
            "&lt;/title&gt;&lt;meta http-equiv=refresh content=&quot;0;url=/about&quot;&gt;&amp;&#39;"
        );
        assert_eq!(text_box("点菜 plain"), "点菜 plain");
    }

    /// Every `<textarea>` in the app is empty in the source or filled through `text_box`:
    /// no textarea may take children, which tachys would write unescaped.
    #[test]
    fn every_textarea_goes_through_text_box() {
        let files = crate::source_files::app_sources();
        assert!(files.len() > 20, "the app's sources were not found");
        let mut seen = 0;
        for (path, text) in files {
            if path.ends_with("raw_text.rs") {
                continue;
            }
            for (at, _) in text.match_indices("<textarea") {
                let rest = &text[at..];
                let Some(open_end) = rest.find('>') else {
                    continue;
                };
                let Some(close) = rest.find("</textarea>") else {
                    continue;
                };
                seen += 1;
                let open = &rest[..open_end];
                let content = rest[open_end + 1..close].trim();
                assert!(
                    content.is_empty(),
                    "{path}: a <textarea> takes children ({content}); use inner_html=text_box(…)"
                );
                assert!(
                    !open.contains("inner_html") || open.contains("inner_html=text_box("),
                    "{path}: a <textarea>'s inner_html must come from text_box"
                );
            }
        }
        assert!(seen >= 10, "only {seen} textareas found");
    }
}
