//! Typing names that no dictionary holds, from their words and their context.

use chronicle_core::EntityType;

use super::evidence::Evidence;
use super::lexicon::PlaceHead;
use super::resources::NameResources;
use super::spot::Tokens;

/// The type that a capitalised run's own words and its context give it, if they give one.
pub fn type_run(
    t: &Tokens<'_>,
    res: &NameResources,
    first: usize,
    end: usize,
    ev: &Evidence,
) -> Option<EntityType> {
    let lx = &res.lexicon;
    let n = end - first;
    // "the Kurds", "North Africans": a people or a faith named by its members.
    let direction = |k: usize| crate::places::gazetteer::is_direction(t.text(k));
    if lx.is_group_noun(t.text(end - 1)) && (first..end - 1).all(direction) {
        return Some(EntityType::Norp);
    }
    // "a moderate Republican", "Democrat": a party's member describes a person, names none.
    if n == 1 && lx.is_party_member(t.text(first)) {
        return Some(EntityType::Norp);
    }
    // "the town of Uyo", "the village of Mahala", "Sharqiyah province": a noun for a
    // settlement or a land names what it is.
    if let Some(kind) = named_as_place(t, first, end) {
        return Some(kind);
    }
    // A line that is one result names two teams, whatever their words look like.
    if in_result_pair(t, first, end) {
        return Some(EntityType::Org);
    }
    // "Chelsea have been criticised", "Bath need a scrum-half": a plural verb after one word
    // anywhere in the article makes it a club's or a firm's name, not a person's.
    if n == 1 && ev.title.is_none() && super::agreement::plural_subject(t, t.text(first)) {
        return Some(EntityType::Org);
    }
    // "Chelsea winger Arjen Robben", "Bath prop Duncan Bell": a name before a team member's
    // position and another name is the member's team, whatever word opens it ("Fellow Bath
    // prop": "fellow" is no title there).
    if team_of_member(t, res, end) {
        return Some(EntityType::Org);
    }
    // "Atlantic City", "Palm Springs": a head of places that also heads clubs ("Manchester
    // City") names the town where the gazetteer knows the whole run as one; in a sports
    // report such a town still becomes its team where a team stands.
    if n > 1
        && lx.place_head(t.text(end - 1)).is_some()
        && is_town(&super::resolve::mention_text(t, first, end))
    {
        return Some(EntityType::Gpe);
    }
    let based = first > 0 && super::runs::is_based(t.text(first - 1));
    // "Procter & Gamble": an ampersand between names makes a firm.
    let firm = (first..end).any(|k| t.text(k) == "&");
    let media = super::orgs::called_media(t, first, end);
    if based || firm || media || ev.institution || (first..end).any(|k| lx.is_org_head(t.text(k))) {
        return Some(EntityType::Org);
    }
    // An initial is a person's mark even before a word that heads places: "R. Marsh"; so is
    // a given name before a natural feature or a facility that is also a surname: "Tiger
    // Woods", "Anthony Hill" (a town keeps its head: "Jackson County").
    let given_opener = n == 2 && lx.given_name(t.text(first)).is_some();
    let surname_like_head = !matches!(
        lx.place_head(t.text(end - 1)),
        None | Some(PlaceHead::Political)
    );
    if (is_initial(t.text(first)) && n > 1) || (given_opener && surname_like_head) {
        return Some(EntityType::Person);
    }
    // "Tiger Woods ... Woods said": a wood or a hill never speaks, so a head word that
    // speaks alone elsewhere in the article is the surname of the person the run names.
    if n == 2 && surname_like_head && head_speaks_alone(t, end - 1) {
        return Some(EntityType::Person);
    }
    if let Some(head) = lx.place_head(t.text(end - 1)).filter(|_| n > 1) {
        return Some(match head {
            PlaceHead::Political => EntityType::Gpe,
            PlaceHead::Natural | PlaceHead::Facility => EntityType::Loc,
        });
    }
    // A role names a person only where it names one ("official Choe", "Choe, the minister"):
    // a group or a body beside a name is not the name's description ("told reporters Bonn
    // would", "in Tianjin, the newspaper said").
    let one_person = ev.roles.iter().any(|r| res.roles.names_one_person(r));
    if ev.title.is_some() || ev.age_apposition || one_person {
        return Some(EntityType::Person);
    }
    // "Velcora plans to cut its workforce", "Kelvao injured his knee".
    if let Some(kind) = ev.possessive {
        return Some(kind);
    }
    if n == 1 && is_acronym(t.text(first)) {
        return Some(EntityType::Org);
    }
    if person_shaped(t, res, first, end) {
        return Some(EntityType::Person);
    }
    // One word that speaks is a person only if the article names the person in full
    // elsewhere; otherwise it is most often an agency or a company ("Tanjug said"). The
    // article-wide pass decides.
    if ev.speaks && (2..=4).contains(&n) {
        return Some(EntityType::Person);
    }
    if ev.after_place_preposition && n <= 3 {
        return Some(EntityType::Gpe);
    }
    None
}

