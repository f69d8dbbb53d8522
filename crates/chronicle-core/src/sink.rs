//! Where finished articles go.

use crate::Article;

/// The receiver of finished articles: JSON on standard output, the store, an HTTP response.
///
/// The driver hands each article, in input order, to a sink that the caller chose, and never
/// knows which one it is (as ripgrep's searcher hands matches to a `Sink`). A sink that keeps
/// what it was given (the store) says so through [`Sink::skip`] before an article is annotated,
/// so that a rerun does not annotate again what is already kept.
pub trait Sink {
    /// The error a sink can fail with (an I/O error, a database error).
    type Error;

    /// Why the sink already holds `article`, asked before it is annotated (its body is clean,
    /// its layers empty); a held article is counted and goes no further. Nothing is held by
    /// default.
    fn skip(&mut self, _article: &Article) -> Result<Option<Held>, Self::Error> {
        Ok(None)
    }

    /// Takes one finished article.
    fn accept(&mut self, article: Article) -> Result<Flow, Self::Error>;

    /// Takes the finished articles of one batch, in input order. A sink overrides it to spread
    /// its own work over the cores (rendering JSON, fingerprinting) or to commit once a batch;
    /// by default each article goes to [`Sink::accept`].
    fn accept_batch(&mut self, articles: Vec<Article>) -> Result<Flow, Self::Error> {
        for article in articles {
            if self.accept(article)? == Flow::Stop {
                return Ok(Flow::Stop);
            }
        }
        Ok(Flow::Go)
    }

    /// Called once after the last article: flush, commit, close.
    fn finish(&mut self) -> Result<(), Self::Error> {
        Ok(())
    }
}

/// Whether a sink wants more articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// Go on.
    Go,
    /// Stop reading: whoever reads the output went away (a closed pipe, as `head` and Spark's
    /// `take()` close it). Not an error.
    Stop,
}

/// Why a sink already holds an article: the same id, URL or normalised text was kept before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Held {
    /// An article with the same id.
    Id,
    /// An article with the same URL.
    Url,
    /// An article with the same normalised text.
    Text,
}

impl Held {
    /// Every reason, in the order summaries list them.
    pub const ALL: [Held; 3] = [Held::Id, Held::Url, Held::Text];

    /// How a summary or a response names it (`same id`).
    pub fn label(self) -> &'static str {
        match self {
            Held::Id => "same id",
            Held::Url => "same url",
            Held::Text => "same text",
        }
    }
}
