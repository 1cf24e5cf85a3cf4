//! The words of each mail, in the follower's language: short, plain text plus simple HTML,
//! linking to the page. Words come from the server's locale files (`mail.*`).

use crate::store::{Mail, Notice, Reminder};
use app::components::raw_text::escape_html as escape;
use app::i18n::Locale;
use app::model::Reply;
use rand::RngCore;

fn t(key: &str, locale: Locale) -> String {
    rust_i18n::t!(key, locale = locale.tag()).into_owned()
}

/// The colon before a link: full-width in Chinese, with the link on a line of its own (a
/// link run on from Chinese text is not always found whole by mail programs).
fn colon(locale: Locale) -> &'static str {
    match locale {
        Locale::ZhCn => "：\n",
        _ => ": ",
    }
}

/// A new Message-ID under the portal's host: kept with the queued mail, so every retry of one
/// notification carries the same.
fn message_id(public_url: &str) -> String {
    let host = public_url
        .split("://")
        .nth(1)
        .and_then(|rest| rest.split(['/', ':']).next())
        .filter(|h| !h.is_empty())
        .unwrap_or("dianca.localhost");
    let mut bytes = [0u8; 12];
    rand::rng().fill_bytes(&mut bytes);
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("<{hex}@{host}>")
}

/// Every mail's last lines: what the address is used for, the way to stop, and the page of
/// everything the address follows (text, HTML). `follow` is the follow's absolute address.
fn footer(locale: Locale, follow: &str) -> (String, String) {
    let privacy = t("mail.privacy", locale);
    let stop_words = t("mail.stop", locale);
    let mine_words = t("mail.mine", locale);
    let (stop, mine) = (format!("{follow}/stop"), format!("{follow}/mine"));
    (
        format!(
            "{privacy}\n{stop_words}{c}{stop}\n{mine_words}{c}{mine}\n",
            c = colon(locale)
        ),
        format!(
            "<p style=\"color:#555\">{}<br><a href=\"{}\">{}</a> · <a href=\"{}\">{}</a></p>",
            escape(&privacy),
            escape(&stop),
            escape(&stop_words),
            escape(&mine),
            escape(&mine_words)
        ),
    )
}

/// What a mail is about: the item's name and its page.
pub struct Item<'a> {
    pub title: &'a str,
    /// Absolute URL of the item's page.
    pub url: &'a str,
}

/// The double opt-in mail (请确认关注): one link confirms, one stops, nothing happens if she
/// does neither.
pub fn confirm_follow(
    public_url: &str,
    follow_path: &str,
    locale: Locale,
    item: &Item<'_>,
) -> Mail {
    let base = public_url.trim_end_matches('/');
    let confirm = format!("{base}{follow_path}/confirm");
    let stop = format!("{base}{follow_path}/stop");
    let intro = t("mail.confirm.intro", locale).replace("%{item}", item.title);
    let button = t("mail.confirm.button", locale);
    let ignore = t("mail.confirm.ignore", locale);
    let (foot_text, foot_html) = footer(locale, &format!("{base}{follow_path}"));
    let text = format!(
        "{intro}\n\n{button}{c}{confirm}\n\n{page}{c}{url}\n\n{ignore}\n\n{foot_text}",
        c = colon(locale),
        page = t("mail.page", locale),
        url = item.url,
    );
    let html = format!(
        "<p>{intro}</p><p><a href=\"{confirm}\"><strong>{button}</strong></a></p>\
<p><a href=\"{url}\">{page}</a></p><p>{ignore}</p>{foot_html}",
        intro = escape(&intro),
        confirm = escape(&confirm),
        button = escape(&button),
        url = escape(item.url),
        page = escape(&format!(
            "{}{}{}",
            t("mail.page", locale),
            colon(locale).trim_end(),
            item.title
        )),
        ignore = escape(&ignore),
    );
    Mail {
        kind: "confirm_follow",
        subject: t("mail.confirm.subject", locale).replace("%{item}", item.title),
        text,
        html,
        unsubscribe: stop,
        message_id: message_id(public_url),
    }
}

/// One line of a round's result: the candidate and its approvals.
pub struct ResultLine {
    pub title: String,
    pub approvals: u32,
}

