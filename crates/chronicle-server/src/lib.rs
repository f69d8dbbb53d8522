//! # chronicle-server
//!
//! `chronicle serve`: an HTTP JSON API over a Chronicle database and a web page to explore its
//! events, both served by one process with nothing to build or download.
//!
//! - [`router`]: the routes. `/api/events`, `/api/articles/{id}`, `/api/actors`,
//!   `/api/network`, `/api/timeline`, `/api/quotes`, `/api/search`, `/api/stats` read the store
//!   (and `/api/codes` names the CAMEO codes)
//!   through `chronicle-store`'s query functions; `POST /api/extract` runs the pipeline on one
//!   article and stores nothing; `POST /api/ingest` stores one article, only when the server
//!   was started with ingest allowed and the request carries the bearer token;
//!   `/api/openapi.json` describes all of it.
//! - The page (`/`): plain HTML, CSS and JavaScript embedded in the binary
//!   (`assets/`), no CDN, no framework: it works without network access.
//!
//! Safe by default: [`Config::default`] binds loopback; request bodies and page sizes are
//! bounded; every query is fixed SQL with parameters (the store's rule); a loopback server
//! refuses requests whose `Host` is not a loopback name (DNS rebinding); errors are JSON with
//! a status code; SIGTERM and Ctrl-C stop the server after the requests in flight finish.
//!
//! SQLite work runs on tokio's blocking threads over a small pool of read-only connections
//! ([`pool`]), so a slow query never stalls the event loop.

pub mod error;
mod guard;
mod handlers;
pub mod params;
pub mod pool;
mod rows;
mod state;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Context;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use tokio::net::TcpListener;

pub use error::ApiError;
pub use state::AppState;

/// What `chronicle serve` is told on its command line.
///
/// Exists so that the binary only parses arguments and this crate owns every decision about
/// how the server runs.
#[derive(Debug, Clone)]
pub struct Config {
    /// The database to serve (it must exist: `chronicle ingest` makes it).
    pub db: PathBuf,
    /// Where to listen; port 0 picks a free port (tests), and the chosen address is printed.
    pub addr: SocketAddr,
    /// The bearer token that `POST /api/ingest` requires; `None` turns ingest over HTTP off.
    pub ingest_token: Option<String>,
    /// Largest request body accepted, in bytes.
    pub max_body: usize,
    /// Read connections to the database (and SQLite queries running at once).
    pub readers: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            db: PathBuf::from("chronicle.db"),
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            ingest_token: None,
            max_body: 2 * 1024 * 1024,
            readers: 4,
        }
    }
}

/// Every route of the server: the API, its OpenAPI document, and the page's assets.
///
/// Exists apart from [`serve`] so that tests drive the routes in-process, without a socket.
pub fn router(state: AppState) -> Router {
    let max_body = state.max_body();
    let api = Router::new()
        .route("/api/events", get(handlers::events))
        // `{*id}`: ids may hold slashes (`bbc/business/001`).
        .route("/api/articles/{*id}", get(handlers::article))
        .route("/api/actors", get(handlers::actors))
        .route("/api/network", get(handlers::network))
        .route("/api/timeline", get(handlers::timeline))
        .route("/api/quotes", get(handlers::quotes))
        .route("/api/search", get(handlers::search))
        .route("/api/stats", get(handlers::stats))
        .route("/api/latest", get(handlers::latest))
        .route("/api/codes", get(handlers::codes))
        .route("/api/extract", post(handlers::extract))
        .route("/api/ingest", post(handlers::ingest))
        .route("/api/openapi.json", get(handlers::openapi))
        .route("/api/{*rest}", axum::routing::any(handlers::no_route));
    let shared = Arc::new(state);
    Router::new()
        .route("/", get(handlers::index))
        .route("/assets/{name}", get(handlers::asset))
        .merge(api)
        .fallback(handlers::not_found)
        .method_not_allowed_fallback(handlers::wrong_method)
        .layer(DefaultBodyLimit::max(max_body))
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&shared),
            guard::check_host,
        ))
        .layer(axum::middleware::map_response(guard::security_headers))
        .with_state(shared)
}

/// Serves `config.db` until SIGTERM or Ctrl-C, on a tokio runtime of its own.
///
/// Exists so that the binary needs no async runtime of its own: it calls this and waits.
pub fn serve_blocking(config: Config) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("chronicle-serve")
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(serve(config))
}

/// Opens the database, binds `config.addr`, prints the address and serves until a shutdown
/// signal; requests in flight finish first.
pub async fn serve(config: Config) -> anyhow::Result<()> {
    let state = AppState::open(&config)?;
    let listener = TcpListener::bind(config.addr)
        .await
        .with_context(|| format!("cannot listen on {}", config.addr))?;
    let local = listener.local_addr()?;
    eprintln!(
        "chronicle: serving {} on http://{local}/ (ingest over HTTP {}); stop with Ctrl-C or SIGTERM",
        config.db.display(),
        if config.ingest_token.is_some() {
            "on, bearer token required"
        } else {
            "off"
        }
    );
    axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown_signal())
        .await
        .context("server error")?;
    eprintln!("chronicle: serve: stopped");
    Ok(())
}

/// Resolves at the first SIGTERM or Ctrl-C (SIGINT).
async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}

/// A fresh random bearer token (32 hex digits from the operating system's generator).
///
/// Exists so that `--allow-ingest` without a token of the user's own still gets a secret one,
/// printed once at start, rather than an open door.
pub fn new_token() -> std::io::Result<String> {
    use std::io::Read;
    let mut bytes = [0u8; 16];
    std::fs::File::open("/dev/urandom")?.read_exact(&mut bytes)?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}
