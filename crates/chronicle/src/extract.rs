//! `chronicle extract`: every input through the pipeline, one JSON object per article on
//! standard output, in input order.

use std::io::{self, Write};
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Args;
use rayon::prelude::*;

use chronicle_ingest::{BuildOptions, ReadLimits, build_article, expand_inputs};
use chronicle_nlp::Pipeline;

use crate::feed::Feed;
use crate::report::Outcome;

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
    /// PETRARCH/TABARI dictionaries (actors, agents, verbs, discards) to use instead of the
    /// embedded ones.
    #[arg(long, value_name = "DIR")]
    pub dictionaries: Option<PathBuf>,
    /// A gazetteer of your own (GeoNames dump rows, or `aliases.tsv`-format lines) added to the
    /// embedded one.
    #[arg(long, value_name = "FILE")]
    pub gazetteer: Option<PathBuf>,
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
    let mut pipeline = match &args.dictionaries {
        Some(dir) => Pipeline::with_petrarch_dictionaries(dir).map_err(|e| anyhow::anyhow!(e))?,
        None => Pipeline::standard(),
    };
    if let Some(path) = &args.gazetteer {
        let finder = chronicle_nlp::places::PlaceFinder::with_gazetteer(path)
            .map_err(|e| anyhow::anyhow!(e))?;
        pipeline = pipeline.with_places(finder);
    }
    let render_article = |article: &mut chronicle_core::Article| {
        if args.tokens {
            article.tokens = chronicle_nlp::syntax::token_layer(article);
        }
        render(article, args.pretty)
    };
    drive(args, &pipeline, &render_article)
}

/// Reads every input of `args`, annotates the articles with `pipeline` in parallel batches and
/// writes what `render` makes of each to standard output, in input order.
pub fn drive(
    args: &ExtractArgs,
    pipeline: &Pipeline,
    render: &(dyn Fn(&mut chronicle_core::Article) -> String + Sync),
) -> Result<Outcome> {
    let (inputs, early_errors) = expand_inputs(&args.paths);
    let bytes = args.max_mib as usize * 1024 * 1024;
    let limits = ReadLimits {
        max_line: bytes,
        max_article: bytes,
    };
    let options = BuildOptions {
        verbatim: args.verbatim,
        default_date: args.date,
    };
    let feed = Feed::start(early_errors, inputs, limits);
    let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let mut outcome = Outcome::default();
    loop {
        let batch = feed.next_batch(args.batch as usize);
        if batch.is_empty() {
            break;
        }
        let rendered: Vec<Result<(String, Vec<String>), chronicle_ingest::InputError>> = batch
            .into_par_iter()
            .map(|item| {
                item.map(|doc| {
                    let warnings = doc.warnings.clone();
                    let mut article = build_article(doc, options);
                    pipeline.annotate(&mut article);
                    (render(&mut article), warnings)
                })
            })
            .collect();
        for item in rendered {
            match item {
                Ok((json, warnings)) => {
                    warnings.iter().for_each(|w| outcome.warning(w));
                    outcome.articles += 1;
                    if !write_line(&mut out, &json)? {
                        return Ok(outcome);
                    }
                }
                Err(err) => outcome.error(&err),
            }
        }
        if !flush(&mut out)? {
            return Ok(outcome);
        }
    }
    eprintln!("{}", outcome.summary());
    Ok(outcome)
}

fn render(article: &chronicle_core::Article, pretty: bool) -> String {
    let result = if pretty {
        serde_json::to_string_pretty(article)
    } else {
        serde_json::to_string(article)
    };
    // Serialising plain structs of strings and numbers cannot fail; keep the run going if it did.
    result.unwrap_or_else(|e| format!("{{\"id\":{:?},\"error\":{:?}}}", article.id, e.to_string()))
}

/// Writes one line; `false` when the reader went away (a closed pipe ends the run quietly, as
/// `head` and Spark's `take()` expect).
fn write_line(out: &mut impl Write, json: &str) -> Result<bool> {
    let result = out
        .write_all(json.as_bytes())
        .and_then(|()| out.write_all(b"\n"));
    closed_pipe_is_end(result)
}

fn flush(out: &mut impl Write) -> Result<bool> {
    closed_pipe_is_end(out.flush())
}

pub(crate) fn closed_pipe_is_end(result: io::Result<()>) -> Result<bool> {
    match result {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(false),
        Err(e) => Err(e).context("cannot write to standard output"),
    }
}
