//! Conformance: PETRARCH's own test suites (`../shared/data/events/*.jsonl`) coded with the
//! dictionaries they name, scored as the share of records whose events come out exactly; and
//! news sentences coded with the embedded dictionaries and the whole pipeline (records that name
//! no dictionaries, such as the team's `tests/data/events_news.jsonl`), scored also by root code
//! and by (source, target, root code) dyad, each actor cut to its first three letters, and the
//! share of records expected to give nothing that gave nothing (`none_ok`).
//!
//! A record is `{id, text, date, expected:[{source,target,code}], expected_status,
//! dictionaries, config}`. A `coded` record passes when the set of (source, target, code) equals
//! the expected set (an expected event marked `?` may be present or absent); `none_expected`,
//! `error_expected` and `discard_expected` records pass when nothing is coded. `config`'s
//! `require_dyad` (default true for PETRARCH's suites, as in PETRARCH; false for news records, scored on
//! what the stage stores, a side the sentence does not name left empty) drops events without a
//! source or a target.
//! A `control_record` is not scored: the TABARI option its notes carry (`OPTION: COMMA: ...`)
//! applies to the records after it in the same file.
//!
//! A news record may name the `article` it was taken from. Given the articles (`--articles`, a
//! JSON lines file of `{id, date, text}` such as the pile), such a record is coded in its
//! article, as its coders read it: the whole article runs through the pipeline and the events
//! of the sentences the record's text covers are scored. A pronoun, a description or a
//! surname then resolves as it does in use; a record whose article is missing, or whose text
//! the article does not hold, is coded alone and counted.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};

use chronicle_core::{Article, Event};
use serde::Deserialize;

use crate::score::{prf, ratio};
use chronicle_nlp::events::{CommaRules, EventCoder};
use chronicle_nlp::segment::Segmenter;
use chronicle_nlp::{Pipeline, Stage};

#[derive(Debug, Deserialize)]
struct Record {
    id: String,
    text: String,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    expected: Vec<Expected>,
    #[serde(default)]
    expected_status: String,
    #[serde(default)]
    category: Option<String>,
    /// Free notes; a control record's hold the option it sets (`OPTION: COMMA: MIN = 4 ...`).
    #[serde(default)]
    notes: String,
    #[serde(default)]
    dictionaries: Option<HashMap<String, String>>,
    #[serde(default)]
    config: Option<HashMap<String, String>>,
    /// The id of the article the sentence was taken from.
    #[serde(default)]
    article: Option<String>,
}

/// One article of `--articles`.
#[derive(Debug, Deserialize)]
struct Source {
    id: String,
    #[serde(default)]
    date: Option<String>,
    text: String,
}

/// The articles records name, each annotated once, with the events of each sentence.
#[derive(Default)]
struct Articles {
    /// Article id → its text and date, until it is first coded.
    sources: HashMap<String, Source>,
    /// Article id → the article annotated by the embedded pipeline.
    coded: HashMap<String, Article>,
}

impl Articles {
    /// The articles of `path` (JSON lines, gzipped when its name ends in `.gz`) that `wanted`
    /// names; lines that are no article are skipped.
    fn load(path: &Path, wanted: &BTreeSet<String>) -> Result<Self, String> {
        use std::io::BufRead;
        let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let reader: Box<dyn std::io::Read> = if path.extension().is_some_and(|e| e == "gz") {
            Box::new(flate2::read::MultiGzDecoder::new(file))
        } else {
            Box::new(file)
        };
        let mut sources = HashMap::new();
        for (n, line) in std::io::BufReader::new(reader).lines().enumerate() {
            let line = line.map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))?;
            if !line.contains("\"id\"") {
                continue;
            }
            let Ok(source) = serde_json::from_str::<Source>(&line) else {
                continue;
            };
            if wanted.contains(&source.id) {
                sources.insert(source.id.clone(), source);
            }
        }
        Ok(Articles {
            sources,
            coded: HashMap::new(),
        })
    }

    /// The events of `rec` coded in its article by `pipeline`: those of every sentence its text
    /// overlaps. `None` when the article is not at hand or does not hold the text.
    fn events_of(&mut self, pipeline: &Pipeline, rec: &Record) -> Option<Vec<Event>> {
        let id = rec.article.as_ref()?;
        if !self.coded.contains_key(id) {
            let source = self.sources.remove(id)?;
            let mut article = Article::new(source.id, source.text);
            article.published = source.date.as_deref().and_then(parse_date);
            pipeline.annotate(&mut article);
            self.coded.insert(id.clone(), article);
        }
        let article = self.coded.get(id)?;
        let start = article.body.find(rec.text.as_str())?;
        let end = start + rec.text.len();
        let spans = &article.analysis.sentence_spans;
        Some(
            article
                .events
                .iter()
                .filter(|e| {
                    spans
                        .get(e.sentence)
                        .is_some_and(|sp| (sp.start as usize) < end && start < sp.end as usize)
                })
                .cloned()
                .collect(),
        )
    }
}

