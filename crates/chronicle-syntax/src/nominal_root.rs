//! A noun phrase left as the root, with the verb after it hung from it, is that verb's subject.
//!
//! "Critics of the port's rules, like the farmer Jan Smit, want the rules rewritten": a greedy
//! parser that meets a phrase set off after the subject ("like …", "such as …", "including …")
//! may take that phrase for the subject of the verb after it, and, the verb's subject slot
//! filled, hang the verb from the real subject as a conjunct, leaving a noun as the sentence's
//! root. In EWT's training trees a verb hangs from a nominal root with no coordinator of its own
//! and with, on its left, only nominals that carry a preposition of their own twice in 204,577
//! words; such a tree is the parser's misreading. So the verb takes the noun's place as root,
//! the noun becomes its subject, the noun's dependents after the verb go with the verb, and the
//! prepositional phrases between them hang from the noun they follow ("critics like Smit").
//!
//! The same misreading of a coordinated subject: "Indonesia, Sri Lanka and the Seychelles
//! accepted the offer" read as a list of names with "accepted" a participle modifying the last
//! ("the Seychelles, accepted …"). A verb not in "-ing" right after the last conjunct of a noun
//! root, with no dependent on its left and an object on its right, is that list's predicate: in
//! EWT's training trees no such verb hangs from a coordinated nominal root. Arcs move only between the noun, the verb and their children, so the tree stays a tree; the
//! repair runs before the punctuation attacher and the labeler, which name the new arcs.

use chronicle_core::Upos;

use crate::features::{WordInfo, hash_bytes};

fn nominal(u: Upos) -> bool {
    matches!(u, Upos::Noun | Upos::Propn | Upos::Pron)
}

/// Whether nominal `k`, a left dependent of `verb`, has a preposition of its own: one hung from
/// it or from the verb, before it and after any other nominal of the verb.
fn has_case(upos: &[Upos], heads: &[usize], verb: usize, k: usize) -> bool {
    (1..k)
        .rev()
        .take_while(|&c| !(heads[c] == verb && nominal(upos[c])))
        .any(|c| upos[c] == Upos::Adp && (heads[c] == k || heads[c] == verb))
}

/// Repairs `heads` (index 0 is the root's stand-in; `heads[i]` is word `i`'s head, 0 for the
/// root) as the module's doc describes; `present[i]` says whether word `i` is a verb in a
/// present-tense or base form.
pub fn repair(words: &[WordInfo], upos: &[Upos], present: &[bool], heads: &mut [usize]) {
    let n = heads
        .len()
        .min(upos.len())
        .min(words.len())
        .min(present.len());
    let Some(root) = (1..n).find(|&k| heads[k] == 0) else {
        return;
    };
    if !nominal(upos[root]) || (1..n).any(|c| heads[c] == root && upos[c] == Upos::Adp) {
        return;
    }
    if coordinated_subject(words, upos, root, &mut heads[..n])
        || set_off_subject(words, upos, present, root, &mut heads[..n])
    {
        return;
    }
    let Some(verb) = (root + 1..n).find(|&v| heads[v] == root && upos[v] == Upos::Verb) else {
        return;
    };
    let left: Vec<usize> = (1..verb).filter(|&k| heads[k] == verb).collect();
    if left.iter().any(|&k| upos[k] == Upos::Cconj)
        || left
            .iter()
            .any(|&k| nominal(upos[k]) && !has_case(upos, heads, verb, k))
    {
        return;
    }
    // The one prepositional phrase between the noun and the verb.
    let mut after_root = left
        .iter()
        .copied()
        .filter(|&k| k > root && nominal(upos[k]));
    let (Some(phrase), None) = (after_root.next(), after_root.next()) else {
        return;
    };
    raise_verb(heads, root, verb, n);
    heads[phrase] = root;
    for d in left {
        if d > root && d < phrase && upos[d] != Upos::Punct {
            heads[d] = phrase;
        }
    }
}

