//! Writing the store out in the formats researchers already load: GDELT 2.0 event rows
//! ([`gdelt`]) and mention rows ([`mentions`]), GKG 2.1 rows ([`gkg`]), the contract's JSON lines ([`jsonl`]) and Parquet
//! ([`parquet`]). Every export streams rows from SQLite; memory does not grow with the store.

pub mod gdelt;
pub mod geography;
pub mod gkg;
pub mod mentions;
pub mod parquet;
pub mod parquet_file;

use std::io::Write;

use rusqlite::Connection;

use crate::error::Result;

/// Writes every stored article as the JSON line `chronicle extract` printed for it, in the
/// order they were stored; returns how many.
pub fn jsonl(conn: &Connection, out: &mut dyn Write) -> Result<u64> {
    let mut st = conn.prepare("SELECT doc, body FROM articles ORDER BY aid")?;
    let mut rows = st.query([])?;
    let mut n = 0;
    while let Some(row) = rows.next()? {
        let doc: String = row.get(0)?;
        let body: String = row.get(1)?;
        out.write_all(crate::contract::with_body(&doc, &body)?.as_bytes())?;
        out.write_all(b"\n")?;
        n += 1;
    }
    Ok(n)
}

/// A span of storing time, from `from` (inclusive) to `to` (exclusive), both `YYYYMMDDHHMMSS`
/// in UTC as the store writes them: the rows one GDELT-style 15-minute slice holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Window {
    pub from: String,
    pub to: String,
}

/// Every stored article rebuilt, in the order stored, handed to `f` with its row id and the
/// time it was stored (`YYYYMMDDHHMMSS`, UTC).
pub fn for_each_article(
    conn: &Connection,
    f: impl FnMut(i64, &str, &chronicle_core::Article) -> Result<()>,
) -> Result<u64> {
    for_each_article_in(conn, None, f)
}

/// [`for_each_article`] over the articles stored within `added` (all when `None`).
pub fn for_each_article_in(
    conn: &Connection,
    added: Option<&Window>,
    mut f: impl FnMut(i64, &str, &chronicle_core::Article) -> Result<()>,
) -> Result<u64> {
    let (from, to) = match added {
        Some(w) => (w.from.as_str(), w.to.as_str()),
        None => ("", "~"),
    };
    let mut st = conn.prepare(
        "SELECT aid, ingested_at, doc, body FROM articles \
         WHERE ingested_at >= ?1 AND ingested_at < ?2 ORDER BY aid",
    )?;
    let mut rows = st.query([from, to])?;
    let mut n = 0;
    while let Some(row) = rows.next()? {
        let aid: i64 = row.get(0)?;
        let added: String = row.get(1)?;
        let doc: String = row.get(2)?;
        let body: String = row.get(3)?;
        f(aid, &added, &crate::contract::article(&doc, &body)?)?;
        n += 1;
    }
    Ok(n)
}

/// A field of a tab-separated row: tabs and line breaks become spaces, so a row stays one line
/// of the right number of columns whatever the text holds.
pub(crate) fn tsv_field(s: &str) -> String {
    s.chars()
        .map(|c| {
            if matches!(c, '\t' | '\n' | '\r') {
                ' '
            } else {
                c
            }
        })
        .collect()
}
