//! 居民评分 under a reply: how many rated it and how their scores spread on each of the three
//! counts, in words and numbers (a meter beside each number only repeats it: inline styles are not allowed by the page's policy). Who rated is never shown.

use crate::model::{RatingAspect, RatingTally};
use crate::tr;
use leptos::prelude::*;

#[component]
/// `anchor`: the section's id ("ratings"; "ratings-first" for the first answer after 重办).
pub fn RatingSummary(tally: RatingTally, anchor: &'static str) -> impl IntoView {
    let heading = format!("{anchor}-h");
    let labelled = heading.clone();
    if tally.raters == 0 {
        return view! {
            <section id=anchor aria-labelledby=labelled>
                <h2 id=heading>{tr!("rating.summary_heading", count = 0)}</h2>
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
            <h2 id=heading>{tr!("rating.summary_heading", count = raters)}</h2>
            <p class="muted">{tr!("rating.summary_note")}</p>
            <div class="rating-tables">{tables}</div>
        </section>
    }
    .into_any()
}
