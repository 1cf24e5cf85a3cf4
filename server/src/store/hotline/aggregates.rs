//! Hotline aggregates: one import lands whole or not at all, and a file already imported (same
//! SHA-256) changes nothing.

use crate::hotline::aggregate::Aggregates;
use crate::hotline::ingest::Report;
use crate::hotline::rank::ClassFigures;
use crate::hotline::record::day_label;
use crate::store::{Store, StoreResult};

/// What happened to an import.
#[derive(Debug, PartialEq, Eq)]
pub enum Applied {
    /// Written as import `id`, with this many aggregate cells.
    New { id: i64, cells: usize },
    /// The same file was imported before, as import `id`; nothing was written.
    AlreadyImported { id: i64 },
}

/// Every class's sums over a window ([`Store::hotline_classes`]), by data version: a few
/// windows (30, 90, 365 days) a version, each a few hundred classes.
#[derive(Debug)]
pub struct ClassSums(quick_cache::sync::Cache<ClassSumsKey, (Vec<ClassFigures>, i64)>);

impl Default for ClassSums {
    fn default() -> Self {
        ClassSums(quick_cache::sync::Cache::new(16))
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ClassSumsKey {
    stamp: String,
    /// The window's first and last day, then the previous window's.
    window: [String; 4],
}

/// Rows per multi-row INSERT. Parameters are anonymous `?`: sqlx looks up every parameter's
/// name, and SQLite finds a `$N` name by a linear scan, so named parameters made binding
/// quadratic in the statement size (500-row statements took 12 s for 70,068 cells). With `?`,
/// measured at 2 million records (13,920 cells): 1 row a statement 690 ms, 16 rows 53 ms,
/// 100 and 500 rows 43 ms.
const BATCH: usize = 100;

/// The counter columns of `hotline_daily`, in the order `apply_hotline_import` binds them.
const COUNTERS: [&str; 14] = [
    "requests",
    "complaints",
    "closed",
    "resolved",
    "partly_resolved",
    "rated",
    "satisfied",
    "basically_satisfied",
    "dissatisfied",
    "reopened",
    "close_hours_sum",
    "close_within_24h",
    "close_within_72h",
    "close_within_7d",
];

/// A multi-row upsert of `rows` cells that adds to the counters of cells already there; the
/// parameters are positional (see `BATCH`).
fn upsert_sql(engine: crate::store::Engine, rows: usize) -> String {
    let width = 3 + COUNTERS.len();
    let values: Vec<String> = (0..rows)
        .map(|r| {
            let params: Vec<String> = (1..=width).map(|i| engine.param(r * width + i)).collect();
            format!("({})", params.join(","))
        })
        .collect();
    let add: Vec<String> = COUNTERS
        .iter()
        .map(|c| format!("{c} = hotline_daily.{c} + excluded.{c}"))
        .collect();
    format!(
        "INSERT INTO hotline_daily (day, category_id, district, {}) VALUES {}
         ON CONFLICT (day, category_id, district) DO UPDATE SET {}",
        COUNTERS.join(", "),
        values.join(","),
        add.join(", ")
    )
}

/// Totals over all aggregates, for checks and the status line.
#[derive(Debug, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct HotlineTotals {
    pub imports: i64,
    pub cells: i64,
    pub requests: i64,
}

impl Store {
    pub async fn apply_hotline_import(
        &self,
        file_name: &str,
        aggregates: &Aggregates,
        report: &Report,
        is_sample: bool,
        now: &str,
    ) -> StoreResult<Applied> {
        let mut tx = self.write_tx().await?;
        let existing: Option<i64> =
            sqlx::query_scalar("SELECT id FROM hotline_imports WHERE sha256 = $1")
                .bind(&report.sha256)
                .fetch_optional(&mut *tx)
                .await?;
        if let Some(id) = existing {
            return Ok(Applied::AlreadyImported { id });
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO hotline_imports
               (sha256, file_name, rows, counted, bad, first_day, last_day, is_sample, imported_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        )
        .bind(&report.sha256)
        .bind(file_name)
        .bind(report.rows as i64)
        .bind(report.counted as i64)
        .bind(report.bad as i64)
        .bind(report.first_day.map(day_label))
        .bind(report.last_day.map(day_label))
        .bind(i64::from(is_sample))
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        let mut category_ids = Vec::with_capacity(aggregates.categories.len());
        for path in &aggregates.categories {
            sqlx::query(
                "INSERT INTO hotline_categories (level1, level2, level3) VALUES ($1, $2, $3)
                 ON CONFLICT (level1, level2, level3) DO NOTHING",
            )
            .bind(&path[0])
            .bind(&path[1])
            .bind(&path[2])
            .execute(&mut *tx)
            .await?;
            let cid: i64 = sqlx::query_scalar(
                "SELECT id FROM hotline_categories WHERE level1 = $1 AND level2 = $2 AND level3 = $3",
            )
            .bind(&path[0])
            .bind(&path[1])
            .bind(&path[2])
            .fetch_one(&mut *tx)
            .await?;
            category_ids.push(cid);
        }
        // In key order, so the same file always writes the same way.
        let mut cells: Vec<_> = aggregates.cells.iter().collect();
        cells.sort_unstable_by_key(|(key, _)| **key);
        let full_batch = upsert_sql(self.engine, BATCH);
        for chunk in cells.chunks(BATCH) {
            let partial;
            let sql = if chunk.len() == BATCH {
                &full_batch
            } else {
                partial = upsert_sql(self.engine, chunk.len());
                &partial
            };
            let mut query = sqlx::query(sql);
            for ((day, category, district), c) in chunk {
                query = query
                    .bind(day_label(*day))
                    .bind(category_ids[*category as usize])
                    .bind(&aggregates.districts[*district as usize])
                    .bind(i64::from(c.requests))
                    .bind(i64::from(c.complaints))
                    .bind(i64::from(c.closed))
                    .bind(i64::from(c.resolved))
                    .bind(i64::from(c.partly_resolved))
                    .bind(i64::from(c.rated))
                    .bind(i64::from(c.satisfied))
                    .bind(i64::from(c.basically_satisfied))
                    .bind(i64::from(c.dissatisfied))
                    .bind(i64::from(c.reopened))
                    .bind(c.close_hours_sum())
                    .bind(i64::from(c.close_within_24h))
                    .bind(i64::from(c.close_within_72h))
                    .bind(i64::from(c.close_within_7d));
            }
            query.execute(&mut *tx).await?;
        }
        self.commit(tx).await?;
        Ok(Applied::New {
            id,
            cells: cells.len(),
        })
    }

    /// Every problem class's figures over `[from, to]` and the window before it (days as
    /// `YYYY-MM-DD`), and how many districts appear at all: summed once per data version
    /// (`derived_stamp`) and window, then read from memory.
    pub async fn hotline_classes(
        &self,
        window: (&str, &str),
        previous: (&str, &str),
    ) -> StoreResult<(Vec<ClassFigures>, i64)> {
        let key = ClassSumsKey {
            stamp: self.derived_stamp().await?,
            window: [window.0, window.1, previous.0, previous.1].map(str::to_string),
        };
        match self.class_sums.0.get_value_or_guard_async(&key).await {
            Ok(sums) => Ok(sums),
            Err(guard) => {
                let sums = self.sum_hotline_classes(window, previous).await?;
                let _ = guard.insert(sums.clone());
                Ok(sums)
            }
        }
    }

    async fn sum_hotline_classes(
        &self,
        (from, to): (&str, &str),
        (prev_from, prev_to): (&str, &str),
    ) -> StoreResult<(Vec<ClassFigures>, i64)> {
        self.count_hotline_scan("classes");
        let classes = sqlx::query_as(
            "SELECT c.level1, c.level2,
                    CAST(SUM(CASE WHEN d.day >= $1 THEN d.requests ELSE 0 END) AS BIGINT) AS volume,
                    CAST(SUM(CASE WHEN d.day <= $4 THEN d.requests ELSE 0 END) AS BIGINT) AS previous,
                    COUNT(DISTINCT CASE WHEN d.day >= $1 THEN d.district END) AS districts,
                    CAST(SUM(CASE WHEN d.day >= $1 THEN d.rated ELSE 0 END) AS BIGINT) AS rated,
                    CAST(SUM(CASE WHEN d.day >= $1 THEN d.dissatisfied ELSE 0 END) AS BIGINT) AS dissatisfied,
                    CAST(SUM(CASE WHEN d.day >= $1 THEN d.closed ELSE 0 END) AS BIGINT) AS closed,
                    CAST(SUM(CASE WHEN d.day >= $1 THEN d.reopened ELSE 0 END) AS BIGINT) AS reopened
             FROM hotline_daily d JOIN hotline_categories c ON c.id = d.category_id
             WHERE (d.day BETWEEN $1 AND $2) OR (d.day BETWEEN $3 AND $4)
             GROUP BY c.level1, c.level2
             HAVING SUM(CASE WHEN d.day >= $1 THEN d.requests ELSE 0 END) > 0",
        )
        .bind(from)
        .bind(to)
        .bind(prev_from)
        .bind(prev_to)
        .fetch_all(&self.pool)
        .await?;
        let districts: i64 =
            sqlx::query_scalar("SELECT COUNT(DISTINCT district) FROM hotline_daily")
                .fetch_one(&self.pool)
                .await?;
        Ok((classes, districts))
    }

    /// The last day with data, for a default window.
    pub async fn hotline_last_day(&self) -> StoreResult<Option<String>> {
        Ok(sqlx::query_scalar("SELECT MAX(day) FROM hotline_daily")
            .fetch_one(&self.pool)
            .await?)
    }

    pub async fn hotline_totals(&self) -> StoreResult<HotlineTotals> {
        self.count_hotline_scan("totals");
        Ok(sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM hotline_imports) AS imports,
                    (SELECT COUNT(*) FROM hotline_daily) AS cells,
                    (SELECT CAST(COALESCE(SUM(requests), 0) AS BIGINT) FROM hotline_daily) AS requests",
        )
        .fetch_one(&self.pool)
        .await?)
    }
}
