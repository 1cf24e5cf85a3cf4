//! A one-second cache of the public pages' data: the home page (首页) costs seven queries and a
//! month's topic page (月度议题) sixteen, and under load nearly every request reads what the
//! previous one read. Keys carry this instance's count of committed writes, so an instance never
//! serves data older than its own last write (a staff member sees their change at once); a write
//! through another instance shows within the second, the key's other half.

use crate::store::{Store, StoreError};
use app::model::{Home, TopicDetail};
use quick_cache::sync::Cache;
use std::future::Future;
use std::hash::Hash;

/// When the data was read: this instance's committed writes, and the wall-clock second.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Stamp {
    writes: u64,
    second: i64,
}

pub struct PageCache {
    home: Cache<Stamp, Home>,
    topics: Cache<(Stamp, i32, u8), Option<TopicDetail>>,
}

impl Default for PageCache {
    fn default() -> Self {
        PageCache {
            home: Cache::new(4),
            topics: Cache::new(256),
        }
    }
}

pub(crate) fn stamp(store: &Store) -> Stamp {
    // Read before the data: a write committed during the read moves later readers to a new key.
    Stamp {
        writes: store.writes_committed(),
        second: jiff::Timestamp::now().as_second(),
    }
}

/// The cached value, or `load`'s; concurrent misses on one key wait for a single load.
async fn cached<K, V, F, Fut>(cache: &Cache<K, V>, key: K, load: F) -> Result<V, StoreError>
where
    K: Eq + Hash + Clone,
    V: Clone,
    F: FnOnce() -> Fut,
    Fut: Future<Output = Result<V, StoreError>>,
{
    match cache.get_value_or_guard_async(&key).await {
        Ok(value) => Ok(value),
        Err(guard) => {
            let value = load().await?;
            let _ = guard.insert(value.clone());
            Ok(value)
        }
    }
}

impl PageCache {
    pub async fn home(&self, store: &Store) -> Result<Home, StoreError> {
        cached(&self.home, stamp(store), || store.home()).await
    }

    pub async fn topic(
        &self,
        store: &Store,
        year: i32,
        month: u8,
        today: &str,
    ) -> Result<Option<TopicDetail>, StoreError> {
        cached(&self.topics, (stamp(store), year, month), || {
            store.topic_detail(year, month, today)
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[tokio::test]
    async fn concurrent_misses_load_once_and_a_new_key_loads_again() {
        let cache: Cache<u32, u32> = Cache::new(8);
        let loads = AtomicUsize::new(0);
        let load = || async {
            loads.fetch_add(1, Ordering::SeqCst);
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
            Ok::<_, StoreError>(7)
        };
        let all = tokio::join!(
            cached(&cache, 1, load),
            cached(&cache, 1, load),
            cached(&cache, 1, load),
            cached(&cache, 1, load)
        );
        assert!(matches!(all, (Ok(7), Ok(7), Ok(7), Ok(7))));
        assert_eq!(loads.load(Ordering::SeqCst), 1, "one load for four readers");
        cached(&cache, 2, load).await.expect("loads");
        assert_eq!(loads.load(Ordering::SeqCst), 2, "a new stamp reads again");
    }

    #[tokio::test]
    async fn a_committed_write_moves_readers_to_a_new_key() {
        let dir = tempfile::tempdir().expect("dir");
        let url = format!("sqlite://{}", dir.path().join("p.db").display());
        let store = Store::open(&url).await.expect("open");
        let before = stamp(&store);
        let data = crate::demo::build(crate::demo::facts::BUNDLED).expect("demo");
        store.replace_dataset(&data).await.expect("load");
        assert!(stamp(&store).writes > before.writes);
        let pages = PageCache::default();
        let home = pages.home(&store).await.expect("home");
        assert_eq!(home, store.home().await.expect("home"));
    }
}
