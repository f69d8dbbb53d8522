//! Scoring of the quotes stage on PolNeAR JSON lines
//! (`{doc_id, publication_date, text, quotes: [{start, end, speaker, quote_marks, ...}]}`,
//! character offsets), so that `chronicle eval quotes FILE...` and the tests share one scorer.
//!
//! # What is scored
//! - **Gold**: the attributions whose content is wholly in quotation marks
//!   (`quote_marks == "full"`): PolNeAR's direct quotations. **System**: quotations of kind
//!   `direct`.
//! - **Units.** PolNeAR annotates an attribution, not a stretch of marks: "“Q1,” X said. “Q2.”"
//!   is one gold span from the first mark to the last. The stage reports each stretch of marks
//!   as its own quotation (the contract's spans hold only quoted words), so before matching,
//!   consecutive quotations of one paragraph that hang from the same cue occurrence (“Q1,” she
//!   said, “q2.”; or a quotation with no attribution of its own continuing the one before) are
//!   joined into one unit, as the annotators joined them. The report also gives the per-quotation
//!   ("segment") figures without joining, for comparison. A unit that joins a partial quotation
//!   with a direct one ("... “a fragment,” said X. “A whole sentence.”") is one partial
//!   attribution for PolNeAR, so it is not a system direct quotation.
//! - **Match**: a unit matches a gold quotation when they overlap by at least half of the gold
//!   span (`start..end`); matching is one-to-one, each gold taking the unmatched unit that
//!   overlaps it most. Precision is over units, recall over gold quotations.
//! - **Speaker**, among matched pairs: the gold speaker span's head (its last word before any
//!   apposition, parenthesis or relative clause: "Kenneth Baer, a former official ..." → `baer`,
//!   "the Rev. Peter Wherry" → `wherry`, "another source" → `source`), lower-cased and without a
//!   possessive, must be one of the words of the system speaker ("Choe" matches
//!   "Choe Son Hui"). Where the annotator swapped the speaker and cue spans (speaker "said",
//!   cue "Hester"), the cue span is the speaker. A gold speaker that is a pronoun ("she", "it",
//!   "who") names nobody, so the pair
//!   is left out of the speaker figure and counted apart; a missing system speaker is wrong.
//!   For those pairs the report adds an approximate figure: the pronoun's antecedent is taken
//!   to be the last named gold speaker written before it.

use std::fmt;
use std::path::{Path, PathBuf};

use chronicle_core::{Article, Quote, QuoteKind};

use super::{Detailed, QuoteFinder};
use crate::score::ratio;
use serde::Deserialize;

/// Scores of the quotes stage against PolNeAR gold annotations.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QuoteReport {
    pub documents: usize,
    /// Gold direct quotations (`quote_marks == "full"`).
    pub gold: usize,
    /// System direct quotations joined into attribution units.
    pub system_units: usize,
    /// Units matched one-to-one with gold quotations.
    pub matched: usize,
    /// System direct quotations, not joined.
    pub system_segments: usize,
    /// Single quotations matched one-to-one with gold quotations.
    pub matched_segments: usize,
    /// Matched pairs whose gold speaker names someone.
    pub speaker_scored: usize,
    /// Of those, pairs whose system speaker shares the gold speaker's head word.
    pub speaker_correct: usize,
    /// Matched pairs left out of the speaker figure: the gold speaker is a pronoun or empty.
    pub speaker_unscored: usize,
    /// Matched pairs with a pronoun gold speaker and a named gold speaker before it.
    pub pronoun_scored: usize,
    /// Of those, pairs whose system speaker shares the head of that earlier named speaker.
    pub pronoun_correct: usize,
    /// System quotations by kind: direct, partial, term, indirect.
    pub kinds: [usize; 4],
    /// One line per error (missed gold, spurious unit, wrong speaker), for reading.
    pub errors: Vec<String>,
}

pub use crate::score::prf;

impl QuoteReport {
    /// Direct-quotation (P, R, F1) over attribution units.
    pub fn direct_prf(&self) -> (f64, f64, f64) {
        prf(self.matched, self.system_units, self.gold)
    }

    /// Direct-quotation (P, R, F1) over single quotations, without joining.
    pub fn segment_prf(&self) -> (f64, f64, f64) {
        prf(self.matched_segments, self.system_segments, self.gold)
    }

    /// Share of scored matched pairs with the right speaker.
    pub fn speaker_accuracy(&self) -> f64 {
        if self.speaker_scored == 0 {
            0.0
        } else {
            self.speaker_correct as f64 / self.speaker_scored as f64
        }
    }
}

