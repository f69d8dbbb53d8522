//! A verb after a comma with a name closing the sentence is that name's verb: "…, noted Ana Ruiz".
//!
//! News puts the cue verb before the speaker after reported words: "Talks will resume in May,
//! said the union's Ana Ruiz." A greedy parser may read the verb as a participle modifying the
//! noun after it ("a noted author") and make that noun the sentence's root, with the clause
//! before the comma hung from it. A noun phrase root whose only words after it are punctuation
//! and the rest of its name (the parser may head "Chen Lin" by its first word),
//! with a verb not in "-ing" hung from it right after a comma and only the phrase's own modifiers
//! between them, is that verb's subject: the verb becomes the root, the noun its dependent, and
//! the noun's dependents before the comma (the reported clause, its marks) go with the verb. Arcs
//! move only between the noun, the verb and the noun's children, so the tree stays a tree; the
//! repair runs before the punctuation attacher and the labeler, which name the arcs.

use chronicle_core::Upos;

use crate::features::{WordInfo, hash_bytes};

/// Repairs `heads` (index 0 is the root's stand-in; `heads[i]` is word `i`'s head, 0 for the
/// root) as the module's doc describes; returns the noun made the verb's subject, which the
/// labeler, reading a noun after its verb, would otherwise name an object.
pub fn repair(words: &[WordInfo], upos: &[Upos], heads: &mut [usize]) -> Option<usize> {
    let n = heads.len().min(words.len()).min(upos.len());
    let root = (1..n).find(|&k| heads[k] == 0)?;
    // After the root, only marks and the rest of its name ("said the minister Chen Lin.").
    let closing = |k: usize| upos[k] == Upos::Punct || (upos[k] == Upos::Propn && heads[k] == root);
    if !matches!(upos[root], Upos::Noun | Upos::Propn) || !(root + 1..n).all(closing) {
        return None;
    }
    let comma = hash_bytes(b",");
    let ing = hash_bytes(b"ing");
    let verb = (2..root).find(|&v| {
        heads[v] == root
            && upos[v] == Upos::Verb
            && words[v - 1].lower == comma
            && words[v].suffix[2] != ing
    })?;
    let phrase_word = |u: Upos| {
        matches!(
            u,
            Upos::Noun | Upos::Propn | Upos::Det | Upos::Adj | Upos::Part | Upos::Num
        )
    };
    if !(verb + 1..root).all(|k| phrase_word(upos[k])) {
        return None;
    }
    heads[verb] = 0;
    heads[root] = verb;
    for h in heads.iter_mut().take(verb) {
        if *h == root {
            *h = verb;
        }
    }
    Some(root)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::read_sentence as read;

    #[test]
    fn a_verb_read_as_the_names_modifier_becomes_its_predicate() {
        // "Talks will resume , noted the union 's Ruiz ." with "Ruiz" the root and "noted"
        // its modifier, "resume" hung from "Ruiz".
        use Upos::*;
        let words = read(&[
            "Talks", "will", "resume", ",", "noted", "the", "union", "'s", "Ruiz", ".",
        ]);
        let upos = [
            X, Noun, Aux, Verb, Punct, Verb, Det, Noun, Part, Propn, Punct,
        ];
        let mut heads = [0, 3, 3, 9, 9, 9, 7, 9, 7, 0, 9];
        assert_eq!(repair(&words, &upos, &mut heads), Some(9));
        assert_eq!(heads, [0, 3, 3, 5, 5, 0, 7, 9, 7, 5, 9]);
    }

    #[test]
    fn an_ing_form_or_a_clause_after_the_name_is_left_alone() {
        use Upos::*;
        // "Rain , falling rain ." : a participle.
        let words = read(&["Rain", ",", "falling", "rain", "."]);
        let upos = [X, Noun, Punct, Verb, Noun, Punct];
        let mut heads = [0, 4, 4, 4, 0, 4];
        let before = heads;
        assert_eq!(repair(&words, &upos, &mut heads), None);
        assert_eq!(heads, before);
    }

    #[test]
    fn a_name_headed_by_its_first_word_is_the_subject_too() {
        // "Posts opened , said Vice-Minister Chen Lin ." with "Chen" the root, "Lin" under it.
        use Upos::*;
        let words = read(&[
            "Posts",
            "opened",
            ",",
            "said",
            "Vice-Minister",
            "Chen",
            "Lin",
            ".",
        ]);
        let upos = [X, Noun, Verb, Punct, Verb, Propn, Propn, Propn, Punct];
        let mut heads = [0, 6, 1, 1, 6, 6, 0, 6, 6];
        assert_eq!(repair(&words, &upos, &mut heads), Some(6));
        assert_eq!(heads, [0, 4, 1, 1, 0, 6, 4, 6, 6]);
    }
}
