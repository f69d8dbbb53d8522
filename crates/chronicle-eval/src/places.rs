//! `chronicle eval geo`: toponym spans and coordinates against annotated news.
//!
//! Reads the two XML layouts of the geoparsing literature: TR-News (`<toponym>` with `<phrase>`,
//! `<start>`, `<end>` and a GeoNames `<gaztag>` with `<lat>`/`<lon>`) and GeoVirus
//! (`<location>` with `<name>`, `<start>`, `<end>`, `<lat>`, `<lon>`). Gold offsets are
//! character offsets; where they are shifted (GeoVirus by one, some TR-News articles by a few),
//! each gold toponym is aligned to the nearest occurrence of its phrase within 60 characters.
//!
//! Scores: toponym span precision, recall and F1 (exact spans), and, over the gold toponyms with
//! coordinates that a predicted place covers exactly, the share placed within 161 km (100
//! miles) and the median error in km.

use std::fmt;
use std::path::PathBuf;

use chronicle_core::Article;

use crate::score::{f1, ratio};
use chronicle_nlp::places::PlaceFinder;
use chronicle_nlp::places::gazetteer::distance_km;
use chronicle_nlp::{Pipeline, Stage};

/// One gold toponym.
#[derive(Debug, Clone)]
struct Gold {
    start: usize,
    end: usize,
    point: Option<(f64, f64)>,
}

/// Scores of one file or of all.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GeoScores {
    pub articles: usize,
    pub gold: usize,
    pub predicted: usize,
    /// Predicted spans equal to a gold span.
    pub matched: usize,
    /// Matched gold toponyms that have coordinates.
    pub located: usize,
    /// Of those, placed within 161 km.
    pub within_161: usize,
    /// Errors in km of the located toponyms.
    pub errors_km: Vec<f64>,
}

impl GeoScores {
    /// Span precision.
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.predicted)
    }
    /// Span recall.
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }
    /// Span F1.
    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }
    /// Share of located toponyms within 161 km.
    pub fn accuracy_161(&self) -> f64 {
        ratio(self.within_161, self.located)
    }
    /// Median error in km of the located toponyms.
    pub fn median_km(&self) -> f64 {
        let mut v = self.errors_km.clone();
        v.sort_by(f64::total_cmp);
        v.get(v.len() / 2).copied().unwrap_or(0.0)
    }
    fn add(&mut self, o: &GeoScores) {
        self.articles += o.articles;
        self.gold += o.gold;
        self.predicted += o.predicted;
        self.matched += o.matched;
        self.located += o.located;
        self.within_161 += o.within_161;
        self.errors_km.extend_from_slice(&o.errors_km);
    }
}

/// The result of [`evaluate`]: scores by file and over all files.
#[derive(Debug, Clone, Default)]
pub struct GeoReport {
    pub files: Vec<(String, GeoScores)>,
    pub total: GeoScores,
}

impl fmt::Display for GeoReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<28} {:>5} {:>6} {:>6} {:>6} {:>6} {:>6} {:>7} {:>9}",
            "file", "docs", "gold", "P", "R", "F1", "geo n", "<161km", "median km"
        )?;
        let rows = self.files.iter().map(|(n, s)| (n.as_str(), s));
        for (name, s) in rows.chain(std::iter::once(("all", &self.total))) {
            writeln!(
                f,
                "{:<28} {:>5} {:>6} {:>6.3} {:>6.3} {:>6.3} {:>6} {:>7.3} {:>9.1}",
                name,
                s.articles,
                s.gold,
                s.precision(),
                s.recall(),
                s.f1(),
                s.located,
                s.accuracy_161(),
                s.median_km()
            )?;
        }
        Ok(())
    }
}

/// Scores the places stage (with segment and names before it) on TR-News / GeoVirus XML files.
pub fn evaluate(paths: &[PathBuf]) -> Result<GeoReport, String> {
    evaluate_with(paths, &PlaceFinder::new())
}

/// [`evaluate`] with a given finder (a user's gazetteer).
pub fn evaluate_with(paths: &[PathBuf], finder: &PlaceFinder) -> Result<GeoReport, String> {
    let pipeline = Pipeline::from_stages(vec![
        Box::new(chronicle_nlp::segment::Segmenter::new()),
        Box::new(chronicle_nlp::names::NameFinder::new()),
    ])
    .map_err(|e| e.to_string())?;
    let mut report = GeoReport::default();
    for path in paths {
        let xml = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let docs = parse(&xml);
        if docs.is_empty() {
            return Err(format!("{}: no <article> with <text>", path.display()));
        }
        let mut s = GeoScores::default();
        for (k, (text, gold)) in docs.iter().enumerate() {
            let mut a = Article::new(format!("{k}"), text.clone());
            pipeline.annotate(&mut a);
            finder.annotate(&mut a);
            score(&a, gold, &mut s);
        }
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into(),
        );
        report.total.add(&s);
        report.files.push((name, s));
    }
    Ok(report)
}

