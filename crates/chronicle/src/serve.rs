//! `chronicle serve`: the HTTP API and the web page over a database. Argument parsing and
//! wiring only: the server lives in `chronicle-server`.

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Args;

use crate::report::Outcome;

/// The environment variable that holds the bearer token for `POST /api/ingest`.
const TOKEN_VAR: &str = "CHRONICLE_INGEST_TOKEN";

/// Options of `chronicle serve`.
#[derive(Args)]
pub struct ServeArgs {
    /// The database file (made by `chronicle ingest`).
    #[arg(long, default_value = "chronicle.db")]
    pub db: PathBuf,
    /// Address to listen on; port 0 picks a free port. Loopback by default: give another
    /// address only on a network you trust.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Accept `POST /api/ingest` with `Authorization: Bearer <token>`; the token is read from
    /// CHRONICLE_INGEST_TOKEN, or made up and printed once when that is unset.
    #[arg(long)]
    pub allow_ingest: bool,
    /// Largest request body, in KiB.
    #[arg(long, default_value_t = 2048, value_parser = clap::value_parser!(u32).range(1..=65536))]
    pub max_body_kib: u32,
    /// Database connections for queries (queries running at once).
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=64))]
    pub readers: u16,
}

/// Runs the server until SIGTERM or Ctrl-C.
pub fn run(args: &ServeArgs) -> Result<Outcome> {
    let ingest_token = if args.allow_ingest {
        Some(match std::env::var(TOKEN_VAR) {
            Ok(token) if !token.is_empty() => token,
            _ => {
                let token = chronicle_server::new_token().context("cannot make a token")?;
                eprintln!("chronicle: ingest token (set {TOKEN_VAR} to choose one): {token}");
                token
            }
        })
    } else {
        None
    };
    let config = chronicle_server::Config {
        db: args.db.clone(),
        addr: args.addr,
        ingest_token,
        max_body: args.max_body_kib as usize * 1024,
        readers: usize::from(args.readers),
    };
    chronicle_server::serve_blocking(config)?;
    Ok(Outcome::default())
}
