//! 点菜 server as a library: configuration, storage, HTTP, and the subcommands. `main.rs` only
//! reads the command line and sets up logging; the integration tests start the same server in
//! their own process (`serve_database`), so a test pays for a request, not for a process.

// Words only the server says; app/locales holds everything a page shows.
rust_i18n::i18n!("locales", fallback = "zh-CN");

mod body_deadline;
mod charts;
mod commands;
mod config;
mod demo;
mod error;
mod events;
mod evidence;
mod follow;
mod hotline;
mod hotline_cli;
mod http;
#[cfg(test)]
mod layering;
mod list_paste;
mod listen;
mod mail;
mod page_cache;
mod portal;
mod richtext;
mod staff;
mod start;
mod store;
mod vote;

pub use commands::{add_staff_to, run};
pub use config::{Cli, Command, LogFormat, ServeArgs, StaffAddArgs};
pub use error::ServerError;
pub use http::server_fn_paths;
pub use start::serve_database;
