//! Throughput of the gist stage alone on the news pile (`../shared/data/news/news-pile.jsonl.gz`),
//! its articles segmented and time-tagged beforehand, timed in this thread's CPU time.
//!
//! Run with `cargo test --release -p chronicle-nlp --test gist_speed -- --ignored --nocapture`;
//! it asserts the 20 MB/s per core only in release builds.

use std::io::{BufRead, BufReader};
use std::time::Instant;

use chronicle_core::Article;
use chronicle_nlp::Stage;
use chronicle_nlp::gist::GistTagger;
use chronicle_nlp::segment::Segmenter;
use chronicle_nlp::time::TimeTagger;

/// CPU seconds this thread has run, from Linux's `/proc/thread-self/schedstat`: a shared
/// machine's other work must not count against the stage.
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

const PILE: &str = "../../../shared/data/news/news-pile.jsonl.gz";

#[test]
#[ignore = "a benchmark: run in release with --ignored"]
fn gist_runs_at_least_twenty_megabytes_per_second() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(PILE);
    let Ok(file) = std::fs::File::open(&path) else {
        eprintln!("notice: {} is absent; skipping", path.display());
        return;
    };
    let reader = BufReader::new(flate2::read::MultiGzDecoder::new(file));
    let (segment, time, gist) = (Segmenter::new(), TimeTagger::new(), GistTagger::new());
    let mut articles = Vec::new();
    for line in reader.lines().map_while(Result::ok) {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else {
            continue;
        };
        let mut a = Article::new("n", v["text"].as_str().unwrap_or_default());
        a.published = Some(jiff::civil::date(2016, 11, 1));
        segment.annotate(&mut a);
        time.annotate(&mut a);
        articles.push(a);
    }
    let bytes: usize = articles.iter().map(|a| a.body.len()).sum();
    let mut best = f64::MAX;
    let (mut themes, mut counts, mut amounts) = (0, 0, 0);
    for _ in 0..3 {
        let start = Instant::now();
        let cpu = thread_cpu_seconds();
        (themes, counts, amounts) = (0, 0, 0);
        for a in &mut articles {
            gist.annotate(a);
            themes += a.themes.len();
            counts += a.counts.len();
            amounts += a.amounts.len();
        }
        let wall = start.elapsed().as_secs_f64();
        let secs = match (cpu, thread_cpu_seconds()) {
            (Some(a), Some(b)) if b > a => b - a,
            _ => wall,
        };
        best = best.min(secs);
    }
    let mbs = bytes as f64 / 1e6 / best;
    println!(
        "gist: {} articles, {:.1} MB in {best:.2} s = {mbs:.1} MB/s on one core (best of 3); {themes} theme hits, \
         {counts} counts, {amounts} amounts",
        articles.len(),
        bytes as f64 / 1e6
    );
    if !cfg!(debug_assertions) {
        assert!(mbs >= 20.0, "{mbs:.1} MB/s");
    }
}
