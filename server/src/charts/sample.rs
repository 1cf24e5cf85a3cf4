//! Sample hotline series for a problem's before/after charts (示例数据). No record-level 12345
//! data is public; until the hotline engine computes these from imported records, the portal draws
//! a deterministic made-up series — always flagged `sample`, so the chart and the API say so.

/// Monthly figures around a topic's start, `before` months before it and up to `after` months
/// after (never past `last`, the current month).
pub struct SampleSeries {
    pub months: Vec<String>,
    pub requests: Vec<f64>,
    pub resolution: Vec<f64>,
    pub satisfaction: Vec<f64>,
    /// The month the topic started, as in `months`.
    pub start: String,
}

/// splitmix64: a tiny, well-known mixer, so the same problem always gets the same series.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// A number in [-1, 1) for (problem, month).
fn noise(problem: i64, i: i64) -> f64 {
    let bits = mix((problem as u64).wrapping_mul(1_000_003) ^ i as u64) >> 11;
    bits as f64 / (1u64 << 52) as f64 - 1.0
}

fn month_label(index: i64) -> String {
    format!("{}-{:02}", index.div_euclid(12), index.rem_euclid(12) + 1)
}

pub fn series(problem: i64, year: i64, month: i64, last: (i64, i64)) -> SampleSeries {
    let start = year * 12 + (month - 1);
    let end = (last.0 * 12 + last.1 - 1).min(start + 11).max(start);
    let base = 600.0 + (mix(problem as u64) % 900) as f64;
    let mut out = SampleSeries {
        months: Vec::new(),
        requests: Vec::new(),
        resolution: Vec::new(),
        satisfaction: Vec::new(),
        start: month_label(start),
    };
    for index in (start - 12)..=end {
        let after = (index - start).max(0) as f64;
        // Winter heating and summer storms lift requests; the topic's work lowers them over
        // about half a year.
        let season =
            1.0 + 0.18 * ((index.rem_euclid(12) as f64 - 0.5) * std::f64::consts::PI / 6.0).cos();
        let effect = if index >= start {
            1.0 - 0.35 * (after / 6.0).min(1.0)
        } else {
            1.0
        };
        let requests = base * season * effect * (1.0 + 0.08 * noise(problem, index));
        let lift = if index >= start {
            (after / 6.0).min(1.0)
        } else {
            0.0
        };
        let resolution = 72.0 + 18.0 * lift + 3.0 * noise(problem + 1, index);
        let satisfaction = 68.0 + 20.0 * lift + 3.0 * noise(problem + 2, index);
        out.months.push(month_label(index));
        out.requests.push(requests.round());
        out.resolution.push((resolution * 10.0).round() / 10.0);
        out.satisfaction.push((satisfaction * 10.0).round() / 10.0);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_series_is_deterministic_and_falls_after_the_start() {
        let a = series(7, 2024, 3, (2026, 11));
        let b = series(7, 2024, 3, (2026, 11));
        assert_eq!(a.requests, b.requests);
        assert_eq!(a.months.first().map(String::as_str), Some("2023-03"));
        assert_eq!(a.months.last().map(String::as_str), Some("2025-02"));
        assert_eq!(a.start, "2024-03");
        let before: f64 = a.requests[..12].iter().sum::<f64>() / 12.0;
        let after: f64 = a.requests[18..].iter().sum::<f64>() / 6.0;
        assert!(after < before * 0.8, "{before} → {after}");
    }

    #[test]
    fn a_recent_topic_stops_at_the_current_month() {
        let s = series(3, 2026, 10, (2026, 11));
        assert_eq!(s.months.last().map(String::as_str), Some("2026-11"));
        assert_eq!(s.months.len(), 14);
    }
}
