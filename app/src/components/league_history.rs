//! A department's line in each month's 答复排行榜, on its own page: a small bar chart of the
//! on-time rate, drawn on the server as SVG (no script, no inline style: bars are attributes),
//! with every figure again in the table under it, which is what a screen reader reads.

use crate::i18n::use_locale;
use crate::i18n::when::year_month;
use crate::model::LeagueMonth;
use crate::tr;
use leptos::prelude::*;

/// Months the chart draws at most (the table lists them all).
const CHART_MONTHS: usize = 12;

/// "2027年3月" / "March 2027" of a `YYYY-MM`.
pub fn month_words(month: &str) -> String {
    let (y, m) = month.split_once('-').unwrap_or((month, ""));
    match (y.parse::<i32>(), m.parse::<u8>()) {
        (Ok(y), Ok(m)) => year_month(y, m, use_locale()),
        _ => month.to_string(),
    }
}

fn short_month(month: &str) -> String {
    let m = month.split_once('-').map_or(month, |(_, m)| m);
    let m = m.trim_start_matches('0');
    tr!("league.short_month", m = m)
}

/// A percent figure, or a dash where there is none.
pub fn rate(x: Option<f64>) -> String {
    x.map_or_else(|| "—".to_string(), |x| format!("{x}%"))
}

#[component]
pub fn LeagueHistory(history: Vec<LeagueMonth>) -> impl IntoView {
    if history.is_empty() {
        return view! {
            <section aria-labelledby="dept-league-h">
                <h2 id="dept-league-h">{tr!("league.history_heading")}</h2>
                <p class="muted">{tr!("league.history_none")}</p>
                <p><a href=crate::paths::LEAGUE>{tr!("league.link")}</a></p>
            </section>
        }
        .into_any();
    }
    let drawn: Vec<&LeagueMonth> = history.iter().rev().take(CHART_MONTHS).rev().collect();
    let (bar, gap, top, height) = (36.0, 12.0, 18.0, 100.0);
    let width = (bar + gap) * drawn.len() as f64 + gap;
    let bars = drawn
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let x = gap + i as f64 * (bar + gap);
            let value = m.line.on_time_rate.unwrap_or(0.0);
            let h = value.clamp(0.0, 100.0) / 100.0 * height;
            view! {
                <g>
                    <rect x=x.to_string() y=(top + height - h).to_string() width=bar.to_string() height=h.to_string() class="league-bar"></rect>
                    <text x=(x + bar / 2.0).to_string() y=(top + height - h - 4.0).to_string() text-anchor="middle" class="league-value">{rate(m.line.on_time_rate)}</text>
                    <text x=(x + bar / 2.0).to_string() y=(top + height + 14.0).to_string() text-anchor="middle" class="league-label">{short_month(&m.month)}</text>
                </g>
            }
        })
        .collect_view();
    let rows = history
        .iter()
        .rev()
        .map(|m| {
            let rank = m.line.rank.map_or_else(|| tr!("league.unranked"), |r| r.to_string());
            let days = m
                .line
                .median_days
                .map_or_else(|| "—".to_string(), |d| tr!("league.days", n = d));
            view! {
                <tr>
                    <th scope="row"><a href=crate::paths::league(&m.month)>{month_words(&m.month)}</a></th>
                    <td data-label=tr!("league.rank")>{rank}</td>
                    <td data-label=tr!("league.owed")>{m.line.owed}</td>
                    <td data-label=tr!("league.reply_rate")>{rate(m.line.reply_rate)}</td>
                    <td data-label=tr!("league.on_time_rate")>{rate(m.line.on_time_rate)}</td>
                    <td data-label=tr!("league.median_days")>{days}</td>
                    <td data-label=tr!("league.rehandle_rate")>{rate(m.line.rehandle_rate)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="dept-league-h">
            <h2 id="dept-league-h">{tr!("league.history_heading")}</h2>
            <figure class="league-history">
                <svg viewBox=format!("0 0 {width} {}", top + height + 20.0) width=width.to_string() height=(top + height + 20.0).to_string() aria-hidden="true" focusable="false">
                    <line x1="0" x2=width.to_string() y1=(top + height).to_string() y2=(top + height).to_string() class="league-axis"></line>
                    {bars}
                </svg>
                <figcaption>{tr!("league.history_caption")}</figcaption>
            </figure>
            <div class="table-scroll" tabindex="0" role="region" aria-label=tr!("league.history_heading")>
                <table class="league">
                    <thead>
                        <tr>
                            <th scope="col">{tr!("league.month")}</th>
                            <th scope="col">{tr!("league.rank")}</th>
                            <th scope="col">{tr!("league.owed")}</th>
                            <th scope="col">{tr!("league.reply_rate")}</th>
                            <th scope="col">{tr!("league.on_time_rate")}</th>
                            <th scope="col">{tr!("league.median_days")}</th>
                            <th scope="col">{tr!("league.rehandle_rate")}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p><a href=crate::paths::LEAGUE>{tr!("league.link")}</a></p>
        </section>
    }
    .into_any()
}
