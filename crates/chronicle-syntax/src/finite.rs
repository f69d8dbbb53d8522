//! A present-tense verb right after a noun is that noun's predicate, not its modifier.
//!
//! "Nigerian unions oppose the plan, but police arrested the protesters": a greedy parser that
//! has the noun on its stack may hang the verb from it (a clause read as a reduced relative, "the
//! unions opposing the plan") and keep the noun as the sentence's root. A participle may modify
//! the noun before it ("troops stationed there", "unions opposing"); a present-tense form may
//! not. In EWT's training trees, of the 916 words tagged as verbs in a present-tense or base form
//! ("oppose", "opposes") right after a noun or a name, one hangs from that noun; of the -ing,
//! -ed and -en forms there, about half do. So when the parser hangs such a verb from the noun
//! just before it, the verb takes the noun's place, the noun becomes its subject, and the noun's
//! dependents after the verb (the clause's marks, a clause joined to it) go with the verb. The
//! repair moves arcs only between a word and its parent or siblings, so the tree stays a tree;
//! it runs before the punctuation attacher and the labeler, which name the new arcs.

use chronicle_core::Upos;

/// Whether `form` is the present tense or base form of the verb `lemma` ("oppose", "opposes",
/// "carries" of "carry"): not a past tense or a participle, which may modify a noun.
pub fn present_form(form: &str, lemma: &str) -> bool {
    let (f, l) = (form.as_bytes(), lemma.as_bytes());
    let same = |a: &[u8], b: &[u8]| a.eq_ignore_ascii_case(b);
    let strip = |a: &'static [u8], w: &[u8]| -> Option<usize> {
        (w.len() > a.len() && same(&w[w.len() - a.len()..], a)).then(|| w.len() - a.len())
    };
    if same(f, l) {
        return true;
    }
    let Some(stem) = strip(b"s", f).map(|k| &f[..k]) else {
        return false;
    };
    if same(stem, l) || strip(b"e", stem).is_some_and(|k| same(&stem[..k], l)) {
        return true;
    }
    // "carries" of "carry"
    match (strip(b"ie", stem), strip(b"y", l)) {
        (Some(a), Some(b)) => same(&stem[..a], &l[..b]),
        _ => false,
    }
}

/// Repairs `heads` (index 0 is the root's stand-in; `heads[i]` is word `i`'s head, 0 for the
/// root) as the module's doc describes; `present[i]` says whether word `i` is a verb in a
/// present-tense or base form.
pub fn repair(upos: &[Upos], present: &[bool], heads: &mut [usize]) {
    let n = heads.len().min(upos.len()).min(present.len());
    for noun in 1..n.saturating_sub(1) {
        let verb = noun + 1;
        if !matches!(upos[noun], Upos::Noun | Upos::Propn)
            || upos[verb] != Upos::Verb
            || !present[verb]
            || heads[verb] != noun
        {
            continue;
        }
        heads[verb] = heads[noun];
        heads[noun] = verb;
        for h in heads.iter_mut().take(n).skip(verb + 1) {
            if *h == noun {
                *h = verb;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn present_forms_are_told_from_pasts_and_participles() {
        assert!(present_form("oppose", "oppose"));
        assert!(present_form("opposes", "oppose"));
        assert!(present_form("watches", "watch"));
        assert!(present_form("carries", "carry"));
        assert!(!present_form("held", "hold"));
        assert!(!present_form("opposed", "oppose"));
        assert!(!present_form("opposing", "oppose"));
    }

    #[test]
    fn a_present_verb_hung_from_the_noun_before_it_takes_its_place() {
        // "Unions oppose the plan , but police arrested them ." read with "Unions" as root
        // and "oppose" its modifier, "arrested" hung from "Unions".
        use Upos::*;
        let upos = [
            X, Noun, Verb, Det, Noun, Punct, Cconj, Noun, Verb, Pron, Punct,
        ];
        let present = [
            false, false, true, false, false, false, false, false, false, false, false,
        ];
        let mut heads = [0, 0, 1, 4, 2, 8, 8, 8, 1, 8, 1];
        repair(&upos, &present, &mut heads);
        assert_eq!(heads, [0, 2, 0, 4, 2, 8, 8, 8, 2, 8, 2]);

        // "troops stationed there": a participle may modify the noun.
        let upos = [X, Noun, Verb, Adv];
        let mut heads = [0, 0, 1, 2];
        repair(&upos, &[false; 4], &mut heads);
        assert_eq!(heads, [0, 0, 1, 2]);
    }
}
