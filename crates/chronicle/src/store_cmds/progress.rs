//! Ingest progress on standard error: a line rewritten in place on a terminal, a quiet line
//! every so many articles in logs.
//!
//! Written here rather than with indicatif: the inputs are streams (gzip, stdin, folders
//! walked lazily) whose article count is unknown until the end, so a bar could show no ETA,
//! only what this shows, and the dependency would buy nothing.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// Articles between two log lines when standard error is not a terminal.
const LOG_EVERY: u64 = 5000;

/// How often the terminal line is redrawn.
const REDRAW: Duration = Duration::from_millis(200);

/// The progress display of one ingest.
pub struct Progress {
    start: Instant,
    last_draw: Instant,
    last_logged: u64,
    tty: bool,
}

impl Progress {
    /// Starts the clock.
    pub fn start() -> Progress {
        let now = Instant::now();
        Progress {
            start: now,
            last_draw: now,
            last_logged: 0,
            tty: std::io::stderr().is_terminal(),
        }
    }

    /// Seconds since the start.
    pub fn elapsed(&self) -> f64 {
        self.start.elapsed().as_secs_f64()
    }

    /// Articles per second so far.
    pub fn rate(&self, articles: u64) -> f64 {
        articles as f64 / self.elapsed().max(1e-9)
    }

    /// Shows that `articles` have been read, `stored` of them stored so far.
    pub fn update(&mut self, articles: u64, stored: u64) {
        if self.tty {
            if self.last_draw.elapsed() >= REDRAW {
                self.last_draw = Instant::now();
                eprint!("\r{}", self.line(articles, stored));
                let _ = std::io::stderr().flush();
            }
        } else if articles >= self.last_logged + LOG_EVERY {
            self.last_logged = articles - articles % LOG_EVERY;
            eprintln!("{}", self.line(articles, stored));
        }
    }

    /// Clears the terminal line before the summary.
    pub fn finish(&self) {
        if self.tty {
            eprint!("\r\x1b[2K");
        }
    }

    fn line(&self, articles: u64, stored: u64) -> String {
        format!(
            "chronicle: ingest: {articles} article(s) read, {stored} stored, {:.0}/s, {:.0} s",
            self.rate(articles),
            self.elapsed()
        )
    }
}
