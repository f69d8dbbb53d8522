//! The article's person-like capitalised runs, which the resolver expands a name to and looks
//! back through for a pronoun: titles stripped, places and organisations' words left out.

use std::ops::Range;

use chronicle_core::{Analysis, EntityType, TokenKind};

use super::doc::Doc;
use super::lexicon::WordClass;

/// Most words of a person's name ("Martin Luther King Jr."); longer runs are headlines.
const MAX_NAME: usize = 4;

/// A name's tokens after its last title word and leading determiner ("Italian Prime Minister
/// Matteo Renzi" → "Matteo Renzi"); the whole run when nothing would remain.
pub fn strip_titles(doc: &Doc, tokens: Range<usize>) -> Range<usize> {
    let last_title = tokens
        .clone()
        .rev()
        .find(|&t| doc.is(t, WordClass::Title) || doc.is(t, WordClass::Det));
    match last_title {
        Some(t) if t + 1 < tokens.end => t + 1..tokens.end,
        _ => tokens,
    }
}

/// Person-like capitalised runs of the article: two words or more, titles stripped, no
/// organisation word, not all capitals.
pub fn person_runs(doc: &Doc) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    let n = doc.tokens.len();
    while i < n {
        if !doc.is_capitalised(i) {
            i += 1;
            continue;
        }
        let mut start = i;
        while i < n && (doc.is_capitalised(i) || is_joiner(doc, i)) {
            i += 1;
        }
        // A sentence may open with a capitalised "On", "But", "The".
        while start < i
            && [WordClass::Function, WordClass::Det, WordClass::Aux]
                .iter()
                .any(|&c| doc.is(start, c))
        {
            start += 1;
        }
        let run = strip_titles(doc, start..i);
        // A body's name may stand before a person's: "National Prosecuting Authority Eric
        // Roe" holds the person "Eric Roe".
        let run = match run.clone().rev().find(|&t| doc.is(t, WordClass::Org)) {
            Some(t) if run.end - t > 2 => strip_titles(doc, t + 1..run.end),
            _ => run,
        };
        let person = (2..=MAX_NAME).contains(&run.len())
            && !run.clone().any(|t| {
                doc.is(t, WordClass::Org)
                    || doc.is(t, WordClass::Time)
                    || doc.is(t, WordClass::Pronoun)
                    || is_acronym(doc.tok(t))
            })
            && doc.kind(run.end - 1) != Some(TokenKind::Abbreviation);
        if person {
            out.push(run);
        }
    }
    out
}

/// Whether the names stage read the capitalised run `run` as a place ("Western Cape") or as
/// part of a longer name that is no person's ("Public Security" in "the Ministry of Public
/// Security"): such a run is no person a pronoun could stand for, however person-like its
/// words. A run it read whole as an organisation may still be a person it misread ("said Brian
/// Town, station director").
pub fn names_other_than_a_person(doc: &Doc, analysis: &Analysis, run: &Range<usize>) -> bool {
    let (start, end) = (doc.start_of(run.start), doc.end_of(run.end - 1));
    analysis.mentions.iter().any(|m| {
        let (m_start, m_end) = (m.span.start as usize, m.span.end as usize);
        let kind = analysis.referents.get(m.referent).map(|r| r.kind);
        let longer = m_start < start || m_end > end;
        m.form == chronicle_core::MentionForm::Name
            && m_start <= start
            && m_end >= end
            && kind.is_some_and(|k| k != EntityType::Person)
            && (longer || matches!(kind, Some(EntityType::Loc | EntityType::Gpe)))
    })
}

/// A word of two letters or more, all capitals: "KCNA", "NYPD", "U.S.".
pub fn is_acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !word.chars().any(char::is_lowercase)
}

/// An initial or particle inside a name ("Donald J. Trump").
fn is_joiner(doc: &Doc, i: usize) -> bool {
    matches!(doc.tok(i), "de" | "van" | "von" | "bin" | "al" | "da") && doc.is_capitalised(i + 1)
}
