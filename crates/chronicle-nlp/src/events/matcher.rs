//! Matching a verb's patterns at one verb of a sentence.
//!
//! Elements right of the verb are found left to right, each at the first place it fits; those
//! left of it, right to left. A tight element must touch its neighbour; a loose one may jump up
//! to the dictionary's gap. Actor slots (`TARGET`, `+`, `$`, `%`) take the actor noun phrase that
//! starts (right) or ends (left) there, after a few modifiers.

use chronicle_core::DepRel;

use super::actors::{ActorHit, hit_ending, hit_starting};
use super::dict::{Elem, Pattern, Slot, Verb, VerbDictionary};
use super::sentence::{ADV, BREAK, QUANT, Word};
use super::tree::Tree;
use super::words::WordId;

/// The word ids of one sentence, as a bit set over the vocabulary.
///
/// It exists so that a pattern naming a literal word the sentence lacks is skipped before any
/// scanning: most patterns of a common verb fail that way.
#[derive(Debug, Default)]
pub struct WordSet {
    bits: Vec<u64>,
    /// The indices of `bits` the last fill set: the next fill clears those, not the whole
    /// vocabulary's worth.
    touched: Vec<usize>,
}

impl WordSet {
    /// Makes the set hold exactly the ids of `words` (a vocabulary of `vocab_len` words).
    pub fn fill(&mut self, words: &[Word], vocab_len: usize) {
        let len = vocab_len.div_ceil(64);
        if self.bits.len() == len {
            for &k in &self.touched {
                if let Some(b) = self.bits.get_mut(k) {
                    *b = 0;
                }
            }
        } else {
            self.bits.clear();
            self.bits.resize(len, 0);
        }
        self.touched.clear();
        for w in words {
            let k = w.id as usize / 64;
            if let Some(b) = self.bits.get_mut(k) {
                *b |= 1 << (w.id % 64);
                self.touched.push(k);
            }
        }
    }

    /// Whether `id` is in the set.
    pub fn contains(&self, id: WordId) -> bool {
        self.bits
            .get(id as usize / 64)
            .is_some_and(|b| b & (1 << (id % 64)) != 0)
    }
}

/// For every pattern of every verb, the alternatives of each of its literal words, in flat
/// arrays.
///
/// It exists because common verbs have hundreds of patterns and most name a word the sentence
/// lacks: checking the keys against the sentence's [`WordSet`] skips them without walking each
/// pattern's slots. Content words come first, as they rule out more patterns than "to" or "for".
#[derive(Debug, Default)]
pub struct PatternKeys {
    /// Per verb, the index in `patterns` of its first pattern.
    first: Vec<u32>,
    /// Per pattern, its range in `groups`.
    patterns: Vec<(u32, u32)>,
    /// Per literal word of a pattern, the range of its alternatives in `ids`.
    groups: Vec<(u32, u32)>,
    ids: Vec<WordId>,
}

impl PatternKeys {
    /// The keys of every pattern of `dict`; `function_word` tells which ids are function words.
    pub fn build(dict: &VerbDictionary, function_word: impl Fn(WordId) -> bool) -> Self {
        let mut keys = PatternKeys::default();
        for verb in &dict.verbs {
            keys.first.push(keys.patterns.len() as u32);
            for p in &verb.patterns {
                let mut literals: Vec<&[WordId]> = p
                    .after
                    .iter()
                    .chain(&p.before)
                    .filter_map(|slot| match &slot.elem {
                        Elem::Word(alts) => Some(&alts[..]),
                        _ => None,
                    })
                    .collect();
                literals.sort_by_key(|alts| alts.iter().any(|&a| function_word(a)));
                let lo = keys.groups.len() as u32;
                for alts in literals {
                    let start = keys.ids.len() as u32;
                    keys.ids.extend_from_slice(alts);
                    keys.groups.push((start, keys.ids.len() as u32));
                }
                keys.patterns.push((lo, keys.groups.len() as u32));
            }
        }
        keys
    }

