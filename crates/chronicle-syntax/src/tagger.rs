//! The part-of-speech tagger: a greedy left-to-right averaged perceptron over the word, its
//! affixes, shape and cluster, its neighbours, and the tags already chosen to its left.

use chronicle_core::Upos;

use crate::features::{NONE, WordInfo, f1, f2, f3};
use crate::perceptron::{Trainer, Weights};

/// Number of tag classes (the 17 UPOS tags).
pub const N_TAGS: usize = Upos::ALL.len();

/// The value a tag contributes to a feature; distinct from every word hash in practice.
#[inline]
fn tag_value(tag: Option<usize>) -> u64 {
    match tag {
        Some(t) => 0x7A67_0000 + t as u64,
        None => NONE,
    }
}

/// Writes the features of word `i` given the tags of the two words before it.
pub fn features(words: &[WordInfo], i: usize, prev: [Option<usize>; 2], out: &mut Vec<u64>) {
    out.clear();
    let w = &words[i];
    let at = |k: isize| -> Option<&WordInfo> {
        let j = i as isize + k;
        if j < 0 {
            None
        } else {
            words.get(j as usize)
        }
    };
    let lower = |k: isize| at(k).map_or(NONE, |w| w.lower);
    let (t1, t2) = (tag_value(prev[0]), tag_value(prev[1]));
    out.push(f1(0, 0));
    out.push(f1(1, w.lower));
    out.push(f1(2, w.form));
    for (k, &s) in w.suffix.iter().enumerate() {
        out.push(f1(3 + k as u64, s));
    }
    for (k, &p) in w.prefix.iter().enumerate() {
        out.push(f1(7 + k as u64, p));
    }
    out.push(f1(10, w.shape));
    out.push(f1(11, lower(-1)));
    out.push(f1(12, lower(1)));
    out.push(f1(13, lower(-2)));
    out.push(f1(14, lower(2)));
    out.push(f1(15, t1));
    out.push(f2(16, t2, t1));
    out.push(f2(17, t1, w.lower));
    out.push(f1(18, at(1).map_or(NONE, |w| w.suffix[2])));
    out.push(f1(19, at(-1).map_or(NONE, |w| w.suffix[2])));
    out.push(f2(20, lower(-1), w.lower));
    out.push(f2(21, w.lower, lower(1)));
    out.push(f3(
        22,
        at(-1).map_or(NONE, |w| w.shape),
        w.shape,
        at(1).map_or(NONE, |w| w.shape),
    ));
    out.push(f2(23, (i == 0) as u64, w.shape));
    out.push(f2(24, t1, w.suffix[2]));
    out.push(f1(25, w.cluster[0]));
    out.push(f1(26, w.cluster[1]));
    out.push(f1(27, at(1).map_or(NONE, |w| w.cluster[1])));
    out.push(f1(28, at(-1).map_or(NONE, |w| w.cluster[1])));
    out.push(f2(29, t1, w.cluster[1]));
    out.push(f2(30, w.lower, at(1).map_or(NONE, |w| w.cluster[0])));
}

/// Tags a sentence's words greedily, left to right, into `tags`.
pub fn tag(weights: &Weights, words: &[WordInfo], feats: &mut Vec<u64>, tags: &mut Vec<usize>) {
    tags.clear();
    let mut scores = [0i32; N_TAGS];
    for i in 0..words.len() {
        let prev = [
            i.checked_sub(1).map(|j| tags[j]),
            i.checked_sub(2).map(|j| tags[j]),
        ];
        features(words, i, prev, feats);
        scores.fill(0);
        weights.score(feats, &mut scores);
        tags.push(argmax_i32(&scores));
    }
}

/// The index of the largest score (the first on a tie, so decoding is deterministic).
pub fn argmax_i32(scores: &[i32]) -> usize {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = i;
        }
    }
    best
}

/// One training pass over a sentence: tags with the current weights, as decoding will, and
/// corrects each wrong guess. Returns the number of words tagged right.
pub fn train_sentence(
    trainer: &mut Trainer,
    words: &[WordInfo],
    gold: &[usize],
    feats: &mut Vec<u64>,
) -> usize {
    let mut guessed: Vec<usize> = Vec::with_capacity(words.len());
    let mut right = 0;
    let mut scores = [0f32; N_TAGS];
    for i in 0..words.len() {
        let prev = [
            i.checked_sub(1).map(|j| guessed[j]),
            i.checked_sub(2).map(|j| guessed[j]),
        ];
        features(words, i, prev, feats);
        scores.fill(0.0);
        trainer.score(feats, &mut scores);
        let mut guess = 0;
        for (c, &s) in scores.iter().enumerate() {
            if s > scores[guess] {
                guess = c;
            }
        }
        trainer.update(feats, gold[i], guess);
        trainer.tick();
        right += usize::from(guess == gold[i]);
        guessed.push(guess);
    }
    right
}
