//! `chronicle extract`: every input through the pipeline, one JSON object per article on
//! standard output, in input order.

use std::io;
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Args;

use chronicle_driver::{Inputs, Layout, LineSink, Options, to_json};
use chronicle_ingest::BuildOptions;
use chronicle_nlp::Pipeline;

use crate::report::Outcome;
use crate::resources::ResourceArgs;

/// Options of `chronicle extract`.
#[derive(Args)]
pub struct ExtractArgs {
    /// Files or folders (.txt, .jsonl, .jsonl.gz), or `-` for standard input.
    #[arg(required = true, value_parser = crate::parse_path)]
    pub paths: Vec<PathBuf>,
    /// Publication date (YYYY-MM-DD) of articles whose input gives none.
    #[arg(long, value_parser = parse_day)]
    pub date: Option<jiff::civil::Date>,
    /// Keep a document's text exactly as `body` (no cleaning), so that offsets index the input.
    #[arg(long)]
    pub verbatim: bool,
    /// Indent the JSON for reading (one article per block instead of per line).
    #[arg(long)]
    pub pretty: bool,
    /// Most articles annotated in parallel at once.
    #[arg(long, default_value_t = 256, value_parser = clap::value_parser!(u32).range(1..))]
    pub batch: u32,
    #[command(flatten)]
    pub resources: ResourceArgs,
    /// Skip JSON lines and text files larger than this many MiB.
    #[arg(long, default_value_t = 64, value_parser = clap::value_parser!(u32).range(1..))]
    pub max_mib: u32,
    /// Also print every token with its part of speech, lemma, head and relation (the syntax
    /// layer; off by default, as it multiplies the output's size).
    #[arg(long)]
    pub tokens: bool,
}

pub(crate) fn parse_day(s: &str) -> Result<jiff::civil::Date, String> {
    s.parse().map_err(|e| format!("expected YYYY-MM-DD: {e}"))
}

/// Runs the extraction; input problems are reported and counted, not returned.
pub fn run(args: &ExtractArgs) -> Result<Outcome> {
    let pipeline = args.resources.pipeline()?;
    let layout = if args.pretty {
        Layout::Pretty
    } else {
        Layout::Line
    };
    let tokens = args.tokens;
    drive(
        args,
        &pipeline,
        move |article: &mut chronicle_core::Article| {
            if tokens {
                article.tokens = chronicle_nlp::syntax::token_layer(article);
            }
            to_json(article, layout)
        },
    )
}

/// Reads every input of `args`, annotates the articles with `pipeline` through the driver and
/// writes what `render` makes of each to standard output, one record a line, in input order.
pub fn drive(
    args: &ExtractArgs,
    pipeline: &Pipeline,
    render: impl Fn(&mut chronicle_core::Article) -> String + Sync,
) -> Result<Outcome> {
    let options = Options {
        batch: args.batch as usize,
        build: BuildOptions {
            verbatim: args.verbatim,
            default_date: args.date,
        },
        limits: crate::read_limits(args.max_mib),
    };
    let out = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let mut sink = LineSink::new(out, render);
    let mut outcome = Outcome::default();
    let tally = chronicle_driver::run(
        Inputs::Paths(args.paths.clone()),
        &options,
        pipeline,
        &mut sink,
        &mut outcome,
    )
    .context("cannot write to standard output")?;
    outcome.articles = tally.articles;
    if !tally.stopped {
        eprintln!("{}", outcome.summary());
    }
    Ok(outcome)
}

/// `true` when the write went through, `false` when the reader went away (a closed pipe ends
/// the run quietly, as `head` and Spark's `take()` expect).
pub(crate) fn closed_pipe_is_end(result: io::Result<()>) -> Result<bool> {
    match result {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(false),
        Err(e) => Err(e).context("cannot write to standard output"),
    }
}
