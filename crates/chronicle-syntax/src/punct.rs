//! Punctuation attachment: once the parser has built the tree, each mark is re-hung from the
//! word an averaged perceptron ranks best among the heads it may take without crossing an arc.
//!
//! UD hangs a mark from the head of the phrase or clause it closes or opens, as high as
//! projectivity allows: the comma before a conjunct from that conjunct, a closing full stop from
//! the root. A greedy parser decides a mark's head when it meets it, before the clause it
//! belongs to is known; this pass decides with the whole tree in view. Its candidates are the
//! words on the paths from the mark's nearest word on each side up towards the root (a word
//! whose yield reaches the mark), at most [`MAX_RANK`] steps each: bounded work per mark.
//! A mark is a leaf, so moving it keeps the tree a tree.

use chronicle_core::Upos;

use crate::features::{NONE, WordInfo, f2, f3, mix};
use crate::perceptron::{Trainer, Weights};

/// How far up each side's path the candidates go.
const MAX_RANK: usize = 8;

/// What the attacher reads of a sentence (index 0 is the root's stand-in).
pub struct Sentence<'a> {
    pub words: &'a [WordInfo],
    pub tags: &'a [u64],
    pub upos: &'a [Upos],
}

/// A candidate head of a mark, with its place on each side's path (`NO_RANK` when absent).
#[derive(Clone, Copy)]
struct Candidate {
    head: usize,
    left: usize,
    right: usize,
}

const NO_RANK: usize = 99;

/// Fills `out` with the candidate heads of mark `i` under `heads`.
fn candidates(s: &Sentence<'_>, heads: &[usize], i: usize, out: &mut Vec<Candidate>) {
    out.clear();
    let n = s.words.len() - 1;
    let is_mark = |k: usize| s.upos[k] == Upos::Punct;
    let left = (1..i).rev().find(|&k| !is_mark(k));
    let right = (i + 1..=n).find(|&k| !is_mark(k));
    for (side, anchor) in [(0, left), (1, right)] {
        let mut at = anchor;
        for rank in 0..MAX_RANK {
            let Some(k) = at.filter(|&k| k != 0 && k <= n) else {
                break;
            };
            match out.iter_mut().find(|c| c.head == k) {
                Some(c) => {
                    if side == 0 {
                        c.left = rank;
                    } else {
                        c.right = rank;
                    }
                }
                None => out.push(Candidate {
                    head: k,
                    left: if side == 0 { rank } else { NO_RANK },
                    right: if side == 1 { rank } else { NO_RANK },
                }),
            }
            at = heads.get(k).copied();
        }
    }
}

/// Writes the features of hanging mark `i` from candidate `c`.
fn features(s: &Sentence<'_>, heads: &[usize], i: usize, c: Candidate, out: &mut Vec<u64>) {
    out.clear();
    let n = s.words.len() - 1;
    let word = |k: usize| {
        if k == 0 || k > n {
            NONE
        } else {
            s.words[k].lower
        }
    };
    let tag = |k: usize| if k == 0 || k > n { NONE } else { s.tags[k] };
    let is_mark = |k: usize| s.upos[k] == Upos::Punct;
    let left = (1..i).rev().find(|&k| !is_mark(k)).unwrap_or(0);
    let right = (i + 1..=n).find(|&k| !is_mark(k)).unwrap_or(0);
    let pw = word(i);
    let h = c.head;
    let ct = tag(h);
    let hh = heads.get(h).copied().unwrap_or(0);
    let side = u64::from(h < i);
    let ranks = mix(c.left.min(4) as u64, c.right.min(4) as u64);
    let up = if hh == 0 { 2 } else { u64::from(hh < h) };
    let dist = h.abs_diff(i).min(10) as u64;
    let edge = u64::from(right == 0) + 2 * u64::from(left == 0);
    out.extend_from_slice(&[
        f2(1, pw, ct),
        f3(2, pw, ct, side),
        f3(3, pw, ranks, side),
        f3(4, ct, ranks, side),
        f3(5, pw, u64::from(hh == 0), edge),
        f3(6, pw, ct, tag(hh)),
        f3(7, pw, tag(right), ct),
        f3(8, pw, tag(left), ct),
        f3(9, pw, mix(ct, up), side),
        f3(10, pw, dist, side),
        f3(11, pw, word(right), ct),
        f3(12, pw, edge, ct),
        f3(13, pw, ct, word(h)),
        f3(14, mix(ct, tag(right)), ranks, pw),
        f3(15, mix(ct, tag(left)), ranks, pw),
        f3(16, mix(pw, up), ranks, edge),
    ]);
}

/// Re-hangs every mark of a parsed sentence (`heads[0]` unused) from its best candidate. A
/// mark that is the sentence's root stays where it is.
fn attach(
    weights: &Weights,
    s: &Sentence<'_>,
    heads: &mut [usize],
    cands: &mut Vec<Candidate>,
    feats: &mut Vec<u64>,
) {
    let n = s.words.len() - 1;
    for i in 1..=n.min(heads.len().saturating_sub(1)) {
        if s.upos[i] != Upos::Punct || heads[i] == 0 {
            continue;
        }
        candidates(s, heads, i, cands);
        let mut best: Option<(i32, usize)> = None;
        for &c in cands.iter() {
            features(s, heads, i, c, feats);
            let mut score = [0i32; 1];
            weights.score(feats, &mut score);
            if best.is_none_or(|(b, _)| score[0] > b) {
                best = Some((score[0], c.head));
            }
        }
        if let Some((_, h)) = best {
            heads[i] = h;
        }
    }
}

