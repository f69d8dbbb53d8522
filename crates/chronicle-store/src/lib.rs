//! # chronicle-store
//!
//! Chronicle's embedded database: one SQLite file (bundled SQLite, WAL mode) that keeps every
//! article with all its layers, deduplicates what it is fed, answers queries and writes the
//! formats researchers load.
//!
//! - [`schema`]: the versioned schema and its migrations (`PRAGMA user_version`).
//! - [`StoreSink`]: a [`chronicle_core::Sink`] that stores finished articles, one transaction per
//!   batch ([`IngestSink`] does it on a writer thread of its own, for `chronicle ingest`), skipping an article already stored (same id, same URL or same normalised text) and
//!   linking a near-identical wire copy ([`fingerprint`]'s MinHash) to its original.
//!   Events are merged as GDELT merges them: one row per (date, source, target, code, place),
//!   with NumMentions, NumSources, NumArticles and a mention row for every sentence that
//!   reports it.
//! - [`query`]: events, full-text search (FTS5), timelines, quotes, statistics, as [`Table`]s
//!   that [`render`] prints as aligned text, JSON lines or CSV; [`period`] says which week, month
//!   or year of a timeline an event's date belongs to.
//! - [`browse`]: what the web page asks: pages of events in a chosen order, one article whole,
//!   top actors and actor-to-actor pairs.
//! - [`export`]: GDELT 2.0 event rows, GKG 2.1 rows, the contract's JSON lines, and Parquet;
//!   [`countries`] is the project's one table of country codes (CAMEO, ISO, FIPS) and names,
//!   [`codes`] names CAMEO event codes.
//!
//! The article's contract JSON is stored whole (without its body, which is stored once beside
//! it and indexed for search), so `export --format jsonl` gives back exactly what
//! `chronicle extract` printed; normalised tables hold what queries filter on.
//!
//! Crash safety is SQLite's: a transaction either committed or never happened, so a killed
//! ingest loses only its open batch and a rerun skips what is stored.

pub mod browse;
pub mod codes;
mod contract;
pub mod countries;
pub mod error;
pub mod export;
pub mod fingerprint;
mod geo;
mod ingest;
mod links;
mod merge;
pub mod period;
pub mod query;
pub mod render;
pub mod schema;
mod sink;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

pub use chronicle_core::Held;
pub use error::{Result, StoreError};
pub use ingest::{IngestSink, Stored};
pub use merge::calendar_day;
pub use query::Table;
pub use render::Format;
pub use sink::{IngestCounts, Prepared, StoreSink};

/// An open Chronicle database.
///
/// Exists so that every command opens the file the same way: WAL journal, a busy timeout so a
/// reader never fails while the writer commits, and the schema migrated or refused.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens the database at `path` for writing, creating it when absent and migrating it to
    /// the current schema.
    pub fn open(path: &Path) -> Result<Store> {
        let mut conn = Connection::open(path)?;
        configure(&conn)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        schema::migrate(&mut conn, path)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// Opens an existing database for queries and exports; a missing file is an error rather
    /// than a new empty database. An older schema is migrated first (that needs write access).
    pub fn open_existing(path: &Path) -> Result<Store> {
        if !path.exists() {
            return Err(StoreError::Invalid(format!(
                "{}: no such database; create it with `chronicle ingest --db {}`",
                path.display(),
                path.display()
            )));
        }
        let mut conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
        configure(&conn)?;
        if schema::version(&conn)? != schema::LATEST {
            schema::migrate(&mut conn, path)?;
        }
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// The connection, for queries and exports.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Where the database lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A sink that stores articles into this database.
    pub fn into_sink(self) -> Result<StoreSink> {
        StoreSink::new(self.conn)
    }

    /// A sink for a long ingest into this database: written on its own thread, one transaction
    /// per batch.
    pub fn into_ingest_sink(self) -> Result<IngestSink> {
        IngestSink::new(self)
    }

    /// Whether an article with this URL is stored: lets a feed watcher leave a link it has
    /// already stored unfetched.
    pub fn has_url(&self, url: &str) -> Result<bool> {
        use rusqlite::OptionalExtension;
        Ok(self
            .conn
            .prepare_cached("SELECT 1 FROM articles WHERE url = ?1")?
            .query_row([url], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// Whether a feed watcher settled this link before (see [`Store::settle_links`]).
    pub fn is_settled(&self, url: &str) -> Result<bool> {
        links::is_settled(&self.conn, url)
    }

    /// Records links a feed watcher is done with, each with its outcome (`stored`, `gone`,
    /// `refused`…), so that a restart does not fetch them again.
    pub fn settle_links(&self, links: &[(String, String)]) -> Result<()> {
        links::settle(&self.conn, links)
    }

    /// The validators (ETag, Last-Modified) of the last answer of the feed at `url`, as a
    /// feed watcher remembered them.
    pub fn feed_validators(&self, url: &str) -> Result<Option<(Option<String>, Option<String>)>> {
        links::feed_validators(&self.conn, url)
    }

    /// Remembers the validators of the last answer of the feed at `url`, for a conditional GET
    /// after a restart.
    pub fn remember_feed(
        &self,
        url: &str,
        etag: Option<String>,
        last_modified: Option<String>,
    ) -> Result<()> {
        links::remember_feed(&self.conn, url, &(etag, last_modified))
    }

    /// Why `article` would be skipped if stored now, or `None` if it is new. Lets a caller
    /// avoid annotating what is already stored (a rerun after a crash resumes quickly).
    pub fn already_stored(&self, article: &chronicle_core::Article) -> Result<Option<Held>> {
        let hash = fingerprint::text_hash_hex(&article.body);
        sink::find_stored(&self.conn, article, hash.as_deref())
    }
}

fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(Duration::from_secs(30))?;
    // In WAL mode NORMAL loses no committed transaction when the process dies; only a power cut
    // may roll back the last ones, and it never corrupts the file.
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "OFF")?;
    // 64 MiB of page cache (the default is 2 MiB): the unique indexes on id, URL and text hash
    // are written in random order, and a small cache turns every insert into disk reads once
    // the database outgrows it.
    conn.pragma_update(None, "cache_size", -65536)?;
    Ok(())
}
