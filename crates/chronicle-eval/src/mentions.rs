//! `chronicle eval mentions`: the actor codes and places a corpus gets most often, each with the
//! words it was read from most often, so that a collision shows at a glance: a code whose top
//! mentions name two different people ("Howard" as a prime minister's office), a place whose
//! top mentions are a surname or an abbreviation ("Cruz", "Nov."). No gold: the report is read,
//! not scored.

use std::collections::HashMap;
use std::fmt;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;

use chronicle_core::{Article, EntityType};
use chronicle_nlp::Pipeline;
use serde::Deserialize;

/// Mentions shown per code or place.
const TOP_MENTIONS: usize = 5;

/// One article of the corpus (the pile's JSON lines: `{id, date, text}`, other fields ignored).
#[derive(Debug, Deserialize)]
struct Source {
    #[serde(default)]
    id: String,
    #[serde(default)]
    date: Option<String>,
    text: String,
}

/// How often one thing (a code, a place) was read, in how many articles, and from which words.
#[derive(Debug, Default, Clone)]
pub struct Tally {
    pub mentions: usize,
    pub articles: usize,
    /// Words as written → how often.
    pub texts: HashMap<String, usize>,
    last_article: Option<usize>,
}

impl Tally {
    fn add(&mut self, article: usize, text: &str) {
        self.mentions += 1;
        if self.last_article != Some(article) {
            self.articles += 1;
            self.last_article = Some(article);
        }
        *self.texts.entry(text.to_string()).or_default() += 1;
    }

    /// The words it was read from most often, most frequent first (ties alphabetical).
    pub fn top_texts(&self, n: usize) -> Vec<(&str, usize)> {
        let mut v: Vec<(&str, usize)> = self.texts.iter().map(|(t, &c)| (t.as_str(), c)).collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        v.truncate(n);
        v
    }
}

/// The counts of a corpus: actor codes given to people, to other names, and places.
#[derive(Debug, Default)]
pub struct MentionReport {
    pub articles: usize,
    /// Actor code → the people's mentions that carry it.
    pub people: HashMap<String, Tally>,
    /// Actor code → the mentions of organisations, countries and groups that carry it.
    pub others: HashMap<String, Tally>,
    /// "Name (CC)" of the gazetteer place → its mentions.
    pub places: HashMap<String, Tally>,
    /// Rows shown per table.
    pub top: usize,
}

impl MentionReport {
    /// Counts the names and places of one annotated article.
    pub fn add(&mut self, article: &Article) {
        let k = self.articles;
        self.articles += 1;
        for e in &article.entities {
            let Some(code) = e.actor.as_deref() else {
                continue;
            };
            let table = if e.kind == EntityType::Person {
                &mut self.people
            } else {
                &mut self.others
            };
            table.entry(code.to_string()).or_default().add(k, &e.text);
        }
        for p in &article.places {
            let key = match &p.country {
                Some(cc) => format!("{} ({cc})", p.name),
                None => p.name.clone(),
            };
            self.places.entry(key).or_default().add(k, &p.text);
        }
    }

    fn table(
        f: &mut fmt::Formatter<'_>,
        title: &str,
        rows: &HashMap<String, Tally>,
        top: usize,
    ) -> fmt::Result {
        writeln!(f, "\n{title} ({} distinct)", rows.len())?;
        writeln!(
            f,
            "{:>4}  {:<28} {:>8} {:>8}  top mentions",
            "#", "", "mentions", "articles"
        )?;
        let mut v: Vec<(&String, &Tally)> = rows.iter().collect();
        v.sort_by(|a, b| b.1.mentions.cmp(&a.1.mentions).then(a.0.cmp(b.0)));
        for (i, (key, t)) in v.into_iter().take(top).enumerate() {
            let texts: Vec<String> = t
                .top_texts(TOP_MENTIONS)
                .into_iter()
                .map(|(w, c)| format!("{w} {c}"))
                .collect();
            writeln!(
                f,
                "{:>4}  {:<28} {:>8} {:>8}  {}",
                i + 1,
                key,
                t.mentions,
                t.articles,
                texts.join(" · ")
            )?;
        }
        Ok(())
    }
}

impl fmt::Display for MentionReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "Mentions in {} articles (names and places stages)",
            self.articles
        )?;
        Self::table(f, "Actor codes of people", &self.people, self.top)?;
        Self::table(
            f,
            "Actor codes of organisations, countries and groups",
            &self.others,
            self.top,
        )?;
        Self::table(f, "Places", &self.places, self.top)
    }
}

/// Runs segmentation, names and places over the articles of `paths` (JSON lines with a `text`,
/// gzipped when the name ends in `.gz`; at most `limit` articles when given) and counts what
/// they name. Lines that are no article are skipped.
pub fn report(
    paths: &[PathBuf],
    top: usize,
    limit: Option<usize>,
) -> Result<MentionReport, String> {
    let pipeline = Pipeline::from_stages(vec![
        Box::new(chronicle_nlp::segment::Segmenter::new()),
        Box::new(chronicle_nlp::names::NameFinder::new()),
        Box::new(chronicle_nlp::places::PlaceFinder::new()),
    ])
    .map_err(|e| e.to_string())?;
    let mut out = MentionReport {
        top,
        ..MentionReport::default()
    };
    for path in paths {
        let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let reader: Box<dyn std::io::Read> = if path.extension().is_some_and(|e| e == "gz") {
            Box::new(flate2::read::MultiGzDecoder::new(file))
        } else {
            Box::new(file)
        };
        for (n, line) in BufReader::new(reader).lines().enumerate() {
            if limit.is_some_and(|l| out.articles >= l) {
                return Ok(out);
            }
            let line = line.map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))?;
            let Ok(source) = serde_json::from_str::<Source>(&line) else {
                continue;
            };
            let mut article = Article::new(source.id, source.text);
            article.published = source
                .date
                .as_deref()
                .and_then(|d| d.get(..10)?.parse().ok());
            pipeline.annotate(&mut article);
            out.add(&article);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_read_from_two_surnames_shows_both_among_its_top_mentions() {
        let mut t = Tally::default();
        for (article, text) in [
            (0, "Howard"),
            (0, "Howard"),
            (1, "John Howard"),
            (2, "Howard"),
        ] {
            t.add(article, text);
        }
        assert_eq!(t.mentions, 4);
        assert_eq!(t.articles, 3);
        assert_eq!(t.top_texts(5), vec![("Howard", 3), ("John Howard", 1)]);
    }
}
