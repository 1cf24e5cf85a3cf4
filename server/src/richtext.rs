//! Staff write plans and reports in Markdown; residents get HTML that cannot carry script.
//!
//! Raw HTML in the source is shown as text, and links keep only safe schemes, so the result is
//! safe to insert as-is (no separate sanitiser needed for this subset).

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag};

/// The URL schemes a link or image may use; anything else becomes `#`.
fn safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    match lower.split_once(':') {
        // No scheme (or a colon only after a path character): a relative link.
        None => true,
        Some((scheme, _)) if scheme.contains(['/', '?', '#']) => true,
        Some((scheme, _)) => matches!(scheme, "http" | "https" | "mailto"),
    }
}

pub fn to_safe_html(markdown: &str) -> String {
    let parser = Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    )
    .map(|event| match event {
        Event::Html(html) | Event::InlineHtml(html) => Event::Text(html),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) if !safe_url(&dest_url) => Event::Start(Tag::Link {
            link_type,
            dest_url: CowStr::Borrowed("#"),
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) if !safe_url(&dest_url) => Event::Start(Tag::Image {
            link_type,
            dest_url: CowStr::Borrowed("#"),
            title,
            id,
        }),
        other => other,
    });
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, parser);
    html
}

#[cfg(test)]
mod tests {
    use super::to_safe_html;

    #[test]
    fn markdown_becomes_html() {
        let html = to_safe_html("## 目标\n\n- **摸清底数**\n- [来源](https://example.org/a)");
        assert!(html.contains("<h2>目标</h2>"));
        assert!(html.contains("<strong>摸清底数</strong>"));
        assert!(html.contains("<a href=\"https://example.org/a\">来源</a>"));
    }

    #[test]
    fn raw_html_is_shown_as_text() {
        let html = to_safe_html("<script>alert(1)</script>\n\n<img src=x onerror=alert(1)> text");
        assert!(!html.contains("<script"));
        assert!(!html.contains("<img"));
        assert!(html.contains("&lt;script&gt;"));
    }

    #[test]
    fn dangerous_link_schemes_are_removed() {
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " data:text/html,x",
            "vbscript:x",
        ] {
            let html = to_safe_html(&format!("[x]({bad})"));
            assert!(html.contains("href=\"#\""), "{bad} -> {html}");
        }
        assert!(to_safe_html("[x](/years/2024)").contains("href=\"/years/2024\""));
        assert!(to_safe_html("[x](mailto:a@b.cn)").contains("mailto:"));
    }
}
