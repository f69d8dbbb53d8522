//! Which person a lone surname names. The dictionaries file office holders under their surnames
//! too ("Howard" → John Howard, AUSGOV), but a surname names many people: an entry holds a
//! mention only where the article speaks for it.
//!
//! 1. A person the article names in full with that surname decides, the nearest before the
//!    mention (else the first after): a full name of an entry, or a spelling of one with a
//!    compatible given name ("Mahmud Abbas", "Viktor F. Yanukovych"), is that entry; any other
//!    given name ("Michael Howard", "Tim Howard", "Jeb Bush") is a namesake, who takes the
//!    surname and no office.
//! 2. Else an entry whose term covers the article's date holds the mention where a title or role
//!    of its offices stands at the mention ("Prime Minister Howard") or the article names its
//!    country ("Australia", "Australian", "Canberra"); of several such entries, only the one
//!    the article singles out. A sports report's countries are its teams: there the country
//!    speaks for no office holder ("Hill" in an England squad that plays Australia).
//! 3. Else, in a lone sentence (no article around it to weigh), the only entry of that surname
//!    that had taken office by the article's date (its code says whether it holds or held it).
//! 4. Else no entry: a person the dictionaries do not know gets no office.

use chronicle_core::{EntityType, Gender};
use jiff::civil::Date;

use super::dictionary::PhraseKind;
use super::evidence::{self, Evidence};
use super::resolve::Named;
use super::resources::NameResources;
use super::spot::{Candidate, Origin, Tokens};

/// Settles every lone-surname mention of `named` (aligned with `cands`): its entry and actor
/// code by the article's evidence, or none.
pub(super) fn settle(
    t: &Tokens<'_>,
    res: &NameResources,
    (date, sports): (Option<Date>, bool),
    cands: &[Candidate],
    named: &mut [Option<Named>],
) {
    let mut candidates: Vec<usize> = Vec::new();
    let mut countries: Option<Vec<String>> = None;
    // The short form ("Howard") → the full name's mention it was first read as.
    let mut short_forms: Vec<(String, usize)> = Vec::new();
    for k in 0..cands.len().min(named.len()) {
        let Origin::Dictionary { phrase, group } = cands[k].origin else {
            continue;
        };
        let surname = &res.dict.phrases[phrase];
        if surname.kind != PhraseKind::Surname
            || named[k]
                .as_ref()
                .is_none_or(|n| n.kind != EntityType::Person)
        {
            continue;
        }
        candidates.clear();
        candidates.extend(
            res.phrase_groups[group]
                .iter()
                .map(|&p| &res.dict.phrases[p])
                .filter(|p| p.kind == PhraseKind::Surname)
                .map(|p| p.entry),
        );
        let (first, end) = (cands[k].first, cands[k].end);
        let ev = evidence::gather(t, res, first, end);
        // "Mrs. Clinton": the title's gender rules out the dictionary's holders of the
        // surname of the other gender, and speaks for the people whose full names end in it.
        let gender = ev.gender();
        if gender != Gender::Unknown {
            titled_candidates(res, &surname.text, gender, &mut candidates);
        }
        let short = super::resolve::mention_text(t, first, end);
        let kept = short_forms
            .iter()
            .find(|(form, _)| *form == short)
            .map(|&(_, j)| j);
        let found = named_in_full(
            t,
            res,
            (cands, named),
            (k, kept),
            &candidates,
            (&surname.text, gender),
        );
        // Only a full name named before the short form fixes it: a headline's "Clinton" read
        // ahead as the first full name after it fixes nothing.
        if let Some((j, _)) = found
            && kept.is_none()
            && j < k
        {
            short_forms.push((short, j));
        }
        let entry = match found.map(|(_, e)| e) {
            Some(found) => found,
            None => {
                let countries = countries.get_or_insert_with(|| {
                    if sports {
                        Vec::new()
                    } else {
                        article_countries(named)
                    }
                });
                let lone = t.caps_sentence.len() <= 1;
                by_context(res, date, &ev, &candidates, countries, lone)
            }
        };
        if let Some(n) = named[k].as_mut() {
            n.entry = entry;
            n.actor = entry.and_then(|e| res.dict.entries[e].code_on(date));
            n.roles = entry.map_or_else(Vec::new, |e| res.dict.entries[e].roles.clone());
            for role in ev.roles {
                if !n.roles.contains(&role) {
                    n.roles.push(role);
                }
            }
        }
    }
}

