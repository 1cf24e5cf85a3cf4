//! A short standalone page for an answer the app does not render (a refused cross-site form,
//! an overlong address, a paper-code request that cannot be met): a heading, a sentence and
//! the way home, in the reader's language, from the locale files like every other word.

use super::reader::{escape, message};
use app::i18n::Locale;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

/// The page for `notice.<what>.title` / `notice.<what>.body`, answered with `status`.
pub(super) fn page(status: StatusCode, what: &str, locale: Locale) -> Response {
    let t = |key: &str| escape(&message(key, locale));
    let html = format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"robots\" content=\"noindex\">\
<title>{title} · {site}</title><link rel=\"stylesheet\" href=\"/pkg/dianca.css\"></head>\
<body><main class=\"wrap\"><section class=\"notice\"><h1>{title}</h1><p>{body}</p>\
<p><a class=\"button\" href=\"/\">{home}</a></p></section></main></body></html>",
        lang = locale.tag(),
        title = t(&format!("notice.{what}.title")),
        body = t(&format!("notice.{what}.body")),
        site = escape(&app::i18n::message("site.name", locale)),
        home = t("notice.home"),
    );
    (status, Html(html)).into_response()
}

/// Every notice, so a test can check each has words in both languages.
#[cfg(test)]
pub(super) const ALL: [&str; 6] = [
    "cross_site",
    "too_long",
    "sign_in",
    "forbidden",
    "codes_invalid",
    "codes_no_cycle",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_notice_has_words_in_both_languages() {
        for locale in [Locale::ZhCn, Locale::En] {
            for what in ALL {
                for part in ["title", "body"] {
                    let key = format!("notice.{what}.{part}");
                    assert_ne!(message(&key, locale), key, "{key} in {locale:?}");
                }
            }
            assert_ne!(message("notice.home", locale), "notice.home");
        }
        // English is not the Chinese fallback.
        let key = "notice.too_long.title";
        assert_ne!(message(key, Locale::En), message(key, Locale::ZhCn));
    }
}
