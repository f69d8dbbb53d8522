//! Class-bigram clusters by the exchange algorithm (Kneser and Ney 1993; Martin, Liermann and
//! Ney 1998): the classes that make a class-bigram language model of the text most likely,
//! the criterion of Brown clusters (Brown et al. 1992), found by moving one word at a time to
//! the class that raises the likelihood most, instead of by Brown's bottom-up merging (hours
//! on our text, where this takes about a minute).
//!
//! The likelihood of the text under the class-bigram model is, up to terms that do not depend
//! on the classes, `Σ N(a,b) ln N(a,b) − Σ L(a) ln L(a) − Σ R(b) ln R(b)`, with `N(a,b)` the
//! number of bigrams from class `a` to class `b`, `L(a)` the bigrams leaving `a` and `R(b)`
//! those entering `b`. Moving a word changes only its own classes' rows and columns, so each
//! candidate class is priced from the classes of the word's neighbours alone.
//!
//! The same routine clusters the fine classes into coarse ones (each fine class an item whose
//! bigrams are the class bigrams), so every fine class lies in one coarse class. Words too
//! rare to cluster share one fixed class, and sentence boundaries another: both take part in
//! the bigrams but never move. Everything is sequential and follows from the seed.

use std::collections::HashMap;

use crate::corpus::{BREAK, Corpus};
use crate::rng::Rng;
use crate::vectors::Vocabulary;

/// Items (words, or classes of words) and their bigram counts.
pub struct Bigrams {
    /// Number of items that may move; items `movable..` are fixed, each in its own class.
    pub movable: usize,
    /// Number of fixed items.
    pub fixed: usize,
    /// Every bigram `(left item, right item, count)`, each pair once.
    pub pairs: Vec<(u32, u32, u64)>,
}

/// The result: a class for each movable item, and the passes run.
pub struct Exchange {
    pub class: Vec<u32>,
    pub passes: usize,
}

/// One item's bigrams with the other items, in both directions.
struct Neighbours {
    /// `(right neighbour, count)` of bigrams (item, neighbour), the item itself left out.
    right: Vec<Vec<(u32, u64)>>,
    /// `(left neighbour, count)` of bigrams (neighbour, item), the item itself left out.
    left: Vec<Vec<(u32, u64)>>,
    /// Bigrams of the item with itself.
    own: Vec<u64>,
    /// Bigrams the item starts and ends.
    starts: Vec<u64>,
    ends: Vec<u64>,
}

impl Neighbours {
    fn of(bigrams: &Bigrams) -> Self {
        let n = bigrams.movable + bigrams.fixed;
        let mut nb = Neighbours {
            right: vec![Vec::new(); n],
            left: vec![Vec::new(); n],
            own: vec![0; n],
            starts: vec![0; n],
            ends: vec![0; n],
        };
        for &(a, b, count) in &bigrams.pairs {
            let (a, b) = (a as usize, b as usize);
            nb.starts[a] += count;
            nb.ends[b] += count;
            if a == b {
                nb.own[a] += count;
            } else {
                nb.right[a].push((b as u32, count));
                nb.left[b].push((a as u32, count));
            }
        }
        nb
    }
}

/// `x ln x`, 0 at 0, from a table for small counts.
struct XLogX {
    small: Vec<f64>,
}

impl XLogX {
    const SMALL: usize = 1 << 16;

    fn new() -> Self {
        XLogX {
            small: (0..Self::SMALL)
                .map(|x| {
                    if x == 0 {
                        0.0
                    } else {
                        x as f64 * (x as f64).ln()
                    }
                })
                .collect(),
        }
    }

    #[inline]
    fn at(&self, x: u64) -> f64 {
        match self.small.get(x as usize) {
            Some(&v) => v,
            None => x as f64 * (x as f64).ln(),
        }
    }
}

/// The class-bigram counts of one assignment, kept up to date as items move.
struct Counts {
    /// Classes, the fixed ones last.
    classes: usize,
    /// `n[a * classes + b]`: bigrams from class a to class b.
    n: Vec<u64>,
    left: Vec<u64>,
    right: Vec<u64>,
    size: Vec<usize>,
}

impl Counts {
    fn new(bigrams: &Bigrams, class_of: &[u32], classes: usize) -> Self {
        let mut c = Counts {
            classes,
            n: vec![0; classes * classes],
            left: vec![0; classes],
            right: vec![0; classes],
            size: vec![0; classes],
        };
        for &(a, b, count) in &bigrams.pairs {
            let (ca, cb) = (class_of[a as usize] as usize, class_of[b as usize] as usize);
            c.n[ca * classes + cb] += count;
            c.left[ca] += count;
            c.right[cb] += count;
        }
        for &k in class_of {
            c.size[k as usize] += 1;
        }
        c
    }
}

