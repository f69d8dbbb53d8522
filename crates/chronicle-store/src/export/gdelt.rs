//! Events as GDELT 2.0 publishes them: 61 tab-separated columns a row, in the order of
//! `reference/gdelt_event_columns.tsv` (a header line and extra columns only when asked). What
//! the store knows fills its column ([`geography`] for the places); what it does not know (FIPS
//! first-level division codes outside the US, GAUL ADM2 codes) is an empty string, never a
//! guess.

use std::collections::HashMap;
use std::io::Write;
use std::sync::OnceLock;

use rusqlite::Connection;

use crate::countries;
use crate::error::Result;
use crate::export::geography::{self, PlaceRow};
use crate::export::tsv_field;
use crate::merge::calendar_day;
use crate::query::{Cell, Conditions, EventFilter};

/// Number of columns of a GDELT 2.0 event row.
pub const COLUMNS: usize = 61;

/// What kind of CAMEO code a three-letter (or longer, for known groups) piece of an actor code
/// is, from the CAMEO actor code book; countries are [`crate::countries`]'.
static ACTOR_CODES: &str = include_str!("../../../../dictionaries/gdelt/actor_codes.tsv");

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
/// three-letter pieces that are ethnic groups, religions or roles (`GOV`, `MIL`). CAMEO's
/// unknown country (`---GOV`, "the government" of a sentence that names none) leaves the
/// country empty.
pub fn split_actor(code: &str) -> ActorParts {
    let kinds = actor_kinds();
    let mut parts = ActorParts::default();
    let mut rest = gdelt_code(code);
    if let Some(head) = rest.get(..3)
        && (countries::by_cameo(head).is_some() || kinds.get(head) == Some(&"region"))
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

/// One event with what its first mention and first article say about it, and the places of
/// its action and actors (a mention stored before the store placed them falls back to the
/// first place of the event's place name in its article).
const EVENT_ROWS: &str = "\
    SELECT e.event_id, e.day, e.source, e.target, e.code, e.quad_class, e.goldstein, \
           e.num_mentions, e.num_sources, e.num_articles, e.date_added, coalesce(a.url, a.id), \
           m.sentence, m.source_text, m.target_text, \
           (SELECT avg(t.tone) FROM articles t WHERE t.aid IN \
               (SELECT aid FROM mentions WHERE event_id = e.event_id)), \
           e.date_precision, \
           pa.name, pa.country, pa.lat, pa.lon, pa.geonameid, pa.kind, pa.admin1, \
           p1.name, p1.country, p1.lat, p1.lon, p1.geonameid, p1.kind, p1.admin1, \
           p2.name, p2.country, p2.lat, p2.lon, p2.geonameid, p2.kind, p2.admin1 \
    FROM events e JOIN articles a ON a.aid = e.first_aid \
    LEFT JOIN mentions m ON m.aid = e.first_aid AND m.ordinal = \
        (SELECT min(ordinal) FROM mentions WHERE aid = e.first_aid AND event_id = e.event_id) \
    LEFT JOIN places pa ON pa.rowid = coalesce( \
        (SELECT rowid FROM places WHERE aid = e.first_aid AND start_char = m.action_place \
         LIMIT 1), \
        (SELECT rowid FROM places WHERE aid = e.first_aid AND m.action_place IS NULL \
         AND e.place <> '' AND (name = e.place OR text = e.place) ORDER BY start_char LIMIT 1)) \
    LEFT JOIN places p1 ON p1.rowid = \
        (SELECT rowid FROM places WHERE aid = e.first_aid AND start_char = m.actor1_place LIMIT 1) \
    LEFT JOIN places p2 ON p2.rowid = \
        (SELECT rowid FROM places WHERE aid = e.first_aid AND start_char = m.actor2_place LIMIT 1) \
    {where} ORDER BY e.event_id";

/// Number of cells [`EVENT_ROWS`] selects.
const CELLS: usize = 38;

/// Names of the columns `--extras` appends to GDELT's 61, documented in `docs/schema.md`.
pub const EXTRA_COLUMNS: [&str; 5] = [
    "DatePrecision",
    "Actor1CountryName",
    "Actor2CountryName",
    "EventCodeName",
    "ActionGeo_CountryName",
];

/// How to write GDELT rows.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Which events (actor, target, code, dates); the limit is ignored.
    pub filter: EventFilter,
    /// A first line naming the columns.
    pub header: bool,
    /// Append [`EXTRA_COLUMNS`] after GDELT's 61.
    pub extras: bool,
    /// Only events first stored within this window (a GDELT-style 15-minute slice).
    pub added: Option<super::Window>,
}

