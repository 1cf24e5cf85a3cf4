//! 答复排行榜 (League): each month, the departments (and, for suggestions, the districts) that
//! owed replies, ranked in public — reply rate, on-time rate, median working days to reply,
//! 重办率 and the residents' three rating averages with their counts and intervals — the
//! yardsticks Beijing publishes for its streets and Shenzhen for its districts. Computed from
//! the replies alone, so the page, the CSV and the API carry one table.

use serde::{Deserialize, Serialize};

use super::working_days::working_days_between;
use super::{RatingAspect, Scores};

/// Ratings a line needs before its averages are shown (and compared): fewer say little.
pub const LEAGUE_MIN_RATINGS: u32 = 5;

/// Replies a line must have owed in the month to be ranked: one reply is an anecdote.
pub const LEAGUE_MIN_OWED: u32 = 2;

/// One reply as the league counts it, in the month its first date judged falls in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeagueReply {
    pub department: String,
    /// The suggestion's district (candidates have none).
    pub district: Option<String>,
    pub crossed_on: jiff::civil::Date,
    /// The first date judged: the due date, or the extension's.
    pub judged_on: jiff::civil::Date,
    /// When the first answer was posted.
    pub answered_on: Option<jiff::civil::Date>,
    /// Reopened by its ratings (重办).
    pub reopened: bool,
    /// The counted ratings of its answers.
    pub ratings: Vec<Scores>,
}

/// A rating average with its count and a 95% interval (normal approximation, within 1–5);
/// `mean` is `None` below [`LEAGUE_MIN_RATINGS`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RatingMean {
    pub count: u32,
    pub mean: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
}

impl RatingMean {
    fn of(scores: &[u8]) -> RatingMean {
        let count = u32::try_from(scores.len()).unwrap_or(u32::MAX);
        if count < LEAGUE_MIN_RATINGS {
            return RatingMean {
                count,
                ..RatingMean::default()
            };
        }
        let n = f64::from(count);
        let mean = scores.iter().map(|s| f64::from(*s)).sum::<f64>() / n;
        let var = scores
            .iter()
            .map(|s| (f64::from(*s) - mean).powi(2))
            .sum::<f64>()
            / (n - 1.0);
        let half = 1.96 * (var / n).sqrt();
        RatingMean {
            count,
            mean: Some(round2(mean)),
            low: Some(round2((mean - half).max(1.0))),
            high: Some(round2((mean + half).min(5.0))),
        }
    }
}

/// One department's (or district's) line for a month.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct LeagueLine {
    /// 1 = best; `None`: too few replies owed to rank.
    pub rank: Option<u32>,
    pub name: String,
    /// Replies whose date judged fell in the month.
    pub owed: u32,
    /// Of them, answered (by the day the table was computed).
    pub answered: u32,
    /// Of them, answered by the date judged.
    pub on_time: u32,
    /// Of the answered, reopened by their ratings.
    pub reopened: u32,
    /// Percent, one decimal: answered ÷ owed.
    pub reply_rate: Option<f64>,
    /// Percent, one decimal: on time ÷ owed.
    pub on_time_rate: Option<f64>,
    /// Percent, one decimal: reopened ÷ answered.
    pub rehandle_rate: Option<f64>,
    /// Median working days from crossing to the first answer.
    pub median_days: Option<f64>,
    pub solved: RatingMean,
    pub attitude: RatingMean,
    pub speed: RatingMean,
    /// The department's tasks in published topics due in the month (due by now): the
    /// 按期完成率 its page already shows, for the same month (districts own no tasks).
    #[serde(default)]
    pub tasks_due: u32,
    /// Of them, done on time.
    #[serde(default)]
    pub tasks_on_time: u32,
    /// Percent, one decimal: tasks on time ÷ tasks due; not part of the ranking.
    #[serde(default)]
    pub task_on_time_rate: Option<f64>,
}

impl LeagueLine {
    /// Sets the task figures from its tasks' record for the month.
    pub fn with_tasks(mut self, record: super::OnTime) -> LeagueLine {
        self.tasks_due = record.on_time + record.late + record.overdue;
        self.tasks_on_time = record.on_time;
        self.task_on_time_rate = percent(self.tasks_on_time, self.tasks_due);
        self
    }
}

