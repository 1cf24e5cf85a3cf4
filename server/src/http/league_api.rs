//! `/api/v1/replies/league/{month}`: the month's 答复排行榜 as open data — the JSON the page is
//! drawn from, or with `.csv` the same lines for a spreadsheet (tokens, or a language's words
//! with `?lang=`). Departments and districts only: no person is named or counted apart.

use super::api::{csv_response, ApiError, ApiQuery, ApiResult, CsvLang, ErrorBody, ListQuery};
use super::AppState;
use app::i18n::{message, Locale};
use app::model::{League, LeagueLine, RatingMean};
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use utoipa_axum::{router::OpenApiRouter, routes};

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(league))
}

/// The CSV's columns, in order: part of the published format.
const COLUMNS: [&str; 27] = [
    "month",
    "scope",
    "rank",
    "name",
    "owed",
    "answered",
    "on_time",
    "reopened",
    "reply_rate",
    "on_time_rate",
    "rehandle_rate",
    "median_days",
    "solved_count",
    "solved_mean",
    "solved_low",
    "solved_high",
    "attitude_count",
    "attitude_mean",
    "attitude_low",
    "attitude_high",
    "speed_count",
    "speed_mean",
    "speed_low",
    "speed_high",
    "tasks_due",
    "tasks_on_time",
    "task_on_time_rate",
];

fn number(x: Option<f64>) -> String {
    x.map_or(String::new(), |x| x.to_string())
}

fn mean_cells(m: &RatingMean) -> [String; 4] {
    [
        m.count.to_string(),
        number(m.mean),
        number(m.low),
        number(m.high),
    ]
}

fn line_row(month: &str, scope: &str, line: &LeagueLine) -> Vec<String> {
    let mut row = vec![
        month.to_string(),
        scope.to_string(),
        line.rank.map_or(String::new(), |r| r.to_string()),
        line.name.clone(),
        line.owed.to_string(),
        line.answered.to_string(),
        line.on_time.to_string(),
        line.reopened.to_string(),
        number(line.reply_rate),
        number(line.on_time_rate),
        number(line.rehandle_rate),
        number(line.median_days),
    ];
    for mean in [&line.solved, &line.attitude, &line.speed] {
        row.extend(mean_cells(mean));
    }
    row.extend([
        line.tasks_due.to_string(),
        line.tasks_on_time.to_string(),
        number(line.task_on_time_rate),
    ]);
    row
}

/// The league's lines as spreadsheet rows, header first.
pub(super) fn league_rows(league: &League, lang: Option<Locale>) -> Vec<Vec<String>> {
    let word = |token: &str| match lang {
        None => token.to_string(),
        Some(locale) => message(&format!("csv.league.{token}"), locale),
    };
    let mut rows = vec![COLUMNS.iter().map(|t| word(t)).collect()];
    for (scope, lines) in [
        ("department", &league.departments),
        ("district", &league.districts),
    ] {
        for line in lines {
            rows.push(line_row(&league.month, &word(scope), line));
        }
    }
    rows
}

#[utoipa::path(get, path = "/api/v1/replies/league/{month}", tag = "voting",
    summary = "The month's reply league (答复排行榜): departments and districts ranked by their replies, as JSON or (with `.csv`) CSV",
    description = "Every reply whose first date judged (the due date, or its extension) falls in the month counts for its department and, for suggestions, its district. `reply_rate` and `on_time_rate` are percent of the replies owed; `rehandle_rate` percent of those answered that residents' ratings reopened (重办); `median_days` the median working days from crossing the threshold to the first answer. Each rating average (`solved`, `attitude`, `speed`, 1–5) carries its `count` and a 95% interval, and is null below 5 ratings. Lines are ranked by on-time rate, then reply rate, then median days; a line owing fewer than 2 replies has `rank` null. Beside the replies, a department's tasks in published topics due in the month: `tasks_due`, `tasks_on_time` and `task_on_time_rate` (not part of the ranking). Figures of a month still running can change; `today` says when they were computed (Beijing).",
    params(("month" = String, Path, example = "2027-03", description = "`YYYY-MM`, or `YYYY-MM.csv` for CSV in UTF-8 with a byte-order mark"), ListQuery),
    responses(
        (status = 200, description = "The league", content(
            (League = "application/json"),
            (String = "text/csv"))),
        (status = 400, description = "A query parameter that cannot be read", body = ErrorBody),
        (status = 404, description = "Not a month", body = ErrorBody)))]
async fn league(
    State(state): State<AppState>,
    Path(typed): Path<String>,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> ApiResult<Response> {
    let (typed, csv) = match typed.strip_suffix(".csv") {
        Some(base) => (base, true),
        None => (typed.as_str(), false),
    };
    let month = app::model::parse_month(typed).ok_or(ApiError::NotFound)?;
    let league = state
        .store
        .league(&month, jiff::Timestamp::now().as_second())
        .await?;
    if !csv {
        return Ok(Json(league).into_response());
    }
    let lang = q.lang.map(|l| match l {
        CsvLang::ZhCn => Locale::ZhCn,
        CsvLang::En => Locale::En,
    });
    csv_response(
        &format!("replies-league-{month}.csv"),
        league_rows(&league, lang),
    )
}
