//! Parquet exports of the store's tables, typed for analysis: counts as INT64, Goldstein and
//! tone as DOUBLE, days as DATE, codes and texts as UTF-8 strings.

use std::fs::File;
use std::io::BufWriter;
use std::path::Path;

use rusqlite::Connection;

use crate::error::Result;
use crate::export::parquet_file::{Column, Kind, ParquetWriter};

/// The tables a Parquet export can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParquetTable {
    /// One row per merged event, with its GDELT-style counts.
    Events,
    /// One row per article: metadata, body and layer sizes.
    Articles,
}

/// Days since 1970-01-01 of an ISO date column, in SQL (NULL stays NULL).
macro_rules! days {
    ($e:expr) => {
        concat!("CAST(julianday(", $e, ") - 2440587.5 AS INTEGER)")
    };
}

const EVENTS_SQL: &str = concat!(
    "SELECT e.event_id, e.day, ",
    days!("printf('%04d-%02d-%02d', e.day_num / 10000, e.day_num / 100 % 100, e.day_num % 100)"),
    ", e.date_precision, e.source, e.target, e.code, e.plover, e.goldstein, e.quad_class, \
     e.num_mentions, e.num_sources, e.num_articles, e.place, e.iso_week, coalesce(a.url, a.id), \
     e.date_added FROM events e JOIN articles a ON a.aid = e.first_aid ORDER BY e.event_id"
);

const EVENTS: &[Column] = &[
    Column {
        name: "event_id",
        kind: Kind::Int64,
    },
    Column {
        name: "day",
        kind: Kind::Utf8,
    },
    Column {
        name: "date",
        kind: Kind::Date,
    },
    Column {
        name: "date_precision",
        kind: Kind::Utf8,
    },
    Column {
        name: "source",
        kind: Kind::Utf8,
    },
    Column {
        name: "target",
        kind: Kind::Utf8,
    },
    Column {
        name: "code",
        kind: Kind::Utf8,
    },
    Column {
        name: "plover",
        kind: Kind::Utf8,
    },
    Column {
        name: "goldstein",
        kind: Kind::Double,
    },
    Column {
        name: "quad_class",
        kind: Kind::Int64,
    },
    Column {
        name: "num_mentions",
        kind: Kind::Int64,
    },
    Column {
        name: "num_sources",
        kind: Kind::Int64,
    },
    Column {
        name: "num_articles",
        kind: Kind::Int64,
    },
    Column {
        name: "place",
        kind: Kind::Utf8,
    },
    Column {
        name: "iso_week",
        kind: Kind::Utf8,
    },
    Column {
        name: "source_url",
        kind: Kind::Utf8,
    },
    Column {
        name: "date_added",
        kind: Kind::Utf8,
    },
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
    Column {
        name: "article_rowid",
        kind: Kind::Int64,
    },
    Column {
        name: "id",
        kind: Kind::Utf8,
    },
    Column {
        name: "url",
        kind: Kind::Utf8,
    },
    Column {
        name: "source",
        kind: Kind::Utf8,
    },
    Column {
        name: "published",
        kind: Kind::Date,
    },
    Column {
        name: "title",
        kind: Kind::Utf8,
    },
    Column {
        name: "body",
        kind: Kind::Utf8,
    },
    Column {
        name: "copy_of",
        kind: Kind::Int64,
    },
    Column {
        name: "tone",
        kind: Kind::Double,
    },
    Column {
        name: "ingested_at",
        kind: Kind::Utf8,
    },
    Column {
        name: "entities",
        kind: Kind::Int64,
    },
    Column {
        name: "quotes",
        kind: Kind::Int64,
    },
    Column {
        name: "event_mentions",
        kind: Kind::Int64,
    },
];

/// Writes `table` to a Parquet file at `path`; returns the row count.
pub fn write(conn: &Connection, table: ParquetTable, path: &Path) -> Result<i64> {
    let (sql, columns) = match table {
        ParquetTable::Events => (EVENTS_SQL, EVENTS),
        ParquetTable::Articles => (ARTICLES_SQL, ARTICLES),
    };
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
