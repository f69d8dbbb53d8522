//! Toponym spotting: which spans of the body name places.
//!
//! Two sources: the names stage's GPE and LOC entities that the gazetteer knows, and gazetteer
//! names among capitalised words that no entity claims (names it did not find). Persons,
//! organisations and nationalities ("North Korean") are not places: a gazetteer name inside one
//! is left alone, and a name that is only a nationality word is never a place.

use chronicle_core::{Article, EntityType, TokenKind};

use super::gazetteer::{Gazetteer, Kind, Reading, push_key};
use super::words::{
    after_locative, after_word, big_town, in_capitalised_run, is_abbreviation, names_lexicon,
    office_follows, possessive, same_key, short_name_of, starts_upper, strong_reading,
};

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
    /// Whether the span is a place only if the article's other places lie in its country.
    pub nearby_only: bool,
    /// Whether the span is no place when the article's other places all lie elsewhere (an
    /// article with no other place keeps it).
    pub unless_far: bool,
}

/// Whether a gazetteer match is a toponym.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    No,
    Yes,
    /// A place only if the article's other places lie in its country: a district that a
    /// person also names ("Cruz" said, in an article about Iowa and Texas) is that person.
    IfNearby,
    /// A place unless the article names other places and none of them lies in its country.
    UnlessFar,
}

/// An entity as the spotter reads it: byte span, type, whether it is a person's short name,
/// whether it is a known body of a country.
type Ent = (usize, usize, EntityType, bool, bool);

/// What the names stage found over a gazetteer match.
#[derive(Debug, Clone, Copy)]
struct Under {
    /// The entity spans exactly the match.
    whole: bool,
    /// The entity holds the match and more ("Wall" of "Wall Street").
    inside: bool,
    kind: EntityType,
    /// A person's short mention of a name the article gives in full ("Cruz" after "Ted Cruz").
    short_person: bool,
    /// The match follows "in", "at", "near".
    locative: bool,
    /// The match follows "in", "near", "outside" or "inside": "at" also points at people
    /// ("an insult aimed at Cruz", "jabs at Cruz").
    within: bool,
    /// The entity is an organisation the actor dictionaries know as a body of a country
    /// ("Congress", USALEG): "in Congress" is in that body, not in a town of that name.
    body: bool,
    /// The rest of the entity is the division the match heads: "Kandahar Province".
    division_follows: bool,
    /// The match opens an organisation that is the place's own public body: "Kentucky State
    /// Police", "U.S. Department of Justice" (see [`PUBLIC_BODY_HEADS`]); never a direction
    /// word ("Central Intelligence Agency").
    public_body: bool,
}

/// The words that make a place's name into its division's: "Kandahar Province", "Hebei
/// province", "Cook County".
const DIVISION_HEADS: &[&str] = &[
    "province",
    "borough",
    "county",
    "district",
    "region",
    "state",
    "city",
    "governorate",
    "prefecture",
    "municipality",
    "oblast",
    "department",
    "parish",
];

/// The head words of a place's own public bodies: its government, police, courts, forces and
/// legislature. Such a body names the place as its jurisdiction ("Kentucky State Police"),
/// while a newspaper, an exchange, a club, a company or a university that opens with a place's
/// name ("New York Times", "London Stock Exchange", "Manchester United", "Ohio State
/// University") names no place. The head is the last word before "of"/"for" ("Department of
/// Justice") or the name's last word.
const PUBLIC_BODY_HEADS: &[&str] = &[
    "police",
    "sheriff",
    "sheriff's",
    "patrol",
    "department",
    "ministry",
    "government",
    "office",
    "agency",
    "bureau",
    "commission",
    "service",
    "health",
    "court",
    "coroner",
    "jail",
    "council",
    "assembly",
    "parliament",
    "legislature",
    "senate",
    "congress",
    "house",
    "embassy",
    "consulate",
    "military",
    "army",
    "navy",
    "force",
    "forces",
    "troops",
    "marines",
    "guard",
    "treasury",
];

