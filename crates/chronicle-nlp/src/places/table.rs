//! The embedded gazetteer as bytes. `build.rs` builds the [`Gazetteer`] from its sources once,
//! at compile time, and writes it in this format; the binary reads it in place, so that start-up
//! costs neither parsing 180,000 rows nor hashing 170,000 names into a map.
//!
//! Layout, little-endian: [`MAGIC`], then seven sections, each its byte length (`u32`) and its
//! bytes:
//! 1. strings: UTF-8, the entries' names and the names' keys, referred to by offset and length;
//! 2. entries, [`ENTRY`] bytes each: name offset and length, country code, admin1 (`u32::MAX`
//!    for none), latitude, longitude, population (`u64`), GeoNames id, kind, capital;
//! 3. readings, [`READING`] bytes each: entry, after-comma-only flag;
//! 4. names, [`RECORD`] bytes each: key offset and length, first reading, reading count;
//! 5. slots: an open-addressing table (a power of two of `u32`s, at most half full) of name
//!    index + 1 (0: empty), probed linearly from the key's FNV-1a hash;
//! 6. countries, 6 bytes each: country code, entry;
//! 7. demonyms, 10 bytes each: key offset and length, country code;
//!
//! and last the longest name in words (`u32`).

use std::borrow::Cow;
use std::hash::Hasher;

use super::gazetteer::{Entry, Gazetteer, Kind, Reading};
use crate::hash::{FastMap, Fnv};

const MAGIC: &[u8; 8] = b"CHRGAZ01";
const ENTRY: usize = 36;
const READING: usize = 5;
const RECORD: usize = 16;

/// The embedded table of names, read in place: each name's readings without a map.
#[derive(Debug, Clone)]
pub struct NameTable {
    strings: &'static str,
    records: &'static [u8],
    slots: &'static [u8],
    readings: Vec<Reading>,
    /// Number of slots less one (a power of two less one).
    mask: usize,
}

impl NameTable {
    /// The readings of a normalised name; empty when the table does not hold it.
    pub fn readings(&self, key: &str) -> &[Reading] {
        let mut slot = slot_hash(key) as usize & self.mask;
        // At most half the slots are full, so an empty one ends every probe.
        for _ in 0..=self.mask {
            let Some(index) = u32_at(self.slots, slot * 4).and_then(|s| s.checked_sub(1)) else {
                return &[];
            };
            let record = index as usize * RECORD;
            let text = str_at(self.strings, self.records, record);
            if text == Some(key) {
                let first = u32_at(self.records, record + 8).unwrap_or(0) as usize;
                let count = u32_at(self.records, record + 12).unwrap_or(0) as usize;
                return self.readings.get(first..first + count).unwrap_or(&[]);
            }
            slot = (slot + 1) & self.mask;
        }
        &[]
    }
}

/// The hash that places a key in the slot table, the same at build time and at run time.
fn slot_hash(key: &str) -> u64 {
    let mut h = Fnv::default();
    h.write(key.as_bytes());
    h.finish()
}

