//! How actors' names sit in a sentence's tree: the head word of a name, whether a preposition
//! opens it (a place or a circumstance, not a subject), and which names a list joins.

use chronicle_core::{DepRel, Upos};

use super::Tree;
use crate::events::actors::{self, ActorHit};
use crate::events::sentence::{COORD, Word};

impl Tree<'_> {
    /// Whether the words `start..end` (an actor's name) open with a preposition of their own:
    /// the head word of the span, the one hung outside it, has an `ADP` case marker ("in
    /// Scotland"), so the name is a place or a circumstance, never a clause's subject.
    pub fn prepositional(&self, start: usize, end: usize) -> bool {
        self.head_within(start, end).is_some_and(|w| {
            self.children(w)
                .any(|(c, r)| r == DepRel::Case && self.upos(c) == Some(Upos::Adp))
        })
    }

    /// The coordination around hit `k` as [`actors::group`] reads it from the words, cut where
    /// only a comma joins a name to a subject the tree does not coordinate it with ("In a
    /// speech at Napier University, he said", "In California, the company is fighting": a
    /// scene and the subject after it, not a list). Lists the parser got wrong stay lists.
    pub fn group(&self, hits: &[ActorHit], words: &[Word], k: usize) -> (usize, usize) {
        let (lo, hi) = actors::group(hits, words, k);
        let listed = |a: &ActorHit, b: &ActorHit| {
            let coordinated = words
                .get(a.end..b.start)
                .is_some_and(|between| between.iter().any(|w| w.flags & COORD != 0));
            let (first, second) = (
                self.coordination(self.span_head(a)),
                self.coordination(self.span_head(b)),
            );
            let subject = self.rel(second).is_some_and(|r| r.base() == DepRel::Nsubj);
            coordinated || first == second || !subject
        };
        let mut from = k;
        while from > lo && listed(&hits[from - 1], &hits[from]) {
            from -= 1;
        }
        let mut to = k + 1;
        while to < hi && listed(&hits[to - 1], &hits[to]) {
            to += 1;
        }
        (from, to)
    }

    /// The word of a hit's span the tree hangs outside it: the head of the name.
    fn span_head(&self, h: &ActorHit) -> usize {
        self.head_within(h.start, h.end).unwrap_or(h.start)
    }

    /// The word of `start..end` whose head lies outside those words (the phrase's head).
    fn head_within(&self, start: usize, end: usize) -> Option<usize> {
        (start..end.min(self.len)).find(|&w| self.head(w).is_none_or(|h| h < start || h >= end))
    }

    /// The first conjunct of the coordination word `w` belongs to (itself when it is in none),
    /// through conjuncts and appositions; a name that modifies a noun ("the Palestinian
    /// leader") stands where that noun does.
    fn coordination(&self, w: usize) -> usize {
        let mut at = w;
        for _ in 0..self.len {
            match (self.rel(at), self.head(at)) {
                (
                    Some(
                        DepRel::Conj
                        | DepRel::Appos
                        | DepRel::Amod
                        | DepRel::Compound
                        | DepRel::NmodPoss
                        | DepRel::Flat,
                    ),
                    Some(h),
                ) => at = h,
                _ => break,
            }
        }
        at
    }
}
