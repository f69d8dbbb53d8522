//! The actors of a sentence, as word ranges with their CAMEO actor codes, and the coordinations
//! that join them ("Arnor, Osgiliath and Gondor", "U.S.-North Korea").
//!
//! In the standard pipeline they come from the names stage (mentions, role mentions and
//! pronouns, each resolved to a referent with an actor code); with PETRARCH dictionaries the
//! coder spots them itself (`petrarch_actors.rs`).

use std::collections::HashMap;
use std::sync::OnceLock;

use chronicle_core::{Article, ByteSpan, DepRel, EntityType, PlaceKind};

use super::sentence::{BREAK, COMMA, COORD, DET, MARKET, PUNCT, Word};
use super::tree::Tree;

/// An actor mention in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorHit {
    /// Word range in the sentence, end exclusive.
    pub start: usize,
    pub end: usize,
    /// Actor codes (PETRARCH entries may carry several: `[FRO/BIL/SAM]`); `---` when unknown.
    pub codes: Vec<String>,
    /// Byte span of the text that names it.
    pub span: ByteSpan,
    /// The person the mention stands for, as the names stage's referent (none for a country,
    /// an organisation, a role word standing alone or an actor a PETRARCH dictionary spotted):
    /// two people may share a code and still be two actors.
    pub person: Option<usize>,
    /// A role word for one person standing alone, with no name ("the minister", "a
    /// spokesman"): it stands for someone the article names elsewhere, so a sentence that
    /// gives it no country makes it no actor (where "the government" or "police" stay actors of
    /// no known country).
    pub one_person: bool,
    /// Ground inside a country (a city, a province, a district) that the places stage resolved:
    /// what is done to it is done to that country ("captured Lubumbashi" is COD's ground taken),
    /// and a group of that country acting on it acts on someone else ("insurgents attacked
    /// Mosul": IRQINS on IRQ).
    pub place: Option<PlaceHit>,
}

impl ActorHit {
    /// Whether the hit is a place only the gazetteer knows: ground to take or strike, never
    /// someone who speaks or is spoken to.
    pub fn ground_only(&self) -> bool {
        self.place == Some(PlaceHit::Gazetteer)
    }
}

/// Where a place's actor code comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceHit {
    /// The names stage codes it too (the actor dictionary lists it: Mosul, Aleppo).
    Named,
    /// Only the gazetteer knows it: coded as its country, it is ground to act on and never
    /// the one who acts ("Lubumbashi" is no government speaking, as "Moscow" may be).
    Gazetteer,
}

/// The actor mentions of `words` from the names stage's layers: names and role mentions whose
/// referent has an actor code, and pronouns and organisations' descriptions ("the group")
/// linked to one. Overlaps keep the longer mention.
pub fn from_article(article: &Article, words: &[Word], out: &mut Vec<ActorHit>) {
    out.clear();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return;
    };
    let (lo, hi) = (first.start, last.end);
    let a = &article.analysis;
    let spans = a
        .mentions
        .iter()
        .map(|m| (m.span, m.referent))
        .chain(a.pronouns.iter().map(|p| (p.span, p.referent)))
        .chain(a.descriptions.iter().map(|d| (d.span, d.referent)));
    for (span, referent) in spans {
        if span.start < lo || span.end > hi {
            continue;
        }
        let Some(rf) = a.referents.get(referent) else {
            continue;
        };
        let Some(code) = rf.actor.clone() else {
            continue;
        };
        let person = (rf.kind == EntityType::Person).then_some(referent);
        let Some((start, end)) = word_range(words, span) else {
            continue;
        };
        out.push(ActorHit {
            start,
            end,
            codes: vec![code],
            span,
            person,
            one_person: false,
            place: None,
        });
    }
    out.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
    out.dedup_by(|b, a| b.start < a.end);
    add_places(article, words, (lo, hi), out);
}

/// Marks the hits that name ground inside a country, and adds the places only the gazetteer
/// knows as hits of their country's code.
fn add_places(article: &Article, words: &[Word], (lo, hi): (u32, u32), out: &mut Vec<ActorHit>) {
    let index = &article.analysis.index;
    let before = out.len();
    for p in &article.places {
        // ground inside one country: a city, a division, or a region the gazetteer places in
        // one country ("Crimea"), not a continent or a sea
        let inside = match p.kind {
            Some(PlaceKind::City | PlaceKind::Admin1 | PlaceKind::Admin2) => true,
            Some(PlaceKind::Region) => p.country.is_some(),
            _ => false,
        };
        if !inside {
            continue;
        }
        let span = ByteSpan::new(index.byte_of(p.start), index.byte_of(p.end));
        if span.start < lo || span.end > hi {
            continue;
        }
        let Some((start, end)) = word_range(words, span) else {
            continue;
        };
        if let Some(h) = out[..before]
            .iter_mut()
            .find(|h| h.start < end && start < h.end)
        {
            // a city the actor dictionary also codes keeps its code; "New York Times" holding
            // "New York" is no place
            if (h.start, h.end) == (start, end) {
                h.place = Some(PlaceHit::Named);
            }
            continue;
        }
        let Some(code) = p.country.as_deref().and_then(code_of_iso2) else {
            continue;
        };
        out.push(ActorHit {
            start,
            end,
            codes: vec![code.to_string()],
            span,
            person: None,
            one_person: false,
            place: Some(PlaceHit::Gazetteer),
        });
    }
    if out.len() > before {
        out.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
        out.dedup_by(|b, a| b.start < a.end);
    }
}

