//! Organisation names that typing a run alone cannot see, because one of their words was
//! dropped as a common noun or claimed by a dictionary place: "Bank of Canada" (the head alone
//! is "the Bank"), "China Daily" and "Zambia Police" (a place, then a head that is also an
//! ordinary word), and the titles of newspapers and agencies that the article calls so ("the
//! weekly Der Spiegel", "Tanjug news agency"), wherever the article names them again, and a
//! place that opens an organisation's name ("Tokyo Stock Exchange") joins it.

use chronicle_core::{EntityType, Gender, TokenKind};

use super::lexicon::PlaceHead;
use super::resolve::{self, Named};
use super::resources::NameResources;
use super::spot::Tokens;

/// "Bank of Canada", "Government of India", "Office of Tibet": an organisation head that is
/// also an ordinary word, alone before "of" and a place, names the place's organisation. Alone
/// the head is dropped as a common noun ("the Bank said"), so only the place was named. A
/// club's head is a place's ("City of London").
pub fn org_head_of_place(t: &Tokens<'_>, res: &NameResources, named: &mut [Named]) {
    let lx = &res.lexicon;
    let mut taken_until = 0;
    for k in 0..named.len() {
        let n = &named[k];
        let place = matches!(n.kind, EntityType::Gpe | EntityType::Loc);
        let head = n.first.wrapping_sub(2);
        let free = k == 0 || named[k - 1].end <= head;
        let fits = place
            && n.first >= 2
            && free
            && head >= taken_until
            && t.text(n.first - 1) == "of"
            && t.same_sentence(head, n.first)
            && t.is_capitalised(head)
            && !t.in_caps_sentence(head)
            && lx.is_org_head(t.text(head))
            && !lx.is_team_head(t.text(head))
            && !(t.opens_sentence(head) && t.seen_lowercase(t.text(head)));
        if fits {
            let n = &mut named[k];
            n.first = head;
            n.kind = EntityType::Org;
            n.entry = None;
            n.actor = None;
            n.roles.clear();
        }
        taken_until = named[k].end;
    }
}

/// "China Daily", "Jakarta Post", "Zambia Police", "Leeds United": a place, then a head of
/// organisations that is also an ordinary word, ending the name, make one organisation. The
/// head alone was dropped as a common noun. A head of place names makes a longer place instead:
/// "Kansas City", "Bay County".
pub fn place_then_head(t: &Tokens<'_>, res: &NameResources, named: &mut [Named]) {
    let lx = &res.lexicon;
    for k in 0..named.len() {
        let n = &named[k];
        let h = n.end;
        let place = matches!(n.kind, EntityType::Gpe | EntityType::Loc);
        let free = named.get(k + 1).is_none_or(|m| m.first > h);
        let w = t.text(h);
        let fits = place
            && free
            && t.same_sentence(n.first, h)
            && t.is_capitalised(h)
            && !t.in_caps_sentence(h)
            && lx.is_ambiguous_org_head(w)
            && !(t.same_sentence(h, h + 1) && t.is_capitalised(h + 1));
        // "Kansas City", "Bay County": a head of towns (and of their clubs) makes a longer
        // place; "Kenya Bank" is a bank, "Jordan River" no organisation at all.
        let head = lx.place_head(w);
        let town = head == Some(PlaceHead::Political) && lx.is_team_head(w);
        let org = matches!(head, None | Some(PlaceHead::Political));
        if fits && (town || org) {
            let n = &mut named[k];
            n.end = h + 1;
            n.entry = None;
            if !town {
                n.kind = EntityType::Org;
                n.roles.clear();
            }
        }
    }
}

/// Nouns that call a name a newspaper, a magazine, an agency or a broadcaster.
const MEDIA_NOUNS: [&str; 10] = [
    "newspaper",
    "daily",
    "weekly",
    "paper",
    "magazine",
    "tabloid",
    "agency",
    "broadcaster",
    "journal",
    "newsweekly",
];

