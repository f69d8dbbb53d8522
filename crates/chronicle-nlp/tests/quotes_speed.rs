//! Throughput of the quotes stage, and no panic on the news pile.
//!
//! Run in release: `cargo test --release -p chronicle-nlp --test quotes_speed -- --ignored
//! --nocapture`. The speed floor (20 MB/s per core) is asserted only in release builds.

use std::time::Instant;

use chronicle_core::Article;
use chronicle_nlp::Stage;
use chronicle_nlp::quotes::QuoteFinder;
use chronicle_nlp::segment::Segmenter;

fn shared(rel: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared")
        .join(rel)
}

/// The texts of a JSON-lines file, or `None` with a notice when it is absent.
fn texts(lines: &str) -> Vec<String> {
    lines
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect()
}

/// CPU seconds this thread has run, from Linux's `/proc/thread-self/schedstat`.
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

#[test]
#[ignore = "a benchmark: run in release with --ignored"]
fn finds_quotes_at_twenty_megabytes_per_second() {
    let Ok(dev) = std::fs::read_to_string(shared("data/quotes/dev.jsonl")) else {
        eprintln!("notice: PolNeAR dev is absent; skipping");
        return;
    };
    let segmenter = Segmenter::new();
    let articles: Vec<Article> = texts(&dev)
        .into_iter()
        .map(|t| {
            let mut a = Article::new("d", t);
            segmenter.annotate(&mut a);
            a
        })
        .collect();
    let once: usize = articles.iter().map(|a| a.body.len()).sum();
    let rounds = (16_000_000 / once.max(1)).max(1);
    let finder = QuoteFinder::new();
    let cpu_start = thread_cpu_seconds();
    let start = Instant::now();
    let mut found = 0;
    for _ in 0..rounds {
        for a in &articles {
            let mut a = a.clone();
            finder.annotate(&mut a);
            found += a.quotes.len();
        }
    }
    let wall = start.elapsed().as_secs_f64();
    // Per core: the time this thread ran, when the system tells it (a shared machine's other
    // work must not count); else the wall clock.
    let secs = match (cpu_start, thread_cpu_seconds()) {
        (Some(a), Some(b)) if b > a => b - a,
        _ => wall,
    };
    let mb = (once * rounds) as f64 / 1e6;
    println!(
        "quotes stage: {mb:.1} MB in {secs:.2} s on the core ({wall:.2} s wall) = {:.1} MB/s ({found} quotations)",
        mb / secs
    );
    if !cfg!(debug_assertions) {
        assert!(mb / secs >= 20.0, "{:.1} MB/s", mb / secs);
    }
}

#[test]
#[ignore = "reads the whole news pile: run in release with --ignored"]
fn no_panic_on_the_news_pile() {
    let path = shared("data/news/news-pile.jsonl.gz");
    let out = std::process::Command::new("gzip")
        .arg("-dc")
        .arg(&path)
        .output();
    let Ok(out) = out.map(|o| o.stdout).map(String::from_utf8) else {
        eprintln!("notice: {} or gzip is absent; skipping", path.display());
        return;
    };
    let Ok(lines) = out else { return };
    let texts = texts(&lines);
    let pipeline = chronicle_nlp::Pipeline::from_stages(vec![
        Box::new(Segmenter::new()),
        Box::new(QuoteFinder::new()),
    ]);
    let mut quotes = 0;
    for t in &texts {
        let mut a = Article::new("n", t.as_str());
        pipeline.annotate(&mut a);
        quotes += a.quotes.len();
    }
    println!("{} articles, {quotes} quotations", texts.len());
    assert!(texts.is_empty() || quotes > 0);
}
