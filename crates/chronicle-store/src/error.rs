//! What can go wrong with the store, in words that tell the user what to do.

use std::path::PathBuf;

/// An error of the store: the database file, its schema, or a query.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite said no (a locked file, a full disk, a corrupt page).
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The file was written by a newer Chronicle.
    #[error(
        "{path}: schema version {found} is newer than this chronicle knows ({known}); \
         upgrade chronicle, or ingest into a new --db file"
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    /// The file is an SQLite database of some other program.
    #[error(
        "{path}: not a Chronicle database (it has tables of another program); \
         give a new --db file name"
    )]
    Foreign { path: PathBuf },
    /// An article could not be turned into the contract JSON or back.
    #[error("article JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// Writing an export failed.
    #[error("cannot write: {0}")]
    Io(#[from] std::io::Error),
    /// Storing one article failed (the ingest writer names it).
    #[error("cannot store article {id}")]
    Article {
        id: String,
        #[source]
        source: Box<StoreError>,
    },
    /// Committing a batch failed.
    #[error("cannot commit a batch")]
    Commit(#[source] Box<StoreError>),
    /// The ingest's writer thread died without an error of its own.
    #[error("the database writer panicked")]
    WriterPanicked,
    /// A query argument the store cannot use (a malformed date, an empty search).
    #[error("{0}")]
    Invalid(String),
}

/// Results of the store.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;
