//! What every request shares: the read pool, the pipeline (loaded at the first extraction),
//! the ingest writer when ingest is allowed, and the limits.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex, OnceLock};

use chronicle_nlp::Pipeline;
use chronicle_store::{Store, StoreSink};
use tokio::sync::Semaphore;

use crate::Config;
use crate::pool::Pool;

/// The server's shared state.
///
/// Exists so that resources load once and are shared by every request: the pipeline's
/// dictionaries are large, and SQLite connections are worth reusing.
pub struct AppState {
    pub(crate) pool: Arc<Pool>,
    pipeline: OnceLock<Pipeline>,
    /// Extractions running at once (each takes a core while it runs).
    pub(crate) extract_permits: Semaphore,
    pub(crate) ingest: Option<Ingest>,
    max_body: usize,
    /// Where the server listens, when it is a loopback address: requests must then name a
    /// loopback host.
    loopback: bool,
}

/// Ingest over HTTP: the token it requires and the one writer.
pub(crate) struct Ingest {
    pub(crate) token: String,
    pub(crate) writer: Mutex<StoreSink>,
}

impl AppState {
    /// Opens the database for `config`: the read pool, and the writer when ingest is allowed.
    pub fn open(config: &Config) -> anyhow::Result<AppState> {
        let pool = Pool::open(&config.db, config.readers)?;
        let ingest = match &config.ingest_token {
            Some(token) => {
                anyhow::ensure!(
                    token.len() >= 16,
                    "the ingest token must be at least 16 characters"
                );
                let sink = Store::open(&config.db)?.into_sink()?;
                Some(Ingest {
                    token: token.clone(),
                    writer: Mutex::new(sink),
                })
            }
            None => None,
        };
        Ok(AppState {
            pool: Arc::new(pool),
            pipeline: OnceLock::new(),
            extract_permits: Semaphore::new(
                std::thread::available_parallelism().map_or(2, |n| n.get()),
            ),
            ingest,
            max_body: config.max_body,
            loopback: is_loopback(config.addr),
        })
    }

    /// The standard pipeline, loaded on first use (most sessions never extract).
    pub(crate) fn pipeline(&self) -> &Pipeline {
        self.pipeline.get_or_init(Pipeline::standard)
    }

    /// Largest request body, in bytes.
    pub(crate) fn max_body(&self) -> usize {
        self.max_body
    }

    /// Whether requests must name a loopback host.
    pub(crate) fn loopback(&self) -> bool {
        self.loopback
    }
}

fn is_loopback(addr: SocketAddr) -> bool {
    addr.ip().is_loopback()
}
