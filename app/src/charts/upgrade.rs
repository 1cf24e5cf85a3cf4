//! The interactive upgrade (互动查看): an island around a server-drawn SVG chart. Nothing loads
//! until the reader taps the chart or its button; then ECharts (the same trimmed build the server
//! uses) is fetched once and handed the option JSON the server already serialised. A tiny
//! binding instead of charming's `WasmRenderer`: measured, charming's option types would add
//! about 46 KB gzipped to the bundle every page downloads (docs/performance.md).

use crate::i18n::Locale;
use leptos::prelude::*;

/// Where the upgrade is; only the browser moves past `Loading`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
enum Stage {
    Still,
    Loading,
    Live,
    Failed,
}

#[island]
pub fn ChartUpgrade(
    /// The id of the element that holds the chart.
    target: String,
    /// The ECharts option, as the server drew it.
    option: String,
    locale: Locale,
    children: Children,
) -> impl IntoView {
    provide_context(locale);
    let stage = RwSignal::new(Stage::Still);
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let start = {
        let target = target.clone();
        move || {
            if stage.get_untracked() != Stage::Still {
                return;
            }
            stage.set(Stage::Loading);
            #[cfg(feature = "hydrate")]
            binding::upgrade(target.clone(), option.clone(), move |ok| {
                stage.set(if ok { Stage::Live } else { Stage::Failed })
            });
            #[cfg(not(feature = "hydrate"))]
            let _ = (&target, &option);
        }
    };
    let start_on_tap = start.clone();
    let label = move || match stage.get() {
        Stage::Still => crate::tr!("chart.interact"),
        Stage::Loading => crate::tr!("chart.loading"),
        Stage::Live => crate::tr!("chart.live"),
        Stage::Failed => crate::tr!("chart.failed"),
    };
    view! {
        <div
            class="chart-canvas"
            id=target
            data-stage=move || match stage.get() {
                Stage::Still => "still",
                Stage::Loading => "loading",
                Stage::Live => "live",
                Stage::Failed => "failed",
            }
            on:click=move |_| start_on_tap()
        >
            {children()}
        </div>
        <button
            type="button"
            class="chart-upgrade"
            hidden=move || !hydrated.get() || stage.get() == Stage::Live
            disabled=move || stage.get() != Stage::Still
            on:click=move |_| start()
        >
            {label}
        </button>
    }
}

#[cfg(feature = "hydrate")]
mod binding {
    use wasm_bindgen::{prelude::*, JsCast};

    /// Same file the server renders with; fetched at most once per page.
    const SCRIPT: &str = "/vendor/echarts.min.js";

    #[wasm_bindgen]
    extern "C" {
        type EChartsInstance;
        #[wasm_bindgen(js_namespace = echarts, js_name = init, catch)]
        fn init(
            el: &web_sys::HtmlElement,
            theme: &JsValue,
            opts: &JsValue,
        ) -> Result<EChartsInstance, JsValue>;
        #[wasm_bindgen(method, js_name = setOption, catch)]
        fn set_option(this: &EChartsInstance, option: &JsValue) -> Result<(), JsValue>;
    }

    fn loaded() -> bool {
        js_sys::Reflect::has(&js_sys::global(), &JsValue::from_str("echarts")).unwrap_or(false)
    }

    pub fn upgrade(target: String, option: String, done: impl Fn(bool) + 'static) {
        if loaded() {
            done(draw(&target, &option).is_ok());
            return;
        }
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            done(false);
            return;
        };
        let script = document
            .query_selector(&format!("script[src=\"{SCRIPT}\"]"))
            .ok()
            .flatten()
            .or_else(|| {
                let el = document.create_element("script").ok()?;
                el.set_attribute("src", SCRIPT).ok()?;
                document.head()?.append_child(&el).ok()?;
                Some(el)
            });
        let Some(script) = script else {
            done(false);
            return;
        };
        let done = std::rc::Rc::new(done);
        let on_error = done.clone();
        let onload = Closure::once(move || done(draw(&target, &option).is_ok()));
        let onerror = Closure::once(move || on_error(false));
        let _ = script.add_event_listener_with_callback("load", onload.as_ref().unchecked_ref());
        let _ = script.add_event_listener_with_callback("error", onerror.as_ref().unchecked_ref());
        onload.forget();
        onerror.forget();
    }

    fn draw(target: &str, option: &str) -> Result<(), JsValue> {
        let el: web_sys::HtmlElement = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(target))
            .ok_or_else(|| JsValue::from_str("chart element missing"))?
            .dyn_into()?;
        // Keep the drawn size: ECharts fills its container, which is empty once the SVG goes.
        let height = el.offset_height().max(240);
        el.style().set_property("height", &format!("{height}px"))?;
        el.set_inner_html("");
        let opts = js_sys::JSON::parse(r#"{"renderer":"svg"}"#)?;
        let chart = init(&el, &JsValue::NULL, &opts)?;
        chart.set_option(&js_sys::JSON::parse(option)?)
    }
}
