//! A definite description that stands for the person the narrative is about: "Film star Marcus
//! Delaney arrived in Toronto ... “...,” *the actor* said" → Marcus Delaney, read as a "he" or
//! "she" is, from the subjects of the sentences before ([`super::tree`]'s antecedents), of
//! either gender. Only a person's word after "the" ("the actor", "the former England forward"),
//! never a thing that speaks ("the statement", "the newspaper"), a plural, nor someone the
//! article brought in unnamed ("a US official said ... the official added").

use std::ops::Range;

use super::Reader;
use super::doc::Doc;
use super::lexicon::WordClass;
use super::phrase::{Np, NpKind};
use super::resolve::Speaker;
use super::tree::Antecedent;

/// How many words before an earlier mention of a description's head an indefinite determiner
/// may stand ("a senior Chinese foreign ministry *spokesman*").
const INDEFINITE_REACH: usize = 5;

/// Words ending like a person's ("-er", "-or", "-ant", "-ent") that name things that speak or
/// are spoken of.
const THINGS: &[&str] = &[
    "list",
    "letter",
    "paper",
    "newspaper",
    "order",
    "center",
    "centre",
    "chamber",
    "register",
    "poster",
    "computer",
    "cover",
    "flyer",
    "mailer",
    "trailer",
    "banner",
    "monitor",
    "sector",
    "factor",
    "tractor",
    "mirror",
    "door",
    "floor",
    "error",
    "event",
    "agent",
    "tenant",
    "comment",
    "content",
    "incident",
    "talent",
    "restaurant",
    "plant",
    "grant",
    "warrant",
    "complaint",
];

impl Reader<'_, '_, '_> {
    /// The person named before whom description `np` stands for, when it is one person's
    /// definite description and the tree reads an antecedent for it.
    /// Only a description that is the whole speaker phrase next to its cue ("the actor said",
    /// "said the actor"): one that goes on ("The leader of the party, Ann Roe,") or stands
    /// away from it names someone of its own. The antecedent must be a person the names
    /// stage found.
    pub(super) fn described_person(&self, np: &Np, cue: &Range<usize>) -> Option<Speaker> {
        let tree = self.tree?;
        let doc = self.doc;
        let adjacent = np.tokens.start == cue.end
            || (np.tokens.end <= cue.start
                && (np.tokens.end..cue.start).all(|k| doc.is(k, WordClass::Aux)));
        if !adjacent || !stands_for_person(doc, np) {
            return None;
        }
        match tree.person_antecedent(doc, self.analysis, np.tokens.start)? {
            (_, Antecedent::Referent(r)) => self.resolver.referent(r).filter(|s| s.person),
            _ => None,
        }
    }
}

/// Whether `np` is "the" and a person's word, written of one person the article has not
/// brought in unnamed, with no clause of its own after it ("the official, who asked not to be
/// named").
fn stands_for_person(doc: &Doc, np: &Np) -> bool {
    let r = &np.tokens;
    if np.kind != NpKind::Described || r.len() < 2 {
        return false;
    }
    let head = r.end - 1;
    let word = doc.tok(head).to_ascii_lowercase();
    let definite = doc.tok(r.start).eq_ignore_ascii_case("the");
    let possessed = r.clone().any(|k| doc.kind(k) == Some(chronicle_core::TokenKind::Clitic));
    // "the EU *including* ten new members": a clause inside, no one person's description.
    let clause = r.clone().any(|k| doc.tok(k).ends_with("ing"));
    let relative = doc.is_punct(r.end, ",")
        && matches!(doc.tok(r.end + 1).to_ascii_lowercase().as_str(), "who" | "whose");
    definite
        && !possessed
        && !clause
        && !relative
        && doc.is_lower_word(head)
        && !doc.is(head, WordClass::Org)
        && person_word(doc, head, &word)
        && !introduced_unnamed(doc, r.start, &word)
}

/// Whether the lower-case singular noun `word` at token `head` names a person: a role word of
/// the lexicon that is a noun ("coach", "senator"; not "state", "former"), or a person's ending
/// ("actor", "player", "novelist", "historian", "nominee").
fn person_word(doc: &Doc, head: usize, word: &str) -> bool {
    let plural = word.ends_with('s') && !word.ends_with("ss");
    let role = doc.is(head, WordClass::Title)
        && !matches!(
            word,
            "state"
                | "foreign"
                | "defense"
                | "defence"
                | "prime"
                | "vice"
                | "first"
                | "former"
                | "acting"
                | "deputy"
                | "gop"
                | "democratic"
                | "republican"
        );
    let ending = ["ist", "ian", "man", "woman", "or", "er", "ee", "ant", "ent"]
        .iter()
        .any(|e| word.ends_with(e))
        && !word.ends_with("ment");
    !plural && (role || ending) && !THINGS.contains(&word)
}

/// Whether the head `word` was written before token `before` other than as a title before a
/// name ("actor Marcus Delaney"): after an indefinite determiner ("a foreign ministry
/// spokesman said ... “...,” the spokesman said" is that same spokesman) or for someone of its
/// own ("Kristina had gone to the doctor ... the doctor told her").
fn introduced_unnamed(doc: &Doc, before: usize, word: &str) -> bool {
    (0..before)
        .filter(|&k| doc.tok(k).eq_ignore_ascii_case(word))
        .any(|k| {
            let titled = doc.is_capitalised(k + 1) && !doc.is(k + 1, WordClass::Function);
            let indefinite = (k.saturating_sub(INDEFINITE_REACH)..k).any(|d| {
                matches!(
                    doc.tok(d).to_ascii_lowercase().as_str(),
                    "a" | "an" | "one" | "another"
                )
            });
            indefinite || !titled
        })
}
