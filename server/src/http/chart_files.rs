//! What a chart's files hold beyond the drawing: the CSV rows with their sidecar of title, unit,
//! source, date, version and sample flag, and the JSON document of the open-data API.

use app::charts::words::num;
use app::i18n::Locale;
use app::model::ChartView;
use serde::Serialize;

/// The CSV: what the categories are, the series, and beside every row the chart's title, unit,
/// source, data date, version and sample flag (a sidecar, as OWID's and Datawrapper's exports
/// carry them), so a row copied out of the file still says where it came from.
pub(super) fn table_rows(view: &ChartView, locale: Locale) -> Vec<Vec<String>> {
    let m = |key: &str| app::i18n::message(key, locale);
    let mut header = vec![view.category.clone()];
    header.extend(view.series_names.iter().cloned());
    header.extend(
        ["title", "unit", "source", "as_of", "version", "sample"]
            .map(|k| m(&format!("chart_meta.csv.{k}"))),
    );
    let sidecar = [
        view.title.clone(),
        view.unit.clone(),
        source_urls(view, locale),
        view.data.as_of.clone(),
        view.version.clone(),
        m(if view.data.sample {
            "chart_meta.csv.yes"
        } else {
            "chart_meta.csv.no"
        }),
    ];
    let mut rows = vec![header];
    for (i, category) in view.data.categories.iter().enumerate() {
        let mut row = vec![category.clone()];
        row.extend(
            view.data
                .series
                .iter()
                .map(|s| num(s.values.get(i).copied().unwrap_or(0.0))),
        );
        row.extend(sidecar.iter().cloned());
        rows.push(row);
    }
    rows
}

/// The sources as addresses (with their notes), or the sample notice.
fn source_urls(view: &ChartView, locale: Locale) -> String {
    if view.data.sample {
        return app::i18n::message("chart.sample_source", locale);
    }
    let urls: Vec<String> = view
        .data
        .sources
        .iter()
        .filter_map(|s| {
            // A repost is flagged in the file too, so a row copied out still says so.
            let url = s.url.as_ref().map(|u| match s.kind {
                app::model::SourceKind::Repost => {
                    format!(
                        "{u}{}",
                        app::i18n::message("chart_meta.repost_mark", locale)
                    )
                }
                app::model::SourceKind::Primary => u.clone(),
            });
            match (url, &s.note) {
                (Some(url), Some(note)) => Some(format!("{url} ({note})")),
                (Some(url), None) => Some(url),
                (None, note) => note.clone(),
            }
        })
        .collect();
    if urls.is_empty() {
        app::i18n::message("chart_meta.no_source", locale)
    } else {
        urls.join(" ; ")
    }
}

/// A chart in the API: its words, its data, and where to get it in every form.
#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = Chart)]
pub struct ChartDocument {
    pub id: String,
    pub version: String,
    pub latest: bool,
    pub title: String,
    pub takeaway: String,
    pub description: String,
    pub series_names: Vec<String>,
    /// 单位 of the values, e.g. 件.
    pub unit: String,
    /// What the categories are, e.g. 月份.
    pub category: String,
    /// The source line as plain text (or the sample notice).
    pub source: String,
    /// The date the figures describe.
    pub as_of: String,
    /// 示例数据: figures made up for the demo.
    pub sample: bool,
    pub data: app::model::ChartData,
    pub links: Links,
}

/// Where the chart is in every form: its page, embed, SVG, PNG, CSV and JSON.
#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = ChartLinks)]
pub struct Links {
    pub page: String,
    pub embed: String,
    pub svg: String,
    pub png: String,
    pub csv: String,
    pub json: String,
}

impl ChartDocument {
    pub fn of(view: &ChartView, base: &str, locale: Locale) -> ChartDocument {
        let id = &view.data.id;
        let v = &view.version;
        let lang = locale.tag();
        ChartDocument {
            id: id.clone(),
            version: v.clone(),
            latest: view.latest,
            title: view.title.clone(),
            takeaway: view.takeaway.clone(),
            description: view.description.clone(),
            series_names: view.series_names.clone(),
            unit: view.unit.clone(),
            category: view.category.clone(),
            source: app::charts::labels::source_text(&view.data, locale),
            as_of: view.data.as_of.clone(),
            sample: view.data.sample,
            data: view.data.clone(),
            links: Links {
                page: format!("{base}/charts/{id}"),
                embed: format!("{base}/embed/charts/{id}?lang={lang}&v={v}"),
                svg: format!("{base}/charts/{id}.svg?lang={lang}&v={v}"),
                png: format!("{base}/charts/{id}.png?lang={lang}&v={v}"),
                csv: format!("{base}/charts/{id}.csv?lang={lang}&v={v}"),
                json: format!("{base}/charts/{id}.json?lang={lang}&v={v}"),
            },
        }
    }
}
