//! The word lists of the quotes stage: cues (`cues.txt`) and the word classes around them
//! (`words.txt`), embedded in the binary and parsed once.

use crate::hash::WordMap;

/// How a cue frames what it attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CueClass {
    /// A verb of saying that frames a whole utterance: "said", "added", "asked".
    Speech,
    /// A verb that frames a quoted fragment: "called", "described".
    Naming,
    /// A phrase whose speaker follows it: "according to".
    Source,
}

/// A class of words that matter next to a cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WordClass {
    /// A title or role word written before a name ("Rep.", "Minister").
    Title,
    /// A word that may stand between a speaker and the cue ("also", "has").
    Aux,
    /// A determiner that opens a described speaker ("the", "a").
    Det,
    /// A word that makes a capitalised name an organisation.
    Org,
    /// A personal pronoun.
    Pronoun,
    /// A conjunction, preposition or relative word ("but", "of", "who").
    Function,
    /// A day or month name: never part of a person's name.
    Time,
}

/// A cue found in the token stream: its class and how many tokens it spans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CueMatch {
    pub class: CueClass,
    pub len: usize,
}

/// What the lexicon knows of one lower-case word: its class, the one-word cue it is, and the
/// longer cues it opens.
#[derive(Debug, Clone, Default)]
struct Entry {
    class: Option<WordClass>,
    cue: Option<CueClass>,
    /// Multi-word cues that start with the word: the remaining words and the class.
    opens: Vec<(Vec<&'static str>, CueClass)>,
}

/// The parsed word lists; built once per [`super::QuoteFinder`] and shared by all threads.
///
/// One map holds word classes and cues alike, so that a token costs one look-up.
#[derive(Debug, Clone)]
pub struct Lexicon {
    entries: WordMap<Entry>,
}

impl Default for Lexicon {
    fn default() -> Self {
        Self::english()
    }
}

/// Longest token the lexicon looks up; longer tokens are never cues or listed words.
const MAX_WORD: usize = 24;

impl Lexicon {
    /// The embedded English lists.
    pub fn english() -> Self {
        Self::parse(
            include_str!("../../../../dictionaries/quotes/cues.txt"),
            include_str!("../../../../dictionaries/quotes/words.txt"),
        )
    }

    /// Parses a cue list and a word-class list in the formats the embedded files document.
    /// Unknown classes and malformed lines are skipped; the first entry of a word wins.
    pub fn parse(cues: &'static str, words: &'static str) -> Self {
        let mut map: WordMap<Entry> = WordMap::default();
        for (entry, class) in entries(cues) {
            let class = match class {
                "speech" => CueClass::Speech,
                "naming" => CueClass::Naming,
                "source" => CueClass::Source,
                _ => continue,
            };
            let mut parts = entry.iter();
            let Some(&first) = parts.next() else { continue };
            let rest: Vec<&str> = parts.copied().collect();
            let e = map.entry_or_default(first);
            if rest.is_empty() {
                e.cue.get_or_insert(class);
            } else {
                e.opens.push((rest, class));
            }
        }
        for (entry, class) in entries(words) {
            let class = match class {
                "title" => WordClass::Title,
                "aux" => WordClass::Aux,
                "det" => WordClass::Det,
                "org" => WordClass::Org,
                "pronoun" => WordClass::Pronoun,
                "function" => WordClass::Function,
                "time" => WordClass::Time,
                _ => continue,
            };
            if let [word] = entry.as_slice() {
                map.entry_or_default(word).class.get_or_insert(class);
            }
        }
        Lexicon { entries: map }
    }

    /// The entry of a word, case-insensitively.
    fn entry(&self, word: &str) -> Option<&Entry> {
        let mut buf = [0u8; MAX_WORD];
        self.entries.get(lower(word, &mut buf)?)
    }

    /// The class of a word, case-insensitively.
    pub fn word(&self, word: &str) -> Option<WordClass> {
        self.entry(word)?.class
    }

    /// Whether `word` is in class `class`.
    pub fn is(&self, word: &str, class: WordClass) -> bool {
        self.word(word) == Some(class)
    }

