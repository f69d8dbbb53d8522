//! Prints how long each stage takes to load its resources, the first time (embedded resources
//! shared between stages are built once, by whichever stage asks first):
//! `cargo run --release -p chronicle-nlp --example load_times`.

use std::time::Instant;

/// Runs `load` and prints how long it took under `name`.
fn timed<T>(name: &str, load: impl FnOnce() -> T) -> T {
    let t = Instant::now();
    let out = load();
    println!("{name:<18} {:>4.0} ms", t.elapsed().as_secs_f64() * 1e3);
    out
}

fn main() {
    timed("places", chronicle_nlp::places::PlaceFinder::new);
    timed("gist", chronicle_nlp::gist::GistTagger::new);
    timed("names", chronicle_nlp::names::NameFinder::new);
    timed("events", chronicle_nlp::events::EventCoder::new);
    timed("time", chronicle_nlp::time::TimeTagger::new);
    timed("quotes", chronicle_nlp::quotes::QuoteFinder::new);
    timed("segment", chronicle_nlp::segment::Segmenter::new);
    timed("standard pipeline", chronicle_nlp::Pipeline::standard);
}
