//! Disambiguation: which place each toponym names.
//!
//! A reading's prior grows with its population and its scale (a country before a province
//! before a town; capitals first among towns). The article then speaks for its countries and
//! divisions: every toponym whose best reading clearly wins, and every nationality word ("North
//! Korean" → KP), is evidence for its country; readings in the countries and first-level
//! divisions the article talks about gain. Containment decides outright: in "Springfield,
//! Illinois" the Springfield is the one in Illinois, and the Illinois is the state. One name
//! keeps one reading throughout an article.

use chronicle_core::{Article, EntityType};

use super::gazetteer::{Entry, Gazetteer, Kind, push_key};
use super::spot::Toponym;
use crate::hash::{FastMap, FastSet};

/// How much the article's country shares add to a reading (times the share, 0..1).
const COUNTRY_WEIGHT: f32 = 3.0;
/// What a reading in a first-level division that the article names gains.
const DIVISION_BONUS: f32 = 2.0;
/// How far a best reading must lead the best reading in another country to count as evidence.
const CLEAR_MARGIN: f32 = 1.0;
/// A city of this many people is known by its name alone ("Los Angeles")...
const FAMOUS_POPULATION: u64 = 1_000_000;
/// ... over a namesake whose prior is this much smaller (a Madrid district of 35,000 people),
/// whatever country the article is about.
const FAMOUS_LEAD: f32 = 1.5;

/// A town of fewer people than this ("Jenin" in Poland, "Java" in Georgia) is dropped where the
/// article speaks for other countries and never for its own.
const SMALL_TOWN_POPULATION: u64 = 15_000;
/// How much evidence for other countries the article needs before a small town of a country it
/// never speaks for is dropped: two places or nationality words that clearly name other lands.
const MIN_ELSEWHERE_EVIDENCE: f32 = 2.0;

/// The prior of a reading: log10 of its population with a bonus by kind.
pub(crate) fn prior(e: &Entry) -> f32 {
    let fallback = match e.kind {
        Kind::Admin1 => 100_000,
        Kind::Admin2 => 20_000,
        _ => 1_000,
    };
    let pop = if e.population == 0 {
        fallback
    } else {
        e.population.max(1_000)
    };
    let kind = match e.kind {
        Kind::Country => 2.0,
        Kind::Region => 1.5,
        Kind::Admin1 => 0.8,
        Kind::Admin2 => -0.5,
        Kind::City => 0.0,
    };
    (pop as f32).log10() + kind + if e.capital { 1.0 } else { 0.0 }
}

/// What a toponym was resolved to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reading {
    /// The gazetteer's entry.
    Entry(u32),
    /// A place, but none of its readings is believable: its only readings are far namesakes
    /// ("Jenin" in a story of the West Bank read as a Polish village). It keeps its span and
    /// gets no point.
    Unplaced,
}

/// The chosen reading of each toponym (`None` where no reading holds).
pub(crate) fn resolve(g: &Gazetteer, article: &Article, tops: &[Toponym]) -> Vec<Option<Reading>> {
    let forced = containment(g, &article.body, tops);
    // Evidence for countries, by the key that gave it (so that a name is not its own witness).
    let mut evidence: Vec<(Option<&str>, [u8; 2], f32)> = Vec::new();
    let mut divisions: FastSet<u32> = FastSet::default();
    for (k, t) in tops.iter().enumerate() {
        let clear = forced[k].or_else(|| clear_winner(g, t));
        if let Some(e) = clear {
            let x = &g.entries[e as usize];
            evidence.push((Some(&*t.key), x.cc, 1.0));
            match x.kind {
                Kind::Admin1 => {
                    divisions.insert(e);
                }
                _ => divisions.extend(x.admin1.filter(|_| forced[k].is_some())),
            }
        }
    }
    let mut key = String::new();
    for e in &article.entities {
        if e.kind == EntityType::Norp {
            key.clear();
            push_key(&mut key, &e.text);
            if let Some(cc) = g.demonym(&key) {
                evidence.push((None, cc, 0.5));
            }
        }
    }
    let mut chosen: FastMap<&str, Option<Reading>> = FastMap::default();
    tops.iter()
        .enumerate()
        .map(|(k, t)| {
            if let Some(e) = forced[k] {
                return Some(Reading::Entry(e));
            }
            *chosen
                .entry(&*t.key)
                .or_insert_with(|| best_in_context(g, t, &evidence, &divisions))
        })
        .collect()
}

/// The reading that wins by prior alone when it leads every reading of another country clearly.
fn clear_winner(g: &Gazetteer, t: &Toponym) -> Option<u32> {
    let best = t.readings.iter().max_by(|a, b| {
        prior(&g.entries[a.entry as usize]).total_cmp(&prior(&g.entries[b.entry as usize]))
    })?;
    let b = &g.entries[best.entry as usize];
    let rival = t
        .readings
        .iter()
        .map(|r| &g.entries[r.entry as usize])
        .filter(|x| x.cc != b.cc)
        .map(prior)
        .fold(f32::MIN, f32::max);
    (prior(b) - rival >= CLEAR_MARGIN).then_some(best.entry)
}

