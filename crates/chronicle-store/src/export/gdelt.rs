//! Events as GDELT 2.0 publishes them: 61 tab-separated columns a row, no header, in the order
//! of `reference/gdelt_event_columns.tsv`. What the store knows fills its column; what it does
//! not know (FIPS country codes of places, ADM codes, geographic resolution) is an empty
//! string, never a guess.

use std::collections::HashMap;
use std::io::Write;
use std::sync::OnceLock;

use rusqlite::Connection;

use crate::error::Result;
use crate::export::tsv_field;
use crate::merge::calendar_day;

/// Number of columns of a GDELT 2.0 event row.
pub const COLUMNS: usize = 61;

/// What kind of CAMEO code a three-letter (or longer, for known groups) piece of an actor code
/// is, from the CAMEO actor code book.
static ACTOR_CODES: &str = include_str!("actor_codes.tsv");

fn actor_kinds() -> &'static HashMap<&'static str, &'static str> {
    static KINDS: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    KINDS.get_or_init(|| {
        ACTOR_CODES
            .lines()
            .filter_map(|l| l.split_once('\t'))
            .collect()
    })
}

/// The parts of a CAMEO actor code, as GDELT splits `Actor1Code` into its columns.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ActorParts {
    pub country: String,
    pub known_group: String,
    pub ethnic: String,
    pub religion: [String; 2],
    pub types: [String; 3],
}

/// Splits an actor code: a country or region first, then a known group (`IGOUNO`), then
/// three-letter pieces that are ethnic groups, religions or roles (`GOV`, `MIL`).
pub fn split_actor(code: &str) -> ActorParts {
    let kinds = actor_kinds();
    let mut parts = ActorParts::default();
    let mut rest = code;
    if let Some(head) = rest.get(..3)
        && matches!(kinds.get(head), Some(&"country") | Some(&"region"))
    {
        parts.country = head.to_string();
        rest = &rest[3..];
    }
    let group = (6..=rest.len())
        .rev()
        .filter_map(|n| rest.get(..n))
        .find(|p| kinds.get(p) == Some(&"known_group"));
    if let Some(group) = group {
        parts.known_group = group.to_string();
        rest = &rest[group.len()..];
    }
    let (mut religions, mut types) = (0, 0);
    while let Some(piece) = rest.get(..3) {
        rest = &rest[3..];
        match kinds.get(piece).copied() {
            Some("ethnic") if parts.ethnic.is_empty() => parts.ethnic = piece.to_string(),
            Some("religion") if religions < 2 => {
                parts.religion[religions] = piece.to_string();
                religions += 1;
            }
            _ if types < 3 => {
                parts.types[types] = piece.to_string();
                types += 1;
            }
            _ => {}
        }
    }
    parts
}

/// One event with what its first mention and first article say about it.
const EVENT_ROWS: &str = "\
    SELECT e.event_id, e.day, e.source, e.target, e.code, e.quad_class, e.goldstein, \
           e.num_mentions, e.num_sources, e.num_articles, e.date_added, coalesce(a.url, a.id), \
           m.sentence, m.source_text, m.target_text, p.name, p.lat, p.lon, p.geonameid, \
           (SELECT avg(t.tone) FROM articles t WHERE t.aid IN \
               (SELECT aid FROM mentions WHERE event_id = e.event_id)) \
    FROM events e JOIN articles a ON a.aid = e.first_aid \
    LEFT JOIN mentions m ON m.aid = e.first_aid AND m.ordinal = \
        (SELECT min(ordinal) FROM mentions WHERE aid = e.first_aid AND event_id = e.event_id) \
    LEFT JOIN places p ON p.rowid = \
        (SELECT rowid FROM places WHERE aid = e.first_aid AND e.place <> '' \
         AND (name = e.place OR text = e.place) ORDER BY start_char LIMIT 1) \
    ORDER BY e.event_id";

