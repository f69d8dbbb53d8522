//! A country's name that is also a first-level division of another country: "Georgia" is the
//! Caucasus state and the US state. The dictionary match codes the country; the article decides,
//! as the places stage decides which place the name is: the countries of its other places and
//! nationalities weigh for each reading, on top of the reading's own prior (a country before a
//! state). Where the division wins, the mention is a place of that
//! division's country ("Georgia" → USA, as "Alabama" is), and joins no referent with the
//! country.

use std::sync::OnceLock;

use chronicle_core::EntityType;

use super::resolve::Named;
use super::resources::NameResources;
use super::spot::Tokens;
use crate::hash::FastMap;
use crate::places::gazetteer::{Gazetteer, Kind};

/// How much the article's country shares add to a reading (the places stage's weight).
const COUNTRY_WEIGHT: f32 = 3.0;

/// What a nationality weighs against a place or a coded name.
const NATIONALITY_WEIGHT: f32 = 0.5;

/// Actor code of a country → its ISO 3166-1 alpha-2 code, from the team's country table.
fn iso2_of_code() -> &'static FastMap<&'static str, [u8; 2]> {
    static MAP: OnceLock<FastMap<&'static str, [u8; 2]>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = FastMap::default();
        for c in crate::countries::parse(crate::countries::EMBEDDED)
            .into_iter()
            .flatten()
        {
            if let Some(&[a, b]) = c.values("iso2").next().map(str::as_bytes) {
                map.insert(c.code, [a, b]);
            }
        }
        map
    })
}

/// The ISO code of an actor code's country ("USAGOV" → US).
fn country_of(actor: &str) -> Option<[u8; 2]> {
    actor.get(..3).and_then(|c| iso2_of_code().get(c).copied())
}

/// Recodes each country mention whose name the gazetteer also knows as a first-level division of
/// another country, where the article's other names speak for the division.
pub(super) fn settle(t: &Tokens<'_>, res: &NameResources, named: &mut [Named]) {
    let g = Gazetteer::embedded();
    for k in 0..named.len() {
        let n = &named[k];
        let country_entry = n
            .entry
            .filter(|&e| n.kind == EntityType::Gpe && res.dict.entries[e].sovereign);
        let Some(own) = country_entry.and(n.actor.as_deref()).and_then(country_of) else {
            continue;
        };
        let text = super::resolve::mention_text(t, n.first, n.end);
        let readings = g.lookup(&text);
        let entry = |r: &crate::places::gazetteer::Reading| g.entries.get(r.entry as usize);
        let country = readings
            .iter()
            .filter_map(entry)
            .find(|e| e.kind == Kind::Country && e.cc == own);
        let division = readings
            .iter()
            .filter(|r| !r.after_comma_only)
            .filter_map(|r| Some((r.entry, entry(r)?)))
            .filter(|(_, e)| e.kind == Kind::Admin1 && e.cc != own)
            .max_by(|a, b| {
                crate::places::resolve::prior(a.1).total_cmp(&crate::places::resolve::prior(b.1))
            });
        let (Some(country), Some((division_at, division))) = (country, division) else {
            continue;
        };
        let division_wins = contains(t, named, k, division_at) || {
            let share = shares(t, named, &text);
            let score = |e: &crate::places::gazetteer::Entry| {
                crate::places::resolve::prior(e) + COUNTRY_WEIGHT * share(e.cc)
            };
            score(division) > score(country)
        };
        if !division_wins {
            continue;
        }
        let code = iso2_of_code()
            .iter()
            .find(|(_, cc)| **cc == division.cc)
            .map(|(code, _)| (*code).to_string());
        let n = &mut named[k];
        n.entry = None;
        n.actor = code;
    }
}

/// "Atlanta, Georgia": the place right before the mention and a comma is a town of the
/// division.
fn contains(t: &Tokens<'_>, named: &[Named], k: usize, division: u32) -> bool {
    let g = Gazetteer::embedded();
    let Some(before) = k.checked_sub(1).and_then(|j| named.get(j)) else {
        return false;
    };
    let first = named[k].first;
    let after_comma = before.end + 1 == first && t.text(before.end) == ",";
    let place = matches!(before.kind, EntityType::Gpe | EntityType::Loc);
    after_comma
        && place
        && g.lookup(&super::resolve::mention_text(t, before.first, before.end))
            .iter()
            .filter_map(|r| g.entries.get(r.entry as usize))
            .any(|e| e.admin1 == Some(division))
}

/// The share of the article's evidence (its other names' countries, not the words `text`
/// itself) that each country holds.
fn shares<'n>(t: &Tokens<'_>, named: &'n [Named], text: &str) -> impl Fn([u8; 2]) -> f32 + 'n {
    let evidence: Vec<([u8; 2], f32)> = named
        .iter()
        .filter(|m| super::resolve::mention_text(t, m.first, m.end) != text)
        .filter_map(|m| {
            let cc = country_of(m.actor.as_deref()?)?;
            let weight = match m.kind {
                EntityType::Gpe | EntityType::Loc => 1.0,
                EntityType::Norp => NATIONALITY_WEIGHT,
                EntityType::Person | EntityType::Org => return None,
            };
            Some((cc, weight))
        })
        .collect();
    let total: f32 = evidence.iter().map(|e| e.1).sum();
    move |cc| {
        if total <= 0.0 {
            return 0.0;
        }
        evidence
            .iter()
            .filter(|e| e.0 == cc)
            .map(|e| e.1)
            .sum::<f32>()
            / total
    }
}
