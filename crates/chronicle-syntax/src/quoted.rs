//! The speaker after a quotation belongs to the cue verb after it, not to the quotation.
//!
//! "'The talks are over,' a minister for rural affairs told reporters": the comma and closing
//! quotation mark end the quoted clause, and the noun phrase after them is the subject of the
//! verb that follows. A greedy parser that still has the quoted verb on its stack may hang the
//! words after the mark on it (the speaker read as its object, a prepositional phrase after it as
//! its oblique) and give the cue verb only the phrase's last noun as subject. A word after a
//! comma and a closing quotation mark is no dependent of a word inside that quotation. So when
//! the words between the mark and the first verb after it are a plain noun phrase (nouns with
//! their determiners, adjectives and numbers, joined by prepositions) and an arc joins one of
//! them to a word inside the quotation, or the phrase's first noun hangs from a later one (the
//! speaker read as an apposition of the noun of its prepositional phrase), the phrase is rebuilt on the cue verb: its first noun group is the
//! verb's subject, each later group (a preposition, its modifiers, its nouns) hangs from the
//! group before it, and a group the parser left whole keeps its own inner arcs. A cue verb hung
//! under the quotation takes the quoted clause's place and the clause hangs from it. Only the
//! phrase, the verb, the clause's top and the verb's right dependents move, and the result is
//! checked for cycles (the arcs are put back if it has one), so the tree stays a tree; the repair runs before the punctuation attacher and the labeler, which name the arcs.

use chronicle_core::Upos;

use crate::features::{WordInfo, hash_bytes};

/// The longest phrase the repair rebuilds, in words.
const MAX_PHRASE: usize = 10;

fn nominal(u: Upos) -> bool {
    matches!(u, Upos::Noun | Upos::Propn | Upos::Pron)
}

fn modifier(u: Upos) -> bool {
    matches!(u, Upos::Det | Upos::Adj | Upos::Num)
}

/// The noun groups of `span` (each a preposition or none, modifiers, then one or more nominals),
/// or `None` when the span is not such a sequence or its first group has a preposition.
fn groups(upos: &[Upos], span: std::ops::Range<usize>) -> Option<Vec<std::ops::Range<usize>>> {
    let mut out = Vec::new();
    let mut k = span.start;
    while k < span.end {
        let start = k;
        if upos[k] == Upos::Adp {
            if out.is_empty() {
                return None;
            }
            k += 1;
        }
        while k < span.end && modifier(upos[k]) {
            k += 1;
        }
        let nouns = k;
        while k < span.end && nominal(upos[k]) {
            k += 1;
        }
        if k == nouns {
            return None;
        }
        out.push(start..k);
    }
    Some(out)
}

/// Whether every word of `heads` reaches the root (index 0) with no cycle.
fn is_tree(heads: &[usize]) -> bool {
    let n = heads.len();
    (1..n).all(|mut k| {
        for _ in 0..n {
            if k == 0 {
                return true;
            }
            k = match heads.get(k) {
                Some(&h) => h,
                None => return false,
            };
        }
        false
    })
}

/// Repairs `heads` (index 0 is the root's stand-in; `heads[i]` is word `i`'s head, 0 for the
/// root) as the module's doc describes, after every comma and closing quotation mark.
pub fn repair(words: &[WordInfo], upos: &[Upos], heads: &mut [usize]) {
    let n = heads.len().min(words.len()).min(upos.len());
    let comma = hash_bytes(b",");
    let quotes = [hash_bytes(b"\""), hash_bytes(b"''")];
    for mark in 2..n {
        if !quotes.contains(&words[mark].lower) || words[mark - 1].lower != comma {
            continue;
        }
        // The quotation runs from after its opening mark (or the sentence's start) to the mark.
        let open = (1..mark - 1)
            .rev()
            .find(|&k| quotes.contains(&words[k].lower))
            .unwrap_or(0);
        let inside = open + 1..mark;
        let Some(verb) = (mark + 1..n.min(mark + MAX_PHRASE + 2))
            .find(|&k| !(nominal(upos[k]) || modifier(upos[k]) || upos[k] == Upos::Adp))
        else {
            continue;
        };
        let phrase = mark + 1..verb;
        if upos[verb] != Upos::Verb || phrase.is_empty() {
            continue;
        }
        let Some(groups) = groups(upos, phrase.clone()) else {
            continue;
        };
        let across = phrase.clone().any(|k| inside.contains(&heads[k]))
            || inside.clone().any(|k| phrase.contains(&heads[k]));
        if !across && !first_group_hangs_later(&groups, heads) {
            continue;
        }
        let before = heads[..n].to_vec();
        rebuild(&groups, upos, verb, &mut heads[..n]);
        // A quoted word hung on the phrase (the quotation read as its modifier) goes with the
        // cue verb: the quotation is what the verb reports.
        for k in inside.clone() {
            if phrase.contains(&heads[k]) {
                heads[k] = verb;
            }
        }
        claim_cue(upos, inside, verb, &mut heads[..n]);
        if !is_tree(&heads[..n]) {
            heads[..n].copy_from_slice(&before);
        }
    }
}

/// Whether the first noun group's last word hangs from a word of a later group: the phrase's
/// head read as a later noun ("a spokesman for committee Democrats said" with "Democrats" the
/// subject and "spokesman" its apposition), where the first group, with its determiner, is
/// the speaker and the later groups its modifiers.
fn first_group_hangs_later(groups: &[std::ops::Range<usize>], heads: &[usize]) -> bool {
    let (Some(first), Some(last)) = (groups.first(), groups.last()) else {
        return false;
    };
    let head = first.end - 1;
    groups.len() > 1 && heads[head] >= first.end && heads[head] < last.end
}

