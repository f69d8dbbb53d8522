//! What the words around a gazetteer match say about it: a preposition or a possessive beside
//! it, a capitalised word that carries a longer name on, an office that follows it, a full stop
//! that cuts a word short, and how large the places it may be are.

use chronicle_core::TokenKind;

use super::gazetteer::{Gazetteer, Kind, Reading, push_key};

/// Whether token `k` of the sentence starting at token `start`, a neighbour of a gazetteer
/// match, carries a name on: a capitalised word in mixed case that is not the sentence's
/// first word, nor a month or a weekday.
pub(super) fn in_capitalised_run(
    body: &str,
    tokens: &[chronicle_core::Token],
    start: usize,
    k: usize,
) -> bool {
    let Some(tok) = tokens.get(k) else {
        return false;
    };
    let word = &body[tok.span.start as usize..tok.span.end as usize];
    k > start
        && (start..k).any(|j| tokens[j].kind != TokenKind::Punct)
        && tok.kind == TokenKind::Word
        && starts_upper(word)
        && word.chars().any(char::is_lowercase)
        && !crate::calendar::is_month_or_weekday(word)
}

/// The names stage's word lists (titles, events named alone), loaded once.
pub(super) fn names_lexicon() -> &'static crate::names::lexicon::NameLexicon {
    static LEXICON: std::sync::OnceLock<crate::names::lexicon::NameLexicon> =
        std::sync::OnceLock::new();
    LEXICON.get_or_init(crate::names::lexicon::NameLexicon::embedded)
}

/// Whether an office or a rank of the names stage's titles opens at token `k` (before the
/// sentence's end `limit`): "Mayor", "Fire Chief", "Sheriff".
pub(super) fn office_follows(
    body: &str,
    tokens: &[chronicle_core::Token],
    k: usize,
    limit: usize,
) -> bool {
    let lx = names_lexicon();
    let mut words = String::new();
    (k..limit.min(tokens.len()).min(k + lx.max_title_words)).any(|j| {
        let tok = tokens[j];
        if !words.is_empty() {
            words.push(' ');
        }
        words.push_str(&body[tok.span.start as usize..tok.span.end as usize].to_lowercase());
        lx.title(&words).is_some_and(|t| t.office)
    })
}

/// Whether a reading makes the match a town of 100,000 people or more.
pub(super) fn big_town(g: &Gazetteer, readings: &[Reading]) -> bool {
    readings.iter().any(|r| {
        let x = &g.entries[r.entry as usize];
        !r.after_comma_only && x.kind == Kind::City && x.population >= 100_000
    })
}

/// Whether a reading makes the match a country, a first-level division or a region.
pub(super) fn strong_reading(g: &Gazetteer, readings: &[Reading]) -> bool {
    readings.iter().any(|r| {
        !r.after_comma_only
            && matches!(
                g.entries[r.entry as usize].kind,
                Kind::Country | Kind::Admin1 | Kind::Region
            )
    })
}

/// Whether the word before byte `at` is a locative preposition ("in", "at", "near").
pub(super) fn after_locative(body: &str, at: usize) -> bool {
    after_word(body, at, &["in", "at", "near", "outside", "inside"])
}

/// Whether the word before byte `at` is one of `words` (any case).
pub(super) fn after_word(body: &str, at: usize, words: &[&str]) -> bool {
    let before = body.get(..at).unwrap_or("").trim_end();
    let word = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    words.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Whether the word ending at byte `end` is a possessive ("Cruz's", "Cruz’s").
pub(super) fn possessive(body: &str, end: usize) -> bool {
    let rest = body.get(end..).unwrap_or("");
    rest.starts_with("'s") || rest.starts_with("’s")
}

pub(super) fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// Whether `text` is the surname of the person `canonical` names in full: "Cruz" of "Ted
/// Cruz" (not "Toronto" of "CBC Toronto", which the article merely joined).
pub(super) fn short_name_of(canonical: &str, text: &str) -> bool {
    let Some(given) = canonical
        .strip_suffix(text)
        .and_then(|g| g.strip_suffix(' '))
    else {
        return false;
    };
    given
        .split_whitespace()
        .next()
        .is_some_and(|w| w.chars().any(char::is_lowercase))
}

/// A word cut short by one full stop: "Nov.", "Gen.", "Ky." (not "U.S.", not "St. Louis").
pub(super) fn is_abbreviation(text: &str) -> bool {
    text.len() > 1 && text.ends_with('.') && text.matches('.').count() == 1
}

/// Whether a gazetteer name is spelled by `key` (a lookup key, see [`push_key`]).
pub(super) fn same_key(name: &str, key: &str) -> bool {
    let mut k = String::with_capacity(name.len());
    push_key(&mut k, name);
    k == key
}
