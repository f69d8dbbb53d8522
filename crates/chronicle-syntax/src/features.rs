//! Hashed features: every word is read once into a handful of 64-bit hashes (its form, lower
//! case, affixes, shape, cluster), and every feature is a template number mixed with some of
//! them. Nothing is allocated per token: the scratch buffers live as long as the model user.

use std::hash::{BuildHasherDefault, Hasher};

/// Multiplier of the mixing step (2^64 divided by the golden ratio, odd).
const K: u64 = 0x9E37_79B9_7F4A_7C15;

/// Mixes `v` into the running hash `h`: a rotate, an xor and a multiply, as FxHash does.
#[inline]
pub fn mix(h: u64, v: u64) -> u64 {
    (h.rotate_left(26) ^ v).wrapping_mul(K)
}

/// The final avalanche, so that nearby template numbers land far apart in the weight tables;
/// never 0, which the tables use for an empty slot.
#[inline]
pub fn finish(h: u64) -> u64 {
    let mut x = h;
    x ^= x >> 33;
    x = x.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    x ^= x >> 33;
    x | 1
}

/// A feature of one value under template `t`.
#[inline]
pub fn f1(t: u64, a: u64) -> u64 {
    finish(mix(t, a))
}

/// A feature of two values under template `t`.
#[inline]
pub fn f2(t: u64, a: u64, b: u64) -> u64 {
    finish(mix(mix(t ^ 0x5200, a), b))
}

/// A feature of three values under template `t`.
#[inline]
pub fn f3(t: u64, a: u64, b: u64, c: u64) -> u64 {
    finish(mix(mix(mix(t ^ 0x5300, a), b), c))
}

/// The hash of a string's bytes, eight at a time.
#[inline]
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = mix(h, u64::from_le_bytes(w));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        h = mix(h, u64::from_le_bytes(w));
    }
    h
}

/// A hasher for keys that are already hashes: the training tables' keys pass through as they are.
#[derive(Default)]
pub struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = hash_bytes(bytes);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// `HashMap` state for feature-hash keys.
pub type BuildPassThrough = BuildHasherDefault<PassThrough>;

/// Hashes of one word that the tagger, parser and labeler read.
#[derive(Debug, Clone, Copy, Default)]
pub struct WordInfo {
    /// The form as written.
    pub form: u64,
    /// The form in lower case, with digits folded to `0` ("1,500" and "2,300" are one word).
    pub lower: u64,
    /// Suffixes of the lower-case form, 1 to 4 characters (shorter words repeat their whole form).
    pub suffix: [u64; 4],
    /// Prefixes of the lower-case form, 1 to 3 characters.
    pub prefix: [u64; 3],
    /// The word's shape: `Xxxx`, `dd`, `X.X.`, runs of a class collapsed after two.
    pub shape: u64,
    /// The word's distributional cluster (coarse and fine), 0 when unknown.
    pub cluster: [u64; 2],
}

/// Reusable buffers for reading words into [`WordInfo`]s.
#[derive(Default)]
pub struct Scratch {
    lower: String,
    shape: String,
    bounds: Vec<usize>,
}

impl Scratch {
    /// Reads `form` into its hashes; `clusters` maps a lower-case hash to its cluster ids.
    pub fn word_info(&mut self, form: &str, clusters: &dyn Fn(u64) -> [u64; 2]) -> WordInfo {
        self.lower.clear();
        self.shape.clear();
        self.bounds.clear();
        let mut last = '\0';
        let mut run = 0;
        for c in form.chars() {
            let folded = if c.is_ascii_digit() { '0' } else { c };
            self.bounds.push(self.lower.len());
            for l in folded.to_lowercase() {
                self.lower.push(l);
            }
            let class = if c.is_uppercase() {
                'X'
            } else if c.is_lowercase() {
                'x'
            } else if c.is_numeric() {
                'd'
            } else {
                c
            };
            if class == last {
                run += 1;
            } else {
                run = 0;
                last = class;
            }
            if run < 2 {
                self.shape.push(class);
            }
        }
        let lower = self.lower.as_str();
        let n = self.bounds.len();
        let mut suffix = [0u64; 4];
        for (k, s) in suffix.iter_mut().enumerate() {
            let start = if k + 1 >= n {
                0
            } else {
                self.bounds[n - k - 1]
            };
            *s = hash_bytes(&lower.as_bytes()[start..]);
        }
        let mut prefix = [0u64; 3];
        for (k, p) in prefix.iter_mut().enumerate() {
            let end = self.bounds.get(k + 1).copied().unwrap_or(lower.len());
            *p = hash_bytes(&lower.as_bytes()[..end]);
        }
        let lower_hash = hash_bytes(lower.as_bytes());
        WordInfo {
            form: hash_bytes(form.as_bytes()),
            lower: lower_hash,
            suffix,
            prefix,
            shape: hash_bytes(self.shape.as_bytes()),
            cluster: clusters(lower_hash),
        }
    }
}

/// Hash of the lower-case, digit-folded form, the key of the cluster table: the same value as
/// [`WordInfo::lower`].
pub fn lower_key(form: &str) -> u64 {
    let mut scratch = Scratch::default();
    scratch.word_info(form, &|_| [0, 0]).lower
}

/// The words of a sentence as the tree repairs read them, the root's empty slot first: for the
/// repairs' tests, which give forms and no cluster table.
#[cfg(test)]
pub(crate) fn read_sentence(forms: &[&str]) -> Vec<WordInfo> {
    let mut scratch = Scratch::default();
    let mut words = vec![WordInfo::default()];
    words.extend(forms.iter().map(|f| scratch.word_info(f, &|_| [0, 0])));
    words
}

/// A fixed value for "no word here" (before the sentence, an empty stack).
pub const NONE: u64 = 0x6E6F_6E65;

/// The word infos of `forms` after the root's stand-in, with no clusters: the input the
/// tree repairs' tests build their sentences from.
#[cfg(test)]
pub(crate) fn test_words(forms: &[&str]) -> Vec<WordInfo> {
    let mut s = Scratch::default();
    std::iter::once("<root>")
        .chain(forms.iter().copied())
        .map(|f| s.word_info(f, &|_| [0, 0]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_differing_in_case_or_digits_share_their_lower_hash() {
        let mut s = Scratch::default();
        let none = |_| [0, 0];
        let a = s.word_info("Korea", &none);
        let b = s.word_info("KOREA", &none);
        assert_eq!(a.lower, b.lower);
        assert_ne!(a.form, b.form);
        assert_ne!(a.shape, b.shape);
        assert_eq!(
            s.word_info("1,500", &none).lower,
            s.word_info("2,300", &none).lower
        );
        let c = s.word_info("talks", &none);
        let d = s.word_info("walks", &none);
        assert_eq!(c.suffix[3], d.suffix[3]);
        assert_ne!(c.prefix[0], d.prefix[0]);
    }

    #[test]
    fn short_and_non_ascii_words_are_read_safely() {
        let mut s = Scratch::default();
        let none = |_| [0, 0];
        let a = s.word_info("é", &none);
        assert_eq!(a.suffix[0], a.suffix[3]);
        let b = s.word_info("Ñandú", &none);
        assert_ne!(b.lower, 0);
        assert_ne!(f1(1, 2), f1(2, 1));
        assert_ne!(f2(1, 2, 3), f2(1, 3, 2));
    }
}
