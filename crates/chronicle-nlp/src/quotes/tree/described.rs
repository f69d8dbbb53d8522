//! Subjects that describe one person without naming them ("a spokesman for the trust", "the
//! doctor" brought in as "a doctor", "his wife"): what a "he" or "she" right after them stands
//! for.

use chronicle_core::{DepRel, Gender, Upos};

use super::Tree;
use crate::quotes::doc::Doc;
use crate::quotes::lexicon::WordClass;
use crate::quotes::roles::{one_person_role, role_gender, title_names_person};

impl Tree<'_> {
    /// Whether subject `t` of the sentence's root describes one person of a gender that fits
    /// `want`, in the words of the actor dictionary's one-person roles ("spokeswoman",
    /// "doctor", "resident", "diplomat"): opened by a determiner or a possessive ("a
    /// spokesman", "the doctor", "the group's spokeswoman", "one resident"), in the singular,
    /// with no name in apposition ("the minister, Jan Novak,", who is then the subject).
    pub(super) fn one_person_described(&self, doc: &Doc, t: usize, want: Gender) -> bool {
        let syn = self.syntax;
        // The subject of the main clause: "While the governor had allies ..., that worries
        // Paul Okafor" is about Okafor, whom a "he" after it stands for.
        let main = syn.head(t).is_some_and(|v| syn.head(v).is_none());
        if !main
            || syn.upos(t) != Some(Upos::Noun)
            || !doc.is_lower_word(t)
            || self.plural_noun(doc, t)
        {
            return false;
        }
        let word = syn.lemma(t).to_ascii_lowercase();
        let person =
            one_person_role(&word) || (doc.is(t, WordClass::Title) && title_names_person(&word));
        if !person
            || role_gender(&word).is_some_and(|g| g != want)
            || syn.children_by(t, DepRel::Appos).next().is_some()
            || self.comma_then_name(doc, t)
        {
            return false;
        }
        if syn.children_by(t, DepRel::NmodPoss).any(|c| c < t) {
            return true;
        }
        let np = self.phrase(doc, t).tokens;
        let det = (np.start < t).then(|| doc.tok(np.start).to_ascii_lowercase());
        match det.as_deref() {
            Some("a" | "an" | "one" | "another") => true,
            // "The diplomat said ..." after "said a diplomat from ...": the person the article
            // brought in unnamed. A "the" description with no such introduction is often a
            // named person's role ("the Republican nominee"), which the names stage links.
            Some("the" | "this" | "that") => self.introduced_unnamed(doc, t, np.start),
            _ => false,
        }
    }

    /// Whether the word at `t` was written before token `before` after "a", "an", "one" or
    /// "another" within its phrase ("a diplomat from a friendly country", "one senior
    /// official"): someone the article brought in without a name.
    fn introduced_unnamed(&self, doc: &Doc, t: usize, before: usize) -> bool {
        let word = doc.tok(t);
        (0..before)
            .filter(|&k| doc.tok(k).eq_ignore_ascii_case(word))
            .any(|k| {
                (k.saturating_sub(4)..k)
                    .rev()
                    .take_while(|&b| doc.kind(b) != Some(chronicle_core::TokenKind::Punct))
                    .any(|b| {
                        matches!(
                            doc.tok(b).to_ascii_lowercase().as_str(),
                            "a" | "an" | "one" | "another"
                        )
                    })
            })
    }

    /// Whether a comma and a capitalised word follow within or right after the phrase
    /// headed at `t`: "the minister of the economy, Mr. Vidal," and "the highest-ranking judge
    /// in the state, Ortiz rose", where the name, however the parser hung it, is who is meant.
    fn comma_then_name(&self, doc: &Doc, t: usize) -> bool {
        let end = self.syntax.subtree(t).end;
        (t + 1..=end).any(|k| doc.is_punct(k, ",") && doc.is_capitalised(k + 1))
    }
}
