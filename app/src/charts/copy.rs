//! 复制: a copy button for the embed codes. Without JavaScript the code sits in a read-only text
//! box a reader can select; the button appears only once the island is live.

use crate::i18n::Locale;
use leptos::prelude::*;

#[island]
pub fn CopyButton(
    /// The id of the `<textarea>` holding the text.
    target: String,
    locale: Locale,
) -> impl IntoView {
    provide_context(locale);
    let hydrated = RwSignal::new(false);
    let copied = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let copy = move |_| {
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::JsCast;
            let text = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(&target))
                .and_then(|el| el.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
                .map(|el| el.value());
            if let (Some(text), Some(window)) = (text, web_sys::window()) {
                let _ = window.navigator().clipboard().write_text(&text);
                copied.set(true);
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = &target;
    };
    view! {
        <button type="button" class="button button-quiet" hidden=move || !hydrated.get() on:click=copy>
            {move || if copied.get() { crate::tr!("chart.copied") } else { crate::tr!("chart.copy") }}
        </button>
        <span class="visually-hidden" role="status">
            {move || copied.get().then(|| crate::tr!("chart.copied"))}
        </span>
    }
}
