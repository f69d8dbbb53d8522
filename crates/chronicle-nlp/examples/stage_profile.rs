//! Runs the standard pipeline over a JSON-lines file many times, for profilers:
//! `cargo run --release -p chronicle-nlp --example stage_profile -- FILE.jsonl [ROUNDS]`.
//! Reads `text` fields only; prints the seconds each stage took.

use std::io::BufRead;

use chronicle_core::Article;
use chronicle_nlp::Pipeline;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_else(|| "-".into());
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(1);
    let file = std::fs::File::open(&path)?;
    let mut bodies = Vec::new();
    for line in std::io::BufReader::new(file).lines() {
        let line = line?;
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(&line)
            && let Some(text) = v.get("text").and_then(|t| t.as_str())
        {
            bodies.push(text.to_string());
        }
    }
    let pipeline = Pipeline::standard();
    let mut seconds = vec![0.0f64; pipeline.stages().len()];
    for _ in 0..rounds {
        for body in &bodies {
            let mut a = Article::new("p", body.clone());
            for (k, stage) in pipeline.stages().iter().enumerate() {
                let t = std::time::Instant::now();
                stage.annotate(&mut a);
                seconds[k] += t.elapsed().as_secs_f64();
            }
        }
    }
    for (stage, s) in pipeline.stages().iter().zip(&seconds) {
        println!("{:<10} {s:.3} s", stage.name());
    }
    Ok(())
}
