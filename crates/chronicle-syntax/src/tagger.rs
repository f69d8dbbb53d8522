//! The part-of-speech tagger: a greedy left-to-right averaged perceptron over the word, its
//! affixes, shape and cluster, its neighbours, and the tags already chosen to its left.

use chronicle_core::Upos;

use crate::features::{NONE, WordInfo, f1, f2, f3};
use crate::perceptron::{Trainer, Weights};

/// The tagger's classes: fine tags, a UPOS tag with the treebank's language-specific tag
/// (`VERB` `VBN`, `VERB` `VBD`), learnt from the training data. The parser reads the fine tag,
/// which tells a participle from a past tense; the output keeps the UPOS.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TagSet {
    tags: Vec<(Upos, String)>,
}

impl TagSet {
    /// Every (UPOS, XPOS) pair seen, in a fixed order; at most 255. With `fine` false the
    /// classes are the UPOS tags alone: on EWT, fine tags cost 0.2 points of UPOS accuracy and
    /// gained the parser nothing (dev UAS 0.839 either way).
    pub fn learn<'a>(pairs: impl Iterator<Item = (Upos, &'a str)>, fine: bool) -> TagSet {
        let mut tags: Vec<(Upos, String)> = pairs
            .map(|(u, x)| (u, if fine { x.to_string() } else { String::new() }))
            .collect();
        tags.sort();
        tags.dedup();
        tags.truncate(255);
        TagSet { tags }
    }

    /// The class of a pair; a pair not seen (or a coarse set) falls back to its UPOS's first class.
    pub fn class(&self, upos: Upos, xpos: &str) -> usize {
        self.tags
            .binary_search_by(|(u, x)| (*u, x.as_str()).cmp(&(upos, xpos)))
            .or_else(|_| self.tags.iter().position(|(u, _)| *u == upos).ok_or(()))
            .unwrap_or(0)
    }

    /// The UPOS tag of class `t`.
    pub fn upos(&self, t: usize) -> Upos {
        self.tags.get(t).map_or(Upos::X, |(u, _)| *u)
    }

    pub fn len(&self) -> usize {
        self.tags.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tags.is_empty()
    }

    pub fn write(&self, out: &mut Vec<u8>) {
        out.push(self.tags.len() as u8);
        for (u, x) in &self.tags {
            out.push(*u as u8);
            crate::model::write_str(out, x);
        }
    }

    pub fn read(input: &mut crate::model::Bytes<'_>) -> Result<TagSet, String> {
        let n = input.u8()? as usize;
        let mut tags = Vec::with_capacity(n);
        for _ in 0..n {
            let u = Upos::from_index(input.u8()? as usize).ok_or("an unknown UPOS tag")?;
            tags.push((u, input.str()?.to_string()));
        }
        Ok(TagSet { tags })
    }
}

/// Most tag classes a model may have.
const MAX_TAGS: usize = 255;

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
        if j < 0 { None } else { words.get(j as usize) }
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
    out.push(f3(
        31,
        at(-1).map_or(NONE, |w| w.cluster[0]),
        w.cluster[1],
        at(1).map_or(NONE, |w| w.cluster[0]),
    ));
    out.push(f2(32, w.cluster[1], w.suffix[1]));
}

/// Tags a sentence's words greedily, left to right, into `tags`.
pub fn tag(weights: &Weights, words: &[WordInfo], feats: &mut Vec<u64>, tags: &mut Vec<usize>) {
    tags.clear();
    let mut all = [0i32; MAX_TAGS];
    let scores = &mut all[..weights.n_classes().min(MAX_TAGS)];
    for i in 0..words.len() {
        let prev = [
            i.checked_sub(1).map(|j| tags[j]),
            i.checked_sub(2).map(|j| tags[j]),
        ];
        features(words, i, prev, feats);
        scores.fill(0);
        weights.score(feats, scores);
        tags.push(argmax_i32(scores));
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
    let mut all = [0f32; MAX_TAGS];
    let scores = &mut all[..trainer.n_classes().min(MAX_TAGS)];
    for (i, &gold) in gold.iter().enumerate().take(words.len()) {
        let prev = [
            i.checked_sub(1).map(|j| guessed[j]),
            i.checked_sub(2).map(|j| guessed[j]),
        ];
        features(words, i, prev, feats);
        scores.fill(0.0);
        trainer.score(feats, scores);
        let mut guess = 0;
        for (c, &s) in scores.iter().enumerate() {
            if s > scores[guess] {
                guess = c;
            }
        }
        trainer.update(feats, gold, guess);
        trainer.tick();
        right += usize::from(guess == gold);
        guessed.push(guess);
    }
    right
}
