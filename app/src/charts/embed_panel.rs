//! 嵌入: the three ways a journalist can put a chart in an article — a responsive iframe with a
//! tiny resize script, a script-free iframe whose height follows the column's width, and an
//! image with a link (for the many
//! Chinese publishing platforms that allow neither iframes nor scripts). Every code pins the data
//! version, so a published article does not change under its readers.

use super::CopyButton;
use crate::api::charts::ChartPageData;
use crate::components::raw_text::text_box;
use crate::i18n::{use_locale, Locale};
use crate::tr;
use leptos::prelude::*;

/// Escapes text for an HTML attribute in the codes we hand out.
fn attr(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Sizes any iframe that posts `{"datawrapper-height": {id: px}}` — ours do, so do Datawrapper's.
const RESIZER: &str = "<script>window.addEventListener(\"message\",function(e){var d=e.data&&e.data[\"datawrapper-height\"];if(!d)return;document.querySelectorAll(\"iframe\").forEach(function(f){if(f.contentWindow===e.source)for(var k in d)f.style.height=d[k]+\"px\"})});</script>";

/// The three codes, in the language of the page they are copied from (`lang=`), so a Chinese
/// article shows a Chinese chart to every reader whatever their browser's language.
pub fn codes(page: &ChartPageData, locale: Locale) -> [String; 3] {
    let view = &page.view;
    let (base, id, v) = (&page.base, &view.data.id, &view.version);
    let lang = locale.tag();
    let title = attr(&view.title);
    let src = format!("{base}/embed/charts/{id}?lang={lang}&amp;v={v}");
    // Starts at the height a 640 px column needs; the script then sets the exact height.
    let responsive = format!(
        "<iframe src=\"{src}\" title=\"{title}\" style=\"width:100%;height:{h}px;border:0\" scrolling=\"no\" loading=\"lazy\"></iframe>\n{RESIZER}",
        h = page.frame.at(640)
    );
    // No script: the box keeps a height of a share of the column's width plus a constant
    // (padding percentages follow the width), and the embed fills whatever box it gets.
    let fixed = format!(
        "<div style=\"position:relative;width:100%;padding-top:calc({p}% + {px}px)\"><iframe src=\"{src}\" title=\"{title}\" style=\"position:absolute;top:0;left:0;width:100%;height:100%;border:0\" scrolling=\"no\" loading=\"lazy\"></iframe></div>",
        p = page.frame.percent,
        px = page.frame.px
    );
    let png = format!("{base}/charts/{id}.png?lang={lang}&amp;v={v}");
    let image = format!(
        "<a href=\"{base}/charts/{id}\"><img src=\"{png}\" srcset=\"{png}&amp;width=400 800w, {png} 1600w\" sizes=\"(max-width: 600px) 100vw, 800px\" alt=\"{title}：{takeaway}\" width=\"800\" style=\"max-width:100%;height:auto\"></a>",
        takeaway = attr(&view.takeaway)
    );
    [responsive, fixed, image]
}

#[component]
pub fn EmbedPanel(page: ChartPageData) -> impl IntoView {
    let locale = use_locale();
    let [responsive, fixed, image] = codes(&page, locale);
    let blocks = [
        (
            "embed-responsive",
            tr!("chart.embed_responsive"),
            tr!("chart.embed_responsive_hint"),
            responsive,
        ),
        (
            "embed-fixed",
            tr!("chart.embed_fixed"),
            tr!("chart.embed_fixed_hint"),
            fixed,
        ),
        (
            "embed-image",
            tr!("chart.embed_image"),
            tr!("chart.embed_image_hint"),
            image,
        ),
    ];
    let latest = format!(
        "{}/embed/charts/{}?lang={}",
        page.base,
        page.view.data.id,
        locale.tag()
    );
    view! {
        <section class="embed-panel" aria-labelledby="embed-heading">
            <h2 id="embed-heading">{tr!("chart.embed")}</h2>
            <p>{tr!("chart.embed_pinned", version = page.view.version.clone())}</p>
            <p class="muted">{tr!("chart_meta.embed.lang_note", lang = locale.tag())}</p>
            <p class="muted">{tr!("chart.embed_latest")} " " <code>{latest}</code></p>
            {blocks
                .into_iter()
                .map(|(id, heading, hint, code)| {
                    let label = format!("{id}-label");
                    view! {
                        <div class="embed-code">
                            <h3 id=label.clone()>{heading}</h3>
                            <p class="muted">{hint}</p>
                            <textarea id=id readonly rows="4" aria-labelledby=label spellcheck="false" inner_html=text_box(code)></textarea>
                            <CopyButton target=id.to_string() locale/>
                        </div>
                    }
                })
                .collect_view()}
        </section>
    }
}