impl fmt::Display for QuoteReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (p, r, f1) = self.direct_prf();
        let (sp, sr, sf) = self.segment_prf();
        writeln!(f, "documents            {}", self.documents)?;
        writeln!(
            f,
            "direct quotes        P {p:.3}  R {r:.3}  F1 {f1:.3}  (gold {}, system units {}, matched {})",
            self.gold, self.system_units, self.matched
        )?;
        writeln!(
            f,
            "  per quotation      P {sp:.3}  R {sr:.3}  F1 {sf:.3}  (system {}, matched {})",
            self.system_segments, self.matched_segments
        )?;
        writeln!(
            f,
            "speaker accuracy     {:.3}  ({} of {} matched with a named gold speaker; {} with a pronoun left out)",
            self.speaker_accuracy(),
            self.speaker_correct,
            self.speaker_scored,
            self.speaker_unscored
        )?;
        writeln!(
            f,
            "  pronoun speakers   {:.3}  ({} of {}; antecedent taken as the previous named gold speaker, approximate)",
            ratio(self.pronoun_correct, self.pronoun_scored),
            self.pronoun_correct,
            self.pronoun_scored
        )?;
        let [d, p, t, i] = self.kinds;
        write!(
            f,
            "system kinds         direct {d}, partial {p}, term {t}, indirect {i}"
        )
    }
}

/// One PolNeAR record, as far as scoring needs it.
#[derive(Debug, Deserialize)]
struct Record {
    doc_id: String,
    #[serde(default)]
    publication_date: Option<String>,
    text: String,
    #[serde(default)]
    quotes: Vec<GoldQuote>,
}

/// One gold attribution.
#[derive(Debug, Deserialize)]
struct GoldQuote {
    start: usize,
    end: usize,
    #[serde(default)]
    speaker: Option<String>,
    #[serde(default)]
    speaker_start: Option<usize>,
    #[serde(default)]
    cue: Option<String>,
    #[serde(default)]
    quote_marks: Option<String>,
}

/// Runs the standard pipeline over every record of `paths` and scores its direct quotations.
///
/// Errors name the file and line: an unreadable file, a line that is not a record, gold offsets
/// outside the text.
pub fn evaluate(paths: &[PathBuf]) -> Result<QuoteReport, String> {
    let pipeline = crate::Pipeline::standard();
    let finder = QuoteFinder::new();
    let mut report = QuoteReport::default();
    for path in paths {
        let text = read(path)?;
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let at = || format!("{}:{}", path.display(), n + 1);
            let record: Record =
                serde_json::from_str(line).map_err(|e| format!("{}: {e}", at()))?;
            let chars = record.text.chars().count();
            if let Some(q) = record
                .quotes
                .iter()
                .find(|q| q.start > q.end || q.end > chars)
            {
                return Err(format!(
                    "{}: gold quote {}..{} outside the text of {} characters",
                    at(),
                    q.start,
                    q.end,
                    chars
                ));
            }
            let mut article = Article::new(record.doc_id.clone(), record.text.clone());
            article.published = record
                .publication_date
                .as_deref()
                .and_then(|d| d.parse().ok());
            pipeline.annotate(&mut article);
            let detailed = finder.find(&article);
            score(&record, &article, &detailed, &mut report);
        }
    }
    Ok(report)
}

