//! How tall an embed frame must be at a column width (server side). The embed page fills its
//! frame — title, chart, footer — and the chart shrinks to fit rather than being cut off; these
//! estimates choose heights at which it need not shrink. The embed page draws the chart at one
//! of [`VARIANTS`] widths, picked by CSS for the frame's width, so axis labels stay near their
//! drawn size (12 px) from 300 to 1200 px.

use super::option::height_for;
use crate::i18n::Locale;
use crate::model::{ChartData, ChartView, FrameFit};

/// Widths the embed page draws a chart at; the frame's width picks one (see [`variant_for`]).
pub const VARIANTS: [u32; 4] = [320, 480, 640, 960];

/// Frame widths (CSS px) from which the next variant is shown: below 480 the 320 drawing, …
pub const BREAKPOINTS: [u32; 3] = [480, 640, 960];

/// Horizontal and vertical padding of the embed page's `main`.
pub const PAD_X: u32 = 20;
pub const PAD_Y: u32 = 16;

pub fn variant_for(frame_width: u32) -> u32 {
    let i = BREAKPOINTS
        .iter()
        .take_while(|b| frame_width >= **b)
        .count();
    VARIANTS[i]
}

/// Width of a line of text in px: CJK and full-width characters an em, Latin about half.
fn text_width(text: &str, font: f64) -> f64 {
    text.chars()
        .map(|c| if (c as u32) < 0x2000 { 0.58 } else { 1.0 })
        .sum::<f64>()
        * font
}

fn lines(text: &str, font: f64, width: f64) -> f64 {
    if text.is_empty() {
        return 0.0;
    }
    (text_width(text, font) / width.max(1.0)).ceil().max(1.0)
}

/// The words an embed shows around its chart.
pub struct FrameText<'a> {
    pub title: &'a str,
    pub takeaway: &'a str,
    pub footer: &'a str,
}

/// The height the embed page needs at a frame width, in px.
pub fn needed_height(data: &ChartData, text: &FrameText, frame_width: u32) -> f64 {
    let w = f64::from(frame_width.saturating_sub(PAD_X));
    let drawn = variant_for(frame_width);
    let chart = f64::from(height_for(data, drawn)) * w / f64::from(drawn);
    let title = lines(text.title, 17.0, w) * 25.5 + 2.0;
    let takeaway = lines(text.takeaway, 15.0, w) * 22.5 + 6.0;
    // The data disclosure (one line) and the footer with its top rule.
    let details = 48.0;
    let footer = lines(text.footer, 13.0, w) * 19.5 + 7.0;
    f64::from(PAD_Y) + title + takeaway + chart + details + footer + 8.0
}

/// The line `percent % × width + px` above the needed height at every sampled width, with the
/// least space to spare over them.
pub fn fit(data: &ChartData, text: &FrameText) -> FrameFit {
    let widths: Vec<u32> = (300..=1200).step_by(20).collect();
    let needed: Vec<f64> = widths
        .iter()
        .map(|w| needed_height(data, text, *w))
        .collect();
    (0..=120)
        .step_by(2)
        .map(|percent| {
            let slope = f64::from(percent) / 100.0;
            let px = widths
                .iter()
                .zip(&needed)
                .map(|(w, h)| h - slope * f64::from(*w))
                .fold(0.0, f64::max)
                .ceil();
            let spare: f64 = widths
                .iter()
                .zip(&needed)
                .map(|(w, h)| slope * f64::from(*w) + px - h)
                .sum();
            (spare, percent, px as u32)
        })
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, percent, px)| FrameFit { percent, px })
        .unwrap_or(FrameFit {
            percent: 60,
            px: 400,
        })
}

/// The height an embed frame needs as the column changes, from the chart's words and shape.
pub fn fit_view(view: &ChartView, locale: Locale) -> FrameFit {
    let footer = format!(
        "{} · 点菜 · {} · CSV",
        super::labels::footer_text(&view.data, &view.version, locale),
        crate::i18n::message("chart.open_page", locale)
    );
    fit(
        &view.data,
        &FrameText {
            title: &view.title,
            takeaway: &view.takeaway,
            footer: &footer,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ChartKind, ChartSeries, Unit};

    #[test]
    fn the_frame_is_tall_enough_at_every_width() {
        let data = ChartData {
            id: "problems-per-year".into(),
            kind: ChartKind::ProblemsPerYear,
            subject: None,
            unit: Unit::Count,
            categories: vec!["2021".into(), "2022".into()],
            series: vec![ChartSeries {
                key: "problems".into(),
                values: vec![27.0, 17.0],
            }],
            marker: None,
            sample: false,
            sources: vec![],
            as_of: "2026-11-28".into(),
            ongoing: None,
        };
        let text = FrameText {
            title: "每月一题：每年列入的问题数",
            takeaway: "2021年27个问题，2026年11个，累计55个。",
            footer: "来源： www.beijing.gov.cn · 数据截至2026-11-28 · 数据版本 0123456789ab",
        };
        let f = fit(&data, &text);
        for w in [300, 320, 360, 640, 760, 1200] {
            assert!(
                f64::from(f.at(w)) >= needed_height(&data, &text, w),
                "{w}: {f:?}"
            );
        }
        assert_eq!(variant_for(320), 320);
        assert_eq!(variant_for(640), 640);
        assert_eq!(variant_for(1200), 960);
    }
}
