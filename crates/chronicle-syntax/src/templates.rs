//! The parser's feature templates: what a configuration's words, tags, clusters and partial tree
//! say about the next transition, written as hashes (see [`crate::features`]).
//!
//! Three groups: Zhang and Nivre's (2011) templates over the stack's top, the buffer's front
//! and their dependents ([`first_order`], [`heads_and_dependents`]); trigrams that join a word with the
//! tags around it and the words just inside the span between the two ([`lexical_context`]);
//! and word clusters, suffixes and shapes in place of rare words ([`clusters_and_children`]).
//! On EWT dev, one model from seed 1, the second and third groups took UAS from 0.842 to
//! 0.857 (see the README's syntax section).

use chronicle_core::Upos;

use crate::features::{NONE, WordInfo, f1, f2, f3, mix};
use crate::parser::{NO_WORD as NO, Positions, State};

/// What the parser reads of a word: its hashes and its predicted tag.
pub struct Context<'a> {
    /// Index 0 is the root's stand-in; words are 1..=n.
    pub words: &'a [WordInfo],
    pub tags: &'a [u64],
    /// How many clause marks (commas, semicolons, colons, dashes) are among the words up to
    /// and including each: the marks between two words are a difference, in constant time.
    pub clause_marks: &'a [u32],
    /// Whether each word may be a head (not a mark); index 0, the root, may.
    pub may_head: &'a [bool],
    /// Each word's predicted part of speech (index 0, the root's, is `X`), for the moves no
    /// English tree makes (see [`crate::parser::allowed`]).
    pub upos: &'a [Upos],
    /// How far after each word the next verb is, in buckets (see [`verb_lookahead`]).
    pub next_verb: &'a [u8],
}

/// Fills `out` with, for each word (index 0 the root), how far after it the next word tagged
/// as a verb or auxiliary is: 1 the next word, 2 within three, 3 within six, 4 further, 0 none.
/// Whether a verb is still to come tells a subject waiting for its verb from a fragment ("Critics
/// of the rules, like the farmer Jan Smit, want": the root is not "Critics").
pub fn verb_lookahead(upos: &[Upos], out: &mut Vec<u8>) {
    out.clear();
    out.resize(upos.len(), 0);
    let mut next: Option<usize> = None;
    for i in (0..upos.len()).rev() {
        out[i] = match next.map(|v| v - i) {
            None => 0,
            Some(1) => 1,
            Some(2..=3) => 2,
            Some(4..=6) => 3,
            Some(_) => 4,
        };
        if matches!(upos[i], Upos::Verb | Upos::Aux) {
            next = Some(i);
        }
    }
}

/// Reads the hashes of the word at a position, `NONE` where there is no word.
struct Read<'a> {
    ctx: &'a Context<'a>,
    n: usize,
}

impl Read<'_> {
    fn word(&self, i: usize) -> u64 {
        if i == NO || i > self.n {
            NONE
        } else {
            self.ctx.words[i].lower
        }
    }
    fn tag(&self, i: usize) -> u64 {
        if i == NO || i > self.n {
            NONE
        } else {
            self.ctx.tags[i]
        }
    }
    /// The fine cluster.
    fn cluster(&self, i: usize) -> u64 {
        if i == NO || i > self.n {
            NONE
        } else {
            self.ctx.words[i].cluster[1]
        }
    }
    fn coarse(&self, i: usize) -> u64 {
        if i == NO || i > self.n {
            NONE
        } else {
            self.ctx.words[i].cluster[0]
        }
    }
    /// The three-letter suffix (none for the root).
    fn suffix(&self, i: usize) -> u64 {
        if i == NO || i == 0 || i > self.n {
            NONE
        } else {
            self.ctx.words[i].suffix[2]
        }
    }
    fn next_verb(&self, i: usize) -> u64 {
        if i == NO || i > self.n {
            NONE
        } else {
            u64::from(self.ctx.next_verb.get(i).copied().unwrap_or(0))
        }
    }
    fn shape(&self, i: usize) -> u64 {
        if i == NO || i == 0 || i > self.n {
            NONE
        } else {
            self.ctx.words[i].shape
        }
    }
}

/// Writes the features of a configuration.
pub fn features(state: &State, ctx: &Context<'_>, out: &mut Vec<u64>) {
    out.clear();
    let p = state.positions();
    let r = Read { ctx, n: p.n };
    let dist = if p.s0 == NO || p.b0 > p.n {
        0
    } else {
        (p.b0 - p.s0).min(6) as u64
    };
    first_order(&p, &r, dist, out);
    lexical_context(&p, &r, dist, out);
    clusters_and_children(&p, &r, out);
}