fn read(path: &Path) -> Result<String, String> {
    if path.extension().is_some_and(|e| e == "gz") {
        return Err(format!(
            "{}: compressed input; decompress it first (gunzip -k)",
            path.display()
        ));
    }
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// A system unit: joined direct quotations, in character offsets.
#[derive(Debug, Clone)]
struct Unit {
    start: usize,
    end: usize,
    speaker: Option<String>,
}

/// Adds one document's scores to `report`.
fn score(record: &Record, article: &Article, detailed: &[Detailed], report: &mut QuoteReport) {
    report.documents += 1;
    for q in &article.quotes {
        let k = match q.kind {
            QuoteKind::Direct => 0,
            QuoteKind::Partial => 1,
            QuoteKind::Term => 2,
            QuoteKind::Indirect => 3,
        };
        report.kinds[k] += 1;
    }
    let gold: Vec<&GoldQuote> = record
        .quotes
        .iter()
        .filter(|q| q.quote_marks.as_deref() == Some("full"))
        .collect();
    let direct: Vec<&Quote> = article
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .collect();
    let segments: Vec<Unit> = direct
        .iter()
        .map(|q| Unit {
            start: q.start,
            end: q.end,
            speaker: q.speaker.clone(),
        })
        .collect();
    let units = join_units(&article.body, detailed);
    report.gold += gold.len();
    report.system_units += units.len();
    report.system_segments += segments.len();
    report.matched_segments += pair(&gold, &segments).iter().flatten().count();
    let pairs = pair(&gold, &units);
    let mut used = vec![false; units.len()];
    for (g, u) in gold.iter().zip(&pairs) {
        let Some(u) = *u else {
            report.errors.push(format!(
                "{} missed {}",
                record.doc_id,
                excerpt(&record.text, g.start, g.end)
            ));
            continue;
        };
        used[u] = true;
        report.matched += 1;
        score_speaker(record, g, &units[u], report);
    }
    for (u, _) in units.iter().zip(&used).filter(|(_, used)| !**used) {
        report.errors.push(format!(
            "{} spurious {}",
            record.doc_id,
            excerpt(&record.text, u.start, u.end)
        ));
    }
}

/// Joins each quotation (direct or partial) that hangs from the same cue occurrence as the one
/// before it in the same paragraph into that one's unit, and keeps
/// the units made of direct quotations only: an attribution that mixes a fragment with a whole
/// sentence ("... “a fragment,” said X. “A whole sentence.”") is partial in PolNeAR's sense.
fn join_units(body: &str, quotes: &[Detailed]) -> Vec<Unit> {
    // (unit, all direct, cue offset)
    let mut units: Vec<(Unit, bool, Option<usize>)> = Vec::new();
    let marked = quotes
        .iter()
        .filter(|d| matches!(d.quote.kind, QuoteKind::Direct | QuoteKind::Partial));
    for d in marked {
        let q = &d.quote;
        let direct = q.kind == QuoteKind::Direct;
        if let Some((last, all_direct, cue_at)) = units.last_mut() {
            let gap: String = body
                .chars()
                .skip(last.end)
                .take(q.start.saturating_sub(last.end))
                .collect();
            let continues = d.cue_at.is_some() && d.cue_at == *cue_at;
            if continues && q.start >= last.end && !gap.contains('\n') {
                last.end = q.end;
                *all_direct &= direct;
                continue;
            }
        }
        let unit = Unit {
            start: q.start,
            end: q.end,
            speaker: q.speaker.clone(),
        };
        units.push((unit, direct, d.cue_at));
    }
    units
        .into_iter()
        .filter(|(_, direct, _)| *direct)
        .map(|(u, _, _)| u)
        .collect()
}

/// For each gold quotation, the unit matched to it one-to-one: the unmatched unit that
/// overlaps it most, when the overlap is at least half of the gold span.
fn pair(gold: &[&GoldQuote], units: &[Unit]) -> Vec<Option<usize>> {
    let mut used = vec![false; units.len()];
    gold.iter()
        .map(|g| {
            let need = (g.end - g.start).div_ceil(2).max(1);
            let best = units
                .iter()
                .enumerate()
                .filter(|(i, _)| !used[*i])
                .map(|(i, u)| (i, u.end.min(g.end).saturating_sub(u.start.max(g.start))))
                .filter(|&(_, overlap)| overlap >= need)
                .max_by_key(|&(_, overlap)| overlap)
                .map(|(i, _)| i);
            if let Some(i) = best {
                used[i] = true;
            }
            best
        })
        .collect()
}

/// Scores the speaker of a matched pair.
fn score_speaker(record: &Record, g: &GoldQuote, u: &Unit, report: &mut QuoteReport) {
    let system = u.speaker.as_deref().unwrap_or("");
    let names = |head: &str| system.split_whitespace().any(|w| normalise(w) == head);
    let Some(head) = gold_speaker(g).and_then(gold_head) else {
        report.speaker_unscored += 1;
        if let Some(head) = antecedent(record, g) {
            report.pronoun_scored += 1;
            if names(&head) {
                report.pronoun_correct += 1;
            } else {
                report.errors.push(format!(
                    "{} pronoun {:?} for {:?} (antecedent {head:?}) at {}",
                    record.doc_id,
                    system,
                    g.speaker.as_deref().unwrap_or(""),
                    excerpt(&record.text, g.start, g.end)
                ));
            }
        }
        return;
    };
    report.speaker_scored += 1;
    if names(&head) {
        report.speaker_correct += 1;
    } else {
        report.errors.push(format!(
            "{} speaker {:?} for gold {:?} at {}",
            record.doc_id,
            system,
            g.speaker.as_deref().unwrap_or(""),
            excerpt(&record.text, g.start, g.end)
        ));
    }
}

/// The gold speaker span's text; when the annotator swapped the speaker and cue spans (speaker
/// "said", cue "Hester"), the cue span's.
fn gold_speaker(g: &GoldQuote) -> Option<&str> {
    let speaker = g.speaker.as_deref()?;
    let cue = g.cue.as_deref().unwrap_or("");
    let one_lower_word = !speaker.contains(' ') && speaker.chars().all(char::is_lowercase);
    let swapped = one_lower_word
        && gold_head(speaker).is_some()
        && cue.chars().next().is_some_and(char::is_uppercase);
    Some(if swapped { cue } else { speaker })
}

/// For a gold quotation whose speaker is a pronoun, the head of the last named gold speaker
/// written before that pronoun: an approximation of its antecedent, since PolNeAR has no
/// coreference.
fn antecedent(record: &Record, g: &GoldQuote) -> Option<String> {
    let at = g.speaker_start?;
    record
        .quotes
        .iter()
        .filter_map(|q| Some((q.speaker_start?, gold_head(q.speaker.as_deref()?)?)))
        .filter(|(start, _)| *start < at)
        .max_by_key(|(start, _)| *start)
        .map(|(_, head)| head)
}

/// The head word of a gold speaker span, or `None` for a pronoun or an empty span.
fn gold_head(speaker: &str) -> Option<String> {
    let cut = [
        ",", "(", " who ", " whose ", " which ", " of ", " for ", " at ", " from ", " on ",
    ]
    .iter()
    .filter_map(|sep| speaker.find(sep))
    .min()
    .unwrap_or(speaker.len());
    let head = speaker[..cut]
        .split_whitespace()
        .map(normalise)
        .rfind(|w| !w.is_empty() && !matches!(w.as_str(), "jr" | "sr" | "ii" | "iii"))?;
    let pronoun = matches!(
        head.as_str(),
        "he" | "she"
            | "it"
            | "they"
            | "i"
            | "we"
            | "you"
            | "him"
            | "her"
            | "them"
            | "us"
            | "me"
            | "who"
            | "which"
            | "that"
    );
    (!pronoun).then_some(head)
}

/// A word lower-cased, without a possessive and without punctuation at its ends.
fn normalise(word: &str) -> String {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric());
    let w = w
        .strip_suffix("’s")
        .or_else(|| w.strip_suffix("'s"))
        .unwrap_or(w);
    w.to_lowercase()
}

