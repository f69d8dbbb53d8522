//! A statement that someone else should or must act: "Campbell said the UK should reform the
//! policy" appeals to the UK (CAMEO 020), "Rice said Iran must halt enrichment" demands it of
//! Iran (100). The speaker's verb of saying and the modal of the clause it reports say so; the
//! clause's subject is whom the statement is aimed at.

use chronicle_core::{DepRel, Upos};

use super::{Tree, hit_holding};
use crate::events::actors::ActorHit;

/// How strongly a reported clause puts an act on its subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Urging {
    /// "should", "ought to": an appeal.
    Should,
    /// "must": a demand.
    Must,
}

impl Urging {
    /// The CAMEO code of a statement that urges so.
    pub fn code(self) -> &'static str {
        match self {
            Urging::Should => "020",
            Urging::Must => "100",
        }
    }

    fn of_modal(lemma: &str) -> Option<Urging> {
        match lemma.to_ascii_lowercase().as_str() {
            "should" | "ought" => Some(Urging::Should),
            "must" => Some(Urging::Must),
            _ => None,
        }
    }
}

/// Verbs of being, having and perceiving: with "should" or "must" they say what is expected or
/// inferred ("Greece should have sole rights", "the minister must know"), no act asked.
const STATES: &[&str] = &[
    "be",
    "have",
    "know",
    "see",
    "emerge",
    "become",
    "remain",
    "get",
    "feel",
    "seem",
    "look",
    "find",
    "face",
    "expect",
    "need",
    "understand",
    "realise",
    "realize",
];

impl Tree<'_> {
    /// What the verb of saying at `w` urges, and on whom: its clausal complement's modal and the
    /// actor hit of that clause's subject. A pronoun subject ("he must", "we should") is the
    /// speaker's own side or someone the sentence does not name, and no one is urged then.
    pub fn urged(&self, w: usize, hits: &[ActorHit]) -> Option<(Urging, usize)> {
        let clause = self.child(w, |r| r == DepRel::Ccomp)?;
        let urging = self
            .children(clause)
            .filter(|&(_, r)| r == DepRel::Aux)
            .find_map(|(a, _)| Urging::of_modal(self.lemma(a)))?;
        // "should have", "should know", "should emerge": what is expected of someone or
        // something, not an act asked of them
        if STATES
            .iter()
            .any(|v| self.lemma(clause).eq_ignore_ascii_case(v))
        {
            return None;
        }
        let subject = self.child(clause, |r| r == DepRel::Nsubj)?;
        if self.upos(subject) == Some(Upos::Pron) || self.relative(subject) {
            return None;
        }
        // the subject's head names the actor ("the prime minister should"), not a name inside
        // it ("the economies of the countries except Sri Lanka should", "government
        // expenditure should")
        let k = hit_holding(hits, subject)?;
        (!hits[k].ground_only()).then_some((urging, k))
    }
}
