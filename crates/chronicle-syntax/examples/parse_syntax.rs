//! Parses the gold words of a CoNLL-U file with a model file, as `chronicle parse --conllu`
//! does with the embedded model: `cargo run --release -p chronicle-syntax --example
//! parse_syntax -- MODEL.chsyn IN.conllu > OUT.conllu`. Used to compare models, and to parse
//! text for the extra trees of `chronicle train syntax --extra-trees`.

use std::io::Write;
use std::process::ExitCode;

use chronicle_syntax::{Model, Workspace};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [model_path, input] = args.as_slice() else {
        eprintln!("usage: parse_syntax MODEL.chsyn IN.conllu");
        return ExitCode::from(2);
    };
    let model = match std::fs::read(model_path)
        .map_err(|e| e.to_string())
        .and_then(|b| Model::from_bytes(&b))
    {
        Ok(m) => m,
        Err(e) => {
            eprintln!("parse_syntax: {model_path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let sentences = match chronicle_syntax::train::read_treebank(input.as_ref()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("parse_syntax: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut ws = Workspace::default();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for sentence in &sentences {
        model.analyse(sentence.words.iter().map(|w| w.form.as_str()), &mut ws);
        let analysis = ws.columns();
        if chronicle_syntax::conllu::write_analysed(&mut out, sentence, &analysis).is_err() {
            return ExitCode::FAILURE;
        }
    }
    if out.flush().is_err() {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
