//! Starting the portal: the demo dataset on an empty database, the vote and chart services, the
//! router, and the accept loop until a shutdown signal.

use crate::config::ServeArgs;
use crate::error::ServerError;
use crate::store::Store;
use crate::{charts, demo, follow, http, listen, mail, vote};
use leptos::prelude::LeptosOptions;
use std::future::Future;
use tokio::net::TcpListener;

/// Listens on `args.addr` until Ctrl-C or SIGTERM.
pub(crate) async fn bind_and_serve(store: Store, args: ServeArgs) -> Result<(), ServerError> {
    let listener = TcpListener::bind(args.addr)
        .await
        .map_err(|source| ServerError::Bind {
            addr: args.addr,
            source,
        })?;
    serve(store, args, listener, shutdown_signal()).await
}

/// Serves the database at `database_url` on a listener the caller has bound, until `shutdown`
/// resolves; then closes the database. The tests start their servers this way, each on its own
/// runtime, and learn the port from the listener rather than from the log.
pub async fn serve_database(
    database_url: &str,
    args: ServeArgs,
    listener: std::net::TcpListener,
    shutdown: impl Future<Output = ()>,
) -> Result<(), ServerError> {
    crate::config::ensure_sqlite_dir(database_url).map_err(ServerError::DataDir)?;
    listener.set_nonblocking(true).map_err(ServerError::Serve)?;
    let listener = TcpListener::from_std(listener).map_err(ServerError::Serve)?;
    let store = Store::open(database_url).await?;
    let served = serve(store.clone(), args, listener, shutdown).await;
    store.close().await;
    served
}

async fn serve(
    store: Store,
    args: ServeArgs,
    listener: TcpListener,
    shutdown: impl Future<Output = ()>,
) -> Result<(), ServerError> {
    if !args.no_demo && store.is_empty().await? {
        // Instances started together on an empty database: one loads, the others wait for it
        // and then find the data there.
        let job = store.job_lock("first-start demo load").await?;
        if store.is_empty().await? {
            tracing::info!("empty database: loading the demo dataset");
            load_demo(&store, None, args.demo_hotline_per_day).await?;
        }
        job.release().await;
    }
    app::cookies::serve_over_https(args.public_url.starts_with("https://"));
    let leptos_options = LeptosOptions::builder()
        .output_name("dianca")
        .site_root(args.site_root.as_str())
        .site_pkg_dir("pkg")
        .site_addr(args.addr)
        .env(leptos::config::Env::PROD)
        .build();
    let vote = vote::VoteService::start(store.clone(), args.vote_config()).await?;
    let fonts = charts::raster::Fonts::load(args.cjk_font.as_deref());
    let charts = charts::ChartService::new(
        store.clone(),
        fonts.clone(),
        args.public_url.clone(),
        args.charts.limits(),
    );
    charts::warm::spawn(
        charts.clone(),
        std::time::Duration::from_secs(args.charts.chart_redraw_secs),
    );
    let letters = mail::letters::Letters::start(&store, args.public_url.clone()).await?;
    let teller = follow::teller::Teller::new(store.clone(), letters.clone());
    let follows = std::sync::Arc::new(follow::FollowService::new(store.clone(), letters));
    mail::sender::spawn(store.clone(), &args.mail)?;
    follow::teller::spawn_teller(teller);
    let app = http::router(http::AppState {
        leptos_options,
        store,
        charts,
        fonts,
        public_url: args.public_url.clone(),
        vote,
        follows,
    });
    // Tests and scripts read this line to learn the port when they ask for port 0.
    let local = listener.local_addr().map_err(ServerError::Serve)?;
    tracing::info!(addr = %local, "listening on http://{local}");
    listen::serve(listener, app, args.connections.limits(), shutdown).await;
    tracing::info!("shut down cleanly");
    Ok(())
}

/// Ctrl-C or SIGTERM: stop accepting, finish in-flight requests, close the database.
/// The handlers are installed here, before the server says it is listening — not when the
/// future is first polled, which under load came after a test's SIGTERM, and the default
/// action killed the process (seen in CI).
fn shutdown_signal() -> impl std::future::Future<Output = ()> {
    #[cfg(unix)]
    let signals = {
        use tokio::signal::unix::{signal, SignalKind};
        let install = |kind: SignalKind, name: &'static str| match signal(kind) {
            Ok(stream) => Some(stream),
            Err(err) => {
                tracing::error!(error = %err, signal = name, "cannot listen for the signal");
                None
            }
        };
        (
            install(SignalKind::interrupt(), "SIGINT"),
            install(SignalKind::terminate(), "SIGTERM"),
        )
    };
    async move {
        #[cfg(unix)]
        {
            let (interrupt, terminate) = signals;
            let wait = |stream: Option<tokio::signal::unix::Signal>| async move {
                match stream {
                    Some(mut stream) => {
                        stream.recv().await;
                    }
                    None => std::future::pending::<()>().await,
                }
            };
            tokio::select! {
                () = wait(interrupt) => {},
                () = wait(terminate) => {},
            }
        }
        #[cfg(not(unix))]
        if let Err(err) = tokio::signal::ctrl_c().await {
            tracing::error!(error = %err, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
        tracing::info!("shutdown signal received");
    }
}

/// Replaces the database content with the demo dataset (the `demo-load` subcommand, and `serve`
/// on an empty database).
pub(crate) async fn load_demo(
    store: &Store,
    facts: Option<std::path::PathBuf>,
    hotline_per_day: u64,
) -> Result<(), ServerError> {
    let text = match &facts {
        Some(path) => std::fs::read_to_string(path).map_err(|source| ServerError::Facts {
            path: path.display().to_string(),
            source,
        })?,
        None => demo::facts::BUNDLED.to_string(),
    };
    let data = demo::build(&text)?;
    store.replace_dataset(&data).await?;
    let now = jiff::Timestamp::now().as_second();
    let hotline = demo::hotline::load(
        store,
        (now + 8 * 3600).div_euclid(86_400) as i32 - 1,
        hotline_per_day,
        demo::topic_effects(&data),
    )
    .await?;
    match hotline {
        demo::hotline::Loaded::Imported { records, cells } => {
            tracing::info!(
                records,
                cells,
                "demo hotline records generated and imported"
            )
        }
        other => tracing::info!(?other, "demo hotline data"),
    }
    let cycles = demo::cycles::ensure(store, now).await?;
    tracing::info!(
        years = data.years.len(),
        problems = data.problems.len(),
        policies = data.policies.len(),
        sample_cycles_added = cycles,
        "demo dataset loaded"
    );
    Ok(())
}
