//! Links to the glossary (名词解释) beside words a resident may not know.

use crate::tr;
use leptos::prelude::*;

/// "这些词是什么意思：不满意率 · 重办率": one line of links to the glossary entries `ids`.
#[component]
pub fn TermLinks(ids: &'static [&'static str]) -> impl IntoView {
    let links = ids
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let key = format!("glossary.{id}.term");
            view! {
                {(i > 0).then_some(" · ")}
                <a class="term" href=term_href(id)>{tr!(key.as_str())}</a>
            }
        })
        .collect_view();
    view! { <p class="muted term-links">{tr!("glossary.what_words")}" "{links}</p> }
}

/// The address of a glossary entry, for links beside the word.
pub fn term_href(id: &str) -> String {
    format!("/glossary#{id}")
}
