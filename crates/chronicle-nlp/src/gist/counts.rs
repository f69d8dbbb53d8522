//! Counts as GKG V1Counts gives them: how many people were killed, wounded, arrested, kidnapped,
//! displaced, evacuated, affected, how many protested, what was seized, with the place nearby.
//!
//! A count is a number phrase (digits or words, "dozens", "thousands of") and the noun group it
//! counts, typed by a trigger word of `dictionaries/counts.txt` in one of four roles:
//!
//! - `act`: a verb before the number — "police **arrested** at least 20 students";
//! - `state`: a word after the noun group, or right after the number — "12 people **were killed**",
//!   "30 **dead**", "12 **wounded** soldiers";
//! - `noun`: the counted noun itself — "thousands of **protesters**", "45 **deaths**";
//! - `before`: a phrase linked to the number — "the **death toll** rose to 45".
//!
//! An act or state trigger wins over a noun ("5 protesters arrested" is ARREST, as GKG codes it).
//! A number without a trigger is no count: "3,000 troops" is an amount (GKG has no deployment
//! count), and counted only when something happens to them ("3,000 troops were killed").

use std::ops::Range;

use chronicle_core::Count;

use super::numbers::{self, Form, Number};
use super::object::{self, group_at};
use super::text::Doc;
use crate::hash::FastMap;

const EMBEDDED: &str = include_str!("../../../../dictionaries/counts.txt");

/// Words that may stand between an act verb and its number: "killed **at least** 12".
const QUANTIFIERS: &[&str] = &[
    "at",
    "least",
    "more",
    "than",
    "over",
    "about",
    "some",
    "nearly",
    "almost",
    "around",
    "up",
    "to",
    "an",
    "estimated",
    "as",
    "many",
    "roughly",
    "approximately",
    "another",
    "most",
    "fewer",
    "less",
    "close",
    "well",
    "only",
    "just",
    "further",
    "a",
    "total",
    "of",
    "all",
    "the",
    "over",
];

/// Words that may stand between a noun group and its state: "12 people **were reportedly** killed".
const AUXILIARIES: &[&str] = &[
    "were",
    "was",
    "are",
    "is",
    "been",
    "being",
    "be",
    "have",
    "has",
    "had",
    "reportedly",
    "allegedly",
    "also",
    "all",
    "later",
    "who",
    "now",
    "since",
    "already",
    "got",
    "get",
    "feared",
    "believed",
    "confirmed",
    "reported",
    "said",
    "to",
    "were",
    "subsequently",
    "eventually",
    "apparently",
    "either",
    "being",
    "left",
    "found",
    "presumed",
    "remain",
    "remained",
    "still",
];

/// Words that link a `before` phrase to its number: "death toll **rose to** 45".
const LINKS: &[&str] = &[
    "rose",
    "risen",
    "rises",
    "climbed",
    "climbs",
    "reached",
    "reaches",
    "stood",
    "stands",
    "at",
    "to",
    "of",
    "is",
    "was",
    "has",
    "had",
    "now",
    "jumped",
    "increased",
    "hit",
    "hits",
    "topped",
    "passed",
    "exceeded",
    "surpassed",
    "stands",
    "put",
    "estimated",
    "numbered",
];

/// The count-type lexicon: trigger words by role, each naming a type.
///
/// It exists apart from the stage so that tests and users can type counts with a lexicon of
/// their own ([`CountLexicon::parse`]).
#[derive(Debug, Clone, Default)]
pub struct CountLexicon {
    types: Vec<String>,
    act: FastMap<String, usize>,
    state: FastMap<String, usize>,
    noun: FastMap<String, usize>,
    /// Multi-word phrases, lower case, as word lists.
    before: Vec<(Vec<String>, usize)>,
}

impl CountLexicon {
    /// The lexicon embedded from `dictionaries/counts.txt`.
    pub fn embedded() -> Self {
        match Self::parse(EMBEDDED) {
            Ok(l) => l,
            Err(e) => panic!("embedded count lexicon: {e}"),
        }
    }

