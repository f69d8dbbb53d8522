//! The treebank, the clusters and the model on disk: reading CoNLL-U (gzipped or not) and the
//! clusters' TSV, and training from files with progress and time on standard error. The
//! learning itself is [`crate::train`]'s.

use std::time::Instant;

use crate::conllu::Sentence;
use crate::model::Clusters;
use crate::train::{Options, train_with_extra};

/// Reads a CoNLL-U file (gzip-compressed when its name ends in `.gz`); an error names the file
/// and the line.
pub fn read_treebank(path: &std::path::Path) -> Result<Vec<Sentence>, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let input: Box<dyn std::io::BufRead> = if path.extension().is_some_and(|e| e == "gz") {
        Box::new(std::io::BufReader::new(flate2::read::MultiGzDecoder::new(
            file,
        )))
    } else {
        Box::new(std::io::BufReader::new(file))
    };
    crate::conllu::Reader::new(input)
        .map(|s| s.map_err(|e| format!("{}: {e}", path.display())))
        .collect()
}

/// Trains from files and writes the model to `out`, logging progress and the
/// time taken on standard error. `clusters` is an optional TSV of `word<TAB>coarse<TAB>fine`.
pub fn train_files(
    train_path: &std::path::Path,
    dev_path: &std::path::Path,
    clusters: Option<&std::path::Path>,
    out: &std::path::Path,
    options: &Options,
) -> Result<(), String> {
    use std::io::Write;
    let started = Instant::now();
    let train_set = read_treebank(train_path)?;
    let dev = read_treebank(dev_path)?;
    let extra = match &options.extra_trees {
        Some(path) => read_treebank(path)?,
        None => Vec::new(),
    };
    let clusters = match clusters {
        Some(path) => read_clusters(path)?,
        None => Clusters::default(),
    };
    let mut options = options.clone();
    if options.description.is_empty() {
        options.description = format!(
            "Chronicle syntax model trained from {} (seed {}); derived from Universal Dependencies \
             English-EWT, CC BY-SA 4.0",
            train_path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
            options.seed
        );
        if let Some(path) = &options.extra_trees {
            options.description.push_str(&format!(
                "; parser and labeler also trained on {} trees of {} (news parsed by Chronicle's \
                 own models, kept where differently trained parsers agree)",
                extra.len(),
                path.file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
            ));
        }
    }
    let model = train_with_extra(&train_set, &extra, &dev, clusters, &options, &mut |line| {
        eprintln!("train syntax: {line}")
    });
    let bytes = model.to_bytes();
    std::fs::File::create(out)
        .and_then(|mut f| f.write_all(&bytes))
        .map_err(|e| format!("{}: {e}", out.display()))?;
    eprintln!(
        "train syntax: wrote {} ({} bytes) in {:.1} s",
        out.display(),
        bytes.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Reads word clusters: `word<TAB>coarse<TAB>fine` lines.
pub fn read_clusters(path: &std::path::Path) -> Result<Clusters, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut entries = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let mut cols = line.split('\t');
        let (Some(word), Some(a), Some(b)) = (cols.next(), cols.next(), cols.next()) else {
            return Err(format!(
                "{}:{}: expected word, coarse and fine cluster",
                path.display(),
                n + 1
            ));
        };
        let parse = |s: &str| {
            s.parse::<u16>().map_err(|_| {
                format!(
                    "{}:{}: {s:?} is not a cluster number",
                    path.display(),
                    n + 1
                )
            })
        };
        entries.push((crate::features::lower_key(word), parse(a)?, parse(b)?));
    }
    Ok(Clusters::new(entries.into_iter()))
}
