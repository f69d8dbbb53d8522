//! `chronicle parse` (CoNLL-U out, from a treebank's gold words or from articles) and
//! `chronicle train syntax` (the model, from a treebank).

use std::io::{self, BufRead, Write};
use std::path::PathBuf;

use anyhow::{Context, Result, anyhow};
use clap::{Args, Subcommand};

use chronicle_core::Article;
use chronicle_nlp::Pipeline;
use chronicle_nlp::syntax::SyntaxParser;
use chronicle_syntax::conllu;
use chronicle_syntax::train::LabelerTrees;

use crate::extract::ExtractArgs;
use crate::report::Outcome;

/// Options of `chronicle parse`.
#[derive(Args)]
pub struct ParseArgs {
    /// Articles to parse (any input `extract` takes), or `-` for standard input.
    #[arg(value_parser = crate::parse_path, required_unless_present = "conllu")]
    pub paths: Vec<PathBuf>,
    /// Parse the words of a CoNLL-U file (or `-`) as given, and write it back with UPOS, LEMMA,
    /// HEAD and DEPREL filled in; every other column, comment and multiword range is kept.
    #[arg(long, value_name = "FILE", conflicts_with = "paths")]
    pub conllu: Option<PathBuf>,
    /// Publication date (YYYY-MM-DD) of articles whose input gives none.
    #[arg(long, value_parser = crate::extract::parse_day)]
    pub date: Option<jiff::civil::Date>,
    /// Keep a document's text exactly as its body (no cleaning).
    #[arg(long)]
    pub verbatim: bool,
    /// Skip JSON lines and text files larger than this many MiB.
    #[arg(long, default_value_t = 64, value_parser = clap::value_parser!(u32).range(1..))]
    pub max_mib: u32,
}

/// Runs `chronicle parse`.
pub fn parse(args: &ParseArgs) -> Result<Outcome> {
    match &args.conllu {
        Some(path) => parse_conllu(path),
        None => parse_articles(args),
    }
}

/// Gold words in, the same CoNLL-U out with our analysis. Malformed sentences are reported with
/// their line and left out; the run ends non-zero.
fn parse_conllu(path: &std::path::Path) -> Result<Outcome> {
    let input: Box<dyn BufRead> = if path.as_os_str() == "-" {
        Box::new(io::stdin().lock())
    } else {
        let file = std::fs::File::open(path).with_context(|| format!("{}", path.display()))?;
        if path.extension().is_some_and(|e| e == "gz") {
            Box::new(io::BufReader::new(flate2::read::MultiGzDecoder::new(file)))
        } else {
            Box::new(io::BufReader::new(file))
        }
    };
    let model = SyntaxParser::new().model();
    let mut ws = chronicle_syntax::Workspace::default();
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut outcome = Outcome::default();
    for sentence in conllu::Reader::new(input) {
        let sentence = match sentence {
            Ok(s) => s,
            Err(e) => {
                outcome.failed_inputs += 1;
                eprintln!("chronicle: error: {}: {e}", path.display());
                continue;
            }
        };
        model.analyse(sentence.words.iter().map(|w| w.form.as_str()), &mut ws);
        let analysis = ws.columns();
        let written = conllu::write_analysed(&mut out, &sentence, &analysis);
        if !crate::extract::closed_pipe_is_end(written)? {
            return Ok(outcome);
        }
        outcome.articles += 1;
    }
    if !crate::extract::closed_pipe_is_end(out.flush())? {
        return Ok(outcome);
    }
    eprintln!(
        "chronicle: parse: {} sentence(s), {} malformed",
        outcome.articles, outcome.failed_inputs
    );
    Ok(outcome)
}

/// Articles in, CoNLL-U of our own sentences and tokens out.
fn parse_articles(args: &ParseArgs) -> Result<Outcome> {
    let pipeline = Pipeline::from_stages(vec![
        Box::new(chronicle_nlp::segment::Segmenter::new()),
        Box::new(SyntaxParser::new()),
    ])?;
    let extract_args = ExtractArgs {
        paths: args.paths.clone(),
        date: args.date,
        verbatim: args.verbatim,
        pretty: false,
        batch: 256,
        resources: crate::resources::ResourceArgs {
            dictionaries: None,
            gazetteer: None,
        },
        max_mib: args.max_mib,
        tokens: false,
    };
    crate::extract::drive(&extract_args, &pipeline, render_conllu)
}

