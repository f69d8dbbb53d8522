//! Teams in sports reports. A sports report names its teams by their towns ("Leicestershire
//! beat Somerset", "Seattle lost"), by one-word club names that no dictionary holds ("Everton",
//! "Rabobank") and by nicknames in the plural ("the Cubs", "White Sox", "All Blacks"); read as
//! places or people they would put cricket counties on the map and clubs among the actors.
//!
//! An article is a sports report when it uses several of the words of
//! `dictionaries/names/sport_words.txt`, has a line of scores or lists fixtures ("v Kent"). Inside one, a town or region
//! that is not after a place preposition ("in Chicago", "at Grace Road") is a team; nations
//! keep their place type, as a national side is written as its country.

use chronicle_core::EntityType;

use super::resolve::Named;
use super::resources::NameResources;
use super::spot::{Candidate, Origin, Tokens};
use super::typing;

/// Distinct sport words an article needs, without rows of scores, to count as a sports report.
const MIN_SPORT_WORDS: usize = 2;

/// Rows of a results table or standings an article needs to count as a sports report.
const MIN_SCORE_ROWS: usize = 2;

/// Lands that field national sides although they are no sovereign state: their name in a
/// sports report is still a place, as a country's is.
const HOME_NATIONS: [&str; 5] = [
    "England",
    "Scotland",
    "Wales",
    "Ireland",
    "Northern Ireland",
];

/// Whether the article reads as a sports report: several distinct sport words ("innings",
/// "striker", "halftime", "SOCCER"), rows of scores ("Stenhousemuir 3 1 1 1 6 1 4"), or
/// fixtures ("May 18 v Worcestershire").
pub fn is_sports_report(t: &Tokens<'_>, res: &NameResources) -> bool {
    let mut seen: Vec<String> = Vec::new();
    for i in 0..t.len() {
        let w = t.text(i);
        if w.len() > 16 || !w.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let lower = w.to_ascii_lowercase();
        if res.lexicon.is_sport_word(&lower) && !seen.contains(&lower) {
            seen.push(lower);
            if seen.len() >= MIN_SPORT_WORDS {
                return true;
            }
        }
    }
    score_rows(t) >= MIN_SCORE_ROWS || fixtures(t) >= MIN_FIXTURES
}

/// Fixtures an article needs to count as a sports report (a tour's itinerary).
const MIN_FIXTURES: usize = 2;

/// "Essex v Kent", "May 18 v Worcestershire": the times "v" or "vs" stands before a
/// capitalised word of its own sentence.
fn fixtures(t: &Tokens<'_>) -> usize {
    (0..t.len().saturating_sub(1))
        .filter(|&i| {
            matches!(t.text(i), "v" | "vs" | "vs." | "v." | "versus")
                && t.same_sentence(i, i + 1)
                && t.is_capitalised(i + 1)
        })
        .count()
}

/// Sentences that are a row of a results table: one to four capitalised words opening the
/// line, then only figures, two or more of them.
fn score_rows(t: &Tokens<'_>) -> usize {
    use chronicle_core::TokenKind;
    let mut rows = 0;
    let mut i = 0;
    while i < t.len() {
        let end = (i..t.len())
            .take_while(|&k| t.same_sentence(i, k))
            .last()
            .map_or(i + 1, |k| k + 1);
        let name = (i..end).take_while(|&k| t.is_capitalised(k)).count();
        let figures = (i + name..end)
            .filter(|&k| t.kind(k) == Some(TokenKind::Number))
            .count();
        let only_figures = (i + name..end).all(|k| {
            t.kind(k) == Some(TokenKind::Number)
                || matches!(t.text(k), "." | "-" | "/" | "(" | ")" | ",")
        });
        if (1..=4).contains(&name) && figures >= 2 && only_figures {
            rows += 1;
        }
        i = end;
    }
    rows
}

