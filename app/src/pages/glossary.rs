//! 名词解释: the words the portal uses that a resident may not know (核验, 重办率, 回执码 …),
//! one entry each, with a stable anchor so every page can link the word where it appears.

use crate::tr;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// Anchors of the glossary's entries, in reading order. Each has `glossary.<id>.term` and
/// `glossary.<id>.body` in both locale files (a unit test checks).
pub const TERMS: [&str; 13] = [
    "verified",
    "unverified",
    "ballot",
    "receipt",
    "dissatisfaction",
    "reopen",
    "growth",
    "sample",
    "confidence",
    "problem_of_the_month",
    "plan_lists",
    "batch",
    "hotline",
];

#[component]
pub fn GlossaryPage() -> impl IntoView {
    view! {
        <Title text=tr!("glossary.title")/>
        <Meta name="description" content=tr!("glossary.intro")/>
        <h1>{tr!("glossary.title")}</h1>
        <p>{tr!("glossary.intro")}</p>
        <dl class="glossary">
            {TERMS
                .iter()
                .map(|id| {
                    let (term, body) = (format!("glossary.{id}.term"), format!("glossary.{id}.body"));
                    let (term, body) = (tr!(term.as_str()), tr!(body.as_str()));
                    view! {
                        <div class="glossary-entry" id=*id>
                            <dt>{term}</dt>
                            <dd>{body}</dd>
                        </div>
                    }
                })
                .collect_view()}
        </dl>
    }
}

#[cfg(test)]
mod tests {
    use super::TERMS;

    #[test]
    fn every_term_has_words_in_both_languages() {
        for locale in ["zh-CN", "en"] {
            for id in TERMS {
                for part in ["term", "body"] {
                    let key = format!("glossary.{id}.{part}");
                    let text = rust_i18n::t!(&key, locale = locale);
                    assert_ne!(text, key, "{key} missing in {locale}");
                }
            }
        }
    }
}
