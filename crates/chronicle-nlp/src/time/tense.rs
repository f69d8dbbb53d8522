//! The tense of the clause a mention sits in, which decides between the last and the coming
//! occurrence of a weekday or a date without a year.
//!
//! The clause's own verb decides first: "Kim left on Thursday, canceling a planned lunch" is past
//! whatever the participle after the comma says. Only when the clause has no marker does the rest
//! of the sentence speak, and then a participle used as an adjective after the mention ("a planned
//! lunch") says nothing about the mention.

use super::grammar::Cx;
use super::lexicon::{Lex, Tense};
use super::scan::Kind;

/// How far (in tokens) from a mention the tense of its clause is looked for.
const WINDOW: usize = 12;

/// How much a tense marker says about its clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Strength {
    /// An auxiliary or a verb of the lexicon: `will`, `was`, `had`, `went`.
    Strong,
    /// A word ending in -ed: a past tense, or a participle after `will be`.
    Weak,
    /// A reporting verb (`said`): the tense of the report, not of the event.
    Reporting,
}

/// Words that open a subordinate clause: the mention's clause ends there.
const SUBORDINATORS: [&str; 11] = [
    "that", "which", "who", "whom", "when", "while", "because", "although", "whereas", "if",
    "unless",
];

/// Determiners and possessives before a participle used as an adjective (`a planned lunch`).
const DETERMINERS: [&str; 12] = [
    "a", "an", "the", "its", "their", "his", "her", "our", "your", "my", "this", "these",
];

/// The tense marker a token carries, and how much it says.
fn marker(cx: Cx<'_, '_>, k: usize) -> Option<(Tense, Strength)> {
    let t = cx.tok(k)?;
    if t.kind != Kind::Word {
        return None;
    }
    let w = cx.text_of(k);
    if let Some(tense) = t.find(|l| match l {
        Lex::Tense(x) => Some(x),
        _ => None,
    }) {
        // "plan" and "plans" are nouns ("vacation plans") unless an infinitive follows.
        let noun = ["plan", "plans"].iter().any(|p| w.eq_ignore_ascii_case(p));
        if noun && !cx.is_word(k + 1, "to") {
            return None;
        }
        let reporting = ["said", "says", "told"]
            .iter()
            .any(|r| w.eq_ignore_ascii_case(r));
        let strength = if reporting {
            Strength::Reporting
        } else {
            Strength::Strong
        };
        return Some((tense, strength));
    }
    let b = w.as_bytes();
    let past = t.is(Lex::PastVerb)
        || b.len() >= 5 && b.ends_with(b"ed") && !t.upper && !b.ends_with(b"eed");
    past.then_some((Tense::Past, Strength::Weak))
}

/// Whether token `k` is a participle used as an adjective: after a determiner, maybe with an
/// adverb between (`a planned lunch`, `the previously scheduled vote`).
fn adjectival(cx: Cx<'_, '_>, k: usize) -> bool {
    let det = |i: usize| DETERMINERS.iter().any(|d| cx.is_word(i, d));
    let Some(p) = k.checked_sub(1) else {
        return false;
    };
    det(p) || cx.text_of(p).ends_with("ly") && p.checked_sub(1).is_some_and(det)
}

/// Whether token `k` ends a clause: punctuation between clauses or a subordinating word.
fn boundary(cx: Cx<'_, '_>, k: usize) -> bool {
    let Some(t) = cx.tok(k) else { return true };
    match t.kind {
        Kind::Punct => match t.ch {
            '-' | '‐' => !cx.hyphen(k),
            '\'' | '’' => !t.glued,
            c => matches!(
                c,
                ',' | ';' | ':' | '(' | ')' | '"' | '“' | '”' | '`' | '—' | '–' | '_' | '.'
            ),
        },
        Kind::Word => SUBORDINATORS.iter().any(|w| cx.is_word(k, w)),
        Kind::Num => false,
    }
}

/// The tense of the clause around tokens `first..last`, with the distance in tokens of the
/// marker that decided it. In the mention's own clause first, then in its sentence: the nearest
/// auxiliary, else the nearest -ed verb, else the nearest reporting verb.
pub fn tense_near(
    cx: Cx<'_, '_>,
    first: usize,
    last: usize,
    sent: &[u32],
) -> Option<(Tense, usize)> {
    let s = *sent.get(first)?;
    let same = |k: usize| sent.get(k) == Some(&s);
    let mut lo = first;
    while lo > 0 && first - lo < WINDOW && same(lo - 1) && !boundary(cx, lo - 1) {
        lo -= 1;
    }
    let mut hi = last;
    while hi < cx.toks.len() && hi - last < WINDOW && same(hi) && !boundary(cx, hi) {
        hi += 1;
    }
    search(cx, first, last, |k| lo <= k && k < hi).or_else(|| {
        search(cx, first, last, |k| {
            same(k) && !(k >= last && adjectival(cx, k))
        })
    })
}

/// The best marker among the tokens within [`WINDOW`] of `first..last` that `keep` accepts.
fn search(
    cx: Cx<'_, '_>,
    first: usize,
    last: usize,
    keep: impl Fn(usize) -> bool,
) -> Option<(Tense, usize)> {
    let mut best: [Option<(Tense, usize)>; 3] = [None; 3];
    for d in 1..=WINDOW {
        let left = first.checked_sub(d).filter(|&k| keep(k));
        let right = Some(last + d - 1).filter(|&k| keep(k));
        for k in [left, right].into_iter().flatten() {
            if let Some((t, strength)) = marker(cx, k) {
                let slot = &mut best[strength as usize];
                if slot.is_none() {
                    *slot = Some((t, d));
                }
            }
        }
        if best[0].is_some() {
            break;
        }
    }
    best.into_iter().flatten().next()
}
