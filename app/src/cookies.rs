//! 浏览器 cookie: the one place that names, writes and finds every cookie the portal sets (the
//! staff session, the device token, sealed ballot receipts, the reader's language). When the
//! portal's public address is https, each is `Secure` and carries the `__Host-` prefix, so no
//! plain-http page or sibling subdomain can set or overwrite it; every one is `HttpOnly` (no
//! script reads any) and `SameSite=Lax`. Over plain http (a laptop, the test suites) the plain
//! names are used, as browsers refuse `Secure` cookies there.

use std::sync::OnceLock;

static HTTPS: OnceLock<bool> = OnceLock::new();

/// Called once at start-up with whether readers reach the portal over https (later calls
/// change nothing: one process, one policy).
pub fn serve_over_https(https: bool) {
    let _ = HTTPS.set(https);
}

/// Whether cookies are `Secure` (and the portal sends HSTS).
pub fn https() -> bool {
    HTTPS.get().copied().unwrap_or(false)
}

/// The name a cookie goes by on the wire: `base`, prefixed with `__Host-` over https.
pub fn wire_name(base: &str) -> String {
    if https() {
        format!("__Host-{base}")
    } else {
        base.to_string()
    }
}

/// A `Set-Cookie` value for `base` (path `/`, the whole site). `max_age` 0 deletes it.
pub fn set(base: &str, value: &str, max_age: i64) -> String {
    let secure = if https() { "; Secure" } else { "" };
    format!(
        "{}={value}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Lax{secure}",
        wire_name(base)
    )
}

/// The value of cookie `base` in `Cookie` header values, if set and not empty.
pub fn find<'a>(headers: impl IntoIterator<Item = &'a str>, base: &str) -> Option<String> {
    let name = wire_name(base);
    pairs(headers)
        .find(|(k, v)| *k == name && !v.is_empty())
        .map(|(_, v)| v.to_string())
}

/// Every cookie whose base name starts with `prefix`: `(rest of the name, value)`, at most 16.
pub fn with_prefix<'a>(
    headers: impl IntoIterator<Item = &'a str>,
    prefix: &str,
) -> Vec<(String, String)> {
    let prefix = wire_name(prefix);
    pairs(headers)
        .filter_map(|(k, v)| {
            let rest = k.strip_prefix(prefix.as_str())?;
            (!v.is_empty()).then(|| (rest.to_string(), v.to_string()))
        })
        .take(16)
        .collect()
}

fn pairs<'a>(
    headers: impl IntoIterator<Item = &'a str>,
) -> impl Iterator<Item = (&'a str, &'a str)> {
    headers
        .into_iter()
        .flat_map(|h| h.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
}

#[cfg(test)]
mod tests {
    use super::*;

    // The policy is process-wide and set once; these tests run with the default (plain http).
    #[test]
    fn over_http_names_are_plain_and_cookies_are_not_secure() {
        assert_eq!(wire_name("lang"), "lang");
        let cookie = set("dianca_session", "abc", 60);
        assert_eq!(
            cookie,
            "dianca_session=abc; Path=/; Max-Age=60; HttpOnly; SameSite=Lax"
        );
    }

    #[test]
    fn finds_a_cookie_by_its_exact_name_and_by_prefix() {
        let headers = [
            "lang=en; dianca_ballot_2027-annual=s1",
            "dianca_session=t; empty=",
        ];
        assert_eq!(find(headers, "dianca_session").as_deref(), Some("t"));
        assert_eq!(find(headers, "session"), None);
        assert_eq!(find(headers, "empty"), None);
        assert_eq!(
            with_prefix(headers, "dianca_ballot_"),
            vec![("2027-annual".to_string(), "s1".to_string())]
        );
    }
}
