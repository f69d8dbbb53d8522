//! A participial opener is no root: the one repair made to the parser's tree.
//!
//! News often opens a sentence with a participle clause set off by a comma: "Appearing
//! together at a poster launch, the prime minister hailed his chancellor's performance";
//! "Cloaking himself in Arafat's legacy, Abbas pledged ...". A greedy parser meets the
//! participle first and may keep it as the root, hanging the real main clause from it as a
//! conjunct. A participle with no subject cannot be the main clause when, after the comma, a
//! verb with a subject of its own follows that no conjunction or subordinator opens ("but my
//! instructor trained me", "before I ripped out" are clauses of their own kind): that verb is
//! the root and the opener its adverbial clause. On EWT dev the repair fires only where the
//! gold tree agrees; on EWT train, once the conjunction and subordinator checks are in, never
//! where it does not. It runs before the punctuation attacher and the labeler, which then hang
//! the marks and name the relations on the repaired tree.

use chronicle_core::Upos;

use crate::features::{WordInfo, hash_bytes};

/// Hashes of the forms the repair reads, computed once per call.
struct Forms {
    comma: u64,
    ing: u64,
    ed: u64,
}

impl Forms {
    fn new() -> Forms {
        Forms {
            comma: hash_bytes(b","),
            ing: hash_bytes(b"ing"),
            ed: hash_bytes(b"ed"),
        }
    }

    /// A participle's ending: "-ing" or "-ed".
    fn participle(&self, w: &WordInfo) -> bool {
        w.suffix[2] == self.ing || w.suffix[1] == self.ed
    }
}

/// Repairs `heads` (index 0 is the root's stand-in; `heads[i]` is word `i`'s head, 0 for the
/// root) when its root is a sentence-opening participle as described in the module's doc.
pub fn repair(words: &[WordInfo], upos: &[Upos], heads: &mut [usize]) {
    let n = heads.len().min(words.len()).min(upos.len());
    if n < 4 || heads[1] != 0 || upos[1] != Upos::Verb {
        return;
    }
    let forms = Forms::new();
    if !forms.participle(&words[1]) {
        return;
    }
    let opener = 1;
    let Some((comma, main)) = (2..n)
        .filter(|&c| heads[c] == opener && upos[c] == Upos::Verb)
        .find_map(|c| main_clause(words, upos, heads, &forms, c).map(|comma| (comma, c)))
    else {
        return;
    };
    for (w, h) in heads.iter_mut().enumerate().take(n).skip(comma + 1) {
        if *h == opener && w != main {
            *h = main;
        }
    }
    heads[main] = 0;
    heads[opener] = main;
}

/// The last comma before the verb at `c` when `c` heads a clause of its own after it: a noun,
/// name or pronoun between the comma and `c` hangs from `c`, and no conjunction or
/// subordinator there does.
fn main_clause(
    words: &[WordInfo],
    upos: &[Upos],
    heads: &[usize],
    forms: &Forms,
    c: usize,
) -> Option<usize> {
    let comma = (2..c).rev().find(|&k| words[k].form == forms.comma)?;
    let own = |k: usize| heads[k] == c;
    let subject =
        (comma + 1..c).any(|k| own(k) && matches!(upos[k], Upos::Noun | Upos::Propn | Upos::Pron));
    let opened = (comma + 1..c).any(|k| own(k) && matches!(upos[k], Upos::Cconj | Upos::Sconj));
    (subject && !opened).then_some(comma)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(forms: &[&str]) -> Vec<WordInfo> {
        crate::features::test_words(forms)
    }

    #[test]
    fn a_participle_root_gives_way_to_the_clause_after_its_comma() {
        // Appearing together , the minister hailed it .
        let w = words(&[
            "Appearing",
            "together",
            ",",
            "the",
            "minister",
            "hailed",
            "it",
            ".",
        ]);
        let u = [
            Upos::X,
            Upos::Verb,
            Upos::Adv,
            Upos::Punct,
            Upos::Det,
            Upos::Noun,
            Upos::Verb,
            Upos::Pron,
            Upos::Punct,
        ];
        let mut heads = vec![0, 0, 1, 1, 5, 6, 1, 6, 1];
        repair(&w, &u, &mut heads);
        assert_eq!(heads, vec![0, 6, 1, 1, 5, 6, 0, 6, 6]);
    }

    #[test]
    fn a_clause_opened_by_a_conjunction_stays_a_conjunct() {
        // Prepared the test , but my instructor trained me .
        let w = words(&[
            "Prepared",
            "the",
            "test",
            ",",
            "but",
            "instructor",
            "trained",
            "me",
        ]);
        let u = [
            Upos::X,
            Upos::Verb,
            Upos::Det,
            Upos::Noun,
            Upos::Punct,
            Upos::Cconj,
            Upos::Noun,
            Upos::Verb,
            Upos::Pron,
        ];
        let mut heads = vec![0, 0, 3, 1, 7, 7, 7, 1, 7];
        let before = heads.clone();
        repair(&w, &u, &mut heads);
        assert_eq!(heads, before);
    }
}
