//! A subject after a comma is its verb's: "…, Ruiz said at a news conference".
//!
//! News reports speech with the speaker after the words: "Vega's visit will open a new chapter,
//! Ruiz said"; "…, residents and opposition groups said". A greedy parser meets the name first,
//! while the clause before the comma is still open, and may hang it there (a vocative, a
//! conjunct), leaving the verb after it without a subject; in EWT's web text "…, John" is often
//! a vocative, and the richer templates learnt that. A noun phrase set off by a comma (or a
//! comma and a closing quote) right before a verb that has no nominal dependent on its left,
//! hung across the comma into the clause before, is that verb's subject. The phrase moves
//! whole: its words' heads stay inside it, so the tree stays a tree. The repair runs after the
//! opener repair and before the labeler, which then names the arc `nsubj`.

use chronicle_core::Upos;

use crate::features::{WordInfo, hash_bytes};

/// The longest phrase the repair moves, in words: a name, a title and a name, a short noun
/// phrase or two coordinated ones.
const MAX_PHRASE: usize = 6;

/// How far before its noun a preposition is looked for ("in the first two rounds").
const CASE_REACH: usize = 8;

fn nominal(u: Upos) -> bool {
    matches!(u, Upos::Noun | Upos::Propn | Upos::Pron)
}

/// Repairs `heads` (index 0 is the root's stand-in; `heads[i]` is word `i`'s head, 0 for the
/// root) as the module's doc describes, for every verb of the sentence.
pub fn repair(words: &[WordInfo], upos: &[Upos], heads: &mut [usize]) {
    let n = heads.len().min(words.len()).min(upos.len());
    let comma = hash_bytes(b",");
    let quotes = [hash_bytes(b"\""), hash_bytes(b"''"), hash_bytes(b"'")];
    for v in 3..n {
        if upos[v] != Upos::Verb || !nominal(upos[v - 1]) {
            continue;
        }
        // The phrase runs from just after the comma (or the comma and a quote) to v - 1.
        let Some(mark) = (v.saturating_sub(MAX_PHRASE + 1).max(1)..v - 1)
            .rev()
            .find(|&k| upos[k] == Upos::Punct)
        else {
            continue;
        };
        let set_off = words[mark].lower == comma
            || (quotes.contains(&words[mark].lower) && mark > 1 && words[mark - 1].lower == comma);
        if !set_off {
            continue;
        }
        let phrase = mark + 1..v;
        // Its tops (words hung outside it) share one head before the mark, and nothing outside
        // hangs inside it.
        let Some(first) = phrase.clone().find(|&k| !phrase.contains(&heads[k])) else {
            continue;
        };
        let head = heads[first];
        let one_head = phrase
            .clone()
            .all(|k| phrase.contains(&heads[k]) || heads[k] == head);
        if head == 0 || head >= mark || !one_head || !nominal(upos[first]) {
            continue;
        }
        // The verb has no subject yet (no nominal hangs from it on its left), and nothing
        // outside the phrase hangs inside it. These read the whole sentence, so they come last.
        // A nominal with a preposition of its own (a few words before it) is an oblique ("In
        // a radio interview with Dobbs, Ham said"), no subject.
        let has_subject = (1..v).any(|j| {
            heads[j] == v
                && nominal(upos[j])
                && !(j.saturating_sub(CASE_REACH).max(1)..j)
                    .any(|c| heads[c] == j && upos[c] == Upos::Adp)
        });
        let closed = (1..n)
            .filter(|&k| !phrase.contains(&k) && upos[k] != Upos::Punct)
            .all(|k| !phrase.contains(&heads[k]));
        if has_subject || !closed {
            continue;
        }
        for k in phrase.clone() {
            if k == first {
                heads[k] = v;
            } else if heads[k] == head {
                heads[k] = first;
            }
        }
        // The marks that set the phrase off close the clause before it: they hang from that
        // clause's head (the highest word above the old head still before the marks), no
        // longer from the phrase. A mark is a leaf, so this keeps the tree a tree.
        let mut clause = head;
        for _ in 0..n {
            match heads[clause] {
                h if h != 0 && h < mark => clause = h,
                _ => break,
            }
        }
        for k in mark.saturating_sub(1).max(1)..=mark {
            if upos[k] == Upos::Punct && phrase.contains(&heads[k]) {
                heads[k] = clause;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::read_sentence as read;

    #[test]
    fn a_name_hung_across_the_comma_becomes_the_subject_of_the_verb_after_it() {
        // "Talks will resume , Ruiz said ." with "Ruiz" hung from "resume".
        let words = read(&["Talks", "will", "resume", ",", "Ruiz", "said", "."]);
        let upos = [
            Upos::X,
            Upos::Noun,
            Upos::Aux,
            Upos::Verb,
            Upos::Punct,
            Upos::Propn,
            Upos::Verb,
            Upos::Punct,
        ];
        let mut heads = [0, 3, 3, 6, 5, 3, 0, 6];
        repair(&words, &upos, &mut heads);
        assert_eq!(heads, [0, 3, 3, 6, 3, 6, 0, 6]);
    }

    #[test]
    fn coordinated_speakers_move_together_and_a_verb_with_a_subject_is_left_alone() {
        // "Troops fired , residents and groups said": both conjuncts hung from "Troops".
        let words = read(&["Troops", "fired", ",", "residents", "and", "groups", "said"]);
        let upos = [
            Upos::X,
            Upos::Noun,
            Upos::Verb,
            Upos::Punct,
            Upos::Noun,
            Upos::Cconj,
            Upos::Noun,
            Upos::Verb,
        ];
        let mut heads = [0, 2, 7, 4, 1, 6, 1, 0];
        repair(&words, &upos, &mut heads);
        assert_eq!(heads, [0, 2, 7, 2, 7, 6, 4, 0]);

        // "Thanks , John , we said": "said" has its subject "we".
        let words = read(&["Thanks", ",", "John", ",", "we", "said"]);
        let upos = [
            Upos::X,
            Upos::Noun,
            Upos::Punct,
            Upos::Propn,
            Upos::Punct,
            Upos::Pron,
            Upos::Verb,
        ];
        let mut heads = [0, 6, 3, 1, 6, 6, 0];
        let before = heads;
        repair(&words, &upos, &mut heads);
        assert_eq!(heads, before);
    }

    #[test]
    fn a_fronted_prepositional_phrase_is_no_subject() {
        // "In talks with Lee , Ham said ." with "Ham" hung from "Lee" as its conjunct and
        // "talks" an oblique of "said".
        let words = read(&["In", "talks", "with", "Lee", ",", "Ham", "said", "."]);
        let upos = [
            Upos::X,
            Upos::Adp,
            Upos::Noun,
            Upos::Adp,
            Upos::Propn,
            Upos::Punct,
            Upos::Propn,
            Upos::Verb,
            Upos::Punct,
        ];
        let mut heads = [0, 2, 7, 4, 2, 6, 4, 0, 7];
        repair(&words, &upos, &mut heads);
        assert_eq!(heads, [0, 2, 7, 4, 2, 2, 7, 0, 7]);
    }
}
