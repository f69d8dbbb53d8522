//! Events merged as GDELT merges them: one row per (date, source, target, code, place), a
//! mention row for every sentence that reports it, and the counts NumMentions, NumSources and
//! NumArticles kept up to date as mentions arrive.

use rusqlite::{Connection, OptionalExtension, params};

use chronicle_core::Event;

use crate::error::Result;
use crate::period::{Period, digits, row_of};
use crate::sink::Story;

/// Adds one mention of `event` (the `ordinal`-th event of the story's article); `true` when it
/// created a new event row.
pub fn add_mention(
    conn: &Connection,
    story: &Story,
    ordinal: usize,
    event: &Event,
    date_added: &str,
) -> Result<bool> {
    let day = event
        .date
        .clone()
        .or_else(|| story.published.clone())
        .unwrap_or_default();
    let key = (
        day.as_str(),
        event.source.as_deref().unwrap_or(""),
        event.target.as_deref().unwrap_or(""),
        event.cameo.as_str(),
        event.place.as_deref().unwrap_or(""),
    );
    let found: Option<i64> = conn
        .prepare_cached(
            "SELECT event_id FROM events WHERE day = ?1 AND source = ?2 AND target = ?3 \
             AND code = ?4 AND place = ?5",
        )?
        .query_row(params![key.0, key.1, key.2, key.3, key.4], |r| r.get(0))
        .optional()?;
    let (event_id, is_new) = match found {
        Some(id) => (id, false),
        None => {
            let calendar = calendar_day(&day);
            conn.prepare_cached(
                "INSERT INTO events (day, source, target, code, place, day_num, iso_week, plover, \
                 goldstein, quad_class, first_aid, date_added) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            )?
            .execute(params![
                key.0,
                key.1,
                key.2,
                key.3,
                key.4,
                calendar.map(day_number),
                row_of(&day, Period::Week),
                event.plover,
                event.goldstein,
                event.quad_class,
                story.aid,
                date_added,
            ])?;
            (conn.last_insert_rowid(), true)
        }
    };
    count_mention(conn, story, event_id)?;
    insert_mention(conn, story, ordinal, event, event_id)?;
    Ok(is_new)
}

/// Bumps the counts: a new story adds an article, a new source a source; a mention counts
/// unless it is a wire copy repeating what its original already reported.
fn count_mention(conn: &Connection, story: &Story, event_id: i64) -> Result<()> {
    let new_story = conn
        .prepare_cached("INSERT OR IGNORE INTO event_stories (event_id, story) VALUES (?1, ?2)")?
        .execute(params![event_id, story.story])?
        > 0;
    let new_source = match &story.source {
        Some(source) => {
            conn.prepare_cached(
                "INSERT OR IGNORE INTO event_sources (event_id, source) VALUES (?1, ?2)",
            )?
            .execute(params![event_id, source])?
                > 0
        }
        None => false,
    };
    let counts_mention = !story.is_copy || new_story;
    conn.prepare_cached(
        "UPDATE events SET num_mentions = num_mentions + ?2, num_articles = num_articles + ?3, \
         num_sources = num_sources + ?4 WHERE event_id = ?1",
    )?
    .execute(params![
        event_id,
        i64::from(counts_mention),
        i64::from(new_story),
        i64::from(new_source)
    ])?;
    Ok(())
}

fn insert_mention(
    conn: &Connection,
    story: &Story,
    ordinal: usize,
    event: &Event,
    event_id: i64,
) -> Result<()> {
    let context = event
        .context
        .iter()
        .map(crate::contract::name_of)
        .collect::<Result<Vec<_>>>()?
        .join(",");
    conn.prepare_cached(
        "INSERT INTO mentions (event_id, aid, ordinal, sentence, trigger_text, rule, date_basis, \
         context, source_text, target_text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        event_id,
        story.aid,
        ordinal as i64,
        event.sentence as i64,
        event.trigger,
        event.rule,
        crate::contract::name_of(&event.date_basis)?,
        context,
        event.source_text,
        event.target_text,
    ])?;
    Ok(())
}

/// The calendar day an event date stands for: a full date as it is, a month or a year by its
/// first day (so that date-range queries include it); `None` for anything else
/// (`PRESENT_REF`, a season, a week).
pub fn calendar_day(value: &str) -> Option<jiff::civil::Date> {
    let parts: Vec<&str> = value.split('-').collect();
    let (y, m, d) = match parts.as_slice() {
        [y] => (digits(y, 4)?, 1, 1),
        [y, m] => (digits(y, 4)?, digits(m, 2)?, 1),
        [y, m, d] => (digits(y, 4)?, digits(m, 2)?, digits(d, 2)?),
        _ => return None,
    };
    jiff::civil::Date::new(y, m as i8, d as i8).ok()
}

/// `YYYYMMDD` as a number, GDELT's SQLDATE.
pub fn day_number(d: jiff::civil::Date) -> i64 {
    i64::from(d.year()) * 10_000 + i64::from(d.month()) * 100 + i64::from(d.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_stand_for_their_first_day() {
        let d = |s| calendar_day(s).map(day_number);
        assert_eq!(d("2019-02-28"), Some(20190228));
        assert_eq!(d("2019-02"), Some(20190201));
        assert_eq!(d("2019"), Some(20190101));
        assert_eq!(d("2019-02-30"), None);
        assert_eq!(d("PRESENT_REF"), None);
        assert_eq!(d("2019-W07"), None);
        assert_eq!(d(""), None);
    }
}
