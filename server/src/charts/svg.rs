//! Tidies the SVG ECharts writes so it can sit inline in our pages under a strict CSP: inline
//! `style` attributes and `<style>` blocks would need `style-src 'unsafe-inline'`, so styles
//! become SVG presentation attributes (which CSP does not govern) and the hover rules, useless
//! in a static picture, go. The root scales to its column and is hidden from screen readers,
//! which get the figure's own label, description and table instead.

/// Returns the SVG ready to inline.
pub fn tidy(svg: &str) -> String {
    // A stray control in a label (an old row, an import) would make the SVG unreadable XML and
    // its PNG fail to draw: no XML writer here keeps one (issue 34).
    let svg = app::model::without_controls(svg);
    let without_style_block = drop_style_block(&svg);
    let attributes = styles_to_attributes(&without_style_block);
    root(&attributes)
}

fn drop_style_block(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(start) = rest.find("<style") {
        out.push_str(&rest[..start]);
        match rest[start..].find("</style>") {
            Some(end) => rest = &rest[start + end + "</style>".len()..],
            None => {
                rest = "";
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `style="font-size:12px;font-weight:bold;"` → `font-size="12px" font-weight="bold"`.
fn styles_to_attributes(svg: &str) -> String {
    const OPEN: &str = " style=\"";
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(start) = rest.find(OPEN) {
        out.push_str(&rest[..start]);
        let body_start = start + OPEN.len();
        let Some(len) = rest[body_start..].find('"') else {
            rest = &rest[start..];
            break;
        };
        for declaration in rest[body_start..body_start + len].split(';') {
            let Some((name, value)) = declaration.split_once(':') else {
                continue;
            };
            let (name, value) = (name.trim(), value.trim());
            let safe_name =
                !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-');
            if safe_name && !value.contains('"') && !value.contains('<') {
                out.push_str(&format!(" {name}=\"{value}\""));
            }
        }
        rest = &rest[body_start + len + 1..];
    }
    out.push_str(rest);
    out
}

/// Responsive root: a `viewBox` (ECharts writes one; added if missing), 100% wide, aria-hidden.
fn root(svg: &str) -> String {
    let Some(end) = svg.find('>') else {
        return svg.to_string();
    };
    let (head, rest) = svg.split_at(end);
    let attr = |name: &str| -> Option<String> {
        let start = head.find(&format!(" {name}=\""))? + name.len() + 3;
        let len = head[start..].find('"')?;
        Some(head[start..start + len].to_string())
    };
    let mut head = head.to_string();
    if !head.contains("viewBox") {
        if let (Some(w), Some(h)) = (attr("width"), attr("height")) {
            head.push_str(&format!(" viewBox=\"0 0 {w} {h}\""));
        }
    }
    head.push_str(
        " preserveAspectRatio=\"xMidYMid meet\" aria-hidden=\"true\" focusable=\"false\"",
    );
    format!("{head}{rest}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_become_attributes_and_style_blocks_go() {
        let svg = r##"<svg width="400" height="300"><text style="font-size:12px;font-family:'PingFang SC',sans-serif;" fill="#000">年</text><style ><![CDATA[.a:hover{cursor:pointer}]]></style></svg>"##;
        let tidy = tidy(svg);
        assert!(!tidy.contains("style"), "{tidy}");
        assert!(tidy.contains(r#"font-size="12px""#), "{tidy}");
        assert!(
            tidy.contains(r#"font-family="'PingFang SC',sans-serif""#),
            "{tidy}"
        );
        assert!(tidy.contains(r#"viewBox="0 0 400 300""#), "{tidy}");
        assert!(tidy.contains(r#"aria-hidden="true""#), "{tidy}");
        assert!(tidy.ends_with("年</text></svg>"), "{tidy}");
    }

    #[test]
    fn a_control_in_a_label_leaves_the_svg_readable() {
        let svg = "<svg width=\"400\" height=\"300\"><text>路灯\u{1}不亮\u{b}</text></svg>";
        let tidy = tidy(svg);
        assert!(tidy.contains("<text>路灯不亮</text>"), "{tidy}");
        if let Err(err) = roxmltree::Document::parse(&tidy) {
            panic!("not XML: {err}: {tidy}");
        }
    }
}
