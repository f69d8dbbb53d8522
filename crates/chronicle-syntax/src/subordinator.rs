//! "after", "before", "since" and "until" open a clause when a verb follows their noun: "She
//! resigned after Russia seized Crimea" is a time clause whose subject is "Russia", not a
//! prepositional phrase "after Russia" beside a subjectless "seized Crimea".
//!
//! These words are prepositions before a noun phrase ("after the talks") and subordinating
//! conjunctions before a clause ("after the talks ended"). A greedy parser that has read "after
//! Russia" as a phrase of the verb before it may leave the clause's verb without a subject,
//! hung beside the phrase from the same head; every stage that asks who acted then finds the
//! main clause's subject. When the first verb after the noun is such a sibling, has no subject
//! of its own, is no "-ing" form (which may stand after a preposition's noun: "since talks
//! stalling in May"), and every word between the noun and the verb belongs to the noun's
//! phrase, the noun becomes the verb's subject and the word its mark. Arcs move only into the
//! verb's new subtree, which the moved words touch on its left, so the tree stays a projective
//! tree; the repair runs before the punctuation attacher and the labeler, which name the arcs.
//! "as", "while" and "once" are left alone: "as a case officer assigned to Paris" is a phrase
//! with its participle.

use chronicle_core::Upos;

use crate::features::{WordInfo, hash_bytes};

/// The subordinators that are also prepositions (lower case).
const SUBORDINATORS: [&[u8]; 5] = [b"after", b"before", b"since", b"until", b"till"];

/// How far after the noun the clause's verb may come, in words ("after the two sides finally
/// signed").
const VERB_REACH: usize = 8;

fn nominal(u: Upos) -> bool {
    matches!(u, Upos::Noun | Upos::Propn | Upos::Pron)
}

/// Repairs `heads` (index 0 is the root's stand-in; `heads[i]` is word `i`'s head, 0 for the
/// root) as the module's doc describes; whether it moved arcs.
pub fn repair(words: &[WordInfo], upos: &[Upos], heads: &mut [usize]) -> bool {
    let n = heads.len().min(words.len()).min(upos.len());
    let subordinators = SUBORDINATORS.map(hash_bytes);
    let ing = hash_bytes(b"ing");
    let mut moved = false;
    for c in 1..n {
        if upos[c] != Upos::Adp || !subordinators.contains(&words[c].lower) {
            continue;
        }
        let noun = heads[c];
        if noun <= c || noun >= n || !nominal(upos[noun]) {
            continue;
        }
        let head = heads[noun];
        let Some(v) = (noun + 1..n.min(noun + 1 + VERB_REACH)).find(|&k| upos[k] == Upos::Verb)
        else {
            continue;
        };
        if heads[v] != head || words[v].suffix[2] == ing {
            continue;
        }
        // every word between the subordinator and the verb is in the noun's phrase
        let inside = (c + 1..v).all(|k| k == noun || (c..v).contains(&heads[k]));
        let has_subject = (1..v).any(|j| heads[j] == v && nominal(upos[j]));
        if !inside || has_subject {
            continue;
        }
        heads[noun] = v;
        heads[c] = v;
        moved = true;
    }
    moved
}

#[cfg(test)]
mod tests {
    use super::*;

    fn infos(forms: &[&str]) -> Vec<WordInfo> {
        crate::features::test_words(forms)
    }

    #[test]
    fn the_noun_after_a_subordinator_is_the_clause_subject() {
        // She resigned after Russia seized Crimea .
        let w = infos(&[
            "She", "resigned", "after", "Russia", "seized", "Crimea", ".",
        ]);
        use Upos::*;
        let upos = [X, Pron, Verb, Adp, Propn, Verb, Propn, Punct];
        // the misreading: "after Russia" an oblique of "resigned", "seized" a bare clause
        let mut heads = vec![0, 2, 0, 4, 2, 2, 5, 2];
        assert!(repair(&w, &upos, &mut heads));
        assert_eq!(heads, vec![0, 2, 0, 5, 5, 2, 5, 2]);
    }

    #[test]
    fn a_phrase_or_a_clause_with_its_subject_stays() {
        use Upos::*;
        // He left after the talks , and she stayed .  ("stayed" has its subject)
        let w = infos(&[
            "He", "left", "after", "talks", ",", "and", "she", "stayed", ".",
        ]);
        let upos = [X, Pron, Verb, Adp, Noun, Punct, Cconj, Pron, Verb, Punct];
        let mut heads = vec![0, 2, 0, 4, 2, 8, 8, 8, 2, 2];
        let before = heads.clone();
        assert!(!repair(&w, &upos, &mut heads));
        assert_eq!(heads, before);
        // They met since talks stalling ... : an -ing form is left alone
        let w = infos(&["They", "met", "since", "talks", "stalling", "."]);
        let upos = [X, Pron, Verb, Adp, Noun, Verb, Punct];
        let mut heads = vec![0, 2, 0, 4, 2, 2, 2];
        assert!(!repair(&w, &upos, &mut heads));
    }
}
