//! The ECharts option for a chart, built with `charming`. The server draws it as SVG and ships the
//! same JSON to the browser for the interactive upgrade, so both always show the same chart.

use super::words::Words;
use crate::i18n::Locale;
use crate::model::{ChartData, Shape, Theme, Unit};
use charming::component::{Axis, Grid, Legend, Title};
use charming::element::{
    AxisLabel, AxisType, Color, ItemStyle, Label, LabelPosition, LineStyle, MarkArea, MarkAreaData,
    MarkLine, MarkLineData, MarkLineVariant, NameLocation, Orient, SplitLine, Symbol, TextStyle,
    Tooltip, Trigger,
};
use charming::series::{Bar, Line, Pie};
use charming::Chart;
use rust_i18n::t;

/// Chinese-capable fonts first, so SVG and PNG show glyphs rather than boxes.
pub const FONT_FAMILY: &str =
    "'PingFang SC','Hiragino Sans GB','Microsoft YaHei','Noto Sans CJK SC','WenQuanYi Micro Hei',sans-serif";

/// Colours with at least 3:1 contrast against the background of their theme (WCAG 1.4.11).
struct Palette {
    background: &'static str,
    text: &'static str,
    muted: &'static str,
    grid: &'static str,
    mark: &'static str,
    series: [&'static str; 6],
}

const LIGHT: Palette = Palette {
    background: "#ffffff",
    text: "#1f1f1f",
    muted: "#555555",
    grid: "#dddddd",
    mark: "#9f1d20",
    series: [
        "#9f1d20", "#1f5fa8", "#5b7f1f", "#a65e00", "#6b3fa0", "#2a7d7d",
    ],
};

const DARK: Palette = Palette {
    background: "#17181c",
    text: "#ececec",
    muted: "#b5b5b5",
    grid: "#3a3b40",
    mark: "#ff8a80",
    series: [
        "#ff8a80", "#82b1ff", "#b9e07a", "#ffc46b", "#d0a8ff", "#7fdcdc",
    ],
};

/// The chart's height for a width: pies are square-ish, long category lists grow downwards.
pub fn height_for(data: &ChartData, width: u32) -> u32 {
    match data.kind.shape() {
        // Room for title, legend and axis even when there is a single bar.
        Shape::StackedBarHorizontal => (130 + 36 * data.categories.len() as u32).max(230),
        Shape::Pie => (width * 9 / 10).clamp(300, 560),
        _ => (width * 3 / 4).clamp(280, 480),
    }
}

/// The option as JSON, ready for `setOption`.
pub fn option_json(
    data: &ChartData,
    words: &Words,
    theme: Theme,
    locale: Locale,
    width: u32,
) -> String {
    let chart = build(data, words, (theme, locale), width);
    let mut value = serde_json::to_value(&chart).unwrap_or_default();
    if let Some(map) = value.as_object_mut() {
        let palette = palette(theme);
        // charming has no chart-wide text style; ECharts reads it from the option root.
        map.insert(
            "textStyle".into(),
            serde_json::json!({ "fontFamily": FONT_FAMILY, "color": palette.text, "fontSize": 13 }),
        );
        map.insert(
            "darkMode".into(),
            serde_json::Value::Bool(theme == Theme::Dark),
        );
        // Decal patterns, so colour is not the only cue. Written here rather than with
        // charming's `Aria`, which serialises an empty `decals: []` (and `label: null`) that
        // ECharts reads as "no patterns" and then fails on.
        map.insert(
            "aria".into(),
            serde_json::json!({ "enabled": true, "decal": { "show": true } }),
        );
    }
    value.to_string()
}

fn palette(theme: Theme) -> &'static Palette {
    match theme {
        Theme::Light => &LIGHT,
        Theme::Dark => &DARK,
    }
}

/// The title's estimated width in pixels at its 15 px size: a CJK or full-width character is
/// about as wide as the font is tall, anything else about half as wide and a bit more.
fn text_px(text: &str) -> u32 {
    text.chars()
        .map(|c| if c.len_utf8() >= 3 { 15 } else { 9 })
        .sum()
}

/// Lines of at most `room` px: at spaces when there are any, else (Chinese) anywhere.
fn wrap(line: &str, room: u32) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    let words: Vec<&str> = if line.contains(' ') {
        line.split_inclusive(' ').collect()
    } else {
        line.split_inclusive(|_| true).collect()
    };
    for word in words {
        if !current.is_empty() && text_px(&current) + text_px(word.trim_end()) > room {
            out.push(current.trim_end().to_string());
            current.clear();
        }
        current.push_str(word);
    }
    if !current.trim().is_empty() {
        out.push(current.trim_end().to_string());
    }
    out
}

