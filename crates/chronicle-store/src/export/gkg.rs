//! Articles as GKG 2.1 rows: 27 tab-separated columns a row, in the order and under the names of
//! GDELT's GKG 2.1 codebook ([`COLUMN_NAMES`], a header line only when asked). Each column is filled from the layer that carries it
//! (entities, places, dates, quotes, tone, themes, counts, amounts); a layer not yet produced
//! leaves its column empty. Locations carry the event rows' geography columns (FIPS 10-4
//! country codes from [`crate::countries`]).

use std::io::Write;

use chronicle_core::{Article, EntityType, TimexType};
use rusqlite::Connection;

use crate::error::Result;
use crate::export::geography::{self, PlaceRow};
use crate::export::{for_each_article_in, tsv_field};

/// Number of columns of a GKG 2.1 row.
pub const COLUMNS: usize = 27;

/// The GKG 2.1 codebook's names of the columns, in order: what `--header` writes, so that a
/// table reader names the columns as GDELT's documentation does.
pub const COLUMN_NAMES: [&str; COLUMNS] = [
    "GKGRECORDID",
    "V2.1DATE",
    "V2SOURCECOLLECTIONIDENTIFIER",
    "V2SOURCECOMMONNAME",
    "V2DOCUMENTIDENTIFIER",
    "V1COUNTS",
    "V2.1COUNTS",
    "V1THEMES",
    "V2ENHANCEDTHEMES",
    "V1LOCATIONS",
    "V2ENHANCEDLOCATIONS",
    "V1PERSONS",
    "V2ENHANCEDPERSONS",
    "V1ORGANIZATIONS",
    "V2ENHANCEDORGANIZATIONS",
    "V1.5TONE",
    "V2.1ENHANCEDDATES",
    "V2GCAM",
    "V2.1SHARINGIMAGE",
    "V2.1RELATEDIMAGES",
    "V2.1SOCIALIMAGEEMBEDS",
    "V2.1SOCIALVIDEOEMBEDS",
    "V2.1QUOTATIONS",
    "V2.1ALLNAMES",
    "V2.1AMOUNTS",
    "V2.1TRANSLATIONINFO",
    "V2EXTRASXML",
];

/// Writes every stored article as a GKG 2.1 row, after a line of [`COLUMN_NAMES`] when `header`
/// is set; returns how many rows (the header not counted).
pub fn write(conn: &Connection, header: bool, out: &mut dyn Write) -> Result<u64> {
    write_added(conn, None, header, out)
}

/// Writes the articles stored within `added` (every one when `None`) as GKG 2.1 rows, as
/// [`write`] does.
pub fn write_added(
    conn: &Connection,
    added: Option<&super::Window>,
    header: bool,
    out: &mut dyn Write,
) -> Result<u64> {
    if header {
        out.write_all(COLUMN_NAMES.join("\t").as_bytes())?;
        out.write_all(b"\n")?;
    }
    for_each_article_in(conn, added, |aid, added, article| {
        let row = gkg_row(aid, added, article);
        out.write_all(row.join("\t").as_bytes())?;
        out.write_all(b"\n")?;
        Ok(())
    })
}

/// A name or word as a sub-field: no separator of any GKG level survives in it.
fn clean(s: &str) -> String {
    tsv_field(s)
        .chars()
        .map(|c| {
            if matches!(c, ';' | '#' | ',' | '|') {
                ' '
            } else {
                c
            }
        })
        .collect()
}

