//! The versioned schema: every migration in order, applied once, each in its own transaction.
//!
//! A database records the version it is at in `PRAGMA user_version` and that it is Chronicle's in
//! `PRAGMA application_id`. Opening a file runs the migrations it lacks; a file from a newer
//! Chronicle, or another program's database, is refused with a message saying what to do.

use std::path::Path;

use rusqlite::Connection;

use crate::error::{Result, StoreError};

/// `PRAGMA application_id` of a Chronicle database ("CHRN" in ASCII), so that `file(1)`-style
/// tools and Chronicle itself recognise the file.
pub const APPLICATION_ID: i64 = 0x4348_524E;

/// Migration `i` takes a database from version `i` to version `i + 1`.
const MIGRATIONS: &[&str] = &[
    V1_CORE,
    V2_SEARCH,
    V3_EVENT_ORDERS,
    V4_PRECISION_AND_GEOGRAPHY,
    V5_QUOTE_SPANS,
    V6_WATCHED_LINKS,
];

/// The schema version this build writes.
pub const LATEST: i64 = MIGRATIONS.len() as i64;

/// Version 1: articles with their contract JSON, the layers queries need, events with their
/// mentions and GDELT-style counts, and the near-duplicate index (MinHash bands).
const V1_CORE: &str = r#"
CREATE TABLE articles (
    aid         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    url         TEXT,
    source      TEXT,
    published   TEXT,
    title       TEXT,
    body        TEXT NOT NULL,
    text_hash   TEXT UNIQUE,
    minhash     BLOB,
    copy_of     INTEGER REFERENCES articles(aid),
    tone        REAL,
    ingested_at TEXT NOT NULL,
    doc         TEXT NOT NULL
);
CREATE UNIQUE INDEX articles_url ON articles(url) WHERE url IS NOT NULL;
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_copy_of ON articles(copy_of) WHERE copy_of IS NOT NULL;

CREATE TABLE minhash_bands (
    band  INTEGER NOT NULL,
    value INTEGER NOT NULL,
    aid   INTEGER NOT NULL,
    PRIMARY KEY (band, value, aid)
) WITHOUT ROWID;

CREATE TABLE entities (
    aid       INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char   INTEGER NOT NULL,
    text      TEXT NOT NULL,
    type      TEXT NOT NULL,
    canonical TEXT NOT NULL,
    actor     TEXT
);
CREATE INDEX entities_aid ON entities(aid);
CREATE INDEX entities_canonical ON entities(canonical);
CREATE INDEX entities_actor ON entities(actor) WHERE actor IS NOT NULL;

CREATE TABLE quotes (
    aid           INTEGER NOT NULL,
    start_char    INTEGER NOT NULL,
    end_char      INTEGER NOT NULL,
    text          TEXT NOT NULL,
    kind          TEXT NOT NULL,
    speaker       TEXT,
    speaker_actor TEXT,
    cue           TEXT
);
CREATE INDEX quotes_aid ON quotes(aid);
CREATE INDEX quotes_speaker ON quotes(speaker COLLATE NOCASE);

CREATE TABLE places (
    aid        INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char   INTEGER NOT NULL,
    text       TEXT NOT NULL,
    name       TEXT NOT NULL,
    country    TEXT,
    lat        REAL,
    lon        REAL,
    geonameid  INTEGER
);
CREATE INDEX places_aid ON places(aid, name);

CREATE TABLE events (
    event_id     INTEGER PRIMARY KEY,
    day          TEXT NOT NULL,
    source       TEXT NOT NULL,
    target       TEXT NOT NULL,
    code         TEXT NOT NULL,
    place        TEXT NOT NULL,
    day_num      INTEGER,
    iso_week     TEXT,
    plover       TEXT,
    goldstein    REAL,
    quad_class   INTEGER,
    num_mentions INTEGER NOT NULL DEFAULT 0,
    num_sources  INTEGER NOT NULL DEFAULT 0,
    num_articles INTEGER NOT NULL DEFAULT 0,
    first_aid    INTEGER NOT NULL,
    date_added   TEXT NOT NULL,
    UNIQUE (day, source, target, code, place)
);
CREATE INDEX events_source ON events(source, day_num);
CREATE INDEX events_target ON events(target, day_num);
CREATE INDEX events_day ON events(day_num);
CREATE INDEX events_code ON events(code);

