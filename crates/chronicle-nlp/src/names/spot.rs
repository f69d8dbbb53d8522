//! Spotting name candidates: dictionary phrases on token boundaries (the runs of capitalised
//! words that no dictionary holds are in `runs`), and the article's tokens as the stage reads them.

use crate::hash::FastSet as HashSet;

use chronicle_core::{Article, Token, TokenKind};

use super::dictionary::PhraseKind;
use super::phrase_index::Case;
use super::resources::NameResources;

/// Where a candidate came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A dictionary phrase: the phrase index in `ActorDictionary::phrases` (the first that
    /// spells the text), and the group of every phrase spelling the same text (a surname that
    /// several office holders share).
    Dictionary { phrase: usize, group: usize },
    /// A run of capitalised words.
    Run,
    /// A wire dateline's place in capitals: "SEOUL, July 6 (Reuters) -", "LONDON 1996-08-30".
    Dateline,
    /// A town or state the gazetteer knows, in a line in capitals of a sports report
    /// ("CLEVELAND AT TEXAS").
    Gazetteer,
}

/// A stretch of tokens that may name something: `tokens[first..end]`.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub first: usize,
    pub end: usize,
    pub origin: Origin,
}

/// The article's tokens with the questions the name finder asks of them.
pub struct Tokens<'a> {
    pub body: &'a str,
    pub tokens: &'a [Token],
    /// Sentence index of each token.
    pub sentence: Vec<u32>,
    /// Whether each sentence is written in capitals (a headline): capitalisation says nothing there.
    pub caps_sentence: Vec<bool>,
    /// Words the article also writes in lowercase: "Officials" opening a sentence is not a name.
    lower_seen: HashSet<&'a str>,
}

impl<'a> Tokens<'a> {
    pub fn new(article: &'a Article) -> Self {
        let a = &article.analysis;
        let body = article.body.as_str();
        let mut sentence = vec![0u32; a.tokens.len()];
        let mut caps_sentence = Vec::with_capacity(a.sentence_tokens.len());
        for (s, range) in a.sentence_tokens.iter().enumerate() {
            let mut letters = 0usize;
            let mut upper = 0usize;
            for i in range.clone() {
                if let Some(slot) = sentence.get_mut(i) {
                    *slot = s as u32;
                }
                if let Some(t) = a.tokens.get(i)
                    && t.kind == TokenKind::Word
                {
                    let w = &body[t.span.range()];
                    letters += 1;
                    upper += usize::from(w.chars().all(|c| !c.is_lowercase()));
                }
            }
            caps_sentence.push(letters >= 1 && upper * 10 >= letters * 9);
        }
        let mut lower_seen =
            HashSet::with_capacity_and_hasher(a.tokens.len() / 2, Default::default());
        lower_seen.extend(
            a.tokens
                .iter()
                .filter(|t| t.kind == TokenKind::Word)
                .map(|t| &body[t.span.range()])
                .filter(|w| w.starts_with(|c: char| c.is_lowercase())),
        );
        Tokens {
            body,
            tokens: &a.tokens,
            sentence,
            caps_sentence,
            lower_seen,
        }
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn text(&self, i: usize) -> &'a str {
        self.tokens
            .get(i)
            .map_or("", |t| &self.body[t.span.range()])
    }

    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.tokens.get(i).map(|t| t.kind)
    }

    /// A word or abbreviation that starts with a capital letter.
    pub fn is_capitalised(&self, i: usize) -> bool {
        matches!(
            self.kind(i),
            Some(TokenKind::Word | TokenKind::Abbreviation)
        ) && self.text(i).starts_with(|c: char| c.is_uppercase())
    }

    pub fn in_caps_sentence(&self, i: usize) -> bool {
        self.sentence
            .get(i)
            .and_then(|&s| self.caps_sentence.get(s as usize))
            .copied()
            .unwrap_or(false)
    }

    /// Whether token `i` opens its sentence (possibly after an opening quote or bracket).
    pub fn opens_sentence(&self, i: usize) -> bool {
        let mut j = i;
        while j > 0 && self.sentence.get(j - 1) == self.sentence.get(i) {
            if !matches!(
                self.text(j - 1),
                "“" | "\"" | "‘" | "'" | "(" | "[" | "—" | "-" | "•"
            ) {
                return false;
            }
            j -= 1;
        }
        true
    }

    /// Whether white space separates token `i` from the one before it.
    pub fn spaced_before(&self, i: usize) -> bool {
        match (
            i.checked_sub(1).and_then(|p| self.tokens.get(p)),
            self.tokens.get(i),
        ) {
            (Some(p), Some(t)) => t.span.start > p.span.end,
            _ => true,
        }
    }

    pub fn seen_lowercase(&self, word: &str) -> bool {
        let mut buf = [0u8; 32];
        if word.len() > buf.len() || !word.is_ascii() {
            return false;
        }
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        std::str::from_utf8(lower).is_ok_and(|w| self.lower_seen.contains(w))
    }

    pub fn same_sentence(&self, i: usize, j: usize) -> bool {
        self.sentence.get(i).is_some() && self.sentence.get(i) == self.sentence.get(j)
    }

    /// Index of the token starting at byte `b`, if one does.
    pub fn starting_at(&self, b: usize) -> Option<usize> {
        let i = self.tokens.partition_point(|t| (t.span.start as usize) < b);
        (self.tokens.get(i)?.span.start as usize == b).then_some(i)
    }
}

