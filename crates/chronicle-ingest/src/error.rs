//! Errors and warnings about inputs, each naming where it happened.

use std::fmt;
use std::path::PathBuf;

/// Where in the inputs a problem lies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file, or `-` for standard input.
    pub path: PathBuf,
    /// The 1-based line (JSON lines) or record number, when the problem is inside a file.
    pub line: Option<u64>,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        Ok(())
    }
}

/// What went wrong with an input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error("cannot read: {0}")]
    Io(String),
    #[error("not found")]
    NotFound,
    #[error("empty file: no article in it")]
    Empty,
    #[error("binary data, not text ({0})")]
    Binary(String),
    #[error("line longer than {limit} bytes; skipped")]
    LineTooLong { limit: usize },
    #[error("article larger than {limit} bytes; skipped")]
    TooLarge { limit: usize },
    #[error("malformed JSON: {0}")]
    Json(String),
    #[error("{0}")]
    Record(String),
    #[error("truncated or damaged gzip stream: {0}")]
    Gzip(String),
    #[error("{0}")]
    Warc(String),
    #[error("{count} record(s) skipped: {what}")]
    Skipped { count: u64, what: String },
}

impl Problem {
    /// Whether the problem lost input the user gave. Records skipped by design (a WARC's
    /// request and metadata records) are reported but do not fail the run.
    pub fn is_failure(&self) -> bool {
        !matches!(self, Problem::Skipped { .. })
    }
}

/// A problem with one input, or one record of it. The run reports it and goes on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{location}: {problem}")]
pub struct InputError {
    pub location: Location,
    pub problem: Problem,
}

impl InputError {
    pub fn new(path: impl Into<PathBuf>, line: Option<u64>, problem: Problem) -> Self {
        InputError {
            location: Location {
                path: path.into(),
                line,
            },
            problem,
        }
    }
}