/// Writes every event as a GDELT 2.0 row; returns how many.
pub fn write(conn: &Connection, out: &mut dyn Write) -> Result<u64> {
    let mut st = conn.prepare(EVENT_ROWS)?;
    let mut rows = st.query([])?;
    let mut n = 0;
    while let Some(row) = rows.next()? {
        let cells = crate::query::cells(row, 20)?;
        let fields = gdelt_row(&cells);
        out.write_all(fields.join("\t").as_bytes())?;
        out.write_all(b"\n")?;
        n += 1;
    }
    Ok(n)
}

fn gdelt_row(c: &[crate::query::Cell]) -> Vec<String> {
    use crate::query::Cell;
    let s = |i: usize| -> String {
        match c.get(i) {
            Some(Cell::Int(n)) => n.to_string(),
            Some(Cell::Real(x)) => x.to_string(),
            Some(Cell::Text(t)) => tsv_field(t),
            _ => String::new(),
        }
    };
    let mut f: Vec<String> = Vec::with_capacity(COLUMNS);
    f.push(s(0));
    f.extend(date_columns(&s(1)));
    let (source, target) = (s(2), s(3));
    f.extend(actor_columns(&source, &s(13)));
    f.extend(actor_columns(&target, &s(14)));
    let code = s(4);
    let is_root = matches!(c.get(12), Some(Cell::Int(0)));
    f.push(if is_root { "1" } else { "0" }.to_string());
    f.push(code.clone());
    f.push(code.get(..3).unwrap_or(&code).to_string());
    f.push(code.get(..2).unwrap_or(&code).to_string());
    f.extend([s(5), s(6), s(7), s(8), s(9), s(19)]);
    // Actor1Geo_* and Actor2Geo_*: the store does not place actors yet.
    f.extend(std::iter::repeat_n(String::new(), 16));
    // ActionGeo_*: Type, FullName, CountryCode (FIPS), ADM1, ADM2, Lat, Long, FeatureID.
    f.extend([
        String::new(),
        s(15),
        String::new(),
        String::new(),
        String::new(),
    ]);
    f.extend([s(16), s(17), s(18)]);
    f.push(s(10));
    f.push(s(11));
    f
}

/// Day, MonthYear, Year, FractionDate of an event date (empty when it names no calendar day).
fn date_columns(day: &str) -> [String; 4] {
    match calendar_day(day) {
        Some(d) => {
            let (y, m, dd) = (
                i32::from(d.year()),
                i32::from(d.month()),
                i32::from(d.day()),
            );
            [
                format!("{y:04}{m:02}{dd:02}"),
                format!("{y:04}{m:02}"),
                format!("{y:04}"),
                format!("{:.4}", f64::from(y) + f64::from(m * 30 + dd) / 365.0),
            ]
        }
        None => Default::default(),
    }
}

/// Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1Code, Religion2Code,
/// Type1Code, Type2Code, Type3Code of one actor.
fn actor_columns(code: &str, name: &str) -> [String; 10] {
    let p = split_actor(code);
    let [r1, r2] = p.religion;
    let [t1, t2, t3] = p.types;
    [
        code.to_string(),
        if code.is_empty() {
            String::new()
        } else {
            name.to_string()
        },
        p.country,
        p.known_group,
        p.ethnic,
        r1,
        r2,
        t1,
        t2,
        t3,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actor_codes_split_into_gdelt_columns() {
        let p = split_actor("PRKGOV");
        assert_eq!((p.country.as_str(), p.types[0].as_str()), ("PRK", "GOV"));
        let p = split_actor("IGOUNO");
        assert_eq!((p.country.as_str(), p.known_group.as_str()), ("", "IGOUNO"));
        let p = split_actor("USAGOVMIL");
        assert_eq!(p.types, ["GOV".to_string(), "MIL".into(), String::new()]);
        let p = split_actor("IRQMOSJEW");
        assert_eq!(p.religion, ["MOS".to_string(), "JEW".into()]);
        assert_eq!(split_actor(""), ActorParts::default());
    }

    #[test]
    fn dates_fill_four_columns() {
        assert_eq!(
            date_columns("2019-02-28"),
            ["20190228", "201902", "2019", "2019.2411"]
        );
        assert_eq!(date_columns("sometime"), <[String; 4]>::default());
    }
}
