//! 图表: each chart's own page for journalists — the chart, its words, source and data,
//! downloads, and the embed codes. The catalogue is `chart_catalog.rs`.

use crate::api::charts::get_chart_page;
use crate::charts::{ChartFigure, EmbedPanel};
use crate::components::loading::DataView;
use crate::i18n::use_locale;
use crate::model::valid_chart_id;
use crate::pages::NotFound;
use crate::tr;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::{Link, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn ChartPage() -> impl IntoView {
    let locale = use_locale();
    let params = use_params_map();
    let query = use_query_map();
    let key = move || {
        let id = params.read().get("id").unwrap_or_default();
        let v = query.read().get("v").filter(|v| !v.is_empty());
        (id, v)
    };
    let page = Resource::new_blocking(key, move |(id, v)| async move {
        if !valid_chart_id(&id) {
            return Ok(None);
        }
        get_chart_page(id, v, locale).await
    });
    view! {
        <DataView>
            {move || Suspend::new(async move {
                page.await.map(|page| match page {
                    None => Either::Right(view! { <NotFound/> }),
                    Some(page) => Either::Left(chart_page(page)),
                })
            })}
        </DataView>
    }
}

fn chart_page(page: crate::api::charts::ChartPageData) -> impl IntoView {
    let view = page.view.clone();
    let (id, v) = (view.data.id.clone(), view.version.clone());
    let page_url = format!("{}/charts/{id}", page.base);
    let oembed = format!(
        "{}/oembed?format=json&url={}",
        page.base,
        page_url.replace(':', "%3A").replace('/', "%2F")
    );
    let older = (!view.latest).then(|| {
        view! {
            <p class="notice" role="note">
                {tr!("chart.pinned_old", version = v.clone())}
                " "
                <a href=crate::paths::chart(&id)>{tr!("chart.see_latest")}</a>
            </p>
        }
    });
    let download = |ext: &str, label: String| {
        view! { <li><a href=format!("{}.{ext}?v={v}", crate::paths::chart(&id)) download>{label}</a></li> }
    };
    view! {
        <Title text=view.title.clone()/>
        <Link rel="alternate" type_="application/json+oembed" href=oembed title=view.title.clone()/>
        <nav class="breadcrumb" aria-label=tr!("nav.breadcrumb")>
            <a href="/">{tr!("nav.home")}</a>
            " › "
            <a href="/charts">{tr!("chart.catalog_title")}</a>
            " › "
            <span aria-current="page">{view.title.clone()}</span>
        </nav>
        <h1>{view.title.clone()}</h1>
        {older}
        <ChartFigure view=view.clone() link=false level=0/>
        <section aria-labelledby="downloads-heading">
            <h2 id="downloads-heading">{tr!("chart.downloads")}</h2>
            <ul class="download-list">
                {download("png", tr!("chart.download_png"))}
                {download("svg", tr!("chart.download_svg"))}
                {download("csv", tr!("chart.download_csv"))}
                {download("json", tr!("chart.download_json"))}
            </ul>
        </section>
        <EmbedPanel page/>
    }
}
