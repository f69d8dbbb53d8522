//! `chronicle ingest`: every input through the driver into the store's [`IngestSink`].
//!
//! The driver reads on its own thread and cleans and annotates in parallel batches; the sink's
//! writer thread owns the database and commits one transaction per batch, so annotation of the
//! next batch overlaps the writing of the last. Articles already stored are found before
//! annotation (a rerun after a crash resumes at the speed of reading) and again by the writer,
//! which has the last word.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use chronicle_core::{Flow, Held, Sink};
use chronicle_driver::{Inputs, Observer, Options, Tally};
use chronicle_ingest::{BuildOptions, InputError, expand_inputs};
use chronicle_store::{IngestCounts, IngestSink, Store, Stored};

use super::parse_day;
use super::progress::Progress;
use crate::report::Outcome;
use crate::resources::ResourceArgs;

/// Options of `chronicle ingest`.
#[derive(Args)]
pub struct IngestArgs {
    /// Files or folders (.txt, .html, .jsonl, .jsonl.gz, .warc, .warc.gz), or `-` for standard input.
    #[arg(required = true, value_parser = crate::parse_path)]
    pub paths: Vec<PathBuf>,
    /// The database file (created when absent).
    #[arg(long, default_value = "chronicle.db")]
    pub db: PathBuf,
    /// Publication date (YYYY-MM-DD) of articles whose input gives none.
    #[arg(long, value_parser = parse_day)]
    pub date: Option<jiff::civil::Date>,
    /// Keep a document's text exactly as `body` (no cleaning), as `extract --verbatim` does.
    #[arg(long)]
    pub verbatim: bool,
    /// The inputs are `chronicle extract` output (contract JSON lines): store them as they are,
    /// without annotating again.
    #[arg(long)]
    pub annotated: bool,
    /// Articles per batch: annotated in parallel, then committed in one transaction.
    #[arg(long, default_value_t = 256, value_parser = clap::value_parser!(u32).range(1..))]
    pub batch: u32,
    /// Skip JSON lines and text files larger than this many MiB.
    #[arg(long, default_value_t = 64, value_parser = clap::value_parser!(u32).range(1..))]
    pub max_mib: u32,
    #[command(flatten)]
    pub resources: ResourceArgs,
}

/// What an ingest tells the user as it goes: input problems, and progress after each batch.
struct Watch {
    outcome: Outcome,
    progress: Progress,
    stored: Stored,
}

impl Observer for Watch {
    fn input_error(&mut self, err: &InputError) {
        self.outcome.error(err);
    }

    fn warning(&mut self, message: &str) {
        self.outcome.warning(message);
    }

    fn batch_done(&mut self, tally: &Tally) {
        self.progress.update(tally.articles, self.stored.get());
    }
}

/// Runs the ingest; input problems are reported and counted, not returned.
pub fn run(args: &IngestArgs) -> Result<Outcome> {
    // Resources first: a bad dictionary fails before the database is touched.
    let pipeline = match args.annotated {
        true => None,
        false => Some(args.resources.pipeline()?),
    };
    let mut sink = Store::open(&args.db)?.into_ingest_sink()?;
    let mut outcome = Outcome::default();
    let mut progress = Progress::start();
    let limits = crate::read_limits(args.max_mib);
    let fed = match &pipeline {
        None => feed_annotated(args, &mut sink, &mut outcome, &mut progress),
        Some(pipeline) => {
            let options = Options {
                batch: args.batch as usize,
                build: BuildOptions {
                    verbatim: args.verbatim,
                    default_date: args.date,
                },
                limits,
            };
            let mut watch = Watch {
                outcome,
                progress,
                stored: sink.stored(),
            };
            let result = chronicle_driver::run(
                Inputs::Paths(args.paths.clone()),
                &options,
                pipeline,
                &mut sink,
                &mut watch,
            );
            outcome = watch.outcome;
            progress = watch.progress;
            result.map_err(anyhow::Error::from)
        }
    };
    progress.finish();
    let tally = fed?;
    outcome.articles = tally.articles;
    let counts = sink.counts();
    eprintln!("{}", summary(&outcome, &tally, &counts, &progress, args));
    Ok(outcome)
}

/// Hands contract JSON lines (`--annotated`) to the sink in batches, without annotating.
fn feed_annotated(
    args: &IngestArgs,
    sink: &mut IngestSink,
    outcome: &mut Outcome,
    progress: &mut Progress,
) -> Result<Tally> {
    let (inputs, early_errors) = expand_inputs(&args.paths);
    let limits = crate::read_limits(args.max_mib);
    let mut reader = super::annotated::AnnotatedReader::new(early_errors, inputs, limits);
    let mut tally = Tally::default();
    let stored = sink.stored();
    loop {
        let batch = reader.next_batch(args.batch as usize);
        if batch.is_empty() {
            break;
        }
        let mut fresh = Vec::with_capacity(batch.len());
        for item in batch {
            match item {
                Ok(article) => {
                    tally.articles += 1;
                    match sink.skip(&article)? {
                        Some(why) => tally.held[why as usize] += 1,
                        None => fresh.push(article),
                    }
                }
                Err(err) => outcome.error(&err),
            }
        }
        tally.handed += fresh.len() as u64;
        if sink.accept_batch(fresh)? == Flow::Stop {
            break;
        }
        progress.update(tally.articles, stored.get());
    }
    sink.finish()?;
    Ok(tally)
}

/// The closing line on standard error.
fn summary(
    outcome: &Outcome,
    early: &Tally,
    counts: &IngestCounts,
    progress: &Progress,
    args: &IngestArgs,
) -> String {
    let skipped = |why| early.held_for(why) + counts.skips(why);
    format!(
        "chronicle: ingest: {} article(s) read, {} stored ({} near-duplicate copies linked, {} \
         without a publication date), {} skipped as already stored ({} same id, {} same URL, {} same text), {} new event(s), \
         {} mention(s), {} input error(s), {} warning(s) in {:.1} s ({:.0} articles/s) into {}",
        outcome.articles,
        counts.stored,
        counts.copies,
        counts.undated,
        early.held_total() + counts.skipped(),
        skipped(Held::Id),
        skipped(Held::Url),
        skipped(Held::Text),
        counts.events,
        counts.mentions,
        outcome.failed_inputs,
        outcome.warnings,
        progress.elapsed(),
        progress.rate(outcome.articles),
        args.db.display()
    )
}
