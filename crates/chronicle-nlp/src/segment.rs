//! Sentences and tokens (being written).

use chronicle_core::Article;

use crate::Stage;

/// Splits the body into tokens and sentences.
#[derive(Debug, Default)]
pub struct Segmenter {}

impl Segmenter {
    pub fn new() -> Self {
        Segmenter {}
    }
}

impl Stage for Segmenter {
    fn name(&self) -> &'static str {
        "segment"
    }

    fn annotate(&self, _article: &mut Article) {}
}
