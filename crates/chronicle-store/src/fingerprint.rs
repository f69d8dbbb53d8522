//! Fingerprints of an article's text: an exact hash of its normalised words, to skip a copy
//! already stored, and a MinHash signature of its word shingles, to link a near-identical wire
//! copy (a new dateline, a reworded last paragraph) to its original.
//!
//! Both are our own, stable across Rust releases and platforms (they are stored in the
//! database), and computed from the body alone. MinHash was chosen over SimHash after trying
//! both: on news-length texts a 64-bit SimHash moved 4-5 bits for a two-word dateline, so a
//! threshold tight enough to keep different stories apart missed real copies, while the
//! MinHash estimate of Jaccard similarity degrades smoothly with the share of changed text.

use std::hash::Hasher as StdHasher;

use chronicle_core::hash::Fnv;

/// Words in a row that form one shingle.
const SHINGLE: usize = 3;

/// Bodies with fewer words than this get no signature: short texts share too many shingles by
/// chance ("Markets closed higher on Friday.") to call them copies.
const MIN_WORDS: usize = 40;

/// Hash functions in a signature.
pub const SIGNATURE: usize = 64;

/// Signature rows hashed together into one band for lookup (LSH banding). With 16 bands of 4
/// rows, two texts of Jaccard similarity 0.8 share a band with probability 0.9998, two of 0.3
/// with probability 0.12; candidates are then checked against [`MIN_SIMILARITY`].
pub const ROWS_PER_BAND: usize = 4;

/// The estimated Jaccard similarity of shingle sets above which a text is a copy.
pub const MIN_SIMILARITY: f64 = 0.8;

/// The fingerprints of one body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    /// 128-bit hash of the normalised words; `None` for a body with no words.
    pub text_hash: Option<[u64; 2]>,
    /// MinHash signature of the word shingles; `None` for a body too short to judge.
    pub minhash: Option<Vec<u32>>,
}

impl Fingerprint {
    /// Fingerprints `body`.
    pub fn of(body: &str) -> Fingerprint {
        let words = Words::of(body);
        if words.hashes.is_empty() {
            return Fingerprint {
                text_hash: None,
                minhash: None,
            };
        }
        let minhash = (words.hashes.len() >= MIN_WORDS).then(|| minhash(&words.hashes));
        Fingerprint {
            text_hash: Some(words.text_hash),
            minhash,
        }
    }

    /// The exact-text hash as stored (32 lowercase hex digits).
    pub fn text_hash_hex(&self) -> Option<String> {
        self.text_hash.map(|[a, b]| format!("{a:016x}{b:016x}"))
    }
}

/// The exact-text hash of `body` alone, as stored.
pub fn text_hash_hex(body: &str) -> Option<String> {
    let words = Words::of(body);
    let [a, b] = words.text_hash;
    (!words.hashes.is_empty()).then(|| format!("{a:016x}{b:016x}"))
}

/// The normalised words of a text: lowercased, split on anything that is not a letter or
/// digit, so that two bodies differing only in spacing, punctuation or case hash alike.
struct Words {
    /// A 64-bit hash of each word, in order.
    hashes: Vec<u64>,
    /// Two independent 64-bit hashes of the whole word sequence.
    text_hash: [u64; 2],
}

impl Words {
    fn of(text: &str) -> Words {
        let mut a = Hasher::new(0x9E37_79B9_7F4A_7C15);
        let mut b = Hasher::new(0xC2B2_AE3D_27D4_EB4F);
        let mut hashes = Vec::with_capacity(text.len() / 6);
        let mut word = String::new();
        for w in text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            word.clear();
            if w.is_ascii() {
                word.extend(w.bytes().map(|c| char::from(c.to_ascii_lowercase())));
            } else {
                word.extend(w.chars().flat_map(char::to_lowercase));
            }
            for h in [&mut a, &mut b] {
                h.write(word.as_bytes());
                h.write(b" ");
            }
            let mut h = Hasher::new(0x51_7CC1_B727_220A);
            h.write(word.as_bytes());
            hashes.push(h.finish());
        }
        Words {
            hashes,
            text_hash: [a.finish(), b.finish()],
        }
    }
}

/// Multipliers and addends of the [`SIGNATURE`] hash functions `h_i(x) = a_i * x + b_i`
/// (high 32 bits), drawn once from SplitMix64; the multipliers are odd.
const FUNCTIONS: [(u64, u64); SIGNATURE] = {
    let mut f = [(0u64, 0u64); SIGNATURE];
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let mut i = 0;
    while i < SIGNATURE {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let a = mix(state) | 1;
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        f[i] = (a, mix(state));
        i += 1;
    }
    f
};

