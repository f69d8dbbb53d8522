//! Trains the syntax model: `cargo run --release -p chronicle-syntax --example train_syntax --
//! TRAIN.conllu[.gz] DEV.conllu OUT.chsyn [CLUSTERS.tsv] [SEED] [MEMBERS]`. `chronicle train syntax` is the same with
//! a command line of its own; this example exists for quick experiments.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 3 {
        eprintln!(
            "usage: train_syntax TRAIN.conllu[.gz] DEV.conllu OUT.chsyn [CLUSTERS.tsv] [SEED] [MEMBERS]"
        );
        return ExitCode::from(2);
    }
    let clusters = args.get(3).map(std::path::Path::new);
    let seed = args.get(4).and_then(|s| s.parse().ok()).unwrap_or(1);
    let defaults = chronicle_syntax::train::Options::default();
    let members = args
        .get(5)
        .and_then(|s| s.parse().ok())
        .unwrap_or(defaults.members);
    let options = chronicle_syntax::train::Options {
        seed,
        members,
        ..defaults
    };
    match chronicle_syntax::train::train_files(
        args[0].as_ref(),
        args[1].as_ref(),
        clusters,
        args[2].as_ref(),
        &options,
    ) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train_syntax: {e}");
            ExitCode::FAILURE
        }
    }
}
