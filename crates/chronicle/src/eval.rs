//! `chronicle eval STAGE ...`: each stage scored on development data, with precision, recall
//! and F1 printed. The scorers live in the chronicle-eval crate; this only dispatches.

use std::path::PathBuf;

use anyhow::{Result, anyhow};
use clap::{Args, Subcommand};

/// Which stage to score.
#[derive(Subcommand)]
pub enum EvalCommand {
    /// Time expressions, TempEval-3 style, on TimeBank/AQUAINT-format JSON lines.
    Time(Files),
    /// Named entities (PER, ORG, LOC), entity-level exact F1, on CoNLL-format files.
    Ner(NerFiles),
    /// Direct quotes and their speakers on PolNeAR-format JSON lines.
    Quotes(QuoteFiles),
    /// Event coding: the share of records coded exactly, root-code accuracy and (source, target,
    /// root) dyad P/R/F1, on PETRARCH conformance records or on news records that name no
    /// dictionaries (coded by the embedded pipeline).
    Events(EventFiles),
    /// Toponyms and their coordinates on TR-News/GeoVirus-format XML.
    Geo(GeoFiles),
    /// Parts of speech, lemmas and dependency trees on CoNLL-U with gold words: UPOS accuracy,
    /// UAS and LAS over every word, punctuation included (CoNLL 2018 counting).
    Syntax(Files),
    /// Main text and publication dates of HTML pages: a folder with `gold.json` and `html/`.
    Html(HtmlFolder),
    /// No score: the actor codes (of people, of other names) and the places a corpus of news
    /// JSON lines gets most often, each with the words it was read from most often, so that a
    /// namesake's office or a surname read as a town shows at a glance.
    Mentions(MentionFiles),
}

/// Development files to score on.
#[derive(Args)]
pub struct Files {
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

/// CoNLL-format files, with the option of listing every error.
#[derive(Args)]
pub struct NerFiles {
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Also print, before the figures and grouped by type, one tab-separated line per error:
    /// each gold entity missed and each entity no gold one matches, with what the other side
    /// has over the same words and the sentence.
    #[arg(long)]
    pub misses: bool,
}

/// PolNeAR-format files, with the option of listing every error.
#[derive(Args)]
pub struct QuoteFiles {
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Also print one line per error before the figures: each gold quotation missed, each
    /// system quotation that matches none, each matched quotation with the wrong speaker.
    #[arg(long)]
    pub misses: bool,
}

/// TR-News/GeoVirus-format files, with the option of listing every error.
#[derive(Args)]
pub struct GeoFiles {
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Also print one tab-separated line per error before the figures: each gold toponym
    /// missed, each place that is no gold toponym, each place more than 161 km off, with the
    /// file, the names stage's entity and the words around it.
    #[arg(long)]
    pub misses: bool,
}

/// Conformance records, with the PETRARCH dictionaries they need.
#[derive(Args)]
pub struct EventFiles {
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// The folder of PETRARCH-format dictionaries the records were written for (default: the
    /// folder beside the file that the records name; records naming none use the embedded ones).
    #[arg(long, value_name = "DIR")]
    pub dictionaries: Option<PathBuf>,
    /// Also print every record that missed: its text, the expected and the produced events.
    #[arg(long)]
    pub misses: bool,
    /// Articles (JSON lines of `{id, date, text}`, gzipped or not, e.g. the pile) in which to
    /// code each record that names the `article` it was taken from, as its coders read it.
    #[arg(long, value_name = "FILE")]
    pub articles: Option<PathBuf>,
}

/// A folder of gold pages, with the option of listing every error.
#[derive(Args)]
pub struct HtmlFolder {
    pub dir: PathBuf,
    /// Also print, worst page first, each page with a `with` snippet missing from its body, a
    /// `without` snippet present in it, or a wrong date, and those snippets.
    #[arg(long)]
    pub misses: bool,
}

/// News JSON lines (`{id, date, text}`, gzipped or not) to count mentions in.
#[derive(Args)]
pub struct MentionFiles {
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Rows per table.
    #[arg(long, default_value_t = 50)]
    pub top: usize,
    /// Read at most this many articles.
    #[arg(long)]
    pub limit: Option<usize>,
}

/// Runs the scorer and prints its report.
pub fn run(command: &EvalCommand) -> Result<()> {
    let report = match command {
        EvalCommand::Time(f) => chronicle_eval::time::evaluate(&f.files).map(|r| r.to_string()),
        EvalCommand::Ner(f) => chronicle_eval::names::evaluate(&f.files).map(|r| {
            if f.misses {
                format!("{}{r}", r.misses())
            } else {
                r.to_string()
            }
        }),
        EvalCommand::Quotes(f) => chronicle_eval::quotes::evaluate(&f.files).map(|r| {
            if f.misses {
                format!("{}{r}", r.misses())
            } else {
                r.to_string()
            }
        }),
        EvalCommand::Events(f) => chronicle_eval::events::evaluate(
            &f.files,
            f.dictionaries.as_deref(),
            f.articles.as_deref(),
        )
        .map(|r| {
            if f.misses {
                format!("{}{r}", r.misses())
            } else {
                r.to_string()
            }
        }),
        EvalCommand::Geo(f) => chronicle_eval::places::evaluate(&f.files).and_then(|r| {
            if !f.misses {
                return Ok(r.to_string());
            }
            let mut lines = chronicle_eval::places::mistakes(&f.files)?.join("\n");
            lines.push('\n');
            Ok(format!("{lines}{r}"))
        }),
        EvalCommand::Mentions(f) => {
            chronicle_eval::mentions::report(&f.files, f.top, f.limit).map(|r| r.to_string())
        }
        EvalCommand::Syntax(f) => chronicle_eval::syntax::evaluate(&f.files),
        EvalCommand::Html(d) => chronicle_eval::html::evaluate(&d.dir).map(|r| {
            if d.misses {
                format!("{}{r}", r.misses())
            } else {
                r.to_string()
            }
        }),
    }
    .map_err(|e| anyhow!(e))?;
    print!("{report}");
    Ok(())
}
