//! Prints how long each stage takes to load its resources:
//! `cargo run --release -p chronicle-nlp --example load_times`.

use std::time::Instant;

fn main() {
    let t = Instant::now();
    let pipeline = chronicle_nlp::Pipeline::standard();
    println!(
        "standard pipeline {:.0} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    let t = Instant::now();
    let _ = chronicle_nlp::names::NameFinder::new();
    println!("names {:.0} ms", t.elapsed().as_secs_f64() * 1e3);
    let t = Instant::now();
    let _ = chronicle_nlp::events::EventCoder::new();
    println!("events {:.0} ms", t.elapsed().as_secs_f64() * 1e3);
    let t = Instant::now();
    let _ = chronicle_nlp::time::TimeTagger::new();
    println!("time {:.0} ms", t.elapsed().as_secs_f64() * 1e3);
    let t = Instant::now();
    let _ = chronicle_nlp::quotes::QuoteFinder::new();
    println!("quotes {:.0} ms", t.elapsed().as_secs_f64() * 1e3);
    drop(pipeline);
}
