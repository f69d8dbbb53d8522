//! The quotes stage on every article of the news pile: no panic, and quotations found.
//!
//! Run in release: `cargo test --release -p chronicle-nlp --test quotes_pile -- --ignored
//! --nocapture`. Its speed is measured by `cargo bench -p chronicle --bench throughput`.

use chronicle_core::Article;
use chronicle_nlp::quotes::QuoteFinder;
use chronicle_nlp::segment::Segmenter;

fn shared(rel: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared")
        .join(rel)
}

/// The `text` fields of JSON lines.
fn texts(lines: &str) -> Vec<String> {
    lines
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect()
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
        Box::new(chronicle_nlp::syntax::SyntaxParser::new()),
        Box::new(chronicle_nlp::names::NameFinder::new()),
        Box::new(QuoteFinder::new()),
    ])
    .expect("quotes after the layers they read");
    let mut quotes = 0;
    for t in &texts {
        let mut a = Article::new("n", t.as_str());
        pipeline.annotate(&mut a);
        quotes += a.quotes.len();
    }
    println!("{} articles, {quotes} quotations", texts.len());
    assert!(texts.is_empty() || quotes > 0);
}
