//! Parquet exports of the store's tables, typed for analysis: counts as INT64, Goldstein and
//! tone as DOUBLE, days as DATE, codes and texts as UTF-8 strings; the names of CAMEO codes and
//! countries beside the codes. `docs/schema.md` lists every table's columns.

use std::fs::File;
use std::io::BufWriter;
use std::path::Path;

use rusqlite::Connection;

use crate::error::Result;
use crate::export::parquet_file::{Column, Kind, ParquetWriter};
use Kind::{Date, Double, Int64, Utf8};

/// The tables a Parquet export can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParquetTable {
    /// One row per merged event, with its GDELT-style counts and the names of its codes.
    Events,
    /// One row per article: metadata, body and layer sizes.
    Articles,
    /// One row per event mention (GDELT 2.0's Mentions): event, article, sentence, words.
    Mentions,
    /// One row per quotation, with its speaker.
    Quotes,
    /// One row per entity mention (person, organisation, place, group), with its actor code.
    Entities,
    /// One row per place mention, with its country and point.
    Places,
}

/// Days since 1970-01-01 of an ISO date column, in SQL (NULL stays NULL).
macro_rules! days {
    ($e:expr) => {
        concat!("CAST(julianday(", $e, ") - 2440587.5 AS INTEGER)")
    };
}

/// A column of the schema.
const fn col(name: &'static str, kind: Kind) -> Column {
    Column { name, kind }
}

const EVENTS_SQL: &str = concat!(
    "SELECT e.event_id, e.day, ",
    days!("printf('%04d-%02d-%02d', e.day_num / 10000, e.day_num / 100 % 100, e.day_num % 100)"),
    ", e.date_precision, e.source, e.target, e.code, e.plover, e.goldstein, e.quad_class, \
     e.num_mentions, e.num_sources, e.num_articles, e.place, e.iso_week, coalesce(a.url, a.id), \
     e.date_added, n.name, s.name, t.name FROM events e JOIN articles a ON a.aid = e.first_aid \
     LEFT JOIN temp.code_names n ON n.code = e.code \
     LEFT JOIN temp.country_names s ON s.cameo = substr(e.source, 1, 3) \
     LEFT JOIN temp.country_names t ON t.cameo = substr(e.target, 1, 3) \
     ORDER BY e.event_id"
);

const EVENTS: &[Column] = &[
    col("event_id", Int64),
    col("day", Utf8),
    col("date", Date),
    col("date_precision", Utf8),
    col("source", Utf8),
    col("target", Utf8),
    col("code", Utf8),
    col("plover", Utf8),
    col("goldstein", Double),
    col("quad_class", Int64),
    col("num_mentions", Int64),
    col("num_sources", Int64),
    col("num_articles", Int64),
    col("place", Utf8),
    col("iso_week", Utf8),
    col("source_url", Utf8),
    col("date_added", Utf8),
    col("code_name", Utf8),
    col("source_country", Utf8),
    col("target_country", Utf8),
];

const ARTICLES_SQL: &str = concat!(
    "SELECT a.aid, a.id, a.url, a.source, ",
    days!("a.published"),
    ", a.title, a.body, a.copy_of, a.tone, a.ingested_at, \
     (SELECT count(*) FROM entities WHERE aid = a.aid), \
     (SELECT count(*) FROM quotes WHERE aid = a.aid), \
     (SELECT count(*) FROM mentions WHERE aid = a.aid) \
     FROM articles a ORDER BY a.aid"
);

const ARTICLES: &[Column] = &[
    col("article_rowid", Int64),
    col("id", Utf8),
    col("url", Utf8),
    col("source", Utf8),
    col("published", Date),
    col("title", Utf8),
    col("body", Utf8),
    col("copy_of", Int64),
    col("tone", Double),
    col("ingested_at", Utf8),
    col("entities", Int64),
    col("quotes", Int64),
    col("event_mentions", Int64),
];

const MENTIONS_SQL: &str = "SELECT m.event_id, a.id, m.ordinal, m.sentence, m.trigger_text, \
     m.rule, m.date_basis, m.context, m.source_text, m.target_text, m.action_place, \
     m.actor1_place, m.actor2_place FROM mentions m JOIN articles a ON a.aid = m.aid \
     ORDER BY m.aid, m.ordinal";

const MENTIONS: &[Column] = &[
    col("event_id", Int64),
    col("article_id", Utf8),
    col("ordinal", Int64),
    col("sentence", Int64),
    col("trigger", Utf8),
    col("rule", Utf8),
    col("date_basis", Utf8),
    col("context", Utf8),
    col("source_text", Utf8),
    col("target_text", Utf8),
    col("action_place_start", Int64),
    col("actor1_place_start", Int64),
    col("actor2_place_start", Int64),
];

