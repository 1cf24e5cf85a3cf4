//! Drawing ahead (预先绘制): the chart variants the portal links to that someone has asked for
//! are drawn again, in the background, as soon as their data changes — so the next reader (a
//! newsroom re-reading its charts after a new month's figures) gets them from the cache rather
//! than waiting for a drawing (issue 34). Only variants already asked for are kept, so a
//! server that is never read draws nothing, and the set is bounded.

use super::{ChartService, Style};
use app::i18n::Locale;
use app::model::Theme;
use std::collections::HashSet;
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

/// Variants remembered at most (charts × languages × linked widths stays well below).
const MAX_ASKED: usize = 4_000;

/// A linked variant: the chart, its language, and its width (`None`: the PNG download).
type Variant = (String, Locale, Option<u32>);

/// The linked variants readers have asked for.
#[derive(Default)]
pub struct Asked(Mutex<HashSet<Variant>>);

impl Asked {
    pub fn note(&self, id: &str, locale: Locale, width: Option<u32>) {
        let mut set = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if set.len() < MAX_ASKED {
            set.insert((id.to_string(), locale, width));
        }
    }

    fn all(&self) -> Vec<Variant> {
        let set = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        set.iter().cloned().collect()
    }
}

/// Checks the remembered variants every `every` (`--chart-redraw-secs`) and draws those whose
/// data changed, one at a time (never more than one drawing of the engine's queue, so readers'
/// charts go first).
pub fn spawn(service: ChartService, every: Duration) {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(every);
        every.tick().await;
        loop {
            every.tick().await;
            redraw(&service).await;
        }
    });
}

/// Draws every remembered variant that is not cached for its latest data; returns how many
/// were looked at.
pub async fn redraw(service: &ChartService) -> usize {
    let variants = service.asked.all();
    for (id, locale, width) in &variants {
        let style = Style {
            locale: *locale,
            theme: Theme::Light,
        };
        let drawn = match width {
            Some(width) => service
                .view(id, None, style, *width, None)
                .await
                .map(|_| ()),
            None => match service
                .view(id, None, style, super::DOWNLOAD_PNG_WIDTH, None)
                .await
            {
                Ok(Some(view)) if service.png_available() => {
                    service.png(&view, style, None).await.map(|_| ())
                }
                Ok(_) => Ok(()),
                Err(err) => Err(err),
            },
        };
        if let Err(err) = drawn {
            tracing::debug!(chart = %id, error = %err, "chart not drawn ahead");
        }
    }
    variants.len()
}
