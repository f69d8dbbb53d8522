//! Toponym spotting: which spans of the body name places.
//!
//! Two sources: the names stage's GPE and LOC entities that the gazetteer knows, and gazetteer
//! names among capitalised words that no entity claims (names it did not find). Persons,
//! organisations and nationalities ("North Korean") are not places: a gazetteer name inside one
//! is left alone, and a name that is only a nationality word is never a place.

use chronicle_core::{Article, EntityType, TokenKind};

use super::gazetteer::{Gazetteer, Kind, Reading, push_key};

/// A span that names a place, with the gazetteer's readings of it.
#[derive(Debug, Clone)]
pub(crate) struct Toponym {
    /// Byte span in the body.
    pub start: u32,
    pub end: u32,
    /// Readings that hold here (readings valid only after a comma are dropped elsewhere).
    pub readings: Vec<Reading>,
    /// The lookup key of the span.
    pub key: Box<str>,
}

/// Lowercase words that may stand inside a multi-word place name ("Gulf of Mexico").
const CONNECTORS: &[&str] = &[
    "of", "the", "and", "de", "la", "del", "du", "da", "upon", "on",
];

/// Finds the toponyms of `article`, in text order. `key` is a reusable buffer.
pub(crate) fn toponyms(g: &Gazetteer, article: &Article, key: &mut String) -> Vec<Toponym> {
    let body = article.body.as_str();
    let index = &article.analysis.index;
    // Entities as byte spans, in text order.
    let ents: Vec<(usize, usize, EntityType)> = article
        .entities
        .iter()
        .map(|e| (index.byte_of(e.start), index.byte_of(e.end), e.kind))
        .collect();
    let mut out = Vec::new();
    let tokens = &article.analysis.tokens;
    for range in &article.analysis.sentence_tokens {
        let mut i = range.start;
        while i < range.end.min(tokens.len()) {
            let Some((end_tok, readings)) = longest_match(g, article, i, range.end, key) else {
                i += 1;
                continue;
            };
            let (start, end) = (
                tokens[i].span.start as usize,
                tokens[end_tok - 1].span.end as usize,
            );
            let ent = ents.iter().find(|e| e.0 < end && start < e.1).copied();
            let opens = ent.is_some_and(|(s, _, _)| s == start);
            let ent = ent.map(|(s, e, k)| (s == start && e == end, k, after_locative(body, start)));
            // A capitalised word glued to a name the names stage found is part of that name
            // ("Singapore Summit"), not a place of its own.
            let glued = ent.is_none() && {
                let touches = |b: usize| ents.iter().any(|e| e.0 <= b && b <= e.1);
                let prev = i.checked_sub(1).map(|p| tokens[p]);
                let next = tokens.get(end_tok).copied();
                prev.is_some_and(|p| {
                    touches(p.span.end as usize)
                        && body[p.span.end as usize..start].trim().is_empty()
                }) || next.is_some_and(|n| {
                    touches(n.span.start as usize)
                        && body[end..n.span.start as usize].trim().is_empty()
                })
            };
            // Months and weekdays are dates, not the towns that share their names.
            let calendar = crate::calendar::is_month_or_weekday(&body[start..end]);
            if !glued
                && !calendar
                && accept(
                    g,
                    &body[start..end],
                    &readings,
                    ent,
                    opens,
                    i == range.start,
                    key,
                )
            {
                out.push(Toponym {
                    start: start as u32,
                    end: end as u32,
                    readings,
                    key: key.as_str().into(),
                });
                i = end_tok;
            } else {
                i += 1;
            }
        }
    }
    mark_after_comma(body, &mut out);
    out
}