/// Whether a team member's position ("winger", "prop") stands at token `at`, with a name
/// right after it in the same sentence.
pub fn team_of_member(t: &Tokens<'_>, res: &NameResources, at: usize) -> bool {
    t.same_sentence(at, at + 1)
        && t.text(at).starts_with(|c: char| c.is_lowercase())
        && res.lexicon.is_member_noun(t.text(at))
        && t.is_capitalised(at + 1)
}

/// The index right after a bracketed one- or two-letter qualifier opening at `k` ("( Z )",
/// "( BJ )": which of two clubs of one name), or `k` itself when none opens there. A country
/// in brackets ("Joakim Haeggman ( Sweden ) 71 77") marks a player, not a team.
fn after_qualifier(t: &Tokens<'_>, k: usize) -> usize {
    let code = t.text(k + 1);
    let short = (1..=2).contains(&code.len()) && code.chars().all(|c| c.is_ascii_uppercase());
    if t.text(k) == "(" && short && t.text(k + 2) == ")" && t.same_sentence(k, k + 2) {
        k + 3
    } else {
        k
    }
}

/// "Eleuterio Anguita ( Spain ) MX Onda 4:05:21": in a line of results, the run right after a
/// rider's or a driver's bracketed country, ending the line or before a figure, is the team.
pub fn team_after_bracketed_country(t: &Tokens<'_>, first: usize, end: usize) -> bool {
    if first < 4 || t.text(first - 1) != ")" || t.text(first - 3) != "(" {
        return false;
    }
    let in_line = |k: usize| t.same_sentence(k, first);
    let country = t.is_capitalised(first - 2) && in_line(first - 3);
    let entrant = t.is_capitalised(first - 4) && in_line(first - 4);
    let closes = !in_line(end) || t.kind(end) == Some(chronicle_core::TokenKind::Number);
    country && entrant && closes
}

/// Whether the word at `head` stands alone (no capitalised word either side) somewhere in
/// the article with a speech verb beside it: "Woods said", "said Hill".
fn head_speaks_alone(t: &Tokens<'_>, head: usize) -> bool {
    let w = t.text(head);
    let capitalised = |k: usize| k < t.len() && t.is_capitalised(k);
    (0..t.len()).any(|k| {
        k != head
            && t.text(k) == w
            && !(k > 0 && t.same_sentence(k - 1, k) && capitalised(k - 1))
            && !capitalised(k + 1)
            && super::evidence::speaks(t, k, k + 1)
    })
}

/// The type of a run nothing spoke for, once the whole article has been read: two or three
/// name-shaped words are most often a person. Lowercase particles between them ("Aravinda de
/// Silva", "Joost van der Westhuizen") are no words of their own: they join a surname.
pub fn default_type(
    t: &Tokens<'_>,
    res: &NameResources,
    first: usize,
    end: usize,
) -> Option<EntityType> {
    let particle = |k: usize| {
        let w = t.text(k);
        w.starts_with(|c: char| c.is_lowercase()) && res.lexicon.is_particle(w)
    };
    let words = || (first..end).filter(|&k| !particle(k));
    let n = words().count();
    let name_shaped = words().all(|k| {
        let w = t.text(k);
        w.chars().skip(1).any(|c| c.is_lowercase()) || w.ends_with('.')
    });
    // "Purchasing Managers", "Human Rights": a word the article also writes in lowercase is
    // a common noun, and the run most often a body's or a title's name, not a person's.
    let common = words()
        .filter(|&k| k > first)
        .any(|k| t.seen_lowercase(t.text(k)));
    if !(2..=3).contains(&n) || !name_shaped || common {
        return None;
    }
    // "Rotor Volgograd", "Bradford Bulls", "Lada Togliatti": a town or a country among words
    // no given name opens names a club or a firm of that place, not a person. A country that
    // the list of given names marks as also a place opens a person's name there ("Chad Ogea",
    // "Jordan Henderson"), unless the whole run is a town ("San Bernardino").
    let place_as_given = |k: usize| {
        k == first
            && res.lexicon.is_ambiguous_given_name(t.text(k))
            && !is_town(&super::resolve::mention_text(t, first, end))
    };
    if words().any(|k| is_known_place(t.text(k)) && !place_as_given(k)) {
        return Some(EntityType::Org);
    }
    Some(EntityType::Person)
}

