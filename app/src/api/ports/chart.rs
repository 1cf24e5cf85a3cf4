//! The port the server plugs its chart service into (server-only).

use super::PortalError;
use crate::i18n::Locale;
use crate::model::{ChartEntry, ChartView, Theme};
use std::sync::Arc;

#[async_trait::async_trait]
pub trait ChartPort: Send + Sync + 'static {
    /// Every chart the public may see, titled in `locale`.
    async fn catalog(&self, locale: Locale) -> Result<Vec<ChartEntry>, PortalError>;
    /// The charts of one month's topic (主题): tasks, and each problem's outcomes.
    async fn topic_charts(
        &self,
        year: i32,
        month: u8,
        locale: Locale,
    ) -> Result<Vec<ChartEntry>, PortalError>;
    /// One chart drawn for a page or an embed; `version` pins older data. `None`: no such chart
    /// (or no such version).
    async fn chart(
        &self,
        id: &str,
        version: Option<&str>,
        locale: Locale,
        theme: Theme,
        width: u32,
    ) -> Result<Option<ChartView>, PortalError>;
    /// The portal's public address, for embed codes other sites paste.
    fn base_url(&self) -> String;
    /// The height an embed frame of `view` needs as its column changes (the server computes it
    /// with `app::charts::frame`, which the server functions do not reach).
    fn frame_fit(&self, view: &ChartView, locale: Locale) -> crate::model::FrameFit;
}

#[derive(Clone)]
pub struct ChartHandle(pub Arc<dyn ChartPort>);