fn best_in_context(
    g: &Gazetteer,
    t: &Toponym,
    evidence: &[(Option<&str>, [u8; 2], f32)],
    divisions: &FastSet<u32>,
) -> Option<Reading> {
    let own = |k: &Option<&str>| k.is_some_and(|k| k == &*t.key);
    let total: f32 = evidence.iter().filter(|e| !own(&e.0)).map(|e| e.2).sum();
    let share = |cc: [u8; 2]| {
        if total <= 0.0 {
            return 0.0;
        }
        evidence
            .iter()
            .filter(|e| !own(&e.0) && e.1 == cc)
            .map(|e| e.2)
            .sum::<f32>()
            / total
    };
    let in_division = |x: &Entry| x.admin1.is_some_and(|a| divisions.contains(&a));
    let in_context = t
        .readings
        .iter()
        .map(|r| {
            let x = &g.entries[r.entry as usize];
            let mut s = prior(x) + COUNTRY_WEIGHT * share(x.cc);
            if in_division(x) {
                s += DIVISION_BONUS;
            }
            (r.entry, s)
        })
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(e, _)| e)?;
    // A division the article names keeps its towns ("London" in a story from "LONDON, Ky."); a
    // country alone does not hide a famous city.
    let x = &g.entries[in_context as usize];
    if in_division(x) {
        return Some(Reading::Entry(in_context));
    }
    if let Some(famous) = famous_over(g, t, in_context) {
        return Some(Reading::Entry(famous));
    }
    // "Jenin" in a story of the West Bank, "Java" in one of Indonesia: a village in a country
    // nothing else in the article speaks for, while the article's other places speak for
    // others, is a far namesake of a place the gazetteer lacks: the place keeps its name and
    // gets no point, which is better than a point thousands of kilometres off.
    let far_namesake = x.kind == Kind::City
        && x.population < SMALL_TOWN_POPULATION
        && total >= MIN_ELSEWHERE_EVIDENCE
        && share(x.cc) == 0.0;
    Some(if far_namesake {
        Reading::Unplaced
    } else {
        Reading::Entry(in_context)
    })
}

/// The famous city among the readings of `t` that a context's choice `chosen` would hide: a
/// city of a million people or more whose prior leads the chosen reading's by
/// [`FAMOUS_LEAD`]. "Los Angeles" in a story about Spain is still the Californian city, not a
/// district of Madrid (unless the article names the district's own division).
fn famous_over(g: &Gazetteer, t: &Toponym, chosen: u32) -> Option<u32> {
    let mine = prior(&g.entries[chosen as usize]);
    t.readings
        .iter()
        .filter(|r| !r.after_comma_only && r.entry != chosen)
        .map(|r| (r.entry, &g.entries[r.entry as usize]))
        .filter(|(_, x)| x.kind == Kind::City && x.population >= FAMOUS_POPULATION)
        .filter(|(_, x)| prior(x) - mine >= FAMOUS_LEAD)
        .max_by(|a, b| prior(a.1).total_cmp(&prior(b.1)))
        .map(|(e, _)| e)
}

/// Readings fixed by containment: "Place, Division" or "Place, Country" with the place inside.
fn containment(g: &Gazetteer, body: &str, tops: &[Toponym]) -> Vec<Option<u32>> {
    let mut forced = vec![None; tops.len()];
    for k in 1..tops.len() {
        let (a, b) = (&tops[k - 1], &tops[k]);
        let gap = body.get(a.end as usize..b.start as usize).unwrap_or("");
        if gap.trim() != "," {
            continue;
        }
        let mut best: Option<(u32, u32, f32)> = None;
        for ra in &a.readings {
            let x = &g.entries[ra.entry as usize];
            for rb in &b.readings {
                let y = &g.entries[rb.entry as usize];
                let inside = ra.entry != rb.entry
                    && x.kind != Kind::Country
                    && match y.kind {
                        Kind::Admin1 => x.admin1 == Some(rb.entry),
                        Kind::Country => x.cc == y.cc,
                        Kind::Admin2 => x.cc == y.cc && x.kind == Kind::City,
                        _ => false,
                    };
                let s = prior(x) + prior(y);
                if inside && best.is_none_or(|(_, _, bs)| s > bs) {
                    best = Some((ra.entry, rb.entry, s));
                }
            }
        }
        // A district (its country is all that is checked) does not make a famous city's
        // namesake of the place before it: "Los Angeles, San Fernando Valley".
        let weak = |eb: u32| g.entries[eb as usize].kind == Kind::Admin2;
        if let Some((ea, eb, _)) = best
            && !(weak(eb) && famous_over(g, a, ea).is_some())
        {
            forced[k - 1] = forced[k - 1].or(Some(ea));
            forced[k] = Some(eb);
        }
    }
    forced
}