/// Smallest population of a town that a lone capitalised word nothing else typed is taken
/// for: big enough that a surname seldom collides with it.
pub const KNOWN_TOWN_POPULATION: u64 = 100_000;

/// The type of a one-word run nothing spoke for that the gazetteer knows as a country, a
/// state or province, or a town of 100,000 people or more ("Bonn", "Montreal", "Yunnan").
pub fn known_place(t: &Tokens<'_>, first: usize, end: usize) -> Option<EntityType> {
    if end - first != 1 || t.in_caps_sentence(first) {
        return None;
    }
    // "Western" and "South" are divisions by direction only; a word next to another
    // capitalised one is part of a longer name ("South Darfur", "Centennial Park").
    let w = t.text(first);
    let capitalised_by = |k: usize| t.same_sentence(first, k) && t.is_capitalised(k);
    let in_longer_name = (first > 0 && capitalised_by(first - 1)) || capitalised_by(end);
    if crate::places::gazetteer::is_direction(w) || in_longer_name {
        return None;
    }
    is_known_place(w).then_some(EntityType::Gpe)
}

/// Whether the gazetteer knows the word as a country, a state or province, or a town of
/// 100,000 people or more.
fn is_known_place(w: &str) -> bool {
    use crate::places::gazetteer::{Gazetteer, Kind};
    let g = Gazetteer::embedded();
    g.lookup(w).iter().any(|r| {
        g.entries.get(r.entry as usize).is_some_and(|e| {
            !r.after_comma_only
                && match e.kind {
                    Kind::Country | Kind::Admin1 => true,
                    Kind::City => e.population >= KNOWN_TOWN_POPULATION,
                    Kind::Admin2 | Kind::Region => false,
                }
        })
    })
}

/// Whether the gazetteer knows the word as a town or a division (of any size), not a country.
pub fn is_town(w: &str) -> bool {
    use crate::places::gazetteer::{Gazetteer, Kind};
    let g = Gazetteer::embedded();
    g.lookup(w).iter().any(|r| {
        g.entries
            .get(r.entry as usize)
            .is_some_and(|e| !r.after_comma_only && e.kind != Kind::Country)
    })
}

/// The type of a one-word run nothing spoke for, from the article around it: a word that
/// speaks without a first name anywhere in the article is an agency or a firm ("Tanjug said",
/// "said Ericsson"), except in a sports report, where the one who speaks is a player or a
/// coach ("Safin said"); "the Mets", "the Springboks": a plural after "the" that the article
/// never writes in lowercase is a team or a band.
pub fn lone_word_type(t: &Tokens<'_>, at: usize, sports: bool) -> Option<EntityType> {
    let w = t.text(at);
    if super::evidence::speaks(t, at, at + 1) {
        // A town that speaks in a sports report is its club ("Chelsea said", "Portsmouth
        // claimed a draw"): a player named alone by a town's name is named in full elsewhere,
        // which the article-wide pass reads first.
        return Some(if sports && !is_town(w) {
            EntityType::Person
        } else {
            EntityType::Org
        });
    }
    let after_the = at > 0 && matches!(t.text(at - 1), "the" | "The");
    let plural = w.len() > 3 && w.ends_with('s') && !w.ends_with("ss");
    (after_the && plural && !t.seen_lowercase(w)).then_some(EntityType::Org)
}

