//! # chronicle-driver
//!
//! The one loop that turns inputs into finished articles, shared by `chronicle extract`,
//! `chronicle ingest` and the server's `POST /api/extract`:
//!
//! ```text
//! inputs ─▶ read (own thread) ─▶ build (parallel) ─▶ sink.skip? ─▶ annotate (parallel) ─▶ sink, in input order
//! ```
//!
//! [`run`] reads the inputs on a thread of its own ([`Inputs::Paths`]) or takes documents
//! already read ([`Inputs::Documents`]), builds articles (cleaning, HTML main text) and
//! annotates them with a [`Pipeline`] in parallel batches, and hands every batch, in input
//! order, to a [`Sink`] the caller chose: [`LineSink`] (JSON lines on standard output), [`Collect`]
//! (memory), or the store's sinks in `chronicle-store`. A sink that already holds an article
//! says so in [`Sink::skip`] before the article is annotated. Input problems go to an
//! [`Observer`] as they are met, and the run goes on.

mod feed;
mod sinks;

use std::path::PathBuf;

use rayon::prelude::*;

use chronicle_core::{Article, Flow, Held, Sink};
use chronicle_ingest::reader::ReadResult;
use chronicle_ingest::{BuildOptions, InputError, RawDocument, ReadLimits, build_article};
use chronicle_nlp::Pipeline;

pub use sinks::{Collect, Layout, LineSink, to_json};

use crate::feed::Feed;

/// What a run reads.
pub enum Inputs {
    /// Files, folders and `-` (standard input) as a user names them: expanded (folders walked
    /// in a stable order) and read on a thread of their own, so that reading overlaps
    /// annotation.
    Paths(Vec<PathBuf>),
    /// Documents already read (the article of an HTTP request).
    Documents(Vec<RawDocument>),
    /// Documents made one at a time by the caller (records from a Python iterator), pulled on
    /// the reader's thread under the same caps as files, so that an endless stream costs
    /// bounded memory.
    Stream(DocumentStream),
}

impl std::fmt::Debug for Inputs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Inputs::Paths(paths) => f.debug_tuple("Paths").field(paths).finish(),
            Inputs::Documents(docs) => f.debug_tuple("Documents").field(docs).finish(),
            Inputs::Stream(_) => f.write_str("Stream(..)"),
        }
    }
}

/// A stream of documents, or problems with its records, in input order.
pub type DocumentStream = Box<dyn Iterator<Item = ReadResult> + Send>;

/// How a run reads, builds and batches.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Most articles annotated in parallel at once, and handed to the sink together.
    pub batch: usize,
    /// How documents become articles (verbatim bodies, the default publication date).
    pub build: BuildOptions,
    /// The longest line and the largest article read.
    pub limits: ReadLimits,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            batch: 256,
            build: BuildOptions::default(),
            limits: ReadLimits::default(),
        }
    }
}

/// Who hears of a run's problems and progress as they happen (the command line prints them
/// on standard error; the server keeps them for its response).
pub trait Observer {
    /// An input, or a record of one, could not be read; the run goes on without it.
    fn input_error(&mut self, err: &InputError);

    /// A problem that did not stop the read (invalid UTF-8 replaced, an unreadable date).
    fn warning(&mut self, message: &str);

    /// A batch went to the sink; `tally` counts the run so far.
    fn batch_done(&mut self, _tally: &Tally) {}
}

/// What a run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Articles read (held ones included).
    pub articles: u64,
    /// Articles the sink already held, by reason, in [`Held::ALL`]'s order: not annotated.
    pub held: [u64; 3],
    /// Articles annotated and handed to the sink.
    pub handed: u64,
    /// Whether the sink asked to stop (its reader went away) before the inputs ended.
    pub stopped: bool,
}

impl Tally {
    /// Articles held for `why`.
    pub fn held_for(&self, why: Held) -> u64 {
        self.held[why as usize]
    }

    /// Articles held for any reason.
    pub fn held_total(&self) -> u64 {
        self.held.iter().sum()
    }
}

/// Reads `inputs`, builds and annotates every article with `pipeline` in parallel batches and
/// hands them, in input order, to `sink`; calls [`Sink::finish`] at the end unless the sink
/// asked to stop. Input problems go to `observer` and do not end the run; only the sink's own
/// error does.
pub fn run<S: Sink>(
    inputs: Inputs,
    options: &Options,
    pipeline: &Pipeline,
    sink: &mut S,
    observer: &mut impl Observer,
) -> Result<Tally, S::Error> {
    let mut feed = Feed::start(inputs, options.limits);
    let mut tally = Tally::default();
    loop {
        let batch = feed.next_batch(options.batch.max(1));
        if batch.is_empty() {
            break;
        }
        let built = each(batch, |item| {
            item.map(|doc| {
                let warnings = doc.warnings.clone();
                (build_article(doc, options.build), warnings)
            })
        });
        let mut fresh = Vec::with_capacity(built.len());
        for item in built {
            match item {
                Ok((article, warnings)) => {
                    warnings.iter().for_each(|w| observer.warning(w));
                    tally.articles += 1;
                    match sink.skip(&article)? {
                        Some(why) => tally.held[why as usize] += 1,
                        None => fresh.push(article),
                    }
                }
                Err(err) => observer.input_error(&err),
            }
        }
        let annotated = each(fresh, |mut article| {
            pipeline.annotate(&mut article);
            article
        });
        tally.handed += annotated.len() as u64;
        if sink.accept_batch(annotated)? == Flow::Stop {
            tally.stopped = true;
            return Ok(tally);
        }
        observer.batch_done(&tally);
    }
    sink.finish()?;
    Ok(tally)
}

/// `f` over every item, in parallel, in order; a lone item (an HTTP request, a record typed on
/// standard input) stays on the calling thread.
fn each<T: Send, U: Send>(items: Vec<T>, f: impl Fn(T) -> U + Sync + Send) -> Vec<U> {
    if items.len() <= 1 {
        items.into_iter().map(f).collect()
    } else {
        items.into_par_iter().map(f).collect()
    }
}

/// One article through the driver: the server's single-article path. Its warnings come back
/// beside it.
pub fn annotate_one(
    doc: RawDocument,
    build: BuildOptions,
    pipeline: &Pipeline,
) -> (Option<Article>, Vec<String>) {
    let options = Options {
        batch: 1,
        build,
        limits: ReadLimits::default(),
    };
    let mut sink = Collect::default();
    let mut notes = Notes::default();
    let result = run(
        Inputs::Documents(vec![doc]),
        &options,
        pipeline,
        &mut sink,
        &mut notes,
    );
    let article = match result {
        Ok(_) => sink.into_articles().pop(),
        Err(never) => match never {},
    };
    (article, notes.0)
}

/// An observer that keeps every message.
#[derive(Debug, Default)]
struct Notes(Vec<String>);

impl Observer for Notes {
    fn input_error(&mut self, err: &InputError) {
        self.0.push(err.to_string());
    }

    fn warning(&mut self, message: &str) {
        self.0.push(message.to_string());
    }
}
