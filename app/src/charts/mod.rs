//! Charts (图表): the words around a chart, its ECharts option (server side, with `charming`),
//! and the figure a page shows — inline SVG first, interactive only when the reader asks.

mod figure;
#[cfg(feature = "ssr")]
pub mod option;
mod upgrade;
pub mod words;

pub use figure::{ChartFigure, ChartTable};
pub use upgrade::ChartUpgrade;