/// Whether the words right around `tokens[first..end]` call it a newspaper or an agency: "the
/// daily Le Matin", "news weekly Der Spiegel", "Liberte newspaper said", "Itar-Tass news agency".
pub fn called_media(t: &Tokens<'_>, first: usize, end: usize) -> bool {
    let media = |k: usize| t.same_sentence(first, k) && MEDIA_NOUNS.contains(&t.text(k));
    // In "the Yugoslav news agency Tanjug" the agency's name is the one after the noun.
    let named_after = |k: usize| t.same_sentence(first, k) && t.is_capitalised(k);
    let after = (media(end) && !named_after(end + 1))
        || (t.text(end) == "news" && media(end + 1) && !named_after(end + 2));
    after || (first > 0 && media(first - 1))
}

/// Names that no dictionary holds and that the article calls a newspaper or an agency once
/// are that organisation wherever it names them again: "Granma called ...", "told Der Spiegel".
pub fn media_titles(t: &Tokens<'_>, named: &mut [Named]) {
    let titles: Vec<String> = named
        .iter()
        .filter(|n| n.entry.is_none() && called_media(t, n.first, n.end))
        .map(|n| resolve::mention_text(t, n.first, n.end))
        .collect();
    if titles.is_empty() {
        return;
    }
    for n in named.iter_mut() {
        if n.entry.is_none() && titles.contains(&resolve::mention_text(t, n.first, n.end)) {
            n.kind = EntityType::Org;
            n.actor = None;
            n.roles.clear();
        }
    }
}

/// "the Washington Post ... the Post reported", "a Times reporter": the head of a newspaper's or
/// an agency's name the article gave in full, alone after "the" or before a lowercase noun, is
/// that organisation again. Left alone, "the Post" is no name, and the places stage may read it
/// as a town of that name.
pub fn media_short_forms(t: &Tokens<'_>, res: &NameResources, named: &mut Vec<Named>) {
    let heads: Vec<(&str, usize)> = named
        .iter()
        .enumerate()
        .filter(|(_, n)| n.kind == EntityType::Org && n.end - n.first >= 2)
        .map(|(k, n)| (t.text(n.end - 1), k))
        .filter(|&(w, _)| res.lexicon.is_media_head(w))
        .collect();
    if heads.is_empty() {
        return;
    }
    let mut taken = vec![false; t.len()];
    for n in named.iter() {
        if let Some(words) = taken.get_mut(n.first..n.end.min(t.len())) {
            words.fill(true);
        }
    }
    let mut found = Vec::new();
    for (i, &claimed) in taken.iter().enumerate().skip(1) {
        let Some(&(_, k)) = heads.iter().find(|&&(w, _)| w == t.text(i)) else {
            continue;
        };
        let after_the = t.text(i - 1).eq_ignore_ascii_case("the") && t.same_sentence(i - 1, i);
        let modifies = t.same_sentence(i, i + 1)
            && t.kind(i + 1) == Some(chronicle_core::TokenKind::Word)
            && t.text(i + 1).starts_with(|c: char| c.is_lowercase());
        let name_goes_on = t.same_sentence(i, i + 1) && t.is_capitalised(i + 1);
        let alone = !(claimed || t.in_caps_sentence(i) || name_goes_on);
        if alone && (after_the || modifies) {
            let full = &named[k];
            found.push(Named {
                first: i,
                end: i + 1,
                kind: EntityType::Org,
                entry: full.entry,
                actor: full.actor.clone(),
                gender: Gender::Unknown,
                roles: Vec::new(),
                surname_from: None,
            });
        }
    }
    if !found.is_empty() {
        named.extend(found);
        named.sort_by_key(|n| n.first);
    }
}

