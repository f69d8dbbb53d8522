//! Event mentions as GDELT 2.0's Mentions table: 16 tab-separated columns a row, one row per
//! sentence that reports an event, in the order of GDELT's codebook.
//!
//! - `EventTimeDate`: when the event row was first stored (`events.date_added`);
//!   `MentionTimeDate`: when the mentioning article was stored.
//! - `MentionType` 1 (a web document); `MentionSourceName` the publisher; `MentionIdentifier` the
//!   URL, else the article id.
//! - `SentenceID`: 1 for the first sentence, as GDELT counts.
//! - `Actor1CharOffset`, `Actor2CharOffset`, `ActionCharOffset`: character offsets into the
//!   stored body of the actors' words and the trigger within the sentence; -1 when absent, as
//!   GDELT writes.
//! - `InRawText` 1 (no translation); `Confidence` empty: Chronicle's coder gives none.
//! - `MentionDocLen` the body's length in characters, `MentionDocTone` the article's tone;
//!   `MentionDocTranslationInfo` and `Extras` empty.

use std::io::Write;

use rusqlite::Connection;
use serde::Deserialize;

use crate::error::Result;
use crate::export::tsv_field;
use crate::query::{Conditions, EventFilter};

/// GDELT 2.0's names of the Mentions columns, in order.
pub const COLUMN_NAMES: [&str; 16] = [
    "GLOBALEVENTID",
    "EventTimeDate",
    "MentionTimeDate",
    "MentionType",
    "MentionSourceName",
    "MentionIdentifier",
    "SentenceID",
    "Actor1CharOffset",
    "Actor2CharOffset",
    "ActionCharOffset",
    "InRawText",
    "Confidence",
    "MentionDocLen",
    "MentionDocTone",
    "MentionDocTranslationInfo",
    "Extras",
];

const MENTION_ROWS: &str = "\
    SELECT m.event_id, e.date_added, a.ingested_at, a.source, coalesce(a.url, a.id), m.sentence, \
           m.source_text, m.target_text, m.trigger_text, a.tone, a.aid \
    FROM mentions m JOIN events e ON e.event_id = m.event_id JOIN articles a ON a.aid = m.aid \
    {where} ORDER BY m.aid, m.ordinal";

/// The sentences of a stored article's contract JSON (nothing else of it is read).
#[derive(Deserialize)]
struct Sentences {
    #[serde(default)]
    sentences: Vec<chronicle_core::Sentence>,
}

/// The article a run of mentions comes from: its body's characters and its sentences.
struct Current {
    aid: i64,
    chars: Vec<char>,
    sentences: Vec<chronicle_core::Sentence>,
}

/// Writes the mentions of every event `filter` selects; returns how many rows.
pub fn write(
    conn: &Connection,
    filter: &EventFilter,
    header: bool,
    out: &mut dyn Write,
) -> Result<u64> {
    write_added(conn, filter, None, header, out)
}

/// Writes the mentions of every event `filter` selects that arrived with an article stored
/// within `added` (a GDELT-style slice: a new mention of an old event is in it); returns how
/// many rows.
pub fn write_added(
    conn: &Connection,
    filter: &EventFilter,
    added: Option<&super::Window>,
    header: bool,
    out: &mut dyn Write,
) -> Result<u64> {
    let mut c = Conditions::of(filter)?;
    if let Some(window) = added {
        c.added_within(crate::query::Added::Article, window);
    }
    let sql = MENTION_ROWS.replace("{where}", &c.where_clause());
    let mut st = conn.prepare(&sql)?;
    let refs: Vec<&dyn rusqlite::ToSql> = c.params.iter().map(|p| p.as_ref()).collect();
    let mut rows = st.query(refs.as_slice())?;
    let mut article_st = conn.prepare("SELECT body, doc FROM articles WHERE aid = ?1")?;
    if header {
        out.write_all(COLUMN_NAMES.join("\t").as_bytes())?;
        out.write_all(b"\n")?;
    }
    let mut current: Option<Current> = None;
    let mut n = 0;
    while let Some(row) = rows.next()? {
        let aid: i64 = row.get(10)?;
        if current.as_ref().is_none_or(|c| c.aid != aid) {
            let (body, doc): (String, String) =
                article_st.query_row([aid], |r| Ok((r.get(0)?, r.get(1)?)))?;
            let parsed: Sentences = serde_json::from_str(&doc)?;
            current = Some(Current {
                aid,
                chars: body.chars().collect(),
                sentences: parsed.sentences,
            });
        }
        let Some(art) = current.as_ref() else {
            continue;
        };
        let sentence: i64 = row.get(5)?;
        let offset = |words: Option<String>| -> i64 {
            words
                .and_then(|w| find_in_sentence(art, sentence, &w))
                .map_or(-1, |o| o as i64)
        };
        let tone: Option<f64> = row.get(9)?;
        let text = |i: usize| -> Result<String> {
            Ok(tsv_field(
                &row.get::<_, Option<String>>(i)?.unwrap_or_default(),
            ))
        };
        let fields = [
            row.get::<_, i64>(0)?.to_string(),
            text(1)?,
            text(2)?,
            "1".to_string(),
            text(3)?,
            text(4)?,
            (sentence + 1).to_string(),
            offset(row.get(6)?).to_string(),
            offset(row.get(7)?).to_string(),
            offset(row.get(8)?).to_string(),
            "1".to_string(),
            String::new(),
            art.chars.len().to_string(),
            tone.map(|t| t.to_string()).unwrap_or_default(),
            String::new(),
            String::new(),
        ];
        out.write_all(fields.join("\t").as_bytes())?;
        out.write_all(b"\n")?;
        n += 1;
    }
    Ok(n)
}

/// The character offset in the body of `words` within sentence `n`, if they are there.
fn find_in_sentence(art: &Current, n: i64, words: &str) -> Option<usize> {
    let s = art.sentences.get(usize::try_from(n).ok()?)?;
    let hay = art.chars.get(s.start..s.end.min(art.chars.len()))?;
    let needle: Vec<char> = words.chars().collect();
    if needle.is_empty() || needle.len() > hay.len() {
        return None;
    }
    hay.windows(needle.len())
        .position(|w| w == needle.as_slice())
        .map(|i| s.start + i)
}
