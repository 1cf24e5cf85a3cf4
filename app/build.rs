//! The locale files are read by the `rust_i18n::i18n!` macro at compile time, which does not tell
//! cargo about them: without this, editing `locales/*.yml` alone leaves the old words in a
//! built binary (a test saw the key `chart.limited` instead of its words).
fn main() {
    println!("cargo:rerun-if-changed=locales");
}
