//! What a number counts: the short noun group right after it ("12 Palestinian civilians were
//! killed" → "Palestinian civilians"; "3 tons of rice" → "tons of rice").
//!
//! There is no part-of-speech tagger in Chronicle, so the group is found by what ends it: a
//! function word, a verb form after the noun ("people killed"), an adverb, punctuation, or the
//! end of a plural noun ("troops", "people"). Four words at most.

use std::ops::Range;
use std::sync::OnceLock;

use chronicle_core::TokenKind;

use super::text::Doc;
use crate::hash::FastSet;

/// The longest group the reader takes.
const MAX_WORDS: usize = 4;

/// The closed word classes the reader stops at, from `dictionaries/gist/`, parsed once.
struct Words {
    /// Words no counted group holds (`stop_words.txt`).
    stop: FastSet<&'static str>,
    /// Plurals not ending in s, after which a group ends (`plurals.txt`).
    plurals: FastSet<&'static str>,
    /// Measure words that take "of" and a second group (`measures.txt`).
    measures: FastSet<&'static str>,
}

fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| Words {
        stop: word_list(
            "dictionaries/gist/stop_words.txt",
            include_str!("../../../../dictionaries/gist/stop_words.txt"),
        ),
        plurals: word_list(
            "dictionaries/gist/plurals.txt",
            include_str!("../../../../dictionaries/gist/plurals.txt"),
        ),
        measures: word_list(
            "dictionaries/gist/measures.txt",
            include_str!("../../../../dictionaries/gist/measures.txt"),
        ),
    })
}

/// One lower-case word a line, `#` comments. Embedded data is compile-time data: a line that is
/// not one lower-case word panics naming the file and line.
fn word_list(file: &str, text: &'static str) -> FastSet<&'static str> {
    let mut set = FastSet::default();
    for (i, line) in text.lines().enumerate() {
        let word = line.split('#').next().unwrap_or("").trim();
        if word.is_empty() {
            continue;
        }
        if word.contains(char::is_whitespace) || word.chars().any(char::is_uppercase) {
            panic!(
                "{file}:{}: expected one lower-case word, found {word:?}",
                i + 1
            );
        }
        set.insert(word);
    }
    set
}

/// Whether `w` (lower case) is a word no counted group holds.
pub(crate) fn is_stop(w: &str) -> bool {
    words().stop.contains(w) || (w.len() > 4 && w.ends_with("ly") && w != "family")
}

/// Whether `w` ends a group when it is the last word taken.
fn is_plural(w: &str) -> bool {
    words().plurals.contains(w) || (w.len() > 3 && w.ends_with('s') && !w.ends_with("ss"))
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
    if k > j && words().measures.contains(doc.low(k - 1)) && doc.low(k) == "of" {
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
        assert!(words().measures.contains("tonnes") && !words().measures.contains("people"));
    }
}
