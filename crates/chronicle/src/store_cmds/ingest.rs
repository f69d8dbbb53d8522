//! `chronicle ingest`: every input through the pipeline into the database.
//!
//! Reading runs on the feed's thread, cleaning and annotation in parallel rayon batches, and
//! one writer thread owns the database and commits one transaction per batch, so annotation of
//! the next batch overlaps the writing of the last. Articles already stored are found before
//! annotation (a rerun after a crash resumes at the speed of reading) and again by the writer,
//! which has the last word.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{SyncSender, sync_channel};
use std::thread::{self, JoinHandle};

use anyhow::{Context, Result, anyhow};
use clap::Args;
use rayon::prelude::*;

use chronicle_core::Article;
use chronicle_ingest::{BuildOptions, InputError, ReadLimits, build_article, expand_inputs};
use chronicle_nlp::Pipeline;
use chronicle_store::{IngestCounts, Prepared, Skip, Store, StoreSink};

use super::parse_day;
use super::progress::Progress;
use crate::feed::Feed;
use crate::report::Outcome;

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
}

/// Articles with the part of their storing done on the worker threads.
type Batch = Vec<(Article, Prepared)>;

/// The writer thread and what it reports back.
struct Writer {
    tx: SyncSender<Batch>,
    handle: JoinHandle<Result<IngestCounts>>,
    stored: Arc<AtomicU64>,
}

impl Writer {
    /// Starts the one thread that writes to the database.
    fn start(sink: StoreSink) -> Writer {
        // Two batches in flight: one being written, one waiting; memory stays bounded.
        let (tx, rx) = sync_channel::<Batch>(2);
        let stored = Arc::new(AtomicU64::new(0));
        let shown = Arc::clone(&stored);
        let handle = thread::spawn(move || {
            let mut sink = sink;
            for batch in rx {
                for (article, prepared) in &batch {
                    sink.store_prepared(article, prepared)
                        .with_context(|| format!("cannot store article {}", article.id))?;
                }
                sink.commit().context("cannot commit a batch")?;
                shown.store(sink.counts().stored, Ordering::Relaxed);
            }
            chronicle_core::Sink::finish(&mut sink)?;
            Ok(sink.counts())
        });
        Writer { tx, handle, stored }
    }

    /// Hands a batch to the writer; `false` if the writer has stopped (its error comes at
    /// [`Writer::finish`]).
    fn send(&self, articles: Vec<Article>) -> Result<bool> {
        if articles.is_empty() {
            return Ok(true);
        }
        let batch = articles
            .into_par_iter()
            .map(|a| Prepared::of(&a).map(|p| (a, p)))
            .collect::<Result<Batch, _>>()?;
        Ok(self.tx.send(batch).is_ok())
    }

    fn finish(self) -> Result<IngestCounts> {
        drop(self.tx);
        self.handle
            .join()
            .map_err(|_| anyhow!("the database writer panicked"))?
    }
}

/// Runs the ingest; input problems are reported and counted, not returned.
pub fn run(args: &IngestArgs) -> Result<Outcome> {
    let store = Store::open(&args.db)?;
    let checker = Store::open(&args.db)?;
    let mut writer = Writer::start(store.into_sink()?);
    let mut outcome = Outcome::default();
    let mut early = IngestCounts::default();
    let mut progress = Progress::start();
    let bytes = args.max_mib as usize * 1024 * 1024;
    let limits = ReadLimits {
        max_line: bytes,
        max_article: bytes,
    };
    let (inputs, early_errors) = expand_inputs(&args.paths);
    let fed = if args.annotated {
        let mut reader = super::annotated::AnnotatedReader::new(early_errors, inputs, limits);
        feed_annotated(
            args,
            &mut reader,
            &checker,
            &mut writer,
            &mut outcome,
            &mut early,
            &mut progress,
        )
    } else {
        let feed = Feed::start(early_errors, inputs, limits);
        feed_pipeline(
            args,
            &feed,
            &checker,
            &mut writer,
            &mut outcome,
            &mut early,
            &mut progress,
        )
    };
    let counts = writer.finish();
    progress.finish();
    let counts = counts?;
    fed?;
    eprintln!("{}", summary(&outcome, &early, &counts, &progress, args));
    Ok(outcome)
}

