//! Throughput of the time stage on news text (the dev set's documents, repeated to ~16 MB).
//!
//! Run with `cargo test --release -p chronicle-nlp --test time_speed -- --ignored --nocapture`;
//! it asserts the 10 MB/s per core of the issue only in release builds.

use std::time::Instant;

use chronicle_nlp::time::TimeTagger;

#[test]
#[ignore = "a benchmark: run in release with --ignored"]
fn tags_at_least_ten_megabytes_per_second() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/time");
    let mut docs = Vec::new();
    for name in ["TimeBank.jsonl", "AQUAINT.jsonl"] {
        let Ok(text) = std::fs::read_to_string(dir.join(name)) else {
            eprintln!("notice: {} is absent; skipping", dir.display());
            return;
        };
        for line in text.lines() {
            let v: serde_json::Value = serde_json::from_str(line).expect("json");
            docs.push(v["text"].as_str().unwrap_or_default().to_string());
        }
    }
    let tagger = TimeTagger::new();
    let dct = Some(jiff::civil::date(1998, 2, 6));
    let once: usize = docs.iter().map(String::len).sum();
    let rounds = (16_000_000 / once.max(1)).max(1);
    let start = Instant::now();
    let mut found = 0;
    for _ in 0..rounds {
        for d in &docs {
            found += tagger.tag(d, dct, &[]).len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = (once * rounds) as f64 / 1e6;
    println!(
        "time stage: {mb:.1} MB in {secs:.2} s = {:.1} MB/s ({found} mentions)",
        mb / secs
    );
    if !cfg!(debug_assertions) {
        assert!(mb / secs >= 10.0, "{:.1} MB/s", mb / secs);
    }
}
