//! What every chart family's data starts from: an empty chart of the family and a named
//! series. Below both `data.rs` and `hotline_data.rs`, so neither needs the other's helpers.

use app::model::{ChartData, ChartKind, ChartRef, ChartSeries, Unit};

/// An empty chart of a family, to fill in.
pub(super) fn chart(r: &ChartRef, kind: ChartKind, unit: Unit) -> ChartData {
    ChartData {
        id: r.to_string(),
        kind,
        subject: None,
        unit,
        categories: Vec::new(),
        series: Vec::new(),
        marker: None,
        sample: false,
        sources: Vec::new(),
        as_of: String::new(),
        ongoing: None,
    }
}

pub(super) fn series(key: &str, values: Vec<f64>) -> ChartSeries {
    ChartSeries {
        key: key.into(),
        values,
    }
}
