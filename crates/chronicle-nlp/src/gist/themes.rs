//! Themes as GKG V2EnhancedThemes gives them: every phrase of the taxonomy found in the body,
//! with its offset.
//!
//! The taxonomy is our own (`dictionaries/themes/*.txt`), with GDELT-style names
//! (`NEGOTIATIONS`, `WMD`, `ECON_INFLATION`). A file lists themes as `[NAME]` headers, each
//! followed by its phrases, one a line, `#` starting a comment. Matching ignores ASCII case and
//! respects word edges: `war` is not found in `Warsaw`. A phrase ending in `*` takes any ending
//! (`sanction*` finds `sanctions`, `sanctioning`); a phrase starting with `=` keeps its case
//! (`=IS` is the Islamic State, not the verb). A phrase may belong to several themes.

use aho_corasick::automaton::Automaton as _;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, MatchKind};
use chronicle_core::ThemeHit;

use super::text::Doc;

/// The embedded taxonomy, one file per field.
const FILES: &[(&str, &str)] = &[
    (
        "conflict.txt",
        include_str!("../../../../dictionaries/themes/conflict.txt"),
    ),
    (
        "politics.txt",
        include_str!("../../../../dictionaries/themes/politics.txt"),
    ),
    (
        "economy.txt",
        include_str!("../../../../dictionaries/themes/economy.txt"),
    ),
    (
        "society.txt",
        include_str!("../../../../dictionaries/themes/society.txt"),
    ),
    (
        "health_environment.txt",
        include_str!("../../../../dictionaries/themes/health_environment.txt"),
    ),
];

/// One phrase of the taxonomy.
#[derive(Debug, Clone)]
struct Phrase {
    /// Takes any ending: `sanction*`.
    open: bool,
    /// Indices into `ThemeMatcher::names`.
    themes: Vec<usize>,
}

/// A compiled theme taxonomy: phrases to themes, matched in one pass over the body.
///
/// It exists apart from the stage so that users and tests can load a taxonomy of their own
/// ([`ThemeMatcher::parse`]).
#[derive(Debug, Clone)]
pub struct ThemeMatcher {
    names: Vec<String>,
    folded: Option<Automaton>,
    folded_phrases: Vec<Phrase>,
    exact: Option<Automaton>,
    exact_phrases: Vec<Phrase>,
}

/// An anchored automaton of phrases and the pairs of bytes a phrase can start with.
#[derive(Debug, Clone)]
struct Automaton {
    nfa: NFA,
    /// Bit `256 * b0 + b1` is set when some phrase starts with bytes `b0 b1` (or is `b0`).
    pairs: Vec<u64>,
}

impl Automaton {
    /// Whether a phrase may start at the start of `bytes`: a walk of the automaton is skipped
    /// for most word starts, and each walk costs cache misses.
    fn may_start(&self, bytes: &[u8]) -> bool {
        match bytes {
            [b0, b1, ..] => {
                let k = 256 * usize::from(*b0) + usize::from(*b1);
                self.pairs
                    .get(k / 64)
                    .is_some_and(|w| w & (1 << (k % 64)) != 0)
            }
            [_] => true,
            [] => false,
        }
    }
}

impl ThemeMatcher {
    /// The taxonomy embedded from `dictionaries/themes/`.
    pub fn embedded() -> Self {
        let texts: Vec<&str> = FILES.iter().map(|(_, t)| *t).collect();
        match Self::parse(&texts) {
            Ok(m) => m,
            Err(e) => panic!("embedded theme taxonomy: {e}"),
        }
    }

