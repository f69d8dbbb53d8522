//! Dictionary phrases looked up token by token: a phrase is keyed by its first token, and only
//! tokens that can open a name (capitalised words, numbers, words of headlines in capitals) are
//! looked up. Building the index tokenises each phrase once with the same tokenizer as the body,
//! so "U.N. Security Council" and "North Korea’s" split the same way on both sides; it loads in
//! milliseconds and matches at the speed of a hash lookup per capitalised token.

use crate::hash::FastMap;
use crate::segment::Segmenter;

/// The rest of a phrase after its first token, and the phrase group it spells.
#[derive(Debug)]
struct Tail {
    rest: Box<[Box<str>]>,
    group: usize,
}

/// Phrases by first token, as written and in lowercase; tails longest first.
#[derive(Debug, Default)]
pub struct PhraseIndex {
    exact: FastMap<Box<str>, Vec<Tail>>,
    folded: FastMap<Box<str>, Vec<Tail>>,
}

/// How a token is compared with a phrase's token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// As written: "US" is not "us".
    Exact,
    /// Without regard to ASCII case: headlines in capitals, PETRARCH's capitalised dictionaries.
    Folded,
}

impl PhraseIndex {
    /// Indexes `texts` (phrase group i spelled by `texts[i]`).
    pub fn build(texts: &[&str]) -> Self {
        let segmenter = Segmenter::new();
        let mut index = PhraseIndex::default();
        for (group, text) in texts.iter().enumerate() {
            let seg = segmenter.segment_text(text);
            let words: Vec<&str> = seg.tokens.iter().map(|t| &text[t.span.range()]).collect();
            let Some((first, rest)) = words.split_first() else {
                continue;
            };
            let rest: Box<[Box<str>]> = rest.iter().map(|w| Box::from(*w)).collect();
            let tail = || Tail {
                rest: rest.clone(),
                group,
            };
            index
                .exact
                .entry(Box::from(*first))
                .or_default()
                .push(tail());
            index
                .folded
                .entry(first.to_lowercase().into_boxed_str())
                .or_default()
                .push(tail());
        }
        for tails in index.exact.values_mut().chain(index.folded.values_mut()) {
            tails.sort_by_key(|t| std::cmp::Reverse(t.rest.len()));
        }
        index
    }

    /// The longest phrase that starts with `words[0]` and continues with the next words:
    /// `(phrase group, number of words)`.
    pub fn longest<'w>(
        &self,
        words: impl Fn(usize) -> Option<&'w str>,
        case: Case,
    ) -> Option<(usize, usize)> {
        let first = words(0)?;
        let tails = match case {
            Case::Exact => self.exact.get(first)?,
            Case::Folded => {
                let mut buf = [0u8; 48];
                let key = lower_ascii(first, &mut buf);
                match key {
                    Some(k) => self.folded.get(k)?,
                    None => self.folded.get(first.to_lowercase().as_str())?,
                }
            }
        };
        tails.iter().find_map(|tail| {
            let all = tail.rest.iter().enumerate().all(|(k, want)| {
                words(k + 1).is_some_and(|w| match case {
                    Case::Exact => w == &**want,
                    Case::Folded => w.eq_ignore_ascii_case(want),
                })
            });
            all.then_some((tail.group, tail.rest.len() + 1))
        })
    }
}

/// Lowercases a short ASCII word into `buf` without allocating.
fn lower_ascii<'b>(word: &str, buf: &'b mut [u8; 48]) -> Option<&'b str> {
    if word.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    let out = &mut buf[..word.len()];
    out.copy_from_slice(word.as_bytes());
    out.make_ascii_lowercase();
    std::str::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_phrase_wins_and_case_matters_only_when_asked() {
        let index = PhraseIndex::build(&[
            "North Korea",
            "North Korean",
            "Korea",
            "U.N. Security Council",
            "US",
        ]);
        let text = ["North", "Korea", "’s"];
        assert_eq!(
            index.longest(|k| text.get(k).copied(), Case::Exact),
            Some((0, 2))
        );
        let un = ["U.N.", "Security", "Council", "met"];
        assert_eq!(
            index.longest(|k| un.get(k).copied(), Case::Exact),
            Some((3, 3))
        );
        assert_eq!(index.longest(|k| ["us"].get(k).copied(), Case::Exact), None);
        assert_eq!(
            index.longest(|k| ["NORTH", "KOREAN"].get(k).copied(), Case::Folded),
            Some((1, 2))
        );
    }
}
