//! `/embed/charts/{id}`: the page newsrooms put in an iframe. Plain server HTML — no WASM, no
//! ECharts, no stylesheet request: the SVG inline, the words, the data table behind a disclosure,
//! a footer with source, date and links, and a few lines of script that tell the parent page the
//! height in the formats existing embed scripts understand (pym.js, Datawrapper's, our own).
//! The only pages other sites may frame (see `security.rs`).

use super::chart_query::{cache_control, ChartQuery};
use super::AppState;
use app::charts::words::num;
use app::i18n::{message, Locale};
use app::model::{ChartView, Theme};
use app::request::CspNonce;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{Html, IntoResponse, Response};
use axum::Extension;

use app::charts::frame;

/// The app's one HTML escape (`app::components::raw_text`).
pub(super) use super::reader::escape;

/// The page fills its frame: title, takeaway, data disclosure and footer take the room they
/// need and the chart gets the rest, scaled to fit (never cut off). One drawing per width band
/// (`frame::VARIANTS`), picked by the frame's width, keeps axis labels near their drawn size.
const STYLE: &str = "\
:root{color-scheme:light dark;--bg:#fff;--fg:#1f1f1f;--muted:#555;--line:#ddd;--accent:#9f1d20}\
.dark{--bg:#17181c;--fg:#ececec;--muted:#b5b5b5;--line:#3a3b40;--accent:#ff8a80}\
@media (prefers-color-scheme:dark){.auto{--bg:#17181c;--fg:#ececec;--muted:#b5b5b5;--line:#3a3b40;--accent:#ff8a80}\
.auto .svg-light{display:none}.auto .svg-dark{display:block}}\
.svg-dark{display:none}.dark .svg-dark{display:block}\
*{box-sizing:border-box}html,body{height:100%}body{margin:0;background:var(--bg);color:var(--fg);\
font:15px/1.5 'PingFang SC','Hiragino Sans GB','Microsoft YaHei','Noto Sans CJK SC',sans-serif}\
main{height:100%;display:flex;flex-direction:column;padding:8px 10px}\
h1{font-size:17px;line-height:1.5;margin:0 0 2px;flex:none}p{margin:0 0 6px}\
.takeaway{color:var(--fg);flex:none}.sample{color:var(--accent);font-weight:bold}\
figure{margin:0;flex:1 1 0;min-height:0;position:relative}\
.v{display:none;position:absolute;top:0;left:0;right:0;bottom:0}.v>div{height:100%}\
.v svg{display:block;width:100%;height:100%}\
details{margin:6px 0;font-size:14px;flex:none}summary{cursor:pointer;padding:6px 0;min-height:24px}\
.tbl{max-height:40vh;overflow:auto}\
table{border-collapse:collapse;width:100%;font-size:13px}th,td{border-bottom:1px solid var(--line);\
padding:3px 6px;text-align:left}td{text-align:right;font-variant-numeric:tabular-nums}\
footer{font-size:13px;color:var(--muted);border-top:1px solid var(--line);padding-top:6px;flex:none}\
a{color:var(--accent)}.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}";

/// Which drawing each frame width shows.
fn variant_css() -> String {
    let (v, b) = (frame::VARIANTS, frame::BREAKPOINTS);
    let mut css = format!(
        "@media (max-width:{}px){{.v{}{{display:block}}}}",
        b[0] - 1,
        v[0]
    );
    for i in 1..v.len() {
        let upper = b
            .get(i)
            .map(|u| format!(" and (max-width:{}px)", u - 1))
            .unwrap_or_default();
        css.push_str(&format!(
            "@media (min-width:{}px){upper}{{.v{}{{display:block}}}}",
            b[i - 1],
            v[i]
        ));
    }
    css
}