    /// Whether every literal word of pattern `k` of verb `verb` is in `present`: the pattern can
    /// match the sentence only then.
    fn possible(&self, verb: u32, k: usize, present: &WordSet) -> bool {
        let Some(&first) = self.first.get(verb as usize) else {
            return true;
        };
        let Some(&(lo, hi)) = self.patterns.get(first as usize + k) else {
            return true;
        };
        let groups = self.groups.get(lo as usize..hi as usize).unwrap_or(&[]);
        groups.iter().all(|&(a, b)| {
            let alts = self.ids.get(a as usize..b as usize).unwrap_or(&[]);
            alts.iter().any(|&id| present.contains(id))
        })
    }
}

/// Where a pattern matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Match {
    pub verb: u32,
    pub pattern: u32,
    /// First and last (exclusive) words of the trigger: the verb and the literal words matched.
    pub start: usize,
    pub end: usize,
    pub target: Option<usize>,
    pub source: Option<usize>,
    /// A `%` slot before the verb: events run between the members of that compound.
    pub compound: Option<usize>,
    pub weight: u16,
}

/// The words and actors a match runs over.
pub struct Ctx<'a> {
    pub dict: &'a VerbDictionary,
    pub words: &'a [Word],
    pub hits: &'a [ActorHit],
    /// The ids of `words`.
    pub present: &'a WordSet,
    /// The key words of the dictionary's patterns.
    pub keys: &'a PatternKeys,
    /// Loose elements do not jump past this word (the clause's end, or the sentence's).
    pub limit: usize,
    /// Nor before this one.
    pub floor: usize,
    /// The verb's own direct object, as the tree gives it: its words do not count in a gap
    /// ("described [the execution of the former dictator] as a sad event").
    pub object: std::ops::Range<usize>,
    /// The verb's time adjunct after it, as the tree gives it ("called on Iran [on Wednesday]
    /// to release"): a pattern's elements reach across it, tight ones too.
    pub adjunct: std::ops::Range<usize>,
    /// The place hit a passive verb acts on, as the tree gives it ("Goma was seized"): a
    /// pattern whose one slot is a `PLACE` after the verb takes it there.
    pub passive_ground: Option<usize>,
    /// The sentence's tree (none for PETRARCH's dictionaries): an actor slot after the verb
    /// ends where the noun phrase its mention modifies ends.
    pub tree: Option<Tree<'a>>,
}

