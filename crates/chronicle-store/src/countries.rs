//! The project's one table of countries: CAMEO code, ISO 3166-1 alpha-3 and alpha-2, FIPS 10-4
//! (GEC) code and English name of every country and territory.
//!
//! Exists so that every export names and codes a country the same way, whichever code the row
//! starts from: an actor code's country piece is CAMEO (`IRQ`), a place's country is ISO alpha-2
//! (`IQ`), and GDELT's geography columns want FIPS (`IZ`). The table is read from the actor
//! dictionary (`dictionaries/actors/countries.txt`, the file the names stage codes actors from)
//! and `dictionaries/actors/territories.txt` (territories the gazetteer knows that code no actor),
//! so the codes an article's actors carry and the codes the exports know cannot drift apart.

use std::collections::HashMap;
use std::sync::OnceLock;

static COUNTRIES: &str = include_str!("../../../dictionaries/actors/countries.txt");
static TERRITORIES: &str = include_str!("../../../dictionaries/actors/territories.txt");

/// One country or territory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    /// The CAMEO country code, the first three letters of an actor code (`IRQ`, `KSV`).
    pub cameo: &'static str,
    /// ISO 3166-1 alpha-3 (`IRQ`; Kosovo's user-assigned `XKX`).
    pub iso3: &'static str,
    /// ISO 3166-1 alpha-2, as places carry it (`IQ`).
    pub iso2: &'static str,
    /// FIPS 10-4 / GEC, as GDELT's geography columns carry it (`IZ`); `None` where FIPS has no
    /// one code (the US Minor Outlying Islands).
    pub fips: Option<&'static str>,
    /// The common English short name (`Iraq`).
    pub name: &'static str,
}

/// The whole table with its look-ups, built once.
struct Table {
    rows: Vec<Country>,
    by_cameo: HashMap<&'static str, usize>,
    by_iso2: HashMap<&'static str, usize>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let rows: Vec<Country> = parse(COUNTRIES).chain(parse(TERRITORIES)).collect();
        let mut by_cameo = HashMap::new();
        let mut by_iso2 = HashMap::new();
        for (i, c) in rows.iter().enumerate() {
            by_cameo.entry(c.cameo).or_insert(i);
            by_iso2.entry(c.iso2).or_insert(i);
        }
        Table {
            rows,
            by_cameo,
            by_iso2,
        }
    })
}

/// The entries of a file in the `countries.txt` format; a line without `iso2=` is no country.
fn parse(text: &'static str) -> impl Iterator<Item = Country> {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .filter_map(|line| {
            let fields: Vec<&'static str> = line.split(" | ").map(str::trim).collect();
            let (&cameo, &name) = (fields.first()?, fields.get(1)?);
            let key = |k: &str| fields.iter().find_map(|f| f.strip_prefix(k));
            let iso2 = key("iso2=")?;
            Some(Country {
                cameo,
                // Kosovo has no ISO alpha-3; `XKX` is the user-assigned code in common use.
                iso3: if cameo == "KSV" { "XKX" } else { cameo },
                iso2,
                fips: key("fips="),
                name,
            })
        })
}

/// Every country and territory, actor dictionary first.
pub fn all() -> &'static [Country] {
    &table().rows
}

/// The country of a CAMEO country code (`IRQ`).
pub fn by_cameo(code: &str) -> Option<&'static Country> {
    let t = table();
    t.by_cameo.get(code).map(|&i| &t.rows[i])
}

/// The country of an ISO alpha-2 code (`IQ`), as places carry it.
pub fn by_iso2(code: &str) -> Option<&'static Country> {
    let t = table();
    t.by_iso2.get(code).map(|&i| &t.rows[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_countries_the_old_export_table_lacked_are_known() {
        for (cameo, fips, name) in [
            ("IRQ", "IZ", "Iraq"),
            ("UKR", "UP", "Ukraine"),
            ("GEO", "GG", "Georgia"),
            ("KWT", "KU", "Kuwait"),
            ("VAT", "VT", "Holy See"),
            ("DEU", "GM", "Germany"),
            ("GBR", "UK", "United Kingdom"),
        ] {
            let c = by_cameo(cameo).unwrap_or_else(|| panic!("{cameo} missing"));
            assert_eq!(c.fips, Some(fips), "{cameo}");
            assert!(c.name.starts_with(name), "{cameo}: {}", c.name);
        }
        assert_eq!(
            by_cameo("KSV").map(|c| (c.iso3, c.iso2)),
            Some(("XKX", "XK"))
        );
        assert_eq!(by_iso2("IQ").map(|c| c.cameo), Some("IRQ"));
    }

    #[test]
    fn codes_are_unique_and_well_formed() {
        let mut seen = std::collections::HashSet::new();
        for c in all() {
            assert!(seen.insert(c.cameo), "{} twice", c.cameo);
            assert!(c.cameo.len() == 3 && c.cameo.bytes().all(|b| b.is_ascii_uppercase()));
            assert!(c.iso2.len() == 2 && c.iso2.bytes().all(|b| b.is_ascii_uppercase()));
            if let Some(f) = c.fips {
                assert!(
                    f.len() == 2 && f.bytes().all(|b| b.is_ascii_uppercase()),
                    "{f}"
                );
            }
        }
        assert!(all().len() > 250, "{}", all().len());
    }

    #[test]
    fn every_gazetteer_country_has_a_row() {
        let gazetteer = include_str!("../../../dictionaries/places/countries.tsv");
        for line in gazetteer.lines().filter(|l| !l.starts_with('#')) {
            let Some(cc) = line.split('\t').next().filter(|c| !c.is_empty()) else {
                continue;
            };
            let c = by_iso2(cc).unwrap_or_else(|| panic!("{cc} has no row"));
            assert!(c.fips.is_some() || cc == "UM", "{cc} has no FIPS code");
        }
    }
}
