//! `chronicle export`: the database as GDELT 2.0 event rows, GKG 2.1 rows, the contract's JSON
//! lines, or a Parquet file.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use clap::{Args, ValueEnum};

use chronicle_store::export::{self, parquet::ParquetTable};

use super::{DbArg, quiet_pipe};
use crate::report::Outcome;

/// The formats `export` writes.
#[derive(Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    /// GDELT 2.0 event table: 61 tab-separated columns, one row per event.
    GdeltEvents,
    /// GDELT 2.0 mentions table: 16 tab-separated columns, one row per sentence reporting an
    /// event.
    GdeltMentions,
    /// GKG 2.1: 27 tab-separated columns, one row per article.
    Gkg,
    /// The `chronicle extract` JSON line of every article.
    Jsonl,
    /// Apache Parquet (needs --output): the table chosen by --table, typed columns.
    Parquet,
}

/// The tables a Parquet file can hold.
#[derive(Clone, Copy, ValueEnum)]
pub enum TableArg {
    /// One row per merged event, with its counts.
    Events,
    /// One row per article: metadata and body.
    Articles,
    /// One row per event mention: event, article, sentence, words.
    Mentions,
    /// One row per quotation with its speaker.
    Quotes,
    /// One row per entity mention with its actor code.
    Entities,
    /// One row per place mention with its country and point.
    Places,
}

impl From<TableArg> for ParquetTable {
    fn from(t: TableArg) -> Self {
        match t {
            TableArg::Events => ParquetTable::Events,
            TableArg::Articles => ParquetTable::Articles,
            TableArg::Mentions => ParquetTable::Mentions,
            TableArg::Quotes => ParquetTable::Quotes,
            TableArg::Entities => ParquetTable::Entities,
            TableArg::Places => ParquetTable::Places,
        }
    }
}

/// Options of `chronicle export`.
#[derive(Args)]
pub struct ExportArgs {
    #[arg(long, value_enum)]
    format: ExportFormat,
    /// Which events a GDELT export (events or mentions) holds, as `chronicle events` selects
    /// them.
    #[command(flatten)]
    filter: super::queries::FilterArgs,
    /// gdelt-events, gdelt-mentions, gkg (every TSV format): a first line with GDELT's column
    /// names.
    #[arg(long)]
    header: bool,
    /// gdelt-events: append DatePrecision and the names of the codes after GDELT's 61 columns
    /// (docs/schema.md).
    #[arg(long)]
    extras: bool,
    /// Which table a Parquet file holds.
    #[arg(long, value_enum, default_value = "events")]
    table: TableArg,
    /// Write here instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
    #[command(flatten)]
    db: DbArg,
}

/// Runs the export; the count of rows goes to standard error.
pub fn run(args: &ExportArgs) -> Result<Outcome> {
    let store = args.db.open()?;
    let conn = store.conn();
    if let ExportFormat::Parquet = args.format {
        let Some(path) = &args.output else {
            bail!("--format parquet needs --output FILE (Parquet is binary)");
        };
        let rows = export::parquet::write(conn, args.table.into(), path)
            .with_context(|| format!("cannot write {}", path.display()))?;
        eprintln!("chronicle: export: {rows} row(s) into {}", path.display());
        return Ok(Outcome::default());
    }
    let mut out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(BufWriter::new(
            File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => Box::new(BufWriter::with_capacity(1 << 16, io::stdout().lock())),
    };
    let written = match args.format {
        ExportFormat::GdeltEvents => {
            let options = export::gdelt::Options {
                filter: args.filter.filter(0)?,
                header: args.header,
                extras: args.extras,
                added: None,
            };
            export::gdelt::write(conn, &options, &mut out)
        }
        ExportFormat::GdeltMentions => {
            export::mentions::write(conn, &args.filter.filter(0)?, args.header, &mut out)
        }
        ExportFormat::Gkg => export::gkg::write(conn, args.header, &mut out),
        ExportFormat::Jsonl => export::jsonl(conn, &mut out),
        ExportFormat::Parquet => Ok(0),
    };
    let rows = match written {
        Err(chronicle_store::StoreError::Io(e)) => {
            return quiet_pipe(Err(e)).map(|()| Outcome::default());
        }
        other => other?,
    };
    quiet_pipe(out.flush())?;
    eprintln!("chronicle: export: {rows} row(s)");
    Ok(Outcome::default())
}
