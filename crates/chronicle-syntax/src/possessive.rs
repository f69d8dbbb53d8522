//! A possessive's phrase ends in a noun: the tagger's second rule after its two passes.
//!
//! Nouns ending in "-ly" ("ally", "assembly", "supply", "family") read as adverbs to a tagger
//! that has seen few of them: "Turkey, Azerbaijan's closest ally, welcomed the agreement" came
//! out with "ally" an adverb, and the parser hung the sentence's subject from it. After a
//! possessive ("Azerbaijan's", "their"), the words up to the next mark are one noun phrase,
//! which ends in its noun: an "-ly" word tagged as an adverb there, with only adjectives and
//! nouns between it and the possessive, and an adjective (or the possessive) right before it,
//! is that noun. Read with their gold tags, EWT's training sentences hold 16 nouns and names
//! in that position and 1 adverb ("my only").

use chronicle_core::Upos;

use crate::features::{WordInfo, hash_bytes};
use crate::tagger::TagSet;

/// How many adjectives and nouns may stand between the possessive and the noun.
const MAX_MODIFIERS: usize = 3;

/// The classes and forms the rule reads, looked up once per model.
#[derive(Debug, Clone)]
pub struct PossessiveRule {
    noun: usize,
    suffix_ly: u64,
    suffix_est: u64,
    her: u64,
    /// Possessive pronouns and the possessive marks ("'s", "'").
    possessives: [u64; 9],
}

impl PossessiveRule {
    /// The rule for a tag set: the singular noun's class where the set has fine tags, else the
    /// noun's. `None` when the set has no noun class.
    pub fn new(tagset: &TagSet) -> Option<PossessiveRule> {
        let noun = tagset.class(Upos::Noun, "NN");
        if tagset.upos(noun) != Upos::Noun {
            return None;
        }
        let possessives = ["my", "your", "his", "her", "its", "our", "their", "'s", "'"]
            .map(|w| hash_bytes(w.as_bytes()));
        Some(PossessiveRule {
            noun,
            suffix_ly: hash_bytes(b"ly"),
            suffix_est: hash_bytes(b"est"),
            her: hash_bytes(b"her"),
            possessives,
        })
    }

    /// Retags, in `tags` (parallel to `words`), an "-ly" adverb that ends a possessive's noun
    /// phrase before a mark.
    pub fn apply(&self, tagset: &TagSet, words: &[WordInfo], tags: &mut [usize]) {
        let n = tags.len().min(words.len());
        for i in 1..n.saturating_sub(1) {
            let ends_phrase = tagset.upos(tags[i + 1]) == Upos::Punct;
            if !ends_phrase
                || tagset.upos(tags[i]) != Upos::Adv
                || words[i].suffix[1] != self.suffix_ly
            {
                continue;
            }
            let start = i.saturating_sub(MAX_MODIFIERS + 1);
            let possessive = (start..i)
                .rev()
                .find(|&k| !matches!(tagset.upos(tags[k]), Upos::Adj | Upos::Noun));
            let Some(p) = possessive else { continue };
            let marked = self.possessives.contains(&words[p].lower)
                && matches!(tagset.upos(tags[p]), Upos::Part | Upos::Pron);
            // The phrase still lacks its noun: the word before is the possessive itself (not
            // "her", also an object: "recommend her highly"), an adjective or a superlative
            // the tagger took for a noun ("closest"); after a noun ("their work quickly") the
            // phrase is whole and the adverb is one.
            let before = i - 1;
            let open = (before == p && words[p].lower != self.her)
                || tagset.upos(tags[before]) == Upos::Adj
                || words[before].suffix[2] == self.suffix_est;
            if marked && open {
                tags[i] = self.noun;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::Scratch;

    fn tagset() -> TagSet {
        let pairs = [
            (Upos::Noun, "NN"),
            (Upos::Propn, "NNP"),
            (Upos::Part, "POS"),
            (Upos::Pron, "PRP$"),
            (Upos::Adj, "JJS"),
            (Upos::Adv, "RB"),
            (Upos::Punct, ","),
            (Upos::Verb, "VBD"),
        ];
        TagSet::learn(pairs.into_iter(), false)
    }

    fn run(forms: &[&str], upos: &[Upos]) -> Vec<Upos> {
        let set = tagset();
        let rule = PossessiveRule::new(&set).expect("a noun class");
        let mut scratch = Scratch::default();
        let words: Vec<WordInfo> = forms
            .iter()
            .map(|f| scratch.word_info(f, &|_| [0, 0]))
            .collect();
        let mut tags: Vec<usize> = upos.iter().map(|&u| set.class(u, "")).collect();
        rule.apply(&set, &words, &mut tags);
        tags.iter().map(|&t| set.upos(t)).collect()
    }

    #[test]
    fn an_ly_word_ending_a_possessive_phrase_is_its_noun() {
        use Upos::*;
        let forms = [
            "Turkey",
            ",",
            "Azerbaijan",
            "'s",
            "closest",
            "ally",
            ",",
            "welcomed",
        ];
        let tags = [Propn, Punct, Propn, Part, Noun, Adv, Punct, Verb];
        assert_eq!(run(&forms, &tags)[5], Noun);
    }

    #[test]
    fn an_adverb_after_a_whole_phrase_or_an_object_stays() {
        use Upos::*;
        let forms = ["finished", "their", "work", "quickly", "."];
        let tags = [Verb, Pron, Noun, Adv, Punct];
        assert_eq!(run(&forms, &tags)[3], Adv);
        let forms = ["recommend", "her", "highly", "!"];
        let tags = [Verb, Pron, Adv, Punct];
        assert_eq!(run(&forms, &tags)[2], Adv);
    }
}
