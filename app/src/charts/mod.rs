//! Charts (图表): the words around a chart, its ECharts option (server side, with `charming`),
//! and the figure a page shows — inline SVG first, interactive only when the reader asks.

mod before_after;
mod copy;
mod embed_panel;
mod figure;
#[cfg(feature = "ssr")]
pub mod frame;
pub mod labels;
mod numbers;
#[cfg(feature = "ssr")]
pub mod option;
mod slot;
mod upgrade;
pub mod words;

pub use copy::CopyButton;
pub use embed_panel::{codes as embed_codes, EmbedPanel};
pub use figure::{ChartFigure, ChartTable, SourceLine};
pub use slot::ChartSlot;
pub use upgrade::ChartUpgrade;
