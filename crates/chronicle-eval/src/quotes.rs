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
//!   as its own quotation (a piece; the contract's spans hold only quoted words) and numbers the
//!   pieces of one utterance alike (`utterance`), so the report gives both: per piece, and per
//!   utterance, the consecutive pieces with one number joined into one unit as the annotators
//!   joined them. A unit that joins a partial quotation with a direct one ("... “a fragment,”
//!   said X. “A whole sentence.”") is one partial attribution for PolNeAR, so it is not a system
//!   direct quotation.
//! - **Match**: a unit matches a gold quotation when they overlap by at least half of the gold
//!   span (`start..end`); matching is one-to-one, each gold taking the unmatched unit that
//!   overlaps it most. Precision is over units, recall over gold quotations.
//! - **Speaker**, among matched pairs: the gold speaker span's head (its last word before any
//!   apposition, parenthesis, relative clause or trailing "of/for/at/from/on/in/with" phrase:
//!   "Kenneth Baer, a former official ..." → `baer`, "an aide involved in the talks" → `involved`,
//!   "the Rev. Peter Wherry" → `wherry`, "another source" → `source`), lower-cased and without a
//!   possessive, must be one of the words of the system speaker ("Choe" matches
//!   "Choe Son Hui"). Where the annotator swapped the speaker and cue spans (speaker "said",
//!   cue "Hester"), the cue span is the speaker. A gold speaker that is a pronoun ("she", "it",
//!   "who") names nobody, so the pair
//!   is left out of the speaker figure and counted apart; a missing system speaker is wrong.
//!   For those pairs the report adds an approximate figure: the pronoun's antecedent is taken
//!   to be the last named gold speaker written before it.
//! - **By kind of mention**: the speaker figure is broken down by how the gold speaker is
//!   written: a name (its head capitalised), a description ("the newspaper"), a pronoun (scored
//!   through the approximate antecedent). A description is right when the system names it by
//!   the description's head, by the name it holds in apposition ("her adviser, Jake
//!   Sullivan," → `sullivan`) or, resolved, by a name whose mention is the gold one.
//! - **Mention**: whether the span the system read the speaker from (`speaker_start..
//!   speaker_end`) overlaps the gold speaker span: the phrase was found, whatever the name it
//!   was resolved to. A continued piece points at the mention of the utterance it continues,
//!   as the gold does.

use std::fmt;
use std::path::{Path, PathBuf};

use chronicle_core::{Article, Quote, QuoteKind};

use crate::score::ratio;
use chronicle_nlp::quotes::{Detailed, QuoteFinder};
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
    /// Pieces of the gold direct quotations (their `content_spans`).
    pub gold_pieces: usize,
    /// System direct quotations, not joined: pieces.
    pub system_segments: usize,
    /// System pieces matched one-to-one with gold pieces.
    pub matched_segments: usize,
    /// Matched pieces whose gold speaker names someone, and of those, pieces whose system
    /// speaker shares the gold speaker's head word.
    pub piece_speaker_scored: usize,
    pub piece_speaker_correct: usize,
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
    /// Speaker accuracy by how the gold speaker is written, indexed by [`Written`]: pairs
    /// scored and pairs right (for pronouns, through the approximate antecedent).
    pub by_kind_scored: [usize; 3],
    pub by_kind_correct: [usize; 3],
    /// Matched pairs whose gold speaker has a span, and of those, pairs whose system speaker
    /// mention overlaps it; by [`Written`] too.
    pub mention_scored: [usize; 3],
    pub mention_correct: [usize; 3],
    /// System quotations by kind: direct, partial, term, indirect.
    pub kinds: [usize; 4],
    /// One line per error (missed gold, spurious unit, wrong speaker), for reading.
    pub errors: Vec<String>,
}

pub use crate::score::prf;

/// How a gold speaker is written, as the report breaks speaker accuracy down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    Name = 0,
    Description = 1,
    Pronoun = 2,
}

impl Written {
    const ALL: [Written; 3] = [Written::Name, Written::Description, Written::Pronoun];

