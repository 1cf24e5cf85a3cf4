//! A ballot candidate's evidence as a short card (证据卡片): one number, one direction and one
//! plain sentence, with the full summary and the charts one tap away (`<details>`, so it opens
//! without JavaScript). Staff-written evidence has no figures and is shown folded the same way.

use crate::components::badges::SampleBadge;
use crate::model::{Direction, EvidenceCard, Standout};
use crate::tr;
use leptos::either::Either;
use leptos::prelude::*;

/// `0.123` → `"12"`: whole percent, as the card's words use.
fn pct(fraction: f64) -> String {
    format!("{:.0}", (fraction * 100.0).abs())
}

/// `0.1234` → `"12.3"`: one decimal, for rates set beside their average.
fn rate(fraction: f64) -> String {
    format!("{:.1}", fraction * 100.0)
}

fn direction_text(card: &EvidenceCard) -> (&'static str, String) {
    let days = card.days;
    match (card.direction(), card.change()) {
        (Direction::More, Some(c)) => ("up", tr!("evidence_card.more", days = days, pct = pct(c))),
        (Direction::Fewer, Some(c)) => (
            "down",
            tr!("evidence_card.fewer", days = days, pct = pct(c)),
        ),
        (Direction::New, _) => ("up", tr!("evidence_card.new", days = days)),
        _ => ("same", tr!("evidence_card.same", days = days)),
    }
}

fn sentence(card: &EvidenceCard) -> String {
    let b = &card.baseline;
    match card.standout() {
        Standout::Dissatisfied => tr!(
            "evidence_card.dissatisfied",
            rate = rate(card.dissatisfaction_rate),
            average = rate(b.dissatisfaction_rate)
        ),
        Standout::Reopened => tr!(
            "evidence_card.reopened",
            rate = rate(card.reopen_rate),
            average = rate(b.reopen_rate)
        ),
        Standout::Nothing => tr!("evidence_card.place", of = card.of, place = card.place),
    }
}

/// Every figure of the card, in the reader's language (the stored summary is Chinese only).
fn full_text(card: &EvidenceCard) -> String {
    let b = &card.baseline;
    tr!(
        "evidence_card.full",
        from = crate::i18n::when::day(&card.from),
        to = crate::i18n::when::day(&card.to),
        n = card.volume,
        days = card.days,
        previous = card.previous,
        rated = card.rated,
        dissatisfaction = rate(card.dissatisfaction_rate),
        average_dissatisfaction = rate(b.dissatisfaction_rate),
        closed = card.closed,
        reopen = rate(card.reopen_rate),
        average_reopen = rate(b.reopen_rate),
        of = card.of,
        place = card.place
    )
}

/// The card, or the folded staff text; `href` leads to the candidate's page with its charts.
#[component]
pub fn EvidenceSummary(card: Option<EvidenceCard>, text: String, href: String) -> impl IntoView {
    if card.is_none() && text.trim().is_empty() {
        return Either::Right(Either::Left(view! {
            <p class="evidence-link"><a href=href>{tr!("candidate.see_evidence")}</a></p>
        }));
    }
    let text = card.as_ref().map(full_text).unwrap_or(text);
    let details = view! {
        <details class="evidence-details">
            <summary>{tr!("evidence_card.details")}</summary>
            <p class="muted">{text}</p>
            <p><a href=href>{tr!("candidate.see_evidence")}</a></p>
        </details>
    };
    match card {
        Some(card) => {
            let (arrow, direction) = direction_text(&card);
            let class = format!("evidence-direction evidence-{arrow}");
            Either::Left(view! {
                <div class="evidence-card">
                    <p class="evidence-number">
                        <strong>{tr!("evidence_card.volume", n = card.volume)}</strong>" "
                        <span>{tr!("evidence_card.volume_label", days = card.days)}</span>
                        {card.sample.then(|| view! { " " <SampleBadge/> })}
                    </p>
                    <p class=class>{direction}</p>
                    <p class="evidence-sentence">{sentence(&card)}</p>
                    {details}
                </div>
            })
        }
        None => Either::Right(Either::Right(view! {
            <div class="evidence-card">
                <p class="evidence-sentence">{tr!("vote.evidence")}</p>
                {details}
            </div>
        })),
    }
}
