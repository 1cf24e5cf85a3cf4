//! The ranking of problem classes (问题类别排名): "from one problem to a class of problems".
//! A class is a level-1 × level-2 category. Over a window it scores volume, growth against the
//! previous window of the same length, spread across districts, and the dissatisfaction and
//! reopen rates — each scaled to 0–1 across the classes, then weighted. The weights are shown
//! with the ranking and can be changed; the reasons a class ranks high are its two strongest
//! measures, in plain words.

/// One class's figures over the window (and the window before it).
#[derive(Clone, Debug, Default, PartialEq, sqlx::FromRow)]
pub struct ClassFigures {
    pub level1: String,
    pub level2: String,
    pub volume: i64,
    pub previous: i64,
    pub districts: i64,
    pub rated: i64,
    pub dissatisfied: i64,
    pub closed: i64,
    pub reopened: i64,
}

pub use app::model::{Measure, RankBaseline, RankWeights as Weights};
use app::model::{MIN_GROWTH, MIN_PREVIOUS, VOLUME_FACTOR};

#[derive(Clone, Debug, PartialEq)]
pub struct Ranked {
    pub figures: ClassFigures,
    /// Growth against the previous window (0.25 = +25%); `None` when the class is new.
    pub growth: Option<f64>,
    pub dissatisfaction_rate: f64,
    pub reopen_rate: f64,
    /// 0–1.
    pub score: f64,
    /// The two measures that lift it most, strongest first.
    pub reasons: Vec<Measure>,
    /// The averages its reasons are measured against.
    pub baseline: RankBaseline,
}

/// The averages over every class: requests per class, and the rates of all requests together.
pub fn baseline(classes: &[ClassFigures]) -> RankBaseline {
    let total = |f: fn(&ClassFigures) -> i64| classes.iter().map(f).sum::<i64>();
    RankBaseline {
        volume_mean: if classes.is_empty() {
            0.0
        } else {
            total(|c| c.volume) as f64 / classes.len() as f64
        },
        dissatisfaction_rate: ratio(total(|c| c.dissatisfied), total(|c| c.rated)),
        reopen_rate: ratio(total(|c| c.reopened), total(|c| c.closed)),
    }
}

/// Whether the data supports naming `m` as a reason: the class stands clear of the average by
/// the stated margin (and on enough requests), not merely in the upper half of a narrow range.
fn supported(
    m: Measure,
    c: &ClassFigures,
    growth: Option<f64>,
    base: &RankBaseline,
    total_districts: i64,
) -> bool {
    match m {
        Measure::Volume => c.volume as f64 >= base.volume_mean * VOLUME_FACTOR && c.volume > 0,
        Measure::Growth => c.previous >= MIN_PREVIOUS && growth.is_some_and(|g| g >= MIN_GROWTH),
        Measure::Spread => total_districts > 0 && c.districts * 2 >= total_districts,
        Measure::Dissatisfaction => RankBaseline::rate_is_high(
            ratio(c.dissatisfied, c.rated),
            c.rated,
            base.dissatisfaction_rate,
        ),
        Measure::Reopen => {
            RankBaseline::rate_is_high(ratio(c.reopened, c.closed), c.closed, base.reopen_rate)
        }
    }
}

fn ratio(a: i64, b: i64) -> f64 {
    if b > 0 {
        a as f64 / b as f64
    } else {
        0.0
    }
}

/// Scales values to 0–1 (all equal → all 0: a measure that does not tell classes apart adds
/// nothing).
fn scaled(values: &[f64]) -> Vec<f64> {
    let (lo, hi) = values
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(*v), hi.max(*v))
        });
    values
        .iter()
        .map(|v| if hi > lo { (v - lo) / (hi - lo) } else { 0.0 })
        .collect()
}

pub fn rank(classes: Vec<ClassFigures>, weights: Weights, total_districts: i64) -> Vec<Ranked> {
    let base = baseline(&classes);
    let growth: Vec<Option<f64>> = classes
        .iter()
        .map(|c| (c.previous > 0).then(|| (c.volume - c.previous) as f64 / c.previous as f64))
        .collect();
    let columns = [
        scaled(&classes.iter().map(|c| c.volume as f64).collect::<Vec<_>>()),
        scaled(
            &growth
                .iter()
                .map(|g| g.unwrap_or(0.0).clamp(-1.0, 3.0))
                .collect::<Vec<_>>(),
        ),
        scaled(
            &classes
                .iter()
                .map(|c| ratio(c.districts, total_districts))
                .collect::<Vec<_>>(),
        ),
        scaled(
            &classes
                .iter()
                .map(|c| ratio(c.dissatisfied, c.rated))
                .collect::<Vec<_>>(),
        ),
        scaled(
            &classes
                .iter()
                .map(|c| ratio(c.reopened, c.closed))
                .collect::<Vec<_>>(),
        ),
    ];
    let w = weights.as_array();
    let w_sum: f64 = w.iter().map(|x| x.max(0.0)).sum::<f64>().max(f64::EPSILON);
    let measures = Measure::ALL;
    let mut ranked: Vec<Ranked> = classes
        .into_iter()
        .enumerate()
        .map(|(i, figures)| {
            let parts: Vec<(Measure, f64)> = (0..5)
                .map(|m| (measures[m], w[m].max(0.0) * columns[m][i]))
                .collect();
            let score = parts.iter().map(|p| p.1).sum::<f64>() / w_sum;
            // A reason is a measure that lifts the score and that the figures support against
            // the average by the stated margin.
            let mut strongest: Vec<(Measure, f64)> = parts
                .into_iter()
                .filter(|p| p.1 > 0.0)
                .filter(|p| supported(p.0, &figures, growth[i], &base, total_districts))
                .collect();
            strongest.sort_by(|a, b| b.1.total_cmp(&a.1));
            Ranked {
                growth: growth[i],
                dissatisfaction_rate: ratio(figures.dissatisfied, figures.rated),
                reopen_rate: ratio(figures.reopened, figures.closed),
                figures,
                score,
                reasons: strongest.into_iter().take(2).map(|p| p.0).collect(),
                baseline: base,
            }
        })
        .collect();
    ranked.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(b.figures.volume.cmp(&a.figures.volume))
            .then(a.figures.level2.cmp(&b.figures.level2))
    });
    ranked
}