fn gkg_row(aid: i64, added: &str, a: &Article) -> Vec<String> {
    let date = a
        .published
        .map(|d| format!("{:04}{:02}{:02}000000", d.year(), d.month(), d.day()))
        .unwrap_or_else(|| added.to_string());
    let mut f = Vec::with_capacity(COLUMNS);
    f.push(format!("{added}-{aid}"));
    f.push(date);
    f.push(if a.url.is_some() { "1" } else { "" }.to_string());
    f.push(a.source.as_deref().map(clean).unwrap_or_default());
    f.push(tsv_field(a.url.as_deref().unwrap_or(&a.id)));
    f.push(counts(a, false));
    f.push(counts(a, true));
    f.push(unique(a.themes.iter().map(|t| clean(&t.theme))).join(";"));
    f.push(join(
        a.themes
            .iter()
            .map(|t| format!("{},{}", clean(&t.theme), t.start)),
    ));
    f.push(unique(a.places.iter().map(|p| location(p, false))).join(";"));
    f.push(join(a.places.iter().map(|p| location(p, true))));
    f.extend(names(a, EntityType::Person));
    f.extend(names(a, EntityType::Org));
    f.push(tone(a));
    f.push(join(a.dates.iter().filter_map(enhanced_date)));
    f.push(
        a.tone
            .as_ref()
            .map(|t| format!("wc:{}", t.word_count))
            .unwrap_or_default(),
    );
    f.extend(std::iter::repeat_n(String::new(), 4));
    f.push(quotations(a));
    f.push(join(
        a.entities
            .iter()
            .map(|e| format!("{},{}", clean(&e.text), e.start)),
    ));
    f.push(join(a.amounts.iter().map(|m| {
        format!("{},{},{}", m.number, clean(&m.object), m.start)
    })));
    f.extend([String::new(), String::new()]);
    f
}

fn join(items: impl Iterator<Item = String>) -> String {
    items.collect::<Vec<_>>().join(";")
}

/// Items in first-seen order without repeats.
fn unique(items: impl Iterator<Item = String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    items.filter(|i| seen.insert(i.clone())).collect()
}

/// V1/V2 persons or organisations: unique canonical names, then every mention with its offset.
fn names(a: &Article, kind: EntityType) -> [String; 2] {
    let of_kind = || a.entities.iter().filter(move |e| e.kind == kind);
    [
        unique(of_kind().map(|e| clean(&e.canonical))).join(";"),
        join(of_kind().map(|e| format!("{},{}", clean(&e.canonical), e.start))),
    ]
}

/// `Type#FullName#CountryCode#ADM1Code[#ADM2Code]#Lat#Long#FeatureID[#CharOffset]`, the
/// columns [`geography`] gives the event rows.
fn location(p: &chronicle_core::Place, enhanced: bool) -> String {
    let [ty, name, cc, adm1, adm2, lat, lon, id] = geo_fields(p);
    if enhanced {
        format!(
            "{ty}#{name}#{cc}#{adm1}#{adm2}#{lat}#{lon}#{id}#{}",
            p.start
        )
    } else {
        format!("{ty}#{name}#{cc}#{adm1}#{lat}#{lon}#{id}")
    }
}

/// A place's geography columns as GKG sub-fields (the full name keeps its commas, as GDELT's
/// "City, State, Country" does; no other separator survives).
fn geo_fields(p: &chronicle_core::Place) -> [String; 8] {
    geography::columns(Some(&PlaceRow::of(p))).map(|f| f.replace([';', '#', '|'], " "))
}

/// `CountType#Count#ObjectType#LocType#LocFullName#LocCountry#LocADM1#Lat#Long#FeatureID`
/// (and `#CharOffset` in V2.1), the location named by the count's place when there is one.
fn counts(a: &Article, with_offset: bool) -> String {
    join(a.counts.iter().map(|c| {
        let place = c
            .place
            .as_deref()
            .and_then(|name| a.places.iter().find(|p| p.name == name || p.text == name));
        let loc = match place {
            Some(p) => {
                let [ty, name, cc, adm1, _, lat, lon, id] = geo_fields(p);
                format!("{ty}#{name}#{cc}#{adm1}#{lat}#{lon}#{id}")
            }
            None => "######".to_string(),
        };
        let mut s = format!("{}#{}#{}#{loc}", clean(&c.kind), c.number, clean(&c.object));
        if with_offset {
            s.push_str(&format!("#{}", c.start));
        }
        s
    }))
}

/// `Tone,Positive,Negative,Polarity,ActivityRefDensity,SelfGroupRefDensity,WordCount`.
fn tone(a: &Article) -> String {
    a.tone
        .as_ref()
        .map(|t| {
            format!(
                "{},{},{},{},{},{},{}",
                t.score, t.positive, t.negative, t.polarity, t.activity, t.self_group, t.word_count
            )
        })
        .unwrap_or_default()
}

