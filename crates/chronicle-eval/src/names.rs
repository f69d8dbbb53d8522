//! `chronicle eval ner`: entity-level exact-match F1 on CoNLL-format files (PER, ORG, LOC; GPE
//! counts as LOC; NORP and MISC are left out on both sides). With `--misses`, every missed and
//! spurious entity is listed with its sentence, grouped by type, so that error classes show.

use std::collections::HashSet;
use std::fmt;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use chronicle_core::{Article, EntityType};

use crate::score::{f1, ratio};
use chronicle_nlp::Stage;
use chronicle_nlp::names::NameFinder;
use chronicle_nlp::segment::Segmenter;

/// Counts for one entity type.
#[derive(Debug, Default, Clone, Copy)]
pub struct Tally {
    pub gold: usize,
    pub system: usize,
    pub correct: usize,
}

impl Tally {
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.system)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }
}

/// Scores per type and overall.
#[derive(Debug, Default)]
pub struct NerReport {
    pub per: Tally,
    pub org: Tally,
    pub loc: Tally,
    pub documents: usize,
    pub tokens: usize,
    pub seconds: f64,
    /// Every missed and spurious entity, in document order.
    pub errors: Vec<Miss>,
}

/// One error: a gold entity the finder did not produce exactly, or a produced one no gold
/// entity matches.
#[derive(Debug, Clone)]
pub struct Miss {
    /// Whether the entity is gold (missed) or the finder's (spurious).
    pub missed: bool,
    /// "PER", "ORG" or "LOC".
    pub ty: &'static str,
    pub words: String,
    /// What the other side has over the same tokens: the finder's entities for a miss, the
    /// gold entities for a spurious one, each as `TYPE:words`.
    pub overlap: Vec<String>,
    pub sentence: String,
}

impl NerReport {
    pub fn overall(&self) -> Tally {
        Tally {
            gold: self.per.gold + self.org.gold + self.loc.gold,
            system: self.per.system + self.org.system + self.loc.system,
            correct: self.per.correct + self.org.correct + self.loc.correct,
        }
    }
}

impl NerReport {
    /// The error list for `chronicle eval ner --misses`: per type, the missed entities and then
    /// the spurious ones, one tab-separated line each (`missed|spurious`, type, words, what the
    /// other side has there, sentence), each group headed by its count.
    pub fn misses(&self) -> String {
        let mut out = String::new();
        for ty in ["PER", "ORG", "LOC"] {
            for missed in [true, false] {
                let group: Vec<&Miss> = self
                    .errors
                    .iter()
                    .filter(|m| m.ty == ty && m.missed == missed)
                    .collect();
                let label = if missed { "missed" } else { "spurious" };
                out.push_str(&format!("== {ty} {label}: {}\n", group.len()));
                for m in group {
                    out.push_str(&format!(
                        "{label}\t{ty}\t{}\t[{}]\t{}\n",
                        m.words,
                        m.overlap.join(", "),
                        m.sentence
                    ));
                }
            }
        }
        out
    }
}

impl fmt::Display for NerReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "NER (entity-level exact match; GPE counts as LOC; NORP and MISC left out)"
        )?;
        writeln!(
            f,
            "{} documents, {} tokens, {:.0} tokens/s",
            self.documents,
            self.tokens,
            self.tokens as f64 / self.seconds.max(1e-9)
        )?;
        writeln!(
            f,
            "{:<8} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7}",
            "type", "gold", "system", "correct", "P", "R", "F1"
        )?;
        for (name, t) in [
            ("PER", self.per),
            ("ORG", self.org),
            ("LOC", self.loc),
            ("overall", self.overall()),
        ] {
            writeln!(
                f,
                "{:<8} {:>7} {:>7} {:>7} {:>7.3} {:>7.3} {:>7.3}",
                name,
                t.gold,
                t.system,
                t.correct,
                t.precision(),
                t.recall(),
                t.f1()
            )?;
        }
        Ok(())
    }
}