/// Every mistake on the given files, one tab-separated line each, for tuning by phenomenon:
/// `miss` (a gold toponym no place covers exactly), `extra` (a place that is no gold toponym)
/// and `far` (a matched place more than 161 km from the gold point), each with the file, the
/// article's number, the text, the names stage's entity over it and the words around it.
pub fn mistakes(paths: &[PathBuf]) -> Result<Vec<String>, String> {
    let pipeline = Pipeline::from_stages(vec![
        Box::new(chronicle_nlp::segment::Segmenter::new()),
        Box::new(chronicle_nlp::names::NameFinder::new()),
        Box::new(PlaceFinder::new()),
    ])
    .map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    for path in paths {
        let xml = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let file = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into(),
        );
        for (k, (text, gold)) in parse(&xml).into_iter().enumerate() {
            let mut a = Article::new(format!("{k}"), text);
            pipeline.annotate(&mut a);
            let chars: Vec<char> = a.body.chars().collect();
            let span =
                |s: usize, e: usize| chars.get(s..e).map_or(String::new(), String::from_iter);
            let around = |s: usize, e: usize| {
                let lo = s.saturating_sub(40);
                let hi = (e + 40).min(chars.len());
                format!("{}[{}]{}", span(lo, s), span(s, e), span(e, hi)).replace(['\n', '\t'], " ")
            };
            let kind = |s: usize, e: usize| {
                a.entities
                    .iter()
                    .find(|x| x.start < e && s < x.end)
                    .map_or("-".to_string(), |x| format!("{:?}", x.kind))
            };
            let line = |what: &str, s: usize, e: usize, note: String| {
                format!(
                    "{what}\t{file}#{k}\t{}\t{}\t{note}\t{}",
                    span(s, e),
                    kind(s, e),
                    around(s, e)
                )
            };
            for g in &gold {
                match a
                    .places
                    .iter()
                    .find(|p| p.start == g.start && p.end == g.end)
                {
                    None => out.push(line("miss", g.start, g.end, String::new())),
                    Some(p) => {
                        if let (Some((la, lo)), Some(pl), Some(pn)) = (g.point, p.lat, p.lon) {
                            let d = distance_km(la, lo, pl, pn);
                            if d > 161.0 {
                                let note = format!(
                                    "{} {:?} {:?} ({pl},{pn}) gold ({la},{lo}) {d:.0} km",
                                    p.name, p.country, p.kind
                                );
                                out.push(line("far", g.start, g.end, note));
                            }
                        }
                    }
                }
            }
            for p in &a.places {
                if !gold.iter().any(|g| g.start == p.start && g.end == p.end) {
                    let note = format!("{} {:?} {:?}", p.name, p.country, p.kind);
                    out.push(line("extra", p.start, p.end, note));
                }
            }
        }
    }
    Ok(out)
}

fn score(a: &Article, gold: &[Gold], s: &mut GeoScores) {
    s.articles += 1;
    s.gold += gold.len();
    s.predicted += a.places.len();
    for g in gold {
        let Some(p) = a
            .places
            .iter()
            .find(|p| p.start == g.start && p.end == g.end)
        else {
            continue;
        };
        s.matched += 1;
        if let (Some((glat, glon)), Some(lat), Some(lon)) = (g.point, p.lat, p.lon) {
            let d = distance_km(glat, glon, lat, lon);
            s.located += 1;
            s.within_161 += usize::from(d <= 161.0);
            s.errors_km.push(d);
        }
    }
}

/// The articles of a TR-News or GeoVirus file: text and aligned gold toponyms.
fn parse(xml: &str) -> Vec<(String, Vec<Gold>)> {
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(i) = rest.find("<article") {
        let body = &rest[i..];
        let end = body.find("</article>").map_or(body.len(), |e| e + 10);
        let art = &body[..end];
        rest = &body[end..];
        let Some(text) = tag(art, "text").map(unescape) else {
            continue;
        };
        let chars: Vec<char> = text.chars().collect();
        let mut gold = Vec::new();
        for item in blocks(art, "toponym").chain(blocks(art, "location")) {
            let phrase = tag(item, "phrase").or_else(|| tag(item, "name"));
            let (Some(phrase), Some(start)) = (phrase, num(item, "start")) else {
                continue;
            };
            let phrase = unescape(phrase);
            let Some(start) = align(&chars, &phrase, start as usize) else {
                continue;
            };
            let point = num(item, "lat").zip(num(item, "lon"));
            gold.push(Gold {
                start,
                end: start + phrase.chars().count(),
                point,
            });
        }
        out.push((text, gold));
    }
    out
}

/// The nearest start of `phrase` in `chars` within 60 characters of `at`.
fn align(chars: &[char], phrase: &str, at: usize) -> Option<usize> {
    let p: Vec<char> = phrase.chars().collect();
    if p.is_empty() {
        return None;
    }
    let fits = |s: usize| chars.get(s..s + p.len()).is_some_and(|w| w == p.as_slice());
    (0..=60usize).find_map(|d| {
        [at.checked_sub(d), Some(at + d)]
            .into_iter()
            .flatten()
            .find(|&s| fits(s))
    })
}

/// The inner text of the first `<name>...</name>` in `s` (CDATA unwrapped).
fn tag<'a>(s: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<{name}");
    let i = s.find(&open)?;
    let after = &s[i + open.len()..];
    let gt = after.find('>')?;
    let inner = &after[gt + 1..];
    let close = inner.find(&format!("</{name}>"))?;
    let v = &inner[..close];
    Some(
        v.trim()
            .strip_prefix("<![CDATA[")
            .and_then(|x| x.strip_suffix("]]>"))
            .unwrap_or(v),
    )
}

fn num(s: &str, name: &str) -> Option<f64> {
    tag(s, name)?.trim().parse().ok()
}

/// Every `<name ...>...</name>` block of `s`.
fn blocks<'a>(s: &'a str, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    let open = format!("<{name}>");
    let close = format!("</{name}>");
    let mut rest = s;
    std::iter::from_fn(move || {
        let i = rest.find(&open)?;
        let j = rest[i..].find(&close)? + i;
        let b = &rest[i..j];
        rest = &rest[j + close.len()..];
        Some(b)
    })
}

fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}
