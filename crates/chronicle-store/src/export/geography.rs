//! GDELT's eight geography columns of a place (Type, FullName, CountryCode, ADM1Code,
//! ADM2Code, Lat, Long, FeatureID), from a stored place row and the project's country table.
//!
//! - Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (first-level
//!   division); a county or district counts as a city (it is finer than a state), a region
//!   inside one country (Crimea) as a state; a continent or sea has no type.
//! - FullName: "City, State, Country" as GDELT writes it.
//! - CountryCode: FIPS 10-4 ([`crate::countries`]).
//! - ADM1Code: the FIPS country code for a country; `US` + the USPS code for a US state and the
//!   places in it (`USKY`), as GDELT writes them. Chronicle has no table of FIPS first-level
//!   division codes for other countries, so a world city's or state's ADM1Code is empty.
//! - ADM2Code: empty (no GAUL table).
//! - FeatureID: the textual code for a country or a US state (`IZ`, `USKY`), as GDELT does; the
//!   GeoNames id for other places (GDELT uses GNS/GNIS ids; Chronicle's gazetteer is GeoNames).

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::countries;

static US_STATES: &str = include_str!("../../../../dictionaries/places/us_states.tsv");

/// The USPS code of a US state as the gazetteer names it (`Kentucky` → `KY`).
pub fn us_state_code(name: &str) -> Option<&'static str> {
    static TABLE: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    TABLE
        .get_or_init(|| {
            US_STATES
                .lines()
                .filter(|l| !l.starts_with('#'))
                .filter_map(|l| l.split_once('\t'))
                .collect()
        })
        .get(name)
        .copied()
}

/// What the store keeps of a place.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlaceRow {
    pub name: String,
    /// ISO alpha-2.
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub geonameid: Option<i64>,
    /// `country`, `admin1`, `admin2`, `city` or `region`; absent for places stored before the
    /// store kept it.
    pub kind: Option<String>,
    pub admin1: Option<String>,
}

impl PlaceRow {
    /// What the store keeps of an article's place.
    pub fn of(p: &chronicle_core::Place) -> PlaceRow {
        PlaceRow {
            name: p.name.clone(),
            country: p.country.clone(),
            lat: p.lat,
            lon: p.lon,
            geonameid: p.geonameid.and_then(|g| i64::try_from(g).ok()),
            kind: p
                .kind
                .as_ref()
                .and_then(|k| crate::contract::name_of(k).ok()),
            admin1: p.admin1.clone(),
        }
    }
}

/// The eight GDELT columns of `place`; all empty without one.
pub fn columns(place: Option<&PlaceRow>) -> [String; 8] {
    let Some(p) = place else {
        return Default::default();
    };
    let country = p.country.as_deref().and_then(countries::by_iso2);
    let fips = country.and_then(|c| c.fips).unwrap_or("");
    let us = p.country.as_deref() == Some("US");
    let kind = p.kind.as_deref().unwrap_or("");
    let state = p.admin1.as_deref().and_then(us_state_code).filter(|_| us);
    let in_one_country = p.country.is_some();
    let geo_type = match (kind, us) {
        ("country", _) => "1",
        ("admin1", true) => "2",
        ("city" | "admin2", true) => "3",
        ("city" | "admin2", false) => "4",
        ("admin1", false) => "5",
        // a region inside one country (Crimea, Kashmir, the Gaza Strip) is read as GDELT reads
        // a first-level division: a state of the world, or of the US
        ("region", true) => "2",
        ("region", false) if in_one_country => "5",
        _ => "",
    };
    let adm1 = match (kind, state) {
        ("country", _) => fips.to_string(),
        (_, Some(s)) => format!("US{s}"),
        _ => String::new(),
    };
    let feature = match kind {
        "country" => fips.to_string(),
        "admin1" if !adm1.is_empty() => adm1.clone(),
        _ => p.geonameid.map(|g| g.to_string()).unwrap_or_default(),
    };
    let coordinate = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
    [
        geo_type.to_string(),
        full_name(p, kind, country.map(|c| c.name)),
        fips.to_string(),
        adm1,
        String::new(),
        coordinate(p.lat),
        coordinate(p.lon),
        feature,
    ]
}

/// "Lexington, Kentucky, United States"; a country by its name alone.
fn full_name(p: &PlaceRow, kind: &str, country: Option<&str>) -> String {
    let mut parts: Vec<&str> = vec![p.name.as_str()];
    if matches!(kind, "city" | "admin2")
        && let Some(a) = p.admin1.as_deref().filter(|a| *a != p.name)
    {
        parts.push(a);
    }
    if kind != "country"
        && let Some(c) = country.filter(|c| *c != p.name)
    {
        parts.push(c);
    }
    crate::export::tsv_field(&parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(name: &str, cc: &str, kind: &str, admin1: Option<&str>) -> PlaceRow {
        PlaceRow {
            name: name.into(),
            country: Some(cc.into()),
            lat: Some(1.5),
            lon: Some(-2.25),
            geonameid: Some(42),
            kind: Some(kind.into()),
            admin1: admin1.map(str::to_string),
        }
    }

    #[test]
    fn places_fill_gdelt_columns_by_their_resolution() {
        let c = columns(Some(&place("Iraq", "IQ", "country", None)));
        assert_eq!(c, ["1", "Iraq", "IZ", "IZ", "", "1.5", "-2.25", "IZ"]);
        let c = columns(Some(&place("Kentucky", "US", "admin1", Some("Kentucky"))));
        assert_eq!(c[..4], ["2", "Kentucky, United States", "US", "USKY"]);
        assert_eq!(c[7], "USKY");
        let c = columns(Some(&place("Lexington", "US", "city", Some("Kentucky"))));
        assert_eq!(
            c[..4],
            ["3", "Lexington, Kentucky, United States", "US", "USKY"]
        );
        assert_eq!(c[7], "42");
        let c = columns(Some(&place("Basra", "IQ", "city", Some("Basra"))));
        assert_eq!(c[..4], ["4", "Basra, Iraq", "IZ", ""]);
        let c = columns(Some(&place("Bavaria", "DE", "admin1", Some("Bavaria"))));
        assert_eq!(c[..4], ["5", "Bavaria, Germany", "GM", ""]);
        let c = columns(Some(&place("Crimea", "UA", "region", None)));
        assert_eq!(c[..3], ["5", "Crimea, Ukraine", "UP"]);
        assert_eq!(columns(None), <[String; 8]>::default());
    }
}