/// The drawing's title in lines that fit `width`: ECharts does not wrap a title by itself, and
/// a 360 px column or a narrow embed cut it off (issue 34; the page and the embed show it whole
/// above the drawing too). A long "subject：chart" title breaks after its colon first. Returns
/// the text and its number of lines (at most four; past that the last line is cut with "…").
fn title_lines(title: &str, width: u32) -> (String, usize) {
    const ONE_LINE: usize = 24;
    let room = width.saturating_sub(32).max(120);
    if title.chars().count() <= ONE_LINE && text_px(title) <= room {
        return (title.to_string(), 1);
    }
    let parts: Vec<String> = ["：", ": "]
        .iter()
        .find_map(|colon| {
            title.split_once(colon).map(|(subject, rest)| {
                vec![format!("{subject}{}", colon.trim_end()), rest.to_string()]
            })
        })
        .unwrap_or_else(|| vec![title.to_string()]);
    let mut lines: Vec<String> = parts.iter().flat_map(|p| wrap(p, room)).collect();
    if lines.len() > 4 {
        lines.truncate(4);
        lines[3].push('…');
    }
    let count = lines.len();
    (lines.join("\n"), count)
}

fn build(data: &ChartData, words: &Words, (theme, locale): (Theme, Locale), width: u32) -> Chart {
    let p = palette(theme);
    let (title_text, lines) = title_lines(&words.title, width);
    let mut title = Title::new().text(title_text).left("center").text_style(
        TextStyle::new()
            .color(p.text)
            .font_size(15)
            .font_family(FONT_FAMILY),
    );
    if data.sample {
        title = title
            .subtext(t!("chart.sample_label", locale = locale.tag()).into_owned())
            .subtext_style(TextStyle::new().color(p.mark).font_size(12));
    }
    let mut chart = Chart::new()
        .animation(false)
        .background_color(p.background)
        .color(p.series.iter().map(|c| Color::from(*c)).collect())
        .title(title)
        .tooltip(Tooltip::new().trigger(match data.kind.shape() {
            Shape::Pie => Trigger::Item,
            _ => Trigger::Axis,
        }));
    if data.series.len() > 1 || data.kind.shape() == Shape::Pie {
        chart = chart.legend(
            Legend::new()
                .bottom(0)
                .orient(Orient::Horizontal)
                .text_style(TextStyle::new().color(p.text)),
        );
    }
    if data.kind.shape() == Shape::Pie {
        return pie(chart, data, p);
    }
    let horizontal = data.kind.shape() == Shape::StackedBarHorizontal;
    // The unit (件, 项, 票…) names the value axis; percentages carry it on every label.
    let unit = (data.unit != Unit::Percent).then(|| words.unit.clone());
    let mut top = if data.sample { 62 } else { 44 };
    top += 20 * (i32::try_from(lines).unwrap_or(1) - 1);
    let mut bottom = if data.series.len() > 1 { 40 } else { 12 };
    if unit.is_some() {
        if horizontal {
            bottom += 22;
        } else {
            top += 16;
        }
    }
    chart = chart.grid(
        Grid::new()
            .left(8)
            .right(16)
            .top(top)
            .bottom(bottom)
            .contain_label(true),
    );
    let category = Axis::new()
        .type_(AxisType::Category)
        .data(data.categories.clone())
        .axis_label(AxisLabel::new().color(p.muted));
    let mut value = Axis::new()
        .type_(AxisType::Value)
        .axis_label(AxisLabel::new().color(p.muted))
        .split_line(SplitLine::new().line_style(LineStyle::new().color(p.grid)));
    if data.unit == Unit::Count {
        value = value.min_interval(1);
    }
    if let Some(unit) = unit {
        value = if horizontal {
            value
                .name(unit)
                .name_location(NameLocation::Middle)
                .name_gap(24)
        } else {
            value.name(unit).name_location(NameLocation::End)
        }
        .name_text_style(
            TextStyle::new()
                .color(p.muted)
                .font_size(12)
                .align(if horizontal { "center" } else { "left" }),
        );
    }
    if data.unit == Unit::Percent {
        value = value
            .max(100)
            .axis_label(AxisLabel::new().color(p.muted).formatter("{value}%"));
    }
    chart = if horizontal {
        chart.x_axis(value).y_axis(category.inverse(true))
    } else {
        chart.x_axis(category).y_axis(value)
    };
    for (i, (series, name)) in data.series.iter().zip(&words.series_names).enumerate() {
        chart = match data.kind.shape() {
            Shape::Line => chart.series(line(data, series.values.clone(), name, i == 0, p, locale)),
            Shape::StackedBarHorizontal => chart.series(
                Bar::new()
                    .name(name.clone())
                    .stack("total")
                    .data(series.values.clone()),
            ),
            _ => chart.series(
                Bar::new()
                    .name(name.clone())
                    .data(series.values.clone())
                    .label(
                        Label::new()
                            .show(true)
                            .position(LabelPosition::Top)
                            .color(p.text),
                    ),
            ),
        };
    }
    chart
}

