//! Questions a browser asks that the command line does not: a page of events at an offset in
//! a chosen order (with the article and sentence each event came from), one article whole, the
//! articles stored last, the actors most often involved, and who acts on whom. `chronicle serve` answers its HTTP API
//! with these; like [`crate::query`], all SQL is fixed text with `?` parameters.

use rusqlite::types::ToSql;
use rusqlite::{Connection, OptionalExtension};

use crate::error::Result;
use crate::query::{Conditions, EventFilter, Table, collect};

/// The orders a page of events can come in. A fixed set, so that no user text reaches
/// `ORDER BY`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum EventSort {
    /// Oldest day first, undated last, most mentioned first within a day.
    Date,
    /// Newest day first, undated last (the default, as in the CLI: a reader wants the latest
    /// news first, and the oldest dates are the historical ones).
    #[default]
    DateDesc,
    /// Most mentioned first.
    Mentions,
    /// Most conflictual first (lowest Goldstein score).
    Goldstein,
}

impl EventSort {
    /// The sort's name in a URL (`date`, `-date`, `mentions`, `goldstein`), or `None`.
    pub fn parse(name: &str) -> Option<EventSort> {
        match name {
            "date" => Some(EventSort::Date),
            "-date" => Some(EventSort::DateDesc),
            "mentions" => Some(EventSort::Mentions),
            "goldstein" => Some(EventSort::Goldstein),
            _ => None,
        }
    }

    fn order_by(self) -> &'static str {
        match self {
            EventSort::Date => "e.day_num IS NULL, e.day_num, e.num_mentions DESC, e.event_id",
            EventSort::DateDesc => {
                "e.day_num IS NULL, e.day_num DESC, e.num_mentions DESC, e.event_id"
            }
            EventSort::Mentions => "e.num_mentions DESC, e.event_id",
            EventSort::Goldstein => "e.goldstein IS NULL, e.goldstein, e.event_id",
        }
    }
}

/// Events matching `filter` (its `limit` is the page size), skipping the first `offset`, in
/// `sort` order. Beside the CLI's columns each row names the article that first reported the
/// event (`article_id`), which of that article's events it is (`ordinal`, an index into the
/// contract's `events`), its sentence, trigger and dictionary rule, so a page can link an
/// event to the words that coded it.
pub fn events_page(
    conn: &Connection,
    filter: &EventFilter,
    sort: EventSort,
    offset: usize,
) -> Result<Table> {
    let c = Conditions::of(filter)?;
    // The page is cut from `events` alone first (an index serves each order), and only its
    // rows are joined to their article and first mention.
    let order = sort.order_by();
    let sql = format!(
        "SELECT e.event_id, e.day, e.source, e.target, e.code, e.plover, e.quad_class, \
         e.goldstein, e.num_mentions, e.num_sources, e.num_articles, e.place, a.id, a.title, \
         m.ordinal, m.sentence, m.trigger_text, m.rule, e.date_precision \
         FROM (SELECT e.* FROM events e {} ORDER BY {order} LIMIT ? OFFSET ?) e \
         JOIN articles a ON a.aid = e.first_aid \
         LEFT JOIN mentions m ON m.aid = e.first_aid AND m.ordinal = \
           (SELECT min(m2.ordinal) FROM mentions m2 \
            WHERE m2.event_id = e.event_id AND m2.aid = e.first_aid) \
         ORDER BY {order}",
        c.where_clause()
    );
    let mut params = c.params;
    params.push(Box::new(filter.limit as i64));
    params.push(Box::new(offset as i64));
    let columns = vec![
        "event_id",
        "date",
        "source",
        "target",
        "code",
        "plover",
        "quad_class",
        "goldstein",
        "mentions",
        "sources",
        "articles",
        "place",
        "article_id",
        "article_title",
        "ordinal",
        "sentence",
        "trigger",
        "rule",
        "date_precision",
    ];
    collect(conn, &sql, &params, columns)
}

/// The articles stored last, newest first, with how many event mentions each gave: what a
/// feed watcher (`chronicle watch`) brought in, for the page's "latest" view.
pub fn latest(conn: &Connection, limit: usize) -> Result<Table> {
    let sql = "SELECT a.id, a.title, a.source, a.url, a.published, a.ingested_at, \
               (SELECT count(*) FROM mentions m WHERE m.aid = a.aid) \
               FROM articles a ORDER BY a.aid DESC LIMIT ?";
    let params: Vec<Box<dyn ToSql>> = vec![Box::new(limit as i64)];
    let columns = vec![
        "id",
        "title",
        "source",
        "url",
        "published",
        "stored_at",
        "mentions",
    ];
    collect(conn, sql, &params, columns)
}

/// The stored article `id` as the contract JSON `chronicle extract` printed for it, byte for
/// byte, or `None` when no article has that id.
pub fn article_json(conn: &Connection, id: &str) -> Result<Option<String>> {
    let found: Option<(String, String)> = conn
        .prepare_cached("SELECT doc, body FROM articles WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    match found {
        Some((doc, body)) => Ok(Some(crate::contract::with_body(&doc, &body)?)),
        None => Ok(None),
    }
}

/// The actor codes most often involved in the events `filter` selects (its `limit` is the
/// number of actors), with how often each is the source and the target. Events without an
/// actor on a side do not count for that side.
pub fn actors(conn: &Connection, filter: &EventFilter) -> Result<Table> {
    let c = Conditions::of(filter)?;
    let where_clause = c.where_clause();
    let sql = format!(
        "SELECT actor, sum(as_source), sum(as_target), sum(as_source) + sum(as_target) AS n \
         FROM (SELECT e.source AS actor, 1 AS as_source, 0 AS as_target FROM events e {w} \
               UNION ALL \
               SELECT e.target, 0, 1 FROM events e {w}) \
         WHERE actor <> '' GROUP BY actor ORDER BY n DESC, actor LIMIT ?",
        w = where_clause
    );
    // The conditions appear twice, so their parameters do too.
    let mut params: Vec<Box<dyn ToSql>> = Vec::new();
    let again = Conditions::of(filter)?;
    params.extend(c.params);
    params.extend(again.params);
    params.push(Box::new(filter.limit as i64));
    collect(
        conn,
        &sql,
        &params,
        vec!["actor", "as_source", "as_target", "events"],
    )
}

/// Who acts on whom: (source, target) pairs of the events `filter` selects, most events first
/// (its `limit` is the number of pairs), with their mentions, mean Goldstein score and the
/// count in each quad class. Events missing either actor are left out.
pub fn dyads(conn: &Connection, filter: &EventFilter) -> Result<Table> {
    let c = Conditions::of(filter)?;
    let mut where_clause = c.where_clause();
    where_clause.push_str(if where_clause.is_empty() {
        "WHERE "
    } else {
        " AND "
    });
    where_clause.push_str("e.source <> '' AND e.target <> '' AND e.source <> e.target");
    let sql = format!(
        "SELECT e.source, e.target, count(*) AS n, sum(e.num_mentions), avg(e.goldstein), \
         sum(e.quad_class = 1), sum(e.quad_class = 2), sum(e.quad_class = 3), \
         sum(e.quad_class = 4) FROM events e {where_clause} \
         GROUP BY e.source, e.target ORDER BY n DESC, e.source, e.target LIMIT ?"
    );
    let mut params = c.params;
    params.push(Box::new(filter.limit as i64));
    collect(
        conn,
        &sql,
        &params,
        vec![
            "source",
            "target",
            "events",
            "mentions",
            "goldstein",
            "verbal_coop",
            "material_coop",
            "verbal_conflict",
            "material_conflict",
        ],
    )
}