#[derive(Debug, Deserialize)]
struct Expected {
    source: String,
    target: String,
    code: String,
}

/// One record that did not come out as expected.
#[derive(Debug, Clone)]
pub struct Miss {
    pub id: String,
    pub category: String,
    pub text: String,
    pub expected: Vec<String>,
    pub produced: Vec<String>,
}

/// Scores of one suite file.
#[derive(Debug, Clone, Default)]
pub struct FileScore {
    pub file: String,
    pub records: usize,
    pub exact: usize,
    /// Expected events (not optional ones) and how many of them have an event of the same CAMEO
    /// root among the record's events.
    pub expected_events: usize,
    pub root_found: usize,
    /// (source, target, root code) triples: produced, expected, and in both.
    pub dyads_produced: usize,
    pub dyads_expected: usize,
    pub dyads_matched: usize,
    /// Records where nothing is expected, and how many of them came out with no event.
    pub none_expected: usize,
    pub none_ok: usize,
    /// Records with a status no scorer can judge (`unknown`, `control_record`).
    pub skipped: usize,
    /// Records coded in the article they were taken from (see the module's doc).
    pub in_context: usize,
    /// Category → (records, exact).
    pub categories: BTreeMap<String, (usize, usize)>,
    pub misses: Vec<Miss>,
}

/// The result of [`evaluate`]: per file, the share of records coded exactly.
#[derive(Debug, Clone, Default)]
pub struct EventReport {
    pub files: Vec<FileScore>,
}

impl FileScore {
    /// Exact records over scored records.
    pub fn share(&self) -> f64 {
        ratio(self.exact, self.records)
    }

    /// Expected events whose root code the record's events include, over expected events.
    pub fn root_accuracy(&self) -> f64 {
        ratio(self.root_found, self.expected_events)
    }

    /// Records expected to give no event that gave none, over such records.
    pub fn none_ok(&self) -> f64 {
        ratio(self.none_ok, self.none_expected)
    }

    /// Precision, recall and F1 of (source, target, root code) triples.
    pub fn dyad_prf(&self) -> (f64, f64, f64) {
        prf(self.dyads_matched, self.dyads_produced, self.dyads_expected)
    }
}

impl fmt::Display for EventReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for s in &self.files {
            writeln!(
                f,
                "{}: {}/{} records coded exactly ({:.1}%), {} not scorable{}",
                s.file,
                s.exact,
                s.records,
                100.0 * s.share(),
                s.skipped,
                match s.in_context {
                    0 => String::new(),
                    n => format!(", {n} coded in their article"),
                }
            )?;
            let (p, r, f1) = s.dyad_prf();
            writeln!(
                f,
                "  root code accuracy {:.3} ({}/{} expected events); dyads (source[:3], target[:3], root) P {p:.3} R {r:.3} F1 {f1:.3}; none_ok {:.3} ({}/{})",
                s.root_accuracy(),
                s.root_found,
                s.expected_events,
                s.none_ok(),
                s.none_ok,
                s.none_expected
            )?;
            for (cat, (n, ok)) in &s.categories {
                writeln!(f, "  {cat:<12} {ok:>4}/{n:<4}")?;
            }
        }
        Ok(())
    }
}

