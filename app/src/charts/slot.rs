//! A place on a page for one or more charts, loaded with the page (so the SVG is in the first
//! HTML). A chart that does not exist (yet) is simply left out; a failure shows a quiet note
//! instead of breaking the page around it.

use super::ChartFigure;
use crate::api::charts::get_charts;
use crate::i18n::use_locale;
use crate::tr;
use leptos::prelude::*;

#[component]
pub fn ChartSlot(ids: Vec<String>, #[prop(default = 3)] level: u8) -> impl IntoView {
    let locale = use_locale();
    let charts = Resource::new_blocking(
        move || ids.clone(),
        move |ids| async move { get_charts(ids, locale).await },
    );
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match charts.await {
                    Ok(views) => views
                        .into_iter()
                        .map(|view| view! { <ChartFigure view level/> })
                        .collect_view()
                        .into_any(),
                    Err(_) => view! { <p class="muted">{tr!("chart.unavailable")}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}
