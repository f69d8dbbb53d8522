//! Induces word clusters from raw text and writes `word<TAB>coarse<TAB>fine`, sorted by word.
//!
//! The shipped file was made, from the repository root, with
//!
//! ```text
//! cargo run --release -p chronicle-clusters --example induce -- \
//!     --out /work/clusters/en_clusters.tsv \
//!     ../shared/data/news/news-pile.jsonl.gz ../shared/data/syntax/en_ewt-ud-train.conllu.gz
//! ```
//!
//! Inputs are JSON lines with a `text` field or CoNLL-U (by the `.conllu` name), either
//! optionally gzipped. Options: `--seed N`, `--fine N`, `--coarse N`,
//! `--contexts N`, `--min-count N`, `--max-words N`, `--iterations N`, `--weighting uniform|log-count`, `--method kmeans|exchange`,
//! `--with-exchange` (also the class-bigram clusters, as columns 4 and 5), and `--show w1,w2,...`
//! to print the clusters of a few words on standard error. A bad record is reported with its
//! file and line and skipped; the run then exits non-zero after writing the file.

use std::fs::File;
use std::io::BufWriter;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use chronicle_clusters::corpus::Corpus;
use chronicle_clusters::tokenize::key;
use chronicle_clusters::{Clusters, Method, Options, Weighting, induce};

struct Args {
    out: PathBuf,
    inputs: Vec<PathBuf>,
    options: Options,
    show: Vec<String>,
    /// Also induce class-bigram clusters by the exchange algorithm, written as columns 4-5.
    with_exchange: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut options = Options::default();
    let (mut out, mut inputs, mut show) = (None, Vec::new(), Vec::new());
    let mut with_exchange = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{arg} needs a value"));
        let number = |v: String| {
            v.parse::<u64>()
                .map_err(|_| format!("{arg}: {v:?} is not a whole number"))
        };
        match arg.as_str() {
            "--out" => out = Some(PathBuf::from(value()?)),
            "--with-exchange" => with_exchange = true,
            "--show" => show = value()?.split(',').map(key).collect(),
            "--seed" => options.seed = number(value()?)?,
            "--fine" => options.fine = number(value()?)? as usize,
            "--coarse" => options.coarse = number(value()?)? as usize,
            "--contexts" => options.contexts = number(value()?)? as usize,
            "--min-count" => options.min_count = number(value()?)?,
            "--max-words" => options.max_words = number(value()?)? as usize,
            "--iterations" => options.max_iterations = number(value()?)? as usize,
            "--method" => {
                options.method = match value()?.as_str() {
                    "kmeans" => Method::KMeans,
                    "exchange" => Method::Exchange,
                    other => {
                        return Err(format!(
                            "--method: {other:?} is neither kmeans nor exchange"
                        ));
                    }
                }
            }
            "--weighting" => {
                options.weighting = match value()?.as_str() {
                    "uniform" => Weighting::Uniform,
                    "log-count" => Weighting::LogCount,
                    other => {
                        return Err(format!(
                            "--weighting: {other:?} is neither uniform nor log-count"
                        ));
                    }
                }
            }
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            path => inputs.push(PathBuf::from(path)),
        }
    }
    if options.fine == 0 || options.coarse == 0 || options.fine > usize::from(u16::MAX) {
        return Err("--fine and --coarse must be positive, --fine below 65536".into());
    }
    let out = out.ok_or("--out PATH is required")?;
    if inputs.is_empty() {
        return Err("give at least one input file (JSON lines or CoNLL-U, optionally .gz)".into());
    }
    Ok(Args {
        out,
        inputs,
        options,
        show,
        with_exchange,
    })
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("induce: {e}");
            return ExitCode::from(2);
        }
    };
    let start = Instant::now();
    let mut corpus = Corpus::new();
    let mut failed = 0;
    for path in &args.inputs {
        let errors = corpus.add_file(path);
        for e in &errors {
            eprintln!("induce: {e}");
        }
        failed += errors.len();
    }
    eprintln!(
        "read {} tokens, {} distinct words in {:.1} s",
        corpus.tokens(),
        corpus.words.len(),
        start.elapsed().as_secs_f64()
    );
    let clusters = induce(&corpus, &args.options);
    eprintln!(
        "{} words clustered ({} + {} iterations) in {:.1} s",
        clusters.entries.len(),
        clusters.iterations[0],
        clusters.iterations[1],
        start.elapsed().as_secs_f64()
    );
    let second = args.with_exchange.then(|| {
        let second = induce(
            &corpus,
            &Options {
                method: Method::Exchange,
                ..args.options.clone()
            },
        );
        eprintln!(
            "and by the exchange algorithm: {} words ({} + {} passes) in {:.1} s",
            second.entries.len(),
            second.iterations[0],
            second.iterations[1],
            start.elapsed().as_secs_f64()
        );
        second
    });
    if let Err(e) = write(&clusters, second.as_ref(), &args) {
        eprintln!("induce: {}: cannot write: {e}", args.out.display());
        return ExitCode::FAILURE;
    }
    show(&clusters, &args.show);
    if failed > 0 {
        eprintln!("induce: {failed} bad records skipped");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

fn write(clusters: &Clusters, second: Option<&Clusters>, args: &Args) -> std::io::Result<()> {
    if let Some(dir) = args.out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let out = BufWriter::new(File::create(&args.out)?);
    match second {
        Some(second) => clusters.write_tsv_with(second, out),
        None => clusters.write_tsv(out),
    }
}

/// Prints the fine and coarse clusters of each word asked for.
fn show(clusters: &Clusters, words: &[String]) {
    for word in words {
        match clusters.get(word) {
            Some(e) => {
                eprintln!(
                    "{word}: fine {} = {}",
                    e.fine,
                    clusters.fine_members(e.fine, 25).join(" ")
                );
                eprintln!(
                    "{word}: coarse {} = {}",
                    e.coarse,
                    clusters.coarse_members(e.coarse, 25).join(" ")
                );
            }
            None => eprintln!("{word}: not clustered"),
        }
    }
}