/// Reads, cleans and annotates every input in batches and hands new articles to the writer.
fn feed_pipeline(
    args: &IngestArgs,
    feed: &Feed,
    checker: &Store,
    writer: &mut Writer,
    outcome: &mut Outcome,
    early: &mut IngestCounts,
    progress: &mut Progress,
) -> Result<()> {
    let pipeline = Pipeline::standard();
    let options = BuildOptions {
        verbatim: args.verbatim,
        default_date: args.date,
    };
    loop {
        let batch = feed.next_batch(args.batch as usize);
        if batch.is_empty() {
            return Ok(());
        }
        let built: Vec<Result<(Article, Vec<String>), InputError>> = batch
            .into_par_iter()
            .map(|item| {
                item.map(|doc| (doc.warnings.clone(), doc))
                    .map(|(w, doc)| (build_article(doc, options), w))
            })
            .collect();
        let mut fresh = Vec::with_capacity(built.len());
        for item in built {
            match item {
                Ok((article, warnings)) => {
                    warnings.iter().for_each(|w| outcome.warning(w));
                    outcome.articles += 1;
                    if let Some(article) = unless_stored(checker, article, early)? {
                        fresh.push(article);
                    }
                }
                Err(err) => outcome.error(&err),
            }
        }
        fresh.par_iter_mut().for_each(|a| pipeline.annotate(a));
        if !writer.send(fresh)? {
            return Ok(());
        }
        progress.update(outcome.articles, writer.stored.load(Ordering::Relaxed));
    }
}

/// Hands contract JSON lines to the writer in batches, without annotating.
fn feed_annotated(
    args: &IngestArgs,
    reader: &mut super::annotated::AnnotatedReader,
    checker: &Store,
    writer: &mut Writer,
    outcome: &mut Outcome,
    early: &mut IngestCounts,
    progress: &mut Progress,
) -> Result<()> {
    loop {
        let batch = reader.next_batch(args.batch as usize);
        if batch.is_empty() {
            return Ok(());
        }
        let mut fresh = Vec::with_capacity(batch.len());
        for item in batch {
            match item {
                Ok(article) => {
                    outcome.articles += 1;
                    if let Some(article) = unless_stored(checker, article, early)? {
                        fresh.push(article);
                    }
                }
                Err(err) => outcome.error(&err),
            }
        }
        if !writer.send(fresh)? {
            return Ok(());
        }
        progress.update(outcome.articles, writer.stored.load(Ordering::Relaxed));
    }
}

/// The article, unless the database already holds it (then it is counted as skipped).
fn unless_stored(
    checker: &Store,
    article: Article,
    early: &mut IngestCounts,
) -> Result<Option<Article>> {
    match checker.already_stored(&article)? {
        Some(why) => {
            early.add_skip(why);
            Ok(None)
        }
        None => Ok(Some(article)),
    }
}

/// The closing line on standard error.
fn summary(
    outcome: &Outcome,
    early: &IngestCounts,
    counts: &IngestCounts,
    progress: &Progress,
    args: &IngestArgs,
) -> String {
    let skipped = |why| early.skips(why) + counts.skips(why);
    format!(
        "chronicle: ingest: {} article(s) read, {} stored ({} near-duplicate copies linked, {} \
         without a publication date), {} skipped as already stored ({} same id, {} same URL, {} same text), {} new event(s), \
         {} mention(s), {} input error(s), {} warning(s) in {:.1} s ({:.0} articles/s) into {}",
        outcome.articles,
        counts.stored,
        counts.copies,
        counts.undated,
        early.skipped() + counts.skipped(),
        skipped(Skip::Id),
        skipped(Skip::Url),
        skipped(Skip::Text),
        counts.events,
        counts.mentions,
        outcome.failed_inputs,
        outcome.warnings,
        progress.elapsed(),
        progress.rate(outcome.articles),
        args.db.display()
    )
}