    /// A taxonomy from texts in the `dictionaries/themes/` format. Errors name the line of a
    /// phrase that comes before any `[THEME]` header.
    pub fn parse(texts: &[&str]) -> Result<Self, String> {
        let mut names: Vec<String> = Vec::new();
        let mut folded: Vec<(String, Phrase)> = Vec::new();
        let mut exact: Vec<(String, Phrase)> = Vec::new();
        for (f, text) in texts.iter().enumerate() {
            let mut theme: Option<usize> = None;
            for (n, line) in text.lines().enumerate() {
                let line = line.split('#').next().unwrap_or("").trim();
                if line.is_empty() {
                    continue;
                }
                if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                    let name = name.trim().to_string();
                    theme = Some(match names.iter().position(|x| *x == name) {
                        Some(k) => k,
                        None => {
                            names.push(name);
                            names.len() - 1
                        }
                    });
                    continue;
                }
                let Some(t) = theme else {
                    return Err(format!(
                        "text {}, line {}: phrase before a [THEME]",
                        f + 1,
                        n + 1
                    ));
                };
                let (list, body) = match line.strip_prefix('=') {
                    Some(rest) => (&mut exact, rest.to_string()),
                    None => (&mut folded, line.to_ascii_lowercase()),
                };
                let (key, open) = match body.strip_suffix('*') {
                    Some(stem) => (stem.trim_end().to_string(), true),
                    None => (body, false),
                };
                let key = key.split_whitespace().collect::<Vec<_>>().join(" ");
                if key.is_empty() {
                    continue;
                }
                match list.iter_mut().find(|(k, p)| *k == key && p.open == open) {
                    Some((_, p)) if !p.themes.contains(&t) => p.themes.push(t),
                    Some(_) => {}
                    None => list.push((
                        key,
                        Phrase {
                            open,
                            themes: vec![t],
                        },
                    )),
                }
            }
        }
        // Folded phrases are lower case and run over the lower-cased body: a plain DFA is several
        // times faster than a case-insensitive automaton. The DFA is anchored: a hit starts at the
        // start of a word, so it is run from word starts only.
        let build = |list: &[(String, Phrase)]| -> Result<Option<Automaton>, String> {
            if list.is_empty() {
                return Ok(None);
            }
            let nfa = NFA::builder()
                .match_kind(MatchKind::Standard)
                .build(list.iter().map(|(k, _)| k.as_str()))
                .map_err(|e| e.to_string())?;
            let mut pairs = vec![0u64; 65536 / 64];
            for (key, _) in list {
                let b = key.as_bytes();
                let (lo, hi) = match b {
                    [b0, b1, ..] => (256 * usize::from(*b0) + usize::from(*b1), None),
                    [b0] => (256 * usize::from(*b0), Some(256 * usize::from(*b0) + 255)),
                    [] => continue,
                };
                for k in lo..=hi.unwrap_or(lo) {
                    if let Some(w) = pairs.get_mut(k / 64) {
                        *w |= 1 << (k % 64);
                    }
                }
            }
            Ok(Some(Automaton { nfa, pairs }))
        };
        Ok(ThemeMatcher {
            folded: build(&folded)?,
            exact: build(&exact)?,
            names,
            folded_phrases: folded.into_iter().map(|(_, p)| p).collect(),
            exact_phrases: exact.into_iter().map(|(_, p)| p).collect(),
        })
    }

    /// The theme names, in the order the taxonomy gives them.
    pub fn theme_names(&self) -> &[String] {
        &self.names
    }

    /// Number of phrases.
    pub fn phrase_count(&self) -> usize {
        self.folded_phrases.len() + self.exact_phrases.len()
    }

    /// Every hit in `text` (and `lower`, its ASCII lower-case copy) as (theme index, byte start,
    /// byte end), unordered and unfiltered.
    fn raw_hits(&self, text: &str, lower: &str, out: &mut Vec<(usize, usize, usize)>) {
        let passes = [
            (&self.folded, &self.folded_phrases, lower),
            (&self.exact, &self.exact_phrases, text),
        ];
        // a hit starts where no letter or digit comes before it (see `word_edges`)
        let mut after_inner = false;
        for (at, &b) in text.as_bytes().iter().enumerate() {
            let inner = if b.is_ascii() {
                b.is_ascii_alphanumeric()
            } else if is_char_start(b) {
                text.get(at..)
                    .and_then(|rest| rest.chars().next())
                    .is_some_and(char::is_alphanumeric)
            } else {
                // inside a character: neither a start nor a change of `after_inner`
                continue;
            };
            if !after_inner {
                for (aut, phrases, haystack) in &passes {
                    if let Some(aut) = aut
                        && aut.may_start(haystack.as_bytes().get(at..).unwrap_or(&[]))
                    {
                        hits_at(&aut.nfa, phrases, haystack.as_bytes(), text, at, out);
                    }
                }
            }
            after_inner = inner;
        }
    }

    /// Theme hits in `text`: sorted by offset, and for each theme no two overlapping (the longer
    /// of two overlapping hits stays). Offsets are bytes.
    pub fn find_bytes(&self, text: &str) -> Vec<(&str, usize, usize)> {
        self.find_in(text, &text.to_ascii_lowercase())
    }

    /// [`ThemeMatcher::find_bytes`] with the lower-cased text already made.
    fn find_in(&self, text: &str, lower: &str) -> Vec<(&str, usize, usize)> {
        let mut hits = Vec::new();
        self.raw_hits(text, lower, &mut hits);
        hits.sort_by_key(|&(t, s, e)| (s, std::cmp::Reverse(e), t));
        let mut last_end = vec![0usize; self.names.len()];
        let mut out = Vec::with_capacity(hits.len());
        for (t, s, e) in hits {
            let Some(le) = last_end.get_mut(t) else {
                continue;
            };
            if s < *le {
                continue;
            }
            *le = e;
            if let Some(name) = self.names.get(t) {
                out.push((name.as_str(), s, e));
            }
        }
        out
    }
}

