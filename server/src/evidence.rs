//! Evidence from the aggregates: the ranking over a window (with staff's weights) and the
//! summary a candidate made from a ranked class carries. Shared by the pages, the staff action,
//! the CLI and the demo, so every one of them says the same thing about a class.

use crate::hotline::rank::{baseline, rank, why, Ranked};
use crate::hotline::record::{day_label, timestamp};
use crate::store::{EvidenceLink, Store, StoreResult};
use app::model::{EvidenceCard, HotlineRanking, RankWeights};

/// The window a candidate's evidence covers, in days.
pub const EVIDENCE_DAYS: i32 = 30;

/// Days since 1970-01-01 of a `YYYY-MM-DD` label.
pub fn day_number(label: &str) -> Option<i32> {
    timestamp(format!("{label} 00:00:00").as_bytes()).map(|t| t.0)
}

/// A ranking over `days` ending on `to` (default: the last day with data), with its classes in
/// the engine's form; `None` when there are no aggregates yet.
pub async fn ranking(
    store: &Store,
    days: i32,
    to: Option<i32>,
    weights: RankWeights,
) -> StoreResult<Option<(HotlineRanking, Vec<Ranked>)>> {
    let to = match to {
        Some(day) => day,
        None => match store
            .hotline_last_day()
            .await?
            .as_deref()
            .and_then(day_number)
        {
            Some(day) => day,
            None => return Ok(None),
        },
    };
    let days = days.max(1);
    let window = (day_label(to - days + 1), day_label(to));
    let previous = (day_label(to - 2 * days + 1), day_label(to - days));
    let (classes, total_districts) = store
        .hotline_classes((&window.0, &window.1), (&previous.0, &previous.1))
        .await?;
    let averages = baseline(&classes);
    let ranked = rank(classes, weights, total_districts);
    let model = HotlineRanking {
        from: window.0,
        to: window.1,
        previous_from: previous.0,
        previous_to: previous.1,
        days,
        weights,
        total_districts,
        classes: ranked.iter().map(Ranked::to_model).collect(),
        baseline: averages,
        sample: store.hotline_is_sample().await?,
    };
    Ok(Some((model, ranked)))
}

/// The evidence summary (证据摘要) of a ranked class, in the words residents read on a
/// candidate: its figures, its place and why it ranks there.
pub fn summary(r: &Ranked, place: usize, of: usize, ranking: &HotlineRanking) -> String {
    let growth = match r.growth {
        Some(g) => format!("比前{}天{:+.0}%", ranking.days, g * 100.0),
        None => format!("前{}天没有此类诉求", ranking.days),
    };
    format!(
        "{}{}至{}，12345热线“{}·{}”类诉求{}件（{}），涉及{}个区；不满意率{:.1}%，重办率{:.1}%。在{}个问题类别中排第{}：{}。",
        if ranking.sample { "示例数据：" } else { "" },
        ranking.from,
        ranking.to,
        r.figures.level1,
        r.figures.level2,
        r.figures.volume,
        growth,
        r.figures.districts,
        r.dissatisfaction_rate * 100.0,
        r.reopen_rate * 100.0,
        of,
        place,
        why(r),
    )
}

/// The figures of a ranked class for the ballot's short card (证据卡片).
pub fn card(r: &Ranked, place: usize, of: usize, ranking: &HotlineRanking) -> EvidenceCard {
    EvidenceCard {
        from: ranking.from.clone(),
        to: ranking.to.clone(),
        days: ranking.days,
        volume: r.figures.volume,
        previous: r.figures.previous,
        rated: r.figures.rated,
        dissatisfaction_rate: r.dissatisfaction_rate,
        closed: r.figures.closed,
        reopen_rate: r.reopen_rate,
        baseline: ranking.baseline,
        place,
        of,
        sample: ranking.sample,
    }
}

/// The summary and link of one class over the [`EVIDENCE_DAYS`] ending on `to`; `None` when
/// the class has no requests in that window.
pub async fn class_evidence(
    store: &Store,
    (level1, level2): (&str, &str),
    to: i32,
) -> StoreResult<Option<(String, EvidenceLink)>> {
    let weights = store.hotline_weights().await?;
    let Some((model, ranked)) = ranking(store, EVIDENCE_DAYS, Some(to), weights).await? else {
        return Ok(None);
    };
    let found = ranked
        .iter()
        .enumerate()
        .find(|(_, r)| r.figures.level1 == level1 && r.figures.level2 == level2);
    Ok(found.map(|(i, r)| {
        (
            summary(r, i + 1, ranked.len(), &model),
            EvidenceLink {
                level1: level1.to_string(),
                level2: level2.to_string(),
                from: model.from.clone(),
                to: model.to.clone(),
                card: Some(card(r, i + 1, ranked.len(), &model)),
            },
        )
    }))
}
