//! A read-only view of one article for the quotes stage: its text, tokens, sentences and
//! paragraphs, with the small look-ups every step needs.

use std::ops::Range;

use chronicle_core::{ByteSpan, Mention, Token, TokenKind};

use super::lexicon::{CueMatch, Lexicon, WordClass};

/// The body with its tokens and sentences, and the lexicon, for one article.
///
/// Every token is looked up in the lexicon once, when the view is built: the steps after ask
/// about the same tokens many times.
pub struct Doc<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub sentences: &'a [ByteSpan],
    pub lex: &'a Lexicon,
    /// The word class of each token.
    classes: Vec<Option<WordClass>>,
    /// The cue starting at each token, whatever follows it.
    cues: Vec<Option<CueMatch>>,
}

impl<'a> Doc<'a> {
    /// The view of `text` with its `tokens` and `sentences`, looked up in `lex`.
    pub fn new(
        text: &'a str,
        tokens: &'a [Token],
        sentences: &'a [ByteSpan],
        lex: &'a Lexicon,
    ) -> Self {
        let tok = |i: usize| {
            tokens
                .get(i)
                .and_then(|t| text.get(t.span.range()))
                .unwrap_or("")
        };
        let mut classes = Vec::with_capacity(tokens.len());
        let mut cues = Vec::with_capacity(tokens.len());
        // The sentence the last word was in: a word after it in the same sentence is no first.
        let mut sentence = 0;
        let mut worded = None;
        for (i, t) in tokens.iter().enumerate() {
            let at = t.span.start;
            while sentences.get(sentence).is_some_and(|s| s.end <= at) {
                sentence += 1;
            }
            let first = worded != Some(sentence);
            if matches!(
                t.kind,
                TokenKind::Word | TokenKind::Number | TokenKind::Abbreviation
            ) {
                worded = Some(sentence);
            }
            let (class, cue) = match t.kind {
                TokenKind::Word => lex.word_and_cue((i..tokens.len().min(i + 4)).map(tok)),
                TokenKind::Abbreviation => (lex.word(tok(i)), None),
                _ => (None, None),
            };
            // A capitalised cue word inside a sentence is part of a name: "Secretary of *State*
            // John Kerry said", "*State* Department spokesman Mark Toner said".
            let named = !first && tok(i).starts_with(char::is_uppercase);
            classes.push(class);
            cues.push(cue.filter(|_| !named));
        }
        Doc {
            text,
            tokens,
            sentences,
            lex,
            classes,
            cues,
        }
    }

