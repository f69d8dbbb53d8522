//! The questions the store answers: events by actor, target, date and code; full-text search;
//! timelines by week, month or year; quotes by speaker; statistics. Each answer is a [`Table`] that
//! [`crate::render`] prints. All SQL is fixed text with `?` parameters: user input never
//! becomes SQL.

use std::collections::BTreeMap;

use rusqlite::types::{ToSql, ValueRef};
use rusqlite::{Connection, Row};

use crate::error::{Result, StoreError};
use crate::merge::{calendar_day, day_number};
use crate::period::{Period, row_of};

/// One value of an answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
}

/// An answer: named columns and rows of cells.
///
/// Exists so that every query prints the same three ways (`--format table|jsonl|csv`) without
/// each command knowing how.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    pub columns: Vec<&'static str>,
    pub rows: Vec<Vec<Cell>>,
}

/// Which events to list. Codes and actors match by prefix (`PRK` matches `PRKGOV`, `12`
/// matches `120` and `1211`), as CAMEO codes nest, in any case (`prk` is `PRK`).
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    /// Prefix of the source actor (GDELT's Actor1), or of either side (see `actor_side`).
    pub actor: Option<String>,
    /// Which side of an event `actor` stands on.
    pub actor_side: ActorSide,
    /// Prefix of the target actor (Actor2).
    pub target: Option<String>,
    /// First day, inclusive: `YYYY-MM-DD`, or a month or year from its first day (`2016-03`,
    /// `2016`).
    pub from: Option<String>,
    /// Last day, inclusive: `YYYY-MM-DD`, or a month or year to its last day.
    pub to: Option<String>,
    /// Prefix of the CAMEO event code.
    pub code: Option<String>,
    pub limit: usize,
}

/// Which side of an event the `actor` filter matches.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ActorSide {
    /// The source (Actor1), as GDELT's Actor1Code.
    #[default]
    Source,
    /// The source or the target: every event the actor takes part in.
    Either,
}

impl std::str::FromStr for ActorSide {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        match s {
            "source" => Ok(ActorSide::Source),
            "either" => Ok(ActorSide::Either),
            _ => Err(format!("{s:?}: expected source or either")),
        }
    }
}

/// Which storing time a [`crate::export::Window`] reads: when an event row was first stored,
/// or when the article of a mention was.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Added {
    Event,
    Article,
}

/// Fixed SQL conditions joined with AND, and their parameters in order.
pub(crate) struct Conditions {
    sql: Vec<&'static str>,
    pub(crate) params: Vec<Box<dyn ToSql>>,
}

impl Conditions {
    pub(crate) fn of(filter: &EventFilter) -> Result<Conditions> {
        let mut c = Conditions {
            sql: Vec::new(),
            params: Vec::new(),
        };
        if let Some(p) = &filter.actor {
            match filter.actor_side {
                ActorSide::Source => c.prefix("e.source >= ? AND e.source < ?", p),
                ActorSide::Either => {
                    c.sql.push(
                        "((e.source >= ? AND e.source < ?) OR (e.target >= ? AND e.target < ?))",
                    );
                    c.range(p);
                    c.range(p);
                }
            }
        }
        if let Some(p) = &filter.target {
            c.prefix("e.target >= ? AND e.target < ?", p);
        }
        if let Some(p) = &filter.code {
            c.prefix("e.code >= ? AND e.code < ?", p);
        }
        if let Some(d) = &filter.from {
            c.sql.push("e.day_num >= ?");
            c.params.push(Box::new(day_arg(d, false)?));
        }
        if let Some(d) = &filter.to {
            c.sql.push("e.day_num <= ?");
            c.params.push(Box::new(day_arg(d, true)?));
        }
        Ok(c)
    }

    /// A prefix match as a range, so that the index serves it and `%`/`_` mean nothing.
    fn prefix(&mut self, sql: &'static str, prefix: &str) {
        self.sql.push(sql);
        self.range(prefix);
    }

