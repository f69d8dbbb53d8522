//! How much a model loses when its small weights go: `cargo run --release -p chronicle-syntax
//! --example prune_syntax -- MODEL.chsyn DEV.conllu [THRESHOLD...] [--write OUT]`. Prints the
//! features kept and the dev figures at each threshold (perceptron units); `--write` keeps the
//! model pruned at the last threshold; `--parser` prunes the parser's table only. Each line gives the speed (words per second on one core).

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
    let write = args
        .iter()
        .position(|a| a == "--write")
        .and_then(|i| args.get(i + 1));
    let parser_only = args.iter().any(|a| a == "--parser");
    for t in args[2..].iter().filter_map(|a| a.parse::<f32>().ok()) {
        let pruned = if parser_only {
            model.pruned_parser(t)
        } else {
            model.pruned(t)
        };
        // The faster of two runs: the machine is shared, and the slower run measures the others.
        let mut seconds = f64::MAX;
        let mut score = Score::default();
        for _ in 0..2 {
            let started = std::time::Instant::now();
            score = Score::of(&pruned, &dev);
            seconds = seconds.min(started.elapsed().as_secs_f64());
        }
        println!(
            "threshold {t}: {} tagger, {} parser, {} labeler features, {} bytes; {}; {:.0} words/s",
            pruned.tagger.features(),
            pruned.parser.features(),
            pruned.labeler.features(),
            pruned.to_bytes().len(),
            score.summary(),
            score.words as f64 / seconds.max(1e-9)
        );
        if std::env::var_os("SCORE_DETAIL").is_some() {
            println!("{score}");
        }
        if let Some(out) = write
            && let Err(e) = std::fs::write(out, pruned.to_bytes())
        {
            eprintln!("prune_syntax: {out}: {e}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
