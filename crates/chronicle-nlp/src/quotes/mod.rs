//! Quotations and their speakers (being written: issue 5).

use chronicle_core::Article;

use crate::Stage;

/// Finds quotations and attributes them to speakers.
#[derive(Debug, Default)]
pub struct QuoteFinder {}

impl QuoteFinder {
    /// The finder with its embedded cue lexicon.
    pub fn new() -> Self {
        QuoteFinder {}
    }
}

impl Stage for QuoteFinder {
    fn name(&self) -> &'static str {
        "quotes"
    }

    fn annotate(&self, _article: &mut Article) {}
}