/// The league of one month (`YYYY-MM`, Beijing), judged on `today`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct League {
    pub month: String,
    /// The Beijing date the figures were computed on (a month still running can change).
    pub today: String,
    /// Departments, ranked first, then the unranked by name.
    pub departments: Vec<LeagueLine>,
    /// Districts of the suggestions, ranked the same way.
    pub districts: Vec<LeagueLine>,
    /// Months with replies judged in them, newest first (for the page's month list).
    pub months: Vec<String>,
    /// Some of its replies are sample data (示例数据).
    pub is_sample: bool,
}

/// A month as typed in an address: `YYYY-MM` with a real month.
pub fn parse_month(typed: &str) -> Option<String> {
    let (year, month) = typed.split_once('-')?;
    let ok = year.len() == 4
        && month.len() == 2
        && year.bytes().all(|b| b.is_ascii_digit())
        && month.bytes().all(|b| b.is_ascii_digit())
        && month.parse::<u8>().is_ok_and(|m| (1..=12).contains(&m));
    ok.then(|| typed.to_string())
}

/// A department's line in one month's league (its page's history, oldest first).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct LeagueMonth {
    pub month: String,
    pub line: LeagueLine,
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn percent(part: u32, whole: u32) -> Option<f64> {
    (whole > 0).then(|| round1(f64::from(part) * 100.0 / f64::from(whole)))
}

fn median(mut values: Vec<i64>) -> Option<f64> {
    values.sort_unstable();
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(values[n / 2] as f64),
        _ => Some((values[n / 2 - 1] + values[n / 2]) as f64 / 2.0),
    }
}

/// The line of `name` over its replies.
pub fn league_line(name: &str, replies: &[&LeagueReply]) -> LeagueLine {
    let owed = u32::try_from(replies.len()).unwrap_or(u32::MAX);
    let answered: Vec<_> = replies.iter().filter(|r| r.answered_on.is_some()).collect();
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let on_time = count(
        answered
            .iter()
            .filter(|r| r.answered_on.is_some_and(|on| on <= r.judged_on))
            .count(),
    );
    let reopened = count(answered.iter().filter(|r| r.reopened).count());
    let days = answered
        .iter()
        .filter_map(|r| {
            r.answered_on
                .map(|on| working_days_between(r.crossed_on, on))
        })
        .collect();
    let scores = |aspect: RatingAspect| -> Vec<u8> {
        replies
            .iter()
            .flat_map(|r| r.ratings.iter().map(move |s| s.of(aspect)))
            .collect()
    };
    let answered = count(answered.len());
    LeagueLine {
        rank: None,
        name: name.to_string(),
        owed,
        answered,
        on_time,
        reopened,
        reply_rate: percent(answered, owed),
        on_time_rate: percent(on_time, owed),
        rehandle_rate: percent(reopened, answered),
        median_days: median(days),
        solved: RatingMean::of(&scores(RatingAspect::Solved)),
        attitude: RatingMean::of(&scores(RatingAspect::Attitude)),
        speed: RatingMean::of(&scores(RatingAspect::Speed)),
        tasks_due: 0,
        tasks_on_time: 0,
        task_on_time_rate: None,
    }
}

