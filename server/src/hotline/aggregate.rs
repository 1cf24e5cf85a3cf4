//! Aggregates (汇总): per day × category × district, the counts the portal keeps instead of
//! records. Memory grows with the number of distinct keys, never with the number of rows.

use super::record::{Place, Record, Resolved, Satisfaction};
use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};

/// The Fx hash (rustc-hash 2's): the keys are a file's own day numbers and category names,
/// hashed once per row; SipHash's resistance to crafted collisions costs ~8% of the import and
/// buys little for a file an operator imports.
#[derive(Clone, Copy, Debug, Default)]
pub struct FxBuild;

pub struct Fx(u64);

impl Fx {
    fn add(&mut self, word: u64) {
        self.0 = self
            .0
            .wrapping_add(word)
            .wrapping_mul(0xf135_7aea_2e62_a9c5);
    }
}

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for w in &mut words {
            let mut b = [0u8; 8];
            b.copy_from_slice(w);
            self.add(u64::from_le_bytes(b));
        }
        let rest = words.remainder();
        let mut b = [0u8; 8];
        b[..rest.len()].copy_from_slice(rest);
        self.add(u64::from_le_bytes(b) ^ ((rest.len() as u64) << 59));
    }
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    fn write_u16(&mut self, i: u16) {
        self.add(u64::from(i));
    }
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    fn finish(&self) -> u64 {
        self.0.rotate_left(26)
    }
}

impl BuildHasher for FxBuild {
    type Hasher = Fx;
    fn build_hasher(&self) -> Fx {
        Fx(0)
    }
}

/// The counters of one day × category × district.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Counts {
    pub requests: u32,
    pub complaints: u32,
    pub closed: u32,
    pub resolved: u32,
    pub partly_resolved: u32,
    pub rated: u32,
    pub satisfied: u32,
    pub basically_satisfied: u32,
    pub dissatisfied: u32,
    pub reopened: u32,
    /// Whole seconds, so that sums are exact and do not depend on the order rows are added in
    /// (the parallel import adds per chunk); `close_hours_sum` converts once.
    pub close_seconds_sum: u64,
    /// Closed within 24 hours, 72 hours and 7 days: enough for medians and shares without
    /// keeping every duration.
    pub close_within_24h: u32,
    pub close_within_72h: u32,
    pub close_within_7d: u32,
}

impl Counts {
    pub fn add(&mut self, r: &Record<'_>) {
        self.requests += 1;
        self.complaints += u32::from(r.complaint);
        if let Some(seconds) = r.close_seconds {
            self.closed += 1;
            self.close_seconds_sum += seconds;
            self.close_within_24h += u32::from(seconds <= 24 * 3600);
            self.close_within_72h += u32::from(seconds <= 72 * 3600);
            self.close_within_7d += u32::from(seconds <= 168 * 3600);
        }
        match r.resolved {
            Some(Resolved::Yes) => self.resolved += 1,
            Some(Resolved::Partly) => self.partly_resolved += 1,
            _ => {}
        }
        match r.satisfaction {
            Satisfaction::Satisfied => self.satisfied += 1,
            Satisfaction::Basically => self.basically_satisfied += 1,
            Satisfaction::Dissatisfied => self.dissatisfied += 1,
            Satisfaction::None => {}
        }
        self.rated += u32::from(r.satisfaction != Satisfaction::None);
        self.reopened += u32::from(r.reopened);
    }

    /// Adds another cell's counters (the same key, counted from other rows).
    pub fn merge(&mut self, o: &Counts) {
        self.requests += o.requests;
        self.complaints += o.complaints;
        self.closed += o.closed;
        self.resolved += o.resolved;
        self.partly_resolved += o.partly_resolved;
        self.rated += o.rated;
        self.satisfied += o.satisfied;
        self.basically_satisfied += o.basically_satisfied;
        self.dissatisfied += o.dissatisfied;
        self.reopened += o.reopened;
        self.close_seconds_sum += o.close_seconds_sum;
        self.close_within_24h += o.close_within_24h;
        self.close_within_72h += o.close_within_72h;
        self.close_within_7d += o.close_within_7d;
    }

