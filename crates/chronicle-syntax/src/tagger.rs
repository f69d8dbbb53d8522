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

/// Words that the training data always tags the same way ("the", "of", ",", "said"), with
/// their class: tagged without scoring. About half of news text's words are such words, so
/// the dictionary halves the tagger's work at no cost in accuracy.
#[derive(Debug, Clone, Default)]
pub struct TagDictionary {
    map: std::collections::HashMap<u64, u8, crate::features::BuildPassThrough>,
}

/// Least number of times a word must be seen to enter the dictionary.
const DICTIONARY_MIN_COUNT: usize = 10;
/// Least share of its occurrences its usual class must have.
const DICTIONARY_MIN_SHARE: f64 = 0.99;

impl TagDictionary {
    /// Learns the dictionary from (form hash, class) pairs of the training data.
    pub fn learn(pairs: impl Iterator<Item = (u64, usize)>) -> TagDictionary {
        let mut counts: std::collections::HashMap<u64, std::collections::BTreeMap<usize, usize>> =
            std::collections::HashMap::new();
        for (form, class) in pairs {
            *counts.entry(form).or_default().entry(class).or_default() += 1;
        }
        let mut map = std::collections::HashMap::default();
        for (form, classes) in counts {
            let total: usize = classes.values().sum();
            let Some((&class, &n)) = classes
                .iter()
                .max_by_key(|&(c, n)| (*n, std::cmp::Reverse(*c)))
            else {
                continue;
            };
            if total >= DICTIONARY_MIN_COUNT && n as f64 >= DICTIONARY_MIN_SHARE * total as f64 {
                map.insert(form, class as u8);
            }
        }
        TagDictionary { map }
    }

    /// The class of a word the dictionary knows.
    pub fn get(&self, form: u64) -> Option<usize> {
        self.map.get(&form).map(|&c| usize::from(c))
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    pub fn write(&self, out: &mut Vec<u8>) {
        let mut entries: Vec<_> = self.map.iter().collect();
        entries.sort_unstable();
        out.extend_from_slice(&(entries.len() as u32).to_le_bytes());
        for (form, class) in entries {
            out.extend_from_slice(&form.to_le_bytes());
            out.push(*class);
        }
    }

    pub fn read(input: &mut crate::model::Bytes<'_>, n_classes: usize) -> Result<Self, String> {
        let n = input.u32()? as usize;
        let mut map = std::collections::HashMap::default();
        for _ in 0..n {
            let form = input.u64()?;
            let class = input.u8()?;
            if usize::from(class) >= n_classes {
                return Err(format!("a dictionary class {class} of {n_classes}"));
            }
            map.insert(form, class);
        }
        Ok(TagDictionary { map })
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
/// With `first_pass`, the tags a first pass gave the words right of `i` are features too: the
/// second pass sees both sides ("that" before a verb is a SCONJ, before a noun a DET).
pub fn features(
    words: &[WordInfo],
    i: usize,
    prev: [Option<usize>; 2],
    first_pass: Option<&[usize]>,
    out: &mut Vec<u64>,
) {
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
    if let Some(first) = first_pass {
        let next = |k: usize| tag_value(first.get(i + k).copied());
        let (r1, r2) = (next(1), next(2));
        out.push(f1(40, r1));
        out.push(f2(41, r1, r2));
        out.push(f2(42, t1, r1));
        out.push(f2(43, w.lower, r1));
        out.push(f2(44, w.suffix[2], r1));
        out.push(f2(45, tag_value(first.get(i).copied()), w.lower));
    }
}

/// Tags a sentence's words greedily, left to right, into `tags`: a word of the dictionary
/// takes its class, the others the best-scoring one.
pub fn tag(
    weights: &Weights,
    dictionary: &TagDictionary,
    first_pass: Option<&[usize]>,
    words: &[WordInfo],
    feats: &mut Vec<u64>,
    tags: &mut Vec<usize>,
) {
    tags.clear();
    let mut all = [0i32; MAX_TAGS];
    let scores = &mut all[..weights.n_classes().min(MAX_TAGS)];
    for i in 0..words.len() {
        if let Some(t) = dictionary.get(words[i].form) {
            tags.push(t);
            continue;
        }
        let prev = [
            i.checked_sub(1).map(|j| tags[j]),
            i.checked_sub(2).map(|j| tags[j]),
        ];
        features(words, i, prev, first_pass, feats);
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
    dictionary: &TagDictionary,
    first_pass: Option<&[usize]>,
    words: &[WordInfo],
    gold: &[usize],
    feats: &mut Vec<u64>,
) -> usize {
    let mut guessed: Vec<usize> = Vec::with_capacity(words.len());
    let mut right = 0;
    let mut all = [0f32; MAX_TAGS];
    let scores = &mut all[..trainer.n_classes().min(MAX_TAGS)];
    for (i, &gold) in gold.iter().enumerate().take(words.len()) {
        if let Some(t) = dictionary.get(words[i].form) {
            right += usize::from(t == gold);
            guessed.push(t);
            continue;
        }
        let prev = [
            i.checked_sub(1).map(|j| guessed[j]),
            i.checked_sub(2).map(|j| guessed[j]),
        ];
        features(words, i, prev, first_pass, feats);
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
