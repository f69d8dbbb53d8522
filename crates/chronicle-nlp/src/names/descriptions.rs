//! "the group", "the militant group", "the party": a definite description of an organisation
//! that no name follows, linked to the organisation the last sentences named. News names a
//! group once and then calls it "the group"; what the group then does or says is the named
//! organisation's act and word ("Hamas fired rockets. The group also attacked ...").

use chronicle_core::{DescriptionLink, EntityType, Mention, MentionForm};

use super::resolve::{Resolver, span_of};
use super::spot::Tokens;

/// The head nouns of such descriptions, each with the actor sectors the organisation's code
/// must hold (none: any organisation). "the party" is a party's, "the company" a firm's.
const HEADS: &[(&str, &[&str])] = &[
    ("group", &[]),
    ("organization", &[]),
    ("organisation", &[]),
    ("movement", &[]),
    ("network", &[]),
    ("faction", &["REB", "INS", "SEP", "UAF", "PTY"]),
    ("militia", &["REB", "INS", "SEP", "UAF"]),
    ("party", &["PTY"]),
    ("company", &["BUS"]),
    ("firm", &["BUS"]),
];

/// Words between "the" and the head that say the description is someone else: "the other
/// group", "the rival party", "the ruling party" (the government's, not the one just named).
const OTHER: &[&str] = &[
    "other",
    "another",
    "rival",
    "opposition",
    "ruling",
    "new",
    "second",
    "third",
    "first",
    "largest",
    "biggest",
    "smaller",
    "main",
    "former",
    "parent",
    "governing",
    "whole",
];

/// How many words may stand between "the" and the head ("the Islamist militant group").
const MODIFIERS: usize = 2;

/// How many sentences back the organisation may have been named.
const REACH: u32 = 2;

/// The descriptions whose organisation the resolver's name mentions give, in text order.
pub fn description_links(t: &Tokens<'_>, r: &Resolver) -> Vec<DescriptionLink> {
    let sentence_of = |m: &Mention| {
        t.starting_at(m.span.start as usize)
            .and_then(|k| t.sentence.get(k))
            .copied()
    };
    let mut found = Vec::new();
    for i in 0..t.len() {
        if !t.text(i).eq_ignore_ascii_case("the") {
            continue;
        }
        let Some((head, sectors)) = description_at(t, i) else {
            continue;
        };
        let Some(&here) = t.sentence.get(i) else {
            continue;
        };
        let before = t.tokens.get(i).map_or(0, |tok| tok.span.start);
        let referent = r
            .mentions
            .iter()
            .rev()
            .filter(|m| m.span.end <= before && m.form == MentionForm::Name)
            .take_while(|m| sentence_of(m).is_some_and(|s| s + REACH >= here))
            .map(|m| m.referent)
            .find(|&k| {
                let rf = &r.referents[k];
                rf.kind == EntityType::Org
                    && (sectors.is_empty()
                        || rf.actor.as_deref().is_some_and(|code| {
                            sectors
                                .iter()
                                .any(|s| code.get(3..).is_some_and(|a| a.contains(s)))
                        }))
            });
        if let Some(referent) = referent {
            found.push(DescriptionLink {
                span: span_of(t, i, head + 1),
                referent,
            });
        }
    }
    found
}

/// The head word of a description that opens with "the" at token `i`, with the sectors its
/// organisation must hold: lower-case words only, no name or "of" phrase after the head ("the
/// group of experts", "the group Amnesty International" say who they are themselves).
fn description_at(t: &Tokens<'_>, i: usize) -> Option<(usize, &'static [&'static str])> {
    for head in i + 1..=(i + 1 + MODIFIERS).min(t.len().saturating_sub(1)) {
        let word = t.text(head);
        if t.is_capitalised(head)
            || !t.same_sentence(i, head)
            || !word.chars().all(|c| c.is_ascii_lowercase() || c == '-')
            || OTHER.contains(&word)
        {
            return None;
        }
        if let Some(&(_, sectors)) = HEADS.iter().find(|(h, _)| *h == word) {
            let next = t.text(head + 1);
            let named_after = head + 1 < t.len() && t.is_capitalised(head + 1);
            if next == "of" || named_after || HEADS.iter().any(|(h, _)| *h == next) {
                return None;
            }
            return Some((head, sectors));
        }
    }
    None
}
