//! The store's commands: `ingest` fills the database; `events`, `search`, `timeline`,
//! `quotes` and `stats` ask it questions; `export` writes it out. Argument parsing and wiring
//! only: the work lives in `chronicle-store`.

mod annotated;
mod export;
mod ingest;
mod progress;
mod queries;

use std::io::{self, Write};
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::{Args, Subcommand};

use chronicle_store::{Format, Store, Table};

use crate::report::Outcome;

/// The store's subcommands, flattened into the top-level command.
#[derive(Subcommand)]
pub enum StoreCommand {
    /// Extract every article and store it in the database, skipping what is already stored.
    Ingest(ingest::IngestArgs),
    /// List events by actor, target, date and CAMEO code (prefix matches).
    Events(queries::EventsArgs),
    /// Full-text search over titles and bodies, with a snippet around each hit.
    Search(queries::SearchArgs),
    /// Event counts by week, month or year and quad class.
    Timeline(queries::TimelineArgs),
    /// Quotations by speaker name or actor code.
    Quotes(queries::QuotesArgs),
    /// What the database holds.
    Stats(queries::StatsArgs),
    /// Write the database out as GDELT event rows, GKG rows, JSON lines or Parquet.
    Export(export::ExportArgs),
}

/// Runs a store command.
pub fn run(command: &StoreCommand) -> Result<Outcome> {
    match command {
        StoreCommand::Ingest(args) => ingest::run(args),
        StoreCommand::Events(args) => queries::events(args),
        StoreCommand::Search(args) => queries::search(args),
        StoreCommand::Timeline(args) => queries::timeline(args),
        StoreCommand::Quotes(args) => queries::quotes(args),
        StoreCommand::Stats(args) => queries::stats(args),
        StoreCommand::Export(args) => export::run(args),
    }
}

/// The database file every store command reads or writes.
#[derive(Args)]
pub struct DbArg {
    /// The database file.
    #[arg(long, default_value = "chronicle.db")]
    pub db: PathBuf,
}

impl DbArg {
    /// Opens the existing database for a query or an export.
    fn open(&self) -> Result<Store> {
        Ok(Store::open_existing(&self.db)?)
    }
}

/// How a query's answer is printed.
#[derive(Args)]
pub struct OutputArgs {
    /// table (aligned, for people), jsonl or csv.
    #[arg(long, default_value = "table")]
    pub format: Format,
    /// Most rows printed.
    #[arg(long, default_value_t = 1000)]
    pub limit: usize,
}

/// Prints `table` on standard output; a closed pipe (`| head`) ends quietly.
fn print(table: &Table, format: Format) -> Result<Outcome> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    let result = chronicle_store::render::write(table, format, &mut out).and_then(|()| out.flush());
    quiet_pipe(result)?;
    Ok(Outcome::default())
}

/// A closed output pipe is the reader's choice, not an error.
fn quiet_pipe(result: io::Result<()>) -> Result<()> {
    match result {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("cannot write to standard output"),
    }
}

/// A `YYYY-MM-DD` argument.
fn parse_day(s: &str) -> Result<jiff::civil::Date, String> {
    s.parse().map_err(|e| format!("expected YYYY-MM-DD: {e}"))
}