impl Ranked {
    /// The class as pages and the API show it.
    pub fn to_model(&self) -> app::model::RankedClass {
        app::model::RankedClass {
            level1: self.figures.level1.clone(),
            level2: self.figures.level2.clone(),
            volume: self.figures.volume,
            growth: self.growth,
            districts: self.figures.districts,
            dissatisfaction_rate: self.dissatisfaction_rate,
            reopen_rate: self.reopen_rate,
            score: self.score,
            reasons: self.reasons.clone(),
        }
    }
}

/// "Why this ranks high", in plain Chinese, from its two strongest measures — each with the
/// average it is compared with.
pub fn why(r: &Ranked) -> String {
    let b = &r.baseline;
    let parts: Vec<String> = r
        .reasons
        .iter()
        .map(|m| match m {
            Measure::Volume => format!(
                "诉求量大：{} 件，是各类别平均（{:.0} 件）的 {:.1} 倍",
                r.figures.volume,
                b.volume_mean,
                r.figures.volume as f64 / b.volume_mean.max(f64::EPSILON)
            ),
            Measure::Growth => format!("比上一时段增长 {:.0}%", r.growth.unwrap_or(0.0) * 100.0),
            Measure::Spread => format!("涉及 {} 个区", r.figures.districts),
            Measure::Dissatisfaction => format!(
                "不满意率 {:.1}%，高于全部诉求平均（{:.1}%）",
                r.dissatisfaction_rate * 100.0,
                b.dissatisfaction_rate * 100.0
            ),
            Measure::Reopen => format!(
                "重复诉求率 {:.1}%，高于全部诉求平均（{:.1}%）",
                r.reopen_rate * 100.0,
                b.reopen_rate * 100.0
            ),
        })
        .collect();
    if parts.is_empty() {
        "各项指标都不突出".into()
    } else {
        parts.join("；")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn class(
        l2: &str,
        volume: i64,
        previous: i64,
        districts: i64,
        dissatisfied: i64,
    ) -> ClassFigures {
        ClassFigures {
            level1: "城乡建设".into(),
            level2: l2.into(),
            volume,
            previous,
            districts,
            rated: volume,
            dissatisfied,
            closed: volume,
            reopened: 0,
        }
    }

    #[test]
    fn volume_growth_and_dissatisfaction_decide_the_order() {
        let classes = vec![
            class("供暖", 1000, 400, 16, 100), // big, growing fast, everywhere, unhappy
            class("施工扰民", 800, 800, 10, 40), // big but flat
            class("道路破损", 100, 100, 3, 2), // small
        ];
        let ranked = rank(classes, Weights::default(), 16);
        let order: Vec<&str> = ranked.iter().map(|r| r.figures.level2.as_str()).collect();
        assert_eq!(order, ["供暖", "施工扰民", "道路破损"]);
        // Top in every measure but reopening, which tells no class apart here (all 0): 0.9.
        assert!((ranked[0].score - 0.9).abs() < 1e-9, "{}", ranked[0].score);
        assert_eq!(ranked[0].growth, Some(1.5));
        // Averages: 633 requests a class, 142 / 1900 = 7.5 % dissatisfied.
        assert_eq!(
            why(&ranked[0]),
            "比上一时段增长 150%；不满意率 10.0%，高于全部诉求平均（7.5%）"
        );
        let only_dissatisfaction = Weights {
            volume: 0.0,
            growth: 0.0,
            spread: 0.0,
            dissatisfaction: 1.0,
            reopen: 0.0,
        };
        let ranked = rank(
            vec![class("a", 1000, 1000, 16, 10), class("b", 10, 10, 1, 5)],
            only_dissatisfaction,
            16,
        );
        assert_eq!(ranked[0].figures.level2, "b", "weights change the order");
    }

    #[test]
    fn a_rate_just_above_the_average_is_not_called_high() {
        // 11.9 % against an average of 11.5 %: in the upper half of a narrow range, but not
        // clear of the average by the stated margin, so not a reason.
        let mut classes = vec![
            class("a", 1000, 1000, 8, 119),
            class("b", 1000, 1000, 8, 111),
            class("c", 1000, 1000, 8, 115),
        ];
        let dissatisfaction = Weights {
            volume: 0.0,
            growth: 0.0,
            spread: 0.0,
            dissatisfaction: 1.0,
            reopen: 0.0,
        };
        let ranked = rank(classes.clone(), dissatisfaction, 16);
        assert_eq!(ranked[0].figures.level2, "a");
        assert!(ranked[0].reasons.is_empty(), "{:?}", ranked[0].reasons);
        assert_eq!(why(&ranked[0]), "各项指标都不突出");
        // 20 % against 11.5 %-ish is: and the words show the average.
        classes[0].dissatisfied = 200;
        let ranked = rank(classes, dissatisfaction, 16);
        assert_eq!(ranked[0].reasons, [Measure::Dissatisfaction]);
        assert_eq!(why(&ranked[0]), "不满意率 20.0%，高于全部诉求平均（14.2%）");
    }
}
