//! Time expressions: every date an article mentions, resolved against its publication date.
//!
//! (Being written: see issue 4.)

use chronicle_core::Article;

use crate::Stage;

/// Finds TIMEX3 expressions and resolves them against the article's publication date.
#[derive(Debug, Default)]
pub struct TimeTagger {}

impl TimeTagger {
    /// The tagger with its embedded lexicons.
    pub fn new() -> Self {
        TimeTagger {}
    }
}

impl Stage for TimeTagger {
    fn name(&self) -> &'static str {
        "time"
    }

    fn annotate(&self, _article: &mut Article) {}
}
