//! Throughput of read + clean + segment on the news pile, beside the floor of reading and
//! decompressing alone, measured in the same run on one core.
//!
//! `cargo bench -p chronicle --bench throughput [-- PATH.jsonl.gz]`
//!
//! Prints MB/s per core for each step and each pipeline stage alone, the ratio to the read
//! floor, and the speed each stage's issue asks for (targets live here, not in tests). The pile is
//! `../shared/data/news/news-pile.jsonl.gz` (7,096 real articles); the bench says so and exits
//! when it is absent.

use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use chronicle_ingest::{BuildOptions, ReadLimits, build_article, reader::json_lines};
use chronicle_nlp::segment::Segmenter;
use chronicle_nlp::{Pipeline, Stage};
use flate2::read::MultiGzDecoder;

fn pile_path() -> PathBuf {
    std::env::args()
        .skip(1)
        .find(|a| a.ends_with(".gz") || a.ends_with(".jsonl"))
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../../shared/data/news/news-pile.jsonl.gz"
            ))
        })
}

fn open(path: &PathBuf) -> Box<dyn BufRead + Send> {
    let file = std::fs::File::open(path).expect("pile is readable");
    if path.extension().is_some_and(|e| e == "gz") {
        Box::new(BufReader::new(MultiGzDecoder::new(BufReader::new(file))))
    } else {
        Box::new(BufReader::new(file))
    }
}

/// Best of `rounds` timings of `f`, which returns the bytes it processed.
fn best(rounds: usize, mut f: impl FnMut() -> usize) -> (Duration, usize) {
    (0..rounds)
        .map(|_| {
            let t = Instant::now();
            let bytes = f();
            (t.elapsed(), bytes)
        })
        .min_by_key(|(d, _)| *d)
        .unwrap_or_default()
}

fn mb_per_s(bytes: usize, d: Duration) -> f64 {
    bytes as f64 / 1e6 / d.as_secs_f64()
}

fn main() {
    let path = pile_path();
    if !path.exists() {
        eprintln!(
            "throughput: {} is absent; nothing to measure",
            path.display()
        );
        return;
    }
    let rounds = 3;
    // Floor: decompress and read every byte, split lines.
    let (read_t, raw_bytes) = best(rounds, || {
        let mut buf = Vec::new();
        let mut n = 0;
        let mut r = open(&path);
        while r.read_until(b'\n', &mut buf).unwrap_or(0) > 0 {
            n += buf.len();
            buf.clear();
        }
        n
    });
    // Read + parse the JSON lines into documents.
    let (parse_t, _) = best(rounds, || {
        json_lines(&path, open(&path), ReadLimits::default())
            .filter(|r| r.is_ok())
            .count()
    });
    let docs: Vec<_> = json_lines(&path, open(&path), ReadLimits::default())
        .filter_map(Result::ok)
        .collect();
    let text_bytes: usize = docs.iter().map(|d| d.content.byte_len()).sum();
    // Clean alone, then clean + segment, on documents already in memory.
    let options = BuildOptions::default();
    let (clean_t, _) = best(rounds, || {
        docs.iter()
            .map(|d| build_article(d.clone(), options).body.len())
            .sum()
    });
    let segmenter = Segmenter::new();
    let (seg_t, _) = best(rounds, || {
        docs.iter()
            .map(|d| {
                let mut a = build_article(d.clone(), options);
                segmenter.annotate(&mut a);
                a.sentences.len()
            })
            .sum()
    });
    // Every stage of the standard pipeline, timed alone (best of 3, in this thread's CPU time) on
    // articles that carry the layers before it: each pass starts from a copy made before it.
    let load = Instant::now();
    let pipeline = Pipeline::standard();
    let load_t = load.elapsed();
    let mut articles: Vec<_> = docs
        .iter()
        .map(|d| build_article(d.clone(), options))
        .collect();
    let mut stage_times = Vec::new();
    for stage in pipeline.stages() {
        let before = articles.clone();
        let mut fastest = Duration::MAX;
        for _ in 0..rounds {
            articles.clone_from(&before);
            let t = CpuClock::start();
            for a in &mut articles {
                stage.annotate(a);
            }
            fastest = fastest.min(t.elapsed());
        }
        stage_times.push((stage.name(), fastest));
    }
    let mut sink = Vec::new();
    let _ = open(&path).read_to_end(&mut sink);
    println!(
        "pile: {} ({} articles, {:.1} MB of JSON lines, {:.1} MB of text)",
        path.display(),
        docs.len(),
        raw_bytes as f64 / 1e6,
        text_bytes as f64 / 1e6
    );
    println!(
        "{:<34} {:>10} {:>12}",
        "step (one core, best of 3)", "MB/s", "x read floor"
    );
    let floor = mb_per_s(raw_bytes, read_t);
    for (name, t, bytes) in [
        ("read + decompress (floor)", read_t, raw_bytes),
        ("read + decompress + parse JSON", parse_t, raw_bytes),
        ("clean (text in memory)", clean_t, text_bytes),
        ("clean + segment (text in memory)", seg_t, text_bytes),
    ] {
        let rate = mb_per_s(bytes, t);
        println!("{name:<34} {rate:>10.1} {:>12.2}", floor / rate);
    }
    println!(
        "\nstandard pipeline: resources loaded in {:.0} ms; each stage alone (one core, best of 3):",
        load_t.as_secs_f64() * 1e3
    );
    let words: usize = articles
        .iter()
        .map(|a| a.body.split_whitespace().count())
        .sum();
    println!(
        "  {:<32} {:>10} {:>12} {:>12}  target",
        "stage", "MB/s", "x read floor", "words/CPU-s"
    );
    let mut total = Duration::ZERO;
    for (name, t) in &stage_times {
        total += *t;
        let rate = mb_per_s(text_bytes, *t);
        let target = stage_target(name).unwrap_or_default();
        let per_word = words as f64 / t.as_secs_f64();
        println!(
            "  {name:<32} {rate:>10.1} {:>12.1} {per_word:>12.0}  {target}",
            floor / rate
        );
    }
    let rate = mb_per_s(text_bytes, total);
    println!(
        "  {:<32} {rate:>10.1} {:>12.1} {:>12.0}  5 MB/s",
        "all stages",
        floor / rate,
        words as f64 / total.as_secs_f64()
    );
}

/// The speed each stage's issue asks of it alone, on one core.
fn stage_target(stage: &str) -> Option<&'static str> {
    match stage {
        "time" | "places" => Some("10 MB/s"),
        "quotes" | "gist" => Some("20 MB/s"),
        "syntax" => Some("150,000 words/s"),
        _ => None,
    }
}

/// This thread's CPU time, from Linux's `/proc/thread-self/schedstat`, so that a shared
/// machine's other work does not count against a stage; the wall clock where it is missing.
struct CpuClock {
    cpu: Option<Duration>,
    wall: Instant,
}

impl CpuClock {
    fn start() -> Self {
        CpuClock {
            cpu: thread_cpu(),
            wall: Instant::now(),
        }
    }

    fn elapsed(&self) -> Duration {
        match (self.cpu, thread_cpu()) {
            (Some(a), Some(b)) if b > a => b - a,
            _ => self.wall.elapsed(),
        }
    }
}

fn thread_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}