/// An organisation named after its place is one name: "Tokyo Stock Exchange", "Bank of
/// Canada", "Reuters Ottawa Bureau" (the place is a dictionary match, the rest a run with an
/// organisation head).
pub fn merge_org_places(t: &Tokens<'_>, named: &mut Vec<Named>) {
    let mut k = 1;
    while k < named.len() {
        let (a, b) = (&named[k - 1], &named[k]);
        // Two names touch only where a dictionary match ends or begins, so a place or an
        // organisation right before an unlisted organisation belongs to its name: "Tokyo Stock
        // Exchange", "U.S. Treasury Department", "Kurdistan Democratic Party".
        let place =
            |n: &Named| matches!(n.kind, EntityType::Gpe | EntityType::Loc | EntityType::Norp);
        let org_run = |n: &Named| n.kind == EntityType::Org && n.entry.is_none();
        let listed_org = |n: &Named| n.kind == EntityType::Org && n.entry.is_some();
        let adjacent = a.end == b.first;
        let joined_by_of = a.end + 1 == b.first && t.text(a.end) == "of";
        // A place right before a listed party or body names the national branch: "Kurdistan
        // Democratic Party" (a nationality stays apart: "German Foreign Ministry").
        let land = |n: &Named| matches!(n.kind, EntityType::Gpe | EntityType::Loc);
        let merge = t.same_sentence(a.first, b.first)
            && (((place(a) || listed_org(a)) && org_run(b) && adjacent)
                || (land(a) && listed_org(b) && adjacent && b.end - b.first >= 2)
                || (org_run(a) && place(b) && (adjacent || joined_by_of)));
        // "Atlantic City", "Mexico City": a place and a head word that the gazetteer knows
        // together as one town are that town, not a body of the place.
        let town = merge
            && !listed_org(a)
            && adjacent
            && super::typing::is_town(&resolve::mention_text(t, a.first, b.end));
        if town {
            named[k - 1] = Named::place(a.first, b.end);
            named.remove(k);
        } else if merge {
            let end = b.end;
            let first = a.first;
            // A listed organisation keeps its identity: the "U.S. Treasury Department" is
            // the Treasury.
            let (entry, actor) = if listed_org(a) {
                (a.entry, a.actor.clone())
            } else {
                (None, None)
            };
            named[k - 1] = Named {
                first,
                end,
                kind: EntityType::Org,
                entry,
                actor,
                gender: Gender::Unknown,
                roles: Vec::new(),
                surname_from: None,
            };
            named.remove(k);
        } else {
            k += 1;
        }
    }
}

/// Most words of a newspaper's title standing alone on a line of a press digest.
const MAX_MASTHEAD_WORDS: usize = 4;

/// "PRESS DIGEST - Tunisia - Aug 31" ... "LA PRESSE" ... "LE TEMPS": in a press digest (its
/// first line says "press digest" or "press review") a line of one to four words in capitals,
/// and nothing else, is the masthead of the newspaper whose stories follow, whatever its words
/// are ("JAKARTA POST", "MEDIA INDONESIA" are no places there).
pub fn press_digest_mastheads(t: &Tokens<'_>, named: &mut Vec<Named>) {
    if !is_press_digest(t) {
        return;
    }
    let mut found = Vec::new();
    let mut first = 0;
    while first < t.len() {
        let end = (first..t.len())
            .find(|&k| !t.same_sentence(first, k))
            .unwrap_or(t.len());
        let words = end - first;
        let masthead = first > 0
            && (1..=MAX_MASTHEAD_WORDS).contains(&words)
            && (first..end).all(|k| {
                let w = t.text(k);
                t.kind(k) == Some(TokenKind::Word)
                    && w.chars().any(char::is_alphabetic)
                    && !w.chars().any(char::is_lowercase)
            });
        if masthead {
            found.push((first, end));
        }
        first = end;
    }
    if found.is_empty() {
        return;
    }
    named.retain(|n| !found.iter().any(|&(a, b)| n.first < b && a < n.end));
    named.extend(found.into_iter().map(|(first, end)| Named::org(first, end)));
    named.sort_by_key(|n| n.first);
}

/// Whether the article's first line calls it a press digest or a press review.
fn is_press_digest(t: &Tokens<'_>) -> bool {
    let line: Vec<String> = (0..t.len())
        .take_while(|&k| t.same_sentence(0, k))
        .map(|k| t.text(k).to_lowercase())
        .collect();
    line.windows(2)
        .any(|w| w[0] == "press" && matches!(w[1].as_str(), "digest" | "review"))
}