    fn label(self) -> &'static str {
        match self {
            Written::Name => "name",
            Written::Description => "description",
            Written::Pronoun => "pronoun",
        }
    }
}

impl QuoteReport {
    /// Direct-quotation (P, R, F1) over attribution units.
    pub fn direct_prf(&self) -> (f64, f64, f64) {
        prf(self.matched, self.system_units, self.gold)
    }

    /// Direct-quotation (P, R, F1) over pieces, without joining.
    pub fn segment_prf(&self) -> (f64, f64, f64) {
        prf(
            self.matched_segments,
            self.system_segments,
            self.gold_pieces,
        )
    }

    /// Share of matched pairs with the right speaker whose gold speaker is written `kind`.
    pub fn speaker_accuracy_of(&self, kind: Written) -> f64 {
        ratio(
            self.by_kind_correct[kind as usize],
            self.by_kind_scored[kind as usize],
        )
    }

    /// Share of matched pairs with a gold speaker span whose system speaker mention overlaps it.
    pub fn mention_accuracy(&self) -> f64 {
        ratio(
            self.mention_correct.iter().sum(),
            self.mention_scored.iter().sum(),
        )
    }

    /// Every error line, one per line, for `chronicle eval quotes --misses`.
    pub fn misses(&self) -> String {
        let mut out = String::new();
        for e in &self.errors {
            out.push_str(e);
            out.push('\n');
        }
        out
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
            "direct quotes        P {p:.3}  R {r:.3}  F1 {f1:.3}  per utterance (gold {}, system utterances {}, matched {})",
            self.gold, self.system_units, self.matched
        )?;
        writeln!(
            f,
            "  per piece          P {sp:.3}  R {sr:.3}  F1 {sf:.3}  (gold pieces {}, system pieces {}, matched {}; speaker {:.3}, {} of {})",
            self.gold_pieces,
            self.system_segments,
            self.matched_segments,
            ratio(self.piece_speaker_correct, self.piece_speaker_scored),
            self.piece_speaker_correct,
            self.piece_speaker_scored
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
        for kind in Written::ALL {
            let k = kind as usize;
            writeln!(
                f,
                "  by gold mention    {:<12} speaker {:.3} ({} of {})  mention {:.3} ({} of {})",
                kind.label(),
                self.speaker_accuracy_of(kind),
                self.by_kind_correct[k],
                self.by_kind_scored[k],
                ratio(self.mention_correct[k], self.mention_scored[k]),
                self.mention_correct[k],
                self.mention_scored[k]
            )?;
        }
        writeln!(
            f,
            "speaker mention      {:.3}  (system speaker span overlaps the gold speaker span)",
            self.mention_accuracy()
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
    speaker_end: Option<usize>,
    #[serde(default)]
    cue: Option<String>,
    #[serde(default)]
    cue_start: Option<usize>,
    #[serde(default)]
    cue_end: Option<usize>,
    #[serde(default)]
    quote_marks: Option<String>,
    /// The stretches of the content, one per piece between the cue's words.
    #[serde(default)]
    content_spans: Vec<(usize, usize)>,
}

/// Runs the standard pipeline over every record of `paths` and scores its direct quotations.
///
/// Errors name the file and line: an unreadable file, a line that is not a record, gold offsets
/// outside the text.
pub fn evaluate(paths: &[PathBuf]) -> Result<QuoteReport, String> {
    let pipeline = chronicle_nlp::Pipeline::standard();
    let finder = QuoteFinder::new();
    let mut report = QuoteReport::default();
    for path in paths {
        let text = read(path)?;
        for item in crate::json_lines(path, &text) {
            let (at, record): (String, Record) = item?;
            let chars = record.text.chars().count();
            if let Some(q) = record
                .quotes
                .iter()
                .find(|q| q.start > q.end || q.end > chars)
            {
                return Err(format!(
                    "{}: gold quote {}..{} outside the text of {} characters",
                    at, q.start, q.end, chars
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
    /// The speaker mention, in character offsets.
    mention: Option<(usize, usize)>,
}

impl Unit {
    fn of(q: &Quote) -> Unit {
        Unit {
            start: q.start,
            end: q.end,
            speaker: q.speaker.clone(),
            mention: q.speaker_start.zip(q.speaker_end),
        }
    }
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
    let segments: Vec<Unit> = direct.iter().map(|q| Unit::of(q)).collect();
    let units = join_units(detailed);
    let spans: Vec<(usize, usize)> = gold.iter().map(|g| (g.start, g.end)).collect();
    // Each gold attribution's pieces, with the attribution they belong to.
    let pieces: Vec<(usize, usize, &GoldQuote)> = gold
        .iter()
        .flat_map(|g| {
            let whole = g.content_spans.is_empty().then_some((g.start, g.end));
            whole
                .into_iter()
                .chain(g.content_spans.iter().copied())
                .map(move |(a, b)| (a, b, *g))
        })
        .collect();
    let piece_spans: Vec<(usize, usize)> = pieces.iter().map(|&(a, b, _)| (a, b)).collect();
    report.gold += gold.len();
    report.gold_pieces += pieces.len();
    report.system_units += units.len();
    report.system_segments += segments.len();
    for ((_, _, g), s) in pieces.iter().zip(pair(&piece_spans, &segments)) {
        let Some(s) = s else { continue };
        report.matched_segments += 1;
        if let Some(head) = gold_speaker(g).and_then(gold_head) {
            report.piece_speaker_scored += 1;
            let system = segments[s].speaker.as_deref().unwrap_or("");
            if system.split_whitespace().any(|w| normalise(w) == head) {
                report.piece_speaker_correct += 1;
            }
        }
    }
    let pairs = pair(&spans, &units);
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

/// Joins each quotation (direct or partial) that is a piece of the same utterance as the one
/// before it into that one's unit, and keeps the units made of direct quotations only: an
/// attribution that mixes a fragment with a whole sentence ("... “a fragment,” said X. “A whole
/// sentence.”") is partial in PolNeAR's sense.
fn join_units(quotes: &[Detailed]) -> Vec<Unit> {
    // (unit, all direct, utterance)
    let mut units: Vec<(Unit, bool, Option<usize>)> = Vec::new();
    let marked = quotes
        .iter()
        .filter(|d| matches!(d.quote.kind, QuoteKind::Direct | QuoteKind::Partial));
    for d in marked {
        let q = &d.quote;
        let direct = q.kind == QuoteKind::Direct;
        if let Some((last, all_direct, utterance)) = units.last_mut()
            && q.utterance.is_some()
            && q.utterance == *utterance
            && q.start >= last.end
        {
            last.end = q.end;
            *all_direct &= direct;
            continue;
        }
        units.push((Unit::of(q), direct, q.utterance));
    }
    units
        .into_iter()
        .filter(|(_, direct, _)| *direct)
        .map(|(u, _, _)| u)
        .collect()
}

/// For each gold span, the unit matched to it one-to-one: the unmatched unit that overlaps it
/// most, when the overlap is at least half of the gold span.
fn pair(gold: &[(usize, usize)], units: &[Unit]) -> Vec<Option<usize>> {
    let mut used = vec![false; units.len()];
    gold.iter()
        .map(|&(start, end)| {
            let need = end.saturating_sub(start).div_ceil(2).max(1);
            let best = units
                .iter()
                .enumerate()
                .filter(|(i, _)| !used[*i])
                .map(|(i, u)| (i, u.end.min(end).saturating_sub(u.start.max(start))))
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

/// Scores the speaker of a matched pair: by name, by kind of gold mention, by mention span.
fn score_speaker(record: &Record, g: &GoldQuote, u: &Unit, report: &mut QuoteReport) {
    let system = u.speaker.as_deref().unwrap_or("");
    let names = |head: &str| system.split_whitespace().any(|w| normalise(w) == head);
    let Some(written) = gold_speaker(g).and_then(written) else {
        report.speaker_unscored += 1;
        return;
    };
    if let Some((start, end)) = gold_mention(g) {
        report.mention_scored[written as usize] += 1;
        if u.mention.is_some_and(|(s, e)| s < end && start < e) {
            report.mention_correct[written as usize] += 1;
        }
    }
    let head = gold_speaker(g).and_then(gold_head);
    let antecedent = antecedent(record, g);
    let correct = match (written, &head) {
        (Written::Name, Some(head)) => names(head),
        // A description may be resolved to the name it stands for (approximately, the last
        // named gold speaker before it).
        (Written::Description, Some(head)) => {
            names(head)
                || gold_speaker(g)
                    .and_then(apposed_name_head)
                    .is_some_and(|h| names(&h))
                || antecedent.as_deref().is_some_and(&names)
        }
        _ => match &antecedent {
            Some(a) => names(a),
            None => {
                report.speaker_unscored += 1;
                return;
            }
        },
    };
    report.by_kind_scored[written as usize] += 1;
    report.by_kind_correct[written as usize] += usize::from(correct);
    if written == Written::Pronoun {
        report.speaker_unscored += 1;
        report.pronoun_scored += 1;
        report.pronoun_correct += usize::from(correct);
    } else {
        report.speaker_scored += 1;
        report.speaker_correct += usize::from(correct);
    }
    if !correct {
        let read_from = u
            .mention
            .map(|(s, e)| excerpt(&record.text, s, e))
            .unwrap_or_default();
        let around = gold_mention(g)
            .map(|(s, e)| excerpt(&record.text, s.saturating_sub(60), e + 30))
            .unwrap_or_default();
        report.errors.push(format!(
            "{} {} speaker {:?} (read from {}) for gold {:?} (antecedent {:?}) at {}\n    gold speaker in {}",
            record.doc_id,
            written.label(),
            system,
            read_from,
            g.speaker.as_deref().unwrap_or(""),
            antecedent.as_deref().unwrap_or(""),
            excerpt(&record.text, g.start, g.end),
            around
        ));
    }
}

/// How a gold speaker is written; `None` when it is empty.
fn written(speaker: &str) -> Option<Written> {
    if speaker.trim().is_empty() {
        return None;
    }
    let Some(head) = gold_head(speaker) else {
        return Some(Written::Pronoun);
    };
    let capitalised = speaker.split_whitespace().any(|w| {
        normalise(w) == head
            && w.trim_start_matches(|c: char| !c.is_alphanumeric())
                .starts_with(char::is_uppercase)
    });
    Some(if capitalised {
        Written::Name
    } else {
        Written::Description
    })
}

/// The gold speaker's span, or the cue's where the annotator swapped them.
fn gold_mention(g: &GoldQuote) -> Option<(usize, usize)> {
    let swapped = gold_speaker(g) != g.speaker.as_deref();
    if swapped {
        g.cue_start.zip(g.cue_end)
    } else {
        g.speaker_start.zip(g.speaker_end)
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
/// coreference. A pronoun that stands for a person ("he", "she", "I", "who") takes the last
/// gold speaker written as a name: "the tweet" or "the rules" before it is not who "she" is.
fn antecedent(record: &Record, g: &GoldQuote) -> Option<String> {
    let at = g.speaker_start?;
    let personal = gold_speaker(g).is_some_and(|s| {
        matches!(
            s.trim().to_lowercase().as_str(),
            "he" | "she" | "him" | "her" | "i" | "me" | "who"
        )
    });
    record
        .quotes
        .iter()
        .filter(|q| !personal || q.speaker.as_deref().and_then(written) == Some(Written::Name))
        .filter_map(|q| Some((q.speaker_start?, gold_head(q.speaker.as_deref()?)?)))
        .filter(|(start, _)| *start < at)
        .max_by_key(|(start, _)| *start)
        .map(|(_, head)| head)
}

/// The head of the name a description holds in apposition: "her senior policy adviser, Jake
/// Sullivan," names Sullivan, who is the speaker as much as the adviser is.
fn apposed_name_head(speaker: &str) -> Option<String> {
    let (_, rest) = speaker.split_once(',')?;
    let name = rest.split(',').next()?.trim();
    let capitalised = name
        .split_whitespace()
        .all(|w| w.starts_with(char::is_uppercase));
    if name.is_empty() || !capitalised {
        return None;
    }
    gold_head(name)
}

/// The head word of a gold speaker span, or `None` for a pronoun or an empty span.
fn gold_head(speaker: &str) -> Option<String> {
    let cut_at = |seps: &[&str]| {
        seps.iter()
            .filter_map(|sep| speaker.find(sep))
            .min()
            .unwrap_or(speaker.len())
    };
    let cut = cut_at(&[
        ",", "(", " who ", " whose ", " which ", " for ", " at ", " from ", " on ", " in ",
        " with ",
    ]);
    // "Secretary of State John F. Kerry" names Kerry: a title's "of" phrase that goes on to a
    // name is no trailing phrase to cut.
    let cut = if titled_name(&speaker[..cut]) {
        cut
    } else {
        cut.min(cut_at(&[" of "]))
    };
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

/// Whether a gold speaker is a capitalised title, "of" and a capitalised name: "Secretary of
/// State John F. Kerry", "Director of Public Works Eric Hood" (the name after the "of" phrase
/// is the person), not "Secretary of State" nor "the head of the agency".
fn titled_name(speaker: &str) -> bool {
    const TITLES: [&str; 16] = [
        "secretary",
        "director",
        "chairman",
        "chairwoman",
        "chair",
        "speaker",
        "minister",
        "president",
        "governor",
        "mayor",
        "head",
        "chief",
        "commissioner",
        "administrator",
        "ambassador",
        "leader",
    ];
    let Some((title, rest)) = speaker.trim().rsplit_once(" of ") else {
        return false;
    };
    let title = title
        .split(" of ")
        .next()
        .unwrap_or("")
        .split_whitespace()
        .filter(|w| !w.eq_ignore_ascii_case("the"))
        .collect::<Vec<_>>();
    let words: Vec<&str> = rest
        .split_whitespace()
        .filter(|w| !w.eq_ignore_ascii_case("the"))
        .collect();
    let capitalised = |w: &&str| w.starts_with(char::is_uppercase);
    title.len() == 1
        && title.iter().all(capitalised)
        && TITLES.contains(&normalise(title[0]).as_str())
        && words.len() >= 3
        && words.iter().all(capitalised)
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
        assert_eq!(
            gold_head("one aide involved in the talks").as_deref(),
            Some("involved")
        );
        assert_eq!(
            gold_head("a lawyer familiar with the case").as_deref(),
            Some("familiar")
        );
        assert_eq!(
            gold_head("Secretary of State John F. Kerry").as_deref(),
            Some("kerry")
        );
        assert_eq!(
            gold_head("Chairman of the Joint Chiefs of Staff Gen. Ann Dale").as_deref(),
            Some("dale")
        );
        assert_eq!(
            gold_head("Secretary of State").as_deref(),
            Some("secretary")
        );
        assert_eq!(
            gold_head("the head of the European Central Bank").as_deref(),
            Some("head")
        );
        assert_eq!(
            gold_head("University of Southern Maine Press").as_deref(),
            Some("university")
        );
        assert_eq!(gold_head("she"), None);
        assert_eq!(gold_head(""), None);
    }

    #[test]
    fn a_description_names_its_apposed_person() {
        assert_eq!(
            apposed_name_head("the party's treasurer, Ruth Okafor,").as_deref(),
            Some("okafor")
        );
        assert_eq!(apposed_name_head("the treasurer, who resigned,"), None);
        assert_eq!(apposed_name_head("the treasurer"), None);
    }

    #[test]
    fn pairing_needs_half_the_gold_span() {
        let g = (0, 10);
        let unit = |start, end| Unit {
            start,
            end,
            speaker: None,
            mention: None,
        };
        assert_eq!(pair(&[g], &[unit(0, 4)]), vec![None]);
        assert_eq!(pair(&[g], &[unit(0, 4), unit(3, 9)]), vec![Some(1)]);
    }

    #[test]
    fn bad_input_names_file_and_line() {
        crate::testing::second_line_error(
            "quotes-eval",
            "{\"doc_id\":\"a\",\"text\":\"x\",\"quotes\":[]}\nnot json\n",
            evaluate,
        );
    }
}
