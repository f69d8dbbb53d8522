//! Word identities and English inflection for the verb dictionaries.
//!
//! Every word a dictionary names gets a small integer id; the coder looks each token of an
//! article up once (lower-cased, without allocating for lower-case tokens) and then matches
//! patterns by comparing integers.

use std::collections::HashMap;

pub use crate::hash::FastMap;
use crate::hash::WordMap;

/// A word id; [`NONE`] for a word no dictionary names.
pub type WordId = u32;

/// The id of every word the dictionaries do not know.
pub const NONE: WordId = u32::MAX;

/// The words of the dictionaries, by lower-case spelling.
#[derive(Debug, Clone, Default)]
pub struct Vocab {
    ids: WordMap<WordId>,
    words: Vec<Box<str>>,
}

impl Vocab {
    /// The id of `word` (lower case), adding it when new.
    pub fn intern(&mut self, word: &str) -> WordId {
        let word = normalise(word);
        let id = self.get(&word);
        if id != NONE {
            return id;
        }
        let id = self.words.len() as WordId;
        *self.ids.entry_or_default(&word) = id;
        self.words.push(word.into_boxed_str());
        id
    }

    /// The id of `word` if a dictionary names it; `buf` is scratch space for lower-casing.
    pub fn lookup(&self, word: &str, buf: &mut String) -> WordId {
        let plain = word
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b == b'-' || b == b'.');
        let key = if plain {
            word
        } else {
            buf.clear();
            for c in word.chars() {
                match c {
                    '’' | '‘' => buf.push('\''),
                    c => buf.extend(c.to_lowercase()),
                }
            }
            buf.as_str()
        };
        self.get(key)
    }

    /// The id of `key` (already lower case).
    fn get(&self, key: &str) -> WordId {
        self.ids.get(key).copied().unwrap_or(NONE)
    }

    /// The spelling of an id.
    pub fn word(&self, id: WordId) -> &str {
        self.words.get(id as usize).map_or("", |w| w)
    }

    /// How many words there are.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// Lower case, typographic apostrophes made plain.
