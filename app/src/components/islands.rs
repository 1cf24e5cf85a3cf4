//! Islands: the only components compiled to WebAssembly and hydrated in the browser.
//!
//! Each one renders complete HTML on the server and works with JavaScript off; hydration makes
//! it faster (no page load), never makes it work.

use crate::components::badges::ConfidenceBadge;
use crate::i18n::Locale;
use crate::model::{Confidence, ProblemSummary};
use crate::tr;
use leptos::prelude::*;

/// The query parameter the confidence filter uses without JavaScript.
pub const FILTER_PARAM: &str = "c";

/// A year's problems with a confidence filter (全部 / 已证实 / 推断 / 存疑 / 示例).
///
/// Without JavaScript the chips are links (`?c=confirmed`) that the server answers; with it they
/// filter in place.
#[island]
pub fn ProblemList(
    problems: Vec<ProblemSummary>,
    locale: Locale,
    initial: Option<Confidence>,
) -> impl IntoView {
    provide_context(locale);
    let filter = RwSignal::new(initial);
    // Effects run only in the browser: the attribute tells readers (and tests) the island is live.
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let total = problems.len();
    let count_of = |c: Confidence| problems.iter().filter(|p| p.confidence == c).count();
    let choices: Vec<(Option<Confidence>, usize)> = std::iter::once((None, total))
        .chain(
            Confidence::ALL
                .into_iter()
                .map(|c| (Some(c), count_of(c)))
                .filter(|(_, n)| *n > 0),
        )
        .collect();
    let shown = {
        let confidences: Vec<Confidence> = problems.iter().map(|p| p.confidence).collect();
        move || match filter.get() {
            None => confidences.len(),
            Some(f) => confidences.iter().filter(|c| **c == f).count(),
        }
    };

    let chips = choices
        .into_iter()
        .map(|(choice, n)| {
            let href = match choice {
                None => "?".to_string(),
                Some(c) => format!("?{FILTER_PARAM}={}", c.as_str()),
            };
            let label = match choice {
                None => tr!("year.filter_all"),
                Some(c) => crate::components::badges::confidence_label(c),
            };
            view! {
                <a
                    href=href
                    class="chip"
                    aria-current=move || (filter.get() == choice).then_some("true")
                    on:click=move |ev| {
                        ev.prevent_default();
                        filter.set(choice);
                    }
                >
                    {label}
                    " "
                    <span class="chip-count">{n}</span>
                </a>
            }
        })
        .collect_view();

    let items = problems
        .into_iter()
        .map(|p| {
            let confidence = p.confidence;
            view! {
                <li hidden=move || filter.get().is_some_and(|f| f != confidence)>
                    <a href=crate::paths::problem(p.id)>{p.title}</a>
                    " "
                    <ConfidenceBadge confidence/>
                </li>
            }
        })
        .collect_view();

    view! {
        <div class="problem-filter" data-hydrated=move || hydrated.get().then_some("true")>
            <p class="filter-label" id="filter-label">{tr!("year.filter")}</p>
            <div class="chips" role="group" aria-labelledby="filter-label">{chips}</div>
            <p class="muted" aria-live="polite">
                {move || tr!("year.showing", shown = shown(), total = total)}
            </p>
        </div>
        <ul class="problem-list">{items}</ul>
    }
}
