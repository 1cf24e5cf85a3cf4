//! What a topic or policy page says when it is not simply public: 草稿预览 · 尚未公开 for an
//! editor looking at an unpublished draft (never indexed), and 已撤回 — with the Beijing date and
//! the reason — for an item taken back from the public.

use crate::i18n::when;
use crate::model::Withdrawal;
use crate::tr;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// The banner above a draft's preview, with the way back to its editor.
#[component]
pub fn PreviewBanner(editor_href: String) -> impl IntoView {
    view! {
        <Meta name="robots" content="noindex"/>
        <aside class="preview-banner" role="note" aria-labelledby="preview-heading">
            <p id="preview-heading"><strong>{tr!("editor.preview_banner")}</strong></p>
            <p>{tr!("editor.preview_note")}" "<a href=editor_href>{tr!("editor.back_to_editor")}</a></p>
        </aside>
    }
}

/// The public page of a withdrawn item: its title, 已撤回 with the day, and the reason.
/// Answered with 410 Gone, so search engines drop it while readers are told why.
#[component]
pub fn WithdrawnNotice(withdrawal: Withdrawal) -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::request::set_status(http::StatusCode::GONE);
    let day = when::day(&withdrawal.at);
    view! {
        <Title text=tr!("editor.withdrawn_title", title = withdrawal.title.clone())/>
        <Meta name="robots" content="noindex"/>
        <section class="notice withdrawn-notice">
            <h1>{withdrawal.title}</h1>
            <p class="withdrawn-badge"><strong>{tr!("editor.withdrawn_on", day = day)}</strong></p>
            <p>{tr!("editor.withdrawn_reason", reason = withdrawal.reason)}</p>
            <p class="muted">{tr!("editor.withdrawn_public_note")}</p>
            <p><a href="/archive">{tr!("editor.to_archive")}</a></p>
        </section>
    }
}