/// Writes every event `options` selects as a GDELT 2.0 row; returns how many.
pub fn write(conn: &Connection, options: &Options, out: &mut dyn Write) -> Result<u64> {
    let mut c = Conditions::of(&options.filter)?;
    if let Some(window) = &options.added {
        c.added_within(crate::query::Added::Event, window);
    }
    let sql = EVENT_ROWS.replace("{where}", &c.where_clause());
    let mut st = conn.prepare(&sql)?;
    let refs: Vec<&dyn rusqlite::ToSql> = c.params.iter().map(|p| p.as_ref()).collect();
    let mut rows = st.query(refs.as_slice())?;
    if options.header {
        let mut names: Vec<&str> = COLUMN_NAMES.to_vec();
        if options.extras {
            names.extend(EXTRA_COLUMNS);
        }
        out.write_all(names.join("\t").as_bytes())?;
        out.write_all(b"\n")?;
    }
    let mut n = 0;
    while let Some(row) = rows.next()? {
        let cells = crate::query::cells(row, CELLS)?;
        let mut fields = gdelt_row(&cells);
        if options.extras {
            fields.extend(extra_row(&cells));
        }
        out.write_all(fields.join("\t").as_bytes())?;
        out.write_all(b"\n")?;
        n += 1;
    }
    Ok(n)
}

/// GDELT 2.0's names of the 61 columns, in order.
pub const COLUMN_NAMES: [&str; COLUMNS] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

fn text(c: &[Cell], i: usize) -> String {
    match c.get(i) {
        Some(Cell::Int(n)) => n.to_string(),
        Some(Cell::Real(x)) => x.to_string(),
        Some(Cell::Text(t)) => tsv_field(t),
        _ => String::new(),
    }
}

/// The place whose seven stored fields start at cell `at`, if the row has one.
fn place_at(c: &[Cell], at: usize) -> Option<PlaceRow> {
    let opt = |i: usize| Some(text(c, at + i)).filter(|s| !s.is_empty());
    let real = |i: usize| match c.get(at + i) {
        Some(Cell::Real(x)) => Some(*x),
        Some(Cell::Int(n)) => Some(*n as f64),
        _ => None,
    };
    Some(PlaceRow {
        name: opt(0)?,
        country: opt(1),
        lat: real(2),
        lon: real(3),
        geonameid: match c.get(at + 4) {
            Some(Cell::Int(n)) => Some(*n),
            _ => None,
        },
        kind: opt(5),
        admin1: opt(6),
    })
}

fn gdelt_row(c: &[Cell]) -> Vec<String> {
    let s = |i: usize| text(c, i);
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
    f.extend([s(5), s(6), s(7), s(8), s(9), s(15)]);
    // Actor1Geo_*, Actor2Geo_*, ActionGeo_*.
    f.extend(geography::columns(place_at(c, 24).as_ref()));
    f.extend(geography::columns(place_at(c, 31).as_ref()));
    f.extend(geography::columns(place_at(c, 17).as_ref()));
    f.push(s(10));
    f.push(s(11));
    f
}

/// The `--extras` columns: the date's precision and the names of the codes.
fn extra_row(c: &[Cell]) -> [String; 5] {
    let country_name = |code: &str| {
        split_actor(code)
            .country
            .get(..)
            .and_then(countries::by_cameo)
            .map(|c| c.name.to_string())
            .unwrap_or_default()
    };
    let action_country = place_at(c, 17)
        .and_then(|p| p.country)
        .and_then(|cc| countries::by_iso2(&cc))
        .map(|c| c.name.to_string())
        .unwrap_or_default();
    [
        text(c, 16),
        country_name(&text(c, 2)),
        country_name(&text(c, 3)),
        crate::codes::event_name(&text(c, 4))
            .unwrap_or_default()
            .to_string(),
        action_country,
    ]
}

/// SQLDATE, MonthYear, Year and FractionDate of an event date, empty when it names no calendar
/// time. A date coarser than a day stands for the first day of its period
/// ([`calendar_day`]: `2005` → 20050101); the extra column DatePrecision says so.
/// FractionDate is the year plus the share of it gone before that day:
/// `year + (day_of_year - 1) / days_in_year`, from `.0000` on 1 January to `.9973` on 31
/// December (GDELT's own `(month*30+day)/365` runs past the next year in late December).
fn date_columns(day: &str) -> [String; 4] {
    match calendar_day(day) {
        Some(d) => {
            let (y, m, dd) = (
                i32::from(d.year()),
                i32::from(d.month()),
                i32::from(d.day()),
            );
            let share = f64::from(d.day_of_year() - 1) / f64::from(d.days_in_year());
            [
                format!("{y:04}{m:02}{dd:02}"),
                format!("{y:04}{m:02}"),
                format!("{y:04}"),
                format!("{:.4}", f64::from(y) + share),
            ]
        }
        None => Default::default(),
    }
}

