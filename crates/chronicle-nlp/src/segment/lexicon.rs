//! The splitter's word lists, loaded once from the embedded data files.

use std::collections::HashMap;

/// How an abbreviation behaves at a possible sentence end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbreviationClass {
    /// Precedes a name or number; never ends a sentence ("Gen.", "No.").
    Title,
    /// May end a sentence, but only before a sentence-opening word ("Inc.", "p.m.", "U.S.").
    Common,
}

/// Abbreviations and sentence-opening words, keyed by their lowercase ASCII form.
#[derive(Debug)]
pub struct SegmentLexicon {
    abbreviations: HashMap<Box<str>, AbbreviationClass>,
    starters: HashMap<Box<str>, ()>,
}

/// Longest word the lexicon holds; longer words are never looked up.
const MAX_KEY: usize = 16;

impl SegmentLexicon {
    /// The embedded English lists.
    pub fn english() -> Self {
        let abbreviations = data_lines(include_str!(
            "../../../../dictionaries/segment/abbreviations.txt"
        ))
        .filter_map(|line| {
            let (word, class) = line.split_once('\t')?;
            let class = match class.trim() {
                "title" => AbbreviationClass::Title,
                _ => AbbreviationClass::Common,
            };
            Some((word.trim().into(), class))
        })
        .collect();
        let starters = data_lines(include_str!(
            "../../../../dictionaries/segment/sentence_starters.txt"
        ))
        .map(|w| (w.into(), ()))
        .collect();
        SegmentLexicon {
            abbreviations,
            starters,
        }
    }

    /// The class of `word` (without its full stop) if it is a known abbreviation.
    pub fn abbreviation(&self, word: &str) -> Option<AbbreviationClass> {
        let mut buf = [0u8; MAX_KEY];
        self.abbreviations
            .get(lower_ascii(word, &mut buf)?)
            .copied()
    }

    /// Whether a capitalised `word` typically opens a sentence.
    pub fn is_starter(&self, word: &str) -> bool {
        let mut buf = [0u8; MAX_KEY];
        lower_ascii(word, &mut buf).is_some_and(|w| self.starters.contains_key(w))
    }
}

/// Lowercases a short ASCII word into `buf` without allocating; `None` for long or non-ASCII words.
fn lower_ascii<'b>(word: &str, buf: &'b mut [u8; MAX_KEY]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    if bytes.len() > MAX_KEY || !word.is_ascii() {
        return None;
    }
    let out = &mut buf[..bytes.len()];
    out.copy_from_slice(bytes);
    out.make_ascii_lowercase();
    std::str::from_utf8(out).ok()
}

/// The meaningful lines of an embedded data file: trimmed, without comments and blanks.
fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}
