//! Where finished articles go.

use crate::Article;

/// The receiver of finished articles: JSON on standard output, the store, an exporter.
///
/// The pipeline hands each article, in input order, to a sink that the caller chose, and never
/// knows which one it is (as ripgrep's searcher hands matches to a `Sink`).
pub trait Sink {
    /// The error a sink can fail with (an I/O error, a database error).
    type Error;

    /// Takes one finished article.
    fn accept(&mut self, article: &Article) -> Result<(), Self::Error>;

    /// Called once after the last article: flush, commit, close.
    fn finish(&mut self) -> Result<(), Self::Error> {
        Ok(())
    }
}
