//! FNV-1a, Chronicle's one hasher: the fast hasher of the lexicons' short string keys (words,
//! role phrases; the standard SipHash guards against hash flooding, which word lists loaded from
//! our own files do not need), the digest of a document's content, and the seed of the store's
//! fingerprints. Stable across runs, machines and versions.
//!
//! It uses nothing but `std`, so that a build script can compile this very file (`#[path]`) and
//! hash at build time as the library does at run time.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a's 64-bit offset basis.
const BASIS: u64 = 0xcbf2_9ce4_8422_2325;
/// FNV-1a's 64-bit prime.
const PRIME: u64 = 0x0100_0000_01b3;

/// FNV-1a, 64 bits.
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(BASIS)
    }
}

impl Fnv {
    /// A hasher whose offset basis is mixed with `seed`: independent hash functions of one kind.
    pub const fn with_seed(seed: u64) -> Self {
        Fnv(BASIS ^ seed)
    }

    /// FNV-1a of `bytes`, from the standard basis.
    pub fn of(bytes: &[u8]) -> u64 {
        let mut h = Fnv::default();
        h.write(bytes);
        h.finish()
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(PRIME);
        }
    }
}

/// A `HashMap` with FNV hashing.
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;
/// A `HashSet` with FNV hashing.
pub type FastSet<K> = HashSet<K, BuildHasherDefault<Fnv>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_fnv_1a_vectors() {
        // The FNV authors' test vectors for FNV-1a, 64 bits.
        assert_eq!(Fnv::of(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(Fnv::of(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(Fnv::of(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn a_seed_gives_another_function() {
        let mut a = Fnv::with_seed(1);
        a.write(b"word");
        assert_ne!(a.finish(), Fnv::of(b"word"));
        assert_eq!(Fnv::with_seed(0).finish(), Fnv::default().finish());
    }
}