    /// The cue that starts with `words[0]`, preferring the longest, matched case-insensitively.
    /// `words` yields the texts of the tokens from the candidate position on.
    pub fn cue<'t>(&self, words: impl Iterator<Item = &'t str>) -> Option<CueMatch> {
        self.word_and_cue(words).1
    }

    /// The class of `words[0]` and the cue that starts with it, with one look-up.
    pub fn word_and_cue<'t>(
        &self,
        mut words: impl Iterator<Item = &'t str>,
    ) -> (Option<WordClass>, Option<CueMatch>) {
        let Some(e) = words.next().and_then(|w| self.entry(w)) else {
            return (None, None);
        };
        (e.class, cue_of(e, words))
    }
}

/// The longest cue of entry `e` given the words after it.
fn cue_of<'t>(e: &Entry, words: impl Iterator<Item = &'t str>) -> Option<CueMatch> {
    if !e.opens.is_empty() {
        let mut next = [""; 3];
        let mut n = 0;
        for w in words.take(3) {
            next[n] = w;
            n += 1;
        }
        let found = e.opens.iter().find(|(rest, _)| {
            rest.len() <= n
                && rest
                    .iter()
                    .zip(&next[..n])
                    .all(|(a, b)| a.eq_ignore_ascii_case(b))
        });
        if let Some((rest, class)) = found {
            return Some(CueMatch {
                class: *class,
                len: rest.len() + 1,
            });
        }
    }
    e.cue.map(|class| CueMatch { class, len: 1 })
}

/// The non-comment lines of a list: the words of the entry, and its class (the last field).
fn entries(text: &'static str) -> impl Iterator<Item = (Vec<&'static str>, &'static str)> {
    text.lines().filter_map(|line| {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            return None;
        }
        let mut fields: Vec<&str> = line.split_whitespace().collect();
        let class = fields.pop()?;
        (!fields.is_empty()).then_some((fields, class))
    })
}

/// ASCII-lower-cases `word` into `buf`; `None` when it is too long or not ASCII (no listed word
/// is either).
fn lower<'b>(word: &str, buf: &'b mut [u8; MAX_WORD]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    if bytes.len() > MAX_WORD || !word.is_ascii() {
        return None;
    }
    let out = &mut buf[..bytes.len()];
    out.copy_from_slice(bytes);
    out.make_ascii_lowercase();
    std::str::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues_match_case_insensitively_and_prefer_the_longest() {
        let lex = Lexicon::english();
        let m = lex.cue(["Said", "Smith"].into_iter());
        assert_eq!(
            m,
            Some(CueMatch {
                class: CueClass::Speech,
                len: 1
            })
        );
        let m = lex.cue(["according", "to", "officials"].into_iter());
        assert_eq!(
            m,
            Some(CueMatch {
                class: CueClass::Source,
                len: 2
            })
        );
        let m = lex.cue(["according"].into_iter());
        assert_eq!(m, None);
        assert_eq!(
            lex.cue(["called"].into_iter()).map(|m| m.class),
            Some(CueClass::Naming)
        );
        assert_eq!(lex.cue(["summit"].into_iter()), None);
    }

    #[test]
    fn word_classes_load() {
        let lex = Lexicon::english();
        assert!(lex.is("Rep.", WordClass::Title));
        assert!(lex.is("she", WordClass::Pronoun));
        assert!(lex.is("The", WordClass::Det));
        assert!(lex.is("also", WordClass::Aux));
        assert!(lex.is("Agency", WordClass::Org));
        assert_eq!(lex.word("Choe"), None);
        assert_eq!(lex.word("Ünïcode"), None);
    }

    #[test]
    fn every_line_of_the_embedded_lists_parses() {
        for text in [
            include_str!("../../../../dictionaries/quotes/cues.txt"),
            include_str!("../../../../dictionaries/quotes/words.txt"),
        ] {
            for line in text.lines() {
                let line = line.trim();
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                let fields: Vec<&str> = line.split_whitespace().collect();
                assert!(fields.len() >= 2, "malformed line {line:?}");
                let class = fields[fields.len() - 1];
                assert!(
                    [
                        "speech", "naming", "source", "title", "aux", "det", "org", "pronoun",
                        "function", "time"
                    ]
                    .contains(&class),
                    "unknown class in {line:?}"
                );
            }
        }
    }
}
