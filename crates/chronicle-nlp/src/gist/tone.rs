//! Tone as GKG V1.5 gives it: how positive and how negative the article's words are, how active,
//! how much it speaks of "we" and "us", per hundred words.
//!
//! The lexicon is our own (`dictionaries/tone/`): positive and negative words with weights (1 a
//! whole word of its sign, 0.5 a mild one, 0.25 a faint one), active verbs, and self/group
//! pronouns. An entry ending in `*` is a stem: `negotiat*` covers `negotiate`, `negotiators`.
//! A whole word listed in a file wins over a stem (`fine` is not `fined`).
//!
//! Two refinements over a bag of words, both cheap: words inside entity names carry no sentiment
//! ("United" in "United States", "Hope" in a surname), and a negator ("not", "no", "never",
//! "n't", "without") within three words before a sentiment word turns a positive one into half a
//! negative one and silences a negative one ("not good" is negative, "not bad" is not praise).

use chronicle_core::{TokenKind, Tone};

use super::text::Doc;
use crate::hash::WordMap;

/// The embedded lexicon files, in the order they load.
const POSITIVE: &str = include_str!("../../../../dictionaries/tone/positive.txt");
const NEGATIVE: &str = include_str!("../../../../dictionaries/tone/negative.txt");
const ACTIVITY: &str = include_str!("../../../../dictionaries/tone/activity.txt");
const SELF_GROUP: &str = include_str!("../../../../dictionaries/tone/self_group.txt");

/// Words that negate the sentiment of the words right after them.
const NEGATORS: &[&str] = &[
    "not",
    "no",
    "never",
    "without",
    "nor",
    "neither",
    "cannot",
    "hardly",
    "barely",
    "don't",
    "doesn't",
    "didn't",
    "won't",
    "can't",
    "isn't",
    "aren't",
    "wasn't",
    "weren't",
    "hasn't",
    "haven't",
    "hadn't",
    "wouldn't",
    "shouldn't",
    "couldn't",
    "lack",
    "lacks",
    "lacking",
];

/// What the lexicon knows of one word or stem.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Entry {
    /// Signed weight: positive words above zero, negative below; `None` when not listed.
    valence: Option<f32>,
    active: bool,
    self_group: bool,
    negator: bool,
}

/// The tone lexicon: sentiment words with weights, active words, self/group pronouns.
///
/// It exists apart from the stage so that tests and users can score with a lexicon of their own
/// ([`ToneLexicon::parse`]).
#[derive(Debug, Clone, Default)]
pub struct ToneLexicon {
    words: WordMap<Entry>,
    stems: StemTrie,
}

/// One node of the stem trie: children (byte, node index) sorted by byte, and the entry of the
/// stem that ends here.
type TrieNode = (Vec<(u8, u32)>, Option<Entry>);

/// Stems in a byte trie: the longest stem of a word in one walk over its bytes, no hashing.
#[derive(Debug, Clone)]
struct StemTrie {
    /// Node 0 is the root; each node's children sorted by byte.
    nodes: Vec<TrieNode>,
    /// A bit per hashed three-byte opening of a stem: most words open like no stem, and this
    /// turns them away before the walk.
    openings: Vec<u64>,
}

/// Bits of [`StemTrie::openings`].
const OPENING_BITS: usize = 1 << 16;

/// The bit of a word's first three bytes (stems have at least three), or `None` for a shorter
/// word.
fn opening(word: &str) -> Option<usize> {
    let [a, b, c, ..] = *word.as_bytes() else {
        return None;
    };
    let h = (u32::from(a) << 16 | u32::from(b) << 8 | u32::from(c)).wrapping_mul(0x9E37_79B1);
    Some((h >> 16) as usize % OPENING_BITS)
}

impl Default for StemTrie {
    fn default() -> Self {
        StemTrie {
            nodes: vec![(Vec::new(), None)],
            openings: vec![0; OPENING_BITS / 64],
        }
    }
}