    /// The two bounds of a prefix range; codes are upper case, so `prk` finds `PRKGOV`.
    fn range(&mut self, prefix: &str) {
        let prefix = prefix.trim().to_ascii_uppercase();
        self.params.push(Box::new(format!("{prefix}\u{10FFFF}")));
        self.params.insert(self.params.len() - 1, Box::new(prefix));
    }

    /// Only rows whose `column` (a `YYYYMMDDHHMMSS` storing time) falls in `window`.
    pub(crate) fn added_within(&mut self, column: Added, window: &crate::export::Window) {
        self.sql.push(match column {
            Added::Event => "e.date_added >= ? AND e.date_added < ?",
            Added::Article => "a.ingested_at >= ? AND a.ingested_at < ?",
        });
        self.params.push(Box::new(window.from.clone()));
        self.params.push(Box::new(window.to.clone()));
    }

    pub(crate) fn where_clause(&self) -> String {
        if self.sql.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.sql.join(" AND "))
        }
    }
}

/// A `--from` or `--to` day: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, a period standing for its first
/// day, or its last when it ends a range (`--to 2016` is 31 December 2016).
fn day_arg(value: &str, end: bool) -> Result<i64> {
    let value = value.trim();
    let bad = || {
        StoreError::Invalid(format!(
            "{value:?}: expected a date YYYY-MM-DD, YYYY-MM or YYYY"
        ))
    };
    let shape_ok = matches!(value.len(), 4 | 7 | 10)
        && value.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !shape_ok {
        return Err(bad());
    }
    let first = calendar_day(value).ok_or_else(bad)?;
    let day = match (end, value.len()) {
        (true, 4) => jiff::civil::Date::new(first.year(), 12, 31).map_err(|_| bad())?,
        (true, 7) => first.last_of_month(),
        _ => first,
    };
    Ok(day_number(day))
}

/// Events matching `filter`, newest day first (undated last), most mentioned first within a
/// day, with the names of their codes; at most `filter.limit` rows, plus one more when more
/// match, so a caller can say the list was cut.
pub fn events(conn: &Connection, filter: &EventFilter) -> Result<Table> {
    let c = Conditions::of(filter)?;
    let sql = format!(
        "SELECT e.event_id, e.day, e.source, e.target, e.code, e.quad_class, e.goldstein, \
         e.num_mentions, e.num_sources, e.num_articles, e.place, coalesce(a.url, a.id) \
         FROM events e JOIN articles a ON a.aid = e.first_aid {} \
         ORDER BY e.day_num IS NULL, e.day_num DESC, e.num_mentions DESC, e.event_id LIMIT ?",
        c.where_clause()
    );
    let mut params = c.params;
    params.push(Box::new(
        filter.limit.saturating_add(1).min(i64::MAX as usize) as i64,
    ));
    let columns = vec![
        "event_id",
        "date",
        "source",
        "target",
        "code",
        "quad_class",
        "goldstein",
        "mentions",
        "sources",
        "articles",
        "place",
        "first_source_url",
    ];
    let mut table = collect(conn, &sql, &params, columns)?;
    name_codes(&mut table);
    Ok(table)
}

/// Adds the names of an events table's codes after its last column: the CAMEO event's name
/// and the source's and target's countries (`042` "Make a visit", `IRQ` "Iraq").
fn name_codes(table: &mut Table) {
    let at = |name: &str| table.columns.iter().position(|c| *c == name);
    let (Some(code), Some(source), Some(target)) = (at("code"), at("source"), at("target")) else {
        return;
    };
    let country = |cell: &Cell| match cell {
        Cell::Text(t) => t
            .get(..3)
            .and_then(crate::countries::by_cameo)
            .map_or(Cell::Null, |c| Cell::Text(c.name.to_string())),
        _ => Cell::Null,
    };
    for row in &mut table.rows {
        let name = match &row[code] {
            Cell::Text(t) => {
                crate::codes::event_name(t).map_or(Cell::Null, |n| Cell::Text(n.into()))
            }
            _ => Cell::Null,
        };
        let (s, t) = (country(&row[source]), country(&row[target]));
        row.extend([name, s, t]);
    }
    table
        .columns
        .extend(["code_name", "source_country", "target_country"]);
}