/// `Resolution#Month#Day#Year#CharOffset` of a date mention whose value is a calendar date:
/// 1 a year, 2 a month, 3 a day, 4 a day of an unknown year.
fn enhanced_date(d: &chronicle_core::DateMention) -> Option<String> {
    if d.kind != TimexType::Date {
        return None;
    }
    let parts: Vec<&str> = d.value.split('-').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let (res, y, m, day) = match parts.as_slice() {
        // A day the text does not name (`1998-10-XX`) is known to its month or year.
        [y] | [y, "XX", "XX"] if digits(y, 4) => (1, *y, "0", "0"),
        [y, m] | [y, m, "XX"] if digits(y, 4) && digits(m, 2) => (2, *y, *m, "0"),
        [y, m, dd] if digits(y, 4) && digits(m, 2) && digits(dd, 2) => (3, *y, *m, *dd),
        ["XXXX", m, dd] if digits(m, 2) && digits(dd, 2) => (4, "0", *m, *dd),
        _ => return None,
    };
    let n = |s: &str| s.trim_start_matches('0').parse::<u32>().unwrap_or(0);
    Some(format!("{res}#{}#{}#{}#{}", n(m), n(day), n(y), d.start))
}

/// `Offset|Length|Verb|Quote` blocks joined by `#`, GDELT's four fields, each followed by
/// Chronicle's own: `|Speaker|SpeakerOffset|SpeakerLength|VerbOffset|Utterance` (the speaker's
/// name, where the mention it was read from and the verb stand, in characters, and the number
/// the pieces of one utterance share); empty where unknown. Readers of GDELT's four fields
/// find them where they were.
fn quotations(a: &Article) -> String {
    let num = |n: Option<usize>| n.map(|n| n.to_string()).unwrap_or_default();
    a.quotes
        .iter()
        .map(|q| {
            let speaker_len = q
                .speaker_start
                .zip(q.speaker_end)
                .map(|(s, e)| e - s.min(e));
            format!(
                "{}|{}|{}|{}|{}|{}|{}|{}|{}",
                q.start,
                q.end.saturating_sub(q.start),
                clean(q.cue.as_deref().unwrap_or("")),
                clean(&q.text),
                clean(q.speaker.as_deref().unwrap_or("")),
                num(q.speaker_start),
                num(speaker_len),
                num(q.cue_start),
                num(q.utterance)
            )
        })
        .collect::<Vec<_>>()
        .join("#")
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_core::DateMention;

    fn date(value: &str) -> DateMention {
        DateMention {
            start: 7,
            end: 9,
            text: "x".into(),
            value: value.into(),
            kind: TimexType::Date,
        }
    }

    #[test]
    fn dates_carry_their_resolution() {
        assert_eq!(
            enhanced_date(&date("2019")).as_deref(),
            Some("1#0#0#2019#7")
        );
        assert_eq!(
            enhanced_date(&date("2019-02")).as_deref(),
            Some("2#2#0#2019#7")
        );
        assert_eq!(
            enhanced_date(&date("2020-07-04")).as_deref(),
            Some("3#7#4#2020#7")
        );
        assert_eq!(
            enhanced_date(&date("XXXX-03-18")).as_deref(),
            Some("4#3#18#0#7")
        );
        assert_eq!(
            enhanced_date(&date("1998-10-XX")).as_deref(),
            Some("2#10#0#1998#7")
        );
        assert_eq!(
            enhanced_date(&date("1998-XX-XX")).as_deref(),
            Some("1#0#0#1998#7")
        );
        assert_eq!(enhanced_date(&date("PRESENT_REF")), None);
    }

    #[test]
    fn an_empty_article_still_has_27_columns() {
        let a = Article::new("x", "Body.");
        let row = gkg_row(1, "20201127120000", &a);
        assert_eq!(row.len(), COLUMNS);
        assert_eq!(row[0], "20201127120000-1");
        assert_eq!(row[4], "x");
    }
}
