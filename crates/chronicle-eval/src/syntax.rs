//! `chronicle eval syntax`: the embedded syntax model scored on CoNLL-U treebanks with gold
//! words. The counting itself ([`chronicle_syntax::eval::Score`]) stays with the parser, whose
//! training reports it on the dev set after every epoch; this reads the files and times the run.

use std::path::PathBuf;

/// Scores the embedded syntax model on every sentence of `files`: the CoNLL 2018 figures and the
/// speed in words per second on one core.
pub fn evaluate(files: &[PathBuf]) -> Result<String, String> {
    let mut sentences = Vec::new();
    for path in files {
        sentences.extend(chronicle_syntax::train::read_treebank(path)?);
    }
    let model = chronicle_nlp::syntax::SyntaxParser::new().model();
    let started = std::time::Instant::now();
    let score = chronicle_syntax::eval::Score::of(model, &sentences);
    let seconds = started.elapsed().as_secs_f64();
    Ok(format!(
        "{score}  speed: {:.0} words/s on one core (tagging, parsing, labelling, lemmas)\n",
        score.words as f64 / seconds.max(1e-9)
    ))
}