/// Posts the height the page needs at this width — the words, plus the chart at its natural
/// height for the frame's width — to the parent whenever it changes.
const RESIZE: &str = "(function(){var c=document.body.getAttribute('data-chart'),\
k=new URLSearchParams(location.search).get('childId')||c,last=0;\
function need(){var f=document.querySelector('figure'),d=document.documentElement,n=f.clientHeight;\
f.querySelectorAll('svg').forEach(function(s){var b=s.viewBox&&s.viewBox.baseVal;\
if(s.getBoundingClientRect().width>0&&b&&b.width)n=f.clientWidth*b.height/b.width;});\
return Math.ceil(Math.max(d.scrollHeight,d.clientHeight)-f.clientHeight+n);}\
function post(){var h=need();\
if(Math.abs(h-last)<2||window.parent===window)return;last=h;var d={};d[c]=h;\
window.parent.postMessage({'datawrapper-height':d},'*');\
window.parent.postMessage('pymxPYMx'+k+'xPYMxheightxPYMx'+h,'*');\
window.parent.postMessage({type:'dianca:height',chart:c,height:h},'*');}\
window.addEventListener('load',post);window.addEventListener('resize',post);\
document.querySelectorAll('details').forEach(function(d){d.addEventListener('toggle',post)});\
if(window.ResizeObserver)new ResizeObserver(post).observe(document.body);post();})();";

pub async fn page(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<ChartQuery>,
    headers: HeaderMap,
    nonce: Option<Extension<CspNonce>>,
    client: Option<Extension<app::request::ClientAddr>>,
) -> Response {
    let locale = q.locale(&headers);
    let theme_name = match q.theme.as_deref() {
        Some("dark") => "dark",
        Some("auto") => "auto",
        _ => "light",
    };
    let network = super::charts::network_of(client.as_deref());
    let draw = |theme| {
        state.charts.views(
            &id,
            q.version(),
            crate::charts::Style { locale, theme },
            &frame::VARIANTS,
            Some(&network),
        )
    };
    let failed = |err: crate::charts::ChartError| match err.refusal() {
        // Inside a newsroom's article a refusal is a short page in the reader's language
        // that says when to reload and links the chart on the portal, not an API error.
        Some(refusal) => {
            let api = super::charts::chart_failed(&id, &network, err).into_response();
            let html = refused(refusal, locale, &state.public_url, &id);
            let mut res = (api.status(), Html(html)).into_response();
            if let Some(retry) = api.headers().get(header::RETRY_AFTER) {
                res.headers_mut().insert(header::RETRY_AFTER, retry.clone());
            }
            res.headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            res
        }
        None => super::charts::chart_failed(&id, &network, err).into_response(),
    };
    let light = match draw(Theme::Light).await {
        Ok(Some(views)) => views,
        Ok(None) => return super::api::ApiError::NotFound.into_response(),
        Err(err) => return failed(err),
    };
    let dark = if theme_name == "light" {
        Vec::new()
    } else {
        match draw(Theme::Dark).await {
            Ok(views) => views.unwrap_or_default(),
            Err(err) => return failed(err),
        }
    };
    let mut dark = dark.into_iter();
    let drawings: Vec<Drawing> = frame::VARIANTS
        .into_iter()
        .zip(light)
        .map(|(width, light)| (width, light, dark.next()))
        .collect();
    let nonce = nonce.map(|n| n.0 .0.clone()).unwrap_or_default();
    let html = render(&drawings, theme_name, locale, &state.public_url, &nonce);
    let mut res = (
        [(header::CACHE_CONTROL, cache_control(q.version().is_some()))],
        Html(html),
    )
        .into_response();
    if q.lang.is_none() {
        // Without `lang=` the language comes from the reader: caches must keep them apart.
        res.headers_mut().insert(
            header::VARY,
            axum::http::HeaderValue::from_static("Accept-Language, Cookie"),
        );
    }
    res
}

type Drawing = (u32, ChartView, Option<ChartView>);

/// The page shown in the frame when the chart cannot be drawn now (busy, or the reader's
/// network over its allowance): what happened, when to reload, and the chart on the portal.
fn refused(refusal: crate::charts::Refusal, locale: Locale, base: &str, id: &str) -> String {
    let t = |key: &str| escape(&message(key, locale));
    let why = match refusal {
        crate::charts::Refusal::Busy => t("chart.busy"),
        crate::charts::Refusal::Limited => t("chart.limited"),
    };
    format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<meta name=\"robots\" content=\"noindex\"><title>点菜</title><link rel=\"icon\" href=\"data:,\"></head>\
<body><main><p role=\"status\">{why}</p>\
<p><a href=\"{base}/charts/{id}\" target=\"_blank\" rel=\"noopener\">{open}</a></p></main></body></html>",
        lang = locale.tag(),
        base = escape(base),
        id = escape(id),
        open = t("chart.open_on_portal"),
    )
}

