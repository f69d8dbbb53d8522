//! Sentences and tokens, as English news needs them.
//!
//! Tokenisation keeps abbreviations whole (`U.S.`, `Mr.`, `p.m.`) and splits possessives
//! (`Korea` `’s`); sentence splitting works over tokens with a small lexicon of abbreviations and
//! sentence-opening words (`segment/*.txt`), so "U.S. President Trump" stays one sentence and
//! "He moved to the U.S. He was 12." becomes two.

mod lexicon;
mod sentences;
mod tokenize;

use chronicle_core::{Article, ByteSpan, Sentence, Token};

pub use lexicon::SegmentLexicon;

use crate::{Layer, Stage};

/// The segment stage: fills `tokens`, `sentence_spans` and `sentence_tokens` of the analysis and
/// the contract's `sentences`.
#[derive(Debug)]
pub struct Segmenter {
    lexicon: SegmentLexicon,
}

impl Default for Segmenter {
    fn default() -> Self {
        Self::new()
    }
}

impl Segmenter {
    /// The segmenter with the embedded English lexicon.
    pub fn new() -> Self {
        Segmenter {
            lexicon: SegmentLexicon::english(),
        }
    }

    /// Tokens and sentence spans of `text`, for callers outside the pipeline (tests, benches).
    pub fn segment_text(&self, text: &str) -> Segmentation {
        let mut tokens = Vec::new();
        let mut ranges = Vec::new();
        if text.len() < u32::MAX as usize {
            tokenize::tokenize(text, &self.lexicon, &mut tokens);
            sentences::split(text, &tokens, &self.lexicon, &mut ranges);
        }
        let spans = ranges
            .iter()
            .map(|r| sentences::span_of(&tokens, r))
            .collect();
        Segmentation {
            tokens,
            sentence_spans: spans,
            sentence_tokens: ranges,
        }
    }
}

/// Tokens and sentences of one text, in byte offsets.
#[derive(Debug, Default)]
pub struct Segmentation {
    pub tokens: Vec<Token>,
    pub sentence_spans: Vec<ByteSpan>,
    pub sentence_tokens: Vec<std::ops::Range<usize>>,
}

impl Stage for Segmenter {
    fn name(&self) -> &'static str {
        "segment"
    }

    fn requires(&self) -> &'static [Layer] {
        &[]
    }

    fn provides(&self) -> &'static [Layer] {
        &[Layer::Tokens, Layer::Sentences]
    }

    fn annotate(&self, article: &mut Article) {
        let seg = self.segment_text(&article.body);
        let index = &article.analysis.index;
        article.sentences = seg
            .sentence_spans
            .iter()
            .map(|s| {
                let (start, end) = index.chars(s.start as usize, s.end as usize);
                Sentence { start, end }
            })
            .collect();
        article.analysis.tokens = seg.tokens;
        article.analysis.sentence_spans = seg.sentence_spans;
        article.analysis.sentence_tokens = seg.sentence_tokens;
    }
}