/// The person the article names in full with the surname of mention `k`, as the index of that
/// full name's mention and `Some(entry)` when that is a person the dictionaries hold ("Hillary
/// Clinton", though the dictionaries file the surname alone under her husband) or one of
/// `candidates` by a compatible given name, `None` for a namesake; `None` when the article
/// names no one in full with it. The full name is the one the same short form was first read
/// as (`kept`: "Mr Howard" stays Michael Howard after a sentence on his namesake John Howard),
/// else the nearest before the mention, else the first after it; a full name of the other
/// gender than the mention's title is someone else ("Mr. Clinton" after "Hillary Clinton").
fn named_in_full(
    t: &Tokens<'_>,
    res: &NameResources,
    (cands, named): (&[Candidate], &[Option<Named>]),
    (k, kept): (usize, Option<usize>),
    candidates: &[usize],
    (surname, gender): (&str, Gender),
) -> Option<(usize, Option<usize>)> {
    let (first, end) = (cands[k].first, cands[k].end);
    // The position in the name's tokens where the surname's words stand.
    let holds = |words: &[usize]| -> Option<usize> {
        let len = end - first;
        (0..=words.len().checked_sub(len)?).find(|&at| {
            (0..len).all(|o| {
                t.text(words[at + o])
                    .eq_ignore_ascii_case(t.text(first + o))
            })
        })
    };
    let full = |j: usize| -> Option<(&Named, Vec<usize>, usize)> {
        let n = named.get(j)?.as_ref()?;
        let lone_surname = matches!(cands.get(j)?.origin, Origin::Dictionary { phrase, .. }
            if res.dict.phrases[phrase].kind == PhraseKind::Surname);
        let words: Vec<usize> = n.name_tokens().collect();
        if j == k || lone_surname || n.kind != EntityType::Person || words.len() < 2 {
            return None;
        }
        if !compatible(gender, person_gender(t, res, n)) {
            return None;
        }
        holds(&words).map(|at| (n, words, at))
    };
    let with_index = |j: usize| full(j).map(|(n, words, at)| (j, n, words, at));
    let (j, n, words, at) = kept
        .filter(|&j| j < k)
        .and_then(with_index)
        .or_else(|| (0..k).rev().find_map(with_index))
        .or_else(|| (k + 1..named.len()).find_map(with_index))?;
    if let Some(e) = n.entry {
        let person = res.dict.entries[e].kind == EntityType::Person;
        return Some((j, (person || candidates.contains(&e)).then_some(e)));
    }
    let given: Vec<&str> = (words.iter().enumerate())
        .filter(|&(o, _)| o < at || o >= at + (end - first))
        .map(|(_, &j)| t.text(j))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    Some((
        j,
        candidates
            .iter()
            .copied()
            .find(|&e| same_person(res, e, &given, surname)),
    ))
}

/// Narrows the dictionary's holders of `surname` to those of the title's `gender`; where that
/// leaves none ("Mrs. Clinton", the surname filed under Bill Clinton), the people of that
/// gender whose full names end in the surname take their place (Hillary Clinton), for the
/// article's context to choose among.
fn titled_candidates(res: &NameResources, surname: &str, gender: Gender, out: &mut Vec<usize>) {
    out.retain(|&e| compatible(gender, entry_gender(res, e)));
    if out.is_empty() {
        out.extend(
            res.by_last_name
                .get(surname)
                .into_iter()
                .flatten()
                .copied()
                .filter(|&e| entry_gender(res, e) == gender),
        );
    }
}

/// Two genders that can be one person's: equal, or one of them unknown.
fn compatible(a: Gender, b: Gender) -> bool {
    a == Gender::Unknown || b == Gender::Unknown || a == b
}

/// The gender of an entry's first given name ("Hillary Clinton" is female); unknown for a
/// unisex name or one the list does not hold.
fn entry_gender(res: &NameResources, e: usize) -> Gender {
    res.dict
        .entries
        .get(e)
        .and_then(|entry| entry.canonical.split_whitespace().next())
        .and_then(|w| res.lexicon.given_name_gender(w))
        .unwrap_or(Gender::Unknown)
}

/// The gender of a full name in the text: its title's, else its given name's, else its
/// entry's.
fn person_gender(t: &Tokens<'_>, res: &NameResources, n: &Named) -> Gender {
    if n.gender != Gender::Unknown {
        return n.gender;
    }
    res.lexicon
        .given_name_gender(t.text(n.first))
        .or_else(|| n.entry.map(|e| entry_gender(res, e)))
        .unwrap_or(Gender::Unknown)
}

