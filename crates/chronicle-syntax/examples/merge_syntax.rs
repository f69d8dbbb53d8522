//! Averages models trained alike from different seeds, as `chronicle train syntax` does with
//! its members: `cargo run --release -p chronicle-syntax --example merge_syntax -- OUT.chsyn
//! DEV.conllu A.chsyn B.chsyn...`. Prints each input's dev figures and the mean's.

use std::process::ExitCode;

use chronicle_syntax::Model;
use chronicle_syntax::eval::Score;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 3 {
        eprintln!("usage: merge_syntax OUT.chsyn DEV.conllu MODEL.chsyn...");
        return ExitCode::from(2);
    }
    let dev = match chronicle_syntax::train::read_treebank(args[1].as_ref()) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("merge_syntax: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut models = Vec::new();
    for path in &args[2..] {
        match std::fs::read(path)
            .map_err(|e| e.to_string())
            .and_then(|b| Model::from_bytes(&b))
        {
            Ok(m) => {
                println!("{path}: {}", Score::of(&m, &dev).summary());
                models.push(m);
            }
            Err(e) => {
                eprintln!("merge_syntax: {path}: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    let Some(mean) = Model::mean(&models) else {
        eprintln!("merge_syntax: the models' tag sets differ");
        return ExitCode::FAILURE;
    };
    let bytes = mean.to_bytes();
    println!(
        "mean ({} bytes): {}",
        bytes.len(),
        Score::of(&mean, &dev).summary()
    );
    if let Err(e) = std::fs::write(&args[0], bytes) {
        eprintln!("merge_syntax: {}: {e}", args[0]);
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