impl Ctx<'_> {
    /// The best pattern of `verb_id` at word `v`; `negated` says whether the verb is negated
    /// (patterns marked `not` need it).
    pub fn best(&self, verb_id: u32, v: usize, negated: bool) -> Option<Match> {
        let verb = self.dict.verbs.get(verb_id as usize)?;
        let (head_start, after_start) = self.frame(verb, v)?;
        let mut best: Option<Match> = None;
        for (k, p) in verb.patterns.iter().enumerate() {
            if (p.negated && !negated) || !self.keys.possible(verb_id, k, self.present) {
                continue;
            }
            let Some(m) = self.try_pattern(p, head_start, after_start) else {
                continue;
            };
            let weight = p.weight + (verb.pre.len() + verb.particles.len()) as u16 * 2;
            // equal weights: the pattern that closes nearer the verb reads the nearer words
            let nearer = |b: &Match| weight == b.weight && m.end < b.end;
            if best.is_none_or(|b| weight > b.weight || nearer(&b)) {
                best = Some(Match {
                    verb: verb_id,
                    pattern: k as u32,
                    weight,
                    ..m
                });
            }
        }
        best
    }

    /// The span of a multi-word verb around its head at `v`: (first word, first word after).
    fn frame(&self, verb: &Verb, v: usize) -> Option<(usize, usize)> {
        let start = v.checked_sub(verb.pre.len())?;
        for (k, &w) in verb.pre.iter().enumerate() {
            if self.words.get(start + k)?.id != w {
                return None;
            }
        }
        for (k, &w) in verb.particles.iter().enumerate() {
            if self.words.get(v + 1 + k)?.id != w {
                return None;
            }
        }
        Some((start, v + 1 + verb.particles.len()))
    }

    fn try_pattern(&self, p: &Pattern, head_start: usize, after_start: usize) -> Option<Match> {
        let mut m = Match {
            start: head_start,
            end: after_start,
            ..Match::default()
        };
        if let (Some(k), [only]) = (self.passive_ground, &p.after[..])
            && only.elem == Elem::Place
            && p.before.is_empty()
        {
            m.target = Some(k);
            return Some(m);
        }
        let mut cursor = after_start;
        // after an actor slot, where the noun phrase its mention modifies ends: the next
        // element is looked for right after the mention first ("found a US citizen guilty",
        // however the parser reads "guilty"), then after the phrase ("the Iraqi nation to")
        let mut past_phrase: Option<(usize, bool)> = None;
        let mut loose_next = false;
        for slot in &p.after {
            if slot.elem == Elem::Skip {
                loose_next = true;
                continue;
            }
            let tight = slot.tight && !loose_next;
            loose_next = false;
            let (at, end) = self.find_right(slot, cursor, tight).or_else(|| {
                let (e, possessor) = past_phrase.filter(|&(e, _)| e > cursor)?;
                // what a possessor's noun takes is the noun's, not the verb's: "welcomed
                // [Russia's interest in] the pipeline" welcomes no one in
                let found = self.find_right(slot, e, tight)?;
                let owned = possessor && self.tree.is_some_and(|t| t.holds(e - 1, found.0));
                (!owned).then_some(found)
            })?;
            past_phrase = None;
            match slot.elem {
                Elem::Target | Elem::Place | Elem::Compound | Elem::Source => {
                    let possessor = self
                        .tree
                        .is_some_and(|t| t.rel(self.hits[at].end - 1) == Some(DepRel::NmodPoss));
                    past_phrase = Some((self.phrase_end(at), possessor));
                    match slot.elem {
                        Elem::Source => m.source = Some(at),
                        _ => m.target = Some(at),
                    }
                }
                _ => m.end = end,
            }
            cursor = end;
        }
        let mut cursor = head_start;
        let mut loose_next = false;
        for (i, slot) in p.before.iter().enumerate().rev() {
            if slot.elem == Elem::Skip {
                loose_next = true;
                continue;
            }
            let tight = slot.tight && !loose_next;
            loose_next = false;
            let (at, start) = self.find_left(slot, cursor, tight)?;
            match slot.elem {
                Elem::Target | Elem::Place => m.target = Some(at),
                Elem::Source => m.source = Some(at),
                Elem::Compound => m.compound = Some(at),
                _ if i + 1 == p.before.len() || m.start == cursor => m.start = start,
                _ => {}
            }
            cursor = start;
        }
        Some(m)
    }

    /// The first place at or after `from` where `slot` fits: (actor hit or word index, end).
    /// A loose slot may skip up to the dictionary's gap of words, quantity words and the verb's
    /// own object not counted.
    fn find_right(&self, slot: &Slot, from: usize, tight: bool) -> Option<(usize, usize)> {
        let from = if self.adjunct.start == from && !self.adjunct.is_empty() {
            self.adjunct.end
        } else {
            from
        };
        // a tight word steps over adverbs before it ("blamed Clinton directly for")
        let adverb = |p: usize| {
            matches!(slot.elem, Elem::Word(_))
                && self.words.get(p).is_some_and(|w| w.flags & ADV != 0)
        };
        let last = if tight {
            (from..self.limit).find(|&p| !adverb(p)).unwrap_or(from)
        } else {
            self.limit.saturating_sub(1)
        };
        let mut budget = if tight { 0 } else { self.dict.gap };
        let mut p = from;
        while p <= last {
            if p > from && self.words.get(p - 1).is_some_and(|w| w.flags & BREAK != 0) {
                return None;
            }
            if let Some(found) = self.fits_right(&slot.elem, p) {
                return Some(found);
            }
            let free = self.object.contains(&p)
                || self.adjunct.contains(&p)
                || (tight && adverb(p))
                || self.words.get(p).is_some_and(|w| w.flags & QUANT != 0);
            if !free {
                if budget == 0 {
                    return None;
                }
                budget -= 1;
            }
            p += 1;
        }
        None
    }

    fn fits_right(&self, elem: &Elem, p: usize) -> Option<(usize, usize)> {
        match elem {
            Elem::Word(alts) => alts.contains(&self.words.get(p)?.id).then_some((p, p + 1)),
            Elem::Synset(s) => self.synset_at(*s, p).map(|e| (p, e)),
            Elem::Target | Elem::Source | Elem::Compound => {
                let k = self.actor_starting(p)?;
                Some((k, self.hits[k].end))
            }
            Elem::Place => {
                let k = self.actor_starting(p)?;
                self.hits[k].place.map(|_| (k, self.hits[k].end))
            }
            Elem::Skip => None,
        }
    }

    /// The last place ending at or before `to` where `slot` fits: (hit or word index, start).
    fn find_left(&self, slot: &Slot, to: usize, tight: bool) -> Option<(usize, usize)> {
        let first = if tight {
            to
        } else {
            to.saturating_sub(self.dict.gap).max(self.floor)
        };
        let mut e = to;
        while e >= first && e > 0 {
            if e < to && self.words.get(e).is_some_and(|w| w.flags & BREAK != 0) {
                return None;
            }
            if let Some(found) = self.fits_left(&slot.elem, e) {
                return Some(found);
            }
            e -= 1;
        }
        None
    }

    fn fits_left(&self, elem: &Elem, e: usize) -> Option<(usize, usize)> {
        match elem {
            Elem::Word(alts) => alts
                .contains(&self.words.get(e - 1)?.id)
                .then_some((e - 1, e - 1)),
            Elem::Synset(s) => (0..e)
                .rev()
                .take(6)
                .find(|&st| self.synset_at(*s, st) == Some(e))
                .map(|st| (st, st)),
            Elem::Compound => {
                // a compound is two actors or more ("Gondor and Osgiliath")
                let k = hit_ending(self.hits, self.words, e, 2)?;
                let (lo, hi) = super::actors::group(self.hits, self.words, k);
                (hi - lo >= 2).then(|| (k, self.hits[lo].start))
            }
            Elem::Target | Elem::Source => {
                let k = hit_ending(self.hits, self.words, e, 2)?;
                Some((k, self.hits[k].start))
            }
            Elem::Place => {
                let k = hit_ending(self.hits, self.words, e, 2)?;
                self.hits[k].place.map(|_| (k, self.hits[k].start))
            }
            Elem::Skip => None,
        }
    }

    /// The actor hit that starts at word `p` or a few words after it ("the Iraqi", "its
    /// own"); with a tree, no word among them that opens a clause.
    fn actor_starting(&self, p: usize) -> Option<usize> {
        let k = hit_starting(self.hits, self.words, p, 3)?;
        let start = self.hits[k].start;
        self.tree
            .is_none_or(|t| t.opens_no_clause(p, start))
            .then_some(k)
    }

    /// Where the phrase of actor hit `k` ends: past the noun it modifies, when the tree says
    /// it modifies one ("the Iraqi nation"), and past an abbreviation in brackets after it
    /// ("asked the European Commission (EC) to").
    fn phrase_end(&self, k: usize) -> usize {
        let end = self.hits[k].end;
        let Some(t) = self.tree else { return end };
        let end = t.modified_noun_end(end).min(self.limit);
        let bracketed = (t.form(end) == "(")
            .then(|| (end + 2..(end + 6).min(self.limit)).find(|&c| t.form(c) == ")"))
            .flatten();
        bracketed.map_or(end, |c| c + 1)
    }

    /// The end of the longest phrase of synset `s` starting at word `p`.
    fn synset_at(&self, s: u32, p: usize) -> Option<usize> {
        let phrases = self.dict.synsets.get(s as usize)?;
        phrases
            .iter()
            .filter(|ph| {
                !ph.is_empty()
                    && ph.iter().enumerate().all(|(k, alts)| {
                        self.words.get(p + k).is_some_and(|w| alts.contains(&w.id))
                    })
            })
            .map(|ph| p + ph.len())
            .max()
    }
}
