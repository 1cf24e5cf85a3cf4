//! The one error every subcommand ends in; `main` logs it and exits non-zero.

use crate::{demo, store};

#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error("cannot create the database folder: {0}")]
    DataDir(std::io::Error),
    #[error(transparent)]
    Store(#[from] store::StoreError),
    #[error(transparent)]
    Demo(#[from] demo::DemoError),
    #[error("cannot read the facts file {path}: {source}")]
    Facts {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: std::net::SocketAddr,
        source: std::io::Error,
    },
    #[error("{0}")]
    Staff(String),
    #[error("server error: {0}")]
    Serve(std::io::Error),
    #[error(transparent)]
    Mail(#[from] crate::mail::sender::MailError),
    #[error("{0}")]
    Hotline(String),
}