/// The actor code of the country whose ISO 3166-1 alpha-2 code places carry (`CD` → `COD`),
/// from the team's country table.
fn code_of_iso2(iso2: &str) -> Option<&'static str> {
    static MAP: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| {
        crate::countries::parse(crate::countries::EMBEDDED)
            .into_iter()
            .flatten()
            .filter_map(|c| Some((c.values("iso2").next()?, c.code)))
            .collect()
    })
    .get(iso2)
    .copied()
}

/// Drops the nationalities that modify a currency or a market ("the Australian and Canadian
/// dollar", "Japanese stocks fell"): a price or an index does not act. The tree says what the
/// word modifies; a conjunct ("Australian and Canadian") modifies what its first conjunct does.
pub fn drop_market_modifiers(words: &[Word], tree: Option<Tree>, hits: &mut Vec<ActorHit>) {
    let Some(t) = tree else { return };
    let market = |w: usize| {
        words.get(w).is_some_and(|x| x.flags & MARKET != 0)
            && t.upos(w) == Some(chronicle_core::Upos::Noun)
    };
    let modifies_market = |h: &ActorHit| {
        let Some(last) = h.end.checked_sub(1) else {
            return false;
        };
        let mut at = last;
        for _ in 0..2 {
            let Some(head) = t.head(at) else { return false };
            if market(head) && !(h.start..h.end).contains(&head) {
                return matches!(
                    t.rel(at).map(|r| r.base()),
                    Some(DepRel::Amod | DepRel::Compound | DepRel::Nmod)
                );
            }
            if t.rel(at) != Some(DepRel::Conj) {
                return false;
            }
            at = head;
        }
        false
    };
    hits.retain(|h| !modifies_market(h));
}

/// The hit a side's byte span names: an event's sides carry the span of the mention they were
/// read from.
pub fn hit_at<'h>(hits: &'h [ActorHit], span: &(u32, u32)) -> Option<&'h ActorHit> {
    hits.iter().find(|h| (h.span.start, h.span.end) == *span)
}

/// The words covered by a byte span.
pub fn word_range(words: &[Word], span: ByteSpan) -> Option<(usize, usize)> {
    let start = words.partition_point(|w| w.end <= span.start);
    let end = words.partition_point(|w| w.start < span.end);
    (start < end).then_some((start, end))
}

/// The coordination around hit `k`: the range of hits joined to it by commas, "and", "or",
/// "nor", hyphens and determiners ("Arnor, Osgiliath and the Gondor").
pub fn group(hits: &[ActorHit], words: &[Word], k: usize) -> (usize, usize) {
    let joined = |a: &ActorHit, b: &ActorHit| {
        let between = words.get(a.end..b.start).unwrap_or(&[]);
        between.len() <= 3
            && !between.is_empty()
            && between
                .iter()
                .all(|w| w.flags & (COMMA | COORD | DET) != 0 || is_hyphen(w))
            && !between.iter().all(|w| w.flags & DET != 0)
    };
    let mut lo = k;
    while lo > 0 && joined(&hits[lo - 1], &hits[lo]) {
        lo -= 1;
    }
    let mut hi = k + 1;
    while hi < hits.len() && joined(&hits[hi - 1], &hits[hi]) {
        hi += 1;
    }
    (lo, hi)
}

fn is_hyphen(w: &Word) -> bool {
    w.flags & PUNCT != 0 && w.end == w.start + 1 && w.flags & (COMMA | BREAK) == 0
}

/// The hit that starts at word `p` or after a few determiners and modifiers (`the evil Gondor`).
pub fn hit_starting(hits: &[ActorHit], words: &[Word], p: usize, reach: usize) -> Option<usize> {
    let k = hits.partition_point(|h| h.start < p);
    let h = hits.get(k)?;
    let between = words.get(p..h.start)?;
    (between.len() <= reach && between.iter().all(|w| w.flags & PUNCT == 0)).then_some(k)
}

/// The hit that ends at word `e` or a few modifier words before it.
pub fn hit_ending(hits: &[ActorHit], words: &[Word], e: usize, reach: usize) -> Option<usize> {
    let k = hits.partition_point(|h| h.end <= e);
    let k = k.checked_sub(1)?;
    let between = words.get(hits[k].end..e)?;
    (between.len() <= reach && between.iter().all(|w| w.flags & PUNCT == 0)).then_some(k)
}

/// The sides the hits `hits` name, one per code ("[FRO/BIL/SAM]" names three), each with the
/// byte span of its mention: what a group of joined actors contributes to an event's side.
pub(super) fn sides_of(hits: &[ActorHit]) -> Vec<super::coder::Side> {
    hits.iter()
        .flat_map(|h| {
            h.codes
                .iter()
                .map(move |c| Some((c.clone(), (h.span.start, h.span.end))))
        })
        .collect()
}
