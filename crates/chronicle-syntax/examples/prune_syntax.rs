//! How much a model loses when its small weights go: `cargo run --release -p chronicle-syntax
//! --example prune_syntax -- MODEL.chsyn DEV.conllu [THRESHOLD...] [--write OUT]`. Prints the
//! features kept and the dev figures at each threshold (perceptron units).

use std::process::ExitCode;

use chronicle_syntax::Model;
use chronicle_syntax::eval::Score;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 {
        eprintln!("usage: prune_syntax MODEL.chsyn DEV.conllu [THRESHOLD...]");
        return ExitCode::from(2);
    }
    let bytes = match std::fs::read(&args[0]) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("prune_syntax: {}: {e}", args[0]);
            return ExitCode::FAILURE;
        }
    };
    let model = match Model::from_bytes(&bytes) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("prune_syntax: {}: {e}", args[0]);
            return ExitCode::FAILURE;
        }
    };
    let dev = match chronicle_syntax::train::read_treebank(args[1].as_ref()) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("prune_syntax: {e}");
            return ExitCode::FAILURE;
        }
    };
    for t in args[2..].iter().filter_map(|a| a.parse::<f32>().ok()) {
        let pruned = model.pruned(t);
        let score = Score::of(&pruned, &dev);
        println!(
            "threshold {t}: {} tagger, {} parser, {} labeler features, {} bytes; {}",
            pruned.tagger.features(),
            pruned.parser.features(),
            pruned.labeler.features(),
            pruned.to_bytes().len(),
            score.summary()
        );
        if std::env::var_os("SCORE_DETAIL").is_some() {
            println!("{score}");
        }
    }
    ExitCode::SUCCESS
}