/// An article's sentences as CoNLL-U blocks (without the last blank line, which the writer adds).
pub fn render_conllu(article: &mut Article) -> String {
    let analysis = &article.analysis;
    let syntax = &analysis.syntax;
    let mut out = String::new();
    for (n, range) in analysis.sentence_tokens.iter().enumerate() {
        if range.is_empty() {
            continue;
        }
        let span = analysis.sentence_spans.get(n).copied().unwrap_or_default();
        let text: String = article
            .text_of(span)
            .chars()
            .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
            .collect();
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&format!(
            "# sent_id = {}-{}\n# text = {text}\n",
            article.id,
            n + 1
        ));
        for i in range.clone() {
            let token = analysis.tokens[i];
            let form: String = article
                .text_of(token.span)
                .chars()
                .map(|c| if c.is_whitespace() { '_' } else { c })
                .collect();
            let head = syntax.head(i).map_or(0, |h| h + 1 - range.start);
            let space_after = analysis
                .tokens
                .get(i + 1)
                .is_some_and(|next| next.span.start == token.span.end);
            let lemma = syntax.lemma(i).replace(char::is_whitespace, "_");
            out.push_str(&format!(
                "{}\t{form}\t{}\t{}\t_\t_\t{head}\t{}\t_\t{}\n",
                i + 1 - range.start,
                if lemma.is_empty() { "_" } else { &lemma },
                syntax.upos(i).map_or("X", |u| u.as_str()),
                syntax.deprel(i).map_or("dep", |r| r.as_str()),
                if space_after { "SpaceAfter=No" } else { "_" },
            ));
        }
    }
    out
}

/// `chronicle train ...`: the models Chronicle trains itself.
#[derive(Subcommand)]
pub enum TrainCommand {
    /// The tagger, lemmatizer, parser and labeler, from a CoNLL-U treebank.
    Syntax(TrainSyntaxArgs),
}

/// Options of `chronicle train syntax`.
#[derive(Args)]
pub struct TrainSyntaxArgs {
    /// Training treebank (CoNLL-U, optionally .gz).
    #[arg(
        long,
        default_value = "../shared/data/syntax/en_ewt-ud-train.conllu.gz"
    )]
    pub train: PathBuf,
    /// Development treebank, for choosing each learner's epoch.
    #[arg(long, default_value = "../shared/data/syntax/en_ewt-ud-dev.conllu")]
    pub dev: PathBuf,
    /// Word clusters (`word<TAB>coarse<TAB>fine`), e.g. `crates/chronicle-syntax/model/clusters.tsv`.
    #[arg(long)]
    pub clusters: Option<PathBuf>,
    /// Where to write the model.
    #[arg(long, default_value = "crates/chronicle-syntax/model/en_ewt.chsyn")]
    pub out: PathBuf,
    /// Seed of the shuffles and the exploration: the same seed gives the same model.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// How many models (seeds `seed`, `seed + 1`, ...) the shipped model averages; 1 trains
    /// a single model, about three times faster, for experiments.
    #[arg(long, default_value_t = chronicle_syntax::train::Options::default().members)]
    pub members: usize,
    /// Folds of the jackknifed trees the labeler may train on (below 2: none).
    #[arg(long, default_value_t = chronicle_syntax::train::Options::default().tree_folds)]
    pub tree_folds: usize,
    /// Epochs of each fold's parser for the jackknifed trees.
    #[arg(long, default_value_t = chronicle_syntax::train::Options::default().tree_fold_epochs)]
    pub tree_fold_epochs: usize,
    /// The trees the labeler trains on: gold, predicted (the jackknifed trees) or both.
    #[arg(long, value_parser = ["gold", "predicted", "both"])]
    pub labeler_trees: Option<String>,
    /// Automatically parsed trees (CoNLL-U, optionally .gz) the parser and the labeler train
    /// on besides the treebank's (the tagger does not).
    #[arg(long, value_name = "FILE")]
    pub extra_trees: Option<PathBuf>,
    /// Each member trains on its own share of the extra trees, not on all of them.
    #[arg(long, requires = "extra_trees")]
    pub extra_shares: bool,
}

/// Runs `chronicle train ...`.
pub fn train(command: &TrainCommand) -> Result<Outcome> {
    match command {
        TrainCommand::Syntax(args) => {
            let options = chronicle_syntax::train::Options {
                seed: args.seed,
                members: args.members,
                tree_folds: args.tree_folds,
                tree_fold_epochs: args.tree_fold_epochs,
                labeler_trees: match args.labeler_trees.as_deref() {
                    Some("predicted") => LabelerTrees::Predicted,
                    Some("both") => LabelerTrees::Both,
                    Some(_) => LabelerTrees::Gold,
                    None => chronicle_syntax::train::Options::default().labeler_trees,
                },
                extra_trees: args.extra_trees.clone(),
                extra_shares: args.extra_shares,
                ..Default::default()
            };
            if options.labeler_trees != LabelerTrees::Gold && options.tree_folds < 2 {
                return Err(anyhow!(
                    "--labeler-trees predicted or both needs jackknifed trees: --tree-folds 2 or more"
                ));
            }
            chronicle_syntax::train::train_files(
                &args.train,
                &args.dev,
                args.clusters.as_deref(),
                &args.out,
                &options,
            )
            .map_err(|e| anyhow!(e))?;
            Ok(Outcome::default())
        }
    }
}