/// Articles whose title or body match an FTS5 query, best first, with a snippet around the hit.
/// A query FTS5 cannot parse is retried as plain words.
pub fn search(conn: &Connection, query: &str, limit: usize) -> Result<Table> {
    if query.trim().is_empty() {
        return Err(StoreError::Invalid("empty search".into()));
    }
    let sql = "SELECT a.id, a.published, a.source, a.title, \
               snippet(articles_fts, 1, '[', ']', '…', 16) \
               FROM articles_fts JOIN articles a ON a.aid = articles_fts.rowid \
               WHERE articles_fts MATCH ?1 ORDER BY rank LIMIT ?2";
    let columns = vec!["id", "published", "source", "title", "snippet"];
    let run = |q: String| -> Result<Table> {
        let params: Vec<Box<dyn ToSql>> = vec![Box::new(q), Box::new(limit as i64)];
        collect(conn, sql, &params, columns.clone())
    };
    match run(query.to_string()) {
        // The SQL is fixed, so an SQL error here is the query's FTS5 syntax.
        Err(StoreError::Sqlite(rusqlite::Error::SqliteFailure(e, _)))
            if e.code == rusqlite::ErrorCode::Unknown =>
        {
            run(plain_words(query))
        }
        other => other,
    }
}

/// A query as a sequence of quoted FTS5 strings: every word must occur, operators mean nothing.
fn plain_words(query: &str) -> String {
    query
        .split_whitespace()
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A timeline: one row per period with events, and how many events it could not place.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    /// period, the four quad classes' event counts, events, mentions; oldest period first.
    pub table: Table,
    /// Events the filter selects whose date is coarser than the period (a month in a weekly
    /// timeline) or no calendar time at all, so in no row: said, not silently dropped.
    pub left_out: i64,
}

/// Event counts by `period` and quad class (1 verbal cooperation, 2 material cooperation,
/// 3 verbal conflict, 4 material conflict) for the events `filter` selects. An event counts in a
/// period only when its date is at least that precise ([`row_of`]).
pub fn timeline(conn: &Connection, filter: &EventFilter, period: Period) -> Result<Timeline> {
    let c = Conditions::of(filter)?;
    let sql = format!(
        "SELECT e.day, e.quad_class, count(*), sum(e.num_mentions) FROM events e {} \
         GROUP BY e.day, e.quad_class",
        c.where_clause()
    );
    let mut st = conn.prepare(&sql)?;
    let refs: Vec<&dyn ToSql> = c.params.iter().map(|p| p.as_ref()).collect();
    let mut found = st.query(refs.as_slice())?;
    // Per period: the four quad classes' events, all events, mentions.
    let mut counts: BTreeMap<String, [i64; 6]> = BTreeMap::new();
    let mut left_out = 0;
    while let Some(row) = found.next()? {
        let day: String = row.get(0)?;
        let quad: Option<i64> = row.get(1)?;
        let events: i64 = row.get(2)?;
        let mentions: Option<i64> = row.get(3)?;
        let Some(key) = row_of(&day, period) else {
            left_out += events;
            continue;
        };
        let slot = counts.entry(key).or_default();
        if let Some(q @ 1..=4) = quad {
            slot[q as usize - 1] += events;
        }
        slot[4] += events;
        slot[5] += mentions.unwrap_or(0);
    }
    let rows = counts
        .into_iter()
        .map(|(key, n)| {
            std::iter::once(Cell::Text(key))
                .chain(n.into_iter().map(Cell::Int))
                .collect()
        })
        .collect();
    let table = Table {
        columns: vec![
            period.name(),
            "verbal_coop",
            "material_coop",
            "verbal_conflict",
            "material_conflict",
            "events",
            "mentions",
        ],
        rows,
    };
    Ok(Timeline { table, left_out })
}

