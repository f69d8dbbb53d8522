//! People, organisations, places and groups, with CAMEO actor codes (being written: issue 3).

use chronicle_core::Article;

use crate::Stage;

/// Finds named entities, resolves short names and pronouns, and codes actors.
#[derive(Debug, Default)]
pub struct NameFinder {}

impl NameFinder {
    /// The finder with the embedded dictionaries.
    pub fn new() -> Self {
        NameFinder {}
    }
}

impl Stage for NameFinder {
    fn name(&self) -> &'static str {
        "names"
    }

    fn annotate(&self, _article: &mut Article) {}
}
