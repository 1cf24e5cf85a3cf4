//! 热线证据: which classes of problems the 12345 hotline says most need solving, over a window
//! residents choose, with the weights shown and each class's reasons in plain words. The staff
//! page (`staff_hotline.rs`) shows the same list with its two actions.

use crate::api::hotline::{get_hotline_ranking, window};
use crate::components::badges::SampleBadge;
use crate::components::loading::DataView;
use crate::model::{HotlineRanking, Measure, RankBaseline, RankedClass, RANK_WINDOWS};
use crate::tr;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The window in the address (`?days=90`), or the first offered.
pub(crate) fn days_from_query() -> i32 {
    let query = use_query_map();
    let days = query
        .read_untracked()
        .get("days")
        .and_then(|d| d.parse().ok())
        .unwrap_or(RANK_WINDOWS[0]);
    window(days)
}

#[component]
pub fn HotlinePage() -> impl IntoView {
    let days = days_from_query();
    let ranking = Resource::new_blocking(move || days, get_hotline_ranking);
    view! {
        <Title text=tr!("hotline.title")/>
        <h1>{tr!("hotline.title")}</h1>
        <p>{tr!("hotline.intro")}</p>
        <crate::components::terms::TermLinks ids=&["growth", "dissatisfaction", "reopen", "sample"]/>
        <WindowLinks path="/hotline" days/>
        <DataView>
            {move || Suspend::new(async move {
                ranking.await.map(|r| match r {
                    Some(ranking) => Either::Left(view! { <RankingView ranking actions=None/> }),
                    None => Either::Right(view! { <p class="muted">{tr!("hotline.no_data")}</p> }),
                })
            })}
        </DataView>
        <p class="muted">{tr!("hotline.privacy")}</p>
    }
}

/// Links to the other windows; the current one is marked for screen readers too.
#[component]
pub(crate) fn WindowLinks(path: &'static str, days: i32) -> impl IntoView {
    view! {
        <nav class="chips" aria-label=tr!("hotline.window_label")>
            {RANK_WINDOWS
                .into_iter()
                .map(|d| {
                    let current = (d == days).then_some("true");
                    view! {
                        <a class="chip" href=format!("{path}?days={d}") aria-current=current>
                            {tr!("hotline.window", days = d)}
                        </a>
                    }
                })
                .collect_view()}
        </nav>
    }
}

fn pct(share: f64) -> String {
    format!("{:.1}", share * 100.0)
}

/// "Why this ranks high", from the class's reasons and its figures, each beside the average it
/// is measured against (the server names a reason only when the margin is met).
pub(crate) fn why(c: &RankedClass, base: &RankBaseline, total_districts: i64) -> String {
    if c.reasons.is_empty() {
        return tr!("hotline.reason.none");
    }
    c.reasons
        .iter()
        .map(|m| match m {
            Measure::Volume => tr!(
                "hotline.reason.volume",
                n = c.volume,
                avg = format!("{:.0}", base.volume_mean),
                x = format!(
                    "{:.1}",
                    c.volume as f64 / base.volume_mean.max(f64::EPSILON)
                )
            ),
            Measure::Growth => tr!(
                "hotline.reason.growth",
                pct = format!("{:.0}", c.growth.unwrap_or(0.0) * 100.0)
            ),
            Measure::Spread => tr!(
                "hotline.reason.spread",
                n = c.districts,
                total = total_districts
            ),
            Measure::Dissatisfaction => tr!(
                "hotline.reason.dissatisfaction",
                pct = pct(c.dissatisfaction_rate),
                avg = pct(base.dissatisfaction_rate)
            ),
            Measure::Reopen => tr!(
                "hotline.reason.reopen",
                pct = pct(c.reopen_rate),
                avg = pct(base.reopen_rate)
            ),
        })
        .collect::<Vec<_>>()
        .join(tr!("hotline.reason.join").as_str())
}

/// Classes shown before "more".
const TOP: usize = 10;

/// Something a page adds under each class (the staff's "make a candidate" form).
pub(crate) type ClassActions = Option<Callback<RankedClass, AnyView>>;

#[component]
pub(crate) fn RankingView(ranking: HotlineRanking, actions: ClassActions) -> impl IntoView {
    let w = ranking.weights;
    let total: f64 = w.as_array().iter().sum::<f64>().max(f64::EPSILON);
    let share = |x: f64| format!("{:.0}", x / total * 100.0);
    let weights = tr!(
        "hotline.weights",
        volume = share(w.volume),
        growth = share(w.growth),
        spread = share(w.spread),
        dissatisfaction = share(w.dissatisfaction),
        reopen = share(w.reopen)
    );
    let sample = ranking.sample.then(|| {
        view! { <p class="flash sample-note"><SampleBadge/>" "{tr!("hotline.sample_note")}</p> }
    });
    let (baseline, districts_total) = (ranking.baseline, ranking.total_districts);
    let card = move |(i, c): (usize, RankedClass)| {
        let growth = match c.growth {
            Some(g) => tr!("hotline.growth", pct = format!("{:+.0}", g * 100.0)),
            None => tr!("hotline.new_class"),
        };
        let score = (c.score * 100.0).round();
        let extra = actions.map(|a| a.run(c.clone()));
        view! {
            <li class="card ranked-class">
                <h3><span class="rank">{i + 1}". "</span>{format!("{}·{}", c.level1, c.level2)}</h3>
                <p class="score-line">
                    <meter min="0" max="100" value=score aria-label=tr!("hotline.score")></meter>
                    " "{tr!("hotline.score_value", score = score)}
                </p>
                <p class="muted figures">
                    {tr!("hotline.figures", volume = c.volume, growth = growth, districts = c.districts, dissatisfied = pct(c.dissatisfaction_rate), reopened = pct(c.reopen_rate))}
                </p>
                <p>{tr!("hotline.why")}" "{why(&c, &baseline, districts_total)}</p>
                {extra}
            </li>
        }
    };
    // The first ten on the page; the rest one tap away, so a phone is not a long scroll.
    let mut classes: Vec<(usize, RankedClass)> = ranking.classes.into_iter().enumerate().collect();
    let rest = classes.split_off(classes.len().min(TOP));
    let rest = (!rest.is_empty()).then(|| {
        let count = rest.len();
        view! {
            <details class="ranking-rest">
                <summary>{tr!("hotline.more", n = count)}</summary>
                <ol class="plain-list ranking" start=(TOP + 1).to_string()>
                    {rest.into_iter().map(card).collect_view()}
                </ol>
            </details>
        }
    });
    view! {
        {sample}
        <p>{tr!("hotline.period", from = ranking.from, to = ranking.to, previous_from = ranking.previous_from, previous_to = ranking.previous_to)}</p>
        <p class="muted">{weights}</p>
        <p class="muted">{tr!("hotline.reason.rule")}</p>
        <ol class="plain-list ranking">{classes.into_iter().map(card).collect_view()}</ol>
        {rest}
    }
}
