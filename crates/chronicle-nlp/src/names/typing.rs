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
    if (first..end).any(|k| lx.is_org_head(t.text(k))) {
        return Some(EntityType::Org);
    }
    if let Some(head) = lx.place_head(t.text(end - 1)).filter(|_| n > 1) {
        return Some(match head {
            PlaceHead::Political => EntityType::Gpe,
            PlaceHead::Natural | PlaceHead::Facility => EntityType::Loc,
        });
    }
    if ev.title.is_some() || ev.age_apposition || !ev.roles.is_empty() {
        return Some(EntityType::Person);
    }
    if n == 1 && is_acronym(t.text(first)) {
        return Some(EntityType::Org);
    }
    if (2..=4).contains(&n) && lx.given_name(t.text(first)).is_some() {
        return Some(EntityType::Person);
    }
    if ev.speaks && n <= 4 {
        return Some(EntityType::Person);
    }
    if ev.after_place_preposition && n <= 3 {
        return Some(EntityType::Gpe);
    }
    None
}

/// The type of a run nothing spoke for, once the whole article has been read: two or three
/// name-shaped words are most often a person.
pub fn default_type(t: &Tokens<'_>, first: usize, end: usize) -> Option<EntityType> {
    let n = end - first;
    let name_shaped = (first..end).all(|k| {
        let w = t.text(k);
        w.chars().skip(1).any(|c| c.is_lowercase()) || w.ends_with('.')
    });
    ((2..=3).contains(&n) && name_shaped).then_some(EntityType::Person)
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
    let followed_by_number = |k: usize| t.kind(k) == Some(chronicle_core::TokenKind::Number);
    if !followed_by_number(end) {
        return false;
    }
    let before = (0..first).rev().take_while(|&k| t.same_sentence(k, first));
    let after = (end..t.len()).take_while(|&k| t.same_sentence(k, first));
    let others = before
        .chain(after)
        .filter(|&k| t.is_capitalised(k) && followed_by_number(k + 1))
        .count();
    others >= 1
}
