//! The synthetic generator (示例数据): deterministic 12345 records whose totals and shares follow
//! the published figures — about 70,000 requests a day, the 2020 top-ten category shares from
//! `shared/facts` — with winter heating, a weekly rhythm and district sizes. No record-level
//! 12345 data is public; everything this writes is sample data and is imported as such.

use super::record::{civil_from_days, day_label, days_from_civil, COLUMNS};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::io::{self, Write};

pub use super::figures::PER_DAY;
use super::figures::{CATEGORIES, DISTRICTS, HEATING};

/// A topic's effect (成效) on the class it works on: from `from_day` on, its requests fall by up
/// to 35% and its resolution and satisfaction rise, over about half a year.
#[derive(Clone, Debug, PartialEq)]
pub struct Effect {
    pub level1: String,
    pub level2: String,
    /// `None`: every level 3 of the class.
    pub level3: Option<String>,
    /// Days since 1970-01-01 (see `record::days_from_civil`).
    pub from_day: i32,
}

impl Effect {
    /// 0 before the topic starts, rising to 1 after 180 days.
    fn progress(&self, day: i32, l1: &str, l2: &str, l3: &str) -> f64 {
        let matches = self.level1 == l1
            && self.level2 == l2
            && self.level3.as_deref().is_none_or(|x| x == l3);
        if !matches || day < self.from_day {
            return 0.0;
        }
        (f64::from(day - self.from_day) / 180.0).min(1.0)
    }
}

/// What to generate. The same plan always writes the same file.
#[derive(Clone, Debug)]
pub struct Plan {
    pub records: u64,
    pub seed: u64,
    /// First day, (year, month, day).
    pub start: (i32, u32, u32),
    /// Requests on an average weekday-weighted day; [`PER_DAY`] follows the published figures,
    /// the demo uses fewer to load in seconds.
    pub per_day: u64,
    pub effects: Vec<Effect>,
}

fn pick<'a, T>(rng: &mut ChaCha8Rng, items: &'a [T], weight: impl Fn(&T) -> f64) -> &'a T {
    let total: f64 = items.iter().map(&weight).sum();
    let mut x = rng.random::<f64>() * total;
    for item in items {
        x -= weight(item);
        if x <= 0.0 {
            return item;
        }
    }
    &items[items.len() - 1]
}

/// How busy a day is: weekends are quieter.
fn day_factor(day: i32) -> f64 {
    let weekday = (day + 3).rem_euclid(7); // 0 = Monday (1970-01-01 was a Thursday)
    if weekday >= 5 {
        0.8
    } else {
        1.06
    }
}

/// Heating requests swell from November to March.
fn heating_boost(month: u32) -> f64 {
    match month {
        11 | 3 => 3.0,
        12 | 1 | 2 => 6.0,
        _ => 0.3,
    }
}

/// How much harder a class is to settle: more dissatisfaction and more reopened requests.
fn pain(level2: &str) -> f64 {
    match level2 {
        "供暖" | "物业管理" | "预付式消费" | "施工扰民" | "停车" => 1.7,
        "政务服务" | "公交" | "医保" => 0.6,
        _ => 1.0,
    }
}

/// One request's category: top-ten shares, with heating swelling in winter.
fn category(rng: &mut ChaCha8Rng, month: u32) -> (&'static str, &'static str, &'static str) {
    let (l1, _, subs) = pick(rng, &CATEGORIES, |c| {
        if c.0 == "城乡建设" {
            c.1 * (0.7 + 0.3 * heating_boost(month))
        } else {
            c.1
        }
    });
    if *l1 == "城乡建设" && rng.random::<f64>() < 0.5 * heating_boost(month) / 6.0 {
        (l1, "供暖", pick(rng, &HEATING, |h| h.1).0)
    } else {
        let (l2, l3) = subs[rng.random_range(0..subs.len())];
        (l1, l2, l3)
    }
}

/// How many records [`write`] makes for the days `from..=to` at `per_day`, so a plan can end on
/// a chosen day.
pub fn records_between(per_day: u64, from: i32, to: i32) -> u64 {
    (from..=to)
        .map(|day| (per_day as f64 * day_factor(day)) as u64)
        .sum()
}

