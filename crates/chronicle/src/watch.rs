//! `chronicle watch`: keeps a database current from news feeds and a drop folder, one round
//! every `--every`. Argument parsing, signals and the loop only: the work lives in
//! `chronicle-watch`.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use clap::Args;

use chronicle_watch::{
    DropFolder, FeedSource, Fetcher, Politeness, Publisher, WarcWriter, Watcher,
};

use crate::report::Outcome;
use crate::resources::ResourceArgs;

/// Options of `chronicle watch`.
#[derive(Args)]
pub struct WatchArgs {
    /// The database file (created when absent).
    #[arg(long, default_value = "chronicle.db")]
    pub db: PathBuf,
    /// The feed list: one RSS, Atom or sitemap URL a line, optionally followed by a source
    /// name; `#` comments.
    #[arg(long, value_name = "FILE")]
    pub feeds: Option<PathBuf>,
    /// Time between the starts of two rounds (`90s`, `15m`, `1h`).
    #[arg(long, default_value = "15m", value_parser = parse_duration)]
    pub every: Duration,
    /// Run one round and exit (for cron, and tests).
    #[arg(long)]
    pub once: bool,
    /// Also ingest the files that appear in this folder (text, HTML, JSON lines, WARC), once
    /// each, after they stop changing.
    #[arg(long, value_name = "DIR")]
    pub folder: Option<PathBuf>,
    /// How long a file in --folder must stay unmodified before it is read.
    #[arg(long, default_value = "10s", value_parser = parse_duration)]
    pub settle: Duration,
    /// Archive every response into rotating WARC/1.1 files here (`chronicle ingest DIR` replays
    /// them).
    #[arg(long, value_name = "DIR")]
    pub warc_out: Option<PathBuf>,
    /// Start a new WARC file past this many MiB.
    #[arg(long, default_value_t = 1024, value_parser = clap::value_parser!(u64).range(1..))]
    pub warc_mib: u64,
    /// Write each 15-minute slice's rows here as GDELT 2.0 does (zipped export, mentions and
    /// GKG files, and lastupdate.txt).
    #[arg(long, value_name = "DIR")]
    pub publish: Option<PathBuf>,
    /// Where --publish's folder is served, for the addresses in lastupdate.txt (default: the
    /// folder's path).
    #[arg(long, value_name = "URL")]
    pub publish_url: Option<String>,
    /// Least time between two requests to one host (a site's longer Crawl-delay wins).
    #[arg(long, default_value = "2s", value_parser = parse_duration)]
    pub delay: Duration,
    /// Longest a request may take.
    #[arg(long, default_value = "30s", value_parser = parse_duration)]
    pub timeout: Duration,
    /// Further attempts after a 5xx answer or a network error, with exponential backoff.
    #[arg(long, default_value_t = 2)]
    pub retries: u32,
    /// Wait before the first retry (doubled for each further one).
    #[arg(long, default_value = "2s", value_parser = parse_duration)]
    pub backoff: Duration,
    /// Largest response read, in MiB.
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=1024))]
    pub max_mib: u64,
    /// Most redirects followed for one link.
    #[arg(long, default_value_t = 5)]
    pub max_redirects: u32,
    /// Articles annotated in parallel and committed together.
    #[arg(long, default_value_t = 32, value_parser = clap::value_parser!(u32).range(1..))]
    pub batch: u32,
    #[command(flatten)]
    pub resources: ResourceArgs,
}

