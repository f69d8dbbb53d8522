//! The furniture lexicon (`furniture.txt`): lines that pages carry and stories do not.

use std::collections::HashSet;
use std::sync::OnceLock;

/// How a furniture pattern matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Furniture {
    /// Navigation, share bars, prompts: dropped wherever they stand.
    Line,
    /// Opens the page's tail (related stories, comments): it and all after it are dropped.
    Tail,
}

/// Furniture patterns, loaded once.
pub struct FurnitureLexicon {
    exact: HashSet<String>,
    prefixes: Vec<String>,
    within: Vec<String>,
    tails: HashSet<String>,
}

/// Lines longer than this many words are prose, whatever they start with.
const PREFIX_MAX_WORDS: usize = 40;

/// Lines longer than this many words are prose, whatever they contain.
const WITHIN_MAX_WORDS: usize = 25;

impl FurnitureLexicon {
    /// The embedded lexicon, parsed on first use.
    pub fn get() -> &'static FurnitureLexicon {
        static LEXICON: OnceLock<FurnitureLexicon> = OnceLock::new();
        LEXICON.get_or_init(|| {
            FurnitureLexicon::parse(include_str!("../../../../dictionaries/clean/furniture.txt"))
        })
    }

    fn parse(text: &str) -> Self {
        let mut lexicon = FurnitureLexicon {
            exact: HashSet::new(),
            prefixes: Vec::new(),
            within: Vec::new(),
            tails: HashSet::new(),
        };
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let Some((class, pattern)) = line.split_once('\t') else {
                continue;
            };
            let pattern = pattern.trim().to_string();
            match class {
                "exact" => {
                    lexicon.exact.insert(pattern);
                }
                "prefix" => lexicon.prefixes.push(pattern),
                "within" => lexicon.within.push(pattern),
                "tail" => {
                    lexicon.tails.insert(pattern);
                }
                _ => {}
            }
        }
        lexicon
    }

    /// Whether a line (already normalised by [`normalise`]) is furniture, and which kind.
    pub fn classify(&self, norm: &str, words: usize) -> Option<Furniture> {
        if self.tails.contains(norm) {
            return Some(Furniture::Tail);
        }
        if self.exact.contains(norm) {
            return Some(Furniture::Line);
        }
        if words <= PREFIX_MAX_WORDS && self.prefixes.iter().any(|p| norm.starts_with(p.as_str())) {
            return Some(Furniture::Line);
        }
        if words <= WITHIN_MAX_WORDS && self.within.iter().any(|p| norm.contains(p.as_str())) {
            return Some(Furniture::Line);
        }
        None
    }
}

/// A line as the lexicon compares it: lowercase, single spaces, no trailing separators or stops.
pub fn normalise(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for word in line.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            out.extend(c.to_lowercase());
        }
    }
    let trimmed = out.trim_end_matches([':', '.', '|', '›', '»', '>', '-', '–', '—', ' ']);
    trimmed.replace('’', "'")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_is_recognised_and_prose_is_not() {
        let lx = FurnitureLexicon::get();
        let check = |line: &str| lx.classify(&normalise(line), line.split_whitespace().count());
        assert_eq!(check("Recent Features"), Some(Furniture::Line));
        assert_eq!(check("Share this article:"), Some(Furniture::Line));
        assert_eq!(
            check("We use cookies to improve your experience. Accept all"),
            Some(Furniture::Line)
        );
        assert_eq!(check("Related Stories"), Some(Furniture::Tail));
        assert_eq!(
            check("Read the full report, she said, before sharing it."),
            None
        );
        assert_eq!(
            check("Choe also ruled out the idea of another summit."),
            None
        );
    }
}