/// Lines grouped by `key`, ranked by the published order: on-time rate, then reply rate
/// (higher first), then median days (fewer first), then name; a line owing fewer than
/// [`LEAGUE_MIN_OWED`] replies is listed after the ranked ones, unranked.
pub fn league_lines(
    replies: &[LeagueReply],
    key: impl Fn(&LeagueReply) -> Option<&str>,
) -> Vec<LeagueLine> {
    let mut names: Vec<&str> = replies.iter().filter_map(&key).collect();
    names.sort_unstable();
    names.dedup();
    let mut lines: Vec<LeagueLine> = names
        .into_iter()
        .map(|name| {
            let mine: Vec<&LeagueReply> = replies.iter().filter(|r| key(r) == Some(name)).collect();
            league_line(name, &mine)
        })
        .collect();
    let ranked = |l: &LeagueLine| l.owed >= LEAGUE_MIN_OWED;
    lines.sort_by(|a, b| {
        let desc = |x: Option<f64>, y: Option<f64>| y.unwrap_or(-1.0).total_cmp(&x.unwrap_or(-1.0));
        ranked(b)
            .cmp(&ranked(a))
            .then_with(|| desc(a.on_time_rate, b.on_time_rate))
            .then_with(|| desc(a.reply_rate, b.reply_rate))
            .then_with(|| {
                let days = |l: &LeagueLine| l.median_days.unwrap_or(f64::MAX);
                days(a).total_cmp(&days(b))
            })
            .then_with(|| a.name.cmp(&b.name))
    });
    // Equal figures share a rank (1, 2, 2, 4): the name only orders the lines.
    let figures = |l: &LeagueLine| (l.on_time_rate, l.reply_rate, l.median_days);
    let mut previous: Option<(u32, _)> = None;
    for (at, line) in lines
        .iter_mut()
        .filter(|l| l.owed >= LEAGUE_MIN_OWED)
        .enumerate()
    {
        let rank = match previous {
            Some((rank, was)) if was == figures(line) => rank,
            _ => u32::try_from(at).unwrap_or(u32::MAX - 1) + 1,
        };
        line.rank = Some(rank);
        previous = Some((rank, figures(line)));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn reply(dept: &str, answered: Option<jiff::civil::Date>, solved: &[u8]) -> LeagueReply {
        LeagueReply {
            department: dept.to_string(),
            district: None,
            // Monday 2027-03-01, due Friday 2027-03-05.
            crossed_on: date(2027, 3, 1),
            judged_on: date(2027, 3, 5),
            answered_on: answered,
            reopened: false,
            ratings: solved
                .iter()
                .map(|s| Scores {
                    solved: *s,
                    attitude: 4,
                    speed: 3,
                })
                .collect(),
        }
    }

    #[test]
    fn a_month_is_four_digits_a_dash_and_a_real_month() {
        assert_eq!(parse_month("2027-03").as_deref(), Some("2027-03"));
        for bad in [
            "2027-13",
            "2027-3",
            "27-03",
            "2027-00",
            "2027_03",
            "２０２７-03",
            "2027-+3",
            "",
        ] {
            assert_eq!(parse_month(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_line_counts_rates_median_days_and_hides_averages_of_few_ratings() {
        let rows = [
            reply("A", Some(date(2027, 3, 3)), &[1, 2]),
            reply("A", Some(date(2027, 3, 9)), &[5, 5, 4]),
            reply("A", None, &[]),
        ];
        let refs: Vec<_> = rows.iter().collect();
        let line = league_line("A", &refs);
        assert_eq!((line.owed, line.answered, line.on_time), (3, 2, 1));
        assert_eq!(line.reply_rate, Some(66.7));
        assert_eq!(line.on_time_rate, Some(33.3));
        // 2 and 6 working days (Wednesday; the next Tuesday): median 4.
        assert_eq!(line.median_days, Some(4.0));
        assert_eq!(line.solved.count, 5);
        assert_eq!(line.solved.mean, Some(3.4));
        assert!(line.solved.low.unwrap() < 3.4 && line.solved.high.unwrap() > 3.4);
        let few = league_line("A", &refs[..1]);
        assert_eq!((few.solved.count, few.solved.mean), (2, None));
    }

    #[test]
    fn a_department_line_carries_its_tasks_due_and_done_on_time() {
        let line = league_line("A", &[]).with_tasks(crate::model::OnTime {
            on_time: 2,
            late: 1,
            overdue: 1,
            open: 5,
        });
        assert_eq!((line.tasks_due, line.tasks_on_time), (4, 2));
        assert_eq!(line.task_on_time_rate, Some(50.0));
        let none = league_line("A", &[]).with_tasks(crate::model::OnTime::default());
        assert_eq!(none.task_on_time_rate, None);
    }

    #[test]
    fn lines_rank_by_on_time_then_reply_rate_and_share_equal_ranks() {
        let on = Some(date(2027, 3, 4));
        let late = Some(date(2027, 3, 10));
        let rows = vec![
            reply("late", late, &[]),
            reply("late", late, &[]),
            reply("good", on, &[]),
            reply("good", on, &[]),
            reply("also-good", on, &[]),
            reply("also-good", on, &[]),
            reply("single", on, &[]),
            reply("half", on, &[]),
            reply("half", None, &[]),
        ];
        let lines = league_lines(&rows, |r| Some(r.department.as_str()));
        let order: Vec<_> = lines.iter().map(|l| (l.name.as_str(), l.rank)).collect();
        assert_eq!(
            order,
            [
                ("also-good", Some(1)),
                ("good", Some(1)),
                ("half", Some(3)),
                ("late", Some(4)),
                ("single", None),
            ]
        );
    }
}