/// For each of [`SIGNATURE`] hash functions, the least hash of any shingle of word hashes.
fn minhash(words: &[u64]) -> Vec<u32> {
    let mut mins = vec![u32::MAX; SIGNATURE];
    for shingle in words.windows(SHINGLE.min(words.len())) {
        let base = shingle
            .iter()
            .fold(0x51_7CC1_B727_220Au64, |acc, w| mix(acc ^ w));
        for (min, (a, b)) in mins.iter_mut().zip(FUNCTIONS) {
            let v = (base.wrapping_mul(a).wrapping_add(b) >> 32) as u32;
            *min = (*min).min(v);
        }
    }
    mins
}

/// The lookup keys of a signature: `(band number, hash of the band's rows)`.
pub fn bands(signature: &[u32]) -> impl Iterator<Item = (u32, i64)> + '_ {
    signature
        .chunks(ROWS_PER_BAND)
        .enumerate()
        .map(|(i, rows)| {
            let mut h = Hasher::new(i as u64);
            for r in rows {
                h.write(&r.to_le_bytes());
            }
            (i as u32, h.finish() as i64)
        })
}

/// Estimated Jaccard similarity of two signatures: the share of equal rows.
pub fn similarity(a: &[u32], b: &[u32]) -> f64 {
    if a.len() != b.len() || a.is_empty() {
        return 0.0;
    }
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / a.len() as f64
}

/// A signature as stored: little-endian `u32`s.
pub fn to_blob(signature: &[u32]) -> Vec<u8> {
    signature.iter().flat_map(|v| v.to_le_bytes()).collect()
}

/// A stored signature read back.
pub fn from_blob(blob: &[u8]) -> Vec<u32> {
    blob.chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect()
}

/// SplitMix64's finaliser: spreads every input bit over the output.
const fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Chronicle's FNV-1a ([`Fnv`]), seeded, with a SplitMix64 finish: simple, stable, and well
/// mixed.
struct Hasher(Fnv);

impl Hasher {
    fn new(seed: u64) -> Self {
        Hasher(Fnv::with_seed(seed))
    }

    fn write(&mut self, bytes: &[u8]) {
        StdHasher::write(&mut self.0, bytes);
    }

    fn finish(&self) -> u64 {
        mix(StdHasher::finish(&self.0).wrapping_add(0x9E37_79B9_7F4A_7C15))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "North Korea's first vice foreign minister said on Saturday that \
        Pyongyang had no intention of resuming talks with the United States, a day before a \
        senior American envoy was due in Seoul. Choe Son Hui said in a statement carried by \
        the state news agency that the North did not need to sit face to face with the \
        United States, which she said saw talks as a tool for getting through its own \
        political crisis. The statement came as the US deputy secretary of state prepared \
        to visit South Korea for talks on the stalled nuclear negotiations.";

    #[test]
    fn spacing_case_and_punctuation_do_not_change_the_text_hash() {
        let a = Fingerprint::of("Kim met Trump in Hanoi.");
        let b = Fingerprint::of("kim  met TRUMP in\nHanoi");
        assert_eq!(a.text_hash, b.text_hash);
        assert_ne!(
            a.text_hash,
            Fingerprint::of("Kim met Moon in Hanoi.").text_hash
        );
        assert_eq!(Fingerprint::of(" ,. ").text_hash, None);
        assert_eq!(text_hash_hex("Kim met Trump in Hanoi."), a.text_hash_hex());
    }

    #[test]
    fn a_wire_copy_with_a_new_dateline_is_near_but_a_different_story_is_far() {
        let original = Fingerprint::of(STORY).minhash.unwrap();
        let copy = format!("SEOUL (AP) — {STORY} Reporting by staff.");
        let copy = Fingerprint::of(&copy).minhash.unwrap();
        assert!(similarity(&original, &copy) >= MIN_SIMILARITY);
        assert!(bands(&original).zip(bands(&copy)).any(|(a, b)| a == b));
        // Same opening, a different second half: a follow-up story, not a copy.
        let half = STORY.len() / 2;
        let other = format!(
            "{} The ministry in Tokyo said separately that its coast guard had tracked two \
             fishing boats near the disputed islands for most of Friday and warned them off \
             three times before they turned back toward the mainland ports.",
            &STORY[..half]
        );
        let other = Fingerprint::of(&other).minhash.unwrap();
        let s = similarity(&original, &other);
        assert!(s < MIN_SIMILARITY, "{s}");
    }

    #[test]
    fn signatures_survive_storage() {
        let sig = Fingerprint::of(STORY).minhash.unwrap();
        assert_eq!(from_blob(&to_blob(&sig)), sig);
    }

    #[test]
    fn short_bodies_get_no_signature() {
        assert_eq!(Fingerprint::of("Markets closed higher.").minhash, None);
    }
}
