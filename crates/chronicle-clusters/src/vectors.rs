//! Turns the corpus into one short unit vector per word, describing the company it keeps.
//!
//! A word's contexts are the frequent words at positions -2, -1, +1 and +2 (and the edge of
//! its sentence or paragraph, itself a telling neighbour). The counts are weighted by positive
//! pointwise mutual information with the context distribution smoothed to the power 0.75
//! (Levy, Goldberg and Dagan 2015), which keeps "the" from drowning every other context; each
//! row is then projected at random to a few dimensions (Johnson-Lindenstrauss: cosines survive)
//! and normalised, so that k-means needs only dot products.

use rayon::prelude::*;

use crate::corpus::{BREAK, Corpus};
use crate::rng::Rng;

/// Offsets of the context positions, in feature-block order.
const OFFSETS: [isize; 4] = [-2, -1, 1, 2];
/// Context distribution smoothing exponent.
const SMOOTHING: f64 = 0.75;

/// The words to cluster and the words that serve as contexts.
pub struct Vocabulary {
    /// Corpus ids of the words to cluster, most frequent first.
    pub words: Vec<u32>,
    /// Number of most frequent words used as contexts.
    pub contexts: usize,
}

impl Vocabulary {
    /// The `max_words` most frequent words seen at least `min_count` times (ties broken by the
    /// key, so the choice is the same on every run), and the `contexts` most frequent of them
    /// as context words.
    pub fn select(corpus: &Corpus, min_count: u64, max_words: usize, contexts: usize) -> Self {
        let mut words: Vec<u32> = (0..corpus.words.len() as u32)
            .filter(|&id| corpus.counts[id as usize] >= min_count)
            .collect();
        words.sort_unstable_by(|&a, &b| {
            let (a, b) = (a as usize, b as usize);
            corpus.counts[b]
                .cmp(&corpus.counts[a])
                .then_with(|| corpus.words[a].cmp(&corpus.words[b]))
        });
        words.truncate(max_words);
        let contexts = contexts.min(words.len());
        Vocabulary { words, contexts }
    }
}

/// One unit vector of `dims` floats per vocabulary word, row after row; a word none of whose
/// contexts is telling gets a zero row.
pub struct Embedding {
    pub dims: usize,
    pub rows: Vec<f32>,
}