impl EventReport {
    /// The records that missed, one block each, for people tuning the engine.
    pub fn misses(&self) -> String {
        let mut out = String::new();
        for s in &self.files {
            for m in &s.misses {
                out.push_str(&format!(
                    "{} [{}]\n  {}\n  expected {:?}\n  produced {:?}\n",
                    m.id, m.category, m.text, m.expected, m.produced
                ));
            }
        }
        out
    }
}

/// What codes a record: a PETRARCH dictionary folder's coder on the segmenter's sentences, or
/// the whole embedded pipeline (names give the actors, time the dates) for news records.
enum Engine {
    Petrarch(Box<EventCoder>),
    Embedded(Box<Pipeline>),
}

/// Runs the suites in `files`. `dictionaries` is the PETRARCH dictionary folder to use; without
/// it, each file's records name their dictionaries and the folder beside the file that holds them
/// is used (`petr_validate/`, `petr_validate_2014/` ...); records that name none are coded with
/// the embedded dictionaries, each in its article when `articles` holds it.
pub fn evaluate(
    files: &[PathBuf],
    dictionaries: Option<&Path>,
    articles: Option<&Path>,
) -> Result<EventReport, String> {
    let segmenter = Segmenter::new();
    let mut articles = match articles {
        Some(path) => Some(Articles::load(path, &named_articles(files)?)?),
        None => None,
    };
    // `None`: the embedded pipeline.
    let mut engines: HashMap<Option<PathBuf>, Engine> = HashMap::new();
    let mut report = EventReport::default();
    for file in files {
        let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
        let mut score = FileScore {
            file: file.display().to_string(),
            ..FileScore::default()
        };
        // options set by a file's control records last to the end of that file
        for engine in engines.values_mut() {
            if let Engine::Petrarch(coder) = engine {
                coder.set_comma_rules(CommaRules::default());
            }
        }
        for item in crate::json_lines(file, &text) {
            let (_, rec): (String, Record) = item?;
            let dir = match (dictionaries, &rec.dictionaries) {
                (Some(d), _) => Some(d.to_path_buf()),
                (None, Some(_)) => Some(dictionary_dir(file, &rec)?),
                (None, None) => None,
            };
            if !engines.contains_key(&dir) {
                let engine = match &dir {
                    Some(d) => Engine::Petrarch(Box::new(EventCoder::from_petrarch_dir(d)?)),
                    None => Engine::Embedded(Box::new(Pipeline::standard())),
                };
                engines.insert(dir.clone(), engine);
            }
            if rec.expected_status == "control_record" {
                if let (Some(Engine::Petrarch(coder)), Some((_, option))) =
                    (engines.get_mut(&dir), rec.notes.split_once("OPTION:"))
                {
                    let mut rules = coder.comma_rules();
                    if rules.apply_option(option) {
                        coder.set_comma_rules(rules);
                    }
                }
                score.skipped += 1;
                continue;
            }
            if let Some(engine) = engines.get(&dir) {
                score_record(engine, &segmenter, articles.as_mut(), &rec, &mut score);
            }
        }
        report.files.push(score);
    }
    Ok(report)
}

/// The ids of the articles the records of `files` were taken from.
fn named_articles(files: &[PathBuf]) -> Result<BTreeSet<String>, String> {
    #[derive(Deserialize)]
    struct Named {
        #[serde(default)]
        article: Option<String>,
    }
    let mut ids = BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            if let Ok(Named { article: Some(id) }) = serde_json::from_str(line) {
                ids.insert(id);
            }
        }
    }
    Ok(ids)
}

