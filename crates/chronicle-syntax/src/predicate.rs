//! A clause needs a predicate: the tagger's one rule after its two passes.
//!
//! Words such as "surprised", "advanced" or "welcomed" are adjectives in most of the training
//! data ("I was surprised"), so the tagger keeps them adjectives where they are the only verb a
//! clause could have: "Morocco's silence about the operations surprised observers", "crude for
//! November delivery advanced 53 cents". Read with their gold tags, EWT's training sentences in
//! that position (an `-ed` word after a noun or personal pronoun, before the start of a noun
//! phrase, with no verb or auxiliary before it in the sentence) hold 345 verbs and 6 adjectives.
//! The rule makes such a word the past tense it almost always is; the parser then hangs the
//! clause on it instead of reading one long noun phrase.

use chronicle_core::Upos;

use crate::features::{WordInfo, hash_bytes};
use crate::tagger::TagSet;

/// The classes the rule reads and writes, looked up once per model.
#[derive(Debug, Clone)]
pub struct PredicateRule {
    past: usize,
    suffix_ed: u64,
    /// Pronouns no verb follows as its subject: possessives ("its", "our") and relative
    /// determiners ("which").
    not_subjects: [u64; 9],
}

impl PredicateRule {
    /// The rule for a tag set: the past tense's class where the set has fine tags, else the
    /// verb's. `None` when the set has no verb class.
    pub fn new(tagset: &TagSet) -> Option<PredicateRule> {
        let past = tagset.class(Upos::Verb, "VBD");
        if tagset.upos(past) != Upos::Verb {
            return None;
        }
        let not_subjects = [
            "my", "your", "his", "her", "its", "our", "their", "which", "whose",
        ]
        .map(|w| hash_bytes(w.as_bytes()));
        Some(PredicateRule {
            past,
            suffix_ed: hash_bytes(b"ed"),
            not_subjects,
        })
    }

    /// Retags, in `tags` (parallel to `words`), an adjective that must be its clause's verb.
    pub fn apply(&self, tagset: &TagSet, words: &[WordInfo], tags: &mut [usize]) {
        let mut verb_seen = false;
        for i in 0..tags.len().min(words.len()) {
            let upos = tagset.upos(tags[i]);
            if matches!(upos, Upos::Verb | Upos::Aux) {
                verb_seen = true;
                continue;
            }
            if verb_seen || upos != Upos::Adj || i == 0 || !self.ends_in_ed(&words[i]) {
                continue;
            }
            let after_subject = self.is_subject_like(tagset.upos(tags[i - 1]), &words[i - 1]);
            let before_object = tags
                .get(i + 1)
                .is_some_and(|&t| opens_noun_phrase(tagset.upos(t)));
            if after_subject && before_object {
                tags[i] = self.past;
                verb_seen = true;
            }
        }
    }

    /// An `-ed` word of four letters or more ("red" and "bed" are not participles).
    fn ends_in_ed(&self, w: &WordInfo) -> bool {
        w.suffix[1] == self.suffix_ed && w.suffix[2] != w.suffix[3]
    }

    /// A noun, a name, or a personal or wh- pronoun ("they", "who"): what a subject ends in.
    /// Not a possessive ("its", "our"), which a noun follows, nor a relative ("which").
    fn is_subject_like(&self, upos: Upos, w: &WordInfo) -> bool {
        match upos {
            Upos::Noun | Upos::Propn => true,
            Upos::Pron => !self.not_subjects.contains(&w.lower),
            _ => false,
        }
    }
}

/// A word that may start an object: a determiner, noun, name, pronoun, number or adjective.
fn opens_noun_phrase(upos: Upos) -> bool {
    matches!(
        upos,
        Upos::Det | Upos::Noun | Upos::Propn | Upos::Pron | Upos::Num | Upos::Adj
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::Scratch;

    fn tagset() -> TagSet {
        let pairs = [
            (Upos::Noun, "NNS"),
            (Upos::Adj, "JJ"),
            (Upos::Verb, "VBD"),
            (Upos::Aux, "VBD"),
            (Upos::Det, "DT"),
            (Upos::Pron, ""),
            (Upos::Adp, "IN"),
        ];
        // the shipped model's classes are UPOS tags alone
        TagSet::learn(pairs.into_iter(), false)
    }

    fn run(words: &[(&str, Upos, &str)]) -> Vec<Upos> {
        let set = tagset();
        let mut scratch = Scratch::default();
        let infos: Vec<WordInfo> = words
            .iter()
            .map(|(w, _, _)| scratch.word_info(w, &|_| [0, 0]))
            .collect();
        let mut tags: Vec<usize> = words.iter().map(|&(_, u, x)| set.class(u, x)).collect();
        let rule = PredicateRule::new(&set).expect("the set has VBD");
        rule.apply(&set, &infos, &mut tags);
        tags.iter().map(|&t| set.upos(t)).collect()
    }

    #[test]
    fn an_adjective_between_a_subject_and_an_object_with_no_verb_is_the_verb() {
        let got = run(&[
            ("operations", Upos::Noun, "NNS"),
            ("surprised", Upos::Adj, "JJ"),
            ("observers", Upos::Noun, "NNS"),
        ]);
        assert_eq!(got[1], Upos::Verb);
    }

    #[test]
    fn an_adjective_after_a_verb_a_possessive_or_before_a_preposition_stays() {
        // "officials were surprised observers": the clause has its verb
        let after_verb = run(&[
            ("officials", Upos::Noun, "NNS"),
            ("were", Upos::Aux, "VBD"),
            ("surprised", Upos::Adj, "JJ"),
            ("observers", Upos::Noun, "NNS"),
        ]);
        assert_eq!(after_verb[2], Upos::Adj);
        // "their surprised observers": a possessive is no subject
        let possessive = run(&[
            ("their", Upos::Pron, ""),
            ("surprised", Upos::Adj, "JJ"),
            ("observers", Upos::Noun, "NNS"),
        ]);
        assert_eq!(possessive[1], Upos::Adj);
        // "observers surprised by": a reduced clause, no object follows
        let by = run(&[
            ("observers", Upos::Noun, "NNS"),
            ("surprised", Upos::Adj, "JJ"),
            ("by", Upos::Adp, "IN"),
        ]);
        assert_eq!(by[1], Upos::Adj);
        // "red" is no participle
        let red = run(&[
            ("flags", Upos::Noun, "NNS"),
            ("red", Upos::Adj, "JJ"),
            ("flags", Upos::Noun, "NNS"),
        ]);
        assert_eq!(red[1], Upos::Adj);
    }
}