/// A cue verb the parser hung under a word inside the quotation takes the quotation's top clause as its
/// dependent, in that clause's place, and the words after the verb hung inside go with the verb.
fn claim_cue(upos: &[Upos], inside: std::ops::Range<usize>, verb: usize, heads: &mut [usize]) {
    let mut top = heads[verb];
    for _ in 0..heads.len() {
        if top == 0 || inside.contains(&top) {
            break;
        }
        top = heads[top];
    }
    if !inside.contains(&top) {
        return;
    }
    for _ in 0..heads.len() {
        if !inside.contains(&heads[top]) {
            break;
        }
        top = heads[top];
    }
    heads[verb] = heads[top];
    heads[top] = verb;
    for k in verb + 1..heads.len() {
        if upos[k] != Upos::Punct && inside.contains(&heads[k]) {
            heads[k] = verb;
        }
    }
}

/// Hangs the first group's head from `verb` and each later group's head from the group before;
/// a group with one word hung outside it keeps its arcs, any other hangs on its last nominal.
fn rebuild(groups: &[std::ops::Range<usize>], upos: &[Upos], verb: usize, heads: &mut [usize]) {
    let mut parent = verb;
    for g in groups {
        let mut tops = g.clone().filter(|&k| !g.contains(&heads[k]));
        let head = match (tops.next(), tops.next()) {
            (Some(top), None) if nominal(upos[top]) => top,
            _ => {
                let last = g
                    .clone()
                    .rev()
                    .find(|&k| nominal(upos[k]))
                    .unwrap_or(g.end - 1);
                for k in g.clone() {
                    heads[k] = last;
                }
                last
            }
        };
        heads[head] = parent;
        parent = head;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::read_sentence as read;

    #[test]
    fn the_phrase_after_a_closing_quote_is_the_cue_verbs_subject() {
        // "" Prices will fall , " an adviser to city leaders warned ." read with "adviser" the
        // object and "leaders"' preposition an oblique of "fall", "leaders" the subject of
        // "warned".
        use Upos::*;
        let words = read(&[
            "\"", "Prices", "will", "fall", ",", "\"", "an", "adviser", "to", "city", "leaders",
            "warned", ".",
        ]);
        let upos = [
            X, Punct, Noun, Aux, Verb, Punct, Punct, Det, Noun, Adp, Noun, Noun, Verb, Punct,
        ];
        let mut heads = [0, 4, 4, 4, 12, 4, 4, 8, 4, 10, 4, 12, 0, 12];
        repair(&words, &upos, &mut heads);
        assert_eq!(heads, [0, 4, 4, 4, 12, 4, 4, 8, 12, 11, 11, 8, 0, 12]);
    }

    #[test]
    fn a_quotation_read_as_the_speakers_modifier_goes_to_the_cue_verb() {
        // "" Prices fall , " an aide to Lee warned ." read with "fall" a clause modifying
        // "aide" and "Lee" an oblique of "fall".
        use Upos::*;
        let words = read(&[
            "\"", "Prices", "fall", ",", "\"", "an", "aide", "to", "Lee", "warned", ".",
        ]);
        let upos = [
            X, Punct, Noun, Verb, Punct, Punct, Det, Noun, Adp, Propn, Verb, Punct,
        ];
        let mut heads = [0, 3, 3, 7, 3, 3, 7, 10, 9, 3, 0, 10];
        repair(&words, &upos, &mut heads);
        assert_eq!(heads, [0, 3, 3, 10, 3, 3, 7, 10, 9, 7, 0, 10]);
    }

    #[test]
    fn a_speaker_read_as_the_apposition_of_its_own_modifier_is_the_subject() {
        // "" Prices fall , " a spokesman for committee Democrats said ." read with "Democrats"
        // the subject and "spokesman" its apposition, "committee" hung from "spokesman".
        use Upos::*;
        let words = read(&[
            "\"",
            "Prices",
            "fall",
            ",",
            "\"",
            "a",
            "spokesman",
            "for",
            "committee",
            "Democrats",
            "said",
            ".",
        ]);
        let upos = [
            X, Punct, Noun, Verb, Punct, Punct, Det, Noun, Adp, Noun, Propn, Verb, Punct,
        ];
        let mut heads = [0, 3, 3, 11, 3, 3, 7, 10, 9, 7, 11, 0, 11];
        repair(&words, &upos, &mut heads);
        assert_eq!(heads[7], 11, "{heads:?}");
        assert_eq!(heads[10], 7, "{heads:?}");
        assert_eq!(heads[3], 11, "{heads:?}");
    }

    #[test]
    fn a_phrase_hung_outside_the_quotation_or_a_clause_after_it_is_left_alone() {
        use Upos::*;
        // "" Prices will fall , " the adviser warned .": already right.
        let words = read(&[
            "\"", "Prices", "will", "fall", ",", "\"", "the", "adviser", "warned",
        ]);
        let upos = [X, Punct, Noun, Aux, Verb, Punct, Punct, Det, Noun, Verb];
        let mut heads = [0, 4, 4, 4, 9, 4, 4, 8, 9, 0];
        let before = heads;
        repair(&words, &upos, &mut heads);
        assert_eq!(heads, before);
        // "" Prices will fall " , adviser warned": no comma before the mark, nothing moves.
        let words = read(&[
            "\"", "Prices", "will", "fall", "\"", ",", "adviser", "warned",
        ]);
        let upos = [X, Punct, Noun, Aux, Verb, Punct, Punct, Noun, Verb];
        let mut heads = [0, 4, 4, 4, 8, 4, 4, 4, 0];
        let before = heads;
        repair(&words, &upos, &mut heads);
        assert_eq!(heads, before);
    }
}