fn score_record(
    engine: &Engine,
    segmenter: &Segmenter,
    articles: Option<&mut Articles>,
    rec: &Record,
    score: &mut FileScore,
) {
    let must_be_empty = matches!(
        rec.expected_status.as_str(),
        "none_expected" | "error_expected" | "discard_expected"
    );
    if rec.expected_status != "coded" && !must_be_empty {
        score.skipped += 1;
        return;
    }
    let in_context = match (engine, articles) {
        (Engine::Embedded(pipeline), Some(articles)) => articles.events_of(pipeline, rec),
        _ => None,
    };
    if in_context.is_some() {
        score.in_context += 1;
    }
    let produced = code_record(engine, segmenter, rec, in_context);
    let required: BTreeSet<String> = rec
        .expected
        .iter()
        .filter(|e| !e.code.ends_with('?'))
        .map(|e| key(&e.source, &e.target, &e.code))
        .collect();
    let optional: BTreeSet<String> = rec
        .expected
        .iter()
        .filter(|e| e.code.ends_with('?'))
        .map(|e| key(&e.source, &e.target, e.code.trim_end_matches('?')))
        .collect();
    let ok = if must_be_empty {
        produced.is_empty()
    } else {
        required.is_subset(&produced)
            && produced
                .iter()
                .all(|p| required.contains(p) || optional.contains(p))
    };
    tally_roots(&required, &produced, score);
    score.records += 1;
    if must_be_empty {
        score.none_expected += 1;
        score.none_ok += usize::from(produced.is_empty());
    }
    let cat = score
        .categories
        .entry(rec.category.clone().unwrap_or_default())
        .or_default();
    cat.0 += 1;
    if ok {
        score.exact += 1;
        cat.1 += 1;
    } else {
        score.misses.push(Miss {
            id: rec.id.clone(),
            category: rec.category.clone().unwrap_or_default(),
            text: rec.text.clone(),
            expected: rec
                .expected
                .iter()
                .map(|e| key(&e.source, &e.target, &e.code))
                .collect(),
            produced: produced.into_iter().collect(),
        });
    }
}

/// Adds a record's expected and produced `SOURCE>TARGET:CODE` keys to the root-code and dyad
/// tallies.
fn tally_roots(expected: &BTreeSet<String>, produced: &BTreeSet<String>, score: &mut FileScore) {
    // "USAGOV>IRN:1231" → ("USA>IRN", "12"): the dyad is scored on the actors' countries or
    // sectors (their first three letters), as the two coders of the silver set agreed on them
    let split = |k: &String| -> Option<(String, String)> {
        let (dyad, code) = k.rsplit_once(':')?;
        let (source, target) = dyad.split_once('>')?;
        let three = |a: &str| a.get(..3).unwrap_or(a).to_string();
        Some((
            format!("{}>{}", three(source), three(target)),
            code.get(..2)?.to_string(),
        ))
    };
    let expected: Vec<(String, String)> = expected.iter().filter_map(split).collect();
    let produced: BTreeSet<(String, String)> = produced.iter().filter_map(split).collect();
    score.expected_events += expected.len();
    score.root_found += expected
        .iter()
        .filter(|(_, root)| produced.iter().any(|(_, r)| r == root))
        .count();
    let expected: BTreeSet<(String, String)> = expected.into_iter().collect();
    score.dyads_expected += expected.len();
    score.dyads_produced += produced.len();
    score.dyads_matched += expected.intersection(&produced).count();
}

/// The events of one record as `SOURCE>TARGET:CODE` keys, after `require_dyad`.
/// `in_context`: the record's events already coded in its article.
fn code_record(
    engine: &Engine,
    segmenter: &Segmenter,
    rec: &Record,
    in_context: Option<Vec<Event>>,
) -> BTreeSet<String> {
    let mut article = Article::new(rec.id.clone(), rec.text.clone());
    article.published = rec.date.as_deref().and_then(parse_date);
    // PETRARCH's suites drop one-sided events unless told otherwise; news records are scored
    // on what the stage stores, where a side the sentence does not name stays empty
    let (default_dyad, missing) = match engine {
        Engine::Petrarch(_) => (true, "---"),
        Engine::Embedded(_) => (false, ""),
    };
    let require_dyad = rec
        .config
        .as_ref()
        .and_then(|c| c.get("require_dyad"))
        .map_or(default_dyad, |v| !v.eq_ignore_ascii_case("false"));
    let events = match (engine, in_context) {
        (_, Some(events)) => events,
        (Engine::Petrarch(coder), None) => {
            segmenter.annotate(&mut article);
            coder.code(&article)
        }
        (Engine::Embedded(pipeline), None) => {
            pipeline.annotate(&mut article);
            std::mem::take(&mut article.events)
        }
    };
    events
        .into_iter()
        .filter(|e| !require_dyad || (e.source.is_some() && e.target.is_some()))
        .map(|e| {
            key(
                e.source.as_deref().unwrap_or(missing),
                e.target.as_deref().unwrap_or(missing),
                &e.cameo,
            )
        })
        .collect()
}

