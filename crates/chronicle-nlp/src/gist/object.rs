//! What a number counts: the short noun group right after it ("12 Palestinian civilians were
//! killed" → "Palestinian civilians"; "3 tons of rice" → "tons of rice").
//!
//! There is no part-of-speech tagger in Chronicle, so the group is found by what ends it: a
//! function word, a verb form after the noun ("people killed"), an adverb, punctuation, or the
//! end of a plural noun ("troops", "people"). Four words at most.

use std::ops::Range;

use chronicle_core::TokenKind;

use super::text::Doc;

/// The longest group the reader takes.
const MAX_WORDS: usize = 4;

/// Words that never belong to the counted noun group.
const STOP: &[&str] = &[
    "a",
    "about",
    "above",
    "according",
    "across",
    "after",
    "again",
    "against",
    "ago",
    "all",
    "along",
    "also",
    "although",
    "am",
    "among",
    "an",
    "and",
    "another",
    "any",
    "are",
    "around",
    "as",
    "at",
    "be",
    "became",
    "because",
    "been",
    "before",
    "being",
    "below",
    "besides",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "down",
    "during",
    "each",
    "either",
    "else",
    "every",
    "for",
    "from",
    "get",
    "got",
    "had",
    "has",
    "have",
    "he",
    "her",
    "here",
    "hers",
    "him",
    "his",
    "how",
    "i",
    "if",
    "in",
    "including",
    "inside",
    "into",
    "is",
    "it",
    "its",
    "just",
    "last",
    "least",
    "less",
    "like",
    "many",
    "may",
    "might",
    "more",
    "most",
    "much",
    "must",
    "near",
    "neither",
    "next",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "onto",
    "or",
    "other",
    "others",
    "our",
    "out",
    "outside",
    "over",
    "per",
    "percent",
    "said",
    "say",
    "says",
    "see",
    "shall",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "throughout",
    "thus",
    "to",
    "told",
    "too",
    "toward",
    "towards",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "via",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "behind",
    "beyond",
    "ahead",
    "amid",
    "despite",
    "however",
    "therefore",
    "meanwhile",
    "instead",
    "without",
    "would",
    "yet",
    "you",
    "your",
    "died",
    "die",
    "dies",
    "fled",
    "left",
    "went",
    "came",
    "come",
    "took",
    "take",
    "make",
    "made",
    "held",
    "gave",
    "give",
    "met",
    "sent",
    "saw",
    "remain",
    "remained",
    "remains",
    "face",
    "faced",
    "faces",
    "need",
    "needed",
    "needs",
    "times",
    "time",
    "cent",
    "pct",
    "versus",
    "vs",
    "st",
    "nd",
    "rd",
    "th",
    "old",
];

/// Plurals that do not end in s, after which a group ends.
const PLURALS: &[&str] = &[
    "people",
    "men",
    "women",
    "children",
    "personnel",
    "cattle",
    "livestock",
    "troops",
    "feet",
    "teeth",
    "mice",
    "geese",
    "sheep",
    "fish",
    "deer",
    "aircraft",
    "dead",
    "injured",
    "wounded",
    "missing",
    "homeless",
];

/// Measure words after which "of" and a second group belong to the object ("tons of rice").
const MEASURES: &[&str] = &[
    "tons",
    "tonnes",
    "ton",
    "tonne",
    "barrels",
    "barrel",
    "litres",
    "liters",
    "gallons",
    "kilograms",
    "kilos",
    "kg",
    "pounds",
    "grams",
    "ounces",
    "acres",
    "hectares",
    "square",
    "units",
    "doses",
    "rounds",
    "pieces",
    "sacks",
    "bags",
    "boxes",
    "bottles",
    "containers",
    "truckloads",
    "shipments",
    "cubic",
    "metres",
    "meters",
    "miles",
    "kilometres",
    "kilometers",
    "cases",
    "rolls",
    "packets",
    "crates",
];

/// Whether `w` (lower case) is a word no counted group holds.
pub(crate) fn is_stop(w: &str) -> bool {
    STOP.contains(&w) || (w.len() > 4 && w.ends_with("ly") && w != "family")
}

/// Whether `w` ends a group when it is the last word taken.
fn is_plural(w: &str) -> bool {
    PLURALS.contains(&w) || (w.len() > 3 && w.ends_with('s') && !w.ends_with("ss"))
}

/// A verb form that ends a group once a noun is taken: "people killed", "troops stationed".
fn is_verb_form(w: &str) -> bool {
    w.len() > 4 && (w.ends_with("ed") || w.ends_with("ing"))
}

/// A verb form with its own object or modifier after it ("3,000 **blocked** the road", "20 killed
/// **included** four children"), unlike
/// a participle before a noun ("12 **armed** men").
fn verb_before_object(doc: &Doc, k: usize) -> bool {
    !doc.is_word(k + 1) || is_stop(doc.low(k + 1)) || super::numbers::starts_number(doc, k + 1)
}

/// The noun group starting at token `j`, within the token limit `end`, stopping before any word
/// for which `stop` holds. An empty range when no noun follows.
pub(crate) fn group_at(
    doc: &Doc,
    j: usize,
    end: usize,
    stop: &dyn Fn(&str) -> bool,
) -> Range<usize> {
    let mut k = j;
    while k < end && k - j < MAX_WORDS && doc.is_word(k) {
        let w = doc.low(k);
        if is_stop(w) || stop(w) || (is_verb_form(w) && (k > j || verb_before_object(doc, k))) {
            break;
        }
        k += 1;
        if is_plural(w) {
            break;
        }
    }
    if k > j && MEASURES.contains(&doc.low(k - 1)) && doc.low(k) == "of" {
        let tail = group_at(doc, k + 1, end, stop);
        if !tail.is_empty() {
            return j..tail.end;
        }
    }
    // A group ending in a possessive clitic ("12 people's") is no noun group.
    if doc.kind(k) == Some(TokenKind::Clitic) {
        return j..j;
    }
    j..k
}

/// The body text of a token range ("" when empty).
pub(crate) fn text_of<'a>(doc: &Doc<'a>, r: &Range<usize>) -> &'a str {
    if r.is_empty() {
        return "";
    }
    let (s, _) = doc.span(r.start);
    let (_, e) = doc.span(r.end - 1);
    doc.body.get(s..e).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_and_plurals() {
        assert!(is_plural("troops") && is_plural("people") && !is_plural("press"));
        assert!(is_stop("the") && is_stop("reportedly") && !is_stop("family"));
    }
}