pub fn normalise(word: &str) -> String {
    word.chars()
        .map(|c| if matches!(c, '’' | '‘') { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Irregular verbs: `lemma past pp 3sg gerund` (3sg and gerund may be `-` for regular).
#[derive(Debug, Clone, Default)]
pub struct Irregulars {
    table: HashMap<String, Vec<String>>,
}

impl Irregulars {
    /// Reads lines of `lemma<TAB or space>past<...>pp[<...>3sg<...>gerund]`; `#` comments.
    /// Alternatives inside a field are joined by `|` or `/` (`burned|burnt`).
    pub fn parse(text: &str) -> Self {
        let mut table = HashMap::new();
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            let fields: Vec<&str> = line.split_whitespace().collect();
            let Some((lemma, rest)) = fields.split_first() else {
                continue;
            };
            let forms = rest
                .iter()
                .flat_map(|f| f.split(['|', '/']))
                .filter(|f| !f.is_empty() && *f != "-")
                .map(normalise)
                .collect();
            table.insert(normalise(lemma), forms);
        }
        Irregulars { table }
    }

    /// Adds the entries of another table (later entries win).
    pub fn extend(&mut self, other: Irregulars) {
        self.table.extend(other.table);
    }

    /// Every form of `lemma` (lower case): the lemma, its regular forms, and the irregular
    /// forms the table lists. A table entry replaces the regular past and participle.
    pub fn forms(&self, lemma: &str) -> Vec<String> {
        let lemma = normalise(lemma);
        let mut out = vec![lemma.clone(), third_person(&lemma)];
        out.extend(gerunds(&lemma));
        match self.table.get(&lemma) {
            Some(irr) if !irr.is_empty() => {
                // A listed spelling variant ("cancelled") adds to the regular forms ("canceled");
                // a true irregular ("met") replaces them.
                if irr.iter().any(|f| f.ends_with("ed")) {
                    out.extend(pasts(&lemma));
                }
                out.extend(irr.iter().cloned());
            }
            _ => out.extend(pasts(&lemma)),
        }
        out.sort();
        out.dedup();
        out
    }
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Whether a word ends consonant-vowel-consonant (`stop`, `ban`), so that a suffix may double
/// its last letter. Both spellings are generated, since stress decides and we do not know it.
fn ends_cvc(w: &[u8]) -> bool {
    let n = w.len();
    n >= 3
        && !is_vowel(w[n - 1])
        && !matches!(w[n - 1], b'w' | b'x' | b'y')
        && is_vowel(w[n - 2])
        && !is_vowel(w[n - 3])
}

/// `rejects`, `pushes`, `carries`, `goes`.
pub fn third_person(w: &str) -> String {
    let b = w.as_bytes();
    let n = b.len();
    if w.ends_with('s')
        || w.ends_with('x')
        || w.ends_with('z')
        || w.ends_with("ch")
        || w.ends_with("sh")
    {
        format!("{w}es")
    } else if n >= 2 && b[n - 1] == b'y' && !is_vowel(b[n - 2]) {
        format!("{}ies", &w[..n - 1])
    } else if n >= 2 && b[n - 1] == b'o' && !is_vowel(b[n - 2]) {
        format!("{w}es")
    } else {
        format!("{w}s")
    }
}

/// Regular past forms: `rejected`, `agreed`, `carried`, and `stopped` beside `stoped`.
pub fn pasts(w: &str) -> Vec<String> {
    let b = w.as_bytes();
    let n = b.len();
    if w.ends_with('e') {
        return vec![format!("{w}d")];
    }
    if n >= 2 && b[n - 1] == b'y' && !is_vowel(b[n - 2]) {
        return vec![format!("{}ied", &w[..n - 1])];
    }
    let mut out = vec![format!("{w}ed")];
    if ends_cvc(b) {
        out.push(format!("{w}{}ed", b[n - 1] as char));
    }
    out
}

/// Gerunds: `rejecting`, `making`, `dying`, `stopping`.
pub fn gerunds(w: &str) -> Vec<String> {
    let b = w.as_bytes();
    let n = b.len();
    if w.ends_with("ie") {
        return vec![format!("{}ying", &w[..n - 2])];
    }
    if w.ends_with('e') && !w.ends_with("ee") && !w.ends_with("ye") && !w.ends_with("oe") && n > 2 {
        return vec![format!("{}ing", &w[..n - 1])];
    }
    let mut out = vec![format!("{w}ing")];
    if ends_cvc(b) {
        out.push(format!("{w}{}ing", b[n - 1] as char));
    }
    out
}

/// Plurals of a noun: `talks`, `boxes`, `parties`.
pub fn plurals(w: &str) -> Vec<String> {
    let b = w.as_bytes();
    let n = b.len();
    if n >= 2 && b[n - 1] == b'y' && !is_vowel(b[n - 2]) {
        return vec![format!("{}ies", &w[..n - 1])];
    }
    if w.ends_with('s') || w.ends_with('x') || w.ends_with("ch") || w.ends_with("sh") {
        return vec![format!("{w}es")];
    }
    vec![format!("{w}s")]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_and_irregular_forms() {
        let irr = Irregulars::parse("rule\t-\t-\nmeet\tmet\tmet\n");
        let f = irr.forms("reject");
        for w in ["reject", "rejects", "rejected", "rejecting"] {
            assert!(f.contains(&w.to_string()), "{w}");
        }
        let f = irr.forms("meet");
        assert!(f.contains(&"met".to_string()) && !f.contains(&"meeted".to_string()));
        let f = irr.forms("depart");
        assert!(!f.contains(&"departes".to_string()));
        assert!(irr.forms("stop").contains(&"stopped".to_string()));
        assert!(irr.forms("carry").contains(&"carries".to_string()));
        assert!(irr.forms("make").contains(&"making".to_string()));
    }

    #[test]
    fn lookup_lowercases_without_allocating_for_plain_words() {
        let mut v = Vocab::default();
        let id = v.intern("Didn’t");
        let mut buf = String::new();
        assert_eq!(v.lookup("didn't", &mut buf), id);
        assert_eq!(v.lookup("DIDN’T", &mut buf), id);
        assert_eq!(v.lookup("other", &mut buf), NONE);
    }
}