/// 投票已结束: the round's end, its leading candidates and the way to the full result.
pub fn cycle_closed(
    public_url: &str,
    follow_path: &str,
    locale: Locale,
    item: &Item<'_>,
    (closed_at, results): (&str, &[ResultLine]),
) -> Mail {
    let base = public_url.trim_end_matches('/');
    let stop = format!("{base}{follow_path}/stop");
    let when = app::i18n::when::date_time_text(closed_at, locale);
    let intro = t("mail.cycle_closed.intro", locale)
        .replace("%{item}", item.title)
        .replace("%{when}", &when);
    let lines: Vec<String> = results
        .iter()
        .enumerate()
        .map(|(i, r)| {
            t("mail.cycle_closed.line", locale)
                .replace("%{place}", &(i + 1).to_string())
                .replace("%{title}", &r.title)
                .replace("%{count}", &r.approvals.to_string())
        })
        .collect();
    let leading = t("mail.cycle_closed.leading", locale);
    let full = t("mail.cycle_closed.full", locale);
    let (foot_text, foot_html) = footer(locale, &format!("{base}{follow_path}"));
    let text = format!(
        "{intro}\n\n{leading}\n{lines}\n\n{full}{c}{url}\n\n{foot_text}",
        c = colon(locale),
        lines = lines.join("\n"),
        url = item.url,
    );
    let items: String = lines
        .iter()
        .map(|l| format!("<li>{}</li>", escape(l)))
        .collect();
    let html = format!(
        "<p>{intro}</p><p>{leading}</p><ul>{items}</ul><p><a href=\"{url}\"><strong>{full}</strong></a></p>{foot_html}",
        intro = escape(&intro),
        leading = escape(&leading),
        url = escape(item.url),
        full = escape(&full),
    );
    Mail {
        kind: "cycle_closed",
        subject: t("mail.cycle_closed.subject", locale).replace("%{item}", item.title),
        text,
        html,
        unsubscribe: stop,
        message_id: message_id(public_url),
    }
}

/// A state change of an item she follows (建议已公开, 未公开, 已列为候选 …): one or two sentences
/// and the way to the page.
pub fn notice(public_url: &str, follow_path: &str, locale: Locale, notice: &Notice) -> Mail {
    let base = public_url.trim_end_matches('/');
    let stop = format!("{base}{follow_path}/stop");
    let code = notice.code();
    let (subject, lines) = words(notice, locale);
    let path = notice.path();
    let url = format!("{base}{path}");
    let page = t("mail.page", locale);
    let (foot_text, foot_html) = footer(locale, &format!("{base}{follow_path}"));
    let (comment_text, comment_html) =
        comment_invitation(notice, locale, &format!("{base}{follow_path}"));
    let text = format!(
        "{body}\n\n{page}{c}{url}\n\n{comment_text}{foot_text}",
        c = colon(locale),
        body = lines.join("\n")
    );
    let paragraphs: String = lines
        .iter()
        .map(|l| format!("<p>{}</p>", escape(l)))
        .collect();
    let html = format!(
        "{paragraphs}<p><a href=\"{url}\"><strong>{page}</strong></a></p>{comment_html}{foot_html}",
        url = escape(&url),
        page = escape(&page),
    );
    Mail {
        kind: code,
        subject,
        text,
        html,
        unsubscribe: stop,
        message_id: message_id(public_url),
    }
}

/// Under a reply's notice: the way to comment on it, while comments are taken (text, HTML).
/// `follow` is the follow's absolute address; the comment page is under it, signed.
fn comment_invitation(notice: &Notice, locale: Locale, follow: &str) -> (String, String) {
    let Notice::ReplyPosted { comments_until, .. } = notice else {
        return (String::new(), String::new());
    };
    if comments_until.is_empty() {
        return (String::new(), String::new());
    }
    let until = app::i18n::when::date_time_text(comments_until, locale);
    let words = t("mail.reply_posted.comment", locale).replace("%{until}", &until);
    let link = format!("{follow}/comment");
    (
        format!("{words}{c}{link}\n\n", c = colon(locale)),
        format!(
            "<p>{}<br><a href=\"{}\">{}</a></p>",
            escape(&words),
            escape(&link),
            escape(&t("follow.comment.title", locale))
        ),
    )
}

/// A notice's subject line and its sentences, in `locale`.
fn words(notice: &Notice, locale: Locale) -> (String, Vec<String>) {
    let code = notice.code();
    let fields = fields(notice, locale);
    let fill = |key: &str| {
        fields.iter().fold(
            t(&format!("mail.{code}.{key}"), locale),
            |words, (name, value)| words.replace(&format!("%{{{name}}}"), value),
        )
    };
    let mut lines = vec![fill("intro")];
    match notice {
        Notice::SuggestionNotPublished { .. } => {
            lines.push(fill("reason"));
            lines.push(fill("again"));
        }
        Notice::CandidateBecameTopic { .. } => lines.push(fill("follow")),
        _ => {}
    }
    (fill("subject"), lines)
}

/// A notice as a feed entry: its title and its summary, in `locale`.
pub fn headline(notice: &Notice, locale: Locale) -> (String, String) {
    let (subject, lines) = words(notice, locale);
    let sep = if locale == Locale::ZhCn { "" } else { " " };
    (subject, lines.join(sep))
}

