// sqlx::migrate! embeds the migrations at compile time without telling cargo (on stable):
// a new migration file must rebuild the server. rust_i18n reads server/locales the same way.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
    println!("cargo:rerun-if-changed=migrations_pg");
    println!("cargo:rerun-if-changed=locales");
}
