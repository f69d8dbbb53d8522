//! The snippet evaluation of main-text extraction on a folder of gold pages, as the issue
//! defines it: `gold.json` maps each URL to its page file, snippets that must be in the main
//! text (`with`), snippets that must not (`without`) and perhaps the publication date.

use std::fmt;
use std::io::Read;
use std::path::Path;
use std::time::Instant;

use chronicle_html::{PageHints, extract_page};

/// Scores of one evaluation run.
#[derive(Debug, Clone, Default)]
pub struct HtmlReport {
    /// Pages evaluated.
    pub pages: usize,
    /// `with` snippets in the gold.
    pub with_total: usize,
    /// `with` snippets found in the body.
    pub with_found: usize,
    /// `without` snippets in the gold.
    pub without_total: usize,
    /// `without` snippets present in the body (wrongly).
    pub without_present: usize,
    /// Pages with a gold date.
    pub dated_pages: usize,
    /// Of those, pages whose extracted date equals the gold date.
    pub dates_right: usize,
    /// Bytes of HTML read.
    pub bytes: usize,
    /// Seconds spent in `extract_page`.
    pub seconds: f64,
    /// Per page: (file, missing `with` snippets, present `without` snippets, date got vs gold).
    pub misses: Vec<PageMiss>,
}

/// What went wrong on one page.
#[derive(Debug, Clone, Default)]
pub struct PageMiss {
    /// The page file.
    pub file: String,
    /// `with` snippets not found.
    pub missing: Vec<String>,
    /// `without` snippets found.
    pub unwanted: Vec<String>,
    /// (extracted, gold) date when they differ.
    pub date: Option<(String, String)>,
    /// `with` snippets the page's gold has.
    pub with_total: usize,
}

impl HtmlReport {
    /// Share of `with` snippets found.
    pub fn recall(&self) -> f64 {
        ratio(self.with_found, self.with_total)
    }
    /// Share of `without` snippets present (lower is better).
    pub fn noise(&self) -> f64 {
        ratio(self.without_present, self.without_total)
    }
    /// Share of snippets found in the body that belong there: `with` found over `with` found
    /// plus `without` present (trafilatura's evaluation counts them so).
    pub fn precision(&self) -> f64 {
        ratio(self.with_found, self.with_found + self.without_present)
    }
    /// Harmonic mean of precision and recall: the figure trafilatura's benchmark reports.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    /// Share of pages with a gold date whose date is right.
    pub fn date_accuracy(&self) -> f64 {
        ratio(self.dates_right, self.dated_pages)
    }
    /// One block per page that missed, worst first (most snippets wrong): the page, its
    /// `with` snippets found and `without` snippets present, then each wrong snippet and date.
    pub fn misses(&self) -> String {
        let mut pages: Vec<&PageMiss> = self.misses.iter().collect();
        pages.sort_by_key(|m| std::cmp::Reverse(m.missing.len() + m.unwanted.len()));
        let mut out = String::new();
        for m in pages {
            let found = m.with_total - m.missing.len();
            out.push_str(&format!(
                "== {}: with {found}/{}, without present {}\n",
                m.file,
                m.with_total,
                m.unwanted.len()
            ));
            for s in &m.missing {
                out.push_str(&format!("  MISSING: {s}\n"));
            }
            for s in &m.unwanted {
                out.push_str(&format!("  UNWANTED: {s}\n"));
            }
            if let Some((got, want)) = &m.date {
                out.push_str(&format!("  DATE: got {got:?} want {want}\n"));
            }
        }
        out
    }

