//! The lexicons' word maps. The hasher is Chronicle's one FNV-1a ([`chronicle_core::hash`]).

use std::hash::Hasher;

pub use chronicle_core::hash::{FastMap, FastSet, Fnv};

/// Bytes of a [`ShortKey`]: the word and, last, its length.
const SHORT: usize = 24;

/// A word of fewer than `SHORT` bytes, stored inline: comparing it with a table's key reads the
/// table's own memory, not a string elsewhere on the heap (a cache miss per token).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ShortKey([u8; SHORT]);

impl ShortKey {
    fn new(word: &str) -> Option<Self> {
        let b = word.as_bytes();
        let mut k = [0u8; SHORT];
        k.get_mut(..b.len())?.copy_from_slice(b);
        k[SHORT - 1] = u8::try_from(b.len())
            .ok()
            .filter(|&n| usize::from(n) < SHORT)?;
        Some(ShortKey(k))
    }

    fn as_str(&self) -> &str {
        let n = usize::from(self.0[SHORT - 1]);
        // made from a `&str`, so the prefix is whole UTF-8
        std::str::from_utf8(self.0.get(..n).unwrap_or(&[])).unwrap_or("")
    }
}

impl std::hash::Hash for ShortKey {
    fn hash<H: Hasher>(&self, state: &mut H) {
        let n = usize::from(self.0[SHORT - 1]);
        state.write(self.0.get(..n).unwrap_or(&[]));
    }
}

/// A map from words to values for lexicons looked up once per token: words shorter than 24
/// bytes (nearly all) are keyed inline, the rest by boxed string.
#[derive(Debug, Clone)]
pub struct WordMap<V> {
    short: FastMap<ShortKey, V>,
    long: FastMap<Box<str>, V>,
}

impl<V> Default for WordMap<V> {
    fn default() -> Self {
        WordMap {
            short: FastMap::default(),
            long: FastMap::default(),
        }
    }
}

impl<V> WordMap<V> {
    /// The value of `word`.
    pub fn get(&self, word: &str) -> Option<&V> {
        match ShortKey::new(word) {
            Some(k) => self.short.get(&k),
            None => self.long.get(word),
        }
    }

    /// The value of `word`, inserted as `V::default()` when absent.
    pub fn entry_or_default(&mut self, word: &str) -> &mut V
    where
        V: Default,
    {
        match ShortKey::new(word) {
            Some(k) => self.short.entry(k).or_default(),
            None => self.long.entry(word.into()).or_default(),
        }
    }

    /// Every word and its value, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &V)> {
        let short = self.short.iter().map(|(k, v)| (k.as_str(), v));
        short.chain(self.long.iter().map(|(k, v)| (&**k, v)))
    }
}