/// Writes `plan.records` rows from `plan.start` on, about `plan.per_day` a day.
pub fn write(out: &mut impl Write, plan: &Plan) -> io::Result<()> {
    let mut rng = ChaCha8Rng::seed_from_u64(plan.seed);
    let (records, seed) = (plan.records, plan.seed);
    writeln!(out, "{}", COLUMNS.join(","))?;
    let mut day = days_from_civil(plan.start.0, plan.start.1, plan.start.2);
    let mut written = 0u64;
    while written < records {
        let (_, month, _) = civil_from_days(day);
        let today = ((plan.per_day as f64 * day_factor(day)) as u64).min(records - written);
        let label = day_label(day);
        for _ in 0..today {
            written += 1;
            // A topic's effect turns some of its class's requests away (the day's total stays,
            // as other requests fill it) and lifts how well the rest are handled.
            let (l1, l2, l3, lift) = loop {
                let (l1, l2, l3) = category(&mut rng, month);
                let lift = plan
                    .effects
                    .iter()
                    .map(|e| e.progress(day, l1, l2, l3))
                    .fold(0.0, f64::max);
                if rng.random::<f64>() >= 0.35 * lift {
                    break (l1, l2, l3, lift);
                }
            };
            let (district, _) = pick(&mut rng, &DISTRICTS, |d| d.1);
            let seconds: u32 = rng.random_range(6 * 3600..23 * 3600);
            let request_type = *pick(
                &mut rng,
                &[
                    ("咨询", 38.0),
                    ("求助", 27.0),
                    ("投诉", 25.0),
                    ("举报", 4.0),
                    ("建议", 6.0),
                ],
                |t| t.1,
            );
            let channel = pick(
                &mut rng,
                &[("电话", 80.0), ("网络", 12.0), ("微信", 6.0), ("APP", 2.0)],
                |c| c.1,
            )
            .0;
            let closed = rng.random::<f64>() < 0.96;
            let (status, closed_at, resolved, satisfaction) = if closed {
                // Most close within a day or two; a long tail takes weeks.
                let hours = -(1.0 - rng.random::<f64>()).ln() * 30.0;
                let end = i64::from(seconds) + (hours * 3600.0) as i64;
                let (cday, csec) = (day + (end / 86_400) as i32, (end % 86_400) as u32);
                let at = format!(
                    "{} {:02}:{:02}:{:02}",
                    day_label(cday),
                    csec / 3600,
                    csec / 60 % 60,
                    csec % 60
                );
                let resolved = pick(
                    &mut rng,
                    &[
                        ("yes", 80.0 + 14.0 * lift),
                        ("partly", 10.0 - 5.0 * lift),
                        ("no", 10.0 - 9.0 * lift),
                    ],
                    |r| r.1,
                )
                .0;
                let satisfaction = pick(
                    &mut rng,
                    &[
                        ("satisfied", 72.0 + 16.0 * lift),
                        ("basically", 10.0 - 3.0 * lift),
                        ("dissatisfied", (10.0 - 8.0 * lift) * pain(l2)),
                        ("none", 8.0),
                    ],
                    |s| s.1,
                )
                .0;
                ("closed", at, resolved, satisfaction)
            } else {
                ("open", String::new(), "", "none")
            };
            let reopen = u8::from(rng.random::<f64>() < 0.03 * pain(l2) * (1.0 - 0.6 * lift));
            writeln!(
                out,
                "S{seed}-{written},{label} {:02}:{:02}:{:02},{channel},{},{l1},{l2},{l3},{district},,,{status},{closed_at},{resolved},{satisfaction},{reopen}",
                seconds / 3600,
                seconds / 60 % 60,
                seconds % 60,
                request_type.0
            )?;
        }
        day += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_writes_the_same_file_and_it_imports_cleanly() {
        let mut a = Vec::new();
        let mut b = Vec::new();
        let plan = Plan {
            records: 5_000,
            seed: 7,
            start: (2025, 1, 6),
            per_day: PER_DAY,
            effects: Vec::new(),
        };
        write(&mut a, &plan).unwrap();
        write(&mut b, &plan).unwrap();
        assert_eq!(a, b);
        let (agg, report) = super::super::ingest::aggregate(a.as_slice(), 5).unwrap();
        assert_eq!(
            (report.rows, report.bad),
            (5_000, 0),
            "{:?}",
            report.first_bad
        );
        let heating: u32 = agg
            .cells
            .iter()
            .filter(|((_, c, _), _)| agg.categories[*c as usize][1] == "供暖")
            .map(|(_, n)| n.requests)
            .sum();
        assert!(heating > 100, "January has heating requests: {heating}");
    }

    #[test]
    fn a_topic_lowers_its_class_and_lifts_its_rates() {
        let share = |effects: Vec<Effect>| {
            let plan = Plan {
                records: 60_000,
                seed: 3,
                start: (2025, 6, 1),
                per_day: 2_000,
                effects,
            };
            let mut out = Vec::new();
            write(&mut out, &plan).unwrap();
            let (agg, _) = super::super::ingest::aggregate(out.as_slice(), 5).unwrap();
            let (mut parking, mut all, mut dissatisfied, mut rated) = (0u32, 0u32, 0u32, 0u32);
            for ((_, c, _), n) in &agg.cells {
                all += n.requests;
                if agg.categories[*c as usize][1] == "停车" {
                    parking += n.requests;
                    dissatisfied += n.dissatisfied;
                    rated += n.rated;
                }
            }
            (
                f64::from(parking) / f64::from(all),
                f64::from(dissatisfied) / f64::from(rated),
                all,
            )
        };
        let (before, unhappy_before, total_before) = share(Vec::new());
        let effect = Effect {
            level1: "交通管理".into(),
            level2: "停车".into(),
            level3: None,
            from_day: days_from_civil(2025, 1, 1),
        };
        let (after, unhappy_after, total_after) = share(vec![effect]);
        assert_eq!(total_before, total_after, "the day's total stays");
        assert!(after < before * 0.75, "share {before} → {after}");
        assert!(
            unhappy_after < unhappy_before * 0.5,
            "{unhappy_before} → {unhappy_after}"
        );
    }
}