/// Whether `rest`, the words of an organisation's name after the place that opens it, make
/// the name the place's public body ("State Police", "Department of Justice").
fn public_body_rest(rest: &str) -> bool {
    let head = rest
        .split_whitespace()
        .take_while(|w| !matches!(*w, "of" | "for" | "on"))
        .last()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\''));
    head.is_some_and(|h| PUBLIC_BODY_HEADS.iter().any(|p| p.eq_ignore_ascii_case(h)))
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
    let ents: Vec<Ent> = article
        .entities
        .iter()
        .map(|e| {
            let short = e.kind == EntityType::Person && short_name_of(&e.canonical, &e.text);
            let body = e.kind == EntityType::Org
                && e.actor
                    .as_deref()
                    .is_some_and(|a| a.len() > 3 && !a.starts_with("---"));
            (
                index.byte_of(e.start),
                index.byte_of(e.end),
                e.kind,
                short,
                body,
            )
        })
        .collect();
    let mut out = Vec::new();
    let tokens = &article.analysis.tokens;
    for range in &article.analysis.sentence_tokens {
        let mut i = range.start;
        while i < range.end.min(tokens.len()) {
            let Some((end_tok, mut readings)) = longest_match(g, article, i, range.end, key) else {
                out.extend(hyphen_parts(g, article, &ents, i, key));
                i += 1;
                continue;
            };
            let (start, end) = (
                tokens[i].span.start as usize,
                tokens[end_tok - 1].span.end as usize,
            );
            let (under, covered) = under_match(body, &ents, start, end);
            // The division or country after "Place," ("Churchill, Man.", "Edmonton, Ky."): its
            // comma-only readings hold here whatever else the article names.
            let after_place_comma = out.last().is_some_and(|p: &Toponym| {
                body.get(p.end as usize..start)
                    .is_some_and(|gap| gap.trim() == ",")
            }) && readings.iter().any(|r| r.after_comma_only);
            // "Nov.", "Gen.": a word cut short by a full stop names the place it spells out
            // ("Ky." for Kentucky), never a place of that very spelling (Nov in Tajikistan).
            if end_tok == i + 1 && is_abbreviation(&body[start..end]) {
                readings.retain(|r| {
                    r.after_comma_only || !same_key(&g.entries[r.entry as usize].name, key)
                });
            }
            // A capitalised word glued to a name the names stage found is part of that name
            // ("Singapore Summit"), not a place of its own.
            let glued = under.is_none() && !covered && {
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
            // Months, weekdays and the events and holidays that a word names alone
            // ("Christmas", "Easter", "Olympics") are no towns that share their names.
            let calendar = crate::calendar::is_month_or_weekday(&body[start..end])
                || names_lexicon().names_event_alone(&body[start..end]);
            // A sentence's first word followed by a comma opens a dateline or a list of places
            // ("EDMONTON, Ky.", "Saskatoon, Calgary and Winnipeg"): a place if its country is
            // the article's. The first word counts after an opening quotation mark or bracket
            // too ('"Many people will ...', '"Over the past year').
            let first_word = (range.start..i).all(|k| tokens[k].kind == TokenKind::Punct);
            let initial = first_word && !body[end..].starts_with(',');
            // "Star Wars", "Earth Simulator", "Phonographic Industry": a word of a longer
            // capitalised name that the names stage took for no name at all (a title, a
            // contest, a machine) is no small town of that name. A country, a division or a
            // large town still is ("the Athens Olympics"), and so is a town whose office
            // follows ("Litchfield Fire Chief Jim Koser", "Beaconsfield Mayor").
            let in_longer_name = under.is_none()
                && !covered
                && ((i > range.start && in_capitalised_run(body, tokens, range.start, i - 1))
                    || (end_tok < range.end
                        && in_capitalised_run(body, tokens, range.start, end_tok)));
            // "Ont." after "Barrie,": the abbreviation carries the full stop the tokens left out.
            let end = if after_place_comma && body[end..].starts_with('.') {
                end + 1
            } else {
                end
            };
            let small_in_name = in_longer_name
                && !strong_reading(g, &readings)
                && !big_town(g, &readings)
                && !office_follows(body, tokens, end_tok, range.end);
            let verdict = if glued || calendar || small_in_name || readings.is_empty() {
                Verdict::No
            } else if after_place_comma && under.is_none() {
                Verdict::Yes
            } else {
                accept(g, &body[start..end], &readings, under, initial, key)
            };
            if verdict != Verdict::No {
                out.push(Toponym {
                    start: start as u32,
                    end: end as u32,
                    readings,
                    key: key.as_str().into(),
                    nearby_only: verdict == Verdict::IfNearby,
                    unless_far: verdict == Verdict::UnlessFar,
                });
                i = end_tok;
            } else {
                i += 1;
            }
        }
    }
    mark_after_comma(body, &mut out);
    super::nearby::keep_nearby(g, &mut out);
    out
}

