//! A plural quantity noun left as the root ("Thousands of Kenyans protested against the vote")
//! is the subject of the verb after its "of" phrase, not a phrase the verb describes.
//!
//! "Thousands", "hundreds", "dozens", "millions" head a noun phrase whose "of" phrase names what
//! is counted; the verb after that phrase is either the sentence's predicate ("Thousands of
//! Kenyans protested") or a participle describing the counted things ("thousands of guns meant
//! for the police went missing"), and then another verb is the predicate. A greedy parser that
//! reads the verb as a participle ("thousands of Kenyans, protested against …") is left with
//! no predicate at all and the quantity as the sentence's root: a fragment, which a headline
//! may be but a sentence with a verb after its subject is not. In EWT's training trees a
//! quantity noun followed by "of" is the root once, a copula's predicate with a participle
//! ("what I saw was dozens of buses submerged"); the other participles there ("meant") hang
//! from a quantity that is some verb's subject or object.
//!
//! So when the root is such a noun followed by "of", with no copula or subject before it, and
//! the first verb after it is not an "-ing" form (which may describe the counted things:
//! "dozens of people living there"), hangs from the quantity or from a word of its "of"
//! phrase, and has no nominal of its own on its left, the verb takes the root, the quantity becomes its subject, and the quantity's
//! dependents after the verb go with the verb. Arcs move only between the quantity, the verb
//! and their children, so the tree stays a tree; the repair runs before the punctuation
//! attacher and the labeler, which name the new arcs.

use chronicle_core::Upos;

use crate::features::{WordInfo, hash_bytes};

/// Plural nouns of number that count what their "of" phrase names (lower case).
const QUANTITIES: [&[u8]; 8] = [
    b"thousands",
    b"hundreds",
    b"dozens",
    b"millions",
    b"billions",
    b"tens",
    b"scores",
    b"tons",
];

fn nominal(u: Upos) -> bool {
    matches!(u, Upos::Noun | Upos::Propn | Upos::Pron)
}

/// Whether `k` hangs from `top` through heads that all lie in `top..k` (within its phrase).
fn under(heads: &[usize], top: usize, k: usize) -> bool {
    let mut at = k;
    for _ in 0..heads.len() {
        let h = heads[at];
        if h == top {
            return true;
        }
        if h < top || h >= k || h == 0 {
            return false;
        }
        at = h;
    }
    false
}

/// Repairs `heads` (index 0 is the root's stand-in; `heads[i]` is word `i`'s head, 0 for the
/// root) as the module's doc describes; whether it moved arcs.
pub fn repair(words: &[WordInfo], upos: &[Upos], heads: &mut [usize]) -> bool {
    let n = heads.len().min(upos.len()).min(words.len());
    let Some(root) = (1..n).find(|&k| heads[k] == 0) else {
        return false;
    };
    let of = root + 1;
    if of >= n
        || upos[root] != Upos::Noun
        || !QUANTITIES
            .iter()
            .any(|q| words[root].lower == hash_bytes(q))
        || words[of].lower != hash_bytes(b"of")
    {
        return false;
    }
    let Some(verb) = (of + 1..n).find(|&v| matches!(upos[v], Upos::Verb | Upos::Aux)) else {
        return false;
    };
    // A quantity with a copula or a subject of its own is a predicate ("what I saw was dozens of
    // buses submerged"), not a subject waiting for its verb.
    let predicate = (1..root).any(|k| {
        heads[k] == root && (matches!(upos[k], Upos::Aux | Upos::Verb) || nominal(upos[k]))
    });
    let own_subject = (of + 1..verb).any(|k| heads[k] == verb && nominal(upos[k]));
    if upos[verb] != Upos::Verb
        || words[verb].suffix[2] == hash_bytes(b"ing")
        || !(heads[verb] == root || (heads[verb] > of && under(heads, root, heads[verb])))
        || own_subject
        || predicate
    {
        return false;
    }
    crate::nominal_root::raise_verb(heads, root, verb, n);
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::Scratch;

    fn read(forms: &[&str]) -> Vec<WordInfo> {
        let mut scratch = Scratch::default();
        forms
            .iter()
            .map(|f| scratch.word_info(f, &|_| [0, 0]))
            .collect()
    }

    #[test]
    fn the_quantity_is_the_subject_of_the_verb_after_its_phrase() {
        use Upos::*;
        // "Hundreds of farmers marched to the capital ." read with "Hundreds" as root,
        // "marched" a participle modifying it.
        let forms = [
            "", "Hundreds", "of", "farmers", "marched", "to", "the", "capital", ".",
        ];
        let upos = [X, Noun, Adp, Noun, Verb, Adp, Det, Noun, Punct];
        let mut heads = [0, 0, 3, 1, 1, 7, 7, 4, 1];
        assert!(repair(&read(&forms), &upos, &mut heads));
        assert_eq!(heads, [0, 4, 3, 1, 0, 7, 7, 4, 4]);

        // The verb hung from the counted noun instead: the same repair.
        let mut heads = [0, 0, 3, 1, 3, 7, 7, 4, 1];
        assert!(repair(&read(&forms), &upos, &mut heads));
        assert_eq!(heads, [0, 4, 3, 1, 0, 7, 7, 4, 4]);
    }

    #[test]
    fn participles_in_ing_other_nouns_and_clauses_with_a_predicate_are_left_alone() {
        use Upos::*;
        // "Dozens of people living nearby ." : a fragment whose "-ing" form describes them.
        let forms = ["", "Dozens", "of", "people", "living", "nearby", "."];
        let upos = [X, Noun, Adp, Noun, Verb, Adv, Punct];
        let mut heads = [0, 0, 3, 1, 3, 4, 1];
        assert!(!repair(&read(&forms), &upos, &mut heads));
        // "Photos of farmers taken in May ." : no quantity.
        let forms = ["", "Photos", "of", "farmers", "taken", "in", "May", "."];
        let upos = [X, Noun, Adp, Noun, Verb, Adp, Propn, Punct];
        let mut heads = [0, 0, 3, 1, 3, 6, 4, 1];
        assert!(!repair(&read(&forms), &upos, &mut heads));
        // "Thousands of guns went missing ." parsed right: the root is a verb already.
        let forms = ["", "Thousands", "of", "guns", "went", "missing", "."];
        let upos = [X, Noun, Adp, Noun, Verb, Verb, Punct];
        let mut heads = [0, 4, 3, 1, 0, 4, 4];
        let before = heads;
        assert!(!repair(&read(&forms), &upos, &mut heads));
        assert_eq!(heads, before);
        // "It was thousands of guns lost ." : a copula's predicate.
        let forms = ["", "It", "was", "thousands", "of", "guns", "lost", "."];
        let upos = [X, Pron, Aux, Noun, Adp, Noun, Verb, Punct];
        let mut heads = [0, 3, 3, 0, 5, 3, 5, 3];
        assert!(!repair(&read(&forms), &upos, &mut heads));
    }
}