/// The words a notice's message fills in, by placeholder name (`%{item}` …), in `locale`.
fn fields(notice: &Notice, locale: Locale) -> Vec<(&'static str, String)> {
    use app::i18n::when::{day_text, year_month};
    match notice {
        Notice::CycleClosed {
            title, closed_at, ..
        } => vec![
            ("item", title.clone()),
            ("when", app::i18n::when::date_time_text(closed_at, locale)),
        ],
        Notice::SuggestionPublished { title, .. } => vec![("item", title.clone())],
        Notice::SuggestionNotPublished {
            title,
            code,
            reason,
            ..
        } => {
            // The code's words (a sentence) in her language; the moderator's note after them.
            let words = app::i18n::message(&code.message_key(), locale);
            let reason = match reason.trim() {
                "" => words,
                note if locale == Locale::ZhCn => format!("{words}{note}"),
                note => format!("{words} {note}"),
            };
            vec![("item", title.clone()), ("reason", reason)]
        }
        Notice::SuggestionPromoted { title, cycle, .. } => {
            vec![("item", title.clone()), ("cycle", cycle.clone())]
        }
        Notice::CandidateBecameTopic {
            title, year, month, ..
        } => vec![
            ("item", title.clone()),
            ("month", year_month(*year, *month, locale)),
        ],
        Notice::TopicPublished {
            topic, year, month, ..
        } => vec![
            ("item", topic.clone()),
            ("month", year_month(*year, *month, locale)),
        ],
        Notice::TopicReport { topic, title, .. } | Notice::TopicPolicy { topic, title, .. } => {
            vec![("item", topic.clone()), ("title", title.clone())]
        }
        Notice::TopicLists { topic, .. } => vec![("item", topic.clone())],
        Notice::TaskOverdue {
            topic, title, due, ..
        } => vec![
            ("item", topic.clone()),
            ("title", title.clone()),
            ("due", day_text(due, locale)),
        ],
        Notice::ReplyDue {
            title,
            department,
            due,
            ..
        }
        | Notice::ReplyReopened {
            title,
            department,
            due,
            ..
        } => vec![
            ("item", title.clone()),
            ("department", department.clone()),
            ("due", day_text(due, locale)),
        ],
        Notice::ReplyPosted {
            title,
            department,
            decision,
            ..
        } => vec![
            ("item", title.clone()),
            ("department", department.clone()),
            (
                "decision",
                app::i18n::message(&decision.message_key(), locale),
            ),
        ],
    }
}

/// 答复提醒 to a department's office mailbox (in Chinese: the city's staff): which reply, by
/// when, how many working days are left or overdue, and the way to its desk. No unsubscribe
/// header: the department names or clears its mailbox on the desk, as the mail says.
pub fn reply_reminder(public_url: &str, reply: &Reply, reminder: Reminder) -> Mail {
    let locale = Locale::ZhCn;
    let base = public_url.trim_end_matches('/');
    let (kind, key, n) = match reminder {
        Reminder::DueSoon { days_left: 0 } => ("reply_due_soon", "due_today", 0),
        Reminder::DueSoon { days_left } => ("reply_due_soon", "due_soon", days_left),
        Reminder::Overdue { days_late } => ("reply_overdue", "overdue", days_late),
    };
    let fill = |part: &str| {
        t(&format!("mail.reply_remind.{key}.{part}"), locale)
            .replace("%{item}", &reply.title)
            .replace("%{department}", &reply.department)
            .replace(
                "%{due}",
                &app::i18n::when::day_text(reply.judged_on(), locale),
            )
            .replace("%{n}", &n.to_string())
    };
    let desk = format!("{base}/staff/replies#reply-{}", reply.id);
    let public = format!("{base}{}", app::paths::reply(reply.id));
    let (intro, desk_words, public_words, why) = (
        fill("intro"),
        t("mail.reply_remind.desk", locale),
        t("mail.reply_remind.public", locale),
        t("mail.reply_remind.why", locale),
    );
    let c = colon(locale);
    let text = format!("{intro}\n\n{desk_words}{c}{desk}\n{public_words}{c}{public}\n\n{why}\n");
    let html = format!(
        "<p>{}</p><p><a href=\"{}\"><strong>{}</strong></a><br><a href=\"{}\">{}</a></p><p style=\"color:#555\">{}</p>",
        escape(&intro),
        escape(&desk),
        escape(&desk_words),
        escape(&public),
        escape(&public_words),
        escape(&why),
    );
    Mail {
        kind,
        subject: fill("subject"),
        text,
        html,
        unsubscribe: String::new(),
        message_id: message_id(public_url),
    }
}