/// One document: its tokens, where each starts in the rebuilt text, and the gold entities as
/// (first token, end token, type).
#[derive(Default)]
struct Doc {
    tokens: Vec<String>,
    sentence_ends: Vec<usize>,
    gold: Vec<(usize, usize, &'static str)>,
}

/// Scores the name finder on CoNLL files (`token ... tag` columns, IOB1 or IOB2 tags).
pub fn evaluate(paths: &[PathBuf]) -> Result<NerReport, String> {
    let segmenter = Segmenter::new();
    let finder = NameFinder::new();
    let mut report = NerReport::default();
    let start = std::time::Instant::now();
    for path in paths {
        for doc in read_conll(path)? {
            report.documents += 1;
            report.tokens += doc.tokens.len();
            score(&doc, &segmenter, &finder, &mut report);
        }
    }
    report.seconds = start.elapsed().as_secs_f64();
    Ok(report)
}

fn score(doc: &Doc, segmenter: &Segmenter, finder: &NameFinder, report: &mut NerReport) {
    let mut text = String::new();
    let mut starts = Vec::with_capacity(doc.tokens.len());
    let mut ends = Vec::with_capacity(doc.tokens.len());
    let mut next_sentence = doc.sentence_ends.iter().peekable();
    for (i, tok) in doc.tokens.iter().enumerate() {
        if i > 0 {
            let paragraph = next_sentence.peek().is_some_and(|&&e| e == i);
            if paragraph {
                next_sentence.next();
            }
            text.push_str(if paragraph { "\n\n" } else { " " });
        }
        starts.push(text.chars().count());
        text.push_str(tok);
        ends.push(text.chars().count());
    }
    let mut article = Article::new("conll", text);
    segmenter.annotate(&mut article);
    finder.annotate(&mut article);
    let mut system: HashSet<Span> = HashSet::new();
    for e in &article.entities {
        let ty = match e.kind {
            EntityType::Person => "PER",
            EntityType::Org => "ORG",
            EntityType::Gpe | EntityType::Loc => "LOC",
            EntityType::Norp => continue,
        };
        let first = starts.binary_search(&e.start).ok();
        let last = ends.binary_search(&e.end).ok();
        match (first, last) {
            (Some(a), Some(b)) => system.insert((a, b + 1, ty)),
            _ => system.insert((usize::MAX - e.start, e.end, ty)),
        };
    }
    let gold: HashSet<Span> = doc.gold.iter().copied().collect();
    record_errors(doc, &gold, &system, &mut report.errors);
    for (_, _, ty) in &gold {
        tally(report, ty).gold += 1;
    }
    for s in &system {
        tally(report, s.2).system += 1;
        if gold.contains(s) {
            tally(report, s.2).correct += 1;
        }
    }
}

type Span = (usize, usize, &'static str);

/// Adds the document's missed and spurious entities to `errors`, each with its sentence.
fn record_errors(doc: &Doc, gold: &HashSet<Span>, system: &HashSet<Span>, errors: &mut Vec<Miss>) {
    let words = |a: usize, b: usize| {
        doc.tokens
            .get(a..b)
            .map(|w| w.join(" "))
            .unwrap_or_default()
    };
    let sentence = |at: usize| {
        let k = doc.sentence_ends.partition_point(|&e| e <= at);
        let first = k.checked_sub(1).map_or(0, |p| doc.sentence_ends[p]);
        let end = doc
            .sentence_ends
            .get(k)
            .copied()
            .unwrap_or(doc.tokens.len());
        words(first, end)
    };
    let overlap = |s: &Span, other: &HashSet<Span>| {
        let mut v: Vec<&Span> = other.iter().filter(|o| o.0 < s.1 && s.0 < o.1).collect();
        v.sort();
        v.iter()
            .map(|o| format!("{}:{}", o.2, words(o.0, o.1)))
            .collect()
    };
    let mut found: Vec<(usize, Miss)> = Vec::new();
    for g in gold.iter().filter(|g| !system.contains(g)) {
        found.push((
            g.0,
            Miss {
                missed: true,
                ty: g.2,
                words: words(g.0, g.1),
                overlap: overlap(g, system),
                sentence: sentence(g.0),
            },
        ));
    }
    // A span that fell off the token grid is keyed past the tokens (see `score`).
    for s in system
        .iter()
        .filter(|s| !gold.contains(s) && s.0 < doc.tokens.len())
    {
        found.push((
            s.0,
            Miss {
                missed: false,
                ty: s.2,
                words: words(s.0, s.1),
                overlap: overlap(s, gold),
                sentence: sentence(s.0),
            },
        ));
    }
    found.sort_by_key(|(at, m)| (*at, !m.missed));
    errors.extend(found.into_iter().map(|(_, m)| m));
}

fn tally<'a>(report: &'a mut NerReport, ty: &str) -> &'a mut Tally {
    match ty {
        "PER" => &mut report.per,
        "ORG" => &mut report.org,
        _ => &mut report.loc,
    }
}

fn read_conll(path: &Path) -> Result<Vec<Doc>, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let reader: Box<dyn BufRead> = if path.extension().is_some_and(|e| e == "gz") {
        Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(file)))
    } else {
        Box::new(BufReader::new(file))
    };
    let mut docs = vec![Doc::default()];
    let mut open: Option<(usize, &'static str)> = None;
    for (n, line) in reader.lines().enumerate() {
        let line = line.map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))?;
        let Some(doc) = docs.last_mut() else { continue };
        if line.starts_with("-DOCSTART-") {
            close(doc, &mut open);
            docs.push(Doc::default());
            continue;
        }
        if line.trim().is_empty() {
            close(doc, &mut open);
            if doc.sentence_ends.last() != Some(&doc.tokens.len()) && !doc.tokens.is_empty() {
                doc.sentence_ends.push(doc.tokens.len());
            }
            continue;
        }
        let cols: Vec<&str> = line.split_whitespace().collect();
        let (Some(word), Some(tag)) = (cols.first(), cols.last()) else {
            return Err(format!(
                "{}:{}: expected `token ... tag`",
                path.display(),
                n + 1
            ));
        };
        let i = doc.tokens.len();
        let (prefix, ty) = tag.split_once('-').unwrap_or((tag, ""));
        let ty: Option<&'static str> = match ty {
            "PER" => Some("PER"),
            "ORG" => Some("ORG"),
            "LOC" => Some("LOC"),
            _ => None,
        };
        let continues = prefix == "I" && open.is_some_and(|(_, t)| Some(t) == ty);
        if !continues {
            close(doc, &mut open);
            if let Some(ty) = ty.filter(|_| prefix != "O") {
                open = Some((i, ty));
            }
        }
        doc.tokens.push(word.to_string());
    }
    if let Some(doc) = docs.last_mut() {
        close(doc, &mut open);
    }
    docs.retain(|d| !d.tokens.is_empty());
    Ok(docs)
}

fn close(doc: &mut Doc, open: &mut Option<(usize, &'static str)>) {
    if let Some((first, ty)) = open.take() {
        doc.gold.push((first, doc.tokens.len(), ty));
    }
}
