//! The WebAssembly entry point: wakes up the islands the server rendered, nothing else.

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // Pull the islands into this crate so they are compiled into the bundle.
    #[allow(unused_imports)]
    use app::charts::{ChartUpgrade, CopyButton};
    #[allow(unused_imports)]
    use app::components::islands::*;
    leptos::mount::hydrate_islands();
}