fn render(drawings: &[Drawing], theme: &str, locale: Locale, base: &str, nonce: &str) -> String {
    let t = |key: &str| escape(&message(key, locale));
    let Some((_, view, _)) = drawings.first() else {
        return String::new();
    };
    let id = &view.data.id;
    let v = &view.version;
    let svgs: String = drawings
        .iter()
        .map(|(width, light, dark)| {
            let inner = match (theme, dark) {
                ("dark", Some(dark)) => format!("<div class=\"svg-dark\">{}</div>", dark.svg),
                (_, Some(dark)) => format!(
                    "<div class=\"svg-light\">{}</div><div class=\"svg-dark\">{}</div>",
                    light.svg, dark.svg
                ),
                _ => format!("<div>{}</div>", light.svg),
            };
            format!("<div class=\"v v{width}\">{inner}</div>")
        })
        .collect();
    let headers: String = view
        .series_names
        .iter()
        .map(|n| format!("<th scope=\"col\">{}</th>", escape(n)))
        .collect();
    let rows: String = view
        .data
        .categories
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let cells: String = view
                .data
                .series
                .iter()
                .map(|s| format!("<td>{}</td>", num(s.values.get(i).copied().unwrap_or(0.0))))
                .collect();
            format!("<tr><th scope=\"row\">{}</th>{cells}</tr>", escape(c))
        })
        .collect();
    let sources: String = if view.data.sample {
        format!("<span class=\"sample\">{}</span>", t("chart.sample_source"))
    } else {
        let links: Vec<String> = view
            .data
            .sources
            .iter()
            .enumerate()
            .filter_map(|(i, s)| {
                let url = s.url.as_ref()?;
                let label = s.note.clone().unwrap_or_else(|| format!("[{}]", i + 1));
                // A repost says so here too: an embed is often all a reader sees.
                let repost = match s.kind {
                    app::model::SourceKind::Repost => format!(" {}", t("provenance.repost")),
                    app::model::SourceKind::Primary => String::new(),
                };
                Some(format!(
                    "<a href=\"{}\" target=\"_blank\" rel=\"noopener\">{}</a>{}",
                    escape(url),
                    escape(&label),
                    escape(&repost)
                ))
            })
            .collect();
        if links.is_empty() {
            t("chart_meta.no_source")
        } else {
            format!("{} {}", t("chart.source"), links.join(" "))
        }
    };
    let sample = if view.data.sample {
        format!(" <span class=\"sample\">{}</span>", t("chart.sample_label"))
    } else {
        String::new()
    };
    // A date in the reader's language, as the page's footer gives it.
    let day = app::i18n::when::day_text(&view.data.as_of, locale);
    let as_of = escape(&message("chart.as_of", locale).replace("%{date}", &day));
    let version = escape(&message("chart.version", locale).replace("%{version}", v));
    format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>{title}</title><link rel=\"icon\" href=\"data:,\"><link rel=\"canonical\" href=\"{base}/charts/{id}\">\
<style nonce=\"{nonce}\">{STYLE}{variants}</style></head>\
<body class=\"{theme}\" data-chart=\"{id}\"><main>\
<h1 id=\"t\">{title}</h1><p class=\"takeaway\">{takeaway}{sample}</p>\
<figure role=\"img\" aria-labelledby=\"t\" aria-describedby=\"d\">{svgs}</figure>\
<details><summary>{show_data}</summary><p id=\"d\">{description}</p>\
<div class=\"tbl\"><table><caption class=\"visually-hidden\">{title}</caption><thead><tr><th scope=\"col\">{category}</th>{headers}</tr></thead>\
<tbody>{rows}</tbody></table></div></details>\
<footer>{sources} · {as_of} · {version} · \
<a href=\"{base}/charts/{id}\" target=\"_blank\" rel=\"noopener\">点菜 · {open}</a> · \
<a href=\"{base}/charts/{id}.csv?lang={lang}&amp;v={v}\" target=\"_blank\" rel=\"noopener\">CSV</a></footer>\
</main><script nonce=\"{nonce}\">{RESIZE}</script></body></html>",
        lang = locale.tag(),
        title = escape(&view.title),
        takeaway = escape(&view.takeaway),
        description = escape(&view.description),
        show_data = t("chart.show_data"),
        category = escape(&view.category),
        variants = variant_css(),
        open = t("chart.open_page"),
    )
}
