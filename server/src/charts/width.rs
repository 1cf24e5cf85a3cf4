//! The widths charts are drawn at. A caller may ask for any `?width=`, but every width is a new
//! drawing on the one engine thread (about 100 ms), so a request is snapped to the nearest of a
//! few steps: the drawings a reader can cause are bounded, and each is drawn once and cached.
//! An SVG scales to its column, so a step near the asked width looks the same.

/// Every width a chart is drawn at: the embed page's variants (`app::charts::frame::VARIANTS`),
/// the portal's own pages (`app::api::charts::PAGE_WIDTH`), the PNG default and the widest.
pub const STEPS: [u32; 7] = [320, 400, 480, 640, 800, 960, 1200];

/// The step nearest to `width` (the wider one on a tie); below the first or above the last,
/// the first or the last.
pub fn snap(width: u32) -> u32 {
    let mut best = STEPS[0];
    for step in STEPS {
        if step.abs_diff(width) <= best.abs_diff(width) {
            best = step;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_width_lands_on_a_step_and_the_steps_stay_put() {
        for step in STEPS {
            assert_eq!(snap(step), step);
        }
        assert_eq!(snap(0), 320);
        assert_eq!(snap(321), 320);
        assert_eq!(snap(360), 400);
        assert_eq!(snap(500), 480);
        assert_eq!(snap(720), 800);
        assert_eq!(snap(u32::MAX), 1200);
        let drawn: std::collections::BTreeSet<u32> = (0..5_000).map(snap).collect();
        assert_eq!(drawn.len(), STEPS.len());
    }

    #[test]
    fn the_pages_and_the_embed_variants_are_steps() {
        assert!(STEPS.contains(&app::api::charts::PAGE_WIDTH));
        for variant in app::charts::frame::VARIANTS {
            assert!(STEPS.contains(&variant), "{variant}");
        }
    }
}