/// Whether `b` starts a UTF-8 character (is no continuation byte).
fn is_char_start(b: u8) -> bool {
    b & 0xC0 != 0x80
}

/// The hits of the phrases of `dfa` (anchored) that start at byte `at` of `haystack` (`text` or its
/// lower-case copy), pushed to `out` as (theme index, start, end).
fn hits_at(
    dfa: &NFA,
    phrases: &[Phrase],
    haystack: &[u8],
    text: &str,
    at: usize,
    out: &mut Vec<(usize, usize, usize)>,
) {
    let Ok(mut sid) = dfa.start_state(Anchored::Yes) else {
        return;
    };
    for (end, &b) in (at + 1..).zip(haystack.get(at..).unwrap_or(&[])) {
        sid = dfa.next_state(Anchored::Yes, sid, b);
        if dfa.is_dead(sid) {
            return;
        }
        if !dfa.is_match(sid) {
            continue;
        }
        for i in 0..dfa.match_len(sid) {
            let pid = dfa.match_pattern(sid, i);
            // a match state also lists phrases that are suffixes of this one: those start later
            if end - dfa.pattern_len(pid) != at {
                continue;
            }
            let Some(p) = phrases.get(pid.as_usize()) else {
                continue;
            };
            if let Some(e) = word_edges(text, at, end, p.open) {
                out.extend(p.themes.iter().map(|&t| (t, at, e)));
            }
        }
    }
}

/// The end of a match that sits on word edges (extended to the end of the word for an open
/// phrase), or `None` when the match is part of a longer word.
fn word_edges(text: &str, start: usize, end: usize, open: bool) -> Option<usize> {
    let inner = |c: char| c.is_alphanumeric();
    if text.get(..start)?.chars().next_back().is_some_and(inner) {
        return None;
    }
    let rest = text.get(end..)?;
    if open {
        let extra: usize = rest
            .chars()
            .take_while(|&c| inner(c))
            .map(char::len_utf8)
            .sum();
        return Some(end + extra);
    }
    (!rest.chars().next().is_some_and(inner)).then_some(end)
}

/// Theme hits of the document in character offsets.
pub(crate) fn find(matcher: &ThemeMatcher, doc: &Doc) -> Vec<ThemeHit> {
    matcher
        .find_in(doc.body, &doc.lower)
        .into_iter()
        .map(|(theme, s, e)| {
            let (start, end) = doc.chars(s, e);
            ThemeHit {
                theme: theme.to_string(),
                start,
                end,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edges_stems_and_case() {
        let m =
            ThemeMatcher::parse(&["[ARMEDCONFLICT]\nwar\n[SANCTIONS]\nsanction*\n[TERROR]\n=IS\n"])
                .expect("taxonomy");
        let hits = m.find_bytes("Warsaw is at war; sanctions follow IS attacks");
        let got: Vec<(&str, usize)> = hits.iter().map(|&(t, s, _)| (t, s)).collect();
        assert_eq!(
            got,
            vec![("ARMEDCONFLICT", 13), ("SANCTIONS", 18), ("TERROR", 35)]
        );
        assert_eq!(hits[1].2, 27);
        assert!(ThemeMatcher::parse(&["orphan phrase"]).is_err());
    }
}
