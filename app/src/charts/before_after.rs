//! The takeaway of a problem's hotline outcome charts: the months after its topic started
//! against the months before, or "too early" when there are fewer than three months since.

use super::numbers::{mean, num, values};
use crate::i18n::Locale;
use crate::model::{ChartData, ChartKind};
use rust_i18n::t;

/// Before/after sentences for the hotline charts of a problem.
pub fn sentence(data: &ChartData, locale: Locale) -> Option<String> {
    let l = locale.tag();
    let start = data
        .categories
        .iter()
        .position(|c| Some(c) == data.marker.as_ref())?;
    // Fewer than three months since the start say nothing yet about the topic's effect.
    let after_months = data.categories.len().saturating_sub(start);
    if after_months < 3 {
        return Some(
            t!(
                "chart.takeaway.too_early",
                locale = l,
                month = data.categories[start],
                n = after_months
            )
            .into_owned(),
        );
    }
    let split = |key: &str| {
        let v = values(data, key);
        let (before, after) = v.split_at(start.min(v.len()));
        (mean(before), mean(after))
    };
    let text = match data.kind {
        ChartKind::ProblemVolume => {
            let (before, after) = split("requests");
            if before <= 0.0 {
                return None;
            }
            t!(
                "chart.takeaway.problem_volume",
                locale = l,
                before = num(before.round()),
                after = num(after.round()),
                pct = num(((after - before) / before * 1000.0).round() / 10.0)
            )
        }
        _ => {
            let (r0, r1) = split("resolution");
            let (s0, s1) = split("satisfaction");
            t!(
                "chart.takeaway.problem_rates",
                locale = l,
                r0 = num((r0 * 10.0).round() / 10.0),
                r1 = num((r1 * 10.0).round() / 10.0),
                s0 = num((s0 * 10.0).round() / 10.0),
                s1 = num((s1 * 10.0).round() / 10.0)
            )
        }
    };
    Some(text.into_owned())
}