/// Dictionary phrases over the tokens, longest first; headlines in capitals (and dictionaries
/// in capitals, like PETRARCH's) are matched without regard to case.
pub fn dictionary_matches(t: &Tokens<'_>, res: &NameResources) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        let caps = t.in_caps_sentence(i);
        let opens = t.is_capitalised(i) || t.kind(i) == Some(TokenKind::Number);
        if !(opens || caps) {
            i += 1;
            continue;
        }
        let case = if caps || res.dict.ignore_case {
            Case::Folded
        } else {
            Case::Exact
        };
        let words = |k: usize| (t.same_sentence(i, i + k)).then(|| t.text(i + k));
        let found = res
            .phrases
            .longest(words, case)
            .or_else(|| acronym_in_title_case(t, res, i));
        match found {
            Some((group, n))
                if accept(
                    t,
                    res,
                    (i, i + n),
                    group,
                    caps,
                    out.last().is_some_and(|c: &Candidate| c.end == i),
                ) =>
            {
                out.push(Candidate {
                    first: i,
                    end: i + n,
                    origin: Origin::Dictionary {
                        phrase: res.phrase_groups[group][0],
                        group,
                    },
                });
                i += n;
            }
            _ => i += 1,
        }
    }
    out
}

/// Fewest letters of an acronym that news also writes as a word in title case ("Nato", "Fifa",
/// "Opec"); shorter ones are as often a given name or a word ("Ira", "Eta").
const MIN_TITLE_CASE_ACRONYM: usize = 4;

/// "Nato", "Uefa", "Unicef": British style writes an acronym said as a word in title case. The
/// dictionary's one-word acronym of the same letters is meant, where the article never writes
/// the word in lowercase and it is no sentence's first word that does not speak (so not "Care"
/// for CARE in "Care workers said").
fn acronym_in_title_case(t: &Tokens<'_>, res: &NameResources, i: usize) -> Option<(usize, usize)> {
    let w = t.text(i);
    let mut chars = w.chars();
    let title_case = chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.all(|c| c.is_ascii_lowercase())
        && w.len() >= MIN_TITLE_CASE_ACRONYM;
    // A sentence's first word is capitalised anyway ("Care workers said"): there it is the
    // acronym only where it speaks ("Nato said").
    let opener_word = t.opens_sentence(i) && !super::evidence::speaks(t, i, i + 1);
    if !title_case || opener_word || t.seen_lowercase(w) || res.lexicon.is_not_name(w) {
        return None;
    }
    let (group, n) = res
        .phrases
        .longest(|k| (k == 0).then_some(w), Case::Folded)?;
    let acronym = res.phrase_groups.get(group)?.iter().any(|&p| {
        let text = &res.dict.phrases[p].text;
        text.eq_ignore_ascii_case(w) && text.chars().all(|c| c.is_ascii_uppercase())
    });
    (n == 1 && acronym).then_some((group, n))
}