/// Buffers for [`attach`].
#[derive(Default)]
pub struct Scratch {
    cands: Vec<Candidate>,
    feats: Vec<u64>,
}

impl Scratch {
    /// [`attach`] with these buffers.
    pub fn attach(&mut self, weights: &Weights, s: &Sentence<'_>, heads: &mut [usize]) {
        attach(weights, s, heads, &mut self.cands, &mut self.feats);
    }
}

/// One training pass over a gold tree: each mark whose gold head is among its candidates
/// moves the weights towards it and away from the best-scoring wrong one.
pub fn train_sentence(trainer: &mut Trainer, s: &Sentence<'_>, gold: &[usize]) {
    let n = s.words.len() - 1;
    let (mut cands, mut feats, mut gold_feats) = (Vec::new(), Vec::new(), Vec::new());
    for i in 1..=n {
        if s.upos[i] != Upos::Punct || gold[i] == 0 {
            continue;
        }
        candidates(s, gold, i, &mut cands);
        let Some(&g) = cands.iter().find(|c| c.head == gold[i]) else {
            continue;
        };
        let mut best: Option<(f32, Candidate)> = None;
        for &c in &cands {
            features(s, gold, i, c, &mut feats);
            let mut score = [0f32; 1];
            trainer.score(&feats, &mut score);
            if best.is_none_or(|(b, _)| score[0] > b) {
                best = Some((score[0], c));
            }
        }
        if let Some((_, b)) = best
            && b.head != g.head
        {
            features(s, gold, i, g, &mut gold_feats);
            features(s, gold, i, b, &mut feats);
            trainer.add(&gold_feats, 0, 1.0);
            trainer.add(&feats, 0, -1.0);
        }
        trainer.tick();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::Scratch as WordScratch;
    use crate::model::tag_value;

    /// A sentence of (form, UPOS) pairs read as the attacher reads it.
    fn read(words: &[(&str, Upos)]) -> (Vec<WordInfo>, Vec<u64>, Vec<Upos>) {
        let mut scratch = WordScratch::default();
        let none = |_| [NONE, NONE];
        let mut infos = vec![scratch.word_info("<root>", &none)];
        let mut tags = vec![NONE];
        let mut upos = vec![Upos::X];
        for &(form, u) in words {
            infos.push(scratch.word_info(form, &none));
            tags.push(tag_value(u as usize));
            upos.push(u);
        }
        (infos, tags, upos)
    }

    #[test]
    fn candidates_are_the_paths_up_from_both_neighbours() {
        // "He left , and she stayed ." with the comma not yet placed.
        use Upos::*;
        let (words, tags, upos) = read(&[
            ("He", Pron),
            ("left", Verb),
            (",", Punct),
            ("and", Cconj),
            ("she", Pron),
            ("stayed", Verb),
            (".", Punct),
        ]);
        let s = Sentence {
            words: &words,
            tags: &tags,
            upos: &upos,
        };
        let heads = [0, 2, 0, 2, 6, 6, 2, 2];
        let mut cands = Vec::new();
        candidates(&s, &heads, 3, &mut cands);
        let mut found: Vec<usize> = cands.iter().map(|c| c.head).collect();
        found.sort_unstable();
        assert_eq!(found, vec![2, 4, 6]);
    }

    #[test]
    fn learns_to_hang_the_comma_before_a_conjunct_from_the_conjunct() {
        use Upos::*;
        // Team-written clauses joined by ", and" / ", but": UD hangs the comma from the
        // second clause's verb.
        let sentences: [[(&str, Upos); 7]; 3] = [
            [
                ("He", Pron),
                ("left", Verb),
                (",", Punct),
                ("and", Cconj),
                ("she", Pron),
                ("stayed", Verb),
                (".", Punct),
            ],
            [
                ("Troops", Noun),
                ("advanced", Verb),
                (",", Punct),
                ("but", Cconj),
                ("rebels", Noun),
                ("held", Verb),
                (".", Punct),
            ],
            [
                ("Prices", Noun),
                ("rose", Verb),
                (",", Punct),
                ("and", Cconj),
                ("wages", Noun),
                ("fell", Verb),
                (".", Punct),
            ],
        ];
        let gold = [0, 2, 0, 6, 6, 6, 2, 2];
        let mut trainer = Trainer::new(1);
        for _ in 0..5 {
            for words in &sentences {
                let (w, t, u) = read(words);
                let s = Sentence {
                    words: &w,
                    tags: &t,
                    upos: &u,
                };
                train_sentence(&mut trainer, &s, &gold);
            }
        }
        let weights = trainer.finish();
        let (w, t, u) = read(&[
            ("Talks", Noun),
            ("stalled", Verb),
            (",", Punct),
            ("and", Cconj),
            ("envoys", Noun),
            ("quit", Verb),
            (".", Punct),
        ]);
        let s = Sentence {
            words: &w,
            tags: &t,
            upos: &u,
        };
        // The parser hung the comma from the first verb.
        let mut heads = vec![0, 2, 0, 2, 6, 6, 2, 2];
        Scratch::default().attach(&weights, &s, &mut heads);
        assert_eq!(heads[3], 6);
        assert_eq!(heads[7], 2);
    }
}