CREATE TABLE mentions (
    event_id    INTEGER NOT NULL,
    aid         INTEGER NOT NULL,
    ordinal     INTEGER NOT NULL,
    sentence    INTEGER NOT NULL,
    trigger_text TEXT NOT NULL,
    rule        TEXT NOT NULL,
    date_basis  TEXT NOT NULL,
    context     TEXT NOT NULL,
    source_text TEXT,
    target_text TEXT,
    PRIMARY KEY (aid, ordinal)
);
CREATE INDEX mentions_event ON mentions(event_id);

CREATE TABLE event_stories (
    event_id INTEGER NOT NULL,
    story    INTEGER NOT NULL,
    PRIMARY KEY (event_id, story)
) WITHOUT ROWID;

CREATE TABLE event_sources (
    event_id INTEGER NOT NULL,
    source   TEXT NOT NULL,
    PRIMARY KEY (event_id, source)
) WITHOUT ROWID;
"#;

/// Version 2: full-text search over titles and bodies (FTS5, external content: the text is
/// stored once, in `articles`), filled for the articles already stored. New articles are
/// indexed by the sink's own INSERT, not a trigger: a trigger makes every insert a statement
/// savepoint, at which FTS5 flushes its pending terms, and the index then spends its time
/// merging one-article segments.
const V2_SEARCH: &str = r#"
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body, content = 'articles', content_rowid = 'aid'
);
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
"#;

/// Version 3: indexes in the orders a page of events can be asked for
/// ([`crate::browse::EventSort`]), so that `chronicle serve` reads a page of 50 from the index
/// instead of sorting every matching event on each request (the expressions must match the
/// `ORDER BY` terms exactly for SQLite to use them).
const V3_EVENT_ORDERS: &str = r#"
CREATE INDEX events_by_date ON events((day_num IS NULL), day_num, num_mentions DESC);
CREATE INDEX events_by_date_desc ON events((day_num IS NULL), day_num DESC, num_mentions DESC);
CREATE INDEX events_by_mentions ON events(num_mentions DESC);
CREATE INDEX events_by_goldstein ON events((goldstein IS NULL), goldstein);
"#;

/// Version 4: honest dates and places for the exports.
/// - `events.date_precision` (`day`, `week`, `month`, `season`, `year`, `decade`, `none`; see
///   [`crate::period::Precision`]), filled for the events already stored.
/// - `events.scope`: 0 for a dated event, the story's article row for one with no calendar
///   date, so that undated events are merged only within one story, never across articles
///   (the merge key becomes (day, source, target, code, place, scope); SQLite cannot change a
///   table's UNIQUE constraint in place, so the table is rebuilt). Events merged before this
///   version keep their rows.
/// - `places.kind` and `places.admin1`: the gazetteer's kind of place and first-level division.
/// - `mentions.action_place`, `actor1_place`, `actor2_place`: where the mention's action and
///   its two actors are placed, as the `start_char` of a place row of the same article.
const V4_PRECISION_AND_GEOGRAPHY: &str = r#"
CREATE TABLE events_v4 (
    event_id       INTEGER PRIMARY KEY,
    day            TEXT NOT NULL,
    source         TEXT NOT NULL,
    target         TEXT NOT NULL,
    code           TEXT NOT NULL,
    place          TEXT NOT NULL,
    scope          INTEGER NOT NULL DEFAULT 0,
    date_precision TEXT NOT NULL DEFAULT 'none',
    day_num        INTEGER,
    iso_week       TEXT,
    plover         TEXT,
    goldstein      REAL,
    quad_class     INTEGER,
    num_mentions   INTEGER NOT NULL DEFAULT 0,
    num_sources    INTEGER NOT NULL DEFAULT 0,
    num_articles   INTEGER NOT NULL DEFAULT 0,
    first_aid      INTEGER NOT NULL,
    date_added     TEXT NOT NULL,
    UNIQUE (day, source, target, code, place, scope)
);
INSERT INTO events_v4 (event_id, day, source, target, code, place, scope, date_precision,
    day_num, iso_week, plover, goldstein, quad_class, num_mentions, num_sources, num_articles,
    first_aid, date_added)
