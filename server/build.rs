// sqlx::migrate! embeds the migrations at compile time without telling cargo (on stable):
// a new migration file must rebuild the server.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
    println!("cargo:rerun-if-changed=migrations_pg");
}