/// Two to four words opened by a given name or an initial ("Joel Naroff", "J. Adams"), or one
/// initialled surname written as one token ("T.O'Gorman"): the shape of a person's name.
pub fn person_shaped(t: &Tokens<'_>, res: &NameResources, first: usize, end: usize) -> bool {
    let opener = t.text(first);
    match end - first {
        1 => initialled_surname(opener),
        2..=4 => opens_person_name(res, opener),
        _ => false,
    }
}

/// A given name or an initial: a word that makes the capitalised word after it a surname
/// ("Joel Naroff", "J. Adams").
pub fn opens_person_name(res: &NameResources, word: &str) -> bool {
    res.lexicon.given_name(word).is_some() || is_initial(word)
}

/// "J." or "A.G.": capital letters each followed by a full stop.
pub fn is_initial(word: &str) -> bool {
    let b = word.as_bytes();
    !b.is_empty()
        && b.len().is_multiple_of(2)
        && b.chunks(2)
            .all(|c| c[0].is_ascii_uppercase() && c[1] == b'.')
}

/// "T.O'Gorman", "J.Smith": an initial glued to a surname.
fn initialled_surname(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() > 3
        && b[0].is_ascii_uppercase()
        && b[1] == b'.'
        && b[2].is_ascii_uppercase()
        && b[3..].iter().any(u8::is_ascii_lowercase)
}

/// "KCNA", "NATO", "ICBM": two to seven capitals (digits allowed after the first).
pub fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    (2..=7).contains(&word.len())
        && letters >= 2
        && word
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '.')
        && word.starts_with(|c: char| c.is_ascii_uppercase())
}

/// Whether a run stands in a line of scores ("Leicestershire 22 points, Somerset 4"; "Ajax 2
/// PSV 1"): a name followed by a number, in a sentence where another name is too. Such names
/// are teams.
pub fn in_score_line(t: &Tokens<'_>, first: usize, end: usize) -> bool {
    let number_at = |k: usize| is_score(t, k);
    // "Hajduk 2 Proleter ( Z ) 0": a team's score may follow a short qualifier in brackets.
    let followed_by_number = |k: usize| number_at(k) || number_at(after_qualifier(t, k));
    if !followed_by_number(end) {
        return false;
    }
    // A row of a league table: the name opens the line and only figures follow, two or more
    // standing apart ("Stenhousemuir 3 1 1 1 6 1 4", "NEW YORK 59 75 .440 25"); a dateline's
    // "LONDON 1996-08-30" is one figure.
    let row_end = (end..t.len())
        .take_while(|&k| t.same_sentence(k, first))
        .last()
        .unwrap_or(end);
    let only_figures = (end..=row_end)
        .all(|k| followed_by_number(k) || matches!(t.text(k), "." | "/" | "-" | "(" | ")"));
    let apart = (end..=row_end)
        .filter(|&k| followed_by_number(k) && t.spaced_before(k))
        .count();
    if t.opens_sentence(first) && only_figures && apart >= 2 {
        return true;
    }
    let before = (0..first).rev().take_while(|&k| t.same_sentence(k, first));
    let after = (end..t.len()).take_while(|&k| t.same_sentence(k, first));
    let others = before
        .chain(after)
        .filter(|&k| t.is_capitalised(k) && followed_by_number(k + 1))
        .count();
    others >= 1
}

/// Whether token `k` is a figure that can be a score or a count: digits with inner separators,
/// not an ordinal ("64th", "3rd"), which in a match report is a minute or a place.
fn is_score(t: &Tokens<'_>, k: usize) -> bool {
    t.kind(k) == Some(chronicle_core::TokenKind::Number)
        && !t.text(k).ends_with(|c: char| c.is_ascii_alphabetic())
}

/// Latest minute a match report gives a goal, a card or a substitution: 90 and stoppage time,
/// extra time up to 120.
const LAST_MINUTE: u32 = 130;

/// The minute of a match written as an ordinal at token `k`: "64th", "90th", "41st".
fn minute_at(t: &Tokens<'_>, k: usize) -> bool {
    let w = t.text(k);
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    t.kind(k) == Some(chronicle_core::TokenKind::Number)
        && matches!(suffix, "st" | "nd" | "rd" | "th")
        && digits
            .parse::<u32>()
            .is_ok_and(|m| (1..=LAST_MINUTE).contains(&m))
}