/// Quotes whose speaker's name contains `speaker` (any case), or whose speaker's actor code
/// starts with `actor`, in publication order, with where the quote, its speaker mention and
/// its cue stand in the article's body (character offsets) and its utterance number.
pub fn quotes(
    conn: &Connection,
    speaker: Option<&str>,
    actor: Option<&str>,
    limit: usize,
) -> Result<Table> {
    let sql = "SELECT a.id, a.published, q.speaker, q.speaker_actor, q.kind, q.cue, q.text, \
               q.start_char, q.end_char, q.speaker_start, q.speaker_end, q.cue_start, q.cue_end, \
               q.utterance \
               FROM quotes q JOIN articles a ON a.aid = q.aid \
               WHERE (?1 IS NULL OR instr(lower(q.speaker), lower(?1)) > 0) \
               AND (?2 IS NULL OR (q.speaker_actor >= ?2 AND q.speaker_actor < ?2 || char(1114111))) \
               ORDER BY a.published, a.aid, q.start_char LIMIT ?3";
    let params: Vec<Box<dyn ToSql>> = vec![
        Box::new(speaker.map(str::to_string)),
        Box::new(actor.map(str::to_string)),
        Box::new(limit as i64),
    ];
    collect(
        conn,
        sql,
        &params,
        vec![
            "id",
            "published",
            "speaker",
            "speaker_actor",
            "kind",
            "cue",
            "text",
            "start",
            "end",
            "speaker_start",
            "speaker_end",
            "cue_start",
            "cue_end",
            "utterance",
        ],
    )
}

/// What the store holds: counts of every table, the span of publication dates, the schema
/// version and the file's size.
pub fn stats(conn: &Connection) -> Result<Table> {
    let sql = "SELECT 'articles', count(*) FROM articles \
        UNION ALL SELECT 'originals', count(*) FROM articles WHERE copy_of IS NULL \
        UNION ALL SELECT 'near_duplicate_copies', count(*) FROM articles WHERE copy_of IS NOT NULL \
        UNION ALL SELECT 'sources', count(DISTINCT source) FROM articles \
        UNION ALL SELECT 'first_published', min(published) FROM articles \
        UNION ALL SELECT 'last_published', max(published) FROM articles \
        UNION ALL SELECT 'entities', count(*) FROM entities \
        UNION ALL SELECT 'quotes', count(*) FROM quotes \
        UNION ALL SELECT 'events', count(*) FROM events \
        UNION ALL SELECT 'event_mentions', count(*) FROM mentions \
        UNION ALL SELECT 'schema_version', user_version FROM pragma_user_version \
        UNION ALL SELECT 'database_bytes', page_count * page_size FROM pragma_page_count, pragma_page_size";
    collect(conn, sql, &[], vec!["what", "value"])
}

/// SQLite's own check of the whole file: `ok`, or the problems it found.
pub fn integrity(conn: &Connection) -> Result<String> {
    let mut st = conn.prepare("PRAGMA integrity_check")?;
    let lines: Vec<String> = st
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(lines.join("; "))
}

/// Runs `sql` and gathers every row.
pub(crate) fn collect(
    conn: &Connection,
    sql: &str,
    params: &[Box<dyn ToSql>],
    columns: Vec<&'static str>,
) -> Result<Table> {
    let mut st = conn.prepare(sql)?;
    let refs: Vec<&dyn ToSql> = params.iter().map(|p| p.as_ref()).collect();
    let mut rows = st.query(refs.as_slice())?;
    let mut table = Table {
        columns,
        rows: Vec::new(),
    };
    while let Some(row) = rows.next()? {
        table.rows.push(cells(row, table.columns.len())?);
    }
    Ok(table)
}

/// The first `n` values of a row as cells.
pub(crate) fn cells(row: &Row<'_>, n: usize) -> Result<Vec<Cell>> {
    (0..n)
        .map(|i| {
            Ok(match row.get_ref(i)? {
                ValueRef::Null => Cell::Null,
                ValueRef::Integer(v) => Cell::Int(v),
                ValueRef::Real(v) => Cell::Real(v),
                ValueRef::Text(t) | ValueRef::Blob(t) => {
                    Cell::Text(String::from_utf8_lossy(t).into_owned())
                }
            })
        })
        .collect()
}