/// A line, with the topic's start marked and the "after" months shaded on the first series.
fn line(
    data: &ChartData,
    values: Vec<f64>,
    name: &str,
    first: bool,
    p: &Palette,
    locale: Locale,
) -> Line {
    let mut line = Line::new().name(name).data(values).show_symbol(false);
    if let (true, Some(marker)) = (first, data.marker.clone()) {
        let key = if data.kind == crate::model::ChartKind::ClassTrend {
            "chart.evidence_window"
        } else {
            "chart.topic_started"
        };
        let label = t!(key, locale = locale.tag()).into_owned();
        let last = data.categories.last().cloned().unwrap_or_default();
        line = line
            .mark_line(
                MarkLine::new()
                    .silent(true)
                    .symbol(vec![Symbol::None, Symbol::None])
                    .line_style(LineStyle::new().color(p.mark).width(2))
                    .label(Label::new().formatter(label.as_str()).color(p.mark))
                    .data(vec![MarkLineVariant::Simple(
                        MarkLineData::new().x_axis(marker.as_str()),
                    )]),
            )
            .mark_area(
                MarkArea::new()
                    .silent(true)
                    .item_style(ItemStyle::new().color(format!("{}1f", p.mark)))
                    .data(vec![(
                        MarkAreaData::new().x_axis(marker),
                        MarkAreaData::new().x_axis(last),
                    )]),
            );
    }
    line
}

fn pie(chart: Chart, data: &ChartData, p: &Palette) -> Chart {
    let values = data
        .series
        .first()
        .map(|s| s.values.clone())
        .unwrap_or_default();
    let slices: Vec<(f64, String)> = values
        .into_iter()
        .zip(data.categories.iter().cloned())
        .collect();
    chart.series(
        Pie::new()
            .radius(vec!["30%", "58%"])
            .center(vec!["50%", "50%"])
            .label(Label::new().formatter("{b}\n{d}%").color(p.text))
            .data(slices),
    )
}

#[cfg(test)]
mod tests {
    use super::{text_px, title_lines};

    #[test]
    fn a_long_title_breaks_after_its_colon() {
        let (text, lines) = title_lines(
            "2027 年度“每月一题”候选问题征集（示例）：目前票数（投票进行中，2027年1月6日截止）",
            640,
        );
        assert_eq!(lines, 2);
        assert_eq!(text.lines().count(), 2);
        assert!(text.starts_with("2027 年度“每月一题”候选问题征集（示例）：\n目前票数"));
        let (text, lines) = title_lines(
            "Problem of the Month: problems taken on per year (2026 not over yet)",
            640,
        );
        assert!(lines == 2 && text.starts_with("Problem of the Month:\nproblems"));
        assert_eq!(
            title_lines("每月一题：每年列入的问题数", 640),
            ("每月一题：每年列入的问题数".to_string(), 1)
        );
    }

    #[test]
    fn every_line_of_a_title_fits_a_narrow_drawing() {
        for title in [
            "2027 年度“每月一题”候选问题征集（示例）：目前票数（投票进行中，2027年1月6日截止）",
            "Problem of the Month: problems taken on per year (2026 not over yet)",
            "冬季供暖与室温保障各区任务按期完成情况一览表（含逾期后完成）",
        ] {
            for width in [320, 400] {
                let (text, lines) = title_lines(title, width);
                assert!(lines >= 2, "{title} at {width}: {text}");
                for line in text.lines() {
                    assert!(text_px(line) <= width - 32, "{line:?} at {width}");
                }
                assert_eq!(text.replace(['\n', ' '], ""), title.replace(' ', ""));
            }
        }
    }
}