/// Scratch of one item's neighbour classes: counts by class and the classes touched.
struct ByClass {
    right: Vec<u64>,
    left: Vec<u64>,
    right_seen: Vec<u32>,
    left_seen: Vec<u32>,
}

impl ByClass {
    fn new(classes: usize) -> Self {
        ByClass {
            right: vec![0; classes],
            left: vec![0; classes],
            right_seen: Vec::new(),
            left_seen: Vec::new(),
        }
    }

    fn fill(&mut self, nb: &Neighbours, item: usize, class_of: &[u32]) {
        for &k in &self.right_seen {
            self.right[k as usize] = 0;
        }
        for &k in &self.left_seen {
            self.left[k as usize] = 0;
        }
        self.right_seen.clear();
        self.left_seen.clear();
        for &(x, count) in &nb.right[item] {
            let k = class_of[x as usize];
            if self.right[k as usize] == 0 {
                self.right_seen.push(k);
            }
            self.right[k as usize] += count;
        }
        for &(x, count) in &nb.left[item] {
            let k = class_of[x as usize];
            if self.left[k as usize] == 0 {
                self.left_seen.push(k);
            }
            self.left[k as usize] += count;
        }
    }
}

/// Clusters the movable items of `bigrams` into `k` classes: the first `k` items (the most
/// frequent, if the caller orders them so) start in their own classes, the others in classes
/// drawn from `seed`; then each pass moves every item, in order, to its best class, until a
/// pass moves fewer than one item in a thousand or `max_passes` have run.
pub fn cluster(bigrams: &Bigrams, k: usize, max_passes: usize, seed: u64) -> Exchange {
    let movable = bigrams.movable;
    let k = k.clamp(1, movable.max(1));
    let classes = k + bigrams.fixed;
    let mut rng = Rng::new(seed);
    let mut class_of: Vec<u32> = (0..movable)
        .map(|i| {
            if i < k {
                i as u32
            } else {
                (rng.next_u64() % k as u64) as u32
            }
        })
        .chain((0..bigrams.fixed).map(|f| (k + f) as u32))
        .collect();
    let nb = Neighbours::of(bigrams);
    let mut counts = Counts::new(bigrams, &class_of, classes);
    let g = XLogX::new();
    let mut scratch = ByClass::new(classes);
    let mut passes = 0;
    while passes < max_passes {
        passes += 1;
        let mut moved = 0usize;
        for item in 0..movable {
            let from = class_of[item] as usize;
            if counts.size[from] == 1 {
                continue;
            }
            scratch.fill(&nb, item, &class_of);
            shift(&mut counts, &nb, &scratch, item, from, false);
            let mut best = (gain(&counts, &nb, &scratch, &g, item, from), from);
            for to in 0..k {
                if to != from {
                    let d = gain(&counts, &nb, &scratch, &g, item, to);
                    if d > best.0 + 1e-9 {
                        best = (d, to);
                    }
                }
            }
            let to = best.1;
            shift(&mut counts, &nb, &scratch, item, to, true);
            if to != from {
                class_of[item] = to as u32;
                moved += 1;
            }
        }
        if moved * 1000 < movable {
            break;
        }
    }
    class_of.truncate(movable);
    Exchange {
        class: class_of,
        passes,
    }
}

/// Adds `item` to class `c` (or takes it out, `add` false), its neighbours' classes in
/// `scratch`.
fn shift(
    counts: &mut Counts,
    nb: &Neighbours,
    scratch: &ByClass,
    item: usize,
    c: usize,
    add: bool,
) {
    let cl = counts.classes;
    let apply = |v: &mut u64, d: u64| {
        if add {
            *v += d;
        } else {
            *v -= d;
        }
    };
    for &x in &scratch.right_seen {
        apply(
            &mut counts.n[c * cl + x as usize],
            scratch.right[x as usize],
        );
    }
    for &x in &scratch.left_seen {
        apply(&mut counts.n[x as usize * cl + c], scratch.left[x as usize]);
    }
    apply(&mut counts.n[c * cl + c], nb.own[item]);
    apply(&mut counts.left[c], nb.starts[item]);
    apply(&mut counts.right[c], nb.ends[item]);
    if add {
        counts.size[c] += 1;
    } else {
        counts.size[c] -= 1;
    }
}

/// The change in likelihood from adding `item` (taken out of its class) to class `to`.
fn gain(
    counts: &Counts,
    nb: &Neighbours,
    scratch: &ByClass,
    g: &XLogX,
    item: usize,
    to: usize,
) -> f64 {
    let cl = counts.classes;
    let mut d = 0.0;
    for &x in &scratch.right_seen {
        let x = x as usize;
        if x != to {
            let old = counts.n[to * cl + x];
            d += g.at(old + scratch.right[x]) - g.at(old);
        }
    }
    for &x in &scratch.left_seen {
        let x = x as usize;
        if x != to {
            let old = counts.n[x * cl + to];
            d += g.at(old + scratch.left[x]) - g.at(old);
        }
    }
    let old = counts.n[to * cl + to];
    d += g.at(old + scratch.right[to] + scratch.left[to] + nb.own[item]) - g.at(old);
    let (l, r) = (counts.left[to], counts.right[to]);
    d -= g.at(l + nb.starts[item]) - g.at(l);
    d -= g.at(r + nb.ends[item]) - g.at(r);
    d
}

