//! "Tariq and Nadia Khan", "Bill and Hillary Clinton": a lone given name joined by "and" to a
//! full name shares its surname. Left alone, the first given name is no one (or a town), and a
//! later "Mr. Khan" goes to whichever man of that surname the article names next.

use chronicle_core::{EntityType, Gender};

use super::resolve::Named;
use super::resources::NameResources;
use super::spot::{Candidate, Origin, Tokens};

/// Types as people the lone given names coordinated with a full name, each sharing that full
/// name's surname (`named` is aligned with `cands`).
pub(super) fn shared_surnames(
    t: &Tokens<'_>,
    res: &NameResources,
    cands: &[Candidate],
    named: &mut [Option<Named>],
) {
    for k in 1..cands.len().min(named.len()) {
        let Some(full) = named[k].as_ref() else {
            continue;
        };
        let (first, end) = (full.first, full.end);
        if full.kind != EntityType::Person
            || full.surname_from.is_some()
            || end - first < 2
            || first < 2
            || !matches!(t.text(first - 1), "and" | "&")
        {
            continue;
        }
        let j = k - 1;
        let c = &cands[j];
        let lone = c.first + 2 == first && c.end + 1 == first && c.origin == Origin::Run;
        let person_or_none = named[j]
            .as_ref()
            .is_none_or(|n| n.kind == EntityType::Person && n.entry.is_none());
        if !lone || !person_or_none {
            continue;
        }
        // One of the two given names must be known as one: "Microsoft and Bill Gates" are
        // two names, "Tariq and Nadia Khan" one family.
        let (mine, theirs) = (given(t, res, c.first), given(t, res, first));
        let known = |g: Given| g == Given::Listed;
        if mine == Given::No || theirs == Given::No || !(known(mine) || known(theirs)) {
            continue;
        }
        let gender = res
            .lexicon
            .given_name_gender(t.text(c.first))
            .unwrap_or(Gender::Unknown);
        named[j] = Some(Named {
            first: c.first,
            end: c.end,
            kind: EntityType::Person,
            entry: None,
            actor: None,
            gender,
            roles: Vec::new(),
            surname_from: Some((first + 1, end)),
        });
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Given {
    /// The list of given names holds it.
    Listed,
    /// A word that may be a given name the list lacks ("Khizr").
    Unknown,
    No,
}

/// Whether the word at `i` can be a given name here: one the list holds (one that is also a
/// common word or a place only inside a sentence), or a capitalised word that opens no
/// sentence, is no known common word and is never written in lowercase in the article.
fn given(t: &Tokens<'_>, res: &NameResources, i: usize) -> Given {
    let word = t.text(i);
    let inside = !t.opens_sentence(i) && !t.in_caps_sentence(i);
    if res.lexicon.given_name(word).is_some()
        || (res.lexicon.is_ambiguous_given_name(word) && inside)
    {
        return Given::Listed;
    }
    let plain = t.is_capitalised(i)
        && inside
        && !res.lexicon.is_ambiguous_given_name(word)
        && !res.lexicon.is_not_name(word)
        && !t.seen_lowercase(word)
        && word.chars().skip(1).all(char::is_lowercase);
    if plain { Given::Unknown } else { Given::No }
}