    /// The text of token `i` (empty past the end).
    pub fn tok(&self, i: usize) -> &'a str {
        self.tokens
            .get(i)
            .and_then(|t| self.text.get(t.span.range()))
            .unwrap_or("")
    }

    /// The kind of token `i`.
    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.tokens.get(i).map(|t| t.kind)
    }

    /// Byte offset where token `i` starts (the text length past the end).
    pub fn start_of(&self, i: usize) -> usize {
        self.tokens
            .get(i)
            .map_or(self.text.len(), |t| t.span.start as usize)
    }

    /// The names stage's mention that covers the start of token `i`, if any (`mentions` are in
    /// text order).
    pub fn mention_at<'m>(&self, mentions: &'m [Mention], i: usize) -> Option<&'m Mention> {
        let at = self.start_of(i) as u32;
        let k = mentions.partition_point(|m| m.span.end <= at);
        mentions.get(k).filter(|m| m.span.start <= at)
    }

    /// Byte offset where token `i` ends (the text length past the end).
    pub fn end_of(&self, i: usize) -> usize {
        self.tokens
            .get(i)
            .map_or(self.text.len(), |t| t.span.end as usize)
    }

    /// The tokens that lie wholly inside `start..end`.
    pub fn tokens_in(&self, start: usize, end: usize) -> Range<usize> {
        let first = self
            .tokens
            .partition_point(|t| (t.span.start as usize) < start);
        let last = self
            .tokens
            .partition_point(|t| (t.span.end as usize) <= end);
        first..last.max(first)
    }

    /// The sentence holding byte `at`, or an empty span at `at` when none does.
    pub fn sentence_at(&self, at: usize) -> ByteSpan {
        let i = self.sentences.partition_point(|s| (s.end as usize) <= at);
        match self.sentences.get(i) {
            Some(s) if s.start as usize <= at => *s,
            _ => ByteSpan::new(at, at),
        }
    }

    /// The number of sentences that end at or before byte `at`: the index of the sentence
    /// holding it, or of the next one when it lies between sentences.
    pub fn sentence_index(&self, at: usize) -> usize {
        self.sentences.partition_point(|s| (s.end as usize) <= at)
    }

    /// The paragraph (line) holding byte `at`, as a byte range.
    pub fn paragraph_at(&self, at: usize) -> Range<usize> {
        let at = at.min(self.text.len());
        let bytes = self.text.as_bytes();
        let start = bytes[..at]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        let end = bytes[at..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |p| at + p);
        start..end
    }

    /// The cue starting at token `i`, if any.
    pub fn cue_at(&self, i: usize, limit: usize) -> Option<CueMatch> {
        if i >= limit {
            return None;
        }
        let found = self.cues.get(i).copied().flatten()?;
        if i + found.len <= limit {
            return Some(found);
        }
        // A longer cue runs past the limit: a shorter one may still fit.
        let words = (i..limit.min(i + 4)).map(|j| self.tok(j));
        self.lex.cue(words).filter(|m| i + m.len <= limit)
    }

    /// Whether token `i` belongs to the word class `class`.
    pub fn is(&self, i: usize, class: WordClass) -> bool {
        self.classes.get(i).copied().flatten() == Some(class)
    }

    /// Whether token `i` is a word or abbreviation that starts with a capital letter.
    pub fn is_capitalised(&self, i: usize) -> bool {
        matches!(
            self.kind(i),
            Some(TokenKind::Word | TokenKind::Abbreviation)
        ) && self.tok(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether token `i` is a word written all in lower case.
    pub fn is_lower_word(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Word)
            && self.tok(i).chars().next().is_some_and(char::is_lowercase)
    }

    /// Whether token `i` is the punctuation `p`.
    pub fn is_punct(&self, i: usize, p: &str) -> bool {
        self.kind(i) == Some(TokenKind::Punct) && self.tok(i) == p
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::Segmenter;

    #[test]
    fn look_ups_stay_in_bounds() {
        let text = "Kim said so.\nShe added more.";
        let seg = Segmenter::new().segment_text(text);
        let lex = Lexicon::english();
        let doc = Doc::new(text, &seg.tokens, &seg.sentence_spans, &lex);
        assert_eq!(doc.tok(1), "said");
        assert_eq!(doc.tok(99), "");
        assert_eq!(doc.paragraph_at(15), 13..text.len());
        assert_eq!(doc.paragraph_at(0), 0..12);
        assert_eq!(doc.tokens_in(0, 12), 0..4);
        assert_eq!(doc.sentence_at(14).start, 13);
        assert_eq!(doc.sentence_at(999), ByteSpan::new(999, 999));
        assert!(doc.cue_at(1, 4).is_some());
        assert!(doc.is_capitalised(0) && !doc.is_capitalised(1));
    }

    #[test]
    fn a_capitalised_cue_word_inside_a_sentence_is_no_cue() {
        let text = "Says who? The Secretary of State spoke. State officials state it.";
        let seg = Segmenter::new().segment_text(text);
        let lex = Lexicon::english();
        let doc = Doc::new(text, &seg.tokens, &seg.sentence_spans, &lex);
        let at = |word: &str, nth: usize| {
            (0..doc.tokens.len())
                .filter(|&i| doc.tok(i) == word)
                .nth(nth)
                .unwrap_or(usize::MAX)
        };
        let n = doc.tokens.len();
        assert!(doc.cue_at(at("Says", 0), n).is_some());
        assert!(doc.cue_at(at("State", 0), n).is_none());
        assert!(doc.cue_at(at("State", 1), n).is_some());
        assert!(doc.cue_at(at("state", 0), n).is_some());
    }
}