/// Whether a dictionary match at `tokens[first..end]` names what the dictionary means.
fn accept(
    t: &Tokens<'_>,
    res: &NameResources,
    (first, end): (usize, usize),
    group: usize,
    caps: bool,
    claimed_before: bool,
) -> bool {
    let Some(&phrase) = res.phrase_groups.get(group).and_then(|g| g.first()) else {
        return false;
    };
    if !caps && !t.is_capitalised(first) && t.kind(first) != Some(TokenKind::Number) {
        return false;
    }
    let last = end - 1;
    // "U.S. Open", "Asian Games", "Korean War": the place is part of an event's name.
    if t.is_capitalised(end) && t.same_sentence(last, end) && res.lexicon.is_event_head(t.text(end))
    {
        return false;
    }
    // A surname alone ("Kim") followed by more capitalised words is part of a longer name that
    // the dictionary does not hold ("Kim Yo Jong"): leave it to the run.
    if res.dict.phrases[phrase].kind == PhraseKind::Surname
        && t.is_capitalised(last + 1)
        && t.same_sentence(last, last + 1)
    {
        return false;
    }
    // "Naina Yeltsin", "Tim Howard": a surname the dictionary knows after a word that reads
    // as another given name is a namesake, no office holder: leave it to the run.
    // A longer name ("Hillary Rodham Clinton") and a word of the holder's own full name
    // ("Recep Erdogan") are left to the rules of the holder.
    if res.dict.phrases[phrase].kind == PhraseKind::Surname
        && first == last
        && !caps
        && first > 0
        && !claimed_before
        && !(first > 1 && t.same_sentence(first - 2, first) && t.is_capitalised(first - 2))
        && other_given_name(t, res, first - 1)
        && !res.phrase_groups[group].iter().any(|&p| {
            let entry = &res.dict.entries[res.dict.phrases[p].entry];
            entry
                .canonical
                .split_whitespace()
                .any(|w| w == t.text(first - 1))
        })
    {
        return false;
    }
    // A place that is also a given name, before a capitalised word that heads nothing, opens
    // a person's name: "Georgia Stevens", "Jordan Henderson" (not "Georgia Power", "Jordan
    // Valley").
    if first == last && !caps && given_name_before_surname(t, res, first) {
        return false;
    }
    // A one-word phrase that is also a common word ("He", "May", a sentence opener that the
    // article writes in lowercase elsewhere) is not a name there.
    if first == last {
        let w = t.text(first);
        if res.lexicon.is_not_name(w) || (t.opens_sentence(first) && t.seen_lowercase(w)) {
            return false;
        }
        // After a given name or an initial a one-word surname or place is a person's surname:
        // "Michael Johnson", "Anthony Washington", "I. Austin".
        if first > 0 && t.same_sentence(first - 1, first) && !caps {
            let before = t.text(first - 1);
            if super::typing::opens_person_name(res, before) {
                return false;
            }
        }
    }
    true
}

/// Whether token `at`, right before a surname, reads as a given name of someone else: a
/// capitalised word inside a sentence that the article never writes in lowercase and that is
/// no title, role, head, group, nationality or party word, nor shaped like a verb ("Lyn",
/// not "President", "Russian", "Republican", "Celebrating").
fn other_given_name(t: &Tokens<'_>, res: &NameResources, at: usize) -> bool {
    let lx = &res.lexicon;
    let w = t.text(at);
    let adjective = ["an", "ese", "ish", "ist", "ive", "crat", "ic", "al", "i"]
        .iter()
        .any(|e| w.ends_with(e));
    // "Celebrating Clinton's ...", "Vote Blair", "Longtime Clinton foe": a verb or a modifier
    // opening a sentence or a headline, or one shaped like one, is no given name.
    let verbal = ["ing", "ed", "ly", "time"].iter().any(|e| w.ends_with(e));
    let plain = t.same_sentence(at, at + 1)
        && !t.opens_sentence(at)
        && !verbal
        && t.kind(at) == Some(TokenKind::Word)
        && t.is_capitalised(at)
        && w.chars().skip(1).all(char::is_lowercase)
        && w.chars().count() > 2
        && !t.seen_lowercase(w)
        && !lx.is_not_name(w)
        && !lx.is_org_head(w)
        && !lx.is_group_noun(w)
        && lx.place_head(w).is_none()
        && lx.title(&w.to_lowercase()).is_none()
        && !res.roles.opens(w)
        && !res.roles.opens(&w.to_lowercase());
    plain && (lx.given_name(w).is_some() || !adjective)
}

/// Whether token `at` is a given name followed by one or two capitalised words that head no
/// organisation or place and start no dictionary phrase: a person's name.
fn given_name_before_surname(t: &Tokens<'_>, res: &NameResources, at: usize) -> bool {
    let lx = &res.lexicon;
    let w = t.text(at);
    if lx.given_name(w).is_none() && !lx.is_ambiguous_given_name(w) {
        return false;
    }
    let plain = |k: usize| {
        let w = t.text(k);
        t.same_sentence(at, k)
            && t.kind(k) == Some(TokenKind::Word)
            && t.is_capitalised(k)
            && w.chars().skip(1).any(char::is_lowercase)
            && !lx.is_not_name(w)
            && !lx.is_org_head(w)
            && lx.place_head(w).is_none()
            && !lx.is_event_head(w)
            && lx.title(&w.to_lowercase()).is_none()
            && !res.roles.opens(&w.to_lowercase())
            && res
                .phrases
                .longest(|n| (n == 0).then_some(w), Case::Exact)
                .is_none()
    };
    let words = (at + 1..at + 4).take_while(|&k| plain(k)).count();
    (1..=2).contains(&words)
}