/// The bytes of `g`, which must hold its names in its map (a gazetteer just built, not read).
/// Called by the build script; the library only reads.
#[allow(dead_code)]
pub fn encode(g: &Gazetteer) -> Vec<u8> {
    let mut strings = String::new();
    let mut put = |s: &str| {
        let at = strings.len() as u32;
        strings.push_str(s);
        (at, s.len() as u32)
    };
    let mut entries = Vec::with_capacity(g.entries.len() * ENTRY);
    for e in &g.entries {
        let (at, len) = put(&e.name);
        entries.extend(at.to_le_bytes());
        entries.extend(len.to_le_bytes());
        entries.extend(e.cc);
        entries.extend(e.admin1.unwrap_or(u32::MAX).to_le_bytes());
        entries.extend(e.lat.to_le_bytes());
        entries.extend(e.lon.to_le_bytes());
        entries.extend(e.population.to_le_bytes());
        entries.extend(e.geonameid.to_le_bytes());
        entries.push(kind_code(e.kind));
        entries.push(u8::from(e.capital));
    }
    // Names in key order, so that the same sources give the same bytes.
    let mut names: Vec<(&str, &Vec<Reading>)> = g.names.iter().map(|(k, v)| (&**k, v)).collect();
    names.sort_unstable_by_key(|&(k, _)| k);
    let mut readings = Vec::new();
    let mut records = Vec::with_capacity(names.len() * RECORD);
    let mut count = 0u32;
    let slot_count = (names.len() * 2).next_power_of_two().max(2);
    let mut slots = vec![0u32; slot_count];
    for (index, (key, list)) in names.iter().enumerate() {
        let (at, len) = put(key);
        records.extend(at.to_le_bytes());
        records.extend(len.to_le_bytes());
        records.extend(count.to_le_bytes());
        records.extend((list.len() as u32).to_le_bytes());
        for r in list.iter() {
            readings.extend(r.entry.to_le_bytes());
            readings.push(u8::from(r.after_comma_only));
        }
        count += list.len() as u32;
        let mut slot = slot_hash(key) as usize & (slot_count - 1);
        while slots[slot] != 0 {
            slot = (slot + 1) & (slot_count - 1);
        }
        slots[slot] = index as u32 + 1;
    }
    let mut countries: Vec<([u8; 2], u32)> = g.countries.iter().map(|(&c, &e)| (c, e)).collect();
    countries.sort_unstable();
    let countries: Vec<u8> = countries
        .iter()
        .flat_map(|(c, e)| c.iter().copied().chain(e.to_le_bytes()))
        .collect();
    let mut demonyms: Vec<(&str, [u8; 2])> = g.demonyms.iter().map(|(k, &c)| (&**k, c)).collect();
    demonyms.sort_unstable();
    let mut demonym_bytes = Vec::new();
    for (key, cc) in demonyms {
        let (at, len) = put(key);
        demonym_bytes.extend(at.to_le_bytes());
        demonym_bytes.extend(len.to_le_bytes());
        demonym_bytes.extend(cc);
    }
    let slots: Vec<u8> = slots.iter().flat_map(|s| s.to_le_bytes()).collect();
    let mut out = MAGIC.to_vec();
    for section in [
        strings.as_bytes(),
        &entries,
        &readings,
        &records,
        &slots,
        &countries,
        &demonym_bytes,
    ] {
        out.extend((section.len() as u32).to_le_bytes());
        out.extend_from_slice(section);
    }
    out.extend((g.max_words as u32).to_le_bytes());
    out
}

/// The gazetteer written by [`encode`], its names read in place from `bytes`.
pub fn decode(bytes: &'static [u8]) -> Result<Gazetteer, String> {
    let rest = bytes
        .strip_prefix(MAGIC.as_slice())
        .ok_or("not a gazetteer table (bad magic)")?;
    let mut sections = [&[][..]; 7];
    let mut at = 0usize;
    for section in &mut sections {
        let len = u32_at(rest, at).ok_or("truncated section length")? as usize;
        *section = rest.get(at + 4..at + 4 + len).ok_or("truncated section")?;
        at += 4 + len;
    }
    let max_words = u32_at(rest, at).ok_or("truncated word count")? as usize;
    let [
        strings,
        entries,
        readings,
        records,
        slots,
        countries,
        demonyms,
    ] = sections;
    let strings = std::str::from_utf8(strings).map_err(|e| format!("strings: {e}"))?;
    let entries = entries
        .chunks_exact(ENTRY)
        .map(|c| entry(strings, c))
        .collect::<Option<Vec<Entry>>>()
        .ok_or("malformed entry")?;
    let readings = readings
        .chunks_exact(READING)
        .map(|c| {
            Some(Reading {
                entry: u32_at(c, 0)?,
                after_comma_only: *c.get(4)? != 0,
            })
        })
        .collect::<Option<Vec<Reading>>>()
        .ok_or("malformed reading")?;
    let slot_count = slots.len() / 4;
    if !slot_count.is_power_of_two() {
        return Err("slot table size is no power of two".into());
    }
    let countries: FastMap<[u8; 2], u32> = countries
        .chunks_exact(6)
        .map(|c| Some(([*c.first()?, *c.get(1)?], u32_at(c, 2)?)))
        .collect::<Option<_>>()
        .ok_or("malformed country")?;
    let demonyms: FastMap<Box<str>, [u8; 2]> = demonyms
        .chunks_exact(10)
        .map(|c| Some((str_at(strings, c, 0)?.into(), [*c.get(8)?, *c.get(9)?])))
        .collect::<Option<_>>()
        .ok_or("malformed demonym")?;
    Ok(Gazetteer {
        entries,
        names: FastMap::default(),
        table: Some(NameTable {
            strings,
            records,
            slots,
            readings,
            mask: slot_count - 1,
        }),
        countries,
        demonyms,
        max_words,
    })
}

