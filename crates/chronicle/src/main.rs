//! The `chronicle` command: argument parsing and wiring only. The work lives in the library
//! crates (`chronicle-driver` runs `chronicle-ingest`'s readers and `chronicle-nlp`'s stages
//! into a sink).

mod eval;
mod extract;
mod report;
mod resources;
mod serve;
mod store_cmds;
mod syntax_cmds;
mod watch;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// The pipeline makes many small, short-lived allocations per article (tokens, spans, JSON
/// strings) across rayon workers: mimalloc's thread-local free lists serve them faster than the
/// system allocator (see `bench/pipeline.sh`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Chronicle: news articles in, event data out.
#[derive(Parser)]
#[command(name = "chronicle", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract every layer of every article and print one JSON object per article, in input order.
    Extract(extract::ExtractArgs),
    /// Tag and parse: CoNLL-U out, from articles or from a treebank's words (`--conllu`).
    Parse(syntax_cmds::ParseArgs),
    /// Train Chronicle's own models from public data.
    #[command(subcommand)]
    Train(syntax_cmds::TrainCommand),
    /// Score a stage on development data: precision, recall, F1.
    #[command(subcommand)]
    Eval(eval::EvalCommand),
    #[command(flatten)]
    Store(store_cmds::StoreCommand),
    /// Serve the HTTP JSON API and the web page to explore the database's events.
    Serve(serve::ServeArgs),
    /// Keep a database current from news feeds (RSS, Atom, news sitemaps) and a drop folder,
    /// one round every --every; optionally archive (WARC) and publish GDELT-style slices.
    Watch(watch::WatchArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract::run(&args),
        Command::Parse(args) => syntax_cmds::parse(&args),
        Command::Train(command) => syntax_cmds::train(&command),
        Command::Eval(command) => eval::run(&command).map(|()| report::Outcome::default()),
        Command::Store(command) => store_cmds::run(&command),
        Command::Serve(args) => serve::run(&args),
        Command::Watch(args) => watch::run(&args),
    };
    match result {
        Ok(outcome) => outcome.exit_code(),
        Err(err) => {
            eprintln!("chronicle: error: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// The caps on what is read, from `--max-mib`.
pub fn read_limits(max_mib: u32) -> chronicle_ingest::ReadLimits {
    let bytes = max_mib as usize * 1024 * 1024;
    chronicle_ingest::ReadLimits {
        max_line: bytes,
        max_article: bytes,
    }
}

/// A path argument, or `-` for standard input.
pub fn parse_path(s: &str) -> Result<PathBuf, String> {
    if s.is_empty() {
        return Err("empty path".into());
    }
    Ok(PathBuf::from(s))
}