impl StemTrie {
    /// The entry of `stem` (three bytes or more), created empty.
    fn entry(&mut self, stem: &str) -> &mut Entry {
        if let Some(bit) = opening(stem)
            && let Some(w) = self.openings.get_mut(bit / 64)
        {
            *w |= 1 << (bit % 64);
        }
        let mut at = 0usize;
        for b in stem.bytes() {
            let next = self.nodes.len() as u32;
            let children = &mut self.nodes[at].0;
            at = match children.binary_search_by_key(&b, |&(c, _)| c) {
                Ok(k) => children[k].1 as usize,
                Err(k) => {
                    children.insert(k, (b, next));
                    self.nodes.push((Vec::new(), None));
                    next as usize
                }
            };
        }
        self.nodes[at].1.get_or_insert_with(Entry::default)
    }

    /// The entry of the longest stem that starts `word`.
    fn longest(&self, word: &str) -> Option<Entry> {
        let bit = opening(word)?;
        if self
            .openings
            .get(bit / 64)
            .is_none_or(|w| w & (1 << (bit % 64)) == 0)
        {
            return None;
        }
        let mut at = 0usize;
        let mut found = None;
        for b in word.bytes() {
            let Some(node) = self.nodes.get(at) else {
                break;
            };
            match node.0.binary_search_by_key(&b, |&(c, _)| c) {
                Ok(k) => at = node.0[k].1 as usize,
                Err(_) => break,
            }
            if let Some(e) = self.nodes.get(at).and_then(|n| n.1) {
                found = Some(e);
            }
        }
        found
    }

    fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.nodes.iter().filter_map(|n| n.1.as_ref())
    }
}

/// Which list a lexicon text fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ToneList {
    /// Positive words; `@ weight` lines set the weight of the words after them (default 1).
    Positive,
    /// Negative words, weighted like the positive ones.
    Negative,
    /// Active verbs and nouns of action (GKG's activity reference density).
    Activity,
    /// First-person pronouns of self and group ("we", "our").
    SelfGroup,
}

impl ToneLexicon {
    /// The lexicon embedded from `dictionaries/tone/`.
    pub fn embedded() -> Self {
        Self::parse(&[
            (ToneList::Positive, POSITIVE),
            (ToneList::Negative, NEGATIVE),
            (ToneList::Activity, ACTIVITY),
            (ToneList::SelfGroup, SELF_GROUP),
        ])
    }

    /// A lexicon from texts in the `dictionaries/tone/` format: `#` comments, `@ weight` lines,
    /// otherwise words (or `stem*`) separated by white space.
    pub fn parse(lists: &[(ToneList, &str)]) -> Self {
        let mut lex = ToneLexicon::default();
        for &(list, text) in lists {
            let mut weight = 1.0f32;
            for line in text.lines() {
                let line = line.split('#').next().unwrap_or("").trim();
                if let Some(w) = line.strip_prefix('@') {
                    weight = w.trim().parse().unwrap_or(1.0);
                    continue;
                }
                for word in line.split_whitespace() {
                    lex.add(list, &word.to_lowercase(), weight);
                }
            }
        }
        for n in NEGATORS {
            lex.add_negator(n);
        }
        lex
    }

    /// Number of words and stems listed with a sentiment weight.
    pub fn sentiment_entries(&self) -> usize {
        let words = self
            .words
            .iter()
            .filter(|(k, e)| e.valence.is_some() && !k.contains('’'))
            .count();
        words + self.stems.entries().filter(|e| e.valence.is_some()).count()
    }

    fn add(&mut self, list: ToneList, key: &str, weight: f32) {
        let mut keys = vec![key.to_string()];
        if key.contains('\'') {
            keys.push(key.replace('\'', "’"));
        }
        for k in keys {
            let e = match k.strip_suffix('*') {
                Some(stem) if stem.len() >= 3 => self.stems.entry(stem),
                Some(_) => return,
                None => self.words.entry_or_default(&k),
            };
            match list {
                ToneList::Positive => e.valence = Some(weight),
                ToneList::Negative => e.valence = Some(-weight),
                ToneList::Activity => e.active = true,
                ToneList::SelfGroup => e.self_group = true,
            }
        }
    }

