//! Throughput of the whole pipeline through events, and of the events stage alone, on news
//! text (the time dev set's documents, repeated to ~8 MB).
//!
//! Run with `cargo test --release -p chronicle-nlp --test events_speed -- --ignored --nocapture`;
//! it asserts the 5 MB/s per core of issue 6 only in release builds.

use std::time::Instant;

use chronicle_core::Article;
use chronicle_nlp::events::EventCoder;
use chronicle_nlp::{Pipeline, Stage};

fn docs() -> Option<Vec<String>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/time");
    let mut docs = Vec::new();
    for name in ["TimeBank.jsonl", "AQUAINT.jsonl"] {
        let Ok(text) = std::fs::read_to_string(dir.join(name)) else {
            eprintln!("notice: {} is absent; skipping", dir.display());
            return None;
        };
        for line in text.lines() {
            let v: serde_json::Value = serde_json::from_str(line).expect("json");
            docs.push(v["text"].as_str().unwrap_or_default().to_string());
        }
    }
    Some(docs)
}

#[test]
#[ignore = "a benchmark: run in release with --ignored"]
fn pipeline_through_events_at_least_five_megabytes_per_second() {
    let Some(docs) = docs() else { return };
    let pipeline = Pipeline::standard();
    let coder = EventCoder::new();
    let once: usize = docs.iter().map(String::len).sum();
    let rounds = (8_000_000 / once.max(1)).max(1);
    let mut articles = Vec::new();
    let start = Instant::now();
    let mut events = 0;
    for r in 0..rounds {
        for (i, d) in docs.iter().enumerate() {
            let mut a = Article::new(format!("{r}-{i}"), d.clone());
            a.published = Some(jiff::civil::date(1998, 2, 6));
            pipeline.annotate(&mut a);
            events += a.events.len();
            if r == 0 {
                articles.push(a);
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = (once * rounds) as f64 / 1e6;
    println!(
        "pipeline through events: {mb:.1} MB in {secs:.2} s = {:.1} MB/s ({events} events)",
        mb / secs
    );
    let start = Instant::now();
    for _ in 0..rounds {
        for a in &mut articles {
            coder.annotate(a);
        }
    }
    let esecs = start.elapsed().as_secs_f64();
    println!("events stage alone: {:.1} MB/s", mb / esecs);
    if !cfg!(debug_assertions) {
        assert!(mb / secs >= 5.0, "{:.1} MB/s", mb / secs);
    }
}
