//! Prints every disagreement of the time stage with gold TimeML-style JSON lines, one per line,
//! then the scores, for error analysis:
//! `cargo run --release -p chronicle-eval --example time_misses -- FILE.jsonl...`.
//! Each line is tab-separated: kind, document, gold, system, text, context.

use std::path::PathBuf;

use chronicle_eval::time::{Miss, evaluate_with};

fn main() {
    let files: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    let report = evaluate_with(&files, |m| match m {
        Miss::Missed {
            doc,
            text,
            value,
            context,
        } => println!("MISSED\t{doc}\t{value}\t-\t{text}\t{context}"),
        Miss::Spurious {
            doc,
            text,
            value,
            context,
        } => println!("SPURIOUS\t{doc}\t-\t{value}\t{text}\t{context}"),
        Miss::Wrong {
            doc,
            text,
            gold,
            system,
            context,
        } => println!("WRONG\t{doc}\t{gold}\t{system}\t{text}\t{context}"),
    });
    match report {
        Ok(r) => eprintln!("{r}"),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}
