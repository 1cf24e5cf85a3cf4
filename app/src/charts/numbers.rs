//! Small arithmetic on chart data that the words of every chart family share: a series' values,
//! sums and means, and numbers as people write them. Below `words.rs` and `before_after.rs`.

use crate::model::ChartData;

/// A series' values by key (empty when the chart has no such series).
pub(crate) fn values(data: &ChartData, key: &str) -> Vec<f64> {
    data.series
        .iter()
        .find(|s| s.key == key)
        .map(|s| s.values.clone())
        .unwrap_or_default()
}

pub(crate) fn sum(values: &[f64]) -> f64 {
    values.iter().sum()
}

pub(crate) fn mean(values: &[f64]) -> f64 {
    if values.is_empty() {
        0.0
    } else {
        sum(values) / values.len() as f64
    }
}

/// Numbers as people write them: no `.0` on whole numbers, one decimal otherwise.
pub fn num(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        format!("{}", v.round() as i64)
    } else {
        format!("{v:.1}")
    }
}