SELECT event_id, day, source, target, code, place, 0, {precision},
    day_num, iso_week, plover, goldstein, quad_class, num_mentions, num_sources, num_articles,
    first_aid, date_added
FROM events;
DROP TABLE events;
ALTER TABLE events_v4 RENAME TO events;
CREATE INDEX events_source ON events(source, day_num);
CREATE INDEX events_target ON events(target, day_num);
CREATE INDEX events_day ON events(day_num);
CREATE INDEX events_code ON events(code);
CREATE INDEX events_by_date ON events((day_num IS NULL), day_num, num_mentions DESC);
CREATE INDEX events_by_date_desc ON events((day_num IS NULL), day_num DESC, num_mentions DESC);
CREATE INDEX events_by_mentions ON events(num_mentions DESC);
CREATE INDEX events_by_goldstein ON events((goldstein IS NULL), goldstein);

ALTER TABLE places ADD COLUMN kind TEXT;
ALTER TABLE places ADD COLUMN admin1 TEXT;
CREATE INDEX places_start ON places(aid, start_char);

ALTER TABLE mentions ADD COLUMN action_place INTEGER;
ALTER TABLE mentions ADD COLUMN actor1_place INTEGER;
ALTER TABLE mentions ADD COLUMN actor2_place INTEGER;
"#;

/// Version 5: where a quote's speaker and cue stand in the body (character offsets) and the
/// utterance its piece belongs to. Quotes stored before stay without them (NULL): their
/// articles carry no such fields to fill them from.
const V5_QUOTE_SPANS: &str = r#"
ALTER TABLE quotes ADD COLUMN speaker_start INTEGER;
ALTER TABLE quotes ADD COLUMN speaker_end INTEGER;
ALTER TABLE quotes ADD COLUMN cue_start INTEGER;
ALTER TABLE quotes ADD COLUMN cue_end INTEGER;
ALTER TABLE quotes ADD COLUMN utterance INTEGER;
"#;

/// Version 6: the links `chronicle watch` is done with (stored, stored under the address they
/// redirect to, refused, gone), so that a restarted watcher fetches none of them again; the
/// validators of each feed's last answer, so that a restarted watcher (or `--once` from cron)
/// asks for it conditionally; and an index on storing time, which each published 15-minute
/// slice reads.
const V6_WATCHED_LINKS: &str = r#"
CREATE TABLE watched_links (
    url      TEXT PRIMARY KEY,
    outcome  TEXT NOT NULL,
    at       TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE watched_feeds (
    url            TEXT PRIMARY KEY,
    etag           TEXT,
    last_modified  TEXT,
    at             TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX articles_ingested ON articles(ingested_at);
"#;

/// The schema version of an open database.
pub fn version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Brings the database at `path` to [`LATEST`], or refuses it with a message saying what to do.
pub fn migrate(conn: &mut Connection, path: &Path) -> Result<()> {
    migrate_to(conn, path, LATEST)
}

/// Brings the database to version `target` (tests build older databases with it).
pub fn migrate_to(conn: &mut Connection, path: &Path, target: i64) -> Result<()> {
    let found = version(conn)?;
    if found > LATEST {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found,
            known: LATEST,
        });
    }
    let app_id: i64 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
    if (found == 0 && tables > 0) || (found > 0 && app_id != APPLICATION_ID) {
        return Err(StoreError::Foreign {
            path: path.to_path_buf(),
        });
    }
    for (from, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let to = from as i64 + 1;
        if to > target {
            break;
        }
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Exclusive)?;
        // Another process may have migrated while this one waited for the lock.
        if version(&tx)? != from as i64 {
            continue;
        }
        tx.execute_batch(&sql.replace("{precision}", crate::period::PRECISION_SQL))?;
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.pragma_update(None, "user_version", to)?;
        tx.commit()?;
    }
    Ok(())
}
