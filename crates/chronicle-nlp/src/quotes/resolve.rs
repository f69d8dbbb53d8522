//! From a speaker phrase to a speaker: the canonical name and actor code of the referent the
//! names stage found there, or, while that layer is empty, the fullest name the article writes
//! for it ("Choe" → "Choe Son Hui") and the last person before a pronoun.

use std::ops::Range;

use chronicle_core::{Analysis, ByteSpan, EntityType, TokenKind};

use super::attribute::{Np, NpKind};
use super::doc::Doc;
use super::lexicon::WordClass;

/// Who said a quotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// Canonical name, or the description as written ("a campaign spokesman").
    pub name: String,
    /// CAMEO actor code, when the names stage gave one.
    pub actor: Option<String>,
    /// Whether it is a person (pronouns "he"/"she" resolve only to persons).
    pub person: bool,
}

/// Resolves speaker phrases of one article, remembering the speakers seen so far.
pub struct Resolver<'a, 'd> {
    doc: &'a Doc<'d>,
    analysis: &'a Analysis,
    /// Person-like capitalised runs of the article, titles stripped, in text order.
    names: Vec<Range<usize>>,
    last_person: Option<Speaker>,
    last_speaker: Option<Speaker>,
}

/// How far back (in tokens) a pronoun looks for a person when no speaker came before it.
const PRONOUN_REACH: usize = 400;

impl<'a, 'd> Resolver<'a, 'd> {
    /// A resolver over `doc`, using the names layers of `analysis` when they are filled.
    pub fn new(doc: &'a Doc<'d>, analysis: &'a Analysis) -> Self {
        let names = person_runs(doc);
        Resolver {
            doc,
            analysis,
            names,
            last_person: None,
            last_speaker: None,
        }
    }

    /// Records `speaker` as the latest one, for pronouns after it.
    pub fn remember(&mut self, speaker: &Speaker) {
        if speaker.person {
            self.last_person = Some(speaker.clone());
        }
        self.last_speaker = Some(speaker.clone());
    }

    /// The speaker a phrase stands for, if it can be told.
    pub fn resolve(&self, np: &Np) -> Option<Speaker> {
        let span = self.byte_span(&np.tokens);
        if let Some(referent) = self.referent_at(np, span) {
            return self.speaker_of(referent);
        }
        match np.kind {
            NpKind::Pronoun => self.pronoun(np),
            NpKind::Name => Some(self.name(np.tokens.clone())),
            NpKind::Described => Some(self.described(np)),
        }
    }

    fn byte_span(&self, tokens: &Range<usize>) -> ByteSpan {
        let start = self.doc.start_of(tokens.start);
        let end = self.doc.end_of(tokens.end.saturating_sub(1)).max(start);
        ByteSpan::new(start, end)
    }

    /// The referent the names stage put on the phrase: a pronoun link, or the last mention inside.
    fn referent_at(&self, np: &Np, span: ByteSpan) -> Option<usize> {
        let overlaps = |s: ByteSpan| s.start < span.end && span.start < s.end;
        if np.kind == NpKind::Pronoun {
            return self
                .analysis
                .pronouns
                .iter()
                .find(|p| overlaps(p.span))
                .map(|p| p.referent);
        }
        self.analysis
            .mentions
            .iter()
            .filter(|m| overlaps(m.span))
            .max_by_key(|m| (m.form == chronicle_core::MentionForm::Name, m.span.end))
            .map(|m| m.referent)
    }

    fn speaker_of(&self, referent: usize) -> Option<Speaker> {
        let r = self.analysis.referents.get(referent)?;
        Some(Speaker {
            name: r.canonical.clone(),
            actor: r.actor.clone(),
            person: r.kind == EntityType::Person,
        })
    }

    /// "he"/"she"/"I" → the last person; "it"/"they"/"we" → the last speaker of any kind.
    fn pronoun(&self, np: &Np) -> Option<Speaker> {
        let word = self.doc.tok(np.tokens.start).to_ascii_lowercase();
        let personal = matches!(word.as_str(), "he" | "she" | "i" | "him");
        let remembered = if personal {
            self.last_person.as_ref()
        } else {
            self.last_speaker.as_ref()
        };
        if let Some(s) = remembered {
            return Some(s.clone());
        }
        let before = np.tokens.start;
        let floor = before.saturating_sub(PRONOUN_REACH);
        let run = self
            .names
            .iter()
            .rev()
            .find(|r| r.end <= before && r.start >= floor)?;
        Some(self.name(run.clone()))
    }

    /// A name with its titles dropped, expanded to the fullest run of the article that holds it.
    fn name(&self, tokens: Range<usize>) -> Speaker {
        let core = strip_titles(self.doc, tokens);
        let full = if core.len() == 1 {
            let word = self.doc.tok(core.start);
            self.names
                .iter()
                .find(|r| r.len() > 1 && (r.start..r.end).any(|t| self.doc.tok(t) == word))
                .cloned()
                .unwrap_or(core)
        } else {
            core
        };
        let person = !full.clone().any(|t| self.doc.is(t, WordClass::Org))
            && !is_acronym(self.doc.tok(full.start));
        Speaker {
            name: self.text_of(full),
            actor: None,
            person,
        }
    }

    /// A description: the person the article gave that role ("the minister"), or the words.
    fn described(&self, np: &Np) -> Speaker {
        let head = np.tokens.end.saturating_sub(1);
        let head_word = self.doc.tok(head);
        if self.doc.is(head, WordClass::Title) {
            let holder = self.names.iter().rev().find(|r| {
                r.end <= np.tokens.start && {
                    let lo = r.start.saturating_sub(3);
                    let hi = (r.end + 8).min(np.tokens.start);
                    (lo..hi).any(|t| self.doc.tok(t).eq_ignore_ascii_case(head_word))
                }
            });
            if let Some(run) = holder {
                return self.name(run.clone());
            }
        }
        Speaker {
            name: self.text_of(np.tokens.clone()),
            actor: None,
            person: true,
        }
    }

    fn text_of(&self, tokens: Range<usize>) -> String {
        let span = self.byte_span(&tokens);
        self.doc
            .text
            .get(span.range())
            .unwrap_or("")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

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
fn person_runs(doc: &Doc) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    let n = doc.tokens.len();
    while i < n {
        if !doc.is_capitalised(i) {
            i += 1;
            continue;
        }
        let start = i;
        while i < n && (doc.is_capitalised(i) || is_joiner(doc, i)) {
            i += 1;
        }
        let run = strip_titles(doc, start..i);
        let person = run.len() >= 2
            && !run
                .clone()
                .any(|t| doc.is(t, WordClass::Org) || is_acronym(doc.tok(t)))
            && doc.kind(run.end - 1) != Some(TokenKind::Abbreviation);
        if person {
            out.push(run);
        }
    }
    out
}

/// A word of two letters or more, all capitals: "KCNA", "NYPD", "U.S.".
fn is_acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !word.chars().any(char::is_lowercase)
}

/// An initial or particle inside a name ("Donald J. Trump").
fn is_joiner(doc: &Doc, i: usize) -> bool {
    matches!(doc.tok(i), "de" | "van" | "von" | "bin" | "al" | "da") && doc.is_capitalised(i + 1)
}
