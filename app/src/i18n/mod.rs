//! Locale choice (语言). Strings live in `app/locales/*.yml` and are compiled in by `rust-i18n`;
//! the locale is per request (cookie, then `Accept-Language`), never a process-wide global.

#[cfg(test)]
mod island_words;
pub mod when;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The languages the portal speaks. Chinese first: most residents read it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Locale {
    #[default]
    ZhCn,
    En,
}

/// The cookie that remembers the reader's choice for a year.
pub const LOCALE_COOKIE: &str = "lang";

impl Locale {
    /// BCP 47 tag, used for `<html lang>`, the cookie and the locale files.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::ZhCn => "zh-CN",
            Locale::En => "en",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Self> {
        match tag.trim().to_ascii_lowercase().as_str() {
            "zh-cn" | "zh" | "zh-hans" => Some(Locale::ZhCn),
            "en" => Some(Locale::En),
            _ => None,
        }
    }

    /// The other language, offered by the switch.
    pub fn other(self) -> Self {
        match self {
            Locale::ZhCn => Locale::En,
            Locale::En => Locale::ZhCn,
        }
    }

    /// The name of the language in itself, so a reader finds their own language.
    pub fn endonym(self) -> &'static str {
        match self {
            Locale::ZhCn => "中文",
            Locale::En => "English",
        }
    }

    /// Picks the locale from a `Cookie` header value and an `Accept-Language` value.
    pub fn negotiate(cookie_header: Option<&str>, accept_language: Option<&str>) -> Self {
        let from_cookie = cookie_header
            .and_then(|header| crate::cookies::find([header], LOCALE_COOKIE))
            .and_then(|tag| Locale::from_tag(&tag));
        from_cookie
            .or_else(|| {
                accept_language.and_then(|header| {
                    header.split(',').find_map(|range| {
                        let tag = range.split(';').next()?.trim().to_ascii_lowercase();
                        if tag.starts_with("zh") {
                            Some(Locale::ZhCn)
                        } else if tag.starts_with("en") {
                            Some(Locale::En)
                        } else {
                            None
                        }
                    })
                })
            })
            .unwrap_or_default()
    }
}

/// A message in a given locale, for server code outside a page (API errors).
pub fn message(key: &str, locale: Locale) -> String {
    rust_i18n::t!(key, locale = locale.tag()).into_owned()
}

/// The locale of the current render, provided by the shell.
pub fn use_locale() -> Locale {
    use_context::<Locale>().unwrap_or_default()
}

/// A month's name in the reader's language ("11月" / "November"), for views.
pub fn month_name(month: impl Into<u8>) -> String {
    when::month_name(month.into(), use_locale())
}

/// Translates a key in the current locale: `tr!("home.title")`, `tr!("year.count", n = 13)`.
#[macro_export]
macro_rules! tr {
    ($key:expr) => {
        rust_i18n::t!($key, locale = $crate::i18n::use_locale().tag()).into_owned()
    };
    ($key:expr, $($name:ident = $value:expr),+ $(,)?) => {
        rust_i18n::t!($key, locale = $crate::i18n::use_locale().tag(), $($name = $value),+).into_owned()
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookie_wins_over_accept_language() {
        assert_eq!(
            Locale::negotiate(Some("a=b; lang=en"), Some("zh-CN,zh;q=0.9")),
            Locale::En
        );
    }

    #[test]
    fn accept_language_is_used_without_cookie() {
        assert_eq!(Locale::negotiate(None, Some("en-US,en;q=0.9")), Locale::En);
        assert_eq!(
            Locale::negotiate(None, Some("fr-FR, zh;q=0.5")),
            Locale::ZhCn
        );
    }

    #[test]
    fn chinese_is_the_default() {
        assert_eq!(Locale::negotiate(Some("lang=xx"), None), Locale::ZhCn);
        assert_eq!(Locale::negotiate(None, None), Locale::ZhCn);
    }

    fn keys(prefix: &str, value: &serde_yaml::Value, out: &mut Vec<String>) {
        match value {
            serde_yaml::Value::Mapping(map) => {
                for (k, v) in map {
                    let k = k.as_str().unwrap_or_default();
                    let key = if prefix.is_empty() {
                        k.to_string()
                    } else {
                        format!("{prefix}.{k}")
                    };
                    keys(&key, v, out);
                }
            }
            _ => out.push(prefix.to_string()),
        }
    }

    fn locale_keys(file: &str) -> Vec<String> {
        let path = format!("{}/locales/{file}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).expect("locale file readable");
        let value: serde_yaml::Value = serde_yaml::from_str(&text).expect("locale file is YAML");
        let mut out = Vec::new();
        keys("", &value, &mut out);
        out.sort();
        out
    }

    #[test]
    fn both_locales_have_the_same_keys() {
        let zh = locale_keys("zh-CN.yml");
        let en = locale_keys("en.yml");
        let missing_in_en: Vec<_> = zh.iter().filter(|k| !en.contains(k)).collect();
        let missing_in_zh: Vec<_> = en.iter().filter(|k| !zh.contains(k)).collect();
        assert!(missing_in_en.is_empty(), "missing in en: {missing_in_en:?}");
        assert!(
            missing_in_zh.is_empty(),
            "missing in zh-CN: {missing_in_zh:?}"
        );
        assert!(zh.len() > 20);
    }

    #[test]
    fn every_outcome_code_and_ballot_reason_has_words_in_both_languages() {
        use crate::model::outcome::{Done, Refusal};
        let keys: Vec<String> = Refusal::all()
            .into_iter()
            .map(Refusal::message_key)
            .chain(Done::ALL.iter().map(|d| d.message_key()))
            .chain(
                crate::model::BallotReason::ALL
                    .iter()
                    .map(|r| r.message_key()),
            )
            .chain(
                crate::model::SuggestRefusal::ALL
                    .iter()
                    .map(|r| r.message_key()),
            )
            .collect();
        for file in ["zh-CN.yml", "en.yml"] {
            let have = locale_keys(file);
            let missing: Vec<_> = keys.iter().filter(|k| !have.contains(k)).collect();
            assert!(missing.is_empty(), "{file} has no words for {missing:?}");
        }
    }

    #[test]
    fn translation_uses_the_requested_locale() {
        assert_eq!(rust_i18n::t!("nav.home", locale = "zh-CN"), "首页");
        assert_eq!(rust_i18n::t!("nav.home", locale = "en"), "Home");
    }
}
