//! The gist of an article as GDELT's Global Knowledge Graph describes it: its tone, the themes it
//! touches, the people it counts as killed, arrested or displaced, and every amount it gives.
//!
//! The stage runs last and reads the layers before it: tokens and sentences (segment), entities
//! (names, so that "United" in "United States" carries no sentiment), places (a count's place)
//! and dates (so that "2018" and "two years" are no amounts). It fills the contract's `tone`,
//! `themes`, `counts` and `amounts`:
//!
//! - [`tone`]: GKG V1.5 tone from the lexicon in `dictionaries/tone/`;
//! - [`themes`]: every phrase of the taxonomy in `dictionaries/themes/`, with its offset;
//! - [`counts`]: "killed 12 people" → KILL 12 people, typed by `dictionaries/counts.txt`;
//! - [`amounts`]: "$1.13bn profit" → 1130000000 profit, without years, ages, ordinals and
//!   descriptions ("the four great revolutions").
//!
//! Numbers in digits and in words are read once by `numbers`, shared by counts and amounts.

pub mod amounts;
pub mod counts;
pub(crate) mod numbers;
mod object;
mod text;
pub mod themes;
pub mod tone;

use chronicle_core::Article;

use crate::{Layer, Stage};
pub use counts::CountLexicon;
pub use themes::ThemeMatcher;
pub use tone::ToneLexicon;

/// The gist stage: tone, themes, counts and amounts, from lexicons loaded once.
///
/// It exists so that a GKG 2.1 row can be written for every article without any service:
/// everything it needs is embedded at build time.
#[derive(Debug)]
pub struct GistTagger {
    tone: ToneLexicon,
    themes: ThemeMatcher,
    counts: CountLexicon,
}

impl Default for GistTagger {
    fn default() -> Self {
        Self::new()
    }
}

impl GistTagger {
    /// The stage with its embedded lexicons (`dictionaries/tone/`, `dictionaries/themes/`,
    /// `dictionaries/counts.txt`).
    pub fn new() -> Self {
        GistTagger {
            tone: ToneLexicon::embedded(),
            themes: ThemeMatcher::embedded(),
            counts: CountLexicon::embedded(),
        }
    }

    /// The stage with lexicons of the caller's own (tests, users' dictionaries).
    pub fn with_lexicons(tone: ToneLexicon, themes: ThemeMatcher, counts: CountLexicon) -> Self {
        GistTagger {
            tone,
            themes,
            counts,
        }
    }
}

impl Stage for GistTagger {
    fn name(&self) -> &'static str {
        "gist"
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Tokens, Layer::Sentences, Layer::Names, Layer::Dates]
    }

    fn provides(&self) -> &'static [Layer] {
        &[Layer::Gist]
    }

    fn annotate(&self, article: &mut Article) {
        if article.body.len() >= u32::MAX as usize {
            return;
        }
        let doc = text::Doc::new(article);
        let tone = tone::score(&self.tone, &doc);
        let themes = themes::find(&self.themes, &doc);
        let numbers = numbers::find_all(&doc);
        let counts = counts::find(&self.counts, &doc, &numbers);
        let amounts = amounts::find(&doc, &numbers);
        article.tone = Some(tone);
        article.themes = themes;
        article.counts = counts;
        article.amounts = amounts;
    }
}