    /// A lexicon in the `counts.txt` format: `[TYPE]` headers, then `role: words` lines with
    /// roles `act`, `state`, `noun` and `before` (phrases joined by `_`), `#` comments.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut lex = CountLexicon::default();
        let mut ty: Option<usize> = None;
        for (n, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                lex.types.push(name.trim().to_string());
                ty = Some(lex.types.len() - 1);
                continue;
            }
            let (Some(t), Some((role, words))) = (ty, line.split_once(':')) else {
                return Err(format!("line {}: expected [TYPE] or role: words", n + 1));
            };
            for w in words.split_whitespace().map(str::to_lowercase) {
                match role.trim() {
                    "act" => lex.act.insert(w, t),
                    "state" => lex.state.insert(w, t),
                    "noun" => lex.noun.insert(w, t),
                    "before" => {
                        lex.before
                            .push((w.split('_').map(str::to_string).collect(), t));
                        None
                    }
                    other => return Err(format!("line {}: unknown role {other:?}", n + 1)),
                };
            }
        }
        Ok(lex)
    }

    /// The count types, in the order the lexicon gives them.
    pub fn types(&self) -> &[String] {
        &self.types
    }

    fn is_trigger(&self, w: &str) -> bool {
        self.state.contains_key(w) || self.act.contains_key(w)
    }
}

/// A count found in token indices, before places and offsets.
struct Found {
    ty: usize,
    tokens: Range<usize>,
    object: Range<usize>,
}

/// The counts of the document.
pub(crate) fn find(lex: &CountLexicon, doc: &Doc, numbers: &[Number]) -> Vec<Count> {
    let places = doc.place_names();
    let mut out = Vec::new();
    for n in numbers {
        if !countable(doc, n) {
            continue;
        }
        let Some(f) = classify(lex, doc, n) else {
            continue;
        };
        let Some(kind) = lex.types.get(f.ty) else {
            continue;
        };
        let (bs, _) = doc.span(f.tokens.start);
        let (_, be) = doc.span(f.tokens.end.saturating_sub(1));
        let sentence = doc.sentence_of(n.start);
        let (ss, _) = doc.span(sentence.start);
        let (_, se) = doc.span(sentence.end.saturating_sub(1));
        let (start, end) = doc.chars(bs, be);
        out.push(Count {
            kind: kind.clone(),
            number: numbers::round(n.value),
            object: object::text_of(doc, &f.object).to_string(),
            start,
            end,
            place: nearest_place(&places, (bs, be), (ss, se)).map(str::to_string),
        });
    }
    out
}

/// Whether a number can count people or things: not money, a share, a date or a compound.
fn countable(doc: &Doc, n: &Number) -> bool {
    let (s, _) = doc.span(n.start);
    let (_, e) = doc.span(n.end.saturating_sub(1));
    n.money.is_none() && !n.percent && !n.hyphenated && n.value >= 1.0 && !doc.in_date(s, e)
}

/// The type, extent and object of the count at number `n`, if a trigger types it.
fn classify(lex: &CountLexicon, doc: &Doc, n: &Number) -> Option<Found> {
    let sentence = doc.sentence_of(n.start);
    let stop = |w: &str| lex.is_trigger(w);
    let mut group = group_at(doc, n.end, sentence.end, &stop);
    let mut ty = None;
    let mut last = n.end;
    // "12 dead", "12 wounded soldiers": a state right after the number.
    if group.is_empty()
        && let Some(&t) = lex.state.get(doc.low(n.end))
        && n.end < sentence.end
        && !number_follows(doc, n.end + 1, sentence.end)
    {
        ty = Some(t);
        last = n.end + 1;
        group = group_at(doc, n.end + 1, sentence.end, &stop);
    }
    last = last.max(group.end);
    if ty.is_none()
        && let Some((t, at)) = state_after(lex, doc, last, sentence.end)
    {
        ty = Some(t);
        last = at + 1;
    }
    let mut first = n.start;
    if let Some((t, at)) = trigger_before(lex, doc, n.start, sentence.start) {
        if ty.is_none() {
            ty = Some(t);
        }
        if ty == Some(t) {
            first = at;
        }
    }
    if ty.is_none() {
        ty = group
            .clone()
            .rev()
            .find_map(|k| lex.noun.get(doc.low(k)).copied());
    }
    // "dozens" and "thousands" count only when they say of what, or a trigger follows.
    if n.form == Form::Vague && group.is_empty() && last == n.end {
        return None;
    }
    Some(Found {
        ty: ty?,
        tokens: first..last.max(n.end),
        object: group,
    })
}