/// The bigrams of `corpus`'s running text over the words of `vocab` (items `0..words`, in
/// its order), with the rarer words as one fixed item and sentence and paragraph breaks
/// (the text's start and end among them) as another.
pub fn word_bigrams(corpus: &Corpus, vocab: &Vocabulary) -> Bigrams {
    let words = vocab.words.len();
    let (rare, boundary) = (words as u32, words as u32 + 1);
    let mut item_of = vec![rare; corpus.words.len()];
    for (i, &id) in vocab.words.iter().enumerate() {
        item_of[id as usize] = i as u32;
    }
    let item = |id: u32| {
        if id == BREAK {
            boundary
        } else {
            item_of[id as usize]
        }
    };
    let mut counts: HashMap<(u32, u32), u64> = HashMap::new();
    let mut previous = boundary;
    for &id in &corpus.stream {
        let next = item(id);
        if !(previous == boundary && next == boundary) {
            *counts.entry((previous, next)).or_insert(0) += 1;
        }
        previous = next;
    }
    if previous != boundary {
        *counts.entry((previous, boundary)).or_insert(0) += 1;
    }
    let mut pairs: Vec<(u32, u32, u64)> = counts.into_iter().map(|((a, b), n)| (a, b, n)).collect();
    pairs.sort_unstable();
    Bigrams {
        movable: words,
        fixed: 2,
        pairs,
    }
}

/// The bigrams between the classes of `class` (over `bigrams`' movable items, `k` classes),
/// the fixed items kept as they are: the input of the next level up.
pub fn class_bigrams(bigrams: &Bigrams, class: &[u32], k: usize) -> Bigrams {
    let of = |i: u32| match class.get(i as usize) {
        Some(&c) => c,
        None => k as u32 + (i - bigrams.movable as u32),
    };
    let mut counts: HashMap<(u32, u32), u64> = HashMap::new();
    for &(a, b, n) in &bigrams.pairs {
        *counts.entry((of(a), of(b))).or_insert(0) += n;
    }
    let mut pairs: Vec<(u32, u32, u64)> = counts.into_iter().map(|((a, b), n)| (a, b, n)).collect();
    pairs.sort_unstable();
    Bigrams {
        movable: k,
        fixed: bigrams.fixed,
        pairs,
    }
}

/// The log-likelihood criterion of an assignment (for tests and reports).
pub fn likelihood(bigrams: &Bigrams, class: &[u32], k: usize) -> f64 {
    let classes = k + bigrams.fixed;
    let class_of: Vec<u32> = class
        .iter()
        .copied()
        .chain((0..bigrams.fixed).map(|f| (k + f) as u32))
        .collect();
    let counts = Counts::new(bigrams, &class_of, classes);
    let g = XLogX::new();
    let pairs: f64 = counts.n.iter().map(|&x| g.at(x)).sum();
    let sides: f64 = counts
        .left
        .iter()
        .chain(&counts.right)
        .map(|&x| g.at(x))
        .sum();
    pairs - sides
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two kinds of items that alternate: a0 b0 a1 b1 ... with a's followed by b's only.
    fn alternating() -> Bigrams {
        let mut pairs = Vec::new();
        for i in 0..4u32 {
            for j in 0..4u32 {
                pairs.push((i, 4 + j, 5 + u64::from(i + j)));
                pairs.push((4 + j, i, 5 + u64::from(i * j)));
            }
        }
        Bigrams {
            movable: 8,
            fixed: 0,
            pairs,
        }
    }

    #[test]
    fn items_used_alike_fall_together() {
        let result = cluster(&alternating(), 2, 20, 3);
        let c = &result.class;
        assert!(c[..4].iter().all(|&x| x == c[0]), "{c:?}");
        assert!(c[4..].iter().all(|&x| x == c[4]), "{c:?}");
        assert_ne!(c[0], c[4]);
    }

    #[test]
    fn no_single_move_raises_the_likelihood_of_the_result() {
        let b = alternating();
        let found = cluster(&b, 3, 50, 1);
        let best = likelihood(&b, &found.class, 3);
        for item in 0..8 {
            for to in 0..3u32 {
                let mut moved = found.class.clone();
                moved[item] = to;
                assert!(likelihood(&b, &moved, 3) <= best + 1e-9, "{item} to {to}");
            }
        }
    }

    #[test]
    fn same_seed_same_classes() {
        let b = alternating();
        assert_eq!(cluster(&b, 3, 20, 9).class, cluster(&b, 3, 20, 9).class);
    }
}