/// An actor code as GDELT writes it: an actor of unknown country is its role alone (`GOV`,
/// GDELT's code for a government the text does not place), not CAMEO's `---GOV`.
fn gdelt_code(code: &str) -> &str {
    code.strip_prefix("---").unwrap_or(code)
}

/// Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1Code, Religion2Code,
/// Type1Code, Type2Code, Type3Code of one actor.
fn actor_columns(code: &str, name: &str) -> [String; 10] {
    let p = split_actor(code);
    let [r1, r2] = p.religion;
    let [t1, t2, t3] = p.types;
    [
        gdelt_code(code).to_string(),
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
        // Countries the old code table lacked.
        let p = split_actor("IRQ");
        assert_eq!((p.country.as_str(), p.types[0].as_str()), ("IRQ", ""));
        let p = split_actor("UKRMIL");
        assert_eq!((p.country.as_str(), p.types[0].as_str()), ("UKR", "MIL"));
        // An actor of unknown country: no country, its role the type, GDELT's bare code.
        let p = split_actor("---COP");
        assert_eq!(p.country, "");
        assert_eq!(p.types, ["COP".to_string(), String::new(), String::new()]);
        assert_eq!(actor_columns("---COP", "police")[0], "COP");
    }

    /// Every actor code the project's dictionaries can emit, with the file it comes from.
    fn dictionary_codes() -> Vec<(String, &'static str)> {
        let files: [(&str, &str); 4] = [
            (
                "countries.txt",
                include_str!("../../../../dictionaries/actors/countries.txt"),
            ),
            (
                "regions.txt",
                include_str!("../../../../dictionaries/actors/regions.txt"),
            ),
            (
                "organisations.txt",
                include_str!("../../../../dictionaries/actors/organisations.txt"),
            ),
            (
                "leaders.txt",
                include_str!("../../../../dictionaries/actors/leaders.txt"),
            ),
        ];
        let mut codes = Vec::new();
        for (file, text) in files {
            for line in text.lines() {
                let line = line.split('#').next().unwrap_or("").trim();
                let fields: Vec<&str> = line.split(" | ").collect();
                if line.is_empty() {
                    continue;
                }
                if file != "leaders.txt" {
                    codes.push((fields[0].to_string(), file));
                    continue;
                }
                // `Name | alias=... | USAGOV 1993-01-20..2001-01-20; USAGOV 2025-01-20.. | role=...`
                for field in fields.iter().skip(1).filter(|f| !f.contains('=')) {
                    for term in field.split(';') {
                        if let Some(code) = term.split_whitespace().next() {
                            codes.push((code.to_string(), file));
                        }
                    }
                }
            }
        }
        codes
    }

    #[test]
    fn every_country_code_a_dictionary_can_emit_has_its_country_columns() {
        let kinds = actor_kinds();
        let codes = dictionary_codes();
        assert!(codes.len() > 500, "{} codes", codes.len());
        let mut failures = Vec::new();
        for (code, file) in &codes {
            let head = &code[..3];
            let parts = split_actor(code);
            if let Some(country) = countries::by_cameo(head) {
                // Actor1CountryCode, the extras' country name, a FIPS code for geography.
                if parts.country != head || country.name.is_empty() || country.fips.is_none() {
                    failures.push(format!("{file}: {code} -> {parts:?}"));
                }
            } else if kinds.get(head) == Some(&"region") {
                if parts.country != head {
                    failures.push(format!("{file}: region {code} -> {parts:?}"));
                }
            } else if parts.known_group.is_empty() && !kinds.contains_key(head) {
                failures.push(format!("{file}: {code}: {head} is in no code table"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn dates_fill_four_columns() {
        assert_eq!(
            date_columns("2019-02-28"),
            ["20190228", "201902", "2019", "2019.1589"]
        );
        // Late December stays in its year.
        assert_eq!(date_columns("2006-12-17")[3], "2006.9589");
        assert_eq!(date_columns("2005")[..3], ["20050101", "200501", "2005"]);
        assert_eq!(date_columns("sometime"), <[String; 4]>::default());
    }
}