/// The type of a capitalised run nothing else typed, in a sports report: a team when it is
/// one word the article never writes in lowercase ("Everton", "Juventus"), or ends in a plural
/// nickname ("Cubs", "White Sox", "Blue Jays", "All Blacks") and opens with no given name.
pub fn team_run(
    t: &Tokens<'_>,
    res: &NameResources,
    first: usize,
    end: usize,
) -> Option<EntityType> {
    let last = t.text(end - 1);
    let opener = t.text(first);
    if end - first == 1 {
        // A sentence opener may be a common word ("Standings", "Extras"); a nationality
        // ("European") is no team.
        let g = crate::places::gazetteer::Gazetteer::embedded();
        let mut key = String::new();
        crate::places::gazetteer::push_key(&mut key, last);
        let nationality = ["ean", "ian", "can", "ese", "ish"]
            .iter()
            .any(|end| last.ends_with(end));
        // A sentence opener the gazetteer knows as a town or a division is a team like any
        // other town of the report ("Essex need another 148", "Everton 's Duncan Ferguson").
        // A venue opens a scorecard's line ("Hove : Sussex 363"); a player's record follows
        // him in brackets ("Wall ( 9-4 ) struck out four").
        let opens_clause = t.same_sentence(first, end) && !matches!(t.text(end), ":" | "(" | ")");
        let town = || {
            opens_clause && !crate::places::gazetteer::is_direction(last) && typing::is_town(last)
        };
        let plain = (!t.opens_sentence(first) || town())
            && !t.seen_lowercase(last)
            && !typing::opens_person_name(res, last)
            && !nationality
            && g.demonym(&key).is_none();
        return plain.then_some(EntityType::Org);
    }
    // A surname may end in "s" too ("Corentine Martins"): a nickname is one the article
    // writes after "the" ("the Blue Jays", "the Jays").
    let after_the = |k: usize| k > 0 && matches!(t.text(k - 1), "the" | "The");
    let with_the = after_the(first) || (0..t.len()).any(|k| t.text(k) == last && after_the(k));
    let nickname = is_plural_nickname(t, last) && with_the;
    (nickname && !typing::opens_person_name(res, opener)).then_some(EntityType::Org)
}

/// "Cubs", "Mariners", "Sox": a capitalised plural that the article never writes in
/// lowercase (so not "Officials" or "Games").
fn is_plural_nickname(t: &Tokens<'_>, w: &str) -> bool {
    let plural = (w.len() > 3 && w.ends_with('s') && !w.ends_with("ss")) || w == "Sox";
    plural && w.starts_with(|c: char| c.is_uppercase()) && !t.seen_lowercase(w)
}

/// In a sports report, the towns and regions standing where a team stands (not after "in",
/// "at", "from" ...; not a dateline; not a nation) become teams.
pub fn places_as_teams(
    t: &Tokens<'_>,
    res: &NameResources,
    datelines: &[usize],
    named: &mut [Named],
) {
    for n in named.iter_mut() {
        if n.kind != EntityType::Gpe || datelines.contains(&n.first) {
            continue;
        }
        let text = super::resolve::mention_text(t, n.first, n.end);
        let nation = n.entry.is_some_and(|e| res.dict.entries[e].sovereign)
            || HOME_NATIONS.iter().any(|h| h.eq_ignore_ascii_case(&text))
            || is_country(&text);
        let before = n.first.checked_sub(1).map(|p| t.text(p));
        let after = t.text(n.end);
        // "at Hove", "Hove : Sussex 363 ...", "The Oval ( London )".
        let venue = before.is_some_and(|w| {
            matches!(
                w.to_ascii_lowercase().as_str(),
                "in" | "at" | "from" | "near" | "to" | "across" | "outside" | "of" | "("
            )
        }) || (t.same_sentence(n.first, n.end) && after == ":");
        if !nation && !venue && !is_dateline(t, n.first, n.end) {
            n.kind = EntityType::Org;
            n.entry = None;
            n.actor = None;
        }
    }
}

/// Whether the gazetteer knows the name as a country, present or past ("Yugoslavia").
fn is_country(name: &str) -> bool {
    use crate::places::gazetteer::{Gazetteer, Kind};
    let g = Gazetteer::embedded();
    g.lookup(name).iter().any(|r| {
        g.entries
            .get(r.entry as usize)
            .is_some_and(|e| e.kind == Kind::Country)
    })
}

/// A place opening its line (or the state after such a town) and followed by a date written
/// as one unit, a month or a comma: a wire dateline ("LONDON 1996-08-30", "SEOUL, July 6"), not a team. A row of scores has
/// figures standing apart ("CLEVELAND 80 53 .602").
fn is_dateline(t: &Tokens<'_>, first: usize, end: usize) -> bool {
    let next = t.text(end);
    let line_end = (end..t.len())
        .take_while(|&k| t.same_sentence(first, k))
        .last()
        .map_or(end, |k| k + 1);
    let one_date = t.kind(end) == Some(chronicle_core::TokenKind::Number)
        && (end + 1..line_end).all(|k| !t.spaced_before(k));
    let dated = one_date || next == "," || crate::calendar::is_month(next);
    // "MILWAUKEE , Wisconsin 1996-08-29": the state after the town is the dateline's too.
    let after_town = first >= 2 && t.text(first - 1) == "," && t.opens_sentence(first - 2);
    (t.opens_sentence(first) || (after_town && one_date)) && t.same_sentence(first, end) && dated
}

