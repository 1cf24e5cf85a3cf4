//! Provenance shown next to every figure: confidence badges, the sample-data label, source links.

use crate::model::{Confidence, Source};
use crate::tr;
use leptos::prelude::*;

/// Text, not colour alone, tells the confidence (WCAG 1.4.1).
#[component]
pub fn ConfidenceBadge(confidence: Confidence) -> impl IntoView {
    let label = match confidence {
        Confidence::Confirmed => tr!("confidence.confirmed"),
        Confidence::Inferred => tr!("confidence.inferred"),
        Confidence::Uncertain => tr!("confidence.uncertain"),
        Confidence::Sample => tr!("confidence.sample"),
    };
    view! {
        <span class=format!("badge badge-{}", confidence.as_str())>{label}</span>
    }
}

#[component]
pub fn SampleBadge() -> impl IntoView {
    view! { <span class="badge badge-sample">{tr!("confidence.sample")}</span> }
}

/// The citations of a fact, each a link that names the site it leads to.
#[component]
pub fn SourceList(sources: Vec<Source>) -> impl IntoView {
    // A citation without an address helps no reader when others have one.
    let sources: Vec<Source> = if sources.iter().any(|s| s.url.is_some()) {
        sources.into_iter().filter(|s| s.url.is_some()).collect()
    } else {
        sources
    };
    if sources.is_empty() {
        return view! { <p class="sources muted">{tr!("source.none")}</p> }.into_any();
    }
    let items = sources
        .into_iter()
        .map(|source| {
            let note = source.note.clone().map(|n| view! { <span class="muted">" ("{n}")"</span> });
            match (source.url.clone(), source.host().map(str::to_string)) {
                (Some(url), Some(host)) => view! {
                    <li>
                        <a href=url rel="noopener noreferrer nofollow" class="source-link">{host}</a>
                        {note}
                    </li>
                }
                .into_any(),
                _ => view! { <li>{source.note.unwrap_or_default()}</li> }.into_any(),
            }
        })
        .collect_view();
    view! {
        <div class="sources">
            <span class="sources-label">{tr!("source.label")}</span>
            <ul>{items}</ul>
        </div>
    }
    .into_any()
}
