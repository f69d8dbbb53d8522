//! Conversion between byte offsets (what Rust slices by) and character offsets (what the
//! contract promises).

/// A map between byte and character offsets of one text.
///
/// Built once per article body. For pure-ASCII text, the common case in English news, the two
/// offsets coincide and the index holds nothing.
#[derive(Debug, Clone, Default)]
pub struct TextIndex {
    /// Byte offset of every character start, plus the text length at the end; `None` for ASCII.
    char_starts: Option<Vec<u32>>,
    len_bytes: usize,
}

impl TextIndex {
    /// Indexes `text`.
    ///
    /// # Panics
    /// Never for texts under 4 GiB; readers cap an article far below that.
    pub fn new(text: &str) -> Self {
        let char_starts = if text.is_ascii() {
            None
        } else {
            let mut starts: Vec<u32> = text.char_indices().map(|(i, _)| i as u32).collect();
            starts.push(text.len() as u32);
            Some(starts)
        };
        TextIndex {
            char_starts,
            len_bytes: text.len(),
        }
    }

    /// Number of characters in the text.
    pub fn char_len(&self) -> usize {
        match &self.char_starts {
            None => self.len_bytes,
            Some(starts) => starts.len() - 1,
        }
    }

    /// Character offset of the character that starts at `byte`; a byte inside a character maps to
    /// that character's offset, a byte past the end to the character length.
    pub fn char_of(&self, byte: usize) -> usize {
        match &self.char_starts {
            None => byte.min(self.len_bytes),
            Some(starts) => match starts.binary_search(&(byte as u32)) {
                Ok(i) => i,
                Err(i) => i.saturating_sub(1),
            },
        }
    }

    /// Byte offset of character `ch`; past the end maps to the byte length.
    pub fn byte_of(&self, ch: usize) -> usize {
        match &self.char_starts {
            None => ch.min(self.len_bytes),
            Some(starts) => starts.get(ch).map_or(self.len_bytes, |&b| b as usize),
        }
    }

    /// Character span of a byte span.
    pub fn chars(&self, start_byte: usize, end_byte: usize) -> (usize, usize) {
        (self.char_of(start_byte), self.char_of(end_byte))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_offsets_are_identity() {
        let ix = TextIndex::new("Kim met Trump.");
        assert_eq!(ix.char_of(4), 4);
        assert_eq!(ix.byte_of(8), 8);
        assert_eq!(ix.char_len(), 14);
    }

    #[test]
    fn multibyte_offsets_round_trip() {
        let text = "Korea’s “revolutions” — 2017";
        let ix = TextIndex::new(text);
        for (ch, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(ix.char_of(byte), ch);
            assert_eq!(ix.byte_of(ch), byte);
        }
        assert_eq!(ix.char_len(), text.chars().count());
        assert_eq!(ix.char_of(text.len()), text.chars().count());
        // A byte in the middle of ’ belongs to ’.
        assert_eq!(ix.char_of(6), 5);
    }
}