/// Longest place name, in words, looked up in a line in capitals.
const MAX_CAPS_PLACE_WORDS: usize = 3;

/// Towns and states the gazetteer knows in the lines in capitals of a sports report, where
/// capitalisation tells nothing: "CLEVELAND AT TEXAS", "MINNESOTA 67 67 .500". Only names of
/// a state or of a town of 100,000 people or more, so that a player's surname in a headline
/// is not taken for a village.
pub fn caps_places(t: &Tokens<'_>, claimed: &[bool]) -> Vec<Candidate> {
    use crate::places::gazetteer::{Gazetteer, Kind};
    let g = Gazetteer::embedded();
    let big = |name: &str| {
        !crate::places::gazetteer::is_direction(name)
            && g.lookup(name).iter().any(|r| {
                g.entries.get(r.entry as usize).is_some_and(|e| {
                    !r.after_comma_only
                        && match e.kind {
                            Kind::Admin1 => true,
                            Kind::City => e.population >= typing::KNOWN_TOWN_POPULATION,
                            _ => false,
                        }
                })
            })
    };
    // The first word of a longer place may be a dictionary's match of its own ("KANSAS" of
    // "KANSAS CITY"): the longer name wins there, and the caller drops the shorter match.
    let word_of = |k: usize, may_be_claimed: bool| {
        k < t.len()
            && (may_be_claimed || !claimed[k])
            && t.in_caps_sentence(k)
            && t.kind(k) == Some(chronicle_core::TokenKind::Word)
            && t.text(k).chars().count() > 1
    };
    let mut out = Vec::new();
    let mut i = 0;
    let mut name = String::new();
    while i < t.len() {
        if !word_of(i, true) {
            i += 1;
            continue;
        }
        let found = (1..=MAX_CAPS_PLACE_WORDS).rev().find(|&n| {
            let ok = |k: usize| word_of(k, n > 1 && k == i) && t.same_sentence(i, k);
            if !(i..i + n).all(ok) {
                return false;
            }
            name.clear();
            for k in i..i + n {
                if k > i {
                    name.push(' ');
                }
                name.push_str(t.text(k));
            }
            big(&name)
        });
        match found {
            Some(n) => {
                out.push(Candidate {
                    first: i,
                    end: i + n,
                    origin: Origin::Gazetteer,
                });
                i += n;
            }
            None => i += 1,
        }
    }
    out
}

/// Words that end a league's division after its name: "American League Central".
const DIVISIONS: [&str; 5] = ["Central", "East", "West", "North", "South"];

/// Sports a league's body is named by: "National Football League" runs the game, the
/// "National League" is a competition in it.
const SPORTS: [&str; 6] = [
    "Football",
    "Hockey",
    "Basketball",
    "Soccer",
    "Racing",
    "Rugby",
];

/// "American League", "NATIONAL LEAGUE", "English National League": in a sports report a name
/// ending in "League" (or in a league's division) is a competition, no organisation (CoNLL's
/// MISC, which the names stage leaves out), unless a sport's name stands before the word
/// ("National Football League"; "Rugby League" alone is the game) or a dictionary holds it. "League of ..." names a body and
/// does not end in the word.
pub fn leagues_as_competitions(t: &Tokens<'_>, named: &mut Vec<Named>) {
    named.retain(|n| {
        if n.kind != EntityType::Org || n.entry.is_some() {
            return true;
        }
        let mut end = n.end;
        if end - n.first >= 3 && DIVISIONS.contains(&t.text(end - 1)) {
            end -= 1;
        }
        let league = t.text(end - 1).eq_ignore_ascii_case("league") && end - n.first >= 2;
        // "Rugby League" alone is the game.
        let sport = end - n.first >= 3
            && SPORTS
                .iter()
                .any(|s| t.text(end - 2).eq_ignore_ascii_case(s));
        !league || sport
    });
}