    /// Hours from receipt to closing, summed over the closed requests.
    pub fn close_hours_sum(&self) -> f64 {
        self.close_seconds_sum as f64 / 3600.0
    }
}

/// Interned category paths and districts, and the counters keyed by their small ids.
#[derive(Debug, Default)]
pub struct Aggregates {
    pub categories: Vec<[String; 3]>,
    /// Keyed by the three levels joined with U+001F, built in `scratch` so a lookup allocates
    /// nothing.
    category_ids: HashMap<String, u32, FxBuild>,
    scratch: String,
    pub districts: Vec<String>,
    district_ids: HashMap<String, u16, FxBuild>,
    /// The raw bytes of a row's category and district columns (as they stand in a file
    /// without quotes, commas included) → their ids: a known place needs no UTF-8 check, no
    /// trimming and one hash instead of two.
    spans: HashMap<Vec<u8>, (u32, u16), FxBuild>,
    pub cells: HashMap<(i32, u32, u16), Counts, FxBuild>,
}

impl Aggregates {
    /// Adds a record parsed with its place (`Record::place`); one without is not counted.
    pub fn add(&mut self, r: &Record<'_>) {
        if let Some(place) = &r.place {
            let ids = self.place_ids(place);
            self.add_at(ids, r);
        }
    }

    /// The ids of a place already seen under these raw bytes (see `spans`).
    pub fn known(&self, span: &[u8]) -> Option<(u32, u16)> {
        self.spans.get(span).copied()
    }

    /// Adds a record whose place columns are `span` (raw bytes, no quotes): by the ids known
    /// for it, or by its checked `place`, remembered under the span.
    pub fn add_spanned(&mut self, span: &[u8], known: Option<(u32, u16)>, r: &Record<'_>) {
        let ids = match (known, &r.place) {
            (Some(ids), _) => ids,
            (None, Some(place)) => {
                let ids = self.place_ids(place);
                self.spans.insert(span.to_vec(), ids);
                ids
            }
            (None, None) => return,
        };
        self.add_at(ids, r);
    }

    fn place_ids(&mut self, place: &Place<'_>) -> (u32, u16) {
        (
            self.category_id(place.category),
            self.district_id(place.district),
        )
    }

    fn add_at(&mut self, (category, district): (u32, u16), r: &Record<'_>) {
        self.cells
            .entry((r.day, category, district))
            .or_default()
            .add(r);
    }

    /// Adds the aggregates of other rows (a later chunk of the same file). Ids are interned
    /// afresh by name, in `other`'s order, so merging the chunks in file order gives the ids a
    /// single pass would have given.
    pub fn merge(&mut self, other: Aggregates) {
        let categories: Vec<u32> = other
            .categories
            .iter()
            .map(|[a, b, c]| self.category_id([a.as_str(), b.as_str(), c.as_str()]))
            .collect();
        let districts: Vec<u16> = other
            .districts
            .iter()
            .map(|d| self.district_id(d))
            .collect();
        for ((day, category, district), counts) in other.cells {
            self.cells
                .entry((
                    day,
                    categories[category as usize],
                    districts[district as usize],
                ))
                .or_default()
                .merge(&counts);
        }
    }

    fn category_id(&mut self, path: [&str; 3]) -> u32 {
        self.scratch.clear();
        for (i, level) in path.iter().enumerate() {
            if i > 0 {
                self.scratch.push('\u{1f}');
            }
            self.scratch.push_str(level);
        }
        if let Some(id) = self.category_ids.get(self.scratch.as_str()) {
            return *id;
        }
        let id = self.categories.len() as u32;
        self.categories.push(path.map(str::to_string));
        self.category_ids.insert(self.scratch.clone(), id);
        id
    }

    fn district_id(&mut self, name: &str) -> u16 {
        if let Some(id) = self.district_ids.get(name) {
            return *id;
        }
        let id = self.districts.len() as u16;
        self.districts.push(name.to_string());
        self.district_ids.insert(name.to_string(), id);
        id
    }
}
