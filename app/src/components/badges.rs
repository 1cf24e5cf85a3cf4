//! Provenance shown next to every figure: confidence badges, the sample-data label, the
//! 官方发布 line of staff content, source links (reposts marked 转载（待核实）), reported facts.

use crate::model::{Confidence, Fact, FactKind, PublishState, Published, Source, SourceKind};
use crate::tr;
use leptos::prelude::*;

/// The words of a confidence level, in the reader's language.
///
/// Spelled out with literal keys (not `Confidence::label_key`): the islands' word table is
/// checked against the `tr!` literals here (`island_words`); a test keeps the two in step.
pub fn confidence_label(confidence: Confidence) -> String {
    match confidence {
        Confidence::Confirmed => tr!("confidence.confirmed"),
        Confidence::Inferred => tr!("confidence.inferred"),
        Confidence::Uncertain => tr!("confidence.uncertain"),
        Confidence::Official => tr!("provenance.official"),
        Confidence::Unsourced => tr!("provenance.unsourced"),
        Confidence::Sample => tr!("confidence.sample"),
    }
}

/// Text, not colour alone, tells the confidence (WCAG 1.4.1).
#[component]
pub fn ConfidenceBadge(confidence: Confidence) -> impl IntoView {
    view! {
        <span class=format!("badge badge-{}", confidence.as_str())>{confidence_label(confidence)}</span>
    }
}

#[component]
pub fn SampleBadge() -> impl IntoView {
    view! { <span class="badge badge-sample">{tr!("confidence.sample")}</span> }
}

/// What vouches for an item that has no source of its own: the publishing department and date
/// (官方发布), or a plain "not yet sourced". Nothing for items that have sources. `linked`: the
/// item shows links that do not vouch for it (no page title, or a repost), so the note says
/// they are unchecked rather than that there are none.
#[component]
pub fn ProvenanceNote(
    confidence: Confidence,
    published: Option<Published>,
    #[prop(optional)] linked: bool,
) -> impl IntoView {
    match (confidence, published) {
        (Confidence::Official, Some(p)) => {
            let date = p
                .date
                .map(|date| {
                    tr!(
                        "provenance.published_on",
                        date = crate::i18n::when::day(&date)
                    )
                })
                .unwrap_or_default();
            Some(view! {
                <p class="note provenance-official">
                    <strong>{tr!("provenance.published", department = p.department)}{date}</strong>
                    " "
                    {if linked { tr!("provenance.official_note_linked") } else { tr!("provenance.official_note") }}
                </p>
            }
            .into_any())
        }
        (Confidence::Unsourced, _) => Some(
            view! { <p class="note provenance-unsourced">{tr!("provenance.unsourced_note")}</p> }
                .into_any(),
        ),
        _ => None,
    }
}

/// One citation: a link named by the page's title (or its site), a repost marked 转载（待核实）
/// with the outlet it credits.
#[component]
fn SourceItem(source: Source) -> impl IntoView {
    let repost = (source.kind == SourceKind::Repost).then(|| {
        let credits = source
            .outlet
            .clone()
            .map(|outlet| view! { " · " {tr!("provenance.credits", outlet = outlet)} });
        view! { " " <span class="source-repost">{tr!("provenance.repost")}{credits}</span> }
    });
    let host = source.host().map(str::to_string);
    let note = source
        .note
        .clone()
        .map(|n| view! { <span class="muted" lang="en">" ("{n}")"</span> });
    match (source.url.clone(), host) {
        (Some(url), Some(host)) => {
            let (label, site) = match source.title.clone() {
                Some(title) => (
                    title,
                    Some(view! { <span class="muted">" · "{host}</span> }),
                ),
                None => (host, None),
            };
            view! {
                <li>
                    <a href=url rel="noopener noreferrer nofollow" class="source-link">{label}</a>
                    {site}
                    {repost}
                    {note}
                </li>
            }
            .into_any()
        }
        _ => view! {
            <li>
                <span lang="en">{source.title.or(source.note).unwrap_or_default()}</span>
                {repost}
            </li>
        }
        .into_any(),
    }
}

