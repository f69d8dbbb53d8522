//! Extraction speed on a folder of pages (`.html` or `.html.gz`, read and unzipped first):
//! `--example speed -- DIR [PASSES]`. Prints MB of HTML per second of wall time and, where
//! Linux says it (`/proc/thread-self/stat`), per second of this thread's CPU time, which other
//! jobs on a shared machine do not inflate.
use std::io::Read;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .unwrap_or_else(|| "../shared/data/html/html".to_string());
    let passes: usize = args.next().and_then(|p| p.parse().ok()).unwrap_or(5);
    let mut pages = Vec::new();
    let entries = match std::fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("{dir}: {e}");
            std::process::exit(1);
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(raw) = std::fs::read(&path) else {
            continue;
        };
        let name = path.to_string_lossy();
        if name.ends_with(".gz") {
            let mut out = Vec::new();
            if flate2::read::MultiGzDecoder::new(&raw[..])
                .read_to_end(&mut out)
                .is_ok()
            {
                pages.push(out);
            }
        } else if name.ends_with(".html") || name.ends_with(".htm") {
            pages.push(raw);
        }
    }
    let bytes: usize = pages.iter().map(Vec::len).sum();
    let hints = chronicle_html::PageHints::default();
    let mut body_chars = 0usize;
    let cpu0 = thread_cpu_seconds();
    let started = Instant::now();
    for _ in 0..passes {
        for p in &pages {
            body_chars += chronicle_html::extract_page(p, &hints).body.len();
        }
    }
    let wall = started.elapsed().as_secs_f64();
    let cpu = thread_cpu_seconds().zip(cpu0).map(|(b, a)| b - a);
    let mb = (bytes * passes) as f64 / 1e6;
    print!(
        "{} pages, {:.1} MB x {passes}: {:.1} MB/s wall",
        pages.len(),
        bytes as f64 / 1e6,
        mb / wall
    );
    match cpu {
        Some(c) if c > 0.0 => println!(", {:.1} MB/s CPU ({body_chars} body bytes)", mb / c),
        _ => println!(" ({body_chars} body bytes)"),
    }
}

/// This thread's user + system CPU seconds, from `/proc/thread-self/stat` (clock ticks of
/// 1/100 s, the Linux default).
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    let after = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = after.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}