/// The names stage's entity over the match `start..end`, and whether the match holds every
/// entity it meets whole and more: "New South" of "New South Wales", "British" of "British
/// Columbia", where the names stage cut a place's name short and the gazetteer's longer name
/// wins (the match then counts as under no entity).
fn under_match(body: &str, ents: &[Ent], start: usize, end: usize) -> (Option<Under>, bool) {
    let overlapping = || ents.iter().filter(|e| e.0 < end && start < e.1);
    let covered = overlapping().next().is_some()
        && overlapping().all(|e| start <= e.0 && e.1 <= end && (e.0, e.1) != (start, end));
    let under = overlapping()
        .find(|_| !covered)
        .map(|&(s, e, kind, short_person, known_body)| Under {
            whole: s == start && e == end,
            inside: s <= start && end <= e && (s, e) != (start, end),
            kind,
            short_person,
            // "at Cruz's rally" puts the rally somewhere, not Cruz.
            locative: after_locative(body, start) && !possessive(body, end),
            within: after_locative(body, start)
                && !after_word(body, start, &["at"])
                && !possessive(body, end),
            body: known_body,
            division_follows: s == start && {
                let rest = body.get(end..e).unwrap_or("").trim();
                DIVISION_HEADS.iter().any(|h| h.eq_ignore_ascii_case(rest))
            },
            public_body: s == start
                && end < e
                && !super::gazetteer::is_direction(body.get(start..end).unwrap_or(""))
                && public_body_rest(body.get(end..e).unwrap_or("")),
        });
    (under, covered)
}