/// "Gomez 86th", "Aunger ( 41st min , pen )", "( Becerril 46th )": a name followed by the
/// minute of a match, right after it or opening a bracket, is a player who scored, was booked
/// or came on, never a team (a team's figure is a score, not an ordinal).
pub fn minute_after(t: &Tokens<'_>, first: usize, end: usize) -> bool {
    let at = if t.text(end) == "(" { end + 1 } else { end };
    let closes = |k: usize| {
        !t.same_sentence(first, k)
            || matches!(t.text(k), "," | ")" | ";" | "." | "min" | "mins" | "minute")
    };
    t.same_sentence(first, at) && minute_at(t, at) && closes(at + 1)
}

/// "Wigan 42 Bradford Bulls 36", "Hajduk 2 Proleter 0": a line that is one result, a name and
/// its score and then another name and its score and nothing more, names two teams whatever
/// their words look like. A golfer's line has a row of figures after one name
/// ("Mark Roe 69 71 78 73"), a tennis result a verb between the names.
pub fn in_result_pair(t: &Tokens<'_>, first: usize, end: usize) -> bool {
    let line = |k: usize| t.same_sentence(first, k);
    let score = |k: usize| line(k) && is_score(t, k);
    let name_end = |from: usize| {
        (from..t.len())
            .take_while(|&k| line(k) && t.is_capitalised(k))
            .last()
    };
    let closes = |k: usize| !line(k) || matches!(t.text(k), "(" | ".");
    // The first name of the pair: it opens the line.
    let as_first = t.opens_sentence(first)
        && score(end)
        && name_end(end + 1).is_some_and(|last| score(last + 1) && closes(last + 2));
    // The second: a score and a name opening the line before it.
    let name_before = |score_at: usize| {
        (0..score_at)
            .rev()
            .take_while(|&k| line(k) && t.is_capitalised(k))
            .last()
            .is_some_and(|k| k < score_at && t.opens_sentence(k))
    };
    let as_second =
        first >= 2 && score(first - 1) && name_before(first - 1) && score(end) && closes(end + 1);
    as_first || as_second
}

/// "Dunmore v Clydebank", "Essex vs Kent": a name on either side of "v" or "vs" (a fixture).
/// Only one word tells a team by this alone: two ("Stephen Hendry v Ronnie Kerr") are as often
/// two players.
pub fn in_fixture(t: &Tokens<'_>, first: usize, end: usize) -> bool {
    let versus = |k: usize| {
        t.same_sentence(first, k) && matches!(t.text(k), "v" | "vs" | "vs." | "v." | "versus")
    };
    versus(end) || (first > 0 && versus(first - 1))
}

/// "Democratic", "Socialist", "Continental": a capitalised word with the ending of an
/// adjective or of a member of a group.
pub fn adjective_shaped(word: &str) -> bool {
    ["ic", "an", "ist", "al", "ish", "ese", "ive"]
        .iter()
        .any(|e| word.len() > e.len() + 2 && word.ends_with(e))
}

/// The type a noun for a place gives a run: "the (coastal) town of X", "the island of X", "X
/// province", "the Pamir mountains". A word shaped like an adjective before the noun
/// describes it ("a Bahraini village", "the Kurdish region"), it names no place.
pub fn named_as_place(t: &Tokens<'_>, first: usize, end: usize) -> Option<EntityType> {
    let kind_of = |w: &str| match w {
        "town" | "village" | "city" | "port" | "suburb" | "hamlet" | "township"
        | "municipality" | "province" | "district" | "region" | "county" => Some(EntityType::Gpe),
        "island" | "mountains" | "valley" | "desert" | "peninsula" => Some(EntityType::Loc),
        _ => None,
    };
    let before = (first >= 2 && t.text(first - 1) == "of" && t.same_sentence(first - 2, first))
        .then(|| kind_of(t.text(first - 2)))
        .flatten();
    if before.is_some() {
        return before;
    }
    let last = t.text(end - 1);
    let mut key = String::new();
    crate::places::gazetteer::push_key(&mut key, last);
    let describes = adjective_shaped(last)
        || crate::places::gazetteer::Gazetteer::embedded()
            .demonym(&key)
            .is_some();
    let after = t.same_sentence(first, end) && !t.in_caps_sentence(first) && !describes;
    after.then(|| kind_of(t.text(end))).flatten()
}