/// Runs rounds until `--once` is done or SIGTERM / Ctrl-C arrives; a signal lets the page in
/// hand finish and be committed.
pub fn run(args: &WatchArgs) -> Result<Outcome> {
    if args.feeds.is_none() && args.folder.is_none() {
        bail!("nothing to watch: give --feeds FILE, --folder DIR or both");
    }
    let mut outcome = Outcome::default();
    let feeds = match &args.feeds {
        Some(path) => read_feed_list(path, &mut outcome)?,
        None => Vec::new(),
    };
    let pipeline = args.resources.pipeline()?;
    let archive = match &args.warc_out {
        Some(dir) => Some(
            WarcWriter::new(dir, args.warc_mib << 20)
                .with_context(|| format!("cannot write WARC files in {}", dir.display()))?,
        ),
        None => None,
    };
    let politeness = Politeness {
        delay: args.delay,
        timeout: args.timeout,
        retries: args.retries,
        backoff: args.backoff,
        max_bytes: args.max_mib << 20,
        max_redirects: args.max_redirects,
        ..Politeness::default()
    };
    let mut watcher = Watcher::new(&args.db, feeds, Fetcher::new(politeness, archive));
    watcher.batch = args.batch as usize;
    if let Some(dir) = &args.folder {
        let folder = DropFolder::new(dir, args.settle)
            .with_context(|| format!("cannot watch {}", dir.display()))?;
        watcher = watcher.with_folder(folder);
    }
    if let Some(dir) = &args.publish {
        let publisher = Publisher::new(dir, args.publish_url.as_deref())
            .with_context(|| format!("cannot publish into {}", dir.display()))?;
        watcher = watcher.with_publisher(publisher);
    }
    let stop = stop_on_signal()?;
    let mut round = 0u64;
    loop {
        round += 1;
        let start = Instant::now();
        let mut log = |f: &chronicle_watch::Failure| eprintln!("chronicle: watch: {f}");
        let report = watcher.round(&pipeline, &stop, &mut log)?;
        outcome.articles += report.stored;
        outcome.failed_inputs += report.failures.len() as u64;
        eprintln!(
            "chronicle: watch: round {round}: {report} in {:.1} s into {}",
            start.elapsed().as_secs_f64(),
            args.db.display()
        );
        if args.once || stop.load(Ordering::Relaxed) {
            break;
        }
        let next = start + args.every;
        while Instant::now() < next && !stop.load(Ordering::Relaxed) {
            std::thread::sleep(Duration::from_millis(200).min(next - Instant::now()));
        }
        if stop.load(Ordering::Relaxed) {
            break;
        }
    }
    if stop.load(Ordering::Relaxed) {
        eprintln!("chronicle: watch: stopped by a signal; everything fetched is committed");
    }
    Ok(outcome)
}

/// The feed list; bad lines are reported and counted, the good ones watched.
fn read_feed_list(path: &PathBuf, outcome: &mut Outcome) -> Result<Vec<FeedSource>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read the feed list {}", path.display()))?;
    let (feeds, errors) = chronicle_watch::feedlist::parse(&text, path);
    for e in &errors {
        eprintln!("chronicle: error: {e}");
        outcome.failed_inputs += 1;
    }
    if feeds.is_empty() {
        bail!("{}: no feed URL in it", path.display());
    }
    Ok(feeds)
}

/// A flag raised by SIGTERM or Ctrl-C, watched on a thread of its own.
fn stop_on_signal() -> Result<Arc<AtomicBool>> {
    let stop = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&stop);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .build()
        .context("cannot start the signal listener")?;
    std::thread::spawn(move || {
        runtime.block_on(async move {
            let Ok(mut term) =
                tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
            else {
                return;
            };
            tokio::select! {
                _ = term.recv() => {}
                _ = tokio::signal::ctrl_c() => {}
            }
            eprintln!("chronicle: watch: stopping after the page in hand");
            flag.store(true, Ordering::Relaxed);
        });
    });
    Ok(stop)
}

/// A duration as `500ms`, `90s`, `15m`, `2h` (a bare number is seconds).
fn parse_duration(s: &str) -> Result<Duration, String> {
    let s = s.trim();
    let split = s
        .find(|c: char| !c.is_ascii_digit() && c != '.')
        .unwrap_or(s.len());
    let (number, unit) = s.split_at(split);
    let n: f64 = number
        .parse()
        .map_err(|_| format!("{s:?}: expected a duration such as 90s, 15m or 1h"))?;
    let seconds = match unit {
        "ms" => n / 1000.0,
        "" | "s" => n,
        "m" | "min" => n * 60.0,
        "h" => n * 3600.0,
        _ => return Err(format!("{s:?}: unknown unit {unit:?} (ms, s, m, h)")),
    };
    Duration::try_from_secs_f64(seconds).map_err(|e| format!("{s:?}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::parse_duration;
    use std::time::Duration;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("15m"), Ok(Duration::from_secs(900)));
        assert_eq!(parse_duration("500ms"), Ok(Duration::from_millis(500)));
        assert_eq!(parse_duration("2"), Ok(Duration::from_secs(2)));
        assert!(parse_duration("5 days").is_err());
    }
}