    /// Megabytes of HTML per second of extraction.
    pub fn mb_per_s(&self) -> f64 {
        if self.seconds > 0.0 {
            self.bytes as f64 / 1e6 / self.seconds
        } else {
            0.0
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

impl fmt::Display for HtmlReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "pages: {}", self.pages)?;
        writeln!(
            f,
            "with snippets found: {}/{} = {:.1}%",
            self.with_found,
            self.with_total,
            100.0 * self.recall()
        )?;
        writeln!(
            f,
            "without snippets present: {}/{} = {:.1}%",
            self.without_present,
            self.without_total,
            100.0 * self.noise()
        )?;
        writeln!(
            f,
            "precision {:.3}, recall {:.3}, F1 {:.3}",
            self.precision(),
            self.recall(),
            self.f1()
        )?;
        writeln!(
            f,
            "publication date right: {}/{} = {:.1}%",
            self.dates_right,
            self.dated_pages,
            100.0 * self.date_accuracy()
        )?;
        write!(
            f,
            "speed: {:.1} MB of HTML in {:.2} s = {:.1} MB/s",
            self.bytes as f64 / 1e6,
            self.seconds,
            self.mb_per_s()
        )
    }
}

/// Runs the evaluation on `dir` (holding `gold.json` and the pages it names, plain or `.gz`).
pub fn evaluate(dir: &Path) -> Result<HtmlReport, String> {
    let gold_path = dir.join("gold.json");
    let gold_text =
        std::fs::read_to_string(&gold_path).map_err(|e| format!("{}: {e}", gold_path.display()))?;
    let gold: serde_json::Value =
        serde_json::from_str(&gold_text).map_err(|e| format!("{}: {e}", gold_path.display()))?;
    let entries = gold
        .as_object()
        .ok_or_else(|| format!("{}: not a JSON object", gold_path.display()))?;
    let mut report = HtmlReport::default();
    for (url, entry) in entries {
        let file = entry
            .get("html_file")
            .or_else(|| entry.get("file"))
            .and_then(|v| v.as_str())
            .unwrap_or("");
        let bytes = read_page(dir, file)?;
        let started = Instant::now();
        let page = extract_page(
            &bytes,
            &PageHints {
                url: Some(url),
                http_charset: None,
            },
        );
        report.seconds += started.elapsed().as_secs_f64();
        report.bytes += bytes.len();
        report.pages += 1;
        let body = squash(&page.body);
        let mut miss = PageMiss {
            file: file.to_string(),
            ..PageMiss::default()
        };
        for s in strings(entry.get("with")) {
            report.with_total += 1;
            miss.with_total += 1;
            if body.contains(&squash(s)) {
                report.with_found += 1;
            } else {
                miss.missing.push(s.to_string());
            }
        }
        for s in strings(entry.get("without")) {
            report.without_total += 1;
            if body.contains(&squash(s)) {
                report.without_present += 1;
                miss.unwanted.push(s.to_string());
            }
        }
        if let Some(gold_date) = entry
            .get("date")
            .and_then(|d| d.as_str())
            .filter(|d| !d.is_empty())
        {
            report.dated_pages += 1;
            let got = page.published.map(|d| d.to_string()).unwrap_or_default();
            if got == gold_date {
                report.dates_right += 1;
            } else {
                miss.date = Some((got, gold_date.to_string()));
            }
        }
        if !miss.missing.is_empty() || !miss.unwanted.is_empty() || miss.date.is_some() {
            report.misses.push(miss);
        }
    }
    Ok(report)
}

fn strings(v: Option<&serde_json::Value>) -> impl Iterator<Item = &str> {
    v.and_then(|v| v.as_array())
        .into_iter()
        .flatten()
        .filter_map(|s| s.as_str())
}

/// Whitespace-insensitive form for snippet matching.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn read_page(dir: &Path, file: &str) -> Result<Vec<u8>, String> {
    let mut candidates = vec![dir.join(file), dir.join("html").join(file)];
    if !file.ends_with(".gz") {
        candidates.push(dir.join("html").join(format!("{file}.gz")));
    }
    let path = candidates
        .into_iter()
        .find(|p| p.is_file())
        .ok_or_else(|| format!("{file}: page not found in {}", dir.display()))?;
    let raw = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    if path.extension().is_none_or(|e| e != "gz") {
        return Ok(raw);
    }
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(&raw[..])
        .read_to_end(&mut out)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(out)
}