fn entry(strings: &'static str, c: &[u8]) -> Option<Entry> {
    let f32_at = |at: usize| u32_at(c, at).map(f32::from_bits);
    let admin1 = u32_at(c, 10)?;
    Some(Entry {
        name: Cow::Borrowed(str_at(strings, c, 0)?),
        cc: [*c.get(8)?, *c.get(9)?],
        admin1: (admin1 != u32::MAX).then_some(admin1),
        lat: f32_at(14)?,
        lon: f32_at(18)?,
        population: u64::from_le_bytes(c.get(22..30)?.try_into().ok()?),
        geonameid: u32_at(c, 30)?,
        kind: kind_of(*c.get(34)?)?,
        capital: *c.get(35)? != 0,
    })
}

fn kind_code(k: Kind) -> u8 {
    match k {
        Kind::Country => 0,
        Kind::Admin1 => 1,
        Kind::Admin2 => 2,
        Kind::City => 3,
        Kind::Region => 4,
    }
}

fn kind_of(code: u8) -> Option<Kind> {
    Some(match code {
        0 => Kind::Country,
        1 => Kind::Admin1,
        2 => Kind::Admin2,
        3 => Kind::City,
        4 => Kind::Region,
        _ => return None,
    })
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// The string whose offset and length are the two `u32`s at `at` in `b`.
fn str_at<'s>(strings: &'s str, b: &[u8], at: usize) -> Option<&'s str> {
    let start = u32_at(b, at)? as usize;
    let len = u32_at(b, at + 4)? as usize;
    strings.get(start..start + len)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The embedded table holds exactly what the sources build: every entry, every name with
    /// its readings in order, every country and nationality word.
    #[test]
    fn the_embedded_table_is_the_gazetteer_the_sources_build() {
        let fresh = super::super::load::build(include_str!(env!("CHRONICLE_CITIES_CSV")));
        let table = Gazetteer::embedded();
        assert!(
            table.names.is_empty(),
            "the embedded names live in the table"
        );
        assert_eq!(table.entries.len(), fresh.entries.len());
        assert!(table.entries == fresh.entries, "entries differ");
        for (key, readings) in &fresh.names {
            assert_eq!(table.readings(key), readings.as_slice(), "{key}");
        }
        assert!(table.readings("no such place anywhere").is_empty());
        assert_eq!(table.countries, fresh.countries);
        assert_eq!(table.demonyms, fresh.demonyms);
        assert_eq!(table.max_words, fresh.max_words);
    }

    #[test]
    fn names_added_over_the_table_keep_the_tables_readings() {
        let mut g = Gazetteer::embedded().clone();
        let paris = g.lookup("Paris").to_vec();
        assert!(!paris.is_empty());
        let e = g.push(Entry {
            name: Cow::Borrowed("Paris"),
            cc: *b"US",
            admin1: None,
            lat: 33.66,
            lon: -95.55,
            population: 25_000,
            geonameid: 0,
            kind: Kind::City,
            capital: false,
        });
        g.name("Paris", e, false);
        let now = g.lookup("Paris");
        assert_eq!(&now[..paris.len()], paris.as_slice());
        assert_eq!(now.len(), paris.len() + 1);
        assert!(decode(b"CHRGAZ01\x10\x00").is_err());
        assert!(decode(b"garbage").is_err());
    }
}