const QUOTES_SQL: &str = "SELECT a.id, q.start_char, q.end_char, q.text, q.kind, q.speaker, \
     q.speaker_actor, q.cue FROM quotes q JOIN articles a ON a.aid = q.aid \
     ORDER BY q.aid, q.start_char";

const QUOTES: &[Column] = &[
    col("article_id", Utf8),
    col("start", Int64),
    col("end", Int64),
    col("text", Utf8),
    col("kind", Utf8),
    col("speaker", Utf8),
    col("speaker_actor", Utf8),
    col("cue", Utf8),
];

const ENTITIES_SQL: &str = "SELECT a.id, x.start_char, x.end_char, x.text, x.type, x.canonical, \
     x.actor, c.name FROM entities x JOIN articles a ON a.aid = x.aid \
     LEFT JOIN temp.country_names c ON c.cameo = substr(x.actor, 1, 3) \
     ORDER BY x.aid, x.start_char";

const ENTITIES: &[Column] = &[
    col("article_id", Utf8),
    col("start", Int64),
    col("end", Int64),
    col("text", Utf8),
    col("type", Utf8),
    col("canonical", Utf8),
    col("actor", Utf8),
    col("actor_country", Utf8),
];

const PLACES_SQL: &str = "SELECT a.id, p.start_char, p.end_char, p.text, p.name, p.kind, \
     p.admin1, p.country, c.fips, c.name, p.lat, p.lon, p.geonameid \
     FROM places p JOIN articles a ON a.aid = p.aid \
     LEFT JOIN temp.country_names c ON c.iso2 = p.country \
     ORDER BY p.aid, p.start_char";

const PLACES: &[Column] = &[
    col("article_id", Utf8),
    col("start", Int64),
    col("end", Int64),
    col("text", Utf8),
    col("name", Utf8),
    col("kind", Utf8),
    col("admin1", Utf8),
    col("country_iso2", Utf8),
    col("country_fips", Utf8),
    col("country_name", Utf8),
    col("lat", Double),
    col("lon", Double),
    col("geonameid", Int64),
];

/// The columns of `table`, in order.
pub fn columns(table: ParquetTable) -> &'static [Column] {
    match table {
        ParquetTable::Events => EVENTS,
        ParquetTable::Articles => ARTICLES,
        ParquetTable::Mentions => MENTIONS,
        ParquetTable::Quotes => QUOTES,
        ParquetTable::Entities => ENTITIES,
        ParquetTable::Places => PLACES,
    }
}

/// Writes `table` to a Parquet file at `path`; returns the row count.
pub fn write(conn: &Connection, table: ParquetTable, path: &Path) -> Result<i64> {
    let sql = match table {
        ParquetTable::Events => EVENTS_SQL,
        ParquetTable::Articles => ARTICLES_SQL,
        ParquetTable::Mentions => MENTIONS_SQL,
        ParquetTable::Quotes => QUOTES_SQL,
        ParquetTable::Entities => ENTITIES_SQL,
        ParquetTable::Places => PLACES_SQL,
    };
    let columns = columns(table);
    name_tables(conn)?;
    let out = BufWriter::with_capacity(1 << 20, File::create(path)?);
    let mut writer = ParquetWriter::new(out, columns.to_vec())?;
    let mut st = conn.prepare(sql)?;
    let mut rows = st.query([])?;
    while let Some(row) = rows.next()? {
        writer.push(&crate::query::cells(row, columns.len())?)?;
    }
    let (_, n) = writer.finish()?;
    Ok(n)
}

/// The names of CAMEO event codes and countries as temporary tables of this connection, for
/// the exports' name columns to join (nothing is written to the database file).
fn name_tables(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "CREATE TEMP TABLE IF NOT EXISTS code_names (code TEXT PRIMARY KEY, name TEXT); \
         CREATE TEMP TABLE IF NOT EXISTS country_names \
             (cameo TEXT PRIMARY KEY, iso2 TEXT, fips TEXT, name TEXT); \
         CREATE INDEX IF NOT EXISTS temp.country_names_iso2 ON country_names(iso2); \
         DELETE FROM temp.code_names; DELETE FROM temp.country_names;",
    )?;
    let mut st = conn.prepare("INSERT OR IGNORE INTO temp.code_names VALUES (?1, ?2)")?;
    for (code, name) in crate::codes::all() {
        st.execute([code, name])?;
    }
    let mut st =
        conn.prepare("INSERT OR IGNORE INTO temp.country_names VALUES (?1, ?2, ?3, ?4)")?;
    for c in crate::countries::all() {
        st.execute(rusqlite::params![c.cameo, c.iso2, c.fips, c.name])?;
    }
    Ok(())
}
