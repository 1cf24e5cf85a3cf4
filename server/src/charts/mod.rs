//! Outcome charts (成效图表): data → ECharts option → SVG on the server, PNG for platforms that
//! allow no iframes, and the data itself for journalists. Rendered SVG is cached by chart, data
//! version, width, theme and locale, PNGs likewise; data versions are remembered so embeds can
//! pin one. What a caller may make the server draw is bounded in [`budget`] and [`width`].

pub mod budget;
pub mod composite;
mod data;
mod data_cache;
#[cfg(test)]
mod derived_tests;
pub mod engine;
mod family;
mod hotline_data;
mod listing;
pub mod raster;
mod svg;
pub mod warm;
pub mod width;

use crate::portal::today_in_beijing;
use crate::store::{Store, StoreError};
use app::api::{ChartPort, PortalError};
use app::charts::{option, words};
use app::i18n::Locale;
use app::model::ChartRef;
use app::model::{ChartData, ChartEntry, ChartView, Theme};
use budget::{Budget, ChartLimits};
use engine::Engine;
use quick_cache::sync::Cache;
use sha2::{Digest, Sha256};
use std::sync::Arc;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum ChartError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Engine(#[from] engine::EngineError),
    #[error(transparent)]
    Raster(#[from] raster::RasterError),
    #[error("a stored chart version does not parse: {0}")]
    Stored(#[from] serde_json::Error),
    #[error("a background task failed: {0}")]
    Join(#[from] tokio::task::JoinError),
    /// The engine's queue or the PNG slots are full: ask again in a few seconds.
    #[error("the chart engine is busy")]
    Busy,
    /// This network has used its allowance of new drawings for the minute.
    #[error("too many new drawings from one network")]
    Limited,
}

impl ChartError {
    /// Whether the server refused to draw now (busy or over the allowance), not failed.
    pub fn refusal(&self) -> Option<Refusal> {
        match self {
            ChartError::Busy | ChartError::Engine(engine::EngineError::Busy) => Some(Refusal::Busy),
            ChartError::Limited => Some(Refusal::Limited),
            _ => None,
        }
    }
}

/// Why a drawing was not made now; both pass (`Retry-After`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    Busy,
    Limited,
}

/// The language and colours a chart is drawn in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Style {
    pub locale: Locale,
    pub theme: Theme,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Key {
    id: String,
    version: String,
    width: u32,
    theme: Theme,
    locale: Locale,
}

/// A chart as drawn for one key: the tidied SVG and the option the browser upgrade gets.
struct Drawn {
    svg: String,
    option: String,
}

/// Draws charts; shared by pages (through [`ChartPort`]), embeds, downloads and the API.
#[derive(Clone)]
pub struct ChartService {
    store: Store,
    engine: Engine,
    fonts: raster::Fonts,
    public_url: String,
    drawn: Arc<Cache<Key, Arc<Drawn>>>,
    /// PNGs by the same key, weighed by their bytes.
    pngs: Arc<Cache<Key, Arc<Vec<u8>>, PngWeight>>,
    budget: Arc<Budget>,
    /// (chart, version) pairs already written to `chart_versions`, to skip the write next time.
    remembered: Arc<Cache<(String, String), ()>>,
    /// Chart data by chart, Beijing day and stamp (see `latest`): what is summed from the
    /// hotline aggregates once per data version, the rest at most once a second (issue 32).
    derived: Arc<Cache<(String, String, String), Option<ChartData>>>,
    /// The linked variants readers asked for, drawn again ahead when their data changes.
    asked: Arc<warm::Asked>,
}

/// A chart's view from its data, words and drawing (empty for an undrawn CSV or JSON).
fn assemble(
    (data, version, latest): (ChartData, String, bool),
    words: words::Words,
    drawn: &Drawn,
    (width, height): (u32, u32),
) -> ChartView {
    ChartView {
        data,
        version,
        latest,
        title: words.title,
        takeaway: words.takeaway,
        description: words.description,
        series_names: words.series_names,
        unit: words.unit,
        category: words.category,
        svg: drawn.svg.clone(),
        option: drawn.option.clone(),
        width,
        height,
    }
}

/// The width an SVG download is drawn at unless asked otherwise.
pub const DOWNLOAD_SVG_WIDTH: u32 = 640;
/// The width a PNG download is drawn at unless asked otherwise.
pub const DOWNLOAD_PNG_WIDTH: u32 = 800;

/// Whether an SVG is one the portal itself links to: the latest data, light, at a width of the
/// portal's pages, its embed page or its download links (the PNG is drawn from the SVG at its
/// width) — a set fixed per data version and small enough to stay cached (charts × 2 languages
/// × 7 widths, well under the cache's 2,000 for the portal's charts).
fn is_linked_svg(latest: bool, theme: Theme, width: u32) -> bool {
    latest
        && theme == Theme::Light
        && (width == app::api::charts::PAGE_WIDTH
            || width == DOWNLOAD_SVG_WIDTH
            || width == DOWNLOAD_PNG_WIDTH
            || app::charts::frame::VARIANTS.contains(&width))
}

/// PNGs are weighed in bytes, so the cache holds [`PNG_CACHE_BYTES`] of them however large.
#[derive(Clone)]
struct PngWeight;

impl quick_cache::Weighter<Key, Arc<Vec<u8>>> for PngWeight {
    fn weight(&self, _key: &Key, png: &Arc<Vec<u8>>) -> u64 {
        png.len() as u64
    }
}

const PNG_CACHE_BYTES: u64 = 64 * 1024 * 1024;

/// SHA-256 of the data without its "as of" date, so a new day is not a new version.
pub fn version_of(data: &ChartData) -> String {
    let mut undated = data.clone();
    undated.as_of.clear();
    let json = serde_json::to_string(&undated).unwrap_or_default();
    let digest = Sha256::digest(json.as_bytes());
    digest.iter().take(6).map(|b| format!("{b:02x}")).collect()
}

impl ChartService {
    pub fn new(
        store: Store,
        fonts: raster::Fonts,
        public_url: String,
        limits: ChartLimits,
    ) -> ChartService {
        let budget = Arc::new(Budget::new(limits));
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            let budget = budget.clone();
            runtime.spawn(async move {
                let mut every = tokio::time::interval(std::time::Duration::from_secs(60));
                loop {
                    every.tick().await;
                    budget.forget_idle();
                }
            });
        }
        ChartService {
            store,
            engine: Engine::start(limits.queue as usize),
            fonts,
            public_url,
            drawn: Arc::new(Cache::new(2_000)),
            pngs: Arc::new(Cache::with_weighter(400, PNG_CACHE_BYTES, PngWeight)),
            budget,
            remembered: Arc::new(Cache::new(10_000)),
            derived: Arc::new(Cache::new(2_000)),
            asked: Arc::new(warm::Asked::default()),
        }
    }

    /// A chart's data: the latest, or the pinned version. `None` when either does not exist.
    pub async fn data(
        &self,
        id: &str,
        pinned: Option<&str>,
    ) -> Result<Option<(ChartData, String, bool)>, ChartError> {
        let Some(r) = ChartRef::parse(id) else {
            return Ok(None);
        };
        let today = today_in_beijing();
        let Some(current) = self.latest(&r, today).await? else {
            return Ok(None);
        };
        let version = version_of(&current);
        let key = (current.id.clone(), version.clone());
        if self.remembered.get(&key).is_none() {
            let json = serde_json::to_string(&current)?;
            let now = jiff::Timestamp::now().to_string();
            self.store
                .remember_chart_version(&current.id, &version, &json, &now)
                .await?;
            self.remembered.insert(key, ());
        }
        match pinned {
            Some(v) if v != version => {
                if !app::model::valid_version(v) {
                    return Ok(None);
                }
                let Some(json) = self.store.chart_version(&current.id, v).await? else {
                    return Ok(None);
                };
                Ok(Some((serde_json::from_str(&json)?, v.to_string(), false)))
            }
            _ => Ok(Some((current, version, true))),
        }
    }

    /// A chart with its words and SVG, drawn at `width` (snapped to a step) in `theme` and
    /// `locale`. A new drawing is charged to `network` (`None`: the portal's own page).
    pub async fn view(
        &self,
        id: &str,
        pinned: Option<&str>,
        style: Style,
        width: u32,
        network: Option<&str>,
    ) -> Result<Option<ChartView>, ChartError> {
        let Some((data, version, latest)) = self.data(id, pinned).await? else {
            return Ok(None);
        };
        Ok(Some(
            self.draw(data, version, latest, style, width, network)
                .await?,
        ))
    }

    /// A chart's data and words, not drawn (`svg` and `option` empty): what its CSV and JSON
    /// carry. They cost no drawing, so they are never refused for the drawing allowance
    /// (issue 34: a newsroom's second pass in English got 429 on CSV and JSON).
    pub async fn undrawn(
        &self,
        id: &str,
        pinned: Option<&str>,
        locale: Locale,
    ) -> Result<Option<ChartView>, ChartError> {
        let Some((data, version, latest)) = self.data(id, pinned).await? else {
            return Ok(None);
        };
        let words = words::words(&data, locale);
        let width = width::snap(DOWNLOAD_SVG_WIDTH);
        let height = option::height_for(&data, width);
        let drawn = Drawn {
            svg: String::new(),
            option: String::new(),
        };
        Ok(Some(assemble(
            (data, version, latest),
            words,
            &drawn,
            (width, height),
        )))
    }

    /// One chart at several widths (the embed page's drawings), its data read once.
    pub async fn views(
        &self,
        id: &str,
        pinned: Option<&str>,
        style: Style,
        widths: &[u32],
        network: Option<&str>,
    ) -> Result<Option<Vec<ChartView>>, ChartError> {
        let Some((data, version, latest)) = self.data(id, pinned).await? else {
            return Ok(None);
        };
        let mut out = Vec::with_capacity(widths.len());
        for width in widths {
            out.push(
                self.draw(
                    data.clone(),
                    version.clone(),
                    latest,
                    style,
                    *width,
                    network,
                )
                .await?,
            );
        }
        Ok(Some(out))
    }

    async fn draw(
        &self,
        data: ChartData,
        version: String,
        latest: bool,
        Style { locale, theme }: Style,
        width: u32,
        network: Option<&str>,
    ) -> Result<ChartView, ChartError> {
        let width = width::snap(width);
        let words = words::words(&data, locale);
        let height = option::height_for(&data, width);
        let key = Key {
            id: data.id.clone(),
            version: version.clone(),
            width,
            theme,
            locale,
        };
        // The variants the portal links to are a fixed set per data version: drawing one is
        // not charged to the reader (a newsroom behind one address reads them all), only
        // drawing what nothing links to is.
        let network = if is_linked_svg(latest, theme, width) {
            self.asked.note(&data.id, locale, Some(width));
            None
        } else {
            network
        };
        // A cached chart skips building and serialising its option as well as drawing it;
        // readers asking for the same new chart at once wait for one drawing.
        let drawn = self
            .drawn
            .get_or_insert_async(&key, async {
                if !self.budget.allow(network) {
                    return Err(ChartError::Limited);
                }
                let started = std::time::Instant::now();
                let option = option::option_json(&data, &words, theme, locale, width);
                let svg = svg::tidy(&self.engine.render(option.clone(), width, height).await?);
                tracing::info!(chart = %data.id, width, form = "svg", ms = started.elapsed().as_millis() as u64, "chart drawn");
                Ok(Arc::new(Drawn { svg, option }))
            })
            .await?;
        Ok(assemble(
            (data, version, latest),
            words,
            &drawn,
            (width, height),
        ))
    }

    /// The chart as a PNG (2× for sharp text) with its footer of unit, source, date, version
    /// and sample flag, rasterised off the async threads, a few at a time, and cached.
    pub async fn png(
        &self,
        view: &ChartView,
        style: Style,
        network: Option<&str>,
    ) -> Result<Arc<Vec<u8>>, ChartError> {
        let key = Key {
            id: view.data.id.clone(),
            version: view.version.clone(),
            width: view.width,
            theme: style.theme,
            locale: style.locale,
        };
        let linked = view.latest && style.theme == Theme::Light && view.width == DOWNLOAD_PNG_WIDTH;
        let network = if linked {
            self.asked.note(&view.data.id, style.locale, None);
            None
        } else {
            network
        };
        self.pngs
            .get_or_insert_async(&key, async {
                if !self.budget.allow(network) {
                    return Err(ChartError::Limited);
                }
                let slot = self.budget.png_slot().await.ok_or(ChartError::Busy)?;
                let started = std::time::Instant::now();
                let fonts = self.fonts.clone();
                let svg = composite::with_footer(view, style.locale, &self.public_url);
                let png = tokio::task::spawn_blocking(move || {
                    let png = fonts.png(&svg, 2.0);
                    drop(slot);
                    png
                })
                .await??;
                tracing::info!(chart = %view.data.id, width = view.width, form = "png", ms = started.elapsed().as_millis() as u64, "chart drawn");
                Ok(Arc::new(png))
            })
            .await
    }

    pub fn png_available(&self) -> bool {
        self.fonts.available()
    }
}

fn log_only(err: ChartError) -> PortalError {
    PortalError(err.to_string())
}

#[async_trait::async_trait]
impl ChartPort for ChartService {
    async fn catalog(&self, locale: Locale) -> Result<Vec<ChartEntry>, PortalError> {
        ChartService::catalog(self, locale).await.map_err(log_only)
    }

    async fn topic_charts(
        &self,
        year: i32,
        month: u8,
        locale: Locale,
    ) -> Result<Vec<ChartEntry>, PortalError> {
        ChartService::topic_charts(self, year, month, locale)
            .await
            .map_err(log_only)
    }

    async fn chart(
        &self,
        id: &str,
        version: Option<&str>,
        locale: Locale,
        theme: Theme,
        width: u32,
    ) -> Result<Option<ChartView>, PortalError> {
        // The portal's pages draw at fixed widths: nothing to charge to the reader.
        self.view(id, version, Style { locale, theme }, width, None)
            .await
            .map_err(log_only)
    }

    fn base_url(&self) -> String {
        self.public_url.clone()
    }

    fn frame_fit(&self, view: &ChartView, locale: Locale) -> app::model::FrameFit {
        app::charts::frame::fit_view(view, locale)
    }
}