/// The longest gazetteer name starting at token `i` (not past `limit`): its end token and
/// readings; the key of the match is left in `key`.
fn longest_match(
    g: &Gazetteer,
    article: &Article,
    i: usize,
    limit: usize,
    key: &mut String,
) -> Option<(usize, Vec<Reading>)> {
    let tokens = &article.analysis.tokens;
    let body = article.body.as_str();
    let first = article.text_of(tokens[i].span);
    if !starts_upper(first) || !matches!(tokens[i].kind, TokenKind::Word | TokenKind::Abbreviation)
    {
        return None;
    }
    let mut best = None;
    let mut n = 0;
    let mut j = i;
    while j < limit.min(tokens.len()) && n < g.max_words.max(1) {
        let t = tokens[j];
        let text = article.text_of(t.span);
        let word = matches!(
            t.kind,
            TokenKind::Word | TokenKind::Abbreviation | TokenKind::Clitic
        );
        let ok = word
            && (starts_upper(text) || CONNECTORS.contains(&text) || t.kind == TokenKind::Clitic);
        // Names do not run across lines or wide gaps.
        let gap = j > i
            && body
                .get(tokens[j - 1].span.end as usize..t.span.start as usize)
                .is_none_or(|g| g.len() > 1 || g.contains('\n'));
        if !ok || gap {
            break;
        }
        n += 1;
        j += 1;
        if !starts_upper(text) {
            continue;
        }
        key.clear();
        push_key(
            key,
            &body[tokens[i].span.start as usize..t.span.end as usize],
        );
        let r = g.readings(key);
        if !r.is_empty() {
            best = Some((j, r.to_vec(), key.clone()));
        }
    }
    let (end, readings, k) = best?;
    key.clear();
    key.push_str(&k);
    Some((end, readings))
}

/// Whether the word before byte `at` is a locative preposition ("in", "at", "near").
fn after_locative(body: &str, at: usize) -> bool {
    let before = body.get(..at).unwrap_or("").trim_end();
    let word = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    ["in", "at", "near", "outside", "inside"]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(word))
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a gazetteer match is a toponym here.
fn accept(
    g: &Gazetteer,
    text: &str,
    readings: &[Reading],
    ent: Option<(bool, EntityType, bool)>,
    opens_entity: bool,
    sentence_initial: bool,
    key: &str,
) -> bool {
    // A nationality word is not a place, unless it is also a country's name ("Georgian" is
    // not; "Chad" is Chad).
    if g.demonym(key).is_some()
        && !readings
            .iter()
            .any(|r| g.entries[r.entry as usize].kind == Kind::Country)
    {
        return false;
    }
    let strong = readings.iter().any(|r| {
        !r.after_comma_only
            && matches!(
                g.entries[r.entry as usize].kind,
                Kind::Country | Kind::Admin1 | Kind::Region
            )
    });
    // Short all-capital words ("IN", "AT", "IT") are places only as known abbreviations.
    let letters = key.bytes().filter(u8::is_ascii_alphabetic).count();
    let all_caps = !text.chars().any(char::is_lowercase);
    if letters <= 3 && !text.contains('.') && !(all_caps && strong) {
        return false;
    }
    // A division, or a place of 100,000+ people.
    let big = |min: u64| {
        readings.iter().any(|r| {
            let x = &g.entries[r.entry as usize];
            !r.after_comma_only && (x.kind != Kind::City || x.population >= min)
        })
    };
    match ent {
        Some((_, EntityType::Gpe | EntityType::Loc, _)) => true,
        // Places that name or open an organisation still name the place: "NSW Health",
        // "Kentucky State Police", "Canada" as an actor; and a whole one after "in", "at" is
        // a place ("at Camp Bastion").
        // A place inside an organisation's name counts only where it opens it ("Korean
        // Central News Agency" holds no place called Central).
        Some((whole, EntityType::Org, loc)) => (opens_entity && big(100_000)) || (whole && loc),
        // "British Columbia" read as a nationality phrase; never a part of one ("South" in
        // "South Korean").
        Some((whole, EntityType::Norp, _)) => whole && strong,
        // A whole "person" that is a well-known place: "Montreal", "New South Wales".
        Some((whole, EntityType::Person, loc)) => whole && (strong || big(500_000) || loc),
        None => !sentence_initial || strong,
    }
}

/// Readings valid only after a comma ("Ky." in "Lexington, Ky.") hold only right after another
/// toponym and a comma; elsewhere they are dropped, and a toponym left with none goes.
fn mark_after_comma(body: &str, out: &mut Vec<Toponym>) {
    for k in 0..out.len() {
        let after_comma = k > 0 && {
            let gap = body
                .get(out[k - 1].end as usize..out[k].start as usize)
                .unwrap_or("");
            gap.trim() == ","
        };
        if !after_comma {
            out[k].readings.retain(|r| !r.after_comma_only);
        }
    }
    out.retain(|t| !t.readings.is_empty());
}