/// Zhang and Nivre's templates: single words, pairs and triples of s0 and b0..b2, distance and
/// valency.
fn first_order(p: &Positions, r: &Read<'_>, dist: u64, out: &mut Vec<u64>) {
    let (s0, b0) = (p.s0, p.b0);
    let (s0w, s0p, b0w, b0p) = (r.word(s0), r.tag(s0), r.word(b0), r.tag(b0));
    let (b1w, b1p, b2w, b2p) = (r.word(p.b1), r.tag(p.b1), r.word(p.b2), r.tag(p.b2));
    let s0wp = mix(s0w, s0p);
    let b0wp = mix(b0w, b0p);
    let commas = if s0 == NO || s0 == 0 || b0 > p.n {
        0
    } else {
        u64::from((r.ctx.clause_marks[b0 - 1] - r.ctx.clause_marks[s0]).min(3))
    };
    let tag = |i| r.tag(i);
    out.extend_from_slice(&[
        f1(0, 0),
        f1(1, s0wp),
        f1(2, s0w),
        f1(3, s0p),
        f1(4, b0wp),
        f1(5, b0w),
        f1(6, b0p),
        f1(7, mix(b1w, b1p)),
        f1(9, b1p),
        f1(10, mix(b2w, b2p)),
        f1(11, b2w),
        f1(12, b2p),
        f2(16, s0wp, b0p),
        f2(17, s0p, b0wp),
        f2(19, s0p, b0p),
        f2(20, b0p, b1p),
        f3(21, b0p, b1p, b2p),
        f3(22, s0p, b0p, b1p),
        f3(24, s0p, tag(p.s0l), b0p),
        f3(26, s0p, b0p, tag(p.b0l)),
        f2(27, s0w, dist),
        f2(28, s0p, dist),
        f2(29, b0w, dist),
        f3(32, s0p, b0p, dist),
        f2(33, s0w, p.s0vr),
        f2(34, s0p, p.s0vr),
        f2(35, s0w, p.s0vl),
        f2(36, s0p, p.s0vl),
        f2(37, b0w, p.b0vl),
        f2(38, b0p, p.b0vl),
    ]);
    heads_and_dependents(p, r, commas, out);
}

/// Zhang and Nivre's templates of the heads and dependents of s0 and b0, s1, the clusters of
/// s0 and b0, and the clause marks between them.
fn heads_and_dependents(p: &Positions, r: &Read<'_>, commas: u64, out: &mut Vec<u64>) {
    let (s0, b0) = (p.s0, p.b0);
    let (s0p, b0p) = (r.tag(s0), r.tag(b0));
    let (word, tag, cluster) = (|i| r.word(i), |i| r.tag(i), |i| r.cluster(i));
    out.extend_from_slice(&[
        f1(39, word(p.s0h)),
        f1(40, tag(p.s0h)),
        f1(41, word(p.s0l)),
        f1(42, tag(p.s0l)),
        f1(43, word(p.s0r)),
        f1(44, tag(p.s0r)),
        f1(45, word(p.b0l)),
        f1(46, tag(p.b0l)),
        f1(47, word(p.s0h2)),
        f1(48, tag(p.s0h2)),
        f1(49, word(p.s0l2)),
        f1(50, tag(p.s0l2)),
        f1(53, word(p.b0l2)),
        f1(54, tag(p.b0l2)),
        f3(56, s0p, tag(p.s0r), tag(p.s0r2)),
        f3(57, s0p, tag(p.s0h), tag(p.s0h2)),
        f3(58, b0p, tag(p.b0l), tag(p.b0l2)),
        f3(59, tag(p.s1), s0p, b0p),
        f3(60, word(p.s1), s0p, b0p),
        f2(62, cluster(s0), cluster(b0)),
        f2(63, cluster(s0), b0p),
        f2(64, s0p, cluster(b0)),
        f1(67, cluster(b0)),
        f3(68, commas, s0p, b0p),
        f3(69, p.has_head, tag(p.s0h), b0p),
    ]);
}

/// Trigrams of a word with the tags around it: s0 and b0 with b1, s1 and s2, the words just
/// inside the span between s0 and b0 and just before s0, the heads' and dependents' words.
fn lexical_context(p: &Positions, r: &Read<'_>, dist: u64, out: &mut Vec<u64>) {
    let (s0, s1, b0, b1) = (p.s0, p.s1, p.b0, p.b1);
    let (s0w, s0p, b0w, b0p) = (r.word(s0), r.tag(s0), r.word(b0), r.tag(b0));
    let (b1w, b1p) = (r.word(b1), r.tag(b1));
    let b0wp = mix(b0w, b0p);
    // The words just inside the span between s0 and b0 (s0 itself when they touch).
    let after_s0 = if s0 == NO || b0 > p.n { NO } else { s0 + 1 };
    let before_b0 = if b0 > p.n { NO } else { b0 - 1 };
    let before_s0 = if s0 == NO || s0 == 0 { NO } else { s0 - 1 };
    let (word, tag) = (|i| r.word(i), |i| r.tag(i));
    out.extend_from_slice(&[
        f1(70, mix(word(s1), tag(s1))),
        f3(71, s0w, b0p, b1p),
        f3(72, s0p, b0w, b1p),
        f3(73, s0p, b0p, b1w),
        f2(74, b0w, b1w),
        f2(75, b0wp, b1p),
        f2(76, r.suffix(s0), b0p),
        f2(77, s0p, r.suffix(b0)),
        f3(78, r.cluster(s0), r.cluster(b0), dist),
        f3(79, r.coarse(s0), r.coarse(b0), b1p),
        f3(81, s0w, tag(p.s0l), b0p),
        f3(82, tag(p.s0h), s0p, b0w),
        f3(84, s0p, b0p, mix(p.s0vl, p.s0vr)),
        f3(86, s0p, tag(after_s0), b0p),
        f3(87, s0p, tag(before_b0), b0p),
        f3(88, tag(s1), s0p, tag(p.s0l)),
        f2(89, r.cluster(s0), b0w),
        f3(90, tag(before_s0), s0p, b0p),
        f3(91, tag(p.s2), tag(s1), s0p),
        f3(92, word(s1), s0w, b0p),
        f3(94, s0w, b0w, b1p),
        f3(95, s0p, b0w, b1w),
        f3(96, s0p, tag(p.s0l), b0w),
        f3(98, b0p, tag(p.b0l), word(p.b0l)),
        f3(99, s0p, tag(p.s0r), word(p.s0r)),
        f2(100, r.cluster(b1), b0p),
        f2(102, r.suffix(b1), b0p),
        f3(103, s0p, b0p, tag(p.b2)),
        f3(104, word(p.s0l), s0p, b0p),
        f3(105, s0p, b0p, word(p.b0l)),
        f3(106, s0w, tag(p.s0r), b0p),
    ]);
}