/// Whether `given` (the words of a full name other than the surname) fits one of the full names
/// of entry `e`: the same first given name up to one letter ("Mahmud", "Mahmoud"), an initial of
/// it ("G. Schroeder"), or the same given names once spaces and hyphens go ("Jong-un").
fn same_person(res: &NameResources, e: usize, given: &[&str], surname: &str) -> bool {
    let Some(&mine) = given.first() else {
        return false;
    };
    res.full_names.get(e).into_iter().flatten().any(|&p| {
        let text = &res.dict.phrases[p].text;
        let words: Vec<&str> = text
            .split_whitespace()
            .filter(|w| !w.eq_ignore_ascii_case(surname))
            .collect();
        if words.len() == text.split_whitespace().count() {
            // A full name without the surname ("Abu Mazen") says nothing of given names.
            return false;
        }
        // As many given names, initials aside: "James Brown" is not "James Gordon Brown";
        // initials alone stand for any ("G. Schroeder").
        let spelled = |ws: &[&str]| ws.iter().filter(|w| !is_initial(w)).count();
        let same_count = spelled(given) == 0 || spelled(given) == spelled(&words);
        let same_first = words
            .first()
            .is_some_and(|&theirs| same_given_name(mine, theirs));
        (same_first && same_count) || joined(given) == joined(&words)
    })
}

/// "F." or "F": a given name cut to its first letter.
fn is_initial(word: &str) -> bool {
    word.trim_end_matches('.').chars().count() == 1
}

fn same_given_name(a: &str, b: &str) -> bool {
    if is_initial(a) || is_initial(b) {
        let first = |w: &str| w.chars().flat_map(char::to_lowercase).next();
        return first(a) == first(b);
    }
    let (a, b) = (a.trim_end_matches('.'), b.trim_end_matches('.'));
    let (a, b): (Vec<char>, Vec<char>) = (
        a.chars().flat_map(char::to_lowercase).collect(),
        b.chars().flat_map(char::to_lowercase).collect(),
    );
    a == b || (a.len().min(b.len()) >= 4 && within_one_edit(&a, &b))
}

/// Whether one insertion, deletion or substitution turns `a` into `b`.
fn within_one_edit(a: &[char], b: &[char]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    if short.len() == long.len() {
        prefix == short.len() || short[prefix + 1..] == long[prefix + 1..]
    } else {
        short[prefix..] == long[prefix + 1..]
    }
}

fn joined(words: &[&str]) -> String {
    words
        .iter()
        .flat_map(|w| w.chars())
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The entry the article's context singles out among `candidates`: in office at the article's
/// date, and named by a role of its offices at the mention, else the only one whose country
/// the article names, else in a lone sentence the only one there is.
fn by_context(
    res: &NameResources,
    date: Option<Date>,
    ev: &Evidence,
    candidates: &[usize],
    countries: &[String],
    lone: bool,
) -> Option<usize> {
    let entries = &res.dict.entries;
    let serving = || {
        candidates
            .iter()
            .copied()
            .filter(|&e| entries[e].in_term(date))
    };
    let by_role = |e: &usize| entries[*e].roles.iter().any(|r| ev.roles.contains(r));
    let by_country = |e: &usize| {
        entries[*e]
            .countries()
            .any(|c| countries.iter().any(|x| x == c))
    };
    only(serving().filter(by_role))
        .or_else(|| only(serving().filter(by_country)))
        // a lone sentence has no article around it to weigh: the dictionaries' only holder of
        // that surname who had taken office by then is its reading ("Mr Blair said", "the
        // former president Kuchma"), as it is for a coder reading the sentence alone
        .or_else(|| {
            let one = only(candidates.iter().copied());
            one.filter(|&e| lone && entries[e].begun_by(date))
        })
}

/// The one item of `it`, or none when it has none or several.
fn only(mut it: impl Iterator<Item = usize>) -> Option<usize> {
    let first = it.next()?;
    it.next().is_none().then_some(first)
}

/// The countries the article names through places, nationalities, capitals, seats of
/// government and organisations of a country (the first three letters of their actor codes).
fn article_countries(named: &[Option<Named>]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for n in named.iter().flatten() {
        if n.kind == EntityType::Person {
            continue;
        }
        if let Some(c) = n.actor.as_deref().and_then(|a| a.get(..3))
            && !out.iter().any(|x| x == c)
        {
            out.push(c.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn given_names_compare_by_spelling_and_initials() {
        assert!(same_given_name("Mahmud", "Mahmoud"));
        assert!(same_given_name("Viktor", "Victor"));
        assert!(same_given_name("G.", "Gerhard"));
        assert!(!same_given_name("Michael", "John"));
        assert!(!same_given_name("Tim", "Jim"));
        assert!(!same_given_name("Jeb", "George"));
    }
}
