//! The figure a page shows for a chart: title and takeaway, the SVG drawn on the server (so it is
//! there on first paint, with JavaScript off and in embeds), the data as a table behind a
//! disclosure, and the source line.

use super::upgrade::ChartUpgrade;
use super::words::num;
use crate::components::badges::ConfidenceBadge;
use crate::i18n::use_locale;
use crate::model::{ChartView, Confidence};
use crate::tr;
use leptos::prelude::*;

#[component]
pub fn ChartFigure(
    view: ChartView,
    /// Whether to link to the chart's own page (not on that page itself).
    #[prop(default = true)]
    link: bool,
    /// Heading level of the chart title, to fit the page outline; 0 for none (the chart's own
    /// page, whose `h1` is the title).
    #[prop(default = 3)]
    level: u8,
) -> impl IntoView {
    let locale = use_locale();
    let id = view.data.id.clone();
    let canvas = format!("chart-{id}");
    let caption = format!("chart-{id}-title");
    let described = format!("chart-{id}-desc");
    let title = view.title.clone();
    let heading = match level {
        0 => view! { <p id=caption.clone() class="visually-hidden">{title}</p> }.into_any(),
        2 => view! { <h2 id=caption.clone()>{title}</h2> }.into_any(),
        _ => view! { <h3 id=caption.clone()>{title}</h3> }.into_any(),
    };
    let sample = view
        .data
        .sample
        .then(|| view! { <ConfidenceBadge confidence=Confidence::Sample/> });
    let page = link.then(|| {
        view! {
            " · "
            <a href=crate::paths::chart(id)>{tr!("chart.open_page")}</a>
        }
    });
    let svg = view.svg.clone();
    let table = view.clone();
    let source = view.clone();
    let label = view.title.clone();
    let described_by = described.clone();
    view! {
        <figure class="chart" aria-labelledby=caption>
            <figcaption>
                {heading}
                <p class="chart-takeaway">{view.takeaway.clone()} " " {sample}</p>
            </figcaption>
            <ChartUpgrade target=canvas option=view.option.clone() locale>
                <div
                    class="chart-svg"
                    role="img"
                    aria-label=label
                    aria-describedby=described_by
                    inner_html=svg
                ></div>
            </ChartUpgrade>
            <details class="chart-data">
                <summary>{tr!("chart.show_data")}</summary>
                <p id=described>{view.description.clone()}</p>
                <ChartTable view=table/>
            </details>
            <p class="chart-source muted">
                <SourceLine view=source/>
                {page}
            </p>
        </figure>
    }
}

/// The data of a chart as a table: one row per category, one column per series.
#[component]
pub fn ChartTable(view: ChartView) -> impl IntoView {
    let headers = view
        .series_names
        .iter()
        .map(|name| view! { <th scope="col">{name.clone()}</th> })
        .collect_view();
    let rows = view
        .data
        .categories
        .iter()
        .enumerate()
        .map(|(i, category)| {
            let cells = view
                .data
                .series
                .iter()
                .map(|s| view! { <td>{num(s.values.get(i).copied().unwrap_or(0.0))}</td> })
                .collect_view();
            view! { <tr><th scope="row">{category.clone()}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table>
                <caption class="visually-hidden">{view.title.clone()}</caption>
                <thead><tr><th scope="col">{view.category.clone()}</th>{headers}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// "来源：… · 数据截至 2026-11-28": the sources as links, or the sample notice.
#[component]
pub fn SourceLine(view: ChartView) -> impl IntoView {
    let sources = view
        .data
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let label = s
                .title
                .clone()
                .or_else(|| s.note.clone())
                .or_else(|| s.host().map(str::to_string))
                .unwrap_or_else(|| format!("[{}]", i + 1));
            // A repost says so in the reader's language (issue 13 point 2).
            let repost = (s.kind == crate::model::SourceKind::Repost)
                .then(|| format!(" {}", tr!("provenance.repost")));
            match &s.url {
                Some(url) => {
                    view! { " " <a href=url.clone() rel="noopener">{label}</a>{repost} }.into_any()
                }
                None => view! { " " {label}{repost} }.into_any(),
            }
        })
        .collect_view();
    let origin = if view.data.sample {
        tr!("chart.sample_source")
    } else if view.data.sources.is_empty() {
        // Never "来源： ·": a chart with nothing to cite says so.
        format!("{}{}", tr!("chart.source"), tr!("source.none"))
    } else {
        tr!("chart.source")
    };
    view! {
        {origin}
        {sources}
        " · "
        {tr!("chart.as_of", date = crate::i18n::when::day(&view.data.as_of))}
        " · "
        {tr!("chart.version", version = view.version.clone())}
    }
}