/// A state trigger after the noun group, past auxiliaries: "were reportedly **killed**".
fn state_after(lex: &CountLexicon, doc: &Doc, from: usize, end: usize) -> Option<(usize, usize)> {
    let mut k = from;
    while k < end && k < from + 4 {
        let w = doc.low(k);
        if let Some(&t) = lex.state.get(w) {
            // "two bombs killed six officers": the group did it, the count comes after.
            return (!number_follows(doc, k + 1, end)).then_some((t, k));
        }
        if !AUXILIARIES.contains(&w) {
            return None;
        }
        k += 1;
    }
    None
}

/// Whether a number follows token `from` closely, past quantifiers ("at least").
fn number_follows(doc: &Doc, from: usize, end: usize) -> bool {
    (from..end.min(from + 4))
        .take_while(|&k| numbers::starts_number(doc, k) || QUANTIFIERS.contains(&doc.low(k)))
        .any(|k| numbers::starts_number(doc, k))
}

/// An act verb before the number, past quantifiers ("killed **at least** 12"), or a `before`
/// phrase past links ("death toll **rose to** 45"): its type and first token.
fn trigger_before(
    lex: &CountLexicon,
    doc: &Doc,
    number: usize,
    sentence_start: usize,
) -> Option<(usize, usize)> {
    let mut k = number;
    let mut quantifiers_only = true;
    for _ in 0..6 {
        if k <= sentence_start {
            return None;
        }
        k -= 1;
        let w = doc.low(k);
        if quantifiers_only && let Some(&t) = lex.act.get(w) {
            return Some((t, k));
        }
        if let Some((t, len)) = before_phrase(lex, doc, k, sentence_start) {
            return Some((t, k + 1 - len));
        }
        let quantifier = QUANTIFIERS.contains(&w);
        if !quantifier && !LINKS.contains(&w) {
            return None;
        }
        quantifiers_only &= quantifier;
    }
    None
}

/// A `before` phrase ending at token `k`: its type and length in tokens.
fn before_phrase(
    lex: &CountLexicon,
    doc: &Doc,
    k: usize,
    sentence_start: usize,
) -> Option<(usize, usize)> {
    lex.before.iter().find_map(|(words, t)| {
        let len = words.len();
        if len == 0 || k + 1 < sentence_start + len {
            return None;
        }
        let first = k + 1 - len;
        words
            .iter()
            .enumerate()
            .all(|(o, w)| doc.low(first + o) == w)
            .then_some((*t, len))
    })
}

/// The place nearest a count in its sentence: the first one after it ("in Gaza"), else the last
/// one before it.
fn nearest_place<'p>(
    places: &[(usize, usize, &'p str)],
    count: (usize, usize),
    sentence: (usize, usize),
) -> Option<&'p str> {
    let inside = |&&(s, e, _): &&(usize, usize, &str)| s >= sentence.0 && e <= sentence.1;
    places
        .iter()
        .filter(inside)
        .find(|p| p.0 >= count.1)
        .or_else(|| places.iter().filter(inside).rfind(|p| p.1 <= count.0))
        .map(|p| p.2)
}