/// Places named inside a hyphenated word that is no place itself: "Russia-Turkey ties",
/// "UK-based", "a Canada-wide warrant", "made-in-China". A part counts when it is capitalised,
/// no nationality or direction word ("pro-Western"), and a country, division or region, or a town of 100,000+ people; never
/// inside a person's name ("Lloyd-George").
fn hyphen_parts(
    g: &Gazetteer,
    article: &Article,
    ents: &[Ent],
    i: usize,
    key: &mut String,
) -> Vec<Toponym> {
    let t = article.analysis.tokens[i];
    let (ts, te) = (t.span.start as usize, t.span.end as usize);
    let Some(text) = article.body.get(ts..te) else {
        return Vec::new();
    };
    if t.kind != TokenKind::Word || !text.contains('-') {
        return Vec::new();
    }
    // Not inside a person's or an organisation's name ("Agence France-Presse").
    let named = ents
        .iter()
        .any(|e| e.0 < te && ts < e.1 && matches!(e.2, EntityType::Person | EntityType::Org));
    if named {
        return Vec::new();
    }
    // The word before, when the first part may end the longer name it opens ("New York-based").
    let prev_word = i
        .checked_sub(1)
        .map(|p| article.analysis.tokens[p])
        .filter(|pt| {
            pt.kind == TokenKind::Word
                && starts_upper(article.text_of(pt.span))
                && article
                    .body
                    .get(pt.span.end as usize..ts)
                    .is_some_and(|gap| gap == " ")
        })
        .map(|pt| article.text_of(pt.span));
    let mut out = Vec::new();
    let mut at = ts;
    for (n, part) in text.split('-').enumerate() {
        let (start, end) = (at, at + part.len());
        at = end + 1;
        if let Some(prev) = prev_word.filter(|_| n == 0) {
            key.clear();
            push_key(key, prev);
            push_key(key, part);
            if !g.readings(key).is_empty() {
                continue;
            }
        }
        let letters = part.chars().filter(|c| c.is_alphabetic()).count();
        let all_caps = !part.chars().any(char::is_lowercase);
        if !starts_upper(part) || letters < 2 || (letters <= 3 && !all_caps) {
            continue;
        }
        key.clear();
        push_key(key, part);
        if g.demonym(key).is_some() || super::gazetteer::is_direction(part) {
            continue;
        }
        let readings: Vec<Reading> = g
            .readings(key)
            .iter()
            .filter(|r| !r.after_comma_only)
            .copied()
            .collect();
        let place = readings.iter().any(|r| {
            let x = &g.entries[r.entry as usize];
            matches!(x.kind, Kind::Country | Kind::Admin1 | Kind::Region)
                || (x.kind == Kind::City && x.population >= 100_000)
        });
        if place {
            out.push(Toponym {
                start: start as u32,
                end: end as u32,
                readings,
                key: key.as_str().into(),
                nearby_only: false,
                unless_far: false,
            });
        }
    }
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

/// Whether a gazetteer match is a toponym here.
fn accept(
    g: &Gazetteer,
    text: &str,
    readings: &[Reading],
    under: Option<Under>,
    sentence_initial: bool,
    key: &str,
) -> Verdict {
    let yes = |b: bool| if b { Verdict::Yes } else { Verdict::No };
    // "South", "West", "Western" alone are a direction ("the South", "in the West", "Western
    // firms") or the first word of a longer name the gazetteer lacks ("South Wales", "West
    // Yorkshire", "Far East"), never the division of that name in Iceland or Cameroon.
    if super::gazetteer::is_direction(text) {
        return Verdict::No;
    }
    // A nationality word is not a place, unless it is also a country's name ("Georgian" is
    // not; "Chad" is Chad).
    if g.demonym(key).is_some()
        && !readings
            .iter()
            .any(|r| g.entries[r.entry as usize].kind == Kind::Country)
    {
        return Verdict::No;
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
        return Verdict::No;
    }
    // A division, or a place of 100,000+ people.
    let big = |min: u64| {
        readings.iter().any(|r| {
            let x = &g.entries[r.entry as usize];
            !r.after_comma_only && (x.kind != Kind::City || x.population >= min)
        })
    };
    // One word that is only a municipality's name somewhere is more often a person's or a
    // firm's ("Cruz said", "Carson and Cruz"): a one-word name counts as big only as a
    // country, a state, a region or a large town ("Dallas County" says what it is).
    let big_enough = |min: u64| {
        (text.contains(' ') && big(min))
            || readings.iter().any(|r| {
                let x = &g.entries[r.entry as usize];
                !r.after_comma_only
                    && match x.kind {
                        Kind::City => x.population >= min,
                        Kind::Admin2 => false,
                        _ => true,
                    }
            })
    };
    // A capitalised word the names stage took for no name: a state or a region is a place;
    // a town only among other places of its country ("Christmas" is no town in a story about
    // Heathrow).
    let Some(under) = under else {
        return match () {
            _ if strong => Verdict::Yes,
            _ if sentence_initial => Verdict::No,
            _ if big_enough(100_000) => Verdict::Yes,
            _ => Verdict::IfNearby,
        };
    };
    let Under {
        whole, locative, ..
    } = under;
    match under.kind {
        // A place inside a longer place's name is that place only when it is a country, a
        // state or a region ("Gulf of Mexico"), or the rest is the division it heads
        // ("Kandahar Province"): "Wall" of Wall Street, "Central" of Central Park are not.
        // "the town of Jenin", "the island of Java": a village of the same name in another land
        // (under 50,000 people) is not the place the names stage found, which the gazetteer may
        // lack.
        EntityType::Gpe | EntityType::Loc if whole && !strong && !big_enough(50_000) => {
            Verdict::UnlessFar
        }
        EntityType::Gpe | EntityType::Loc => yes(!under.inside || strong || under.division_follows),
        // A place the names stage took for a whole organisation still names the place
        // ("Canada" as an actor), and after "in", "at" it is one ("at Camp Bastion"). Inside an
        // organisation's name it counts only where it opens the place's own public body ("NSW
        // Health", "Kentucky State Police"): "New York Times", "Manchester United", "Bank of
        // New York", "Korean Central News Agency" hold no place.
        EntityType::Org => yes(((whole || under.public_body) && big_enough(100_000))
            || (whole && locative && !under.body)),
        // "British Columbia" read as a nationality phrase; never a part of one ("South" in
        // "South Korean").
        EntityType::Norp => yes(whole && strong),
        // A whole "person" that is a well-known place: "New South Wales", or "Montreal" among
        // other Canadian places; never a person's short name ("Cruz" after "Ted Cruz") unless
        // the text puts it somewhere ("in Cruz"; "at Cruz" is as often aimed at the person).
        EntityType::Person if under.short_person => yes(whole && under.within),
        EntityType::Person if whole && (strong || locative) => Verdict::Yes,
        EntityType::Person if whole && big_enough(500_000) => Verdict::IfNearby,
        EntityType::Person => Verdict::No,
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
