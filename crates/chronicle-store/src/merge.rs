//! Events merged as GDELT merges them: one row per (date, source, target, code, place), a
//! mention row for every sentence that reports it, and the counts NumMentions, NumSources and
//! NumArticles kept up to date as mentions arrive.
//!
//! An event with no calendar date (an undated article's event without a date of its own) is
//! merged only within its story: "GBRGOV 010" in one undated article and in another are two
//! events, not one that two unrelated articles report.

use rusqlite::{Connection, OptionalExtension, params};

use chronicle_core::Event;

use crate::error::Result;
use crate::geo::MentionPlaces;
use crate::period::{Period, Precision, digits, row_of};
use crate::sink::Story;

/// Adds one mention of `event` (the `ordinal`-th event of the story's article); `true` when it
/// created a new event row.
pub fn add_mention(
    conn: &Connection,
    story: &Story,
    ordinal: usize,
    event: &Event,
    places: MentionPlaces,
    date_added: &str,
) -> Result<bool> {
    let day = event
        .date
        .clone()
        .or_else(|| story.published.clone())
        .unwrap_or_default();
    let precision = Precision::of(&day);
    let scope = match precision {
        Precision::None => story.story,
        _ => 0,
    };
    let key = (
        day.as_str(),
        event.source.as_deref().unwrap_or(""),
        event.target.as_deref().unwrap_or(""),
        event.cameo.as_str(),
        event.place.as_deref().unwrap_or(""),
        scope,
    );
    let found: Option<i64> = conn
        .prepare_cached(
            "SELECT event_id FROM events WHERE day = ?1 AND source = ?2 AND target = ?3 \
             AND code = ?4 AND place = ?5 AND scope = ?6",
        )?
        .query_row(params![key.0, key.1, key.2, key.3, key.4, key.5], |r| {
            r.get(0)
        })
        .optional()?;
    let (event_id, is_new) = match found {
        Some(id) => (id, false),
        None => {
            let calendar = calendar_day(&day);
            conn.prepare_cached(
                "INSERT INTO events (day, source, target, code, place, scope, date_precision, \
                 day_num, iso_week, plover, goldstein, quad_class, first_aid, date_added) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
            )?
            .execute(params![
                key.0,
                key.1,
                key.2,
                key.3,
                key.4,
                key.5,
                precision.name(),
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
    insert_mention(conn, story, ordinal, event, event_id, places)?;
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
    places: MentionPlaces,
) -> Result<()> {
    let context = event
        .context
        .iter()
        .map(crate::contract::name_of)
        .collect::<Result<Vec<_>>>()?
        .join(",");
    conn.prepare_cached(
        "INSERT INTO mentions (event_id, aid, ordinal, sentence, trigger_text, rule, date_basis, \
         context, source_text, target_text, action_place, actor1_place, actor2_place) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
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
        places.action.map(|p| p as i64),
        places.actor1.map(|p| p as i64),
        places.actor2.map(|p| p as i64),
    ])?;
    Ok(())
}

/// The calendar day an event date stands for, by one rule for every precision: **the first day
/// of the period it names** (a day as it is; `2019-02` → 1 February; `2019` → 1 January;
/// `2019-W09` → its Monday; `2019-Q3` → 1 July, `2019-H2` → 1 July; seasons by their first month,
/// `SP` March, `SU` June, `FA` September, `WI` December; a decade `201` → 2010-01-01, a century
/// `19` → 1900-01-01), so that date-range queries include it; `None` without a calendar year
/// (`PRESENT_REF`, `XXXX-03-18`). [`crate::period::Precision`] says how much of it to believe.
pub fn calendar_day(value: &str) -> Option<jiff::civil::Date> {
    let parts: Vec<&str> = value.split('-').collect();
    let date = |y: i16, m: i16, d: i16| jiff::civil::Date::new(y, m as i8, d as i8).ok();
    match parts.as_slice() {
        [y] => match y.len() {
            4 => date(digits(y, 4)?, 1, 1),
            3 => date(digits(y, 3)?.checked_mul(10)?, 1, 1),
            2 => date(digits(y, 2)?.checked_mul(100)?, 1, 1),
            _ => None,
        },
        [y, rest] => {
            let y = digits(y, 4)?;
            if let Some(m) = digits(rest, 2) {
                return date(y, m, 1);
            }
            if let Some(w) = rest.strip_prefix('W') {
                let week = digits(w, 2)? as i8;
                let monday = jiff::civil::ISOWeekDate::new(y, week, jiff::civil::Weekday::Monday);
                return monday.ok().map(|w| w.date());
            }
            let month = match *rest {
                "Q1" | "H1" => 1,
                "Q2" => 4,
                "Q3" | "H2" => 7,
                "Q4" => 10,
                "SP" => 3,
                "SU" => 6,
                "FA" => 9,
                "WI" => 12,
                "XX" => 1,
                _ => return None,
            };
            date(y, month, 1)
        }
        // A week's weekend stands for its Saturday; an unknown day or month for the first.
        [y, w, "WE"] if w.starts_with('W') => {
            let week = digits(w.strip_prefix('W')?, 2)? as i8;
            let saturday =
                jiff::civil::ISOWeekDate::new(digits(y, 4)?, week, jiff::civil::Weekday::Saturday);
            saturday.ok().map(|w| w.date())
        }
        [y, "XX", "XX"] => date(digits(y, 4)?, 1, 1),
        [y, m, "XX"] => date(digits(y, 4)?, digits(m, 2)?, 1),
        [y, m, d] => date(digits(y, 4)?, digits(m, 2)?, digits(d, 2)?),
        _ => None,
    }
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
        assert_eq!(d("XXXX-03-18"), None);
        assert_eq!(d(""), None);
        assert_eq!(d("2019-W07"), Some(20190211));
        assert_eq!(d("2020-W01"), Some(20191230));
        assert_eq!(d("2019-Q3"), Some(20190701));
        assert_eq!(d("2019-H2"), Some(20190701));
        assert_eq!(d("2019-SU"), Some(20190601));
        assert_eq!(d("201"), Some(20100101));
        assert_eq!(d("19"), Some(19000101));
        assert_eq!(d("1997-W13-WE"), Some(19970329));
        assert_eq!(d("1917-XX-XX"), Some(19170101));
        assert_eq!(d("1917-06-XX"), Some(19170601));
    }
}
