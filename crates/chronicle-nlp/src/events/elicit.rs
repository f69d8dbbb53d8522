//! Acts a sentence says something drew from others: "the test sparked international
//! condemnation", "..., prompting protests", "the verdict drew criticism from Washington". The
//! subject of the eliciting verb is whom the act is aimed at, not who does it; the doer, when
//! the sentence names one, modifies the act's noun ("UN sanctions", "criticism from
//! Washington").

use chronicle_core::{DepRel, Upos};

use super::actors::ActorHit;
use super::tree::Tree;

/// Verbs whose object is something others do in answer to the subject.
const ELICITING: &[&str] = &[
    "spark", "prompt", "trigger", "provoke", "draw", "attract", "elicit", "ignite",
];

/// Whether the verb at `v` elicits its object from others (a phrasal verb, "drew up
/// proposals", does not).
pub fn eliciting(t: Tree, v: usize) -> bool {
    t.upos(v) == Some(Upos::Verb)
        && ELICITING.iter().any(|e| t.lemma(v).eq_ignore_ascii_case(e))
        && !t.children(v).any(|(_, r)| r == DepRel::CompoundPrt)
}

/// Whether the noun at `w` is what an eliciting verb draws ("prompting protests": no verb
/// "protest" of the sentence's subject), itself or joined to it ("condemnation and sanctions").
pub fn elicited_noun(t: Tree, w: usize) -> bool {
    eliciting_verb(t, w).is_some()
}

/// The eliciting verb whose object the noun at `w` is, itself or joined to it.
pub fn eliciting_verb(t: Tree, w: usize) -> Option<usize> {
    if t.upos(w) != Some(Upos::Noun) {
        return None;
    }
    let mut at = w;
    while t.rel(at) == Some(DepRel::Conj) {
        match t.head(at) {
            Some(h) if h != at => at = h,
            _ => return None,
        }
    }
    let v = t.head(at)?;
    (t.rel(at) == Some(DepRel::Obj) && eliciting(t, v)).then_some(v)
}

/// (source, target) hits of the eliciting verb at `v`: the target is its subject (or, for a
/// participle with none, "..., sparking protests", the subject of the clause it hangs from);
/// the source an actor modifying what it draws ("UN sanctions", "criticism from the US"), or
/// its own `from`/`by` phrase.
pub fn sides(t: Tree, v: usize, hits: &[ActorHit]) -> (Option<usize>, Option<usize>) {
    let subject = t.subject(v, hits).or_else(|| match t.rel(v) {
        Some(DepRel::Advcl | DepRel::Xcomp | DepRel::Conj) => {
            t.head(v).and_then(|h| t.subject(h, hits))
        }
        _ => None,
    });
    let target = subject.and_then(|s| t.subject_actor(s, hits));
    let from_or_by = |c: usize| t.case_is(c, "from") || t.case_is(c, "by");
    let doer = |noun: usize| {
        t.children(noun)
            .filter(|&(c, r)| {
                matches!(r, DepRel::Amod | DepRel::Compound | DepRel::NmodPoss)
                    || (r == DepRel::Nmod && from_or_by(c))
            })
            .find_map(|(c, _)| t.actor(c, hits))
    };
    let source = t
        .children(v)
        .filter(|&(_, r)| r == DepRel::Obj)
        .find_map(|(o, _)| doer(o))
        .or_else(|| {
            t.children(v)
                .filter(|&(c, r)| matches!(r, DepRel::Obl | DepRel::OblAgent) && from_or_by(c))
                .find_map(|(c, _)| t.actor(c, hits))
        })
        .filter(|&k| Some(k) != target);
    (source, target)
}
