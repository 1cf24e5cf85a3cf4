//! 居民评分 under a reply: how many rated it and how their scores spread on each of the three
//! counts, in words and numbers (a meter beside each number only repeats it: inline styles are not allowed by the page's policy). Who rated is never shown.

use crate::model::{RatingAspect, RatingTally};
use crate::tr;
use leptos::prelude::*;

/// The section's heading: an h2 under the page, an h3 inside the first answer's card.
fn heading(id: String, nested: bool, words: String) -> AnyView {
    if nested {
        view! { <h3 id=id>{words}</h3> }.into_any()
    } else {
        view! { <h2 id=id>{words}</h2> }.into_any()
    }
}

#[component]
/// `anchor`: the section's id ("ratings"; "ratings-first" for the first answer after 重办,
/// `nested` in its card).
pub fn RatingSummary(
    tally: RatingTally,
    anchor: &'static str,
    #[prop(optional)] nested: bool,
) -> impl IntoView {
    let id = format!("{anchor}-h");
    let labelled = id.clone();
    if tally.raters == 0 {
        return view! {
            <section id=anchor aria-labelledby=labelled>
                {heading(id, nested, tr!("rating.summary_heading", count = 0))}
                <p class="muted">{tr!("rating.summary_none")}</p>
            </section>
        }
        .into_any();
    }
    let raters = tally.raters;
    let tables = RatingAspect::ALL
        .iter()
        .map(|aspect| {
            let counts = *tally.counts(*aspect);
            let caption = aspect.message_key();
            let rows = (1..=5u8)
                .rev()
                .map(|n| {
                    let count = counts[usize::from(n) - 1];
                    let words = aspect.score_key(n);
                    view! {
                        <tr>
                            <th scope="row">{n}" "{tr!(words.as_str())}</th>
                            <td class="rating-bar"><meter min="0" max=raters.to_string() value=count.to_string() aria-hidden="true"></meter></td>
                            <td>{tr!("rating.people", count = count)}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <table class="rating-table">
                    <caption>{tr!(caption.as_str())}</caption>
                    <tbody>{rows}</tbody>
                </table>
            }
        })
        .collect_view();
    view! {
        <section id=anchor aria-labelledby=labelled>
            {heading(id, nested, tr!("rating.summary_heading", count = raters))}
            <p class="muted">{tr!("rating.summary_note")}</p>
            <div class="rating-tables">{tables}</div>
        </section>
    }
    .into_any()
}
