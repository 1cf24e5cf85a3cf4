//! What drawing charts may cost. A cached chart is free; a new drawing takes the one engine
//! thread for about 100 ms and a PNG a CPU core for longer, so:
//! - each network (IPv4 /24, IPv6 /48) has an allowance of new drawings per minute, so one
//!   client cannot keep the engine busy by walking through charts, versions, widths and themes
//!   (the portal's own pages draw at fixed widths and are not charged);
//! - the engine's queue is short, and PNGs are rasterised a few at a time with as short a
//!   queue; past that the answer is 503 with `Retry-After`, at once, rather than a queue that
//!   makes everyone wait.
//!
//! The allowance lives in memory on each instance: the cost it bounds is that instance's CPU.

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::num::NonZeroU32;
use std::sync::Arc;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// How much drawing the server takes on (`--chart-renders-per-minute`, `--chart-queue`).
#[derive(Clone, Copy, Debug)]
pub struct ChartLimits {
    /// New drawings (SVG or PNG) per network per minute, also the burst.
    pub renders_per_minute: u32,
    /// Drawings that may wait for the engine thread.
    pub queue: u32,
    /// PNGs rasterised at once.
    pub png_at_once: usize,
}

impl Default for ChartLimits {
    fn default() -> Self {
        ChartLimits {
            renders_per_minute: 60,
            queue: 16,
            png_at_once: 2,
        }
    }
}

/// Seconds a refused caller is told to wait before asking again.
pub const RETRY_BUSY_SECS: u32 = 5;
pub const RETRY_LIMITED_SECS: u32 = 60;

pub struct Budget {
    renders: DefaultKeyedRateLimiter<String>,
    /// PNGs being drawn or waiting to be.
    png_room: Arc<Semaphore>,
    /// PNGs being drawn.
    png_work: Arc<Semaphore>,
}

/// Held while one PNG is drawn.
pub struct PngSlot {
    _room: OwnedSemaphorePermit,
    _work: OwnedSemaphorePermit,
}

impl Budget {
    pub fn new(limits: ChartLimits) -> Budget {
        let n = NonZeroU32::new(limits.renders_per_minute.max(1)).unwrap_or(NonZeroU32::MIN);
        Budget {
            renders: RateLimiter::keyed(Quota::per_minute(n).allow_burst(n)),
            png_room: Arc::new(Semaphore::new(
                limits.png_at_once.max(1) + limits.queue.max(1) as usize,
            )),
            png_work: Arc::new(Semaphore::new(limits.png_at_once.max(1))),
        }
    }

    /// Takes one new drawing from `network`'s allowance (`None`: the portal's own page).
    pub fn allow(&self, network: Option<&str>) -> bool {
        match network {
            None => true,
            Some(network) => self.renders.check_key(&network.to_string()).is_ok(),
        }
    }

    /// A slot to rasterise one PNG in, after those ahead in the queue; `None` at once when the
    /// queue is full.
    pub async fn png_slot(&self) -> Option<PngSlot> {
        let room = self.png_room.clone().try_acquire_owned().ok()?;
        let work = self.png_work.clone().acquire_owned().await.ok()?;
        Some(PngSlot {
            _room: room,
            _work: work,
        })
    }

    /// Drops allowances that are full again; run now and then.
    pub fn forget_idle(&self) {
        self.renders.retain_recent();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_network_has_its_allowance_and_pages_are_not_charged() {
        let budget = Budget::new(ChartLimits {
            renders_per_minute: 3,
            queue: 1,
            png_at_once: 1,
        });
        let taken = (0..10)
            .filter(|_| budget.allow(Some("10.0.0.0/24")))
            .count();
        assert_eq!(taken, 3);
        assert!(
            budget.allow(Some("10.0.1.0/24")),
            "another network has its own"
        );
        assert!((0..10).all(|_| budget.allow(None)));
        let drawing = budget.png_slot().await;
        assert!(drawing.is_some());
        // One draws, one may wait, a third is refused at once.
        let waiting = budget.png_room.clone().try_acquire_owned();
        assert!(waiting.is_ok());
        assert!(budget.png_slot().await.is_none(), "the queue is full");
        drop((drawing, waiting));
        assert!(budget.png_slot().await.is_some());
    }
}