/// Clusters in place of the words of heads, dependents and neighbours, which are often rare.
fn clusters_and_children(p: &Positions, r: &Read<'_>, out: &mut Vec<u64>) {
    let (s0, s1, b0, b1) = (p.s0, p.s1, p.b0, p.b1);
    let (s0p, b0p) = (r.tag(s0), r.tag(b0));
    let (word, tag, cluster) = (|i| r.word(i), |i| r.tag(i), |i| r.cluster(i));
    out.extend_from_slice(&[
        f2(110, cluster(b0), tag(p.b0l)),
        f3(112, s0p, cluster(p.s0r), b0p),
        f3(113, s0p, b0p, cluster(p.b0l)),
        f3(114, cluster(s1), s0p, b0p),
        f3(115, s0p, b0p, cluster(b1)),
        f3(116, r.coarse(s0), r.coarse(b0), r.coarse(b1)),
        f2(118, r.shape(b0), s0p),
        f3(119, s0p, tag(p.s0l), word(p.s0l)),
        f3(120, s0p, cluster(p.s0l), b0p),
        f3(121, tag(s1), word(s1), b0p),
        f3(122, s0p, b0p, r.next_verb(b0)),
        f3(123, s0p, r.next_verb(s0), b0p),
    ]);
}

/// A sentence for tests of what the parser reads: each form's word with the given clusters,
/// tag `100 + i` for word `i`, no clause marks, every word a possible head, no part of speech
/// and no verb ahead.
#[cfg(test)]
pub(crate) struct PlainSentence {
    pub words: Vec<WordInfo>,
    pub tags: Vec<u64>,
    clause_marks: Vec<u32>,
    may_head: Vec<bool>,
    upos: Vec<Upos>,
    next_verb: Vec<u8>,
}

#[cfg(test)]
impl PlainSentence {
    /// `forms[0]` stands for the root.
    pub fn new(forms: &[&str], clusters: [u64; 2]) -> PlainSentence {
        let mut scratch = crate::features::Scratch::default();
        let n = forms.len();
        PlainSentence {
            words: forms
                .iter()
                .map(|f| scratch.word_info(f, &|_| clusters))
                .collect(),
            tags: (0..n as u64).map(|t| 100 + t).collect(),
            clause_marks: vec![0; n],
            may_head: vec![true; n],
            upos: vec![Upos::X; n],
            next_verb: vec![0; n],
        }
    }

    pub fn context(&self) -> Context<'_> {
        Context {
            words: &self.words,
            tags: &self.tags,
            clause_marks: &self.clause_marks,
            may_head: &self.may_head,
            upos: &self.upos,
            next_verb: &self.next_verb,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parser::Move;

    /// Every template has its own number: a number used twice would make two templates one
    /// feature, and the parser would silently read less than it is written to.
    #[test]
    fn every_template_gives_its_own_feature() {
        let forms = ["", "Kenya", "criticised", "Somalia", "on", "Monday", "."];
        let sentence = PlainSentence::new(&forms, [7, 9]);
        let ctx = sentence.context();
        let mut state = State::new();
        state.reset(forms.len() - 1);
        for m in [Move::Shift, Move::Left, Move::Right, Move::Right] {
            state.apply(m);
        }
        let mut out = Vec::new();
        features(&state, &ctx, &mut out);
        assert_eq!(out.len(), 98);
        let mut distinct = out.clone();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len(), out.len());
    }

    /// A subject still waiting for its verb is told from a word after the last verb.
    #[test]
    fn the_next_verb_is_bucketed_by_distance() {
        use Upos::*;
        // <root> Critics of rules , want them .
        let upos = [X, Noun, Adp, Noun, Punct, Verb, Pron, Punct];
        let mut out = Vec::new();
        verb_lookahead(&upos, &mut out);
        assert_eq!(out, [3, 3, 2, 2, 1, 0, 0, 0]);
    }
}