/// The coordinated subject case of the module's doc; whether it moved arcs.
fn coordinated_subject(
    words: &[WordInfo],
    upos: &[Upos],
    root: usize,
    heads: &mut [usize],
) -> bool {
    let n = heads.len();
    let has_cc = |k: usize| (1..n).any(|c| heads[c] == k && upos[c] == Upos::Cconj);
    let Some(last) = (root + 1..n)
        .rev()
        .find(|&k| heads[k] == root && matches!(upos[k], Upos::Noun | Upos::Propn) && has_cc(k))
    else {
        return false;
    };
    let verb = last + 1;
    let ing = hash_bytes(b"ing");
    let object = |k: usize| {
        heads[k] == verb
            && nominal(upos[k])
            && !(1..n).any(|c| heads[c] == k && upos[c] == Upos::Adp)
    };
    if verb >= n
        || upos[verb] != Upos::Verb
        || words[verb].suffix[2] == ing
        || !(heads[verb] == last || heads[verb] == root)
        || (1..verb).any(|k| heads[k] == verb)
        || !(verb + 1..n).any(object)
    {
        return false;
    }
    let end = heads.len();
    raise_verb(heads, root, verb, end);
    true
}

/// Makes `verb` the sentence's root and the noun `root` its dependent; the noun's dependents
/// after the verb (up to word `end`) move to the verb. The repairs of a noun left as root end so.
pub(crate) fn raise_verb(heads: &mut [usize], root: usize, verb: usize, end: usize) {
    heads[verb] = 0;
    heads[root] = verb;
    for h in heads.iter_mut().take(end).skip(verb + 1) {
        if *h == root {
            *h = verb;
        }
    }
}

/// Whether `k` lies in the subtree of `top`.
fn under(heads: &[usize], top: usize, k: usize) -> bool {
    let mut at = k;
    for _ in 0..heads.len() {
        if at == top {
            return true;
        }
        if at == 0 {
            return false;
        }
        at = heads[at];
    }
    false
}