impl Embedding {
    /// Row `i`.
    pub fn row(&self, i: usize) -> &[f32] {
        &self.rows[i * self.dims..(i + 1) * self.dims]
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.rows.len() / self.dims.max(1)
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// The PPMI-weighted, randomly projected, normalised context vectors of `vocab`'s words.
pub fn embed(corpus: &Corpus, vocab: &Vocabulary, dims: usize, seed: u64) -> Embedding {
    let (rank, n_features) = ranks(corpus, vocab);
    let pairs = context_pairs(corpus, &rank, vocab.contexts);
    let rows = ppmi_rows(&pairs, vocab.words.len(), n_features);
    let projection = projection(n_features, dims, seed);
    let mut out = vec![0f32; vocab.words.len() * dims];
    out.par_chunks_mut(dims)
        .zip(rows.par_iter())
        .for_each(|(dense, sparse)| {
            for &(feature, weight) in sparse {
                let column = &projection[feature as usize * dims..(feature as usize + 1) * dims];
                for (d, p) in dense.iter_mut().zip(column) {
                    *d += weight * p;
                }
            }
            normalise(dense);
        });
    Embedding { dims, rows: out }
}

/// Each corpus id's rank in the vocabulary (`u32::MAX` when left out), and the number of
/// context features: one per context word and position, plus the edge at each position.
fn ranks(corpus: &Corpus, vocab: &Vocabulary) -> (Vec<u32>, usize) {
    let mut rank = vec![u32::MAX; corpus.words.len()];
    for (r, &id) in vocab.words.iter().enumerate() {
        rank[id as usize] = r as u32;
    }
    (rank, OFFSETS.len() * (vocab.contexts + 1))
}

/// Every (word rank, feature) pair of the corpus as `rank << 32 | feature`, sorted, so that
/// equal pairs are adjacent and each word's features are one run.
fn context_pairs(corpus: &Corpus, rank: &[u32], contexts: usize) -> Vec<u64> {
    let stream = &corpus.stream;
    let block = contexts as u32 + 1;
    let edge = contexts as u32;
    const CHUNK: usize = 1 << 16;
    let chunks: Vec<Vec<u64>> = (0..stream.len().div_ceil(CHUNK))
        .into_par_iter()
        .map(|c| {
            let positions = c * CHUNK..((c + 1) * CHUNK).min(stream.len());
            let mut out = Vec::with_capacity(positions.len() * OFFSETS.len());
            for i in positions {
                let id = stream[i];
                if id == BREAK || rank[id as usize] == u32::MAX {
                    continue;
                }
                let word = u64::from(rank[id as usize]) << 32;
                for (slot, &offset) in OFFSETS.iter().enumerate() {
                    let context = context_at(stream, rank, i, offset, edge);
                    if context < block {
                        out.push(word | u64::from(slot as u32 * block + context));
                    }
                }
            }
            out
        })
        .collect();
    let mut pairs: Vec<u64> = chunks.concat();
    pairs.par_sort_unstable();
    pairs
}

/// The context at `offset` from position `i`: the context word's rank, `edge` when a break or
/// the corpus end comes first, and a value past the block when the word is no context word.
fn context_at(stream: &[u32], rank: &[u32], i: usize, offset: isize, edge: u32) -> u32 {
    let step: isize = offset.signum();
    let mut j = i as isize;
    for _ in 0..offset.abs() {
        j += step;
        if j < 0 || j as usize >= stream.len() || stream[j as usize] == BREAK {
            return edge;
        }
    }
    let r = rank[stream[j as usize] as usize];
    if r < edge { r } else { u32::MAX }
}

/// The sparse PPMI row of each word from the sorted pairs.
fn ppmi_rows(pairs: &[u64], n_words: usize, n_features: usize) -> Vec<Vec<(u32, f32)>> {
    let mut rows: Vec<Vec<(u32, f32)>> = vec![Vec::new(); n_words];
    let mut row_sum = vec![0f64; n_words];
    let mut column_sum = vec![0f64; n_features];
    let mut i = 0;
    while i < pairs.len() {
        let mut j = i + 1;
        while j < pairs.len() && pairs[j] == pairs[i] {
            j += 1;
        }
        let (word, feature) = ((pairs[i] >> 32) as usize, pairs[i] as u32);
        let n = (j - i) as f32;
        rows[word].push((feature, n));
        row_sum[word] += f64::from(n);
        column_sum[feature as usize] += f64::from(n);
        i = j;
    }
    let smoothed: Vec<f64> = column_sum.iter().map(|c| c.powf(SMOOTHING)).collect();
    let smoothed_total: f64 = smoothed.iter().sum();
    rows.par_iter_mut()
        .zip(row_sum.par_iter())
        .for_each(|(row, &total)| {
            row.retain_mut(|(feature, value)| {
                let p_context = smoothed[*feature as usize] / smoothed_total;
                let pmi = (f64::from(*value) / total / p_context).ln();
                *value = pmi as f32;
                pmi > 0.0
            });
        });
    rows
}

/// A `n_features` × `dims` matrix of ±1/√dims, drawn from `seed`.
fn projection(n_features: usize, dims: usize, seed: u64) -> Vec<f32> {
    let mut rng = Rng::new(seed ^ 0x5052_4F4A); // "PROJ": apart from the k-means draws
    let scale = 1.0 / (dims as f32).sqrt();
    let mut out = Vec::with_capacity(n_features * dims);
    while out.len() < n_features * dims {
        let bits = rng.next_u64();
        for b in 0..64 {
            if out.len() == n_features * dims {
                break;
            }
            out.push(if bits >> b & 1 == 1 { scale } else { -scale });
        }
    }
    out
}

/// Scales `v` to unit length (a zero vector stays zero).
pub fn normalise(v: &mut [f32]) {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|x| *x /= norm);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus(text: &str) -> Corpus {
        let mut c = Corpus::new();
        c.add_text(text);
        c
    }

    #[test]
    fn vocabulary_is_by_count_then_key_and_drops_rare_words() {
        let c = corpus("b a b a c b\nz");
        let v = Vocabulary::select(&c, 2, 10, 1);
        let keys: Vec<&str> = v
            .words
            .iter()
            .map(|&id| c.words[id as usize].as_str())
            .collect();
        assert_eq!(keys, ["b", "a"]);
        assert_eq!(v.contexts, 1);
        let v = Vocabulary::select(&c, 1, 2, 5);
        assert_eq!(v.words.len(), 2);
        assert_eq!(v.contexts, 2);
    }

    #[test]
    fn contexts_stop_at_breaks() {
        let c = corpus("x y\nz");
        let v = Vocabulary::select(&c, 1, 10, 10);
        let (rank, _) = ranks(&c, &v);
        let edge = v.contexts as u32;
        // Stream: x y | z
        assert_eq!(context_at(&c.stream, &rank, 0, -1, edge), edge);
        assert_eq!(
            context_at(&c.stream, &rank, 0, 1, edge),
            rank[c.stream[1] as usize]
        );
        assert_eq!(context_at(&c.stream, &rank, 0, 2, edge), edge);
        assert_eq!(context_at(&c.stream, &rank, 3, 1, edge), edge);
    }

    #[test]
    fn words_in_the_same_slots_get_close_vectors() {
        let mut text = String::new();
        for i in 0..50 {
            let (pet, thing) = (["cat", "dog"][i % 2], ["car", "bus"][i / 2 % 2]);
            text.push_str(&format!(
                "the {pet} sat on the mat\nshe drove the {thing} to town\n"
            ));
        }
        let c = corpus(&text);
        let v = Vocabulary::select(&c, 1, 100, 100);
        let e = embed(&c, &v, 64, 1);
        let row = |w: &str| {
            let r = v
                .words
                .iter()
                .position(|&id| c.words[id as usize] == w)
                .expect("in vocabulary");
            e.row(r).to_vec()
        };
        let cos = |a: &[f32], b: &[f32]| a.iter().zip(b).map(|(x, y)| x * y).sum::<f32>();
        let (cat, dog, car) = (row("cat"), row("dog"), row("car"));
        assert!((cos(&cat, &cat) - 1.0).abs() < 1e-4);
        assert!(
            cos(&cat, &dog) > cos(&cat, &car) + 0.3,
            "{} vs {}",
            cos(&cat, &dog),
            cos(&cat, &car)
        );
    }
}