/// A short excerpt of `text[start..end]` (characters) for error lines.
fn excerpt(text: &str, start: usize, end: usize) -> String {
    let s: String = text
        .chars()
        .skip(start)
        .take((end - start).min(90))
        .collect();
    format!("{start}..{end} {s:?}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gold_heads() {
        assert_eq!(
            gold_head("Kenneth Baer, a former Obama administration official").as_deref(),
            Some("baer")
        );
        assert_eq!(
            gold_head("Rep. John Mica (R-Fla.)").as_deref(),
            Some("mica")
        );
        assert_eq!(
            gold_head("the Rev. Peter Wherry, of Mayfield").as_deref(),
            Some("wherry")
        );
        assert_eq!(gold_head("another source").as_deref(), Some("source"));
        assert_eq!(gold_head("Trump’s").as_deref(), Some("trump"));
        assert_eq!(gold_head("she"), None);
        assert_eq!(gold_head(""), None);
    }

    #[test]
    fn pairing_needs_half_the_gold_span() {
        let g = GoldQuote {
            start: 0,
            end: 10,
            speaker: None,
            speaker_start: None,
            cue: None,
            quote_marks: Some("full".into()),
        };
        let unit = |start, end| Unit {
            start,
            end,
            speaker: None,
        };
        assert_eq!(pair(&[&g], &[unit(0, 4)]), vec![None]);
        assert_eq!(pair(&[&g], &[unit(0, 4), unit(3, 9)]), vec![Some(1)]);
    }

    #[test]
    fn bad_input_names_file_and_line() {
        let dir = std::env::temp_dir().join(format!("quotes-eval-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("bad.jsonl");
        std::fs::write(
            &path,
            "{\"doc_id\":\"a\",\"text\":\"x\",\"quotes\":[]}\nnot json\n",
        )
        .unwrap();
        let err = evaluate(std::slice::from_ref(&path)).unwrap_err();
        assert!(err.contains("bad.jsonl:2"), "{err}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