/// The set-off phrase case of the module's doc, with the phrase read into the noun's own
/// phrase ("Critics of the rules, like the farmer Jan Smit, want the rules rewritten" with
/// "Smit" an apposition of "Critics" and "want" hung from "Critics"): a plural noun root, a
/// phrase set off by two commas inside it, and right after the second comma a verb in its
/// base form (the form a plural subject takes), hung from the noun, with nothing but that
/// comma on its left and a dependent on its right. In EWT's training trees no plural noun
/// root has such a verb (a verb hung so with nothing on its left is an imperative after a
/// colon or a parenthesis: "Directions from the Kennedy: Take the Ogden exit"); whether it
/// moved arcs.
fn set_off_subject(
    words: &[WordInfo],
    upos: &[Upos],
    present: &[bool],
    root: usize,
    heads: &mut [usize],
) -> bool {
    let n = heads.len();
    let comma = hash_bytes(b",");
    let is_comma = |k: usize| words[k].lower == comma;
    let Some(verb) = (root + 1..n).find(|&v| heads[v] == root && upos[v] == Upos::Verb) else {
        return false;
    };
    let plural =
        words[root].suffix[0] == hash_bytes(b"s") && words[root].suffix[1] != hash_bytes(b"ss");
    if upos[root] != Upos::Noun
        || !plural
        || !present[verb]
        || words[verb].suffix[0] == hash_bytes(b"s")
        || !is_comma(verb - 1)
        || !(root + 1..verb - 1).any(is_comma)
        || (1..verb).any(|k| heads[k] == verb && k != verb - 1)
        || !(root + 1..verb - 1).all(|k| under(heads, root, k))
        || !(verb + 1..n).any(|k| heads[k] == verb && upos[k] != Upos::Punct)
    {
        return false;
    }
    let end = heads.len();
    raise_verb(heads, root, verb, end);
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::Scratch;

    /// Words for the tags of a test: only their endings are read ("-ing"), so a verb is "held".
    fn read(upos: &[Upos]) -> Vec<WordInfo> {
        let mut scratch = Scratch::default();
        upos.iter()
            .map(|&u| scratch.word_info(if u == Upos::Verb { "held" } else { "x" }, &|_| [0, 0]))
            .collect()
    }

    #[test]
    fn a_verb_after_a_list_of_names_is_its_predicate() {
        // "Peru , Chile and the Congo accepted the offer ." read with "Peru" as root and
        // "accepted" a modifier of "Congo".
        use Upos::*;
        let upos = [
            X, Propn, Punct, Propn, Cconj, Det, Propn, Verb, Det, Noun, Punct,
        ];
        let mut heads = [0, 0, 3, 1, 6, 6, 1, 6, 9, 7, 1];
        repair(&read(&upos), &upos, &[false; 16], &mut heads);
        assert_eq!(heads, [0, 7, 3, 1, 6, 6, 1, 0, 9, 7, 7]);
    }

    #[test]
    fn the_root_noun_becomes_the_subject_and_the_set_off_phrase_its_modifier() {
        // "Critics , like Smit , want rules ." read with "Critics" as root, "want" its
        // conjunct and "Smit" the subject of "want".
        use Upos::*;
        let upos = [X, Noun, Punct, Adp, Propn, Punct, Verb, Noun, Punct];
        let mut heads = [0, 0, 4, 4, 6, 4, 1, 6, 1];
        repair(&read(&upos), &upos, &[false; 16], &mut heads);
        assert_eq!(heads, [0, 6, 4, 4, 1, 4, 0, 6, 6]);

        // The same with "like" and "the" hung from the verb: they go with their noun.
        let upos = [X, Noun, Punct, Adp, Det, Propn, Punct, Verb, Noun];
        let mut heads = [0, 0, 7, 7, 7, 7, 5, 1, 7];
        repair(&read(&upos), &upos, &[false; 16], &mut heads);
        assert_eq!(heads, [0, 7, 7, 5, 5, 1, 5, 0, 7]);
    }

    #[test]
    fn a_verb_with_a_subject_or_a_coordinator_of_its_own_is_left_alone() {
        use Upos::*;
        // "Pizza , and they loved it": the verb has a coordinator and a subject.
        let upos = [X, Noun, Punct, Cconj, Pron, Verb, Pron];
        let mut heads = [0, 0, 5, 5, 5, 1, 5];
        let before = heads;
        repair(&read(&upos), &upos, &[false; 16], &mut heads);
        assert_eq!(heads, before);
        // "Great place , love it": no nominal on the verb's left, a list, not a subject.
        let upos = [X, Adj, Noun, Punct, Verb, Pron];
        let mut heads = [0, 2, 0, 4, 2, 4];
        let before = heads;
        repair(&read(&upos), &upos, &[false; 16], &mut heads);
        assert_eq!(heads, before);
    }

    #[test]
    fn a_base_verb_after_a_phrase_set_off_inside_a_plural_root_is_its_predicate() {
        use Upos::*;
        // "Critics of rules , like Jan Smit , want rules rewritten ." read with "Critics" as
        // root, "Jan" its apposition and "want" hung from it.
        let forms = [
            "",
            "Critics",
            "of",
            "rules",
            ",",
            "like",
            "Jan",
            "Smit",
            ",",
            "want",
            "rules",
            "rewritten",
            ".",
        ];
        let upos = [
            X, Noun, Adp, Noun, Punct, Adp, Propn, Propn, Punct, Verb, Noun, Verb, Punct,
        ];
        let mut present = [false; 13];
        present[9] = true;
        let words = {
            let mut scratch = Scratch::default();
            forms
                .iter()
                .map(|f| scratch.word_info(f, &|_| [0, 0]))
                .collect::<Vec<_>>()
        };
        let mut heads = [0, 0, 3, 1, 6, 6, 1, 6, 9, 1, 9, 9, 1];
        repair(&words, &upos, &present, &mut heads);
        assert_eq!(heads, [0, 9, 3, 1, 6, 6, 1, 6, 9, 0, 9, 9, 9]);

        // A singular noun ("Great place , love it") or a verb in "-s" is left alone.
        let mut forms2 = forms;
        forms2[1] = "Critic";
        let words2: Vec<WordInfo> = {
            let mut scratch = Scratch::default();
            forms2
                .iter()
                .map(|f| scratch.word_info(f, &|_| [0, 0]))
                .collect()
        };
        let mut heads = [0, 0, 3, 1, 6, 6, 1, 6, 9, 1, 9, 9, 1];
        let before = heads;
        repair(&words2, &upos, &present, &mut heads);
        assert_eq!(heads, before);
    }
}