fn key(source: &str, target: &str, code: &str) -> String {
    format!("{}>{}:{code}", actor_key(source), actor_key(target))
}

/// An agent with no actor to attach to is written `~REB` by PETRARCH-1 and `---REB` by
/// PETRARCH-2 and by us; the two spellings name the same thing, so both score alike.
fn actor_key(code: &str) -> std::borrow::Cow<'_, str> {
    match code.strip_prefix('~') {
        Some(agent) => format!("---{agent}").into(),
        None => code.into(),
    }
}

/// `19950101` → 1995-01-01.
fn parse_date(s: &str) -> Option<jiff::civil::Date> {
    let s = s.trim();
    if s.len() != 8 {
        return s.parse().ok();
    }
    jiff::civil::Date::new(
        s.get(..4)?.parse().ok()?,
        s.get(4..6)?.parse().ok()?,
        s.get(6..8)?.parse().ok()?,
    )
    .ok()
}

/// The folder beside `file` that holds the verb file the record names; "(2014 version)" picks
/// the folder whose name says 2014.
fn dictionary_dir(file: &Path, rec: &Record) -> Result<PathBuf, String> {
    let verbfile = rec
        .dictionaries
        .as_ref()
        .and_then(|d| d.get("Verbfile"))
        .ok_or_else(|| {
            format!(
                "{}: record {} names no Verbfile; give --dictionaries",
                file.display(),
                rec.id
            )
        })?;
    let name = verbfile.split(" (").next().unwrap_or(verbfile).trim();
    let wants_2014 = verbfile.contains("2014");
    let parent = file.parent().unwrap_or(Path::new("."));
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(parent)
        .map_err(|e| format!("{}: {e}", parent.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join(name).is_file())
        .collect();
    dirs.sort();
    dirs.into_iter()
        .find(|d| d.to_string_lossy().contains("2014") == wants_2014)
        .ok_or_else(|| {
            format!(
                "{}: no folder beside it holds {name}; give --dictionaries",
                file.display()
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roots_and_dyads_are_tallied_per_expected_event() {
        let set = |keys: &[&str]| keys.iter().map(|k| k.to_string()).collect::<BTreeSet<_>>();
        let mut score = FileScore::default();
        // the root is right and the dyad too (on the actors' first three letters); a second
        // expected event is missed; one spurious
        tally_roots(
            &set(&["USA>IRN:1231", "FRA>IRN:111"]),
            &set(&["USAGOV>IRN:120", "IRN>USA:042"]),
            &mut score,
        );
        assert_eq!((score.expected_events, score.root_found), (2, 1));
        assert_eq!(
            (
                score.dyads_expected,
                score.dyads_produced,
                score.dyads_matched
            ),
            (2, 2, 1)
        );
        let (p, r, f) = score.dyad_prf();
        assert!((p - 0.5).abs() < 1e-9 && (r - 0.5).abs() < 1e-9 && (f - 0.5).abs() < 1e-9);
        assert!((score.root_accuracy() - 0.5).abs() < 1e-9);
    }

    #[test]
    fn lone_agents_score_alike_in_both_spellings() {
        assert_eq!(key("~MIL", "ABC", "051"), key("---MIL", "ABC", "051"));
        assert_eq!(key("ABC", "~REB", "051"), "ABC>---REB:051");
        assert_eq!(key("ABCGOV", "---", "051"), "ABCGOV>---:051");
    }
}
