//! Prints the snippet evaluation of a gold folder: `cargo run --release -p chronicle-eval --example eval_html -- DIR [-v]`.
fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .unwrap_or_else(|| "../shared/data/html".to_string());
    let verbose = args.next().is_some();
    match chronicle_eval::html::evaluate(std::path::Path::new(&dir)) {
        Ok(report) => {
            if verbose {
                print!("{}", report.misses());
            }
            println!("{report}");
        }
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}
