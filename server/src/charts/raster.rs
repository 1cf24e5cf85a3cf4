//! PNG downloads: the server's SVG rasterised with `resvg`, for platforms that allow neither
//! iframes nor scripts. Chinese needs a CJK font: we load a known font file (DESIGN §3), never
//! whatever the system happens to have, so a PNG looks the same on every machine.

use resvg::{tiny_skia, usvg};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use thiserror::Error;

/// Where Debian puts the CJK fonts setup installs (first found wins).
pub const FONT_CANDIDATES: &[&str] = &[
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
];

#[derive(Debug, Error)]
pub enum RasterError {
    #[error("no CJK font: set --cjk-font or install fonts-wqy-microhei")]
    NoFont,
    #[error("the SVG does not parse: {0}")]
    Svg(String),
    #[error("the image is too large")]
    TooLarge,
}

/// The fonts PNGs are drawn with: the CJK font as every generic family.
#[derive(Clone)]
pub struct Fonts {
    db: Option<Arc<usvg::fontdb::Database>>,
}

impl Fonts {
    /// Loads the configured font, or the first candidate present.
    pub fn load(configured: Option<&Path>) -> Fonts {
        let path: Option<PathBuf> = configured.map(Path::to_path_buf).or_else(|| {
            FONT_CANDIDATES
                .iter()
                .map(PathBuf::from)
                .find(|p| p.exists())
        });
        let Some(path) = path else {
            tracing::warn!("no CJK font found; PNG downloads are unavailable");
            return Fonts { db: None };
        };
        let mut db = usvg::fontdb::Database::new();
        match std::fs::read(&path) {
            Ok(bytes) => db.load_font_data(bytes),
            Err(err) => {
                tracing::warn!(error = %err, path = %path.display(), "the CJK font does not load");
                return Fonts { db: None };
            }
        }
        let family = db
            .faces()
            .next()
            .and_then(|face| face.families.first().map(|(name, _)| name.clone()));
        if let Some(family) = family {
            db.set_sans_serif_family(family.clone());
            db.set_serif_family(family.clone());
            db.set_monospace_family(family);
        }
        tracing::info!(path = %path.display(), "CJK font loaded for PNG charts");
        Fonts {
            db: Some(Arc::new(db)),
        }
    }

    pub fn available(&self) -> bool {
        self.db.is_some()
    }

    /// Rasterises an SVG at `scale` (2 for crisp images on high-density screens). CPU-bound:
    /// call it from `spawn_blocking`.
    pub fn png(&self, svg: &str, scale: f32) -> Result<Vec<u8>, RasterError> {
        let db = self.db.clone().ok_or(RasterError::NoFont)?;
        let options = usvg::Options {
            fontdb: db,
            font_family: "sans-serif".into(),
            ..usvg::Options::default()
        };
        let tree =
            usvg::Tree::from_str(svg, &options).map_err(|e| RasterError::Svg(e.to_string()))?;
        let size = tree.size();
        let (w, h) = (
            (size.width() * scale).ceil(),
            (size.height() * scale).ceil(),
        );
        if w > 4096.0 || h > 4096.0 {
            return Err(RasterError::TooLarge);
        }
        let mut pixmap = tiny_skia::Pixmap::new(w as u32, h as u32).ok_or(RasterError::TooLarge)?;
        resvg::render(
            &tree,
            tiny_skia::Transform::from_scale(scale, scale),
            &mut pixmap.as_mut(),
        );
        pixmap
            .encode_png()
            .map_err(|e| RasterError::Svg(e.to_string()))
    }
}
