//! The chart as a file (SVG and PNG downloads, the image embed code): the drawing with a footer
//! that travels with it — unit, source, data date, version, 示例数据 and where it came from — so
//! a picture copied anywhere still says what it shows and on what authority.

use app::charts::labels;
use app::i18n::{message, Locale};
use app::model::{ChartView, Unit};

/// Footer text size and line height, in px of the drawing.
const FONT: f64 = 12.0;
const LINE: f64 = 18.0;
const PAD: f64 = 12.0;

fn xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Width of text in px: CJK and full-width characters an em, Latin a little over half.
fn width_of(text: &str) -> f64 {
    text.chars()
        .map(|c| if (c as u32) < 0x2000 { 0.6 } else { 1.0 })
        .sum::<f64>()
        * FONT
}

/// Breaks text into lines no wider than `max` (at spaces when it can, anywhere in CJK).
fn wrap(text: &str, max: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_inclusive(' ') {
        if width_of(&line) + width_of(word) <= max {
            line.push_str(word);
            continue;
        }
        if !line.is_empty() && width_of(word) <= max {
            lines.push(std::mem::take(&mut line).trim_end().to_string());
            line.push_str(word);
            continue;
        }
        for c in word.chars() {
            if width_of(&line) + width_of(&c.to_string()) > max && !line.is_empty() {
                lines.push(std::mem::take(&mut line).trim_end().to_string());
            }
            line.push(c);
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

/// The drawing's width and height from its root element.
fn size(svg: &str) -> Option<(f64, f64)> {
    let head = &svg[..svg.find('>')?];
    let attr = |name: &str| -> Option<f64> {
        let start = head.find(&format!(" {name}=\""))? + name.len() + 3;
        let len = head[start..].find('"')?;
        head[start..start + len].trim_end_matches("px").parse().ok()
    };
    Some((attr("width")?, attr("height")?))
}

/// The lines under the chart, in the reader's language.
pub fn footer_lines(view: &ChartView, locale: Locale, base: &str) -> Vec<(String, bool)> {
    let data = &view.data;
    let mut lines = Vec::new();
    if data.sample {
        lines.push((message("chart.sample_label", locale), true));
    }
    if data.unit != Unit::Percent {
        let unit = message("chart_meta.unit_line", locale).replace("%{unit}", &view.unit);
        lines.push((unit, false));
    }
    lines.push((labels::source_text(data, locale), false));
    lines.push((
        format!(
            "{} · {} · 点菜 {base}/charts/{}",
            message("chart.as_of", locale)
                .replace("%{date}", &app::i18n::when::day_text(&data.as_of, locale)),
            message("chart.version", locale).replace("%{version}", &view.version),
            data.id
        ),
        false,
    ));
    lines
}

/// The downloadable SVG: the chart, then its footer, on one background.
pub fn with_footer(view: &ChartView, locale: Locale, base: &str) -> String {
    let svg = &view.svg;
    let (Some((width, height)), Some(open_end), Some(close)) =
        (size(svg), svg.find('>'), svg.rfind("</svg>"))
    else {
        return svg.clone();
    };
    let inner = &svg[open_end + 1..close];
    let mut text = String::new();
    let mut y = height + PAD;
    let dark = svg.contains("#17181c");
    let (muted, accent, rule, bg) = if dark {
        ("#b5b5b5", "#ff8a80", "#3a3b40", "#17181c")
    } else {
        ("#555555", "#9f1d20", "#dddddd", "#ffffff")
    };
    for (line, strong) in footer_lines(view, locale, base) {
        for part in wrap(&line, width - 2.0 * PAD) {
            y += LINE;
            let (fill, weight) = if strong {
                (accent, "bold")
            } else {
                (muted, "normal")
            };
            text.push_str(&format!(
                "<text x=\"{PAD}\" y=\"{y}\" font-size=\"{FONT}\" font-weight=\"{weight}\" fill=\"{fill}\" font-family=\"{}\">{}</text>",
                xml(app::charts::option::FONT_FAMILY),
                xml(&part)
            ));
        }
    }
    let total = (y + PAD).ceil();
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"{width}\" height=\"{total}\" viewBox=\"0 0 {width} {total}\">\
<rect width=\"{width}\" height=\"{total}\" fill=\"{bg}\"/><g>{inner}</g>\
<line x1=\"{PAD}\" x2=\"{x2}\" y1=\"{y1}\" y2=\"{y1}\" stroke=\"{rule}\"/>{text}</svg>",
        x2 = width - PAD,
        y1 = height + PAD / 2.0,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_wrap_within_the_width() {
        let lines = wrap(
            "来源： www.beijing.gov.cn、bj.people.com.cn (repost) · 数据截至2026年11月28日",
            200.0,
        );
        assert!(lines.len() >= 2, "{lines:?}");
        assert!(lines.iter().all(|l| width_of(l) <= 200.0), "{lines:?}");
    }
}
