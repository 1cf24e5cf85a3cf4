//! 答复排行榜: one month's departments and districts ranked by their replies — reply rate,
//! on-time rate, median working days, 重办率 and the residents' three rating averages with
//! their counts and intervals — with the rule it ranks by, the other months, and the same
//! table as CSV and JSON. A table, not a chart: every figure is read, and it reads at 360 px
//! by scrolling sideways inside its frame.

use crate::api::replies::get_league;
use crate::components::badges::SampleBadge;
use crate::components::league_history::{month_words, rate};
use crate::components::loading::DataView;
use crate::i18n::use_locale;
use crate::i18n::when::day;
use crate::model::{League, LeagueLine, RatingMean, LEAGUE_MIN_OWED, LEAGUE_MIN_RATINGS};
use crate::pages::NotFound;
use crate::tr;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn LeaguePage() -> impl IntoView {
    let month = use_params_map().read_untracked().get("month");
    let found = Resource::new_blocking(move || month.clone(), get_league);
    view! {
        <DataView>
            {move || Suspend::new(async move {
                found.await.map(|found| match found {
                    Some(league) => Either::Left(view! { <LeagueView league/> }),
                    None => Either::Right(view! { <NotFound/> }),
                })
            })}
        </DataView>
    }
}

fn mean(m: RatingMean) -> String {
    match (m.mean, m.low, m.high) {
        (Some(mean), Some(low), Some(high)) => {
            tr!(
                "league.mean",
                mean = mean,
                low = low,
                high = high,
                count = m.count
            )
        }
        _ => tr!("league.too_few", count = m.count),
    }
}

#[component]
fn LeagueView(league: League) -> impl IntoView {
    let when = month_words(&league.month);
    let csv_zh = format!("{}.csv?lang=zh-CN", crate::paths::league_api(&league.month));
    let csv_en = format!("{}.csv?lang=en", crate::paths::league_api(&league.month));
    let csv = if use_locale() == crate::i18n::Locale::En {
        csv_en
    } else {
        csv_zh
    };
    let json = crate::paths::league_api(&league.month);
    let months = league
        .months
        .iter()
        .map(|m| {
            let current = (*m == league.month).then_some("page");
            view! { <li><a href=crate::paths::league(m) aria-current=current>{month_words(m)}</a></li> }
        })
        .collect_view();
    view! {
        <Title text=tr!("league.title", month = when.clone())/>
        <h1>{tr!("league.title", month = when.clone())}" "{league.is_sample.then(|| view! { <SampleBadge/> })}</h1>
        <p>{tr!("league.intro")}</p>
        <p class="muted">{tr!("league.as_of", date = day(&league.today))}</p>
        <LeagueTable lines=league.departments.clone() caption=tr!("league.departments_caption", month = when.clone()) first=tr!("league.department")/>
        {(!league.districts.is_empty()).then(|| view! {
            <LeagueTable lines=league.districts.clone() caption=tr!("league.districts_caption", month = when.clone()) first=tr!("league.district")/>
        })}
        <section aria-labelledby="league-method-h">
            <h2 id="league-method-h">{tr!("league.method_heading")}</h2>
            <p>{tr!("league.method", owed = LEAGUE_MIN_OWED, ratings = LEAGUE_MIN_RATINGS)}</p>
            <p>{tr!("league.source")}</p>
            <p><a href=csv download="">{tr!("league.csv")}</a>" · "<a href=json>{tr!("league.json")}</a>" · "<a href=format!("{}#rehandle-rule", crate::paths::REPLIES)>{tr!("reply.rehandle_rule_link")}</a></p>
        </section>
        // No month to go to before any reply fell due: no empty list under a heading.
        {(!league.months.is_empty()).then(|| view! {
            <nav aria-labelledby="league-months-h">
                <h2 id="league-months-h">{tr!("league.months")}</h2>
                <ul class="plain-list">{months}</ul>
            </nav>
        })}
        <p><a href=crate::paths::REPLIES>{tr!("reply.all")}</a></p>
    }
}

/// One ranked table: the ranked lines first, then those owing too few replies to rank.
#[component]
fn LeagueTable(lines: Vec<LeagueLine>, caption: String, first: String) -> impl IntoView {
    if lines.is_empty() {
        return Either::Left(view! { <p class="muted">{tr!("league.none")}</p> });
    }
    let rows = lines
        .into_iter()
        .map(|l| {
            let rank = l
                .rank
                .map_or_else(|| tr!("league.unranked"), |r| r.to_string());
            let tasks = match l.task_on_time_rate {
                Some(r) => tr!("league.tasks", rate = r, due = l.tasks_due),
                None => "—".to_string(),
            };
            let days = l
                .median_days
                .map_or_else(|| "—".to_string(), |d| tr!("league.days", n = d));
            // data-label: on a phone each line becomes a card, each figure under its own words.
            view! {
                <tr>
                    <td data-label=tr!("league.rank")>{rank}</td>
                    <th scope="row">{l.name.clone()}</th>
                    <td data-label=tr!("league.owed")>{l.owed}</td>
                    <td data-label=tr!("league.reply_rate")>{rate(l.reply_rate)}</td>
                    <td data-label=tr!("league.on_time_rate")>{rate(l.on_time_rate)}</td>
                    <td data-label=tr!("league.median_days")>{days}</td>
                    <td data-label=tr!("league.rehandle_rate")>{rate(l.rehandle_rate)}</td>
                    <td data-label=tr!("rating.aspect.solved")>{mean(l.solved)}</td>
                    <td data-label=tr!("rating.aspect.attitude")>{mean(l.attitude)}</td>
                    <td data-label=tr!("rating.aspect.speed")>{mean(l.speed)}</td>
                    <td data-label=tr!("league.task_on_time")>{tasks}</td>
                </tr>
            }
        })
        .collect_view();
    Either::Right(view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=caption.clone()>
            <table class="league">
                <caption>{caption.clone()}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr!("league.rank")}</th>
                        <th scope="col">{first}</th>
                        <th scope="col">{tr!("league.owed")}</th>
                        <th scope="col">{tr!("league.reply_rate")}</th>
                        <th scope="col">{tr!("league.on_time_rate")}</th>
                        <th scope="col">{tr!("league.median_days")}</th>
                        <th scope="col">{tr!("league.rehandle_rate")}</th>
                        <th scope="col">{tr!("rating.aspect.solved")}</th>
                        <th scope="col">{tr!("rating.aspect.attitude")}</th>
                        <th scope="col">{tr!("rating.aspect.speed")}</th>
                        <th scope="col">{tr!("league.task_on_time")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    })
}
