//! Names in a headline written in capitals. Capitalisation says nothing there, so a run of
//! capitals is read as a name only where the story below names the same thing in ordinary
//! case: "SHEARER NAMED AS CAPTAIN" over "Alan Shearer", "ATALANTA" over "Atalanta". A person
//! is echoed by the surname alone; anything else by its whole name, and a lone word that heads
//! events or organisations ("Cup", "League") not at all.

use std::collections::HashMap;

use chronicle_core::Gender;

use super::resolve::Named;
use super::resources::NameResources;
use super::spot::Tokens;

/// Longest name, in words, looked for in a headline.
const MAX_ECHO_WORDS: usize = 4;

/// Adds the names of the article's lines in capitals that echo a name of its ordinary lines.
pub fn echoes(t: &Tokens<'_>, res: &NameResources, named: &mut Vec<Named>) {
    let lx = &res.lexicon;
    // One word that heads events, organisations or sports ("Cup", "League", "Golf") says
    // too little to be echoed: in capitals it is most often the common word.
    let weak =
        |w: &str| lx.is_event_head(w) || lx.is_org_head(w) || lx.is_sport_word(&w.to_lowercase());
    // Folded words → the name they echo, first one named in ordinary case.
    let mut known: HashMap<String, usize> = HashMap::new();
    for (k, n) in named.iter().enumerate() {
        if t.in_caps_sentence(n.first) {
            continue;
        }
        if n.end - n.first >= 2 || !weak(t.text(n.first)) {
            known.entry(folded(t, n.first, n.end)).or_insert(k);
        }
        if n.kind == chronicle_core::EntityType::Person && n.end - n.first >= 2 {
            known.entry(folded(t, n.end - 1, n.end)).or_insert(k);
        }
        // "MARLINS BEAT REDS" over "the Florida Marlins": a team is echoed by its nickname,
        // the words after the town that opens its name.
        if n.kind == chronicle_core::EntityType::Org
            && n.end - n.first >= 2
            && super::typing::is_town(t.text(n.first))
            && (n.first + 1..n.end).all(|j| nickname_word(t.text(j)) && !weak(t.text(j)))
        {
            known.entry(folded(t, n.first + 1, n.end)).or_insert(k);
        }
    }
    if known.is_empty() {
        return;
    }
    let mut covered = vec![false; t.len()];
    for n in named.iter() {
        covered[n.first..n.end].iter_mut().for_each(|c| *c = true);
    }
    let free = |k: usize, first: usize| {
        k < t.len()
            && !covered[k]
            && t.in_caps_sentence(k)
            && t.same_sentence(first, k)
            && t.is_capitalised(k)
    };
    let mut found = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if !free(i, i) {
            i += 1;
            continue;
        }
        let words = (i..i + MAX_ECHO_WORDS).take_while(|&k| free(k, i)).count();
        let echo = (1..=words).rev().find_map(|n| {
            // A name ends where the headline's run of capitals does not go on into it.
            known.get(&folded(t, i, i + n)).map(|&k| (n, k))
        });
        match echo {
            Some((n, k)) => {
                let source = &named[k];
                found.push(Named {
                    first: i,
                    end: i + n,
                    kind: source.kind,
                    entry: source.entry,
                    actor: source.actor.clone(),
                    gender: Gender::Unknown,
                    roles: Vec::new(),
                    surname_from: None,
                });
                i += n;
            }
            None => i += 1,
        }
    }
    if !found.is_empty() {
        named.extend(found);
        named.sort_by_key(|n| n.first);
    }
}

/// A word of a team's nickname: capitalised, letters only ("Marlins", "Red", "Sox").
fn nickname_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(char::is_alphabetic)
}

/// Tokens `from..to` lowercase, joined by single spaces.
fn folded(t: &Tokens<'_>, from: usize, to: usize) -> String {
    super::evidence::lower_words(t, from, to)
}
