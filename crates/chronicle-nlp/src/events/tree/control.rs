//! Who does the act of a verb that has no subject of its own: the subject of the verb it
//! completes or hangs from (subject control: "agreed to meet", "visited Ramallah to meet Abbas",
//! "bombed Gaza, killing 20"), or that verb's object (object control: "persuaded Obama to join",
//! "barred banks from providing").

use chronicle_core::DepRel;

use super::{DEPTH, Tree, hit_holding, verbal};
use crate::events::actors::ActorHit;

/// Verbs whose object is a place gone to ("visited Ramallah to stress ..."): an infinitive the
/// parser hangs on them as a complement says why their subject went, and the place does not
/// act in it, unlike the object of "persuaded Obama to join".
const PLACE_VISITING: &[&str] = &["visit", "tour", "attend", "enter", "reach", "leave"];

/// Verbs whose object does what the clause after them says ("called on Iran to release",
/// "urged Syria to allow", "barred banks from providing"): an infinitive or participle the
/// parser hangs on them as an adverbial clause is the object's act, not their subject's.
const OBJECT_CONTROL: &[&str] = &[
    "call",
    "urge",
    "ask",
    "press",
    "appeal",
    "plead",
    "persuade",
    "tell",
    "order",
    "force",
    "invite",
    "encourage",
    "pressure",
    "push",
    "allow",
    "permit",
    "require",
    "compel",
    "bar",
    "ban",
    "prevent",
    "stop",
    "block",
    "prohibit",
    "forbid",
    "deter",
    "dissuade",
];

impl Tree<'_> {
    /// The subject of the verb at `w`: its own `nsubj` (active or passive); for a verb that has
    /// none and shares one ("agreed to meet", "met and signed"), the subject of the verb it
    /// hangs from, or that verb's object when it has one ("persuaded Obama to join"); for an
    /// adverbial infinitive or participle ("visited Ramallah to meet Abbas"), the subject of
    /// the verb it hangs from. `None` when the tree names no subject. A verb has one subject; when the
    /// parser gave it two, the one that names an actor is it ("As second leg of his visit, Hu
    /// will visit Laos": "Hu", not "leg"; "Kenya's role in brokering the peace talks was
    /// praised": "role", not "talks"), else the one nearest the verb.
    pub fn subject(&self, w: usize, hits: &[ActorHit]) -> Option<usize> {
        let mut at = w;
        for _ in 0..DEPTH {
            // a verb has no compound: a noun the parser hung on one as such before it is its
            // subject ("Nigerian police arrested", read as a compound "police arrested")
            let verb = self.upos(at).is_some_and(verbal);
            let subjects = || {
                self.children(at)
                    .filter(move |&(c, r)| {
                        r.base() == DepRel::Nsubj || (verb && r == DepRel::Compound && c < at)
                    })
                    .map(|(c, _)| c)
            };
            // before the verb first, then by distance
            let nearness = |c: &usize| (*c > at, c.abs_diff(at));
            // of two subjects the parser gave one verb ("rates for Palestinian youth [range]
            // ..., said UNDP"), one that is itself a name beats one with a name inside it
            let named = subjects()
                .filter(|&c| self.subject_actor(c, hits).is_some())
                .min_by_key(|c| (hit_holding(hits, *c).is_none(), nearness(c)));
            if let Some(s) = named.or_else(|| subjects().min_by_key(nearness)) {
                return Some(s);
            }
            match self.rel(at) {
                // "persuaded Obama to join": the object of the verb an infinitive completes
                // is its subject ("agreed to meet" has none, and shares the subject)
                Some(DepRel::Xcomp) => {
                    at = self.head(at)?;
                    let purpose = PLACE_VISITING.contains(&self.lemma(at));
                    if let Some(o) = self
                        .child(at, |r| matches!(r, DepRel::Obj | DepRel::Iobj))
                        .filter(|_| !purpose)
                    {
                        return Some(o);
                    }
                }
                Some(DepRel::Conj) => at = self.head(at)?,
                Some(DepRel::Advcl) if self.controlled(at) => at = self.head(at)?,
                // "barred banks from providing": the object of a verb of making or stopping
                Some(DepRel::Advcl) => {
                    let h = self.head(at)?;
                    return self
                        .object_control(h)
                        .then(|| self.child(h, |r| matches!(r, DepRel::Obj | DepRel::Iobj)))
                        .flatten();
                }
                _ => return None,
            }
        }
        None
    }

    /// Whether the verb at `w` heads an adverbial clause with no subject or auxiliary of its
    /// own, an infinitive or a present participle ("visited Ramallah to meet Abbas", "bombed
    /// Gaza, killing 20", "after meeting Abbas"): English gives such a clause the subject of
    /// the verb it hangs from, never that verb's object. A past participle ("while detained")
    /// is a passive and is not controlled so.
    pub fn controlled(&self, w: usize) -> bool {
        if self.rel(w) != Some(DepRel::Advcl)
            || self.children(w).any(|(_, r)| {
                r.base() == DepRel::Nsubj || matches!(r, DepRel::Aux | DepRel::AuxPass)
            })
        {
            return false;
        }
        if self.head(w).is_some_and(|h| self.object_control(h)) {
            return false;
        }
        let infinitive = self.infinitive_to(w).is_some();
        let form = self.form(w).as_bytes();
        let participle = form.len() > 4 && form[form.len() - 3..].eq_ignore_ascii_case(b"ing");
        infinitive || (participle && self.head(w).is_some_and(|h| !self.passive(h)))
    }

    /// Whether the verb at `w` takes its subject from the verb its adverbial clause hangs
    /// from ([`Tree::controlled`]), itself or through the infinitives that complete it
    /// ("to help protect civilians": "protect" completes "help").
    pub fn controlled_chain(&self, w: usize) -> bool {
        self.completed_verb(w).is_some_and(|at| self.controlled(at))
    }

    /// Whether the verb at `w` is one of [`OBJECT_CONTROL`] as itself, not in a phrasal verb
    /// ("called off the talks, citing drills" is no call on anyone).
    fn object_control(&self, w: usize) -> bool {
        OBJECT_CONTROL.contains(&self.lemma(w))
            && !self.children(w).any(|(_, r)| r == DepRel::CompoundPrt)
    }
}