/// The citations of a fact: primary government pages first, then other primary pages, then
/// reposts.
#[component]
pub fn SourceList(
    sources: Vec<Source>,
    /// A heading other than 来源 (e.g. for the year's list shown as context).
    #[prop(optional)]
    label: Option<String>,
) -> impl IntoView {
    // A citation without an address helps no reader when others have one.
    let sources: Vec<Source> = if sources.iter().any(|s| s.url.is_some()) {
        sources.into_iter().filter(|s| s.url.is_some()).collect()
    } else {
        sources
    };
    if sources.is_empty() {
        return view! { <p class="sources muted">{tr!("source.none")}</p> }.into_any();
    }
    let items = Source::ordered(sources)
        .into_iter()
        .map(|source| view! { <SourceItem source/> })
        .collect_view();
    view! {
        <div class="sources">
            <span class="sources-label">{label.unwrap_or_else(|| tr!("source.label"))}</span>
            <ul>{items}</ul>
        </div>
    }
    .into_any()
}

fn kind_label(kind: FactKind) -> String {
    match kind {
        FactKind::Lead => tr!("provenance.kind_lead"),
        FactKind::Cooperating => tr!("provenance.kind_cooperating"),
        FactKind::Measure => tr!("provenance.kind_measure"),
        FactKind::Outcome => tr!("provenance.kind_outcome"),
        FactKind::Oversight => tr!("provenance.kind_oversight"),
        FactKind::Baseline => tr!("provenance.kind_baseline"),
        FactKind::Context => tr!("provenance.kind_context"),
        FactKind::Note => tr!("provenance.kind_note"),
    }
}

/// One reported fact as a card: its words, its confidence, its own sources.
#[component]
pub fn FactItem(fact: Fact) -> impl IntoView {
    // Notes are the compiler's remarks (in English), not a claim of any source.
    if fact.kind == FactKind::Note {
        return view! { <li class="card fact fact-note"><p lang="en">{fact.text}</p></li> }
            .into_any();
    }
    view! {
        <li class="card fact">
            <p>{fact.text}" "<ConfidenceBadge confidence=fact.confidence/></p>
            <SourceList sources=fact.sources/>
        </li>
    }
    .into_any()
}

/// 来源所载: the facts grouped by kind, in the order of [`FactKind::ALL`].
#[component]
pub fn FactList(facts: Vec<Fact>) -> impl IntoView {
    let groups = FactKind::ALL
        .into_iter()
        .filter_map(|kind| {
            let items: Vec<Fact> = facts.iter().filter(|f| f.kind == kind).cloned().collect();
            (!items.is_empty()).then(|| {
                view! {
                    <h3>{kind_label(kind)}</h3>
                    <ul class="fact-list">
                        {items.into_iter().map(|fact| view! { <FactItem fact/> }).collect_view()}
                    </ul>
                }
            })
        })
        .collect_view();
    view! { {groups} }
}

/// Draft or published, as a badge.
#[component]
pub fn PublishBadge(state: PublishState) -> impl IntoView {
    match state {
        PublishState::Draft => {
            view! { <span class="badge badge-uncertain">{tr!("staff.draft")}</span> }
        }
        PublishState::Published => {
            view! { <span class="badge badge-confirmed">{tr!("staff.published")}</span> }
        }
        PublishState::Withdrawn => {
            view! { <span class="badge badge-withdrawn">{tr!("editor.withdrawn")}</span> }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_badge_words_are_the_words_of_each_label_key() {
        for c in Confidence::ALL {
            assert_eq!(
                confidence_label(c),
                crate::i18n::message(c.label_key(), crate::i18n::Locale::default()),
                "{c:?}"
            );
        }
    }
}