    fn add_negator(&mut self, word: &str) {
        for k in [word.to_string(), word.replace('\'', "’")] {
            self.words.entry_or_default(&k).negator = true;
        }
    }

    /// The signed sentiment weight of a lower-cased word (its own or its stem's), so that a tone
    /// can be explained word by word; `None` for a word the lexicon does not list.
    pub fn valence(&self, word: &str) -> Option<f32> {
        self.lookup(word).valence
    }

    /// What the lexicon says of a lower-cased word: its own entry, completed by its longest stem.
    fn lookup(&self, word: &str) -> Entry {
        let mut e = self.words.get(word).copied().unwrap_or_default();
        if e.valence.is_some() && e.active {
            return e;
        }
        if let Some(s) = self.stems.longest(word) {
            e.valence = e.valence.or(s.valence);
            e.active |= s.active;
        }
        e
    }
}

/// Running sums of one article.
#[derive(Debug, Default)]
struct Sums {
    words: usize,
    positive: f64,
    negative: f64,
    active: usize,
    self_group: usize,
}

/// The tone of the document (all zeros for a text without words).
pub(crate) fn score(lex: &ToneLexicon, doc: &Doc) -> Tone {
    let mut sums = Sums::default();
    // Token index up to which a negator reaches.
    let mut negated_until = 0usize;
    for i in 0..doc.len() {
        match doc.kind(i) {
            Some(TokenKind::Word | TokenKind::Abbreviation | TokenKind::Number) => sums.words += 1,
            Some(TokenKind::Punct) if matches!(doc.text(i), "." | "," | ";" | ":" | "!" | "?") => {
                negated_until = 0;
                continue;
            }
            _ => continue,
        }
        if !doc.is_word(i) {
            continue;
        }
        let low = doc.low(i);
        let e = lex.lookup(low);
        if e.negator {
            // "can not but be shocked" affirms what follows.
            if doc.low(i + 1) != "but" {
                negated_until = i + 4;
            }
            continue;
        }
        if e.self_group && doc.text(i) != "US" {
            sums.self_group += 1;
        }
        if doc.in_entity(i) {
            continue;
        }
        if e.active {
            sums.active += 1;
        }
        let negated = i < negated_until;
        match e.valence {
            Some(v) if negated && v > 0.0 => sums.negative += f64::from(v) / 2.0,
            Some(_) if negated => {}
            Some(v) if v > 0.0 => sums.positive += f64::from(v),
            Some(v) => sums.negative -= f64::from(v),
            None => {}
        }
    }
    tone_of(&sums)
}

fn tone_of(s: &Sums) -> Tone {
    let per_100 = |x: f64| {
        if s.words == 0 {
            0.0
        } else {
            tidy(100.0 * x / s.words as f64)
        }
    };
    let positive = per_100(s.positive);
    let negative = per_100(s.negative);
    Tone {
        score: tidy(positive - negative),
        positive,
        negative,
        polarity: tidy(positive + negative),
        activity: per_100(s.active as f64),
        self_group: per_100(s.self_group as f64),
        word_count: s.words,
    }
}

/// Four decimals are more than a lexicon's precision.
fn tidy(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_win_over_stems() {
        let lex = ToneLexicon::parse(&[
            (ToneList::Positive, "fine\n@0.5\nhope*"),
            (ToneList::Negative, "fin*\nattack*"),
            (ToneList::Activity, "attack*"),
        ]);
        assert_eq!(lex.lookup("fine").valence, Some(1.0));
        assert_eq!(lex.lookup("fined").valence, Some(-1.0));
        assert_eq!(lex.lookup("hopeful").valence, Some(0.5));
        let a = lex.lookup("attacked");
        assert!(a.active && a.valence == Some(-1.0));
        assert!(lex.lookup("don’t").negator);
        assert_eq!(lex.lookup("xy"), Entry::default());
    }
}
